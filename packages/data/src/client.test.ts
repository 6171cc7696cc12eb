import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './client.ts';
import { InvalidCursorError } from './errors.ts';

const KEYS = ['PK', 'SK', 'GSI1PK', 'GSI1SK'];
const key = { PK: 'ORG#1', SK: 'ORG', GSI1PK: 'ORGS', GSI1SK: 'amani#1' };
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursors', () => {
  it('round-trips a key, and no key means no cursor', () => {
    expect(decodeCursor(encodeCursor(key), KEYS, { GSI1PK: 'ORGS' })).toEqual(key);
    expect(encodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor(undefined, KEYS)).toBeUndefined();
  });

  const refused: [string, string][] = [
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON but not an object', raw('ORG#1')],
    ['null', raw(null)],
    ['missing a key', raw({ PK: 'ORG#1', SK: 'ORG', GSI1PK: 'ORGS' })],
    ['an extra key', raw({ ...key, GSI2PK: 'x' })],
    ['a number value', raw({ ...key, SK: 1 })],
    ["another list's partition", raw({ ...key, GSI1PK: 'ORG#1#PEOPLE' })],
  ];
  for (const [what, cursor] of refused) {
    it(`refuses ${what}`, () => {
      expect(() => decodeCursor(cursor, KEYS, { GSI1PK: 'ORGS' })).toThrow(InvalidCursorError);
    });
  }
});
