import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What is wrong with one key of one catalog, compared with the base language's. */
export interface CatalogFinding {
  language: string;
  namespace: string;
  key: string;
  problem: 'missing' | 'extra' | 'placeholders' | 'untranslated' | 'not-a-string';
  detail?: string;
}

export interface CatalogCheckOptions {
  /** The language every other is checked against (default `en`). */
  base?: string;
  /**
   * `namespace:key` of values that may stay as in the base language (names, abbreviations).
   * A value with no letters besides its placeholders (`{{mentor}} → {{mentees}}`) always may.
   */
  allowIdentical?: string[];
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\{\{\s*([^},\s]+)[^}]*\}\}/g;

/** A catalog's leaves by dotted key; a leaf that is not a string is kept as `undefined`. */
function flatten(value: unknown, prefix = '', out = new Map<string, string | undefined>()) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, typeof value === 'string' ? value : undefined);
  }
  return out;
}

const placeholders = (text: string | undefined) =>
  new Set([...(text ?? '').matchAll(PLACEHOLDER)].map((m) => m[1]!));
const sameSet = (a: Set<string>, b: Set<string>) =>
  a.size === b.size && [...a].every((x) => b.has(x));
const hasWords = (text: string) => /\p{L}/u.test(text.replace(PLACEHOLDER, ''));

/** The keys a language needs for one base key: a plural family takes that language's forms. */
function keysFor(key: string, baseKeys: Set<string>, language: string): string[] {
  const family = key.replace(PLURAL_SUFFIX, '');
  if (family === key || !baseKeys.has(`${family}_other`)) return [key];
  const forms = new Set<string>(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
  if (baseKeys.has(`${family}_zero`)) forms.add('zero');
  return [...forms].map((form) => `${family}_${form}`);
}

async function readCatalog(path: string): Promise<Map<string, string | undefined> | undefined> {
  try {
    return flatten(JSON.parse(await readFile(path, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Checks every catalog under `dir` — `dir/{language}/{namespace}.json`, i18next JSON v4 —
 * against the base language's: a key missing or extra, placeholders that differ (for a
 * plural family, over its forms, `count` aside), a value that is not a string, or one left
 * identical to the base language's. No findings: `[]`.
 *
 * @example
 * expect(await checkCatalogs('packages/domain/locales')).toEqual([]);
 */
export async function checkCatalogs(
  dir: string,
  options: CatalogCheckOptions = {},
): Promise<CatalogFinding[]> {
  const base = options.base ?? 'en';
  const allow = new Set(options.allowIdentical ?? []);
  const entries = await readdir(dir, { withFileTypes: true });
  const languages = entries.filter((e) => e.isDirectory() && e.name !== base).map((e) => e.name);
  const namespaces = (await readdir(join(dir, base)))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length));
  const findings: CatalogFinding[] = [];
  for (const namespace of namespaces) {
    const source = (await readCatalog(join(dir, base, `${namespace}.json`)))!;
    const sourceKeys = new Set(source.keys());
    for (const [key, value] of source) {
      if (value === undefined) {
        findings.push({ language: base, namespace, key, problem: 'not-a-string' });
      }
    }
    for (const language of languages) {
      const found = (e: Omit<CatalogFinding, 'language' | 'namespace'>) =>
        findings.push({ language, namespace, ...e });
      const target = await readCatalog(join(dir, language, `${namespace}.json`));
      if (!target) {
        found({ key: '*', problem: 'missing', detail: `no ${namespace}.json` });
        continue;
      }
      const expected = new Set<string>();
      // plural families: placeholders compared over all forms, `count` aside
      const families = new Map<string, { source: Set<string>; target: Set<string> }>();
      for (const [key, value] of source) {
        const family = key.replace(PLURAL_SUFFIX, '');
        const keys = keysFor(key, sourceKeys, language);
        const plural = keys.length > 1 || keys[0] !== key;
        for (const k of keys) {
          if (expected.has(k)) continue;
          expected.add(k);
          if (!target.has(k)) {
            found({ key: k, problem: 'missing' });
            continue;
          }
          const translated = target.get(k);
          if (translated === undefined) {
            found({ key: k, problem: 'not-a-string' });
            continue;
          }
          const original = source.get(k) ?? source.get(`${family}_other`) ?? value ?? '';
          if (translated === original && hasWords(original) && !allow.has(`${namespace}:${k}`)) {
            found({ key: k, problem: 'untranslated', detail: translated });
          }
          if (!plural && !sameSet(placeholders(translated), placeholders(value))) {
            found({
              key: k,
              problem: 'placeholders',
              detail: `${[...placeholders(translated)].join(', ')} ≠ ${[...placeholders(value)].join(', ')}`,
            });
          }
          if (plural) {
            const f = families.get(family) ?? { source: new Set(), target: new Set() };
            for (const p of placeholders(translated)) f.target.add(p);
            families.set(family, f);
          }
        }
        if (keys.length > 1 || keys[0] !== key) {
          const f = families.get(family) ?? { source: new Set(), target: new Set() };
          for (const p of placeholders(value)) f.source.add(p);
          families.set(family, f);
        }
      }
      for (const [family, f] of families) {
        f.source.delete('count');
        f.target.delete('count');
        if (!sameSet(f.source, f.target)) {
          found({
            key: family,
            problem: 'placeholders',
            detail: `${[...f.target].join(', ')} ≠ ${[...f.source].join(', ')}`,
          });
        }
      }
      for (const key of target.keys()) {
        if (!expected.has(key)) found({ key, problem: 'extra' });
      }
    }
  }
  return findings;
}
