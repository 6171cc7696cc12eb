import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, PASSWORD, type TestApi } from '../support/api.ts';
import {
  acceptInvitation,
  createOrganization,
  type Member,
  type Organization,
  type Page,
  type Session,
  uniqueEmail,
} from '../support/fixtures.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

let api: TestApi;
let networkId: string;
let adminToken: string;

const orgPath = (orgId: string) => `/networks/${networkId}/organizations/${orgId}`;
const personPath = (orgId: string, personId: string) => `${orgPath(orgId)}/members/${personId}`;
const invitationPath = (orgId: string, personId: string) =>
  `${personPath(orgId, personId)}/invitation`;

const patch = (token: string, orgId: string, personId: string, body: unknown) =>
  api.call('PATCH', personPath(orgId, personId), { token, body });
const resend = (token: string, orgId: string, personId: string) =>
  api.call('POST', invitationPath(orgId, personId), { token });

/** An organization whose coordinator accepted, signed in. */
async function organizationWithCoordinator() {
  const org = await createOrganization(api, networkId, adminToken);
  const coordinator = await acceptInvitation(api, org.coordinatorEmail, 'First Coordinator');
  return { org, coordinator };
}

/** Invites a member as the admin; `accept`: they accept and are signed in. */
async function invite(
  orgId: string,
  accept = true,
): Promise<{ member: Member; session?: Session }> {
  const email = uniqueEmail('person');
  const res = await api.call('POST', `${orgPath(orgId)}/members`, {
    token: adminToken,
    body: { email, name: 'Invited Person' },
  });
  const member = await expectJson<Member>(res, 201);
  return accept ? { member, session: await acceptInvitation(api, email) } : { member };
}

const members = async (orgId: string) =>
  (
    await expectJson<Page<Member>>(
      await api.call('GET', `${orgPath(orgId)}/members`, { token: adminToken }),
      200,
    )
  ).items;

const organization = (orgId: string) =>
  api
    .call('GET', orgPath(orgId), { token: adminToken })
    .then((r) => r.json() as Promise<Organization>);

/** What a refused request must leave as it was: the people as listed and as the directory keeps them, items and mail. */
async function snapshot(orgId: string) {
  const people = await members(orgId);
  return {
    people,
    users: await Promise.all(people.map((p) => api.local.platform.getUser(p.id))),
    items: await api.countItems([networkId]),
    mails: (await api.mails()).length,
  };
}

beforeAll(async () => {
  api = await createTestApi();
  ({ networkId, adminToken } = await api.createNetwork('People network'));
});
afterAll(() => api.close());

describe('PATCH /networks/{networkId}/organizations/{organizationId}/members/{personId}', () => {
  it('lets a coordinator hand over: a member made coordinator, then the first steps down', async () => {
    const { org, coordinator } = await organizationWithCoordinator();
    const { member, session } = await invite(org.id);

    const promoted = await expectJson<Member>(
      await patch(coordinator.token, org.id, member.id, { role: 'coordinator' }),
      200,
    );
    expect(promoted).toMatchObject({ id: member.id, roles: ['coordinator'], status: 'active' });
    expect((await api.local.platform.getUser(member.id))?.roles).toEqual(['coordinator']);

    const steppedDown = await expectJson<Member>(
      await patch(coordinator.token, org.id, coordinator.user.id, { role: 'member' }),
      200,
    );
    expect(steppedDown).toMatchObject({ roles: ['member'], status: 'active' });
    expect((await api.local.platform.getUser(coordinator.user.id))?.roles).toEqual(['member']);
    // the organization names a coordinator who still is one
    expect((await organization(org.id)).coordinatorId).toBe(member.id);
    expect(await members(org.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: member.id, roles: ['coordinator'] }),
        expect.objectContaining({ id: coordinator.user.id, roles: ['member'] }),
      ]),
    );

    // the new coordinator, signed in afresh, acts for the organization
    const fresh = await expectJson<Session>(await api.login(session!.user.email, PASSWORD), 200);
    expect(fresh.user.roles).toEqual(['coordinator']);
    await expectJson(
      await patch(fresh.token, org.id, coordinator.user.id, { role: 'coordinator' }),
      200,
    );
  });

  it('refuses to take the role from, or deactivate, the last active coordinator: 422, nothing written', async () => {
    const { org, coordinator } = await organizationWithCoordinator();
    const { member } = await invite(org.id);
    const invited = await invite(org.id, false);
    // an invited coordinator does not count: they cannot act yet
    await expectJson(
      await patch(adminToken, org.id, invited.member.id, { role: 'coordinator' }),
      200,
    );
    const before = await snapshot(org.id);

    const byRole = await expectProblem(
      await patch(coordinator.token, org.id, coordinator.user.id, { role: 'member' }),
      422,
      'role',
    );
    expect(byRole.detail).toMatch(/at least one active coordinator/);
    await expectProblem(
      await patch(adminToken, org.id, coordinator.user.id, { status: 'deactivated' }),
      422,
      'status',
    );
    await expectProblem(
      await patch(adminToken, org.id, coordinator.user.id, { role: 'member', status: 'active' }),
      422,
      'role',
    );
    expect(await snapshot(org.id)).toEqual(before);

    // with a second active coordinator, the first may go
    await expectJson(await patch(adminToken, org.id, member.id, { role: 'coordinator' }), 200);
    await expectJson(
      await patch(adminToken, org.id, coordinator.user.id, { status: 'deactivated' }),
      200,
    );
  });

  it('keeps one coordinator when two demote each other at once', async () => {
    const { org, coordinator } = await organizationWithCoordinator();
    const { member, session } = await invite(org.id);
    await expectJson(await patch(adminToken, org.id, member.id, { role: 'coordinator' }), 200);
    const second = await api.tokenFor({
      id: member.id,
      roles: ['coordinator'],
      networkId,
      organizationId: org.id,
    });
    expect(session).toBeDefined();

    const answers = await Promise.all([
      patch(coordinator.token, org.id, member.id, { role: 'member' }),
      patch(second, org.id, coordinator.user.id, { role: 'member' }),
    ]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([409, 422]).toContain(statuses[1]);
    const coordinators = (await members(org.id)).filter(
      (p) => p.status === 'active' && p.roles.includes('coordinator'),
    );
    expect(coordinators).toHaveLength(1);
  });

  it('deactivates a person, who can no longer sign in, and reactivates them', async () => {
    const { org, coordinator } = await organizationWithCoordinator();
    const { member, session } = await invite(org.id);

    const off = await expectJson<Member>(
      await patch(coordinator.token, org.id, member.id, { status: 'deactivated' }),
      200,
    );
    expect(off).toMatchObject({ status: 'deactivated', roles: ['member'] });
    expect((await api.local.platform.getUser(member.id))?.status).toBe('deactivated');
    await expectProblem(await api.login(session!.user.email, PASSWORD), 401);

    const on = await expectJson<Member>(
      await patch(adminToken, org.id, member.id, { status: 'active' }),
      200,
    );
    expect(on.status).toBe('active');
    await expectJson(await api.login(session!.user.email, PASSWORD), 200);
  });

  it('returns someone who never accepted to invited when reactivated; their old link is gone meanwhile', async () => {
    const { org } = await organizationWithCoordinator();
    const { member } = await invite(org.id, false);
    const token = await api.invitationToken(member.email);
    await expectJson(await patch(adminToken, org.id, member.id, { status: 'deactivated' }), 200);
    await expectProblem(await api.call('GET', `/invitations/${token}`), 410);
    await expectProblem(
      await api.call('POST', `/invitations/${token}/accept`, {
        body: { name: 'Too Late', password: PASSWORD },
      }),
      410,
    );
    const back = await expectJson<Member>(
      await patch(adminToken, org.id, member.id, { status: 'active' }),
      200,
    );
    expect(back.status).toBe('invited');
    expect((await api.local.platform.getUser(member.id))?.status).toBe('invited');
  });

  it('answers 403 to anyone of the network but its coordinators and admins, 404 to another network, writing nothing', async () => {
    const { org } = await organizationWithCoordinator();
    const { member, session } = await invite(org.id);
    const other = await organizationWithCoordinator();
    const elsewhere = await api.createNetwork('Elsewhere');
    const before = await snapshot(org.id);

    await expectProblem(
      await patch(session!.token, org.id, member.id, { role: 'coordinator' }),
      403,
    );
    await expectProblem(
      await patch(other.coordinator.token, org.id, member.id, { status: 'deactivated' }),
      403,
    );
    await expectProblem(
      await patch(elsewhere.adminToken, org.id, member.id, { status: 'deactivated' }),
      404,
    );
    // the path's network is the caller's own, the organization another's: still 404
    await expectProblem(
      await api.call(
        'PATCH',
        `/networks/${elsewhere.networkId}/organizations/${org.id}/members/${member.id}`,
        {
          token: elsewhere.adminToken,
          body: { status: 'deactivated' },
        },
      ),
      404,
    );
    expect(await snapshot(org.id)).toEqual(before);
  });

  it('answers 404 to a person who is not of that organization, or does not exist', async () => {
    const { org } = await organizationWithCoordinator();
    const other = await organizationWithCoordinator();
    await expectProblem(
      await patch(adminToken, org.id, other.coordinator.user.id, { role: 'member' }),
      404,
    );
    await expectProblem(await patch(adminToken, org.id, 'nosuchperson', { role: 'member' }), 404);
    await expectProblem(
      await patch(adminToken, 'nosuchorganization', other.coordinator.user.id, { role: 'member' }),
      404,
    );
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    const cases: [unknown, string][] = [
      [{}, 'role'],
      [{ role: 'network-admin' }, 'role'],
      [{ role: 'operator', status: 'active' }, 'role'],
      [{ status: 'invited' }, 'status'],
      [{ status: null }, 'status'],
      [{ role: 'member', roles: ['coordinator'] }, 'roles'],
      ['{"role": ', 'body'],
    ];
    for (const [body, field] of cases) {
      it(`${field}: ${JSON.stringify(body)}`, async () => {
        const { org, coordinator } = await organizationWithCoordinator();
        const before = await snapshot(org.id);
        await expectProblem(await patch(adminToken, org.id, coordinator.user.id, body), 400, field);
        expect(await snapshot(org.id)).toEqual(before);
      });
    }
  });
});

describe('POST …/members/{personId}/invitation', () => {
  it('mails a new link; the old one answers 410 and the new one works', async () => {
    const { org, coordinator } = await organizationWithCoordinator();
    const { member } = await invite(org.id, false);
    const oldToken = await api.invitationToken(member.email);

    const res = await resend(coordinator.token, org.id, member.id);
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ id: member.id, status: 'invited' });
    const mails = await api.mails(member.email);
    expect(mails).toHaveLength(2);
    const newToken = await api.invitationToken(member.email);
    expect(newToken).not.toBe(oldToken);

    await expectProblem(await api.call('GET', `/invitations/${oldToken}`), 410);
    await expectProblem(
      await api.call('POST', `/invitations/${oldToken}/accept`, {
        body: { name: 'Old Link', password: PASSWORD },
      }),
      410,
    );
    // the admin may send it again too; only the newest link works
    expect((await resend(adminToken, org.id, member.id)).status).toBe(202);
    await expectProblem(await api.call('GET', `/invitations/${newToken}`), 410);
    const session = await acceptInvitation(api, member.email, 'Finally In');
    expect(session.user).toMatchObject({ id: member.id, roles: ['member'] });
    // the mail went through the queue and was sent: nothing is left waiting
    expect(await api.local.mailQueue.listPending()).toEqual([]);
  });

  it('answers 409 to a person already active or deactivated, writing nothing', async () => {
    const { org, coordinator } = await organizationWithCoordinator();
    const { member } = await invite(org.id, false);
    await expectJson(await patch(adminToken, org.id, member.id, { status: 'deactivated' }), 200);
    const before = await snapshot(org.id);
    await expectProblem(await resend(adminToken, org.id, coordinator.user.id), 409, 'status');
    await expectProblem(await resend(coordinator.token, org.id, member.id), 409, 'status');
    expect(await snapshot(org.id)).toEqual(before);
  });

  it('answers 403 to a member and another coordinator, 404 to another network, writing nothing', async () => {
    const { org } = await organizationWithCoordinator();
    const { session } = await invite(org.id);
    const { member } = await invite(org.id, false);
    const other = await organizationWithCoordinator();
    const elsewhere = await api.createNetwork('Elsewhere again');
    const before = await snapshot(org.id);
    await expectProblem(await resend(session!.token, org.id, member.id), 403);
    await expectProblem(await resend(other.coordinator.token, org.id, member.id), 403);
    await expectProblem(await resend(elsewhere.adminToken, org.id, member.id), 404);
    await expectProblem(await resend(adminToken, org.id, 'nosuchperson'), 404);
    expect(await snapshot(org.id)).toEqual(before);
  });
});

describe('an invitation sent again while mail is down', () => {
  let down = false;
  let flaky: TestApi;
  beforeAll(async () => {
    flaky = await createTestApi({
      mailer: {
        send: async (message) => {
          if (down) throw new Error('SMTP is down');
          return flaky.local.outbox.send(message);
        },
      },
    });
  });
  afterAll(() => flaky.close());

  it('keeps the new link in the mail queue with the invitation, and sends it later', async () => {
    const { networkId: net, adminToken: admin } = await flaky.createNetwork('Flaky mail');
    const org = await createOrganization(flaky, net, admin);
    const [coordinator] = (
      await expectJson<Page<Member>>(
        await flaky.call('GET', `/networks/${net}/organizations/${org.id}/members`, {
          token: admin,
        }),
        200,
      )
    ).items;
    const oldToken = await flaky.invitationToken(org.coordinatorEmail);

    down = true;
    const res = await flaky.call(
      'POST',
      `/networks/${net}/organizations/${org.id}/members/${coordinator!.id}/invitation`,
      { token: admin },
    );
    expect(res.status).toBe(202);
    // written: the old link is gone already, and the new mail waits in the queue
    await expectProblem(await flaky.call('GET', `/invitations/${oldToken}`), 410);
    expect(await flaky.mails(org.coordinatorEmail)).toHaveLength(1);
    expect(await flaky.local.mailQueue.listPending()).toHaveLength(1);

    down = false;
    await flaky.local.mailQueue.deliverPending();
    expect(await flaky.mails(org.coordinatorEmail)).toHaveLength(2);
    const newToken = await flaky.invitationToken(org.coordinatorEmail);
    expect(newToken).not.toBe(oldToken);
    const accepted = await flaky.call('POST', `/invitations/${newToken}/accept`, {
      body: { name: 'Late Coordinator', password: PASSWORD },
    });
    expect(accepted.status).toBe(200);
  });
});
