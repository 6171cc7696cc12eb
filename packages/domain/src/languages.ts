/**
 * The languages Sisi writes screens and mail in (API.md, second wave). Adding one is a
 * matter of adding its code here and its catalog files (`locales/{lng}/{ns}.json`).
 */
export const languages = ['en', 'fr', 'es', 'pt'] as const;
export type Language = (typeof languages)[number];

/** The language of a network without one, of a donor, and of anyone whose is not known. */
export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * Whether `value` is one of Sisi's languages.
 *
 * @example isLanguage('pt') // true
 * @example isLanguage('pt-BR') // false
 */
export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);
