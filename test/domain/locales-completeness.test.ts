import { errorCodes } from '@sisi/domain';
import { describe, expect, it } from 'vitest';

/** A catalog's leaves by dotted key. */
const keysOf = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

// Completeness across languages is checked for every domain catalog in catalogs.test.ts.
describe('the error words (packages/domain/locales/*/errors.json)', () => {
  it('word every error code in English', async () => {
    const en = (await import('../../packages/domain/locales/en/errors.json')).default;
    const worded = new Set(keysOf(en).map((k) => k.replace(/_(one|many|other)$/, '')));
    expect(errorCodes.filter((code) => !worded.has(code))).toEqual([]);
  });
});
