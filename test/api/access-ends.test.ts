import {
  createApp,
  createPersonAccess,
  deactivatePerson,
  reactivatePerson,
  signOutEverywhere,
} from '@sisi/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, PASSWORD, socketFrom, type TestApi } from '../support/api.ts';
import {
  acceptInvitation,
  createOrganization,
  type Member,
  type Organization,
  uniqueEmail,
} from '../support/fixtures.ts';
import { setRolesInStore } from '../support/people.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

/** The revocation check trusts what it read of a person for this long (ADR 0031). */
const TTL_MS = 60_000;

let api: TestApi;
let networkId: string;
let adminToken: string;
let org: Organization & { coordinatorEmail: string };

const orgPath = () => `/networks/${networkId}/organizations/${org.id}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Invites a member of `org` and accepts: their id, email and a fresh session token. */
async function newMember(label: string) {
  const email = uniqueEmail(label);
  const member = await expectJson<Member>(
    await api.call('POST', `${orgPath()}/members`, {
      token: adminToken,
      body: { email, name: 'Member' },
    }),
    201,
  );
  const { token } = await acceptInvitation(api, email, 'Member');
  return { id: member.id, email, token };
}

const setRoles = (personId: string, roles: string[]) =>
  setRolesInStore(api, networkId, personId, roles);

/** Another instance of the API: its own cache, which this test's changes never reach. */
const otherInstanceDeps = () => ({ ...api.local.deps, access: undefined });

beforeAll(async () => {
  api = await createTestApi();
  ({ networkId, adminToken } = await api.createNetwork('Access network'));
  org = await createOrganization(api, networkId, adminToken, { name: 'Access Organization' });
});
afterAll(() => api.close());

describe('a deactivated person', () => {
  it('has their token refused within 60 s, and their sign-in at once', async () => {
    const { user } = await acceptInvitation(api, org.coordinatorEmail, 'Coordinator');
    const { id, email } = user;
    const { token } = await expectJson<{ token: string }>(await api.login(email, PASSWORD), 200);
    await expectJson(await api.call('GET', orgPath(), { token }), 200);

    // deactivated through another instance: this one learns it when its copy is 60 s old
    await deactivatePerson(otherInstanceDeps(), id);
    await expectProblem(await api.login(email, PASSWORD), 401);
    api.passAccessTime(TTL_MS - 1_000);
    await expectJson(await api.call('GET', orgPath(), { token }), 200);
    api.passAccessTime(1_000);
    const refused = await expectProblem(await api.call('GET', orgPath(), { token }), 401);
    expect(refused.detail).toMatch(/not active/);
    await expectProblem(await api.call('GET', '/me', { token }), 401);
  });

  it('is refused at once by the instance that deactivated them', async () => {
    const member = await newMember('deactivated-here');
    await expectJson(await api.call('GET', orgPath(), { token: member.token }), 200);
    const before = Date.now();
    const person = await deactivatePerson({ ...api.local.deps, access: api.access }, member.id);
    await expectProblem(await api.call('GET', orgPath(), { token: member.token }), 401);
    await expectProblem(await api.login(member.email, PASSWORD), 401);
    // both tables say so: the directory (with when tokens became valid) and the network's
    expect(person.status).toBe('deactivated');
    const stored = await api.local.platform.getUser(member.id);
    expect(stored?.status).toBe('deactivated');
    expect(Date.parse(stored!.tokensValidAfter!)).toBeGreaterThanOrEqual(before - 1_000);
    const people = api.local.deps.store({ networkId }).people;
    expect((await people.get(member.id))?.status).toBe('deactivated');
  });

  it('signs in again once reactivated, but their old tokens stay refused', async () => {
    const member = await newMember('reactivated');
    await sleep(1_000); // the old token is of an earlier second than the deactivation
    const deps = { ...api.local.deps, access: api.access };
    await deactivatePerson(deps, member.id);
    const back = await reactivatePerson(deps, member.id);
    expect(back.status).toBe('active');
    await expectProblem(await api.call('GET', orgPath(), { token: member.token }), 401);
    const { token } = await expectJson<{ token: string }>(
      await api.login(member.email, PASSWORD),
      200,
    );
    await expectJson(await api.call('GET', orgPath(), { token }), 200);
  });
});

describe('sign out everywhere', () => {
  it('ends every token issued before it; a new sign-in works', async () => {
    const member = await newMember('everywhere');
    await sleep(1_000);
    await signOutEverywhere({ ...api.local.deps, access: api.access }, member.id);
    const ended = await expectProblem(
      await api.call('GET', orgPath(), { token: member.token }),
      401,
    );
    expect(ended.detail).toMatch(/sign in again/);
    const { token } = await expectJson<{ token: string }>(
      await api.login(member.email, PASSWORD),
      200,
    );
    await expectJson(await api.call('GET', orgPath(), { token }), 200);
  });
});

describe('roles come from the directory, not the token', () => {
  it('makes a role change take effect within 60 s, with the same token', async () => {
    const member = await newMember('promoted');
    const invite = () =>
      api.call('POST', `${orgPath()}/members`, {
        token: member.token,
        body: { email: uniqueEmail('invited-by-promoted'), name: 'Invited' },
      });
    await expectProblem(await invite(), 403);
    await setRoles(member.id, ['coordinator']);
    // still the cached roles for up to 60 s, then the directory's
    await expectProblem(await invite(), 403);
    api.passAccessTime(TTL_MS);
    await expectJson(await invite(), 201);
    await setRoles(member.id, ['member']);
    api.passAccessTime(TTL_MS);
    await expectProblem(await invite(), 403);
  });
});

describe('the cost of the check', () => {
  it('is one directory read per person per 60 s on an instance', async () => {
    const member = await newMember('counted');
    let reads = 0;
    let nowMs = Date.now();
    const access = createPersonAccess({
      read: (id) => {
        reads++;
        return api.local.platform.getUser(id);
      },
      nowMs: () => nowMs,
    });
    const app = createApp({ ...api.local.deps, access });
    const get = () =>
      app.request(
        `/api/v1${orgPath()}`,
        { headers: { authorization: `Bearer ${member.token}` } },
        socketFrom('127.0.0.1'),
      );
    for (let i = 0; i < 5; i++) expect((await get()).status).toBe(200);
    expect(reads).toBe(1);
    nowMs += TTL_MS - 1;
    expect((await get()).status).toBe(200);
    expect(reads).toBe(1);
    nowMs += 1;
    expect((await get()).status).toBe(200);
    expect(reads).toBe(2);
  });

  it('refuses a cache kept longer than 60 s', () => {
    expect(() => createPersonAccess({ read: async () => undefined, ttlMs: TTL_MS + 1 })).toThrow(
      /ttlMs/,
    );
  });
});
