import { describe, expect, it } from 'vitest';
import { accessRefusal, createPersonAccess, type PersonAccessRecord } from './person-access.ts';

const person: PersonAccessRecord = {
  id: 'p1',
  email: 'p1@example.org',
  name: 'P One',
  roles: ['coordinator'],
  networkId: 'n1',
  organizationId: 'o1',
  status: 'active',
};
const second = (iso: string) => Date.parse(iso) / 1000;

describe('accessRefusal', () => {
  it('lets an active person with no revocation through', () => {
    expect(accessRefusal(person, second('2026-12-07T10:00:00Z'))).toBeUndefined();
  });

  it('refuses someone unknown, invited or deactivated', () => {
    expect(accessRefusal(undefined, 1)).toBe('unauthorized_not_active');
    expect(accessRefusal({ ...person, status: 'invited' }, 1)).toBe('unauthorized_not_active');
    expect(accessRefusal({ ...person, status: 'deactivated' }, 1)).toBe('unauthorized_not_active');
  });

  it('refuses a token of an earlier second than tokensValidAfter, or with no iat', () => {
    const revoked = { ...person, tokensValidAfter: '2026-12-07T10:00:05.000Z' };
    expect(accessRefusal(revoked, second('2026-12-07T10:00:04Z'))).toBe(
      'unauthorized_sign_in_again',
    );
    expect(accessRefusal(revoked, undefined)).toBe('unauthorized_sign_in_again');
    expect(accessRefusal(revoked, second('2026-12-07T10:00:05Z'))).toBeUndefined();
    expect(accessRefusal(revoked, second('2026-12-07T11:00:00Z'))).toBeUndefined();
  });
});

describe('createPersonAccess', () => {
  it('reads a person once per ttl, and again after forget', async () => {
    let now = 0;
    const reads: string[] = [];
    const access = createPersonAccess({
      read: async (id) => {
        reads.push(id);
        return { ...person, id, passwordHash: 'never kept' } as PersonAccessRecord;
      },
      ttlMs: 1_000,
      nowMs: () => now,
    });
    await access.get('a');
    await access.get('a');
    await access.get('b');
    now = 999;
    await access.get('a');
    expect(reads).toEqual(['a', 'b']);
    now = 1_000;
    const a = await access.get('a');
    expect(reads).toEqual(['a', 'b', 'a']);
    expect(a).not.toHaveProperty('passwordHash');
    access.forget('a');
    await access.get('a');
    expect(reads).toEqual(['a', 'b', 'a', 'a']);
  });

  it('caches an unknown person too, so a stranger costs one read a minute', async () => {
    let reads = 0;
    const access = createPersonAccess({
      read: async () => {
        reads++;
        return undefined;
      },
      nowMs: () => 0,
    });
    expect(await access.get('x')).toBeUndefined();
    expect(await access.get('x')).toBeUndefined();
    expect(reads).toBe(1);
  });

  it('keeps at most `max` people, dropping the oldest', async () => {
    const reads: string[] = [];
    const access = createPersonAccess({
      read: async (id) => {
        reads.push(id);
        return { ...person, id };
      },
      nowMs: () => 0,
      max: 2,
    });
    for (const id of ['a', 'b', 'c', 'b', 'a']) await access.get(id);
    expect(reads).toEqual(['a', 'b', 'c', 'a']);
  });
});
