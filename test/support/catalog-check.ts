import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** i18next JSON v4 plural suffixes (CLDR categories). */
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** A catalog's leaves as `a.b.c` → text (nested objects flattened, as i18next reads them). */
export function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  if (!value || typeof value !== 'object') return {};
  return Object.assign(
    {},
    ...Object.entries(value).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)),
  );
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]!).sort();

/** A key without its plural suffix: the unit the languages must all have. */
const baseKey = (key: string) => key.replace(PLURAL, '');

export interface CatalogCheck {
  /** `locales/{lng}/{namespace}.json` under this folder. */
  dir: string;
  /** The source language, whose keys and placeholders the others follow. */
  source?: string;
  /** Per namespace, keys whose text may stay as in the source (names, abbreviations). */
  sameAsSource?: Record<string, readonly string[]>;
}

/**
 * What is wrong with the catalogs under `dir`, for every namespace the source language has
 * and every other language folder: a missing or extra key, a plural form the language needs
 * (`Intl.PluralRules`) left out, placeholders that differ from the source, a text left
 * identical to the source (outside the allow-list). Empty when they are complete.
 *
 * @example expect(catalogProblems({ dir: 'packages/domain/locales' })).toEqual([])
 */
export function catalogProblems({ dir, source = 'en', sameAsSource = {} }: CatalogCheck): string[] {
  const problems: string[] = [];
  const read = (lng: string, ns: string) =>
    flatten(JSON.parse(readFileSync(join(dir, lng, `${ns}.json`), 'utf8')));
  const languages = readdirSync(dir).filter((d) => d !== source);
  const namespaces = readdirSync(join(dir, source))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5));
  for (const ns of namespaces) {
    const en = read(source, ns);
    const bases = new Map<string, string[]>(); // base key → placeholders of its source texts
    for (const [key, text] of Object.entries(en)) {
      const base = baseKey(PLURAL.test(key) && en[key] !== undefined ? key : key);
      bases.set(base, [...new Set([...(bases.get(base) ?? []), ...placeholders(text)])].sort());
    }
    const plural = new Set(
      Object.keys(en)
        .filter((k) => PLURAL.test(k))
        .map(baseKey),
    );
    for (const lng of languages) {
      let texts: Record<string, string>;
      try {
        texts = read(lng, ns);
      } catch {
        problems.push(`${lng}/${ns}.json: missing`);
        continue;
      }
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      for (const [base, names] of bases) {
        const keys = plural.has(base) ? categories.map((c) => `${base}_${c}`) : [base];
        for (const key of keys) {
          const text = texts[key];
          if (text === undefined) {
            problems.push(`${lng}/${ns}: ${key} missing`);
            continue;
          }
          const own = placeholders(text);
          // a plural form may leave `count` out ("one" said as a word), nothing else
          const expected = names.filter((n) => !(plural.has(base) && n === 'count'));
          if (expected.some((n) => !own.includes(n)) || own.some((n) => !names.includes(n))) {
            problems.push(`${lng}/${ns}: ${key} placeholders ${own} ≠ ${names}`);
          }
          const same = Object.entries(en).some(([k, t]) => baseKey(k) === base && t === text);
          if (same && !(sameAsSource[ns] ?? []).includes(base)) {
            problems.push(`${lng}/${ns}: ${key} is left as in ${source}: ${text}`);
          }
        }
      }
      for (const key of Object.keys(texts)) {
        if (!bases.has(baseKey(key))) problems.push(`${lng}/${ns}: ${key} is not in ${source}`);
      }
    }
  }
  return problems;
}
