import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LANGUAGE, isLanguage, type Language, languages } from '../languages.ts';
import { mailCatalogs } from './catalogs.ts';

const instance = i18next.createInstance();
// initAsync is not needed: resources are bundled, so init completes synchronously.
void instance.init({
  resources: Object.fromEntries(languages.map((lng) => [lng, { mail: mailCatalogs[lng] }])),
  ns: ['mail'],
  defaultNS: 'mail',
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...languages],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/**
 * The mail language for a person's language tag: itself when it is one of Sisi's, else its
 * base language (`pt-BR` → `pt`), else English.
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
 * A translator for one language; unknown languages get English.
 *
 * @example mailT('fr')('invitation.action') // 'Accepter l’invitation'
 */
export function mailT(language: string | undefined): TFunction {
  return instance.getFixedT(mailLanguage(language), 'mail');
}
