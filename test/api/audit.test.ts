import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { networkTableName, platformTableName } from '@sisi/data';
import { exportsCatalogs } from '@sisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, PASSWORD, type TestApi } from '../support/api.ts';
import {
  acceptInvitation,
  createOrganization,
  type Member,
  uniqueEmail,
} from '../support/fixtures.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { reportBody } from '../support/quarterly-reports.ts';
import { fileSummaryReport, summaryBody, summaryReportsPath } from '../support/summary-reports.ts';

interface Entry {
  id: string;
  at: string;
  kind: string;
  actorId?: string;
  actorRole?: string;
  subjectId?: string;
  targets?: Record<string, string>;
  address: string;
}
interface AuditPage {
  items: Entry[];
  cursor?: string;
}

let api: TestApi;
let w: MentorshipWorld;
let adminId: string;
let adminEmail: string;
let adminToken: string;
let donorId: string;
const WRONG_PASSWORD = 'not the password at all 77';
const UNKNOWN_EMAIL = uniqueEmail('nobody-here');
/** Text only a form's content holds: it must never reach the trail. */
const SECRET_AGENDA = 'Agenda words only the form may hold 4711';
let reportId: string;

const auditPath = () => `/networks/${w.networkId}/audit`;
const readAudit = async (query = '', token = adminToken) =>
  expectJson<AuditPage>(await api.call('GET', `${auditPath()}${query}`, { token }), 200);

/** Every audit item of a table as stored (keys and `ttl` included). */
async function storedAudit(table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await api.local.doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'AUDIT' },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
const networkAudit = () => storedAudit(networkTableName(api.prefix, w.networkId));
const platformAudit = () => storedAudit(platformTableName(api.prefix));

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Audit');
  const me = await expectJson<{ id: string; email: string }>(
    await api.call('GET', '/me', { token: w.tokens.admin }),
    200,
  );
  adminId = me.id;
  adminEmail = me.email;
  // sign-ins: one refused, one accepted, one of nobody, each from its own address
  await expectProblem(await api.login(adminEmail, WRONG_PASSWORD, '198.51.100.21'), 401);
  const session = await expectJson<{ token: string }>(
    await api.login(adminEmail, PASSWORD, '203.0.113.9'),
    200,
  );
  adminToken = session.token;
  await expectProblem(await api.login(UNKNOWN_EMAIL, WRONG_PASSWORD, '198.51.100.22'), 401);
  // a filled form, exported and printed
  const report = await fileSummaryReport(
    api,
    w.networkId,
    w.mentorship.id,
    w.tokens.participant,
    summaryBody({ organizationIds: [w.mentee.id], agenda: SECRET_AGENDA }),
  );
  reportId = report.id;
  await expectJson(
    await api.call('POST', `${mentorshipPath(w.networkId, w.mentorship.id)}/quarterly-reports`, {
      token: w.tokens.mentorCoordinator,
      body: reportBody(1),
    }),
    201,
  );
  // a donor of this network, signed in, reads the summary
  const donorEmail = uniqueEmail('donor');
  await expectJson(
    await api.call('POST', '/donors', {
      token: api.operatorToken,
      body: { email: donorEmail, name: 'A Donor', networkIds: [w.networkId] },
    }),
    201,
  );
  const donor = await acceptInvitation(api, donorEmail, 'A Donor');
  donorId = donor.user.id;
  await expectJson(await api.call('GET', '/summary', { token: donor.token }), 200);
  await expectJson(
    await api.call('GET', `/summary/quarters?networkId=${w.networkId}`, { token: donor.token }),
    200,
  );
}, 180_000);

afterAll(async () => {
  await api?.close();
});

describe('the audit trail records', () => {
  it('sign-ins in the person’s network, failed ones too, never the password; unknown emails in the platform’s', async () => {
    const { items } = await readAudit(`?person=${adminId}`);
    const failed = items.find((e) => e.kind === 'sign-in.failed');
    const succeeded = items.find(
      (e) => e.kind === 'sign-in.succeeded' && e.address === '203.0.113.9',
    );
    expect(failed).toMatchObject({
      actorId: adminId,
      actorRole: 'network-admin',
      address: '198.51.100.21',
    });
    expect(succeeded).toMatchObject({ actorId: adminId, actorRole: 'network-admin' });
    const platform = await platformAudit();
    const nobody = platform.find(
      (e) => e.kind === 'sign-in.failed' && e.address === '198.51.100.22',
    );
    expect(nobody).toBeDefined();
    expect(nobody?.actorId).toBeUndefined();
    const all = JSON.stringify([...(await networkAudit()), ...platform]);
    expect(all).not.toContain(WRONG_PASSWORD);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(UNKNOWN_EMAIL);
    expect(all).not.toContain(adminEmail);
  });

  it('invitations sent and accepted', async () => {
    const sent = (await readAudit('?kind=invitation.sent&limit=100')).items;
    // each organization's coordinator was invited by the admin, in the same transaction
    for (const org of [w.mentor, w.mentee, w.outsider]) {
      expect(sent).toContainEqual(
        expect.objectContaining({
          subjectId: org.coordinatorId,
          actorRole: 'network-admin',
          targets: { organizationId: org.id },
        }),
      );
    }
    const accepted = (await readAudit(`?kind=invitation.accepted&person=${adminId}`)).items;
    expect(accepted).toHaveLength(1);
    // the network's first admin and the donor were invited by the operator: the platform's
    const platform = await platformAudit();
    expect(platform.filter((e) => e.kind === 'invitation.sent').map((e) => e.subjectId)).toEqual(
      expect.arrayContaining([adminId, donorId]),
    );
  });

  it('exports of CSV files, per mentorship and per network', async () => {
    const base = mentorshipPath(w.networkId, w.mentorship.id);
    const one = await api.call('GET', `${base}/exports/summary-reports`, { token: adminToken });
    expect(one.status).toBe(200);
    const all = await api.call('GET', `/networks/${w.networkId}/exports/quarterly-reports`, {
      token: w.tokens.mentorCoordinator,
    });
    expect(all.status).toBe(200);
    const { items } = await readAudit('?kind=export.csv');
    expect(items[0]).toMatchObject({
      actorRole: 'coordinator',
      targets: { form: 'quarterly-reports' },
    });
    expect(items[1]).toMatchObject({
      actorId: adminId,
      subjectId: w.mentorship.id,
      targets: { form: 'summary-reports' },
    });
  });

  it('prints of a filled form (the print view’s read), not other reads', async () => {
    const path = `${summaryReportsPath(w.networkId, w.mentorship.id)}/${reportId}`;
    await expectJson(await api.call('GET', path, { token: adminToken }), 200);
    expect((await readAudit('?kind=form.printed')).items).toEqual([]);
    await expectJson(await api.call('GET', `${path}?purpose=print`, { token: adminToken }), 200);
    await expectJson(
      await api.call(
        'GET',
        `${mentorshipPath(w.networkId, w.mentorship.id)}/quarterly-reports/1?purpose=print`,
        { token: w.tokens.mentorCoordinator },
      ),
      200,
    );
    const { items } = await readAudit('?kind=form.printed');
    expect(items.map((e) => [e.subjectId, e.targets])).toEqual([
      ['1', { mentorshipId: w.mentorship.id, form: 'quarterly-report' }],
      [reportId, { mentorshipId: w.mentorship.id, form: 'summary-report' }],
    ]);
    await expectProblem(
      await api.call('GET', `${path}?purpose=keep`, { token: adminToken }),
      400,
      'purpose',
    );
  });

  it('donor summary reads, in the trail of each network read', async () => {
    const { items } = await readAudit(`?kind=donor-summary.read&person=${donorId}`);
    expect(items.map((e) => e.targets?.view)).toEqual(['quarters', 'summary']);
    expect(items[0]).toMatchObject({ actorRole: 'donor' });
  });

  it('never a form’s content, and each entry expires after 400 days by default', async () => {
    const stored = await networkAudit();
    expect(stored.length).toBeGreaterThan(5);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(SECRET_AGENDA);
    expect(text).not.toContain('Ama Mensah');
    for (const item of stored) {
      const at = Math.floor(Date.parse(item.at as string) / 1000);
      expect(item.ttl).toBe(at + 400 * 86_400);
    }
  });
});

describe('GET /networks/{networkId}/audit', () => {
  it('pages newest first, every entry once', async () => {
    const whole = await readAudit('?limit=100');
    const seen: Entry[] = [];
    let cursor: string | undefined;
    do {
      const page = await readAudit(
        `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    expect(seen.map((e) => e.id)).toEqual(whole.items.map((e) => e.id));
    const times = seen.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by person and by kind, and both', async () => {
    const mine = await readAudit(`?person=${adminId}&limit=100`);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.actorId === adminId)).toBe(true);
    const kinds = await readAudit('?kind=sign-in.succeeded&limit=100');
    expect(kinds.items.every((e) => e.kind === 'sign-in.succeeded')).toBe(true);
    const both = await readAudit(`?person=${w.mentor.coordinatorId}&kind=export.csv`);
    expect(both.items).toHaveLength(1);
    expect(both.items[0]).toMatchObject({ kind: 'export.csv', actorId: w.mentor.coordinatorId });
  });

  it('is the network admins’ only: others 403, another network 404', async () => {
    for (const token of [w.tokens.mentorCoordinator, w.tokens.participant]) {
      await expectProblem(await api.call('GET', auditPath(), { token }), 403);
    }
    await expectProblem(await api.call('GET', auditPath(), { token: w.tokens.otherAdmin }), 404);
    await expectProblem(await api.call('GET', auditPath(), { token: api.operatorToken }), 404);
    await expectProblem(
      await api.call('GET', `/networks/${w.otherNetworkId}/audit`, { token: adminToken }),
      404,
    );
  });

  it('names the bad parameter (400)', async () => {
    for (const [query, field] of [
      ['?kind=sign-in', 'kind'],
      ['?limit=0', 'limit'],
      ['?limit=many', 'limit'],
      ['?format=xml', 'format'],
      ['?cursor=not-a-cursor', 'cursor'],
      [`?person=${'x'.repeat(101)}`, 'person'],
    ] as const) {
      await expectProblem(
        await api.call('GET', `${auditPath()}${query}`, { token: adminToken }),
        400,
        field,
      );
    }
  });

  it('exports the filtered trail as CSV, and records that export', async () => {
    const res = await api.call('GET', `${auditPath()}?format=csv&kind=sign-in.failed`, {
      token: adminToken,
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="sisi-audit-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = text.trim().split('\r\n');
    const header =
      'at,kind,kind_label,actor_id,actor_role,actor_role_label,subject_id,targets,address,entry_id';
    expect(lines[0]).toBe(header);
    expect(lines).toHaveLength(2);
    const en = exportsCatalogs.en;
    expect(lines[1]).toContain(
      `sign-in.failed,${en.auditKind['sign-in'].failed},${adminId},network-admin,${en.role['network-admin']},`,
    );
    expect(lines[1]).toContain('198.51.100.21');
    const { items } = await readAudit('?kind=export.csv&limit=1');
    expect(items[0]).toMatchObject({ actorId: adminId, targets: { form: 'audit' } });
  });

  it('words kinds and roles in the reader’s language, beside the codes, under the same header', async () => {
    const file = async (query: string, headers?: Record<string, string>) => {
      const res = await api.call('GET', `${auditPath()}?format=csv&kind=sign-in.failed${query}`, {
        token: adminToken,
        ...(headers ? { headers } : {}),
      });
      const text = await res.text();
      expect(res.status, text).toBe(200);
      return text.trim().split('\r\n');
    };
    const english = await file('');
    for (const [lng, lines] of [
      ['fr', await file('&lang=fr', { 'accept-language': 'es' })],
      ['pt', await file('', { 'accept-language': 'pt-BR,en;q=0.5' })],
    ] as const) {
      const words = exportsCatalogs[lng];
      expect(lines[0], lng).toBe(english[0]);
      expect(lines[1], lng).toContain(
        `sign-in.failed,${words.auditKind['sign-in'].failed},${adminId},network-admin,${words.role['network-admin']},`,
      );
      expect(words.auditKind['sign-in'].failed).not.toBe(
        exportsCatalogs.en.auditKind['sign-in'].failed,
      );
    }
    await expectProblem(
      await api.call('GET', `${auditPath()}?format=csv&lang=de`, { token: adminToken }),
      400,
      'lang',
    );
    await expectProblem(
      await api.call('GET', `/networks/${w.otherNetworkId}/audit?format=csv&lang=fr`, {
        token: adminToken,
      }),
      404,
    );
  });
});

describe('the audit trail records people coming and going', () => {
  const NEW_PASSWORD = 'a brand new passphrase 2718 never stored';
  /** The newest password-reset link mailed to `email`, waited for (it goes beside the answer). */
  async function resetToken(email: string): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const res = await api.call('GET', `/dev/outbox?to=${encodeURIComponent(email)}`, {
        token: api.operatorToken,
      });
      const { items } = await expectJson<{ items: { text: string }[] }>(res, 200);
      const token = items
        .map((m) => m.text.match(/\/password-reset\/([A-Za-z0-9_-]+)/)?.[1])
        .find(Boolean);
      if (token) return token;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no reset mail to ${email}`);
  }
  const entriesOf = async (kind: string, subjectId: string) =>
    (await networkAudit()).filter((e) => e.kind === kind && e.subjectId === subjectId);

  it('role and status changes of an organization’s people, and invitations sent again', async () => {
    const org = await createOrganization(api, w.networkId, w.tokens.admin);
    await acceptInvitation(api, org.coordinatorEmail, 'Staying Coordinator');
    const orgPath = `/networks/${w.networkId}/organizations/${org.id}`;
    const member = await expectJson<Member>(
      await api.call('POST', `${orgPath}/members`, {
        token: w.tokens.admin,
        body: { email: uniqueEmail('coming'), name: 'Coming Person' },
      }),
      201,
    );
    const sentBefore = (await entriesOf('invitation.sent', member.id)).length;
    await expectJson(
      await api.call('POST', `${orgPath}/members/${member.id}/invitation`, {
        token: w.tokens.admin,
      }),
      202,
    );
    expect(await entriesOf('invitation.sent', member.id)).toHaveLength(sentBefore + 1);
    await expectJson(
      await api.call('PATCH', `${orgPath}/members/${member.id}`, {
        token: w.tokens.admin,
        body: { role: 'coordinator' },
      }),
      200,
    );
    await expectJson(
      await api.call('PATCH', `${orgPath}/members/${member.id}`, {
        token: w.tokens.admin,
        body: { status: 'deactivated' },
      }),
      200,
    );
    const { items } = await readAudit(`?person=${adminId}&limit=100`);
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'role.changed',
        actorId: adminId,
        actorRole: 'network-admin',
        subjectId: member.id,
        targets: { organizationId: org.id, role: 'coordinator' },
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'status.changed',
        subjectId: member.id,
        targets: { organizationId: org.id, status: 'deactivated' },
      }),
    );
    // a change to what the person already has is no act
    await expectJson(
      await api.call('PATCH', `${orgPath}/members/${member.id}`, {
        token: w.tokens.admin,
        body: { role: 'coordinator' },
      }),
      200,
    );
    expect(await entriesOf('role.changed', member.id)).toHaveLength(1);
    // a refused change (the last active coordinator stays) records nothing
    const statusBefore = (await entriesOf('status.changed', org.coordinatorId)).length;
    await expectProblem(
      await api.call('PATCH', `${orgPath}/members/${org.coordinatorId}`, {
        token: w.tokens.admin,
        body: { status: 'deactivated' },
      }),
      422,
    );
    expect(await entriesOf('status.changed', org.coordinatorId)).toHaveLength(statusBefore);
  });

  it('admins invited, invited again, deactivated and given access back, in the network’s trail whoever acts', async () => {
    const adminsPath = `/networks/${w.networkId}/admins`;
    const invited = await expectJson<{ id: string }>(
      await api.call('POST', adminsPath, {
        token: api.operatorToken,
        body: { email: uniqueEmail('new-admin'), name: 'New Admin' },
      }),
      201,
    );
    await expectJson(
      await api.call('POST', `${adminsPath}/${invited.id}/invitation`, { token: adminToken }),
      202,
    );
    const sent = await entriesOf('invitation.sent', invited.id);
    expect(sent).toHaveLength(2);
    // the operator's act is in this network's trail, not the platform's
    expect(sent.map((e) => e.actorRole).sort()).toEqual(['network-admin', 'operator']);
    for (const status of ['deactivated', 'active'] as const) {
      await expectJson(
        await api.call('PATCH', `${adminsPath}/${invited.id}`, {
          token: adminToken,
          body: { status },
        }),
        200,
      );
    }
    const changes = await entriesOf('status.changed', invited.id);
    expect(changes.map((e) => (e.targets as Record<string, string>).status).sort()).toEqual([
      'deactivated',
      'invited',
    ]);
    expect(changes.every((e) => e.actorId === adminId)).toBe(true);
  });

  it('password resets asked for and completed, only when a mail goes out, never the password', async () => {
    const org = await createOrganization(api, w.networkId, w.tokens.admin);
    const session = await acceptInvitation(api, org.coordinatorEmail, 'Resetting Person');
    const personId = session.user.id;
    // an unknown email and an invited person get the same answer and leave no entry
    const before = (await networkAudit()).length;
    const platformBefore = (await platformAudit()).length;
    const member = await expectJson<Member>(
      await api.call('POST', `/networks/${w.networkId}/organizations/${org.id}/members`, {
        token: w.tokens.admin,
        body: { email: uniqueEmail('not-yet'), name: 'Not Yet' },
      }),
      201,
    );
    const afterInvite = (await networkAudit()).length;
    expect(afterInvite).toBe(before + 1);
    for (const email of [uniqueEmail('nobody-resets'), member.email]) {
      await expectJson(
        await api.call('POST', '/auth/password-reset', { body: { email }, ip: '198.51.100.41' }),
        202,
      );
    }
    expect((await networkAudit()).length).toBe(afterInvite);
    expect((await platformAudit()).length).toBe(platformBefore);

    await expectJson(
      await api.call('POST', '/auth/password-reset', {
        body: { email: org.coordinatorEmail },
        ip: '198.51.100.42',
      }),
      202,
    );
    const token = await resetToken(org.coordinatorEmail);
    await expectJson(
      await api.call('POST', `/password-reset/${token}`, { body: { password: NEW_PASSWORD } }),
      200,
    );
    const { items } = await readAudit(`?person=${personId}&limit=100`);
    expect(items).toContainEqual(
      expect.objectContaining({
        kind: 'password-reset.requested',
        actorId: personId,
        actorRole: 'coordinator',
        subjectId: personId,
        address: '198.51.100.42',
      }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'password-reset.completed', subjectId: personId }),
    );
    const all = JSON.stringify([...(await networkAudit()), ...(await platformAudit())]);
    expect(all).not.toContain(NEW_PASSWORD);
    expect(all).not.toContain(token);
    expect(all).not.toContain(org.coordinatorEmail);
  });
});
