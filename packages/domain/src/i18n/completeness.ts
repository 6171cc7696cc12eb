/**
 * What makes a translated catalog complete: every key of the English one and no other, the
 * same `{{placeholders}}` in each text, the plural forms the language needs, and no text
 * left in English unless it is listed as the same word in both languages.
 */

/** A catalog as i18next reads it: nested objects whose leaves are texts. */
export interface Catalog {
  [key: string]: string | Catalog;
}

/** Every `[dotted path, text]` of a catalog. */
export function leavesOf(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leavesOf(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]).sort();
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/**
 * The problems of one catalog against the English one, each a sentence naming the key.
 * `sameAsEnglish` lists the keys whose text is rightly the English one (a name, a word both
 * languages share).
 *
 * @example catalogProblems(en, fr, 'fr') // ['missing: login.title']
 */
export function catalogProblems(
  english: Catalog,
  translated: Catalog,
  language: string,
  sameAsEnglish: ReadonlySet<string> = new Set(),
): string[] {
  const problems: string[] = [];
  const en = new Map(leavesOf(english));
  const other = new Map(leavesOf(translated));
  const categories = new Set(new Intl.PluralRules(language).resolvedOptions().pluralCategories);
  // a plural key of English stands for its base; the language needs its own categories
  const expected = new Map<string, string>();
  for (const [key, text] of en) {
    const plural = key.match(pluralSuffix);
    if (!plural) {
      expected.set(key, text);
      continue;
    }
    const base = key.slice(0, -plural[0].length);
    for (const category of categories) {
      if (category === 'zero' || (category === 'two' && !en.has(`${base}_two`))) continue;
      expected.set(
        `${base}_${category}`,
        en.get(`${base}_${category}`) ?? en.get(`${base}_other`)!,
      );
    }
    if (plural[1] === 'zero') expected.set(key, text);
  }
  for (const [key, source] of expected) {
    const text = other.get(key);
    if (text === undefined) problems.push(`missing: ${key}`);
    else if (placeholders(text).join() !== placeholders(source).join())
      problems.push(`placeholders differ from English: ${key}`);
    else if (
      text === source &&
      !sameAsEnglish.has(key) &&
      /\p{L}/u.test(source.replace(/\{\{[^}]*\}\}/g, ''))
    )
      problems.push(`left in English: ${key}`);
  }
  for (const key of other.keys()) if (!expected.has(key)) problems.push(`not in English: ${key}`);
  for (const key of sameAsEnglish)
    if (other.has(key) && other.get(key) !== en.get(key))
      problems.push(`listed as the same as English but translated: ${key}`);
  return problems;
}
