import type { UserRecord } from '@sisi/data';
import type { DetailKey } from '@sisi/domain';

/** How long one instance trusts what it read of a person: access ends within this. */
export const PERSON_ACCESS_TTL_MS = 60_000;

/** What the revocation check reads of a person: the directory record, or nothing. */
export type PersonAccessRecord = Pick<
  UserRecord,
  'id' | 'email' | 'name' | 'roles' | 'networkId' | 'organizationId' | 'status' | 'tokensValidAfter'
>;

/**
 * The per-person record every authenticated request is checked against (status, when
 * tokens became valid, current roles and organization), read from the directory at most
 * once per `ttlMs` per person on this instance (ADR 0031).
 */
export interface PersonAccess {
  /** The person as the directory holds them (cached), `undefined` when unknown. */
  get(personId: string): Promise<PersonAccessRecord | undefined>;
  /** Drops this instance's copy, so a change made here shows on the next request. */
  forget(personId: string): void;
}

/**
 * A `PersonAccess` over `read` (the platform table's `getUser`), cached per instance for
 * `ttlMs` (60 s by default). `nowMs` is injectable so tests move time instead of sleeping.
 *
 * @example
 * const access = createPersonAccess({ read: (id) => platform.getUser(id) });
 * const person = await access.get(claims.sub);
 */
export function createPersonAccess(options: {
  read(personId: string): Promise<PersonAccessRecord | undefined>;
  ttlMs?: number;
  nowMs?: () => number;
  /** Most people kept at once; the oldest entry goes first. */
  max?: number;
}): PersonAccess {
  const ttlMs = options.ttlMs ?? PERSON_ACCESS_TTL_MS;
  if (!(ttlMs >= 0 && ttlMs <= PERSON_ACCESS_TTL_MS)) {
    throw new Error(`createPersonAccess: ttlMs must be 0 to ${PERSON_ACCESS_TTL_MS}`);
  }
  const nowMs = options.nowMs ?? Date.now;
  const max = options.max ?? 10_000;
  const cache = new Map<string, { record: PersonAccessRecord | undefined; readAtMs: number }>();
  return {
    async get(personId) {
      const hit = cache.get(personId);
      if (hit && nowMs() - hit.readAtMs < ttlMs) return hit.record;
      const readAtMs = nowMs();
      const found = await options.read(personId);
      // only what the check needs is kept (no password hash or other fields in memory)
      const record: PersonAccessRecord | undefined = found && {
        id: found.id,
        email: found.email,
        name: found.name,
        roles: found.roles,
        status: found.status,
        ...(found.networkId ? { networkId: found.networkId } : {}),
        ...(found.organizationId ? { organizationId: found.organizationId } : {}),
        ...(found.tokensValidAfter ? { tokensValidAfter: found.tokensValidAfter } : {}),
      };
      cache.delete(personId);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(personId, { record, readAtMs });
      return record;
    },
    forget(personId) {
      cache.delete(personId);
    },
  };
}

/**
 * Why a verified token no longer grants access (the key of its words, ADR 0040), or
 * `undefined` when it does: the person is unknown or not active, or the token was issued
 * before their `tokensValidAfter`.
 */
export function accessRefusal(
  person: PersonAccessRecord | undefined,
  issuedAtSeconds: number | undefined,
): DetailKey | undefined {
  if (person?.status !== 'active') return 'unauthorized_not_active';
  if (person.tokensValidAfter) {
    const validFromSeconds = Math.floor(Date.parse(person.tokensValidAfter) / 1000);
    if (issuedAtSeconds === undefined || issuedAtSeconds < validFromSeconds) {
      return 'unauthorized_sign_in_again';
    }
  }
  return undefined;
}
