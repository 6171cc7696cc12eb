import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, PASSWORD, type TestApi } from '../support/api.ts';
import {
  acceptInvitation,
  createOrganization,
  type Member,
  type Organization,
  type Session,
  uniqueEmail,
} from '../support/fixtures.ts';
import {
  createMentorship,
  getMentorship,
  type Mentorship,
  mentorshipsPath,
} from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

/** An organization leaves its network (issue 17, item 6; ADR 0034). */

let api: TestApi;
let networkId: string;
let adminToken: string;

type Org = Organization & { coordinatorEmail: string };
type Archived = Organization & { status?: string; leftAt?: string };

const departurePath = (orgId: string) => `/networks/${networkId}/organizations/${orgId}/departure`;
const leave = (token: string, orgId: string, body: unknown = {}) =>
  api.call('POST', departurePath(orgId), { token, body });

/** An organization whose coordinator accepted and signed in. */
async function organization(name: string): Promise<{ org: Org; coordinator: Session }> {
  const org = await createOrganization(api, networkId, adminToken, { name });
  return { org, coordinator: await acceptInvitation(api, org.coordinatorEmail, `${name} Lead`) };
}

async function member(orgId: string): Promise<{ member: Member; session: Session; email: string }> {
  const email = uniqueEmail('member');
  const created = await expectJson<Member>(
    await api.call('POST', `/networks/${networkId}/organizations/${orgId}/members`, {
      token: adminToken,
      body: { email, name: 'A Member' },
    }),
    201,
  );
  return { member: created, session: await acceptInvitation(api, email, 'A Member'), email };
}

const read = (token: string, m: Mentorship) => getMentorship(api, networkId, token, m.id);

beforeAll(async () => {
  api = await createTestApi();
  ({ networkId, adminToken } = await api.createNetwork('Leaving network'));
});
afterAll(() => api.close());

describe('POST /networks/{networkId}/organizations/{organizationId}/departure', () => {
  let leaving: { org: Org; coordinator: Session };
  let staff: Awaited<ReturnType<typeof member>>;
  let others: { org: Org; coordinator: Session }[];
  let mentors: Mentorship;
  let oneToMany: Mentorship;
  let onlyMentee: Mentorship;
  let elsewhere: Mentorship;

  beforeAll(async () => {
    leaving = await organization('Leaving Org');
    staff = await member(leaving.org.id);
    others = [
      await organization('Staying One'),
      await organization('Staying Two'),
      await organization('Staying Three'),
    ];
    const [one, two, three] = others.map((o) => o.org.id) as [string, string, string];
    mentors = await createMentorship(api, networkId, adminToken, {
      mentorOrganizationId: leaving.org.id,
      menteeOrganizationIds: [one],
    });
    oneToMany = await createMentorship(api, networkId, adminToken, {
      mentorOrganizationId: one,
      menteeOrganizationIds: [leaving.org.id, two],
    });
    onlyMentee = await createMentorship(api, networkId, adminToken, {
      mentorOrganizationId: two,
      menteeOrganizationIds: [leaving.org.id],
    });
    elsewhere = await createMentorship(api, networkId, adminToken, {
      mentorOrganizationId: two,
      menteeOrganizationIds: [three],
    });
  });

  it('refuses its coordinator and members (403) and another network (404), writing nothing', async () => {
    const other = await api.createNetwork('Another network');
    const before = await api.countItems([networkId]);
    await expectProblem(await leave(leaving.coordinator.token, leaving.org.id), 403);
    await expectProblem(await leave(staff.session.token, leaving.org.id), 403);
    await expectProblem(await leave(others[0]!.coordinator.token, leaving.org.id), 403);
    await expectProblem(await leave(other.adminToken, leaving.org.id), 404);
    await expectProblem(
      await api.call(
        'POST',
        `/networks/${other.networkId}/organizations/${leaving.org.id}/departure`,
        {
          token: other.adminToken,
          body: {},
        },
      ),
      404,
    );
    await expectProblem(await leave(adminToken, 'no-such-organization'), 404);
    expect(await api.countItems([networkId])).toBe(before);
  });

  it('refuses a body that is not {} (400 naming the field), writing nothing', async () => {
    const before = await api.countItems([networkId]);
    await expectProblem(await leave(adminToken, leaving.org.id, { reason: 'x' }), 400, 'reason');
    await expectProblem(await leave(adminToken, leaving.org.id, []), 400);
    expect(await api.countItems([networkId])).toBe(before);
    const org = await expectJson<Archived>(
      await api.call('GET', `/networks/${networkId}/organizations/${leaving.org.id}`, {
        token: adminToken,
      }),
      200,
    );
    expect(org.status ?? 'active').toBe('active');
  });

  it('archives the organization, answered with status and leftAt', async () => {
    const res = await leave(adminToken, leaving.org.id);
    const org = await expectJson<Archived>(res, 200);
    expect(org).toMatchObject({ id: leaving.org.id, status: 'archived' });
    expect(Date.parse(org.leftAt ?? '')).not.toBeNaN();
    expect(org.version).toBe(leaving.org.version + 1);
  });

  it('ends what it mentors, and the one-to-one whose only mentee it is, as premature "organizational change"', async () => {
    for (const m of [mentors, onlyMentee]) {
      const after = await read(adminToken, m);
      expect(after.stage).toBe('end');
      expect(after.ending).toMatchObject({
        kind: 'premature',
        prematureReason: 'organizational-change',
        reason: 'organizational change',
      });
      expect(after.history.at(-1)).toMatchObject({
        from: m.stage,
        to: 'end',
        reason: 'organizational change',
      });
    }
  });

  it('lets a one-to-many mentorship where it is one of the mentees go on without it', async () => {
    const after = await read(adminToken, oneToMany);
    expect(after.stage).toBe(oneToMany.stage);
    expect(after.ending).toBeUndefined();
    expect(after.menteeOrganizationIds).toEqual([others[1]!.org.id]);
    expect(after.departedMentees?.map((d) => d.organizationId)).toEqual([leaving.org.id]);
    // a mentorship it was not in is untouched
    expect(await read(adminToken, elsewhere)).toMatchObject({
      version: elsewhere.version,
      stage: elsewhere.stage,
      menteeOrganizationIds: elsewhere.menteeOrganizationIds,
    });
  });

  it("refuses its people's tokens at once, and their sign-in", async () => {
    for (const token of [leaving.coordinator.token, staff.session.token]) {
      await expectProblem(await api.call('GET', '/me', { token }), 401);
    }
    expect((await api.login(leaving.org.coordinatorEmail, PASSWORD)).status).toBe(401);
    expect((await api.login(staff.email, PASSWORD)).status).toBe(401);
  });

  it('answers a second departure 409, changing nothing', async () => {
    const before = await api.countItems([networkId]);
    await expectProblem(await leave(adminToken, leaving.org.id), 409, 'organizationId');
    expect(await api.countItems([networkId])).toBe(before);
  });

  it('starts no new mentorship with it (400 naming the field)', async () => {
    await expectProblem(
      await api.call('POST', mentorshipsPath(networkId), {
        token: adminToken,
        body: {
          mentorOrganizationId: leaving.org.id,
          menteeOrganizationIds: [others[2]!.org.id],
          startDate: '2025-01-15',
          durationMonths: 12,
        },
      }),
      400,
      'mentorOrganizationId',
    );
  });

  it('starts no new coaching program for it (400 naming the field)', async () => {
    await expectProblem(
      await api.call('POST', `/networks/${networkId}/coaching-programs`, {
        token: adminToken,
        body: {
          organizationId: leaving.org.id,
          name: 'Peer coaching pilot',
          objectives: ['Better feedback among peer educators'],
          kpis: [{ name: 'Sessions held per pair', target: 6, unit: 'sessions' }],
          pilot: true,
          pairingMode: 'fixed',
        },
      }),
      400,
      'organizationId',
    );
  });

  it('is recorded in the audit trail as organization.left, by the admin', async () => {
    const page = await expectJson<{
      items: { kind: string; subjectId?: string; actorId?: string }[];
    }>(
      await api.call('GET', `/networks/${networkId}/audit?kind=organization.left`, {
        token: adminToken,
      }),
      200,
    );
    const me = await expectJson<{ id: string }>(
      await api.call('GET', '/me', { token: adminToken }),
      200,
    );
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: 'organization.left',
        subjectId: leaving.org.id,
        actorId: me.id,
      }),
    ]);
  });

  it('lets the operator make an organization leave, even with a single coordinator, and has the identity provider disable its people', async () => {
    const { org, coordinator } = await organization('Operator Leaves');
    const identity = api.local.deps.identity;
    const disabled: string[] = [];
    api.local.deps.identity = Object.assign(Object.create(identity), {
      disable: async (user: { id: string }) => {
        disabled.push(user.id);
        return identity.disable(user as never);
      },
    });
    try {
      const res = await leave(api.operatorToken, org.id);
      expect((await expectJson<Archived>(res, 200)).status).toBe('archived');
    } finally {
      api.local.deps.identity = identity;
    }
    // on AWS that is AdminDisableUser and AdminUserGlobalSignOut (ADR 0031)
    expect(disabled).toEqual([coordinator.user.id]);
  });
});
