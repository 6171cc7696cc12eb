import { languages } from '@sisi/domain/languages';
import { afterEach, describe, expect, it } from 'vitest';
import { addNamespace, changeLanguage, formatDate, i18n, namespacesReady, t } from './index.ts';
import { endonym, isLanguage, languageOfBrowser } from './languages.ts';
import fr from './locales/fr/common.json';
import frMentorships from './locales/fr/mentorships.json';

describe('the languages', () => {
  it('takes the first of the browser’s languages whose base it speaks', () => {
    expect(languageOfBrowser(['de-DE', 'pt-BR', 'en'])).toBe('pt');
    expect(languageOfBrowser(['fr_CA'])).toBe('fr');
    expect(languageOfBrowser(['de', 'sw'])).toBeNull();
    expect(languageOfBrowser([])).toBeNull();
  });

  it('names each language in itself, capitalized', () => {
    expect(languages.map(endonym)).toEqual(['English', 'Français', 'Español', 'Português']);
  });

  it('knows its codes only', () => {
    expect(languages.every(isLanguage)).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});

describe('the i18next instance', () => {
  afterEach(() => changeLanguage('en'));

  it('loads the reader’s language only, and a namespace in use again on a switch', async () => {
    await changeLanguage('fr');
    expect(t('login.submit')).toBe(fr.login.submit);
    // no English fallback, no other language
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    expect(i18n.hasResourceBundle('es', 'translation')).toBe(false);
    const tm = addNamespace<(key: string, options?: object) => string>('mentorships');
    await namespacesReady();
    expect(tm('mentorships.list.title')).toBe(frMentorships.mentorships.list.title);

    await changeLanguage('es');
    expect(tm('mentorships.list.title')).not.toBe(frMentorships.mentorships.list.title);
    expect(tm('mentorships.list.title')).not.toBe('mentorships.list.title');
  });

  it('chooses plural forms by Intl.PluralRules, many included', async () => {
    await changeLanguage('fr');
    const tm = addNamespace<(key: string, options?: object) => string>('mentorships');
    await namespacesReady();
    const forms = frMentorships.mentorships.list;
    const at = (count: number) => tm('mentorships.list.shown', { count });
    expect(at(1)).toBe(forms.shown_one.replace('{{count}}', '1'));
    expect(at(2)).toBe(forms.shown_other.replace('{{count}}', '2'));
    expect(at(1_000_000)).toBe(forms.shown_many.replace('{{count}}', '1000000'));
  });

  it('formats dates in the reader’s language', async () => {
    await changeLanguage('fr');
    expect(formatDate('2026-03-12')).toBe('12 mars 2026');
    await changeLanguage('pt');
    expect(formatDate('2026-03-12')).toBe('12 de março de 2026');
  });
});

describe('the toolkit content in the reader’s language', () => {
  afterEach(() => changeLanguage('en'));

  it('reads a screen’s toolkit objects in the language, ids unchanged, and in English again', async () => {
    const { approachById } = await import('@sisi/domain/static');
    const { toolkitMentorship } = await import('@sisi/domain');
    const frToolkit = (await import('../../../packages/domain/locales/fr/toolkit-mentorship.json'))
      .default as { approachById: Record<string, { name: string }> };
    addNamespace('mentorships', { 'toolkit-mentorship': toolkitMentorship });
    const english = approachById['on-site'].name;

    await changeLanguage('fr');
    expect(approachById['on-site'].name).toBe(frToolkit.approachById['on-site']!.name);
    expect(approachById['on-site'].id).toBe('on-site');
    expect(approachById['on-site'].scenarios).toEqual(['one-to-one']);

    await changeLanguage('en');
    expect(approachById['on-site'].name).toBe(english);
  });
});
