import i18next, { type TOptions } from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';
import type { Catalog, Leaves } from './keys.ts';
import { DEFAULT_LANGUAGE, isLanguage, type Language, languageOfBrowser } from './languages.ts';
import { addToolkit, prepareToolkits } from './toolkit.ts';

/** Every key of the main catalog (`locales/en/common.json`), e.g. `'login.submit'`. */
export type MessageKey = Leaves<Catalog<typeof import('./locales/en/common.json')>>;
export type Translate = (key: MessageKey, options?: TOptions) => string;

/**
 * Every catalog file, `./locales/<language>/<namespace>.json`, as a lazy chunk of its own:
 * a reader downloads only their language's, and a screen's namespace only with the screen.
 */
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
  import: 'default',
});

/** One instance for the whole SPA. Catalogs arrive with `loadNamespace`; no English fallback. */
export const i18n = i18next.createInstance();
void i18n.init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: false,
  resources: {},
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The namespaces the page has asked for: a language switch loads them all anew. */
const inUse = new Set<string>(['common']);
/** `<language>/<namespace>` already added to the instance (or on its way). */
const loaded = new Map<string, Promise<void>>();

/**
 * Adds one namespace of one language to the instance, once. Every namespace is merged into
 * i18next's one `translation` namespace: the catalogs' root keys never collide, and the
 * screens' keys (`audit.title`) stay as they were.
 */
function loadInto(lng: Language, ns: string): Promise<void> {
  const id = `${lng}/${ns}`;
  let done = loaded.get(id);
  if (!done) {
    const load = files[`./locales/${id}.json`];
    if (!load) return Promise.reject(new Error(`no catalog ${id}`));
    done = load().then((catalog) => {
      i18n.addResourceBundle(lng, 'translation', catalog, true, true);
    });
    // a failed download (offline) may be tried again
    done.catch(() => loaded.delete(id));
    loaded.set(id, done);
  }
  return done;
}

/** The language the SPA speaks now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/**
 * Asks for a screen's namespace in the reader's language, and gives the translate function
 * typed for it. A screen's module calls it when its chunk loads; the route's lazy loader then
 * awaits `namespacesReady()`, so a screen shows only with its words. Later language switches
 * load the namespace too. `toolkits` names the toolkit content the screens show (namespace →
 * its modules, `@sisi/domain/i18n/toolkit-*`), read in the same language.
 *
 * @example
 * const tr = addNamespace<AuditTranslate>('audit');
 * const tm = addNamespace<MentorshipTranslate>('mentorships', { 'toolkit-mentorship': toolkitMentorship });
 */
export function addNamespace<T = Translate>(
  ns: string,
  toolkits: Record<string, Record<string, unknown>> = {},
): T {
  for (const [name, modules] of Object.entries(toolkits)) {
    addToolkit(name, modules, currentLanguage());
  }
  inUse.add(ns);
  void loadInto(currentLanguage(), ns).catch(() => {
    // `namespacesReady` tries again, and its caller shows the failure
  });
  return t as unknown as T;
}

/**
 * Resolves once every namespace asked for is loaded in the reader's language, the toolkit's
 * included (written into its objects).
 */
export async function namespacesReady(): Promise<void> {
  const lng = currentLanguage();
  const [, showToolkits] = await Promise.all([
    Promise.all([...inUse].map((ns) => loadInto(lng, ns))),
    prepareToolkits(lng),
  ]);
  if (lng === currentLanguage()) showToolkits();
}

let regionNames: Intl.DisplayNames | undefined;
let languageNames: Intl.DisplayNames | undefined;
let switching = 0;

/**
 * Speaks `lng` from now on: loads every namespace in use in it first (so no screen shows a
 * key), then switches i18next (re-rendering whatever `useT` and its kin), and sets
 * `<html lang>`. A later call wins over an earlier one still loading.
 */
export async function changeLanguage(lng: Language): Promise<void> {
  const mine = ++switching;
  const [, showToolkits] = await Promise.all([
    Promise.all([...inUse].map((ns) => loadInto(lng, ns))),
    prepareToolkits(lng),
  ]);
  if (mine !== switching) return;
  showToolkits();
  regionNames = undefined;
  languageNames = undefined;
  await i18n.changeLanguage(lng);
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

const STORAGE_KEY = 'sisi.language';

/** The language last chosen on this device, if any. */
export function rememberedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    // storage disabled, or not in a browser
    return null;
  }
}

/** Keeps `lng` as this device's choice for the next visit. */
export function rememberLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // storage disabled: the choice lasts for this page load
  }
}

/**
 * The language of a page load before anyone has signed in: the last choice made on this
 * device, else the first of the browser's languages we speak, else English. (Once signed
 * in, the person's own `language` from `GET /me` takes over.)
 */
export function initialLanguage(): Language {
  const wanted = typeof navigator === 'undefined' ? [] : (navigator.languages ?? []);
  return rememberedLanguage() ?? languageOfBrowser(wanted) ?? DEFAULT_LANGUAGE;
}

/** Before the first render: the reader's language and its main catalog. */
export function startI18n(lng: Language = initialLanguage()): Promise<void> {
  return changeLanguage(lng);
}

/** Translate a key of the catalog. */
export const t: Translate = (key, options) => i18n.t(key, options ?? {}) as string;

function subscribe(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

/** The language the SPA speaks; re-renders the component when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}

/**
 * A translate function that follows language switches: the component re-renders on a
 * switch, and the function is a new one per language (so effects and memos that depend on
 * it run again, such as the page title).
 */
export function useTranslate<T extends (...args: never[]) => string>(translate: T): T {
  const lng = useLanguage();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new function per language
  return useMemo(() => ((...args: Parameters<T>) => translate(...args)) as T, [translate, lng]);
}

/**
 * The translate function for components.
 *
 * @example
 * const t = useT();
 * <button type="submit">{t('login.submit')}</button>
 */
export function useT(): Translate {
  return useTranslate(t);
}

/** `YYYY-MM-DD` or an ISO instant, in the reader's words ("12 March 2025"). */
export function formatDate(value: string): string {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    date,
  );
}

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
