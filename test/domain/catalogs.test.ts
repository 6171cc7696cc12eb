import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import sameAsEnglish from '../../packages/domain/locales/same-as-english.json' with {
  type: 'json',
};
import { type CatalogFinding, checkCatalogs } from '../support/catalogs.ts';

/**
 * The domain's catalogs: mail, error words and the toolkit's content. A text that is rightly
 * the English one in a language ("Total", "No.") is listed in `same-as-english.json`.
 */
const DOMAIN_LOCALES = fileURLToPath(new URL('../../packages/domain/locales', import.meta.url));

describe('the domain catalogs (packages/domain/locales)', () => {
  it('are complete in every language: same keys, same placeholders, nothing left in English', async () => {
    expect(await checkCatalogs(DOMAIN_LOCALES, { allowIdentical: sameAsEnglish })).toEqual([]);
  });
});

describe('checkCatalogs', () => {
  let dir: string;
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** Writes `{language: {namespace: catalog}}` under a fresh folder and checks it. */
  async function check(
    files: Record<string, Record<string, unknown>>,
    allowIdentical: string[] = [],
  ): Promise<CatalogFinding[]> {
    dir = await mkdtemp(join(tmpdir(), 'sisi-catalogs-'));
    for (const [language, namespaces] of Object.entries(files)) {
      await mkdir(join(dir, language));
      for (const [ns, catalog] of Object.entries(namespaces)) {
        await writeFile(join(dir, language, `${ns}.json`), JSON.stringify(catalog));
      }
    }
    return checkCatalogs(dir, { allowIdentical });
  }

  const en = {
    a: { hello: 'Hello {{name}}', bye: 'Goodbye' },
    pair: '{{mentor}} → {{mentees}}',
    brand: 'Sisi',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
  };
  const fr = {
    a: { hello: 'Bonjour {{name}}', bye: 'Au revoir' },
    pair: '{{mentor}} → {{mentees}}',
    brand: 'Sisi',
    days_one: '{{count}} jour',
    days_many: '{{count}} de jours',
    days_other: '{{count}} jours',
  };

  it('finds nothing in complete catalogs (a value without words may stay; an allowed one too)', async () => {
    expect(await check({ en: { mail: en }, fr: { mail: fr } }, ['mail:brand'])).toEqual([]);
  });

  it('finds a missing key, an extra key and a missing plural form of the language', async () => {
    const { days_many: _many, ...withoutMany } = fr;
    const findings = await check(
      {
        en: { mail: en },
        fr: { mail: { ...withoutMany, a: { hello: 'Bonjour {{name}}' }, x: 'X' } },
      },
      ['mail:brand'],
    );
    expect(findings).toEqual([
      { language: 'fr', namespace: 'mail', key: 'a.bye', problem: 'missing' },
      { language: 'fr', namespace: 'mail', key: 'days_many', problem: 'missing' },
      { language: 'fr', namespace: 'mail', key: 'x', problem: 'extra' },
    ]);
  });

  it('finds placeholders that differ, in a plain key and in a plural family', async () => {
    const findings = await check(
      {
        en: { mail: en },
        fr: {
          mail: { ...fr, a: { ...fr.a, hello: 'Bonjour {{nom}}' }, days_other: '{{n}} jours' },
        },
      },
      ['mail:brand'],
    );
    expect(findings.map((f) => [f.key, f.problem])).toEqual([
      ['a.hello', 'placeholders'],
      ['days', 'placeholders'],
    ]);
  });

  it('finds a value left as in English, a value that is not a string, and a namespace file missing', async () => {
    const findings = await check({
      en: { mail: en, forms: { title: 'Title' } },
      fr: { mail: { ...fr, a: { hello: 'Hello {{name}}', bye: 3 } } },
    });
    expect(findings).toHaveLength(4);
    expect(findings).toEqual(
      expect.arrayContaining([
        {
          language: 'fr',
          namespace: 'mail',
          key: 'a.hello',
          problem: 'untranslated',
          detail: 'Hello {{name}}',
        },
        { language: 'fr', namespace: 'mail', key: 'a.bye', problem: 'not-a-string' },
        {
          language: 'fr',
          namespace: 'mail',
          key: 'brand',
          problem: 'untranslated',
          detail: 'Sisi',
        },
        {
          language: 'fr',
          namespace: 'forms',
          key: '*',
          problem: 'missing',
          detail: 'no forms.json',
        },
      ]),
    );
  });
});
