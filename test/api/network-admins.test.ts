import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestApi, PASSWORD, type TestApi } from '../support/api.ts';
import {
  acceptInvitation,
  allPages,
  createOrganization,
  type Session,
  uniqueEmail,
} from '../support/fixtures.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

interface Admin {
  id: string;
  email: string;
  name: string;
  status: 'invited' | 'active' | 'deactivated';
  language?: string;
  createdAt: string;
  activatedAt?: string;
  deactivatedAt?: string;
}

let api: TestApi;
/** The network under test: its first admin, an organization's coordinator and a member. */
let networkId: string;
let adminToken: string;
let coordinatorToken: string;
let memberToken: string;
let memberId: string;
/** Another network and its admin. */
let otherNetworkId: string;
let otherAdminToken: string;

const adminsPath = (network = networkId) => `/networks/${network}/admins`;
const adminPath = (id: string, network = networkId) => `${adminsPath(network)}/${id}`;
const invitationPath = (id: string, network = networkId) => `${adminPath(id, network)}/invitation`;

/** Items of both networks and the platform, and mail: what a refused request leaves alone. */
async function snapshot() {
  return {
    items: await api.countItems([networkId, otherNetworkId]),
    mails: (await api.mails()).length,
  };
}

/** Invites an admin into `network` as `token`; fails loudly unless 201. */
async function invite(
  body: Record<string, unknown> = {},
  token = adminToken,
  network = networkId,
): Promise<Admin> {
  return expectJson<Admin>(
    await api.call('POST', adminsPath(network), {
      token,
      body: { email: uniqueEmail('admin'), name: 'Invited Admin', ...body },
    }),
    201,
  );
}

/** An admin invited and signed in through their invitation. */
async function activeAdmin(network = networkId): Promise<Admin & { session: Session }> {
  const admin = await invite({}, network === networkId ? adminToken : otherAdminToken, network);
  const session = await acceptInvitation(api, admin.email, 'Active Admin');
  return { ...admin, status: 'active', session };
}

const patch = (id: string, status: unknown, token = adminToken, network = networkId) =>
  api.call('PATCH', adminPath(id, network), { token, body: { status } });

/** Every admin of the network, through the paginated list. */
async function allAdmins(network = networkId, token = adminToken): Promise<Admin[]> {
  return (await allPages<Admin>(api, adminsPath(network), token, 100)).flatMap((p) => p.items);
}

const tokenOf = (mail: { text: string } | undefined) =>
  mail?.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];

beforeAll(async () => {
  api = await createTestApi();
  ({ networkId, adminToken } = await api.createNetwork('Admins network'));
  const org = await createOrganization(api, networkId, adminToken);
  coordinatorToken = (await acceptInvitation(api, org.coordinatorEmail)).token;
  const memberEmail = uniqueEmail('member');
  const member = await expectJson<{ id: string }>(
    await api.call('POST', `/networks/${networkId}/organizations/${org.id}/members`, {
      token: adminToken,
      body: { email: memberEmail, name: 'A Member' },
    }),
    201,
  );
  memberId = member.id;
  memberToken = (await acceptInvitation(api, memberEmail)).token;
  ({ networkId: otherNetworkId, adminToken: otherAdminToken } =
    await api.createNetwork('Other admins network'));
}, 60_000);
afterAll(() => api.close());

describe('POST /networks/{networkId}/admins', () => {
  it('invites an admin: 201 invited, one mail in their language whose link makes them an admin of this network', async () => {
    const email = uniqueEmail('new-admin');
    const admin = await expectJson<Admin>(
      await api.call('POST', adminsPath(), {
        token: adminToken,
        body: { email: `  ${email.toUpperCase()} `, name: ' Amina Admin ', language: 'fr' },
      }),
      201,
    );
    expect(admin).toMatchObject({
      id: expect.any(String),
      email,
      name: 'Amina Admin',
      status: 'invited',
      language: 'fr',
    });
    const mails = await api.mails(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Invitation à rejoindre Admins network sur Sisi');
    const token = tokenOf(mails[0]);
    expect(mails[0]?.text).toContain(`${BASE}/invitations/${token}`);

    const session = await acceptInvitation(api, email, 'Amina');
    expect(session.user).toMatchObject({ id: admin.id, roles: ['network-admin'], networkId });
    // the new admin manages the network's admins at once
    const listed = await allAdmins(networkId, session.token);
    expect(listed.find((a) => a.id === admin.id)).toMatchObject({
      status: 'active',
      name: 'Amina',
      activatedAt: expect.any(String),
    });
  });

  it('lets the operator invite into any network', async () => {
    const admin = await invite({}, api.operatorToken, otherNetworkId);
    expect(admin.status).toBe('invited');
    expect((await allAdmins(otherNetworkId, otherAdminToken)).map((a) => a.id)).toContain(admin.id);
  });

  it('refuses the network’s coordinators and members (403), and donors, other networks and unknown networks (404), writing nothing', async () => {
    const body = { email: uniqueEmail('refused'), name: 'Refused' };
    const donorToken = await api.tokenFor({ roles: ['donor'] });
    const before = await snapshot();
    for (const [token, status, network] of [
      [coordinatorToken, 403, networkId],
      [memberToken, 403, networkId],
      [donorToken, 404, networkId],
      [otherAdminToken, 404, networkId],
      [api.operatorToken, 404, 'no-such-network-x1y2z3'],
    ] as const) {
      await expectProblem(await api.call('POST', adminsPath(network), { token, body }), status);
    }
    await expectProblem(await api.call('POST', adminsPath(), { body }), 401);
    expect(await snapshot()).toEqual(before);
  });

  describe('refuses bad input with 400 naming the field, writing nothing', () => {
    const cases: { what: string; body: unknown; field: string }[] = [
      { what: 'missing email', body: { name: 'No Email' }, field: 'email' },
      { what: 'bad email', body: { email: 'not-an-email', name: 'X' }, field: 'email' },
      { what: 'blank name', body: { email: 'blank@example.org', name: '   ' }, field: 'name' },
      { what: 'missing name', body: { email: 'noname@example.org' }, field: 'name' },
      {
        what: 'a language Sisi does not write',
        body: { email: 'de@example.org', name: 'X', language: 'de' },
        field: 'language',
      },
      {
        what: 'an unknown field',
        body: { email: 'x@example.org', name: 'X', roles: ['operator'] },
        field: 'roles',
      },
      { what: 'a broken body', body: '{"email": "half', field: 'body' },
    ];
    for (const { what, body, field } of cases) {
      it(what, async () => {
        const before = await snapshot();
        await expectProblem(
          await api.call('POST', adminsPath(), { token: adminToken, body }),
          400,
          field,
        );
        expect(await snapshot()).toEqual(before);
      });
    }
  });

  it('answers 409 naming email when the email belongs to someone, writing nothing', async () => {
    const taken = await invite();
    const before = await snapshot();
    await expectProblem(
      await api.call('POST', adminsPath(), {
        token: adminToken,
        body: { email: taken.email.toUpperCase(), name: 'Twin' },
      }),
      409,
      'email',
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('GET /networks/{networkId}/admins', () => {
  it('lists every admin of the network with their status, page by page', async () => {
    const invited = await invite();
    const deactivated = await invite();
    await expectJson<Admin>(await patch(deactivated.id, 'deactivated'), 200);
    const pages = await allPages<Admin>(api, adminsPath(), adminToken, 2);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.items.length <= 2)).toBe(true);
    const admins = pages.flatMap((p) => p.items);
    expect(new Set(admins.map((a) => a.id)).size).toBe(admins.length);
    expect(admins.find((a) => a.id === invited.id)?.status).toBe('invited');
    expect(admins.find((a) => a.id === deactivated.id)?.status).toBe('deactivated');
    // the first admin, signed in through POST /networks' invitation
    expect(admins.some((a) => a.status === 'active')).toBe(true);
    // no other network's admin, nobody who is not an admin
    const others = await allAdmins(otherNetworkId, otherAdminToken);
    expect(admins.map((a) => a.id)).not.toContain(others[0]?.id);
    expect(admins.map((a) => a.id)).not.toContain(memberId);
    // the operator reads it too
    expect((await allAdmins(networkId, api.operatorToken)).length).toBe(admins.length);
  });

  it('refuses coordinators and members (403), other networks (404) and a foreign cursor (400)', async () => {
    await expectProblem(await api.call('GET', adminsPath(), { token: coordinatorToken }), 403);
    await expectProblem(await api.call('GET', adminsPath(), { token: memberToken }), 403);
    await expectProblem(await api.call('GET', adminsPath(), { token: otherAdminToken }), 404);
    await expectProblem(
      await api.call('GET', `${adminsPath()}?limit=0`, { token: adminToken }),
      400,
      'limit',
    );
    await expectProblem(
      await api.call('GET', `${adminsPath()}?cursor=not-a-cursor`, { token: adminToken }),
      400,
      'cursor',
    );
  });
});

describe('PATCH /networks/{networkId}/admins/{personId}', () => {
  it('deactivates an active admin: they can no longer sign in; reactivated, they can again', async () => {
    const admin = await activeAdmin();
    const done = await expectJson<Admin>(await patch(admin.id, 'deactivated'), 200);
    expect(done).toMatchObject({
      id: admin.id,
      status: 'deactivated',
      deactivatedAt: expect.any(String),
    });
    expect((await api.login(admin.email, PASSWORD)).status).toBe(401);
    expect((await allAdmins()).find((a) => a.id === admin.id)?.status).toBe('deactivated');
    // the same status again changes nothing
    expect((await expectJson<Admin>(await patch(admin.id, 'deactivated'), 200)).status).toBe(
      'deactivated',
    );

    const back = await expectJson<Admin>(await patch(admin.id, 'active', api.operatorToken), 200);
    expect(back.status).toBe('active');
    expect(back.deactivatedAt).toBeUndefined();
    expect((await api.login(admin.email, PASSWORD)).status).toBe(200);
  });

  it('deactivating someone still invited withdraws their link (410); reactivated, they are invited again', async () => {
    const admin = await invite();
    const token = await api.invitationToken(admin.email);
    await expectJson<Admin>(await patch(admin.id, 'deactivated'), 200);
    await expectProblem(await api.call('GET', `/invitations/${token}`), 410);
    await expectProblem(
      await api.call('POST', `/invitations/${token}/accept`, {
        body: { name: 'Too Late', password: PASSWORD },
      }),
      410,
    );
    const back = await expectJson<Admin>(await patch(admin.id, 'active'), 200);
    expect(back.status).toBe('invited');
  });

  it('refuses to deactivate the last active admin (422), writing nothing', async () => {
    const { networkId: lone, adminToken: loneToken } = await api.createNetwork('Lone admin');
    const [only] = await allAdmins(lone, loneToken);
    expect(only?.status).toBe('active');
    // an invited admin does not count: they cannot act yet
    await invite({}, loneToken, lone);
    const before = await api.countItems([lone]);
    const problem = await expectProblem(
      await patch(only!.id, 'deactivated', api.operatorToken, lone),
      422,
      'status',
    );
    expect(problem.detail).toMatch(/last active admin/);
    await expectProblem(await patch(only!.id, 'deactivated', loneToken, lone), 422, 'status');
    expect(await api.countItems([lone])).toBe(before);
    expect((await allAdmins(lone, loneToken)).find((a) => a.id === only!.id)?.status).toBe(
      'active',
    );
  });

  it('two admins deactivating each other at once leave one active', async () => {
    const { networkId: pair, adminToken: firstToken } = await api.createNetwork('Pair of admins');
    const [first] = await allAdmins(pair, firstToken);
    const second = await invite({}, firstToken, pair);
    const secondToken = (await acceptInvitation(api, second.email)).token;
    const answers = await Promise.all([
      patch(second.id, 'deactivated', firstToken, pair),
      patch(first!.id, 'deactivated', secondToken, pair),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 422]);
    const statuses = (await allAdmins(pair, api.operatorToken)).map((a) => a.status).sort();
    expect(statuses).toEqual(['active', 'deactivated']);
  });

  it('answers 404 for a person who is no admin of this network, and for another network', async () => {
    const foreign = (await allAdmins(otherNetworkId, otherAdminToken))[0]!;
    const before = await snapshot();
    await expectProblem(await patch(memberId, 'deactivated'), 404);
    await expectProblem(await patch('nobody-at-all', 'deactivated'), 404);
    await expectProblem(await patch(foreign.id, 'deactivated'), 404);
    await expectProblem(await patch(foreign.id, 'deactivated', adminToken, otherNetworkId), 404);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses coordinators and members (403), writing nothing', async () => {
    const admin = await invite();
    const before = await snapshot();
    await expectProblem(await patch(admin.id, 'deactivated', coordinatorToken), 403);
    await expectProblem(await patch(admin.id, 'deactivated', memberToken), 403);
    expect(await snapshot()).toEqual(before);
  });

  describe('refuses bad input with 400 naming the field, writing nothing', () => {
    const cases: { what: string; body: unknown; field: string }[] = [
      { what: 'an unknown status', body: { status: 'removed' }, field: 'status' },
      { what: 'invited is not a status one sets', body: { status: 'invited' }, field: 'status' },
      { what: 'missing status', body: {}, field: 'status' },
      { what: 'an unknown field', body: { status: 'active', roles: [] }, field: 'roles' },
    ];
    for (const { what, body, field } of cases) {
      it(what, async () => {
        const admin = (await allAdmins())[0]!;
        const before = await snapshot();
        await expectProblem(
          await api.call('PATCH', adminPath(admin.id), { token: adminToken, body }),
          400,
          field,
        );
        expect(await snapshot()).toEqual(before);
      });
    }
  });
});

describe('POST /networks/{networkId}/admins/{personId}/invitation', () => {
  it('mails a new link (202); the old one answers 410 and the new one works', async () => {
    const admin = await invite({ language: 'pt' });
    const oldToken = await api.invitationToken(admin.email);
    const again = await expectJson<Admin>(
      await api.call('POST', invitationPath(admin.id), { token: adminToken }),
      202,
    );
    expect(again).toMatchObject({ id: admin.id, status: 'invited', language: 'pt' });
    const mails = await api.mails(admin.email);
    expect(mails).toHaveLength(2);
    const newToken = tokenOf(mails[0]);
    expect(newToken).toBeDefined();
    expect(newToken).not.toBe(oldToken);
    await expectProblem(await api.call('GET', `/invitations/${oldToken}`), 410);
    await expectProblem(
      await api.call('POST', `/invitations/${oldToken}/accept`, {
        body: { name: 'Old Link', password: PASSWORD },
      }),
      410,
    );
    const session = await acceptInvitation(api, admin.email, 'New Link');
    expect(session.user).toMatchObject({ id: admin.id, roles: ['network-admin'], networkId });
    // and once used, the new one is gone too
    await expectProblem(await api.call('GET', `/invitations/${newToken}`), 410);
  });

  it('works for the first admin of a network and for a link that expired', async () => {
    const adminEmail = uniqueEmail('first-admin');
    const created = await expectJson<{ id: string }>(
      await api.call('POST', '/networks', {
        token: api.operatorToken,
        body: { name: 'Expiring network', region: 'West Africa', adminEmail, adminName: 'First' },
      }),
      201,
    );
    const [first] = await allAdmins(created.id, api.operatorToken);
    const expired = await api.invitationToken(adminEmail);
    await expectJson(
      await api.call('POST', '/dev/clock', { token: api.operatorToken, body: { advanceDays: 8 } }),
      200,
    );
    await expectProblem(await api.call('GET', `/invitations/${expired}`), 410);
    expect(
      (await api.call('POST', invitationPath(first!.id, created.id), { token: api.operatorToken }))
        .status,
    ).toBe(202);
    const session = await acceptInvitation(api, adminEmail, 'First Admin');
    expect(session.user).toMatchObject({ id: first!.id, networkId: created.id });
  });

  it('answers 409 naming status for an admin already active or deactivated, writing nothing', async () => {
    const active = await activeAdmin();
    const deactivated = await invite();
    await expectJson<Admin>(await patch(deactivated.id, 'deactivated'), 200);
    const before = await snapshot();
    await expectProblem(
      await api.call('POST', invitationPath(active.id), { token: adminToken }),
      409,
      'status',
    );
    await expectProblem(
      await api.call('POST', invitationPath(deactivated.id), { token: api.operatorToken }),
      409,
      'status',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses coordinators and members (403), other networks and non-admins (404), writing nothing', async () => {
    const admin = await invite();
    const foreign = await invite({}, otherAdminToken, otherNetworkId);
    const before = await snapshot();
    const post = (id: string, token: string, network = networkId) =>
      api.call('POST', invitationPath(id, network), { token });
    await expectProblem(await post(admin.id, coordinatorToken), 403);
    await expectProblem(await post(admin.id, memberToken), 403);
    await expectProblem(await post(admin.id, otherAdminToken), 404);
    await expectProblem(await post(foreign.id, adminToken), 404);
    await expectProblem(await post(foreign.id, adminToken, otherNetworkId), 404);
    await expectProblem(await post(memberId, adminToken), 404);
    expect(await snapshot()).toEqual(before);
  });
});
