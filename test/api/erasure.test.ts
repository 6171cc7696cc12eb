import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { networkTableName, platformTableName } from '@sisi/data';
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
import { agreeAll, createMentorship, type Mentorship } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { type QuarterlyReport, reportBody, reportsPath } from '../support/quarterly-reports.ts';

/** A person's data erased on request (issue 17, item 6; ADR 0034). */

let api: TestApi;
let networkId: string;
let adminToken: string;
let adminId: string;

type Org = Organization & { coordinatorEmail: string };
type Tombstone = Member & { erasedAt?: string; formerRole?: string };

const erasurePath = (personId: string, network = networkId) =>
  `/networks/${network}/people/${personId}/erasure`;
const erase = (token: string, personId: string, body: unknown = {}) =>
  api.call('POST', erasurePath(personId), { token, body });

/** Every item of a table, raw (keys included), every page of a Scan. */
async function scanAll(tableName: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await api.local.doc.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, Limit: 25 }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every mail file kept in the outbox, as stored. */
async function outboxFiles(): Promise<string[]> {
  const dir = join(api.dataDir, 'outbox');
  const names = await readdir(dir).catch(() => [] as string[]);
  return Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')));
}

/** The newest mail to `to` whose text holds `marker`, waited for (mail goes out beside answers). */
async function mailTo(to: string, marker: string) {
  for (let i = 0; i < 100; i++) {
    const mail = (await api.mails(to)).find((x) => x.text.includes(marker));
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail with ${marker} to ${to}`);
}

/** What a text still holds of `needles`, case- and accent-blind. */
const plain = (s: string) => s.toLocaleLowerCase('en').normalize('NFKD').replace(/\p{M}/gu, '');
const traces = (texts: string[], needles: string[]) =>
  texts.filter((t) => needles.some((n) => plain(t).includes(plain(n))));

async function members(orgId: string): Promise<Tombstone[]> {
  return (
    await expectJson<Page<Tombstone>>(
      await api.call('GET', `/networks/${networkId}/organizations/${orgId}/members`, {
        token: adminToken,
      }),
      200,
    )
  ).items;
}

async function invite(orgId: string, name: string, email = uniqueEmail('person')) {
  const member = await expectJson<Member>(
    await api.call('POST', `/networks/${networkId}/organizations/${orgId}/members`, {
      token: adminToken,
      body: { email, name },
    }),
    201,
  );
  return { member, email };
}

const makeCoordinator = async (orgId: string, personId: string, token = adminToken) =>
  expectJson<Member>(
    await api.call('PATCH', `/networks/${networkId}/organizations/${orgId}/members/${personId}`, {
      token,
      body: { role: 'coordinator' },
    }),
    200,
  );

beforeAll(async () => {
  api = await createTestApi();
  ({ networkId, adminToken } = await api.createNetwork('Erasure network'));
  adminId = (
    await expectJson<{ id: string }>(await api.call('GET', '/me', { token: adminToken }), 200)
  ).id;
});
afterAll(() => api.close());

describe('erasure leaves no trace of the name or email, and keeps the reports', () => {
  const NAME = 'Zéphyrine Quixote-Mbeki';
  const EMAIL = `Zephyrine.Quixote-${Date.now()}@Example.org`;
  let mentor: Org;
  let mentee: Org;
  let m: Mentorship;
  let personId: string;
  let session: Session;

  beforeAll(async () => {
    mentor = await createOrganization(api, networkId, adminToken, { name: 'Rainbow Health' });
    await acceptInvitation(api, mentor.coordinatorEmail, 'Steady Coordinator');
    mentee = await createOrganization(api, networkId, adminToken, { name: 'Sauti Yetu' });
    m = await createMentorship(api, networkId, adminToken, {
      mentorOrganizationId: mentor.id,
      menteeOrganizationIds: [mentee.id],
    });

    // invited (a mail), the invitation sent again (another mail), accepted: signed in
    const invited = await invite(mentor.id, NAME, EMAIL);
    personId = invited.member.id;
    expect(
      (
        await api.call(
          'POST',
          `/networks/${networkId}/organizations/${mentor.id}/members/${personId}/invitation`,
          { token: adminToken },
        )
      ).status,
    ).toBe(202);
    session = await acceptInvitation(api, EMAIL, NAME);
    await makeCoordinator(mentor.id, personId);

    // a password reset through the outbox, then a sign-in (and a failed one)
    expect(
      (await api.call('POST', '/auth/password-reset', { body: { email: EMAIL } })).status,
    ).toBe(202);
    // the mail goes out beside the answer: wait for it in the outbox
    const resetMail = await mailTo(EMAIL, '/password-reset/');
    const resetToken = resetMail.text.match(/\/password-reset\/([A-Za-z0-9_-]+)/)![1]!;
    const newPassword = `${PASSWORD} again`;
    expect(
      (await api.call('POST', `/password-reset/${resetToken}`, { body: { password: newPassword } }))
        .status,
    ).toBe(200);
    expect((await api.login(EMAIL, 'not the password')).status).toBe(401);
    const signedIn = await api.login(EMAIL, newPassword);
    session = await expectJson<Session>(signedIn, 200);

    // acts: accepts the rights for the mentor organization, files a report with an Idempotency-Key
    await expectJson(
      await api.call('POST', `/networks/${networkId}/mentorships/${m.id}/agreements`, {
        token: session.token,
        body: { organizationId: mentor.id },
      }),
      201,
    );
    await agreeAll(api, networkId, adminToken, {
      ...m,
      mentorOrganizationId: mentee.id,
      menteeOrganizationIds: [],
    });
    const body = {
      ...reportBody(1),
      signature: { name: NAME, date: '2030-01-01' },
      challenges: `${NAME} wrote this`,
    };
    const filed = await api.call('POST', reportsPath(networkId, m.id), {
      token: session.token,
      body,
      headers: { 'idempotency-key': 'erasure-report-1' },
    });
    const report = await expectJson<QuarterlyReport>(filed, 201);
    expect(report.submittedByName).toBe(NAME);
  });

  it('finds the name and email before (the scan sees them)', async () => {
    const items = [
      ...(await scanAll(networkTableName(api.prefix, networkId))),
      ...(await scanAll(platformTableName(api.prefix))),
    ].map((i) => JSON.stringify(i));
    expect(traces(items, [NAME]).length).toBeGreaterThan(3);
    expect(traces(items, [EMAIL]).length).toBeGreaterThan(2);
    expect(traces(await outboxFiles(), [EMAIL]).length).toBeGreaterThan(2);
  });

  it('answers {id, erasedAt}, and has the identity provider delete them', async () => {
    const identity = api.local.deps.identity;
    const deleted: string[] = [];
    api.local.deps.identity = Object.assign(Object.create(identity), {
      delete: async (user: { id: string }) => {
        deleted.push(user.id);
        return identity.delete(user as never);
      },
    });
    try {
      const res = await erase(adminToken, personId);
      const out = await expectJson<{ id: string; erasedAt: string }>(res, 200);
      expect(out.id).toBe(personId);
      expect(Date.parse(out.erasedAt)).not.toBeNaN();
    } finally {
      api.local.deps.identity = identity;
    }
    // on AWS that is AdminDeleteUser (apps/aws cognito-identity.test.ts)
    expect(deleted).toEqual([personId]);
  });

  it('leaves neither the name nor the email in any item of either table, nor in the outbox', async () => {
    const network = (await scanAll(networkTableName(api.prefix, networkId))).map((i) =>
      JSON.stringify(i),
    );
    const platform = (await scanAll(platformTableName(api.prefix))).map((i) => JSON.stringify(i));
    expect(traces(network, [NAME, EMAIL, 'Quixote'])).toEqual([]);
    expect(traces(platform, [NAME, EMAIL, 'Quixote'])).toEqual([]);
    expect(traces(await outboxFiles(), [NAME, EMAIL, 'Quixote'])).toEqual([]);
    // the idempotency record of her report is gone with it, the audit trail kept
    expect(platform.some((i) => i.includes('erasure-report-1'))).toBe(false);
  });

  it('keeps the report, attributed to "a former coordinator of" the organization', async () => {
    const report = await expectJson<QuarterlyReport>(
      await api.call('GET', `${reportsPath(networkId, m.id)}/1`, { token: adminToken }),
      200,
    );
    expect(report.submittedBy).toBe(personId);
    expect(report.submittedByName).toBe('a former coordinator of Rainbow Health');
    expect(report.signature?.name).toBe('a former coordinator of Rainbow Health');
    expect(report.challenges).toBe('a former coordinator of Rainbow Health wrote this');
    expect(report.interactions).toEqual(reportBody(1).interactions);
  });

  it('lists them as a tombstone: no name, no email, erasedAt and the former role', async () => {
    const them = (await members(mentor.id)).find((p) => p.id === personId);
    expect(them).toMatchObject({
      name: '',
      email: '',
      status: 'deactivated',
      formerRole: 'coordinator',
    });
    expect(them?.erasedAt).toEqual(expect.any(String));
  });

  it('ends their access at once: their token and their sign-in are refused', async () => {
    await expectProblem(await api.call('GET', '/me', { token: session.token }), 401);
    expect((await api.login(EMAIL, `${PASSWORD} again`)).status).toBe(401);
  });

  it('records person.erased with ids only', async () => {
    const page = await expectJson<{ items: Record<string, unknown>[] }>(
      await api.call('GET', `/networks/${networkId}/audit?kind=person.erased`, {
        token: adminToken,
      }),
      200,
    );
    expect(page.items).toEqual([
      expect.objectContaining({ kind: 'person.erased', subjectId: personId, actorId: adminId }),
    ]);
    expect(traces([JSON.stringify(page)], [NAME, EMAIL])).toEqual([]);
  });

  it('answers a second erasure the same, writing nothing', async () => {
    const first = await members(mentor.id);
    const before = await api.countItems([networkId]);
    const again = await expectJson<{ id: string; erasedAt: string }>(
      await erase(adminToken, personId),
      200,
    );
    expect(again.erasedAt).toBe(first.find((p) => p.id === personId)?.erasedAt);
    expect(await api.countItems([networkId])).toBe(before);
  });
});

describe('POST /networks/{networkId}/people/{personId}/erasure refusals', () => {
  let org: Org;
  let coordinator: Session;
  let memberSession: Session;
  let memberId: string;

  beforeAll(async () => {
    org = await createOrganization(api, networkId, adminToken, { name: 'Refusals Org' });
    coordinator = await acceptInvitation(api, org.coordinatorEmail, 'Only Coordinator');
    const invited = await invite(org.id, 'Plain Member');
    memberId = invited.member.id;
    memberSession = await acceptInvitation(api, invited.email, 'Plain Member');
  });

  it('refuses coordinators and members (403), another network (404), writing nothing', async () => {
    const other = await api.createNetwork('Other erasure network');
    const before = await api.countItems([networkId]);
    await expectProblem(await erase(coordinator.token, memberId), 403);
    await expectProblem(await erase(memberSession.token, org.coordinatorId), 403);
    await expectProblem(await erase(other.adminToken, memberId), 404);
    await expectProblem(
      await api.call('POST', erasurePath(memberId, other.networkId), {
        token: other.adminToken,
        body: {},
      }),
      404,
    );
    await expectProblem(await erase(adminToken, 'nobody-here'), 404);
    expect(await api.countItems([networkId])).toBe(before);
  });

  it('refuses a body other than {} (400 naming the field), writing nothing', async () => {
    const before = await api.countItems([networkId]);
    await expectProblem(await erase(adminToken, memberId, { confirm: true }), 400, 'confirm');
    expect(await api.countItems([networkId])).toBe(before);
    expect((await members(org.id)).find((p) => p.id === memberId)?.name).toBe('Plain Member');
  });

  it('refuses the last active coordinator (422), and an admin erasing themselves (422)', async () => {
    await expectProblem(await erase(adminToken, org.coordinatorId), 422, 'personId');
    await expectProblem(await erase(adminToken, adminId), 422, 'personId');
    expect(
      (await members(org.id)).find((p) => p.id === org.coordinatorId)?.erasedAt,
    ).toBeUndefined();
  });

  it('erases the last coordinator of an organization that left the network', async () => {
    await expectJson(
      await api.call('POST', `/networks/${networkId}/organizations/${org.id}/departure`, {
        token: adminToken,
        body: {},
      }),
      200,
    );
    await expectJson(await erase(adminToken, org.coordinatorId), 200);
    const them = (await members(org.id)).find((p) => p.id === org.coordinatorId);
    expect(them).toMatchObject({ name: '', formerRole: 'coordinator' });
  });

  it('lets the operator erase a network admin, listed as a former network admin', async () => {
    const email = uniqueEmail('second-admin');
    await expectJson(
      await api.call('POST', `/networks/${networkId}/admins`, {
        token: adminToken,
        body: { email, name: 'Second Admin' },
      }),
      201,
    );
    await acceptInvitation(api, email, 'Second Admin');
    const second = await api.local.platform.getUserByEmail(email);
    await expectJson(
      await api.call('POST', erasurePath(second!.id), { token: api.operatorToken, body: {} }),
      200,
    );
    const admins = await expectJson<{
      items: { id: string; name: string; email: string; erasedAt?: string }[];
    }>(await api.call('GET', `/networks/${networkId}/admins`, { token: adminToken }), 200);
    expect(admins.items.find((a) => a.id === second!.id)).toMatchObject({ name: '', email: '' });
    expect(await api.local.platform.getUserByEmail(email)).toBeUndefined();
    // the network's last active admin stays (422), even for the operator
    await expectProblem(
      await api.call('POST', erasurePath(adminId), { token: api.operatorToken, body: {} }),
      422,
      'personId',
    );
    expect((await api.local.platform.getUser(adminId))?.erasedAt).toBeUndefined();
  });
});

describe('a namesake keeps their name', () => {
  const NAME = 'Amara Okonkwo-Lind';

  it("in this network and another, whoever shares the erased person's name is not touched", async () => {
    const org = await createOrganization(api, networkId, adminToken, { name: 'Namesake Org' });
    await acceptInvitation(api, org.coordinatorEmail, 'Namesake Lead');
    const erased = await invite(org.id, NAME);
    await acceptInvitation(api, erased.email, NAME);
    const here = await invite(org.id, NAME);
    await acceptInvitation(api, here.email, NAME);
    const other = await api.createNetwork('Namesake network');
    const otherOrg = await createOrganization(api, other.networkId, other.adminToken, {
      coordinatorName: NAME,
    });
    const there = await acceptInvitation(api, otherOrg.coordinatorEmail, NAME);

    await expectJson(await erase(adminToken, erased.member.id), 200);

    expect((await api.local.platform.getUser(erased.member.id))?.name).toBe('');
    expect((await api.local.platform.getUser(here.member.id))?.name).toBe(NAME);
    expect((await api.local.platform.getUser(there.user.id))?.name).toBe(NAME);
    const people = await members(org.id);
    expect(people.find((p) => p.id === here.member.id)).toMatchObject({
      name: NAME,
      email: here.email,
    });
    const theirs = await expectJson<Page<Tombstone>>(
      await api.call('GET', `/networks/${other.networkId}/organizations/${otherOrg.id}/members`, {
        token: other.adminToken,
      }),
      200,
    );
    expect(theirs.items.map((p) => p.name)).toEqual([NAME]);
    expect((await api.login(here.email, PASSWORD)).status).toBe(200);
  });
});

describe('in a network whose language is French', () => {
  it('replaces the name with the network’s words: the text around them was written in French', async () => {
    const records = (await import('../../packages/domain/locales/fr/records.json')).default;
    const fr = await api.createNetwork('Réseau Ouest', { defaultLanguage: 'fr' });
    const call = (method: string, path: string, body?: unknown, token = fr.adminToken) =>
      api.call(method, `/networks/${fr.networkId}${path}`, { token, body });
    const NAME = 'Aïssatou Ndiaye-Kourouma';
    const org = await createOrganization(api, fr.networkId, fr.adminToken, { name: 'Arc-en-ciel' });
    const partner = await createOrganization(api, fr.networkId, fr.adminToken, { name: 'Sauti' });
    const first = await acceptInvitation(api, org.coordinatorEmail, NAME);
    // a second coordinator, so that the first may be erased
    const email = uniqueEmail('second-coordinator');
    const second = await expectJson<Member>(
      await call('POST', `/organizations/${org.id}/members`, { email, name: 'Binta Diallo' }),
      201,
    );
    await acceptInvitation(api, email, 'Binta Diallo');
    await expectJson(
      await call('PATCH', `/organizations/${org.id}/members/${second.id}`, { role: 'coordinator' }),
      200,
    );
    const m = await createMentorship(api, fr.networkId, fr.adminToken, {
      mentorOrganizationId: org.id,
      menteeOrganizationIds: [partner.id],
    });
    await expectJson(
      await call(
        'POST',
        `/mentorships/${m.id}/agreements`,
        { organizationId: org.id },
        first.token,
      ),
      201,
    );

    await expectJson(await call('POST', `/people/${org.coordinatorId}/erasure`, {}), 200);

    const after = await expectJson<Mentorship & { agreements: { acceptedByName: string }[] }>(
      await call('GET', `/mentorships/${m.id}`),
      200,
    );
    const french = records.former_coordinator_of.replace('{{organization}}', 'Arc-en-ciel');
    expect(french).toBe('un·e ancien·ne coordonnateur·rice de Arc-en-ciel');
    expect(after.agreements.map((a) => a.acceptedByName)).toEqual([french]);
    const items = (await scanAll(networkTableName(api.prefix, fr.networkId))).map((i) =>
      JSON.stringify(i),
    );
    expect(traces(items, [NAME, 'Kourouma'])).toEqual([]);
    expect(items.some((i) => i.includes('a former coordinator'))).toBe(false);
  });
});
