import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readEnv } from './env.ts';

const schema = z.object({
  SISI_TABLE_PREFIX: z.string().regex(/^[a-z]+$/, 'must be a table prefix'),
  SISI_BASE_URL: z.url(),
  PORT: z.coerce.number().int().default(3000),
});

describe('readEnv', () => {
  it('answers the parsed settings, defaults and coercions applied', () => {
    expect(
      readEnv(schema, { SISI_TABLE_PREFIX: 'sisi', SISI_BASE_URL: 'https://x.org', PORT: '8080' }),
    ).toEqual({ SISI_TABLE_PREFIX: 'sisi', SISI_BASE_URL: 'https://x.org', PORT: 8080 });
  });

  it('counts an empty variable as missing: its default applies', () => {
    expect(
      readEnv(schema, { SISI_TABLE_PREFIX: 'sisi', SISI_BASE_URL: 'https://x.org', PORT: '' }).PORT,
    ).toBe(3000);
  });

  it('fails naming every missing or bad variable, one line each, under what was read', () => {
    let message = '';
    try {
      readEnv(
        schema,
        { SISI_TABLE_PREFIX: 'Not A Prefix', SISI_BASE_URL: '', OTHER: 'x' },
        'API settings',
      );
    } catch (error) {
      message = (error as Error).message;
    }
    const [first, ...lines] = message.split('\n');
    expect(first).toBe('invalid API settings:');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('  SISI_TABLE_PREFIX: must be a table prefix');
    expect(lines[1]).toMatch(/^ {2}SISI_BASE_URL: /);
    expect(() => readEnv(schema, {})).toThrow(/^invalid settings:/);
  });
});
