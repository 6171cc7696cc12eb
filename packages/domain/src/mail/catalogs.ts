/**
 * The mail catalogs: one i18next JSON v4 file per language, `locales/{lng}/mail.json`
 * (`{{name}}` placeholders, `_one`/`_many`/`_other` plural forms), the files translators
 * edit. Imported as JSON so every bundler and runner (esbuild for the Lambdas, tsx, vitest)
 * puts them in the code: nothing is read from disk at run time (ADR 0035).
 */
import en from '../../locales/en/mail.json' with { type: 'json' };
import es from '../../locales/es/mail.json' with { type: 'json' };
import fr from '../../locales/fr/mail.json' with { type: 'json' };
import pt from '../../locales/pt/mail.json' with { type: 'json' };
import type { Language } from '../languages.ts';

/** A catalog: nested objects whose leaves are strings. */
export interface Catalog {
  [key: string]: string | Catalog;
}

/** Every language's mail catalog. */
export const mailCatalogs: Record<Language, Catalog> = { en, fr, es, pt };
