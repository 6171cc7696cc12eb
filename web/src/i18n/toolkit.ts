/**
 * The toolkit's content (forms, guidance, scales… written in English in `@sisi/domain`) in
 * the reader's language: a screen that shows a toolkit namespace registers it with
 * `addToolkit`, and the namespace's catalog in the reader's language (one lazy chunk) is
 * written into the domain's own objects before the screen shows, and again on a language
 * switch. The SPA shows one language at a time, so every component reading those objects
 * reads them translated, with their ids unchanged (ADR 0039).
 */
import { type ContentCatalog, overlay } from '@sisi/domain/content';
import type { Language } from './languages.ts';

const files = import.meta.glob<ContentCatalog>(
  '../../../packages/domain/locales/*/toolkit-*.json',
  { import: 'default' },
);

/** Namespace → the modules whose texts it holds, for the screens loaded so far. */
const registered = new Map<string, Record<string, unknown>>();
/** The language each registered namespace's objects read in now (English as written). */
const shown = new Map<string, Language>();
/** `<language>/<namespace>` → its catalog, fetched once. */
const fetched = new Map<string, Promise<ContentCatalog>>();

function catalog(lng: Language, ns: string): Promise<ContentCatalog> {
  const id = `${lng}/${ns}`;
  let done = fetched.get(id);
  if (!done) {
    const load = files[`../../../packages/domain/locales/${id}.json`];
    if (!load) return Promise.reject(new Error(`no toolkit catalog ${id}`));
    done = load();
    // a failed download (offline) may be tried again
    done.catch(() => fetched.delete(id));
    fetched.set(id, done);
  }
  return done;
}

/**
 * Fetches what the registered namespaces need to read in `lng`, and gives the function that
 * writes it in (called at the moment the page switches, so no screen shows two languages).
 */
export async function prepareToolkits(lng: Language): Promise<() => void> {
  const pending = [...registered].filter(([ns]) => (shown.get(ns) ?? 'en') !== lng);
  const catalogs = await Promise.all(pending.map(([ns]) => catalog(lng, ns)));
  return () =>
    pending.forEach(([ns, modules], i) => {
      overlay(modules, catalogs[i]!);
      shown.set(ns, lng);
    });
}

/**
 * Registers a toolkit namespace a screen shows (once per namespace), and starts fetching its
 * catalog in the reader's language; the route's loader waits for it (`namespacesReady`).
 *
 * @example addToolkit('toolkit-mentorship', toolkitMentorship, currentLanguage());
 */
export function addToolkit(ns: string, modules: Record<string, unknown>, lng: Language): void {
  if (registered.has(ns)) return;
  registered.set(ns, modules);
  if (lng !== 'en') void catalog(lng, ns).catch(() => undefined);
}
