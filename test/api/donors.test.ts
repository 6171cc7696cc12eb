import type { DonorSummary, DonorTrends } from '@sisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, PASSWORD, type TestApi } from '../support/api.ts';
import { acceptInvitation, createOrganization, uniqueEmail } from '../support/fixtures.ts';
import { createMentorship } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

interface Donor {
  id: string;
  email: string;
  name: string;
  networkIds: string[];
  status: 'invited' | 'active';
}

let api: TestApi;
let a: { networkId: string; adminToken: string };
let b: { networkId: string; adminToken: string };
let donorEmail: string;
let donorToken: string;
let donor: Donor;
let mentorshipId: string;
let organizationId: string;
let coordinatorToken: string;
const coordinatorEmails: string[] = [];

const inviteDonor = (body: unknown, token = api.operatorToken) =>
  api.call('POST', '/donors', { token, body });

beforeAll(async () => {
  api = await createTestApi();
  a = await api.createNetwork('Funded network');
  b = await api.createNetwork('Other network');
  // five KP-led organizations serving sex workers and one, not KP-led, serving MSM
  for (let i = 0; i < 6; i++) {
    const org = await createOrganization(api, a.networkId, a.adminToken, {
      name: `Member ${i}`,
      kpLed: i < 5,
      keyPopulations: i < 5 ? ['sex-workers'] : ['msm'],
      nameVisibleToDonors: i === 0,
    });
    coordinatorEmails.push(org.coordinatorEmail);
    organizationId ??= org.id;
  }
  await createOrganization(api, b.networkId, b.adminToken);
  const orgs = await expectJson<{ items: { id: string }[] }>(
    await api.call('GET', `/networks/${a.networkId}/organizations`, { token: a.adminToken }),
    200,
  );
  mentorshipId = (
    await createMentorship(api, a.networkId, a.adminToken, {
      mentorOrganizationId: orgs.items[0]!.id,
      menteeOrganizationIds: [orgs.items[1]!.id],
    })
  ).id;
  donorEmail = uniqueEmail('donor');
  donor = await expectJson<Donor>(
    await inviteDonor({ email: donorEmail, name: 'Fund for KP Health', networkIds: [a.networkId] }),
    201,
  );
  donorToken = (await acceptInvitation(api, donorEmail, 'Fund for KP Health')).token;
  coordinatorToken = (await acceptInvitation(api, coordinatorEmails[2]!)).token;
  // the organizations' quarter must have ended for the summary to count it
  await expectJson(
    await api.call('POST', '/dev/clock', { token: api.operatorToken, body: { advanceDays: 100 } }),
    200,
  );
  await api.local.rollups.drain();
});
afterAll(() => api.close());

describe('POST /donors', () => {
  it('invites the donor, linked to the networks and to no network of their own', async () => {
    expect(donor).toMatchObject({
      email: donorEmail,
      name: 'Fund for KP Health',
      networkIds: [a.networkId],
      status: 'invited',
    });
    const [mail] = await api.mails(donorEmail);
    expect(mail?.text).toMatch(/\/invitations\/[A-Za-z0-9_-]+/);
    const me = await expectJson<{ roles: string[]; networkId?: string }>(
      await api.call('GET', '/me', { token: donorToken }),
      200,
    );
    expect(me.roles).toEqual(['donor']);
    expect(me.networkId).toBeUndefined();
    expect((await api.login(donorEmail, PASSWORD)).status).toBe(200);
  });

  it.each([
    ['email', { name: 'X', networkIds: ['abc'] }],
    ['name', { email: 'x@example.org', networkIds: ['abc'] }],
    ['networkIds', { email: 'x@example.org', name: 'X', networkIds: [] }],
    ['networkIds', { email: 'x@example.org', name: 'X', networkIds: ['abc', 'abc'] }],
  ])('answers 400 naming %s and writes nothing', async (field, body) => {
    const before = await api.countItems([a.networkId]);
    await expectProblem(await inviteDonor(body), 400, field);
    expect(await api.countItems([a.networkId])).toBe(before);
  });

  it('answers 400 naming the unknown network, and writes nothing', async () => {
    const before = await api.countItems([a.networkId]);
    await expectProblem(
      await inviteDonor({
        email: uniqueEmail('donor'),
        name: 'X',
        networkIds: [a.networkId, 'no-such-network'],
      }),
      400,
      'networkIds.1',
    );
    expect(await api.countItems([a.networkId])).toBe(before);
  });

  it('answers 409 naming email when the address is taken', async () => {
    const before = await api.countItems();
    await expectProblem(
      await inviteDonor({ email: donorEmail, name: 'Again', networkIds: [a.networkId] }),
      409,
      'email',
    );
    expect(await api.countItems()).toBe(before);
  });

  it('is the operator’s: a network admin gets 403 and nothing is written', async () => {
    const before = await api.countItems([a.networkId]);
    await expectProblem(
      await inviteDonor(
        { email: uniqueEmail('donor'), name: 'X', networkIds: [a.networkId] },
        a.adminToken,
      ),
      403,
    );
    expect(await api.countItems([a.networkId])).toBe(before);
  });
});

describe('GET /donors', () => {
  it('lists the donors with their networks for the operator', async () => {
    const page = await expectJson<{ items: Donor[] }>(
      await api.call('GET', '/donors?limit=100', { token: api.operatorToken }),
      200,
    );
    expect(page.items.find((d) => d.id === donor.id)).toMatchObject({
      networkIds: [a.networkId],
      status: 'active',
    });
  });
});

describe('GET /summary', () => {
  it('shows a donor only the networks linked to them, small cells withheld', async () => {
    const s = await expectJson<DonorSummary>(
      await api.call('GET', '/summary', { token: donorToken }),
      200,
    );
    expect(s.threshold).toBe(5);
    expect(s.networks.map((n) => n.networkId)).toEqual([a.networkId]);
    const orgs = s.networks[0]!.groups.organizations!;
    expect(orgs.total).toEqual({ value: 6 });
    expect(orgs.tables.keyPopulation!['sex-workers']).toEqual({ value: 5 });
    expect(orgs.tables.keyPopulation!.msm).toEqual({ withheld: true });
    expect(orgs.tables.keyPopulation!.transgender).toEqual({ value: 0 });
    // 1 not KP-led is small; 5 KP-led would give it away as 6 − 5
    expect(orgs.tables.kpLed).toEqual({ yes: { withheld: true }, no: { withheld: true } });
    expect(s.total.groups.organizations!.total).toEqual({ value: 6 });
    expect(s.networks[0]!.organizationNames).toEqual(['Member 0']);
  });

  it('never names a person nor carries free text', async () => {
    const text = await (await api.call('GET', '/summary', { token: donorToken })).text();
    for (const email of [...coordinatorEmails, donorEmail]) expect(text).not.toContain(email);
    expect(text).not.toContain('Coordinator');
    expect(text).not.toContain('Member 1');
  });

  it('shows the operator every network', async () => {
    const s = await expectJson<DonorSummary>(
      await api.call('GET', '/summary', { token: api.operatorToken }),
      200,
    );
    expect(s.networks.map((n) => n.networkId)).toEqual(
      expect.arrayContaining([a.networkId, b.networkId]),
    );
  });

  it.each(['admin', 'coordinator'])('answers 403 to a network’s %s', async (who) => {
    const token = who === 'admin' ? a.adminToken : coordinatorToken;
    await expectProblem(await api.call('GET', '/summary', { token }), 403);
  });
});

describe('GET /summary/quarters', () => {
  it('gives the quarters of one linked network, or of all of them', async () => {
    const one = await expectJson<DonorTrends>(
      await api.call('GET', `/summary/quarters?networkId=${a.networkId}`, { token: donorToken }),
      200,
    );
    expect(one.networkId).toBe(a.networkId);
    expect(one.quarters.at(-1)?.groups.organizations?.total).toEqual({ value: 6 });
    const all = await expectJson<DonorTrends>(
      await api.call('GET', '/summary/quarters', { token: donorToken }),
      200,
    );
    expect(all.quarters.map((q) => q.quarter)).toEqual(one.quarters.map((q) => q.quarter));
  });

  it('answers 404 for a network not linked to the donor, 400 for a malformed id', async () => {
    await expectProblem(
      await api.call('GET', `/summary/quarters?networkId=${b.networkId}`, { token: donorToken }),
      404,
    );
    await expectProblem(
      await api.call('GET', '/summary/quarters?networkId=Not%20an%20id', { token: donorToken }),
      400,
      'networkId',
    );
  });
});

describe('a donor on every other route', () => {
  // a donor reads who they are and the summaries, and may end their own sign-ins
  const ALLOWED = new Set(['/me', '/me/sign-out-everywhere', '/summary', '/summary/quarters']);

  it('gets 403 or 404 everywhere but the summaries, as each route’s spec lists (every route)', async () => {
    const spec = await expectJson<{
      paths: Record<
        string,
        Record<string, { security?: unknown[]; responses?: Record<string, unknown> }>
      >;
    }>(await api.call('GET', '/openapi.json'), 200);
    const ids: Record<string, string> = {
      networkId: a.networkId,
      organizationId,
      mentorshipId,
      period: '1',
      donorId: donor.id,
    };
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (ALLOWED.has(path)) continue;
      for (const [method, op] of Object.entries(methods)) {
        if (!op.security?.length) continue; // public: sign-in, invitations
        const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? 'x1x2x3x4');
        const res = await api.call(method.toUpperCase(), concrete, {
          token: donorToken,
          ...(method === 'get' ? {} : { body: {} }),
        });
        expect([403, 404], `${method} ${path}: ${res.status}`).toContain(res.status);
        // the answer is one the route's spec lists (API.md is the contract, the spec says it)
        expect(
          Object.keys(op.responses ?? {}),
          `${method} ${path} answers a donor ${res.status}, which its spec does not list`,
        ).toContain(String(res.status));
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(30);
    expect(checked).toContain('post /donors');
    expect(checked).toContain('get /networks/{networkId}/mentorships/{mentorshipId}');
  });

  it('lets a donor sign out everywhere: 204, and their token is refused after', async () => {
    const email = uniqueEmail('donor-out');
    await expectJson(
      await inviteDonor({ email, name: 'Leaving Fund', networkIds: [a.networkId] }),
      201,
    );
    const token = (await acceptInvitation(api, email, 'Leaving Fund')).token;
    // tokens are refused from the second after (`tokensValidAfter`), as for everyone
    await new Promise((r) => setTimeout(r, 1100));
    expect((await api.call('POST', '/me/sign-out-everywhere', { token })).status).toBe(204);
    await api.passAccessTime(61_000);
    expect((await api.call('GET', '/me', { token })).status).toBe(401);
  });
});
