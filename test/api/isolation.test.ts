import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  acceptInvitation,
  createOrganization,
  type Member,
  type Organization,
  organizationBody,
  uniqueEmail,
} from '../support/fixtures.ts';
import { createMentorship, type Mentorship } from '../support/mentorships.ts';
import { expectJson, expectProblem, type Problem } from '../support/problem.ts';
import { reportBody } from '../support/quarterly-reports.ts';

/**
 * A network with an organization whose coordinator and one member have signed in, and a
 * mentorship between it and a second organization.
 */
interface Tenant {
  networkId: string;
  organizationId: string;
  partnerOrganizationId: string;
  mentorshipId: string;
  memberId: string;
  tokens: { admin: string; coordinator: string; member: string };
}

/** Ids a route is called with: the target network's, or made up. */
interface Target {
  networkId: string;
  organizationId: string;
  partnerOrganizationId: string;
  mentorshipId: string;
  /** A quarterly report's period; 1 unless a placeholder is wanted. */
  period?: string;
}

/** Placeholders that name each part of a route's path. */
const PLACEHOLDERS: Target = {
  networkId: '{networkId}',
  organizationId: '{organizationId}',
  partnerOrganizationId: '{partnerOrganizationId}',
  mentorshipId: '{mentorshipId}',
  period: '{period}',
};

/** A mentorship between the target's two organizations. */
const mentorshipBody = (t: Target) => ({
  mentorOrganizationId: t.organizationId,
  menteeOrganizationIds: [t.partnerOrganizationId],
  startDate: '2025-01-15',
  durationMonths: 12,
});

/**
 * Every route under a network that exists so far. Adding a route means adding a row: each
 * row is called by every caller of network A on network B and must answer 404.
 */
const ROUTES: {
  name: string;
  method: string;
  path: (t: Target) => string;
  body?: (t: Target) => unknown;
  /**
   * A GET of a document that answers 404 until it is first saved: on A's own network the
   * check below expects this 404 detail, which still proves the route reached the document.
   */
  absentUntilSaved?: string;
}[] = [
  { name: 'GET network', method: 'GET', path: (t) => `/networks/${t.networkId}` },
  {
    name: 'GET organizations',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/organizations`,
  },
  {
    name: 'POST organization',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/organizations`,
    body: () => organizationBody(),
  },
  {
    name: 'GET organization',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}`,
  },
  {
    name: 'PATCH organization',
    method: 'PATCH',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}`,
    body: () => ({ version: 1, name: 'Taken over' }),
  },
  {
    name: 'GET members',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/members`,
  },
  {
    name: 'POST member',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/members`,
    body: () => ({ email: uniqueEmail('intruder'), name: 'Intruder' }),
  },
  {
    name: 'POST mentorship',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships`,
    body: mentorshipBody,
  },
  { name: 'GET mentorships', method: 'GET', path: (t) => `/networks/${t.networkId}/mentorships` },
  {
    name: 'GET mentorship',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}`,
  },
  {
    name: 'POST mentorship agreement',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/agreements`,
    body: (t) => ({ organizationId: t.organizationId }),
  },
  {
    name: 'POST mentorship stage',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/stage`,
    body: () => ({ stage: 'identify-expectations', reason: 'taken over' }),
  },
  {
    name: 'POST mentorship end',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/end`,
    body: () => ({ kind: 'natural', reason: 'taken over' }),
  },
  {
    name: 'PUT mentorship participants',
    method: 'PUT',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/participants`,
    body: () => ({ personIds: [] }),
  },
  {
    name: 'GET mentoring plan',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/plan`,
    absentUntilSaved: 'plan not found',
  },
  {
    name: 'PUT mentoring plan',
    method: 'PUT',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/plan`,
    body: () => ({ formats: ['study-tour'], intendedOutcome: 'taken over' }),
  },
  {
    name: 'GET orientation meeting',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/orientation`,
    absentUntilSaved: 'orientation meeting not found',
  },
  {
    name: 'PUT orientation meeting',
    method: 'PUT',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/orientation`,
    body: () => ({ meetingDate: '2025-01-20' }),
  },
  {
    name: 'GET closure',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/closure`,
    absentUntilSaved: 'closure not found',
  },
  {
    name: 'PUT closure',
    method: 'PUT',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/closure`,
    body: () => ({ answers: { 'how-far': 'taken over' } }),
  },
  {
    name: 'POST gathering',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/gatherings`,
    body: () => ({ approach: 'telementoring', title: 'Taken over', date: '2025-03-01' }),
  },
  {
    name: 'GET gatherings',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/gatherings`,
  },
  {
    name: 'POST quarterly report',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/quarterly-reports`,
    body: () => reportBody(1),
  },
  {
    name: 'GET quarterly reports',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/quarterly-reports`,
  },
  {
    name: 'GET quarterly report',
    method: 'GET',
    path: (t) =>
      `/networks/${t.networkId}/mentorships/${t.mentorshipId}/quarterly-reports/${t.period ?? 1}`,
    absentUntilSaved: 'quarterly report not found',
  },
  {
    name: 'GET mentorship reviews',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/mentorships/${t.mentorshipId}/reviews`,
  },
  { name: 'GET due reviews', method: 'GET', path: (t) => `/networks/${t.networkId}/reviews/due` },
  {
    name: 'POST capacity assessment',
    method: 'POST',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/capacity-assessments`,
    body: () => ({
      date: '2025-01-10',
      kind: 'self',
      priorityAreas: [{ area: 'advocacy', objectives: [] }],
    }),
  },
  {
    name: 'GET capacity assessments',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/capacity-assessments`,
  },
  {
    name: 'GET asset inventory',
    method: 'GET',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/asset-inventory`,
    absentUntilSaved: 'asset inventory not found',
  },
  {
    name: 'PUT asset inventory',
    method: 'PUT',
    path: (t) => `/networks/${t.networkId}/organizations/${t.organizationId}/asset-inventory`,
    body: () => ({ areasOfExpertise: [], internalExperts: [], packagedResources: [] }),
  },
];

const CALLERS = ['admin', 'coordinator', 'member'] as const;

let api: TestApi;
let a: Tenant;
let b: Tenant;
let bOrganization: Organization;
let bMentorship: Mentorship;

async function onboard(name: string): Promise<Tenant> {
  const { networkId, adminToken } = await api.createNetwork(name);
  const org = await createOrganization(api, networkId, adminToken, {
    name: `${name} organization`,
  });
  const coordinator = await acceptInvitation(api, org.coordinatorEmail);
  const memberEmail = uniqueEmail('member');
  const res = await api.call('POST', `/networks/${networkId}/organizations/${org.id}/members`, {
    token: adminToken,
    body: { email: memberEmail, name: 'A Member' },
  });
  const member = await expectJson<Member>(res, 201);
  const memberSession = await acceptInvitation(api, memberEmail);
  const partner = await createOrganization(api, networkId, adminToken, {
    name: `${name} partner`,
  });
  const mentorship = await createMentorship(api, networkId, adminToken, {
    mentorOrganizationId: org.id,
    menteeOrganizationIds: [partner.id],
  });
  return {
    networkId,
    organizationId: org.id,
    partnerOrganizationId: partner.id,
    mentorshipId: mentorship.id,
    memberId: member.id,
    tokens: { admin: adminToken, coordinator: coordinator.token, member: memberSession.token },
  };
}

/** What must not change in B: its items and the mail sent. */
async function snapshotB() {
  return { items: await api.countItems([b.networkId]), mails: (await api.mails()).length };
}

/** A tenant's own ids, as a route target. */
const ownIds = (t: Tenant): Target => ({
  networkId: t.networkId,
  organizationId: t.organizationId,
  partnerOrganizationId: t.partnerOrganizationId,
  mentorshipId: t.mentorshipId,
});

const withoutInstance = ({ instance: _instance, ...rest }: Problem) => rest;

beforeAll(async () => {
  api = await createTestApi();
  a = await onboard('Network A');
  b = await onboard('Network B');
  bOrganization = await expectJson<Organization>(
    await api.call('GET', `/networks/${b.networkId}/organizations/${b.organizationId}`, {
      token: b.tokens.admin,
    }),
    200,
  );
  bMentorship = await expectJson<Mentorship>(
    await api.call('GET', `/networks/${b.networkId}/mentorships/${b.mentorshipId}`, {
      token: b.tokens.admin,
    }),
    200,
  );
});
afterAll(() => api.close());

describe("network A's people on network B's routes", () => {
  for (const caller of CALLERS) {
    for (const route of ROUTES) {
      it(`${caller} of A: ${route.name} of B → 404, like a network that does not exist`, async () => {
        const token = a.tokens[caller];
        const call = (target: Target) =>
          api.call(route.method, route.path(target), {
            token,
            ...(route.body ? { body: route.body(target) } : {}),
          });
        const before = await snapshotB();

        const onB = await expectProblem(await call(b), 404);
        expect(await snapshotB()).toEqual(before);

        const onNothing = await expectProblem(
          await call({
            networkId: 'no-such-network-zz9',
            organizationId: 'nosuchorganization',
            partnerOrganizationId: 'nosuchpartner',
            mentorshipId: 'nosuchmentorship',
          }),
          404,
        );
        expect(withoutInstance(onB)).toEqual(withoutInstance(onNothing));
      });
    }
  }

  it("leaves B's organization and members as they were", async () => {
    const stored = await expectJson<Organization>(
      await api.call('GET', `/networks/${b.networkId}/organizations/${b.organizationId}`, {
        token: b.tokens.admin,
      }),
      200,
    );
    expect(stored).toEqual(bOrganization);
    const members = await expectJson<{ items: Member[] }>(
      await api.call('GET', `/networks/${b.networkId}/organizations/${b.organizationId}/members`, {
        token: b.tokens.admin,
      }),
      200,
    );
    expect(members.items.map((m) => m.id).sort()).toEqual(
      [bOrganization.coordinatorId, b.memberId].sort(),
    );
    const mentorship = await expectJson<Mentorship>(
      await api.call('GET', `/networks/${b.networkId}/mentorships/${b.mentorshipId}`, {
        token: b.tokens.admin,
      }),
      200,
    );
    expect(mentorship).toEqual(bMentorship);
  });
});

describe("B's organization id under A's network path", () => {
  const ORGANIZATION_ROUTES = ROUTES.filter((r) =>
    r.path(PLACEHOLDERS).includes(PLACEHOLDERS.organizationId),
  );

  for (const route of ORGANIZATION_ROUTES) {
    it(`admin of A: ${route.name} with B's organization id → 404, nothing written anywhere`, async () => {
      const before = { a: await api.countItems([a.networkId]), b: await snapshotB() };
      await expectProblem(
        await api.call(
          route.method,
          route.path({ ...ownIds(a), organizationId: b.organizationId }),
          {
            token: a.tokens.admin,
            ...(route.body ? { body: route.body(ownIds(a)) } : {}),
          },
        ),
        404,
      );
      expect({ a: await api.countItems([a.networkId]), b: await snapshotB() }).toEqual(before);
    });
  }
});

describe("B's mentorship id under A's network path", () => {
  const MENTORSHIP_ROUTES = ROUTES.filter((r) =>
    r.path(PLACEHOLDERS).includes(PLACEHOLDERS.mentorshipId),
  );

  for (const caller of ['admin', 'coordinator'] as const) {
    for (const route of MENTORSHIP_ROUTES) {
      it(`${caller} of A: ${route.name} with B's mentorship id → 404, nothing written anywhere`, async () => {
        const before = { a: await api.countItems([a.networkId]), b: await snapshotB() };
        const target = { ...ownIds(a), mentorshipId: b.mentorshipId };
        await expectProblem(
          await api.call(route.method, route.path(target), {
            token: a.tokens[caller],
            ...(route.body ? { body: route.body(target) } : {}),
          }),
          404,
        );
        expect({ a: await api.countItems([a.networkId]), b: await snapshotB() }).toEqual(before);
      });
    }
  }

  it("admin of A: a mentorship naming B's organizations → 400 naming them, nothing written", async () => {
    const before = { a: await api.countItems([a.networkId]), b: await snapshotB() };
    const problem = await expectProblem(
      await api.call('POST', `/networks/${a.networkId}/mentorships`, {
        token: a.tokens.admin,
        body: mentorshipBody({
          ...ownIds(a),
          organizationId: b.organizationId,
          partnerOrganizationId: b.partnerOrganizationId,
        }),
      }),
      400,
    );
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([
      'menteeOrganizationIds.0',
      'mentorOrganizationId',
    ]);
    expect({ a: await api.countItems([a.networkId]), b: await snapshotB() }).toEqual(before);
  });
});

describe('the rows are the routes', () => {
  it('covers every network route the API documents', async () => {
    const spec = (await (await api.call('GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/networks/{networkId}'))
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      );
    const rows = ROUTES.map((r) => `${r.method} ${r.path(PLACEHOLDERS)}`);
    expect(rows.sort()).toEqual(documented.sort());
  });
});

describe('the same callers on their own network (the matrix can fail)', () => {
  it("answers A's admin on A's own routes", async () => {
    const own = ownIds(a);
    for (const route of ROUTES.filter((r) => r.method === 'GET')) {
      const res = await api.call('GET', route.path(own), { token: a.tokens.admin });
      const text = await res.clone().text();
      if (route.absentUntilSaved) {
        expect(res.status, `${route.name}: ${text}`).toBe(404);
        expect((JSON.parse(text) as Problem).detail, route.name).toBe(route.absentUntilSaved);
      } else {
        expect(res.status, `${route.name}: ${text}`).toBe(200);
      }
    }
  });
});
