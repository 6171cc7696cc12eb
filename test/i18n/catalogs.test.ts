import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languages } from '@sisi/domain/languages';
import { findRepoRoot } from '@sisi/local';
import { describe, expect, it } from 'vitest';
import {
  catalogProblems,
  type Namespaces,
  pluralForms,
  readCatalogs,
  type SameAsEnglish,
} from '../support/catalogs.ts';

/**
 * Every directory of translation catalogs, `<dir>/<language>/<namespace>.json`, English the
 * source: the SPA's screens, and the domain's mail, error words and toolkit content. A new
 * set of catalogs is checked once listed here.
 */
const CATALOG_DIRS = ['web/src/i18n/locales', 'packages/domain/locales'];

const root = findRepoRoot();
const same = JSON.parse(
  readFileSync(join(root, 'test/i18n/same-as-english.json'), 'utf8'),
) as SameAsEnglish;

describe.each(CATALOG_DIRS)('the catalogs of %s', (dir) => {
  const catalogs = readCatalogs(join(root, dir));
  const english = catalogs.en as Namespaces;

  it('are in every language the SPA offers, and in no other', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...languages].sort());
    expect(Object.keys(english).length).toBeGreaterThan(0);
  });

  it.each(languages.filter((lng) => lng !== 'en'))('are complete in %s', (lng) => {
    expect(catalogProblems(lng, english, catalogs[lng] ?? {}, same)).toEqual([]);
  });

  it('in English ask i18next only for the plural forms English has', () => {
    expect(catalogProblems('en', english, english)).toEqual([]);
  });
});

describe('the completeness check', () => {
  const english: Namespaces = {
    screen: {
      title: 'Mentorships',
      greeting: 'Hello {{name}}',
      shown_one: 'One mentorship shown',
      shown_other: '{{count}} mentorships shown',
      date: 'Date',
      brand: 'Sisi',
      pair: '{{a}} / {{b}}',
    },
  };
  const french = (): Namespaces => ({
    screen: {
      title: 'Mentorats',
      greeting: 'Bonjour {{name}}',
      shown_one: 'Un mentorat affiché',
      shown_many: '{{count}} de mentorats affichés',
      shown_other: '{{count}} mentorats affichés',
      date: 'Date',
      brand: 'Sisi',
      pair: '{{a}} / {{b}}',
    },
  });
  const allowed: SameAsEnglish = { '*': { Sisi: 'a name' }, fr: { Date: 'the same word' } };
  const check = (fr: Namespaces) => catalogProblems('fr', english, fr, allowed);

  it('passes a complete translation, with the plural forms French asks for', () => {
    expect(pluralForms('fr')).toEqual(['many', 'one', 'other']);
    expect(check(french())).toEqual([]);
  });

  it('names a missing key, an extra key and a missing namespace', () => {
    const fr = french();
    delete fr.screen?.title;
    (fr.screen as Record<string, unknown>).subtitle = 'Sous-titre';
    expect(check(fr)).toEqual([
      'fr/screen: missing title',
      'fr/screen: subtitle is not an English key',
    ]);
    expect(check({})).toEqual(['fr/screen: missing namespace']);
  });

  it('names a plural form Intl.PluralRules asks for and the file lacks, and one it does not ask for', () => {
    const fr = french();
    delete fr.screen?.shown_many;
    (fr.screen as Record<string, unknown>).shown_two = '{{count}} mentorats';
    expect(check(fr)).toEqual([
      'fr/screen: missing shown_many',
      'fr/screen: shown_two is not an English key',
    ]);
  });

  it('names placeholders that differ from English', () => {
    const fr = french();
    (fr.screen as Record<string, unknown>).greeting = 'Bonjour {{nom}}';
    expect(check(fr)).toEqual(['fr/screen: greeting has placeholders {nom}, English {name}']);
  });

  it('names a value left in English, unless allowed or nothing but placeholders', () => {
    const fr = french();
    (fr.screen as Record<string, unknown>).title = 'Mentorships';
    expect(check(fr)).toEqual(['fr/screen: title is left in English ("Mentorships")']);
    // "Date" is allowed in French only
    const spanish = {
      screen: { ...french().screen, title: 'Mentorías', greeting: 'Hola {{name}}' },
    };
    expect(catalogProblems('es', english, spanish, allowed)).toEqual([
      'es/screen: date is left in English ("Date")',
    ]);
  });
});
