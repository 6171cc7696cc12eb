/**
 * The toolkit's content (forms, guidance, scales…) is written in English in the domain's
 * modules; its other languages are catalogs (`locales/{lng}/toolkit-*.json`) of the same
 * texts, keyed by where each text stands: an array's item by its `id` when it has one, else
 * by its index. Ids, codes and references are never texts, so an answer's stored value reads
 * in every language.
 *
 * `catalogOf` writes the English catalog from the modules (the English files are generated
 * and checked against them); `localizedCopy` gives a translated deep copy for a server
 * answering in several languages at once; `overlay` writes a language into the modules'
 * objects themselves, for the SPA, which shows one language at a time.
 */

/** A catalog: nested objects whose leaves are the texts. */
export interface ContentCatalog {
  [key: string]: string | ContentCatalog;
}

/** Keys whose strings are identifiers, codes or references, never shown as words. */
const notText = new Set([
  'id',
  'ids',
  'kind',
  'type',
  'value',
  'code',
  'source',
  'where',
  'field',
  'column',
  'approach',
  'approaches',
  'area',
  'scenarios',
  'virtual',
  'scale',
  'format',
  'step',
  'role',
  'side',
  'sides',
  'section',
  'priority',
  'status',
  'version',
  'pages',
  'page',
  'mode',
]);

/**
 * `on-site`, `work_plan`, `whenToMeet`, `a.b`, `10:00`: identifier-shaped strings (no space,
 * no capital first letter) are not texts.
 */
const idShaped = /^[a-z0-9][a-zA-Z0-9]*(?:[-_.:/][a-zA-Z0-9]+)*$/;

/** Whether `value` at `key` is a text a person reads. */
function isText(key: string, value: string): boolean {
  return !notText.has(key) && !idShaped.test(value) && /\p{L}/u.test(value);
}

/** A zod schema, a function or a class instance is not content. */
function isContent(value: unknown): value is object {
  if (!value || typeof value !== 'object') return false;
  if ('_zod' in value || 'safeParse' in value) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}

/** The key of an array's item: its `id`, else its index. */
function itemKey(item: unknown, index: number): string {
  return isContent(item) && typeof (item as { id?: unknown }).id === 'string'
    ? (item as { id: string }).id
    : String(index);
}

/** The children of an object or array with their catalog keys. */
function entries(value: object): [string, unknown, string | number][] {
  return Array.isArray(value)
    ? value.map((item, i) => [itemKey(item, i), item, i])
    : Object.entries(value).map(([k, v]) => [k, v, k]);
}

/**
 * The exports in the order of their names: an object shared by two exports is catalogued
 * under the first, whatever order a bundler gives a module's exports in.
 */
function byName(exports: Record<string, unknown>): [string, unknown][] {
  return Object.entries(exports).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The catalog of a set of named exports: their texts at their places. An object met again
 * (the same object under two exports, e.g. a list and its index by id) is catalogued once,
 * under the export whose name comes first.
 *
 * @example catalogOf({ scale: [{ id: 'a', label: 'Agree' }] }) // { scale: { a: { label: 'Agree' } } }
 */
export function catalogOf(exports: Record<string, unknown>): ContentCatalog {
  const seen = new WeakSet<object>();
  const walk = (value: object): ContentCatalog | undefined => {
    if (seen.has(value)) return undefined;
    seen.add(value);
    const out: ContentCatalog = {};
    for (const [key, child, prop] of entries(value)) {
      if (typeof child === 'string') {
        if (isText(String(prop), child)) out[key] = child;
      } else if (isContent(child)) {
        const inner = walk(child);
        if (inner && Object.keys(inner).length) out[key] = inner;
      }
    }
    return out;
  };
  const catalog: ContentCatalog = {};
  for (const [name, value] of byName(exports)) {
    if (!isContent(value)) continue;
    const inner = walk(value);
    if (inner && Object.keys(inner).length) catalog[name] = inner;
  }
  return catalog;
}

/** Where each catalogued object stands, so a copy or an overlay finds its texts. */
function placesOf(
  exports: Record<string, unknown>,
  catalog: ContentCatalog,
): Map<object, ContentCatalog> {
  const places = new Map<object, ContentCatalog>();
  const seen = new WeakSet<object>();
  const walk = (value: object, section: ContentCatalog | undefined) => {
    if (seen.has(value)) return;
    seen.add(value);
    if (section) places.set(value, section);
    for (const [key, child] of entries(value)) {
      const inner = section?.[key];
      if (isContent(child)) walk(child, typeof inner === 'object' ? inner : undefined);
    }
  };
  for (const [name, value] of byName(exports)) {
    const section = catalog[name];
    if (isContent(value)) walk(value, typeof section === 'object' ? section : undefined);
  }
  return places;
}

/**
 * A deep copy of the exports with the catalog's texts in place of the English ones; objects
 * shared between exports stay shared in the copy. Texts missing from the catalog stay English.
 *
 * @example localizedCopy({ approaches }, fr).approaches[0].name // 'Mentorat sur site'
 */
export function localizedCopy<T extends Record<string, unknown>>(
  exports: T,
  catalog: ContentCatalog,
): T {
  const places = placesOf(exports, catalog);
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (!isContent(value)) return value;
    const done = copies.get(value);
    if (done) return done;
    const section = places.get(value);
    const out = (Array.isArray(value) ? [] : {}) as Record<string | number, unknown>;
    copies.set(value, out);
    for (const [key, child, prop] of entries(value)) {
      const text = section?.[key];
      out[prop] = typeof child === 'string' && typeof text === 'string' ? text : copy(child);
    }
    return out;
  };
  return Object.fromEntries(Object.entries(exports).map(([k, v]) => [k, copy(v)])) as T;
}

/**
 * Writes the catalog's texts into the exports' own objects (the SPA shows one language at a
 * time). Overlay the English catalog to go back to English.
 */
export function overlay(exports: Record<string, unknown>, catalog: ContentCatalog): void {
  for (const [value, section] of placesOf(exports, catalog)) {
    for (const [key, child, prop] of entries(value)) {
      const text = section[key];
      if (typeof child === 'string' && typeof text === 'string') {
        (value as Record<string | number, unknown>)[prop] = text;
      }
    }
  }
}
