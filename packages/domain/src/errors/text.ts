/**
 * The words of the error codes, in the reader's language. Zod-free and small: the SPA loads
 * only the reader's catalog, lazily (`loadErrorCatalog`); the API registers all four at
 * start (`registerErrorCatalog`). The catalogs are `locales/{lng}/errors.json`, i18next
 * JSON v4 (`{{x}}` placeholders, `_one`/`_many`/`_other` plural suffixes).
 */
import { isLanguage, type Language } from '../languages.ts';
import type { ErrorCode, ErrorParams } from './codes.ts';

/** A language errors are worded in: one of Sisi's `languages`; English is the fallback. */
export type ErrorLanguage = Language;

/** One language's words: key → text (flat, as in the JSON file). */
export type ErrorCatalog = Readonly<Record<string, string>>;

const catalogs = new Map<string, ErrorCatalog>();

/** Makes `catalog` the words of `lng` (the API does it once for each language at start). */
export function registerErrorCatalog(lng: ErrorLanguage, catalog: ErrorCatalog): void {
  catalogs.set(lng, catalog);
}

/** Whether `lng`'s words are loaded (for `errorText`). */
export const hasErrorCatalog = (lng: string): boolean => catalogs.has(errorLanguage(lng));

/**
 * The best of the four languages for a language tag (`pt-BR` → `pt`, `de` → `en`).
 *
 * @example errorLanguage('fr-CA') // 'fr'
 */
export function errorLanguage(tag: string | undefined): ErrorLanguage {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(base) ? base : 'en';
}

/**
 * Loads the words of `lng` (one `import()` per language, so a bundler makes a chunk of each
 * and a page carries only its reader's). Resolves once they can be used by `errorText`.
 *
 * @example await loadErrorCatalog('fr'); errorText('required', {}, 'fr') // 'Ce champ est obligatoire.'
 */
export async function loadErrorCatalog(tag: string): Promise<ErrorLanguage> {
  const lng = errorLanguage(tag);
  if (catalogs.has(lng)) return lng;
  const module = await (lng === 'fr'
    ? import('../../locales/fr/errors.json')
    : lng === 'es'
      ? import('../../locales/es/errors.json')
      : lng === 'pt'
        ? import('../../locales/pt/errors.json')
        : import('../../locales/en/errors.json'));
  registerErrorCatalog(lng, module.default as ErrorCatalog);
  return lng;
}

/** The parameter that picks a plural form: an explicit count, else the number it is about. */
const countOf = (params: ErrorParams): number | undefined => {
  for (const key of ['count', 'minimum', 'maximum', 'months', 'kilobytes']) {
    if (typeof params[key] === 'number') return params[key] as number;
  }
  return undefined;
};

/** The parameter whose value names a code's variant (`invalid_format` + `email`). */
const VARIANT_PARAM: Partial<Record<ErrorCode, string>> = {
  invalid_format: 'format',
  invalid_type: 'expected',
  unknown_reference: 'kind',
  unsafe_text: 'reason',
  domain_rule: 'rule',
};

/** `date_order`'s variant: the bounds its parameters give. */
const dateVariant = (p: ErrorParams) =>
  p.min !== undefined && p.max !== undefined
    ? 'range'
    : p.min !== undefined
      ? 'min'
      : p.max !== undefined
        ? 'max'
        : p.after !== undefined
          ? 'after'
          : undefined;

/** The catalog key for a code: a variant named by its parameters when the catalog has one. */
function variantKey(code: ErrorCode, params: ErrorParams, has: (key: string) => boolean): string {
  const name = VARIANT_PARAM[code];
  const variant = code === 'date_order' ? dateVariant(params) : name ? params[name] : undefined;
  const key = typeof variant === 'string' ? `${code}_${variant}` : code;
  return has(key) || has(`${key}_other`) ? key : code;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A parameter as words: a date in the reader's style, a number with its separators. */
function shown(value: unknown, lng: string): string {
  if (typeof value === 'number') return new Intl.NumberFormat(lng).format(value);
  if (typeof value === 'string' && DATE.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) {
      return new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
    }
  }
  return String(value);
}

/**
 * The words for an error code in `lng` (loaded or registered before; else English when that
 * is loaded, else the code itself). Plurals follow `Intl.PluralRules`, as i18next does;
 * dates and numbers are written the reader's way. The words stand alone under a field.
 *
 * @example errorText('too_long', { maximum: 200 }, 'en') // 'Use at most 200 characters.'
 */
export function errorText(code: ErrorCode, params: ErrorParams = {}, lng = 'en'): string {
  const language = errorLanguage(lng);
  const catalog = catalogs.get(language) ?? catalogs.get('en');
  if (!catalog) return code;
  const has = (key: string) => catalog[key] !== undefined;
  const key = variantKey(code, params, has);
  const count = countOf(params);
  const plural =
    count === undefined ? undefined : `${key}_${new Intl.PluralRules(language).select(count)}`;
  const template =
    (plural && catalog[plural]) ?? catalog[key] ?? catalog[`${key}_other`] ?? catalog.invalid;
  if (template === undefined) return code;
  return filled(template, { ...params, count }, language);
}

/** A template's `{{x}}` placeholders filled from `values`, each shown the reader's way. */
function filled(template: string, values: Record<string, unknown>, lng: string): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) =>
    values[name] === undefined ? '' : shown(values[name], lng),
  );
}

/**
 * The words of `key` in a flat catalog of `lng` (i18next JSON v4): its plural form by
 * `params.count` (`Intl.PluralRules`), placeholders filled the reader's way; `undefined`
 * when the catalog has no such key. For catalogs beside the error codes' (the API's
 * problem details, ADR 0040).
 *
 * @example catalogText({ left_one: '{{count}} left', left_other: '{{count}} left' }, 'left', { count: 2 }, 'en') // '2 left'
 */
export function catalogText(
  catalog: ErrorCatalog,
  key: string,
  params: ErrorParams,
  lng: string,
): string | undefined {
  const language = errorLanguage(lng);
  const count = typeof params.count === 'number' ? params.count : undefined;
  const plural =
    count === undefined ? undefined : `${key}_${new Intl.PluralRules(language).select(count)}`;
  const template = (plural && catalog[plural]) ?? catalog[key] ?? catalog[`${key}_other`];
  return template === undefined ? undefined : filled(template, params, language);
}
