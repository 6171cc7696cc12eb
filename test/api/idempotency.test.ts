import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { requestHash } from '@sisi/api';
import { platformTableName } from '@sisi/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { testDynamo } from '../support/dynamo.ts';
import { organizationBody, uniqueEmail } from '../support/fixtures.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { createMentorship, mentorshipPath, mentorshipsPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { reportBody, reportsPath } from '../support/quarterly-reports.ts';
import { summaryBody, summaryReportsPath } from '../support/summary-reports.ts';

let api: TestApi;
let w: MentorshipWorld;
const DAY = 86_400;

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Idempotency');
});
afterAll(() => api.close());

/** Who the kept record belongs to: the caller's id, from the token's claims. */
const subjectOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;

const rawRecord = async (token: string, path: string, key: string) =>
  (
    await testDynamo().doc.send(
      new GetCommand({
        TableName: platformTableName(api.prefix),
        Key: { PK: `IDEMPOTENCY#${subjectOf(token)}#/api/v1${path}#${key}`, SK: 'IDEMPOTENCY' },
        ConsistentRead: true,
      }),
    )
  ).Item;

/** How many things a list route shows (`?limit=100`: every one in these small worlds). */
async function count(path: string, token: string): Promise<number> {
  const page = await expectJson<{ items: unknown[] }>(
    await api.call('GET', `${path}?limit=100`, { token }),
    200,
  );
  return page.items.length;
}

interface Family {
  name: string;
  /** The create route; its list is the GET of the same path. */
  path: () => Promise<string>;
  token: () => string;
  body: () => Record<string, unknown>;
}

/** One create route per family of the spec. */
const families: Family[] = [
  {
    name: 'organizations (the coordinator invited)',
    path: async () => `/networks/${w.networkId}/organizations`,
    token: () => w.tokens.admin,
    body: () => organizationBody(),
  },
  {
    name: 'organization members (invited)',
    path: async () => `/networks/${w.networkId}/organizations/${w.mentee.id}/members`,
    token: () => w.tokens.admin,
    body: () => ({ email: uniqueEmail('idem'), name: 'Idem Potent' }),
  },
  {
    name: 'mentorships',
    path: async () => mentorshipsPath(w.networkId),
    token: () => w.tokens.admin,
    body: () => ({
      startDate: '2025-01-15',
      durationMonths: 12,
      mentorOrganizationId: w.mentor.id,
      menteeOrganizationIds: [w.mentee.id],
    }),
  },
  {
    name: 'summary reports',
    path: async () => {
      const m = await createMentorship(api, w.networkId, w.tokens.admin, {
        mentorOrganizationId: w.mentor.id,
        menteeOrganizationIds: [w.mentee.id],
      });
      return summaryReportsPath(w.networkId, m.id);
    },
    token: () => w.tokens.mentorCoordinator,
    body: () => summaryBody({ organizationIds: [w.mentee.id] }),
  },
  {
    name: 'quarterly reports',
    path: async () => {
      const m = await createMentorship(api, w.networkId, w.tokens.admin, {
        mentorOrganizationId: w.mentor.id,
        menteeOrganizationIds: [w.mentee.id],
      });
      return reportsPath(w.networkId, m.id);
    },
    token: () => w.tokens.mentorCoordinator,
    body: () => reportBody(1),
  },
  {
    name: 'coaching groups',
    path: async () => `/networks/${w.networkId}/coaching-groups`,
    token: () => w.tokens.admin,
    body: () => ({
      name: `Circle ${randomUUID().slice(0, 6)}`,
      memberIds: [w.mentee.coordinatorId, w.participantId],
      facilitatorId: w.mentor.coordinatorId,
    }),
  },
  {
    name: 'coaching programs',
    path: async () => `/networks/${w.networkId}/coaching-programs`,
    token: () => w.tokens.mentorCoordinator,
    body: () => ({
      organizationId: w.mentor.id,
      name: `Pilot ${randomUUID().slice(0, 6)}`,
      objectives: ['Better listening'],
      kpis: [{ name: 'Sessions held per pair', target: 6, unit: 'sessions' }],
      pilot: true,
      pairingMode: 'fixed',
    }),
  },
];

describe('Idempotency-Key: 20 concurrent requests with one key', () => {
  for (const family of families) {
    it(`${family.name}: exactly one created, every answer the same`, async () => {
      const path = await family.path();
      const token = family.token();
      const body = family.body();
      const key = `concurrent-${randomUUID()}`;
      const before = await count(path, token);
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          api.call('POST', path, { token, body, headers: { 'idempotency-key': key } }),
        ),
      );
      const texts = await Promise.all(answers.map((r) => r.text()));
      expect(
        answers.map((r) => r.status),
        texts.find((_t, i) => answers[i]!.status !== 201),
      ).toEqual(Array(20).fill(201));
      // one did the work; the 19 others answered its result
      expect(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(
        19,
      );
      const first = JSON.parse(texts[0]!) as { id?: string };
      for (const text of texts) expect(JSON.parse(text)).toEqual(first);
      expect(await count(path, token)).toBe(before + 1);

      // a later retry, too
      const retry = await api.call('POST', path, {
        token,
        body,
        headers: { 'idempotency-key': key },
      });
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await expectJson(retry, 201)).toEqual(first);
      expect(await count(path, token)).toBe(before + 1);
    });
  }
});

describe('Idempotency-Key: a key reused, in progress, expiring', () => {
  const orgsPath = () => `/networks/${w.networkId}/organizations`;

  it('answers 422 naming Idempotency-Key to the same key with another body; nothing written', async () => {
    const key = `reused-${randomUUID()}`;
    const headers = { 'idempotency-key': key };
    await expectJson(
      await api.call('POST', orgsPath(), {
        token: w.tokens.admin,
        body: organizationBody(),
        headers,
      }),
      201,
    );
    const before = await api.countItems([w.networkId]);
    const problem = await expectProblem(
      await api.call('POST', orgsPath(), {
        token: w.tokens.admin,
        body: organizationBody(),
        headers,
      }),
      422,
      'Idempotency-Key',
    );
    expect(problem.type).toBe('https://sisi.dev/problems/idempotency-key-reused');
    expect(await api.countItems([w.networkId])).toBe(before);
  });

  it('answers 409 …/idempotency-in-progress while the first request still runs, then its answer', async () => {
    const key = `running-${randomUUID()}`;
    const body = organizationBody();
    const text = JSON.stringify(body);
    const path = orgsPath();
    const now = new Date().toISOString();
    // the first request's claim, as a request still working holds it
    const record = {
      PK: `IDEMPOTENCY#${subjectOf(w.tokens.admin)}#/api/v1${path}#${key}`,
      SK: 'IDEMPOTENCY',
      entity: 'idempotency',
      state: 'running',
      requestHash: requestHash('POST', `/api/v1${path}`, new TextEncoder().encode(text)),
      claimId: 'the-first-request',
      claimedAt: now,
      createdAt: now,
    };
    const { doc } = testDynamo();
    await doc.send(new PutCommand({ TableName: platformTableName(api.prefix), Item: record }));
    const before = await api.countItems([w.networkId]);
    const started = Date.now();
    const problem = await expectProblem(
      await api.call('POST', path, {
        token: w.tokens.admin,
        body: text,
        headers: { 'idempotency-key': key },
      }),
      409,
    );
    // it waited (about 5 s) for the first one before giving up
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_500);
    expect(problem.type).toBe('https://sisi.dev/problems/idempotency-in-progress');
    expect(problem.type).not.toBe('https://sisi.dev/problems/conflict');
    expect(await api.countItems([w.networkId])).toBe(before);

    // the first one finishes: the retry gets its answer
    await doc.send(
      new PutCommand({
        TableName: platformTableName(api.prefix),
        Item: {
          ...record,
          state: 'done',
          status: 201,
          body: JSON.stringify({ id: 'made-by-the-first' }),
          contentType: 'application/json',
        },
      }),
    );
    const retry = await api.call('POST', path, {
      token: w.tokens.admin,
      body: text,
      headers: { 'idempotency-key': key },
    });
    expect(await expectJson(retry, 201)).toEqual({ id: 'made-by-the-first' });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
  }, 15_000);

  it('releases the key when the work fails, so a retry with it does the work', async () => {
    const headers = { 'idempotency-key': `failing-${randomUUID()}` };
    const path = `/networks/${w.networkId}/organizations/${w.mentee.id}/members`;
    const email = uniqueEmail('taken');
    await expectJson(
      await api.call('POST', path, { token: w.tokens.admin, body: { email, name: 'First' } }),
      201,
    );
    // the email is taken: 409, and the key is not kept
    await expectProblem(
      await api.call('POST', path, {
        token: w.tokens.admin,
        body: { email, name: 'Second' },
        headers,
      }),
      409,
      'email',
    );
    expect(await rawRecord(w.tokens.admin, path, headers['idempotency-key'])).toBeUndefined();
    // so the corrected retry with the same key is done (not a 422 for another body)
    const fresh = uniqueEmail('fresh');
    const member = await expectJson<{ email: string }>(
      await api.call('POST', path, {
        token: w.tokens.admin,
        body: { email: fresh, name: 'Second' },
        headers,
      }),
      201,
    );
    expect(member.email).toBe(fresh);
  });

  it('keeps a key 30 days (TTL attribute), with the request hash and the answer', async () => {
    const key = `kept-${randomUUID()}`;
    const path = orgsPath();
    const body = organizationBody();
    const res = await api.call('POST', path, {
      token: w.tokens.admin,
      body,
      headers: { 'idempotency-key': key },
    });
    const org = await expectJson<{ id: string }>(res, 201);
    const item = await rawRecord(w.tokens.admin, path, key);
    expect(item).toMatchObject({
      state: 'done',
      status: 201,
      requestHash: requestHash(
        'POST',
        `/api/v1${path}`,
        new TextEncoder().encode(JSON.stringify(body)),
      ),
    });
    expect(JSON.parse(item?.body as string)).toEqual(org);
    const created = Math.floor(api.local.deps.clock.now().getTime() / 1000);
    expect(item?.ttl).toBeGreaterThanOrEqual(created + 30 * DAY - 60);
    expect(item?.ttl).toBeLessThanOrEqual(created + 30 * DAY + 60);
  });
});

describe('Idempotency-Key on a versioned PUT', () => {
  it('replays the first save to a retry instead of a 409 from its own write', async () => {
    const m = await createMentorship(api, w.networkId, w.tokens.admin, {
      mentorOrganizationId: w.mentor.id,
      menteeOrganizationIds: [w.mentee.id],
    });
    const path = `${mentorshipPath(w.networkId, m.id)}/plan`;
    const body = { version: 0, intendedOutcome: 'A costed advocacy plan' };
    const headers = { 'idempotency-key': `plan-${randomUUID()}` };
    const first = await expectJson<{ version: number }>(
      await api.call('PUT', path, { token: w.tokens.admin, body, headers }),
      200,
    );
    expect(first.version).toBe(1);
    const retry = await api.call('PUT', path, { token: w.tokens.admin, body, headers });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await expectJson(retry, 200)).toEqual(first);
    // without the key the same body is the stale save it is
    await expectProblem(
      await api.call('PUT', path, { token: w.tokens.admin, body }),
      409,
      'version',
    );
    // and twenty at once save once
    const next = { version: 1, intendedOutcome: 'A costed plan, revised' };
    const key = { 'idempotency-key': `plan-${randomUUID()}` };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.call('PUT', path, { token: w.tokens.admin, body: next, headers: key }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    const saved = await expectJson<{ version: number }>(
      await api.call('GET', path, { token: w.tokens.admin }),
      200,
    );
    expect(saved.version).toBe(2);
  });
});
