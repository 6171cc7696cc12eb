import { randomBytes } from 'node:crypto';
import { LOGIN_LIMITS } from '@sisi/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, PASSWORD, type TestApi } from '../support/api.ts';
import {
  acceptInvitation,
  createOrganization,
  type Session,
  type User,
  uniqueEmail,
} from '../support/fixtures.ts';
import { decodeJwt, issuerKey, otherEs256Key, signJwt } from '../support/jwt.ts';
import { expectJson, expectProblem, type Problem } from '../support/problem.ts';

/** Per client address: 10 attempts per 900 s (`LOGIN_LIMITS`, functions/api). */
const LOGIN_LIMIT = LOGIN_LIMITS.addressAttempts;
const LOGIN_WINDOW_SECONDS = LOGIN_LIMITS.addressWindowSeconds;
const USER_FIELDS = [
  'id',
  'email',
  'name',
  'roles',
  'networkId',
  'organizationId',
  'language',
  'notices',
];
const ME_FIELDS = [...USER_FIELDS, 'now'];

let api: TestApi;
let admin: { networkId: string; adminToken: string; adminEmail: string };
let addresses = 0;
/** A client address of its own, so one test's failed sign-ins never brake another's. */
const freshIp = () => `10.9.${Math.floor(++addresses / 250)}.${addresses % 250}`;
const signIn = (email: string, password: string, ip = freshIp()) => api.login(email, password, ip);
const withoutInstance = ({ instance: _instance, ...rest }: Problem) => rest;

/** Onboards a network whose admin is invited but has not accepted yet. */
async function pendingInvitation() {
  const email = uniqueEmail('invitee');
  const networkName = `Invited network ${randomBytes(2).toString('hex')}`;
  const res = await api.call('POST', '/networks', {
    token: api.operatorToken,
    body: {
      name: networkName,
      region: 'West Africa',
      adminEmail: email,
      adminName: 'Invited Admin',
    },
  });
  const network = await expectJson<{ id: string }>(res, 201);
  return { email, networkName, networkId: network.id, token: await api.invitationToken(email) };
}

beforeAll(async () => {
  api = await createTestApi();
  admin = await api.createNetwork('Auth network');
});
afterAll(() => api.close());

describe('POST /auth/login', () => {
  it('answers 200 {token, user}, and the token works on GET /me', async () => {
    const session = await expectJson<Session>(await signIn(admin.adminEmail, PASSWORD), 200);
    expect(session.user).toEqual({
      id: expect.any(String),
      email: admin.adminEmail,
      name: 'Network Admin',
      roles: ['network-admin'],
      networkId: admin.networkId,
      language: 'en',
      notices: true,
    });
    expect(decodeJwt(session.token).payload.sub).toBe(session.user.id);

    const me = await expectJson<User>(await api.call('GET', '/me', { token: session.token }), 200);
    expect(me).toEqual({ ...session.user, now: expect.any(String) });
  });

  it('matches the email whatever its case', async () => {
    const res = await signIn(admin.adminEmail.toUpperCase(), PASSWORD);
    expect((await expectJson<Session>(res, 200)).user.email).toBe(admin.adminEmail);
  });

  it('gives GET /me only the documented fields: organizationId for a coordinator, neither for the operator', async () => {
    const org = await createOrganization(api, admin.networkId, admin.adminToken);
    const coordinator = await acceptInvitation(api, org.coordinatorEmail, 'Coordinator One');
    const me = await expectJson<User>(
      await api.call('GET', '/me', { token: coordinator.token }),
      200,
    );
    expect(me).toEqual({
      id: org.coordinatorId,
      email: org.coordinatorEmail,
      name: 'Coordinator One',
      roles: ['coordinator'],
      networkId: admin.networkId,
      organizationId: org.id,
      language: 'en',
      notices: true,
      now: expect.any(String),
    });

    const operator = await expectJson<User>(
      await api.call('GET', '/me', { token: api.operatorToken }),
      200,
    );
    expect(operator.roles).toEqual(['operator']);
    expect(Object.keys(operator).sort()).toEqual([
      'email',
      'id',
      'language',
      'name',
      'notices',
      'now',
      'roles',
    ]);
    for (const key of Object.keys(me)) expect(ME_FIELDS).toContain(key);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrongPassword = await expectProblem(
      await signIn(admin.adminEmail, 'not the password at all'),
      401,
    );
    const unknownEmail = await expectProblem(
      await signIn(uniqueEmail('nobody'), 'not the password at all'),
      401,
    );
    expect(withoutInstance(unknownEmail)).toEqual(withoutInstance(wrongPassword));
  });

  it('refuses a person who was invited but has not accepted, with the same 401', async () => {
    const invited = await pendingInvitation();
    const refused = await expectProblem(await signIn(invited.email, PASSWORD), 401);
    const unknown = await expectProblem(await signIn(uniqueEmail('nobody'), PASSWORD), 401);
    expect(withoutInstance(refused)).toEqual(withoutInstance(unknown));
  });

  it('rejects a malformed body with 400 naming the field', async () => {
    await expectProblem(
      await api.call('POST', '/auth/login', { body: { email: admin.adminEmail } }),
      400,
      'password',
    );
    await expectProblem(
      await api.call('POST', '/auth/login', {
        body: { email: 'not-an-email', password: PASSWORD },
      }),
      400,
      'email',
    );
  });

  it(`answers 429 after ${LOGIN_LIMIT} failed sign-ins from one address, whatever the emails; a real person at another address is not stopped`, async () => {
    const ip = freshIp();
    // one burst: every attempt is counted before any password is checked, so none slips by
    const sprayed = await Promise.all(
      Array.from({ length: LOGIN_LIMIT + 1 }, () =>
        signIn(uniqueEmail('sprayed'), 'a guessed password', ip),
      ),
    );
    expect(sprayed.map((r) => r.status).sort((x, y) => x - y)).toEqual([
      ...Array(LOGIN_LIMIT).fill(401),
      429,
    ]);
    const braked = await signIn(admin.adminEmail, PASSWORD, ip);
    await expectProblem(braked.clone(), 429);
    const retryAfter = Number(braked.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_WINDOW_SECONDS);
    await expectJson<Session>(await signIn(admin.adminEmail, PASSWORD, freshIp()), 200);
  });

  it('does not count successful sign-ins against the address (people share one office, or localhost)', async () => {
    const ip = freshIp();
    for (let i = 0; i < LOGIN_LIMIT + 2; i++) {
      await expectJson<Session>(await signIn(admin.adminEmail, PASSWORD, ip), 200);
    }
  });

  it('never replays a sign-in for an Idempotency-Key (a token is not a shareable result)', async () => {
    const headers = { 'idempotency-key': `login-key-${api.prefix}` };
    const first = await api.call('POST', '/auth/login', {
      body: { email: admin.adminEmail, password: PASSWORD },
      headers,
    });
    expect((await expectJson<Session>(first, 200)).user.email).toBe(admin.adminEmail);
    const stranger = await api.call('POST', '/auth/login', {
      body: { email: uniqueEmail('stranger'), password: PASSWORD },
      headers,
    });
    await expectProblem(stranger, 401);
  });
});

describe('bearer tokens', () => {
  let claims: Record<string, unknown>;
  let kid: string;
  const now = () => Math.floor(Date.now() / 1000);
  const me = (authorization?: string) =>
    api.app.request('/api/v1/me', authorization ? { headers: { authorization } } : {});

  beforeAll(async () => {
    const session = (await (await signIn(admin.adminEmail, PASSWORD)).json()) as Session;
    claims = decodeJwt(session.token).payload;
    kid = String(decodeJwt(session.token).header.kid);
  });

  it('accepts a token signed by the issuer key (the forging below is faithful)', async () => {
    const { key } = await issuerKey(api.dataDir);
    const token = signJwt({ alg: 'ES256', kid, typ: 'JWT' }, claims, key);
    expect((await expectJson<User>(await me(`Bearer ${token}`), 200)).email).toBe(admin.adminEmail);
  });

  it('answers 401 without a token', async () => {
    await expectProblem(await me(), 401);
  });

  it('answers 401 to a garbage token and to another scheme', async () => {
    await expectProblem(await me('Bearer garbage'), 401);
    await expectProblem(await me('Bearer a.b.c'), 401);
    await expectProblem(
      await me(`Basic ${Buffer.from(`${admin.adminEmail}:${PASSWORD}`).toString('base64')}`),
      401,
    );
  });

  it('answers 401 to a token signed by another key, even with the same kid and claims', async () => {
    const token = signJwt({ alg: 'ES256', kid, typ: 'JWT' }, claims, otherEs256Key().privateKey);
    await expectProblem(await me(`Bearer ${token}`), 401);
  });

  it('answers 401 to an expired token signed by the issuer key', async () => {
    const { key } = await issuerKey(api.dataDir);
    const expired = { ...claims, iat: now() - 7200, exp: now() - 60 };
    await expectProblem(
      await me(`Bearer ${signJwt({ alg: 'ES256', kid, typ: 'JWT' }, expired, key)}`),
      401,
    );
  });

  it('answers 401 to an unsigned alg:none token', async () => {
    const token = signJwt({ alg: 'none', typ: 'JWT' }, claims);
    await expectProblem(await me(`Bearer ${token}`), 401);
  });

  it('answers 401 to a token of the issuer key for another audience or issuer', async () => {
    const { key } = await issuerKey(api.dataDir);
    const header = { alg: 'ES256', kid, typ: 'JWT' };
    await expectProblem(
      await me(`Bearer ${signJwt(header, { ...claims, aud: 'someone-else' }, key)}`),
      401,
    );
    await expectProblem(
      await me(`Bearer ${signJwt(header, { ...claims, iss: 'https://evil.example' }, key)}`),
      401,
    );
  });

  it('answers 401 to a token of the issuer key without exp (it would never expire)', async () => {
    const { key } = await issuerKey(api.dataDir);
    const { exp: _exp, ...forever } = claims;
    const res = await me(`Bearer ${signJwt({ alg: 'ES256', kid, typ: 'JWT' }, forever, key)}`);
    expect((await expectProblem(res, 401)).detail).toMatch(/exp/);
    // a non-numeric exp is no better
    const text = { ...claims, exp: 'never' };
    await expectProblem(
      await me(`Bearer ${signJwt({ alg: 'ES256', kid, typ: 'JWT' }, text, key)}`),
      401,
    );
  });

  it('answers 401 to an access token or a token without token_use, signed by the issuer key', async () => {
    const { key } = await issuerKey(api.dataDir);
    const header = { alg: 'ES256', kid, typ: 'JWT' };
    const access = await me(`Bearer ${signJwt(header, { ...claims, token_use: 'access' }, key)}`);
    expect((await expectProblem(access, 401)).detail).toMatch(/not an ID token/);
    const { token_use: _use, ...untyped } = claims;
    await expectProblem(await me(`Bearer ${signJwt(header, untyped, key)}`), 401);
    // the same token with token_use id passes: only the claim made the difference
    await expectJson<User>(await me(`Bearer ${signJwt(header, claims, key)}`), 200);
  });

  it('answers 401 on GET /me to a valid token of someone not in the directory', async () => {
    // signed by the real issuer, but never written to the directory
    const token = await api.local.issuer.sign({
      id: 'nobodyhere1',
      email: 'nobody@example.org',
      name: 'Nobody',
      roles: ['network-admin'],
      networkId: admin.networkId,
    });
    await expectProblem(await api.call('GET', '/me', { token }), 401);
  });
});

describe('invitations', () => {
  it('GET /invitations/{token} shows who it is for', async () => {
    const invited = await pendingInvitation();
    const shown = await expectJson<Record<string, unknown>>(
      await api.call('GET', `/invitations/${invited.token}`),
      200,
    );
    expect(shown).toMatchObject({
      email: invited.email,
      name: 'Invited Admin',
      roles: ['network-admin'],
      networkName: invited.networkName,
    });
  });

  it('accept answers 200 {token, user}; the token and the chosen password both work', async () => {
    const invited = await pendingInvitation();
    const session = await expectJson<Session>(
      await api.call('POST', `/invitations/${invited.token}/accept`, {
        body: { name: 'Ama Mensah', password: 'my own long password' },
      }),
      200,
    );
    expect(session.user).toEqual({
      id: expect.any(String),
      email: invited.email,
      name: 'Ama Mensah',
      roles: ['network-admin'],
      networkId: invited.networkId,
      language: 'en',
      notices: true,
    });
    expect(
      await expectJson<User>(await api.call('GET', '/me', { token: session.token }), 200),
    ).toEqual({ ...session.user, now: expect.any(String) });
    const login = await expectJson<Session>(
      await signIn(invited.email, 'my own long password'),
      200,
    );
    expect(login.user).toEqual(session.user);
  });

  it('answers 410 to a second accept, and GET answers 410 after it', async () => {
    const invited = await pendingInvitation();
    const accept = () =>
      api.call('POST', `/invitations/${invited.token}/accept`, {
        body: { name: 'Once', password: PASSWORD },
      });
    await expectJson<Session>(await accept(), 200);
    const before = await api.countItems([invited.networkId]);
    await expectProblem(await accept(), 410);
    await expectProblem(await api.call('GET', `/invitations/${invited.token}`), 410);
    expect(await api.countItems([invited.networkId])).toBe(before);
  });

  it('answers 404 to an unknown token', async () => {
    const unknown = randomBytes(32).toString('base64url');
    await expectProblem(await api.call('GET', `/invitations/${unknown}`), 404);
    await expectProblem(
      await api.call('POST', `/invitations/${unknown}/accept`, {
        body: { name: 'Nobody', password: PASSWORD },
      }),
      404,
    );
  });

  it('rejects a bad accept body with 400 naming the field, writes nothing, and stays usable', async () => {
    const invited = await pendingInvitation();
    const cases: { body: unknown; field: string }[] = [
      { body: { name: 'Ama', password: 'short pass' }, field: 'password' },
      { body: { name: 'Ama', password: 'x'.repeat(11) }, field: 'password' },
      { body: { password: PASSWORD }, field: 'name' },
      { body: { name: '   ', password: PASSWORD }, field: 'name' },
      { body: { name: 'Ama', password: PASSWORD, roles: ['operator'] }, field: 'roles' },
      { body: '{"name": "Ama", "password":', field: 'body' },
    ];
    const before = await api.countItems([invited.networkId]);
    for (const { body, field } of cases) {
      await expectProblem(
        await api.call('POST', `/invitations/${invited.token}/accept`, { body }),
        400,
        field,
      );
    }
    expect(await api.countItems([invited.networkId])).toBe(before);
    await expectProblem(await signIn(invited.email, PASSWORD), 401);

    await expectJson<Session>(
      await api.call('POST', `/invitations/${invited.token}/accept`, {
        body: { name: 'Ama', password: 'twelve chars' },
      }),
      200,
    );
  });

  it('refuses a password of spaces, or a common or patterned one, naming the field in a sentence', async () => {
    const invited = await pendingInvitation();
    const before = await api.countItems([invited.networkId]);
    const refused = async (password: string) => {
      const problem = await expectProblem(
        await api.call('POST', `/invitations/${invited.token}/accept`, {
          body: { name: 'Ama', password },
        }),
        400,
        'password',
      );
      expect(problem.errors).toHaveLength(1);
      return problem.errors![0]!;
    };
    expect(await refused(' '.repeat(12))).toMatchObject({ code: 'blank' });
    expect(await refused('\t \n'.repeat(4))).toMatchObject({ code: 'blank' });
    // long enough, and on every cracker's list: common passwords, keyboard rows, repeats,
    // a word and a year, l33t
    for (const common of [
      'password1234',
      'qwertyuiop12',
      '123456789012',
      'iloveyou2024',
      'p@ssw0rd1234',
      'abc123abc123',
      'x'.repeat(12),
    ]) {
      const { code, message } = await refused(common);
      expect(code, common).toBe('weak_password');
      expect(message, common).toMatch(/^Too easy to guess: /);
      // it stands alone under the field: no label, no field name
      expect(message).not.toMatch(/password:/i);
    }
    expect(await api.countItems([invited.networkId])).toBe(before);

    // a phrase of one's own passes
    await expectJson<Session>(
      await api.call('POST', `/invitations/${invited.token}/accept`, {
        body: { name: 'Ama', password: 'rain on the baobab at dusk' },
      }),
      200,
    );
  });
});

// These move the virtual clock forward (kept per table prefix, so only this file sees it),
// hence they run last.
describe('when time passes', () => {
  it(`lifts the address brake after ${LOGIN_WINDOW_SECONDS} s`, async () => {
    const ip = freshIp();
    await Promise.all(
      Array.from({ length: LOGIN_LIMIT }, () => signIn(uniqueEmail('window'), 'wrong pw', ip)),
    );
    await expectProblem(await signIn(admin.adminEmail, PASSWORD, ip), 429);
    await api.local.clock.advance({ advanceDays: (LOGIN_WINDOW_SECONDS + 60) / 86_400 });
    await expectJson<Session>(await signIn(admin.adminEmail, PASSWORD, ip), 200);
  });

  it('keeps an invitation 7 days: GET and accept answer 410 after, and nothing is written', async () => {
    const invited = await pendingInvitation();
    await api.local.clock.advance({ advanceDays: 6 });
    await expectJson(await api.call('GET', `/invitations/${invited.token}`), 200);

    await api.local.clock.advance({ advanceDays: 2 });
    const before = await api.countItems([invited.networkId]);
    await expectProblem(await api.call('GET', `/invitations/${invited.token}`), 410);
    await expectProblem(
      await api.call('POST', `/invitations/${invited.token}/accept`, {
        body: { name: 'Late', password: PASSWORD },
      }),
      410,
    );
    expect(await api.countItems([invited.networkId])).toBe(before);
    await expectProblem(await signIn(invited.email, PASSWORD), 401);
  });
});

// Last: it moves this API's virtual clock on for good.
describe('GET /me and the clock', () => {
  it('gives GET /me the server’s time, which follows the virtual clock', async () => {
    const me = await expectJson<{ now: string }>(
      await api.call('GET', '/me', { token: admin.adminToken }),
      200,
    );
    expect(new Date(me.now).toISOString()).toBe(me.now);
    await expectJson(
      await api.call('POST', '/dev/clock', { token: api.operatorToken, body: { advanceDays: 30 } }),
      200,
    );
    const later = await expectJson<{ now: string }>(
      await api.call('GET', '/me', { token: admin.adminToken }),
      200,
    );
    const days = (Date.parse(later.now) - Date.parse(me.now)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(30);
    expect(days).toBeLessThan(30.1);
  });
});
