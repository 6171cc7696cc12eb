import { deactivatePerson } from '@sisi/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, PASSWORD, type TestApi } from '../support/api.ts';
import { createOrganization, type Member, uniqueEmail } from '../support/fixtures.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

/** A sign-in that outlives the tab (ADR 0042): the refresh cookie and its routes. */

let api: TestApi;
let networkId: string;
let adminToken: string;
let orgPath: string;

const COOKIE_PATH = '/api/v1/auth/session';

/** The `sisi_refresh` Set-Cookie line of an answer, if any. */
function refreshSetCookie(res: Response): string | undefined {
  return res.headers.getSetCookie().find((line) => line.startsWith('sisi_refresh='));
}

/** The cookie value a browser would send back (`name=value`), from an answer that set it. */
function cookieOf(res: Response): string {
  const line = refreshSetCookie(res);
  const pair = line?.split(';')[0];
  if (!pair || pair === 'sisi_refresh=') throw new Error(`no refresh cookie set: ${line}`);
  return pair;
}

const refresh = (cookie?: string) =>
  api.call('POST', '/auth/session/refresh', { headers: cookie ? { cookie } : {} });

/** Invites a member, who accepts and signs in: their id, email and the login's cookie. */
async function newMember(label: string) {
  const email = uniqueEmail(label);
  const member = await expectJson<Member>(
    await api.call('POST', `${orgPath}/members`, {
      token: adminToken,
      body: { email, name: 'Member' },
    }),
    201,
  );
  const accept = await api.call('POST', `/invitations/${await api.invitationToken(email)}/accept`, {
    body: { name: 'Member', password: PASSWORD },
  });
  expect(accept.status).toBe(200);
  expect(refreshSetCookie(accept)).toBeDefined();
  const login = await api.login(email, PASSWORD);
  expect(login.status).toBe(200);
  return { id: member.id, email, cookie: cookieOf(login), login };
}

/** Waits into the next wall-clock second: revocations are kept to the second (ADR 0031). */
const nextSecond = () => new Promise((r) => setTimeout(r, 1_100 - (Date.now() % 1_000)));

beforeAll(async () => {
  api = await createTestApi();
  ({ networkId, adminToken } = await api.createNetwork('Kept sign-in network'));
  const org = await createOrganization(api, networkId, adminToken, { name: 'Kept Org' });
  orgPath = `/networks/${networkId}/organizations/${org.id}`;
});
afterAll(() => api.close());

describe('signing in keeps a refresh cookie', () => {
  it('is HttpOnly, Secure, SameSite=Strict, sent to the session routes only, for 7 days', async () => {
    const { login } = await newMember('cookie');
    const line = refreshSetCookie(login)!;
    const attributes = line.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('secure');
    expect(attributes).toContain('samesite=strict');
    expect(attributes).toContain(`path=${COOKIE_PATH}`);
    expect(attributes).toContain(`max-age=${7 * 86_400}`);
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
  });

  it('is kept hashed: the token itself is nowhere in the table', async () => {
    const { cookie } = await newMember('hashed');
    const [familyId, token] = cookie.slice('sisi_refresh='.length).split('.');
    const family = await api.local.platform.getRefreshFamily(familyId!);
    expect(family?.tokenHash).toBeDefined();
    expect(JSON.stringify(family)).not.toContain(token);
  });

  it('is not set by a failed sign-in', async () => {
    const { email } = await newMember('failed');
    const res = await api.login(email, 'not the password at all');
    expect(res.status).toBe(401);
    expect(refreshSetCookie(res)).toBeUndefined();
  });
});

describe('POST /auth/session/refresh', () => {
  it('answers a working bearer token and the person, and rotates the cookie', async () => {
    const { id, email, cookie } = await newMember('refresh');
    const res = await refresh(cookie);
    const session = await expectJson<{ token: string; user: { id: string; email: string } }>(
      res,
      200,
    );
    expect(session.user).toMatchObject({ id, email });
    const me = await expectJson<{ id: string }>(
      await api.call('GET', '/me', { token: session.token }),
      200,
    );
    expect(me.id).toBe(id);
    const rotated = cookieOf(res);
    expect(rotated).not.toBe(cookie);
    expect(refreshSetCookie(res)).toMatch(/HttpOnly/i);
    // the new one works in turn
    await expectJson(await refresh(rotated), 200);
  });

  it('revokes the whole family when a spent token comes back (reuse)', async () => {
    const { cookie } = await newMember('reuse');
    const first = await refresh(cookie);
    expect(first.status).toBe(200);
    const current = cookieOf(first);
    // the spent token again: refused, and the cookie cleared
    const reused = await refresh(cookie);
    await expectProblem(reused, 401);
    expect(refreshSetCookie(reused)).toMatch(/^sisi_refresh=;.*Max-Age=0/i);
    // the holder of the current token is signed out too
    await expectProblem(await refresh(current), 401);
  });

  it('is 204 without a cookie (nothing kept, no failed request), 401 with a malformed or unknown one', async () => {
    const none = await refresh();
    expect(none.status).toBe(204);
    expect(refreshSetCookie(none)).toBeUndefined();
    await expectProblem(await refresh('sisi_refresh=nonsense'), 401);
    await expectProblem(await refresh(`sisi_refresh=${'a'.repeat(24)}.${'b'.repeat(43)}`), 401);
  });

  it('cannot be used as a bearer token, and the bearer is not needed', async () => {
    const { cookie } = await newMember('not-bearer');
    const value = cookie.slice('sisi_refresh='.length);
    await expectProblem(await api.call('GET', '/me', { token: value }), 401);
  });
});

describe('ending a kept sign-in', () => {
  it('DELETE /auth/session signs out this device: the cookie cleared, its token refused', async () => {
    const { email, cookie } = await newMember('logout');
    const other = cookieOf(await api.login(email, PASSWORD));
    const res = await api.call('DELETE', '/auth/session', { headers: { cookie } });
    expect(res.status).toBe(204);
    expect(refreshSetCookie(res)).toMatch(/^sisi_refresh=;.*Path=\/api\/v1\/auth\/session/i);
    await expectProblem(await refresh(cookie), 401);
    // the same person on another device stays signed in
    await expectJson(await refresh(other), 200);
    // without a cookie: the same answer
    expect((await api.call('DELETE', '/auth/session')).status).toBe(204);
  });

  it('POST /me/sign-out-everywhere refuses every kept sign-in and token from before', async () => {
    const { email, cookie } = await newMember('everywhere');
    const phone = cookieOf(await api.login(email, PASSWORD));
    const { token } = await expectJson<{ token: string }>(await refresh(phone), 200);
    await nextSecond();
    const res = await api.call('POST', '/me/sign-out-everywhere', { token });
    expect(res.status).toBe(204);
    expect(refreshSetCookie(res)).toMatch(/^sisi_refresh=;.*Max-Age=0/i);
    api.access.forget((await api.local.platform.getUserByEmail(email))!.id);
    await expectProblem(await refresh(cookie), 401);
    await expectProblem(await api.call('GET', '/me', { token }), 401);
    // a new sign-in works again
    await nextSecond();
    const again = await api.login(email, PASSWORD);
    await expectJson(await refresh(cookieOf(again)), 200);
  });

  it('needs a bearer token to sign out everywhere', async () => {
    await expectProblem(await api.call('POST', '/me/sign-out-everywhere'), 401);
  });

  it("refuses a deactivated person's refresh at once", async () => {
    const { id, cookie } = await newMember('deactivated');
    await nextSecond();
    await deactivatePerson({ ...api.local.deps, access: api.access }, id);
    await expectProblem(await refresh(cookie), 401);
  });
});

describe('a kept sign-in expires', () => {
  it('after 7 days unused', async () => {
    const { cookie } = await newMember('idle');
    const used = cookieOf(await refresh(cookie));
    await api.local.deps.dev!.setClock({ advanceDays: 6 });
    const stillOk = await refresh(used);
    expect(stillOk.status).toBe(200);
    await api.local.deps.dev!.setClock({ advanceDays: 7 });
    await expectProblem(await refresh(cookieOf(stillOk)), 401);
  });

  it('after 30 days however often it is used', async () => {
    let { cookie } = await newMember('cap');
    for (let week = 1; week <= 4; week++) {
      await api.local.deps.dev!.setClock({ advanceDays: 6 });
      const res = await refresh(cookie);
      expect(res.status, `after ${week * 6} days`).toBe(200);
      cookie = cookieOf(res);
    }
    await api.local.deps.dev!.setClock({ advanceDays: 6 });
    await expectProblem(await refresh(cookie), 401);
  });
});
