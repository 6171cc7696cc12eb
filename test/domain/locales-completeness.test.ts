import { errorCodes } from '@sisi/domain';
import { describe, expect, it } from 'vitest';
import { catalogProblems, flatten } from '../support/catalog-check.ts';

const dir = new URL('../../packages/domain/locales/', import.meta.url).pathname;

describe('the domain’s catalogs (packages/domain/locales)', () => {
  it('are complete in every language: keys, plural forms, placeholders, translated', () => {
    expect(catalogProblems({ dir })).toEqual([]);
  });

  it('word every error code in English', async () => {
    const en = flatten((await import('../../packages/domain/locales/en/errors.json')).default);
    const worded = new Set(Object.keys(en).map((k) => k.replace(/_(one|many|other)$/, '')));
    expect(errorCodes.filter((code) => !worded.has(code))).toEqual([]);
  });

  it('catches what is wrong (the checker can fail)', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'catalogs-'));
    const write = (lng: string, body: object) => {
      mkdirSync(join(root, lng));
      writeFileSync(join(root, lng, 'x.json'), JSON.stringify(body));
    };
    write('en', {
      a: 'Hello {{name}}',
      b_one: '{{count}} day',
      b_other: '{{count}} days',
      c: 'Same',
    });
    write('fr', {
      a: 'Bonjour {{nom}}',
      b_one: '{{count}} jour',
      b_other: '{{count}} jours',
      c: 'Same',
      d: 'x',
    });
    expect(catalogProblems({ dir: root })).toEqual([
      'fr/x: a placeholders nom ≠ name',
      'fr/x: b_many missing',
      'fr/x: c is left as in en: Same',
      'fr/x: d is not in en',
    ]);
    expect(catalogProblems({ dir: root, sameAsSource: { x: ['c'] } })).not.toContain(
      'fr/x: c is left as in en: Same',
    );
  });
});
