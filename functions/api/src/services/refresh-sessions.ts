import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { UserRecord } from '@sisi/data';
import type { DetailKey } from '@sisi/domain';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { API_BASE_PATH } from '../base-path.ts';
import type { AppEnv } from '../deps.ts';
import { UnauthorizedError } from '../errors.ts';
import { accessRefusal } from '../person-access.ts';
import type { IdentityUser } from '../ports.ts';
import { hashToken } from './invitations.ts';

/**
 * A sign-in that outlives the tab (ADR 0042): a refresh token in an HttpOnly, Secure,
 * SameSite=Strict cookie, sent only to `/auth/session…`, exchanged for short-lived bearer
 * tokens. The API itself stays bearer-only.
 */
export const REFRESH_COOKIE = 'sisi_refresh';
/** The only path the browser sends the cookie to: the refresh and sign-out routes. */
export const REFRESH_COOKIE_PATH = `${API_BASE_PATH}/auth/session`;
/** A family unused for this long is refused: sign in again. */
export const REFRESH_IDLE_DAYS = 7;
/** No family is exchanged after this long, however often it is used. */
export const REFRESH_MAX_DAYS = 30;

const DAY_MS = 86_400_000;
const SEAL_INFO = 'sisi refresh handle';

const identityUser = (u: UserRecord): IdentityUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: u.roles,
  ...(u.networkId ? { networkId: u.networkId } : {}),
  ...(u.organizationId ? { organizationId: u.organizationId } : {}),
});

const secret = () => randomBytes(32).toString('base64url');

/** The provider's handle sealed under a key only the current token (the cookie) gives. */
function seal(handle: string, token: string, familyId: string): string {
  const key = Buffer.from(hkdfSync('sha256', token, familyId, SEAL_INFO, 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(handle, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${iv.toString('base64url')}.${body.toString('base64url')}`;
}

function unseal(sealed: string, token: string, familyId: string): string | undefined {
  try {
    const [iv, body] = sealed.split('.');
    if (!iv || !body) return undefined;
    const key = Buffer.from(hkdfSync('sha256', token, familyId, SEAL_INFO, 32));
    const raw = Buffer.from(body, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([
      decipher.update(raw.subarray(0, raw.length - 16)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** Whether the request carries a refresh cookie at all (valid or not). */
export const hasRefreshCookie = (c: Context<AppEnv>): boolean =>
  getCookie(c, REFRESH_COOKIE) !== undefined;

/** `familyId.token` from the cookie, or undefined when absent or malformed. */
function presented(c: Context<AppEnv>): { familyId: string; token: string } | undefined {
  const value = getCookie(c, REFRESH_COOKIE);
  const match = value?.match(/^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{32,64})$/);
  return match?.[1] && match[2] ? { familyId: match[1], token: match[2] } : undefined;
}

function putCookie(c: Context<AppEnv>, familyId: string, token: string, maxAgeMs: number): void {
  setCookie(c, REFRESH_COOKIE, `${familyId}.${token}`, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    maxAge: Math.max(0, Math.floor(maxAgeMs / 1000)),
  });
}

/** The Set-Cookie line that clears the refresh cookie, for an answer made outside `c`. */
export const CLEARED_REFRESH_COOKIE = `${REFRESH_COOKIE}=; Max-Age=0; Path=${REFRESH_COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict`;

/** Clears the refresh cookie (this device only): sign-out, or a refused exchange. */
export function clearRefreshCookie(c: Context<AppEnv>): void {
  deleteCookie(c, REFRESH_COOKIE, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
  });
}

/**
 * After a sign-in: a new family of refresh tokens for `user`, its first token set in the
 * cookie. `refreshHandle` is the identity provider's own (Cognito's refresh token), sealed.
 */
export async function startRefreshFamily(
  c: Context<AppEnv>,
  user: UserRecord,
  refreshHandle?: string,
): Promise<void> {
  const deps = c.var.deps;
  const now = deps.clock.now();
  const familyId = randomBytes(18).toString('base64url');
  const token = secret();
  const expiresAt = new Date(now.getTime() + REFRESH_MAX_DAYS * DAY_MS);
  await deps.platform.createRefreshFamily({
    familyId,
    userId: user.id,
    tokenHash: hashToken(token),
    createdAt: now.toISOString(),
    // wall-clock, as tokens' `iat` is: compared with `tokensValidAfter`
    signedInAt: new Date().toISOString(),
    lastUsedAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    ...(refreshHandle ? { sealedHandle: seal(refreshHandle, token, familyId) } : {}),
  });
  putCookie(c, familyId, token, REFRESH_IDLE_DAYS * DAY_MS);
}

const refused = (why: DetailKey) => new UnauthorizedError(why);

/**
 * Exchanges the cookie's refresh token for a new bearer token and a new refresh token (the
 * old one is spent). Refused (401, the cookie cleared): no cookie, an unknown or revoked
 * family, idle too long or past the cap, the person no longer active or signed out
 * everywhere since. A spent token presented again revokes its whole family: whoever holds
 * the current one (perhaps a thief, perhaps the owner) signs in again.
 */
export async function exchangeRefresh(
  c: Context<AppEnv>,
): Promise<{ token: string; user: UserRecord }> {
  const deps = c.var.deps;
  const cookie = presented(c);
  if (!cookie) throw refused('unauthorized_session_none');
  const { familyId, token } = cookie;
  const family = await deps.platform.getRefreshFamily(familyId);
  if (!family || family.revokedAt) throw refused('unauthorized_sign_in_again');
  const now = deps.clock.now();
  const revoke = () => deps.platform.revokeRefreshFamily(familyId, now.toISOString());
  const hash = hashToken(token);
  if (hash !== family.tokenHash) {
    await revoke();
    throw refused('unauthorized_session_reused');
  }
  if (
    family.expiresAt <= now.toISOString() ||
    Date.parse(family.lastUsedAt) + REFRESH_IDLE_DAYS * DAY_MS <= now.getTime()
  ) {
    await revoke();
    throw refused('unauthorized_session_expired');
  }
  const user = await deps.platform.getUser(family.userId);
  const refusal = accessRefusal(user, Math.floor(Date.parse(family.signedInAt) / 1000));
  if (refusal || !user) {
    await revoke();
    throw refused('unauthorized_sign_in_again');
  }
  const handle = family.sealedHandle ? unseal(family.sealedHandle, token, familyId) : undefined;
  const next = secret();
  const rotated = await deps.platform.rotateRefreshFamily(familyId, {
    fromHash: hash,
    toHash: hashToken(next),
    at: now.toISOString(),
    ...(handle ? { sealedHandle: seal(handle, next, familyId) } : {}),
  });
  if (!rotated) {
    // another exchange spent this token first: a reuse
    await revoke();
    throw refused('unauthorized_session_reused');
  }
  const bearer = await deps.identity.refresh(identityUser(user), handle);
  if (!bearer) {
    await revoke();
    throw refused('unauthorized_sign_in_again');
  }
  const capLeft = Date.parse(family.expiresAt) - now.getTime();
  putCookie(c, familyId, next, Math.min(REFRESH_IDLE_DAYS * DAY_MS, capLeft));
  return { token: bearer, user };
}

/**
 * Sign-out on this device: the cookie's family is revoked (and the provider's session
 * ended), the cookie cleared. Nothing kept, or already ended: the same answer.
 */
export async function endRefreshFamily(c: Context<AppEnv>): Promise<void> {
  const deps = c.var.deps;
  const cookie = presented(c);
  clearRefreshCookie(c);
  if (!cookie) return;
  const family = await deps.platform.getRefreshFamily(cookie.familyId);
  if (!family || family.revokedAt) return;
  // a spent token ends its family too: either way nobody exchanges it again
  await deps.platform.revokeRefreshFamily(cookie.familyId, deps.clock.now().toISOString());
  const handle =
    family.sealedHandle && hashToken(cookie.token) === family.tokenHash
      ? unseal(family.sealedHandle, cookie.token, cookie.familyId)
      : undefined;
  if (handle) await deps.identity.endSession(handle);
}
