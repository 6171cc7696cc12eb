import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One translation catalog: a namespace's file in one language, as i18next JSON v4. */
export type CatalogFile = Record<string, unknown>;
/** Every namespace of one language: `{common: {...}, audit: {...}}`. */
export type Namespaces = Record<string, CatalogFile>;

/**
 * Values a language may leave as in English: by language (`'*'` for every one), the value,
 * and why (a name, a word the language shares, a glossary term).
 */
export type SameAsEnglish = Record<string, Record<string, string>>;

const PLURAL = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*(?:,[^}]*)?\}\}/g;

/** Every leaf of a nested catalog as `dotted.key → value`. */
export function leaves(catalog: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof catalog !== 'object' || catalog === null) return out;
  for (const [key, value] of Object.entries(catalog)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
    } else out.set(`${prefix}${key}`, value);
  }
  return out;
}

/** The `{{x}}` names of a value, sorted, without repeats. */
export function placeholders(value: string): string[] {
  return [...new Set([...value.matchAll(PLACEHOLDER)].map((m) => m[1] as string))].sort();
}

/** True when a value has nothing to translate: only placeholders, punctuation and digits. */
function nothingToTranslate(value: string): boolean {
  return !/\p{L}/u.test(value.replace(PLACEHOLDER, ''));
}

/**
 * The plural forms i18next asks for in `lng` (JSON v4 suffixes): `Intl.PluralRules`'s
 * categories, e.g. `['many', 'one', 'other']` for French.
 */
export function pluralForms(lng: string): string[] {
  return [...new Intl.PluralRules(lng).resolvedOptions().pluralCategories].sort();
}

/**
 * What keeps `translated` (one language's namespaces) from being a complete translation of
 * `english`: a missing or extra namespace or key, a missing or unasked-for plural form,
 * placeholders that differ from English, a value left in English (unless `same` allows it),
 * a value that is not a string. Empty when complete. (English checked against itself: its
 * plural forms are those `Intl.PluralRules('en')` asks for.)
 */
export function catalogProblems(
  lng: string,
  english: Namespaces,
  translated: Namespaces,
  same: SameAsEnglish = {},
): string[] {
  const problems: string[] = [];
  const allowed = { ...same['*'], ...same[lng] };
  const forms = pluralForms(lng);
  for (const ns of Object.keys(translated)) {
    if (!(ns in english)) problems.push(`${lng}/${ns}: a namespace English does not have`);
  }
  for (const [ns, catalog] of Object.entries(english)) {
    const where = `${lng}/${ns}`;
    if (!(ns in translated)) {
      problems.push(`${where}: missing namespace`);
      continue;
    }
    const en = leaves(catalog);
    const tr = leaves(translated[ns]);
    // English keys, plural forms grouped under their base key
    const plurals = new Map<string, string>();
    for (const key of en.keys()) {
      const base = key.replace(PLURAL, '');
      if (base !== key) plurals.set(base, `${base}_other`);
    }
    const expected = new Map<string, string>();
    for (const key of en.keys()) {
      if (PLURAL.test(key) && plurals.has(key.replace(PLURAL, ''))) continue;
      expected.set(key, key);
    }
    for (const [base, other] of plurals) {
      for (const form of forms) expected.set(`${base}_${form}`, other);
    }
    for (const [key, enKey] of expected) {
      const value = tr.get(key);
      const source = en.get(enKey);
      if (value === undefined) {
        problems.push(`${where}: missing ${key}`);
        continue;
      }
      if (typeof value !== 'string' || typeof source !== 'string') {
        problems.push(`${where}: ${key} is not a string`);
        continue;
      }
      const isPlural = key !== enKey || PLURAL.test(key);
      const want = placeholders(source).filter((p) => !isPlural || p !== 'count');
      const have = placeholders(value).filter((p) => !isPlural || p !== 'count');
      if (want.join() !== have.join()) {
        problems.push(
          `${where}: ${key} has placeholders {${have.join(', ')}}, English {${want.join(', ')}}`,
        );
      }
      const english = value === en.get(key) || value === source;
      if (lng !== 'en' && english && !nothingToTranslate(value) && !(value in allowed)) {
        problems.push(`${where}: ${key} is left in English ("${value}")`);
      }
    }
    for (const key of tr.keys()) {
      if (!expected.has(key)) problems.push(`${where}: ${key} is not an English key`);
    }
  }
  return problems;
}

/**
 * A catalog directory's namespaces per language: `<dir>/<lng>/<ns>.json`.
 *
 * @example
 * readCatalogs('web/src/i18n/locales').fr?.common
 */
export function readCatalogs(dir: string): Record<string, Namespaces> {
  const out: Record<string, Namespaces> = {};
  for (const lng of readdirSync(dir, { withFileTypes: true })) {
    if (!lng.isDirectory()) continue;
    const namespaces: Namespaces = {};
    for (const file of readdirSync(join(dir, lng.name))) {
      if (!file.endsWith('.json')) continue;
      const path = join(dir, lng.name, file);
      try {
        namespaces[file.slice(0, -'.json'.length)] = JSON.parse(
          readFileSync(path, 'utf8'),
        ) as CatalogFile;
      } catch (error) {
        throw new Error(`${path}: ${(error as Error).message}`);
      }
    }
    out[lng.name] = namespaces;
  }
  return out;
}
