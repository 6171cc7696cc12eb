import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestApi, type TestApi } from '../support/api.ts';
import {
  acceptInvitation,
  allPages,
  createOrganization,
  type Member,
  type Organization,
  organizationBody,
  type Page,
  type User,
  uniqueEmail,
} from '../support/fixtures.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

let api: TestApi;
let networkId: string;
let adminToken: string;
/** An organization with an active coordinator, shared by the permission tests. */
let org: Organization & { coordinatorEmail: string };
let coordinatorToken: string;

const orgsPath = () => `/networks/${networkId}/organizations`;
const orgPath = (id = org.id) => `${orgsPath()}/${id}`;
const membersPath = (id = org.id) => `${orgPath(id)}/members`;

/** Items, and mail: what a rejected write must leave as it was. */
async function snapshot() {
  return { items: await api.countItems([networkId]), mails: (await api.mails()).length };
}

beforeAll(async () => {
  api = await createTestApi();
  ({ networkId, adminToken } = await api.createNetwork('Organizations network'));
  org = await createOrganization(api, networkId, adminToken, { name: 'Shared Organization' });
  coordinatorToken = (await acceptInvitation(api, org.coordinatorEmail)).token;
});
afterAll(() => api.close());

describe('POST /networks/{networkId}/organizations', () => {
  it('creates an organization with its whole profile at version 1 and invites its coordinator', async () => {
    const profile = {
      name: 'Amani Community Health',
      country: 'tz',
      languages: ['fr', 'sw'],
      keyPopulations: ['sex-workers', 'msm', 'people-who-inject-drugs', 'transgender'],
      kpLed: true,
      technicalAreas: ['peer-navigation', 'advocacy', 'other'],
      otherTechnicalArea: 'Legal literacy',
      strengthsOffered: ['Paralegal training'],
      priorityNeeds: ['Financial management', 'Donor reporting'],
      highSpeedInternet: true,
      nameVisibleToDonors: true,
    };
    const coordinatorEmail = uniqueEmail('amani-coordinator');
    const created = await expectJson<Organization>(
      await api.call('POST', orgsPath(), {
        token: adminToken,
        body: {
          ...profile,
          coordinatorEmail,
          coordinatorName: 'Neema Coordinator',
          coordinatorLanguage: 'fr',
        },
      }),
      201,
    );
    expect(created).toMatchObject({ ...profile, country: 'TZ', version: 1, networkId });
    expect(created.id).toEqual(expect.any(String));
    expect(created).not.toHaveProperty('coordinatorEmail');
    expect(created).not.toHaveProperty('coordinatorLanguage');

    const stored = await expectJson<Organization>(
      await api.call('GET', orgPath(created.id), { token: adminToken }),
      200,
    );
    expect(stored).toEqual(created);

    // the coordinator is mailed a link, in the language the request named
    const mails = await api.mails(coordinatorEmail);
    expect(mails).toHaveLength(1);
    const token = await api.invitationToken(coordinatorEmail);
    expect(mails[0]?.text).toContain(`${BASE}/invitations/${token}`);
    expect(mails[0]?.html).toContain(`${BASE}/invitations/${token}`);
    expect(mails[0]?.html).toContain('lang="fr"');

    const invited = await expectJson<Page<Member>>(
      await api.call('GET', membersPath(created.id), { token: adminToken }),
      200,
    );
    expect(invited.items).toEqual([
      expect.objectContaining({
        id: created.coordinatorId,
        email: coordinatorEmail,
        name: 'Neema Coordinator',
        status: 'invited',
        organizationId: created.id,
        roles: ['coordinator'],
      }),
    ]);

    const session = await acceptInvitation(api, coordinatorEmail, 'Neema M.');
    const me = await expectJson<User>(await api.call('GET', '/me', { token: session.token }), 200);
    expect(me).toMatchObject({ roles: ['coordinator'], networkId, organizationId: created.id });

    const active = await expectJson<Page<Member>>(
      await api.call('GET', membersPath(created.id), { token: adminToken }),
      200,
    );
    expect(active.items).toEqual([
      expect.objectContaining({ id: me.id, name: 'Neema M.', status: 'active' }),
    ]);
  });

  it('fills the optional profile fields with their defaults', async () => {
    const created = await createOrganization(api, networkId, adminToken);
    expect(created).toMatchObject({
      languages: [],
      technicalAreas: [],
      strengthsOffered: [],
      priorityNeeds: [],
      highSpeedInternet: false,
      nameVisibleToDonors: false,
    });
  });

  it('answers 409 naming coordinatorEmail when that email is taken, writing nothing', async () => {
    const before = await snapshot();
    await expectProblem(
      await api.call('POST', orgsPath(), {
        token: adminToken,
        body: organizationBody({ coordinatorEmail: org.coordinatorEmail }),
      }),
      409,
      'coordinatorEmail',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('answers 403 to a coordinator or member, writing nothing', async () => {
    const member = await api.tokenFor({ roles: ['member'], networkId, organizationId: org.id });
    const before = await snapshot();
    for (const token of [coordinatorToken, member]) {
      await expectProblem(
        await api.call('POST', orgsPath(), { token, body: organizationBody() }),
        403,
      );
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('GET organizations', () => {
  it('reads one organization', async () => {
    const one = await expectJson<Organization>(
      await api.call('GET', orgPath(), { token: adminToken }),
      200,
    );
    expect(one).toMatchObject({
      id: org.id,
      name: 'Shared Organization',
      coordinatorId: org.coordinatorId,
    });
  });

  it('answers 404 to an organization that does not exist', async () => {
    await expectProblem(
      await api.call('GET', orgPath('nosuchorganization'), { token: adminToken }),
      404,
    );
  });

  it('lists by name, case-insensitively, page by page; a rename moves it', async () => {
    const own = await api.createNetwork('Sorted network');
    const names = [
      'zeta Trust',
      'Alpha House',
      'Ezra Youth',
      'mu Collective',
      'Éclat Santé',
      'Kappa Centre',
    ];
    for (const name of names)
      await createOrganization(api, own.networkId, own.adminToken, { name });
    const list = async () =>
      (
        await allPages<Organization>(
          api,
          `/networks/${own.networkId}/organizations`,
          own.adminToken,
          2,
        )
      ).flatMap((page) => page.items);
    const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

    const listed = await list();
    expect(listed.map((o) => o.name)).toEqual([...names].sort(byName));
    expect(new Set(listed.map((o) => o.id)).size).toBe(names.length);

    const zeta = listed.find((o) => o.name === 'zeta Trust')!;
    await expectJson(
      await api.call('PATCH', `/networks/${own.networkId}/organizations/${zeta.id}`, {
        token: own.adminToken,
        body: { version: zeta.version, name: 'Aardvark Trust' },
      }),
      200,
    );
    const renamed = (await list()).map((o) => o.name);
    expect(renamed[0]).toBe('Aardvark Trust');
    expect(renamed).toHaveLength(names.length);
  });

  it('answers 400 naming cursor to a cursor of another list', async () => {
    const pages = await allPages<Organization>(api, orgsPath(), adminToken, 1);
    const cursor = pages[0]?.cursor;
    expect(cursor).toBeDefined();
    await expectProblem(
      await api.call('GET', `${membersPath()}?cursor=${encodeURIComponent(cursor!)}`, {
        token: adminToken,
      }),
      400,
      'cursor',
    );
  });

  it("shows a coordinator their own organization only; another's is 404", async () => {
    const other = await createOrganization(api, networkId, adminToken);
    const listed = await expectJson<Page<Organization>>(
      await api.call('GET', orgsPath(), { token: coordinatorToken }),
      200,
    );
    expect(listed.items.map((o) => o.id)).toEqual([org.id]);
    await expectJson(await api.call('GET', orgPath(), { token: coordinatorToken }), 200);
    await expectProblem(await api.call('GET', orgPath(other.id), { token: coordinatorToken }), 404);
    await expectProblem(
      await api.call('GET', membersPath(other.id), { token: coordinatorToken }),
      404,
    );
  });
});

describe('PATCH /networks/{networkId}/organizations/{organizationId}', () => {
  it('applies a change at the current version, answers version + 1, and leaves other fields alone', async () => {
    const created = await createOrganization(api, networkId, adminToken, {
      languages: ['pt'],
      technicalAreas: ['advocacy'],
      strengthsOffered: ['Outreach'],
      priorityNeeds: ['Grant writing'],
      highSpeedInternet: true,
      nameVisibleToDonors: true,
    });
    const { coordinatorEmail: _email, ...before } = created;
    const patched = await expectJson<Organization>(
      await api.call('PATCH', orgPath(created.id), {
        token: adminToken,
        body: { version: 1, name: 'Renamed Organization', keyPopulations: ['msm', 'transgender'] },
      }),
      200,
    );
    expect(patched.version).toBe(2);
    const stored = await expectJson<Organization>(
      await api.call('GET', orgPath(created.id), { token: adminToken }),
      200,
    );
    expect(stored).toEqual(patched);
    expect(stored).toEqual({
      ...before,
      name: 'Renamed Organization',
      keyPopulations: ['msm', 'transgender'],
      version: 2,
      updatedAt: expect.any(String),
    });
  });

  it('answers 409 naming version to a stale version and changes nothing', async () => {
    const created = await createOrganization(api, networkId, adminToken);
    await expectJson(
      await api.call('PATCH', orgPath(created.id), {
        token: adminToken,
        body: { version: 1, kpLed: false },
      }),
      200,
    );
    const current = await expectJson<Organization>(
      await api.call('GET', orgPath(created.id), { token: adminToken }),
      200,
    );
    const before = await snapshot();

    await expectProblem(
      await api.call('PATCH', orgPath(created.id), {
        token: adminToken,
        body: { version: 1, name: 'Lost update' },
      }),
      409,
      'version',
    );
    expect(
      await expectJson<Organization>(
        await api.call('GET', orgPath(created.id), { token: adminToken }),
        200,
      ),
    ).toEqual(current);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 404 to an organization that does not exist', async () => {
    await expectProblem(
      await api.call('PATCH', orgPath('nosuchorganization'), {
        token: adminToken,
        body: { version: 1, name: 'Ghost' },
      }),
      404,
    );
  });

  it("answers 403 to the organization's coordinator and 404 to another's", async () => {
    const other = await createOrganization(api, networkId, adminToken);
    const before = await snapshot();
    await expectProblem(
      await api.call('PATCH', orgPath(), {
        token: coordinatorToken,
        body: { version: 1, name: 'Mine now' },
      }),
      403,
    );
    await expectProblem(
      await api.call('PATCH', orgPath(other.id), {
        token: coordinatorToken,
        body: { version: 1, name: 'Mine now' },
      }),
      404,
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('POST /networks/{networkId}/organizations/{organizationId}/members', () => {
  const invite = (token: string, email = uniqueEmail('member'), id = org.id) =>
    api.call('POST', membersPath(id), { token, body: { email, name: 'Invited Member' } });

  it('lets the admin invite: 201 {id, email, name, status: invited}, mailed, listed', async () => {
    const email = uniqueEmail('by-admin');
    const member = await expectJson<Member>(await invite(adminToken, email), 201);
    expect(member).toMatchObject({
      id: expect.any(String),
      email,
      name: 'Invited Member',
      status: 'invited',
    });
    expect(await api.mails(email)).toHaveLength(1);
    const listed = (await allPages<Member>(api, membersPath(), adminToken, 100)).flatMap(
      (p) => p.items,
    );
    expect(listed).toContainEqual(
      expect.objectContaining({ id: member.id, status: 'invited', roles: ['member'] }),
    );

    const session = await acceptInvitation(api, email);
    expect(session.user).toMatchObject({
      id: member.id,
      roles: ['member'],
      networkId,
      organizationId: org.id,
    });
  });

  it("lets the organization's coordinator invite", async () => {
    const member = await expectJson<Member>(await invite(coordinatorToken), 201);
    expect(member.status).toBe('invited');
  });

  it('refuses a coordinator of another organization (404) and a member (403), writing nothing', async () => {
    const other = await createOrganization(api, networkId, adminToken);
    const otherCoordinator = await api.tokenFor({
      roles: ['coordinator'],
      networkId,
      organizationId: other.id,
    });
    const member = await api.tokenFor({ roles: ['member'], networkId, organizationId: org.id });
    const before = await snapshot();
    await expectProblem(await invite(otherCoordinator), 404);
    await expectProblem(await invite(member), 403);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 409 naming email to an email already taken, writing nothing', async () => {
    const email = uniqueEmail('twice');
    await expectJson(await invite(adminToken, email), 201);
    const before = await snapshot();
    await expectProblem(await invite(adminToken, email), 409, 'email');
    await expectProblem(await invite(adminToken, org.coordinatorEmail), 409, 'email');
    expect(await snapshot()).toEqual(before);
  });

  it('answers 404 to an organization that does not exist', async () => {
    await expectProblem(await invite(adminToken, uniqueEmail('ghost'), 'nosuchorganization'), 404);
  });
});

describe('bad input on every write route: 400 naming the field, nothing written', () => {
  const rows: {
    route: string;
    method: string;
    path: () => string;
    body: unknown;
    field: string;
  }[] = [];
  const add = (route: string, method: string, path: () => string, cases: [unknown, string][]) => {
    for (const [body, field] of cases) rows.push({ route, method, path, body, field });
  };
  add('POST organization', 'POST', orgsPath, [
    [organizationBody({ name: undefined }), 'name'],
    [organizationBody({ name: 'A' }), 'name'],
    [organizationBody({ country: 'Kenya' }), 'country'],
    [organizationBody({ keyPopulations: [] }), 'keyPopulations'],
    [organizationBody({ keyPopulations: ['cats'] }), 'keyPopulations.0'],
    [organizationBody({ keyPopulations: ['msm', 'everyone'] }), 'keyPopulations.1'],
    [organizationBody({ kpLed: 'yes' }), 'kpLed'],
    [organizationBody({ kpLed: undefined }), 'kpLed'],
    [organizationBody({ technicalAreas: ['astrology'] }), 'technicalAreas.0'],
    [organizationBody({ languages: ['English'] }), 'languages.0'],
    [organizationBody({ highSpeedInternet: 'fast' }), 'highSpeedInternet'],
    [organizationBody({ coordinatorEmail: 'nobody' }), 'coordinatorEmail'],
    [organizationBody({ coordinatorName: '' }), 'coordinatorName'],
    [organizationBody({ version: 3 }), 'version'],
    ['{"name": "Broken', 'body'],
  ]);
  add('PATCH organization', 'PATCH', () => orgPath(), [
    [{ name: 'No version' }, 'version'],
    [{ version: 0, name: 'Zero' }, 'version'],
    [{ version: '1', name: 'Text version' }, 'version'],
    [{ version: 1, name: 'A' }, 'name'],
    [{ version: 1, keyPopulations: ['cats'] }, 'keyPopulations.0'],
    [{ version: 1, keyPopulations: [] }, 'keyPopulations'],
    [{ version: 1, country: 'XYZ' }, 'country'],
    [{ version: 1, coordinatorId: 'someone-else' }, 'coordinatorId'],
    [{ version: 1, networkId: 'another-network' }, 'networkId'],
    [{ version: 1, nameVisibleToDonors: null }, 'nameVisibleToDonors'],
    ['not json', 'body'],
  ]);
  add('POST member', 'POST', () => membersPath(), [
    [{ email: 'not-an-email', name: 'Bad Email' }, 'email'],
    [{ name: 'No Email' }, 'email'],
    [{ email: uniqueEmail('no-name') }, 'name'],
    [{ email: uniqueEmail('blank'), name: '   ' }, 'name'],
    [{ email: uniqueEmail('role'), name: 'Wants Admin', roles: ['network-admin'] }, 'roles'],
    ['{', 'body'],
  ]);

  for (const { route, method, path, body, field } of rows) {
    it(`${route}: ${field} (${typeof body === 'string' ? body : JSON.stringify(body)})`, async () => {
      const before = await snapshot();
      await expectProblem(await api.call(method, path(), { token: adminToken, body }), 400, field);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('leaves the organization as it was after all of them', async () => {
    const stored = await expectJson<Organization>(
      await api.call('GET', orgPath(), { token: adminToken }),
      200,
    );
    expect(stored).toMatchObject({
      version: 1,
      name: 'Shared Organization',
      keyPopulations: ['sex-workers'],
    });
  });
});
