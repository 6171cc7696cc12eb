import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../languages.ts';
import { mailLanguages, mailMessages } from './messages.ts';

const instance = i18next.createInstance();
// initAsync is not needed: resources are inline, so init completes synchronously.
void instance.init({
  resources: Object.fromEntries(
    Object.entries(mailMessages).map(([lng, messages]) => [lng, { mail: messages }]),
  ),
  ns: ['mail'],
  defaultNS: 'mail',
  fallbackLng: 'en',
  supportedLngs: mailLanguages,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * The mail language for a person's language tag: itself when mail is written in it, else
 * its base language (`pt-BR` → `pt`), else English.
 *
 * @example mailLanguage('fr-CA') // 'fr'
 */
export function mailLanguage(language: string | undefined): Language {
  if (!language) return DEFAULT_LANGUAGE;
  if (isLanguage(language)) return language;
  const base = language.split('-')[0]!.toLowerCase();
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
}

/**
 * A translator for one language; unknown languages fall back to English.
 *
 * @example mailT('fr')('invitation.action') // "Accepter l'invitation"
 */
export function mailT(language: string | undefined): TFunction {
  return instance.getFixedT(mailLanguage(language), 'mail');
}
