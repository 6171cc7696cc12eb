import i18next, { type TOptions } from 'i18next';
import { type Catalog, en } from './en.ts';
import type { Leaves } from './keys.ts';

/** Every key of the catalog, e.g. `'login.submit'`. */
export type MessageKey = Leaves<Catalog>;
export type Translate = (key: MessageKey, options?: TOptions) => string;

const resources = { en: { translation: en } };

/** One instance for the whole SPA; synchronous init since the catalog is bundled. */
export const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  resources,
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});
// the page's language (absent where pure modules are unit-tested outside a browser)
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** Translate a key of the catalog. */
export const t: Translate = (key, options) => i18n.t(key, options ?? {}) as string;

/**
 * Registers a screen's catalog next to the main one, once, when the first screen that imports
 * it loads (deep, overwrite; `probeKey` tells whether it is there), and gives its translate
 * function.
 *
 * @example
 * const tc = addCatalog<CoachingTranslate>(enCoaching, 'coachingGroups.title');
 */
export function addCatalog<T>(catalog: object, probeKey: string): T {
  if (!i18n.exists(probeKey)) i18n.addResourceBundle('en', 'translation', catalog, true, true);
  const translate = (key: string, options?: TOptions) => i18n.t(key, options ?? {}) as string;
  return translate as T;
}

/**
 * The translate function for components. The language is fixed for a page load, so no
 * re-render subscription is needed (yet).
 *
 * @example
 * const t = useT();
 * <button type="submit">{t('login.submit')}</button>
 */
export function useT(): Translate {
  return t;
}

/** `YYYY-MM-DD` or an ISO instant, in the reader's words ("12 March 2025"). */
export function formatDate(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}

let regionNames: Intl.DisplayNames | undefined;
let languageNames: Intl.DisplayNames | undefined;

/** "KE" → "Kenya" in the reader's language; the code itself when unknown. */
export function countryName(code: string): string {
  regionNames ??= new Intl.DisplayNames([i18n.language], { type: 'region' });
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "sw" → "Swahili" in the reader's language; the code itself when unknown. */
export function languageName(code: string): string {
  languageNames ??= new Intl.DisplayNames([i18n.language], { type: 'language' });
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
