import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { networkTableName, padSequence, platformTableName } from '@sisi/data';
import { quarterOf } from '@sisi/domain';
import { rebuildLocalRollups } from '@sisi/local';
import { createRollupHandler, mentorshipFactsFrom, type RollupRecord } from '@sisi/rollup';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { createOrganization, type Organization } from '../support/fixtures.ts';
import { createMentorship, type Mentorship } from '../support/mentorships.ts';
import { expectJson } from '../support/problem.ts';
import { reportBody, submitReport } from '../support/quarterly-reports.ts';
import { aggregatesOf, rebuild, rollupsOf } from '../support/rollups.ts';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

/** A network with two organizations, ready for mentorships. */
async function world() {
  const { networkId, adminToken } = await api.createNetwork('Rollup network');
  const a = await createOrganization(api, networkId, adminToken, {
    keyPopulations: ['msm', 'transgender'],
    nameVisibleToDonors: true,
  });
  const b = await createOrganization(api, networkId, adminToken, { kpLed: false });
  return { networkId, adminToken, orgs: [a, b] as Organization[] };
}

describe('the stream poller and the rollup handler over DynamoDB Local', () => {
  it('keeps the rollups equal to the rebuild after every write', async () => {
    const w = await world();
    const m = await createMentorship(api, w.networkId, w.adminToken, {
      mentorOrganizationId: w.orgs[0]!.id,
      menteeOrganizationIds: [w.orgs[1]!.id],
      startDate: '2025-02-10',
      durationMonths: 12,
    });
    await submitReport(api, w.networkId, m.id, w.adminToken, reportBody(1, '2025-05-01'));
    await api.local.rollups.drain();
    const stored = await aggregatesOf(api, w.networkId);
    expect(stored.quarters['2025-Q1']).toMatchObject({
      mentorships: 1,
      'mentorships.stage:build-relationship': 1,
      'mentorships.type:one-to-one': 1,
    });
    expect(stored.quarters['2025-Q2']).toMatchObject({
      'quarterlyReports.due@2025-05-10': 1,
      'quarterlyReports.submitted@2025-05-10': 1,
      interactionHours: 8.25,
      'interactionHours#n': 1,
    });
    expect(Object.values(stored.labels)).toEqual([w.orgs[0]!.name]);
    expect((await rebuild(api, [w.networkId])).drift).toEqual([]);
  });

  it('changes nothing when every stream record is read again from the start', async () => {
    const w = await world();
    const m = await createMentorship(api, w.networkId, w.adminToken, {
      mentorOrganizationId: w.orgs[0]!.id,
      menteeOrganizationIds: [w.orgs[1]!.id],
    });
    await api.call('PATCH', `/networks/${w.networkId}/organizations/${w.orgs[1]!.id}`, {
      token: w.adminToken,
      body: { version: 1, kpLed: true, keyPopulations: ['sex-workers', 'msm'] },
    });
    await api.call('POST', `/networks/${w.networkId}/mentorships/${m.id}/end`, {
      token: w.adminToken,
      body: { kind: 'natural', reason: 'done' },
    });
    await api.local.rollups.drain();
    const before = await aggregatesOf(api, w.networkId);
    // forget every shard position of this network's stream: the poller reads it all again
    const doc = api.local.doc;
    const { Table } = await api.local.dynamo.send(
      new DescribeTableCommand({ TableName: networkTableName(api.prefix, w.networkId) }),
    );
    const streamArn = Table!.LatestStreamArn!;
    const checkpoints = await rollupsOf(api).listCheckpoints(streamArn);
    expect(checkpoints.length).toBeGreaterThan(0);
    for (const c of checkpoints) {
      await doc.send(
        new DeleteCommand({
          TableName: platformTableName(api.prefix),
          Key: { PK: `STREAM#${streamArn}`, SK: `SHARD#${c.shardId}` },
        }),
      );
    }
    expect(await api.local.rollups.pass()).toBeGreaterThan(0);
    expect(await aggregatesOf(api, w.networkId)).toEqual(before);
    // the edit and the ending are in: both organizations KP-led now, the mentorship ended
    expect(before.quarters[quarterOf(w.orgs[1]!.createdAt)]).toMatchObject({
      organizations: 2,
      'organizations.kpLed:yes': 2,
      'organizations.keyPopulation:sex-workers': 1,
    });
    expect(before.quarters[quarterOf(m.startDate)]).toMatchObject({ 'mentorships.stage:end': 1 });
  });

  it('resumes from its checkpoints after a restart: nothing is read twice', async () => {
    const w = await world();
    await api.local.rollups.drain();
    await api.restart();
    expect(await api.local.rollups.pass()).toBe(0);
    await createOrganization(api, w.networkId, w.adminToken);
    expect(await api.local.rollups.pass()).toBeGreaterThan(0);
    expect((await rebuild(api, [w.networkId])).drift).toEqual([]);
  });
});

describe('the rollup handler', () => {
  const handler = () =>
    createRollupHandler({
      rollups: rollupsOf(api),
      mentorshipFacts: mentorshipFactsFrom((networkId) => api.local.deps.store({ networkId })),
    });
  const orgImage = (kpLed: boolean) => ({
    PK: 'ORG#handlerorg1',
    SK: 'ORG',
    entity: 'organization',
    id: 'handlerorg1',
    name: 'Handler org',
    createdAt: '2025-08-01T00:00:00.000Z',
    kpLed,
    keyPopulations: ['msm'],
  });
  const record = (seq: string, kpLed: boolean, networkId: string): RollupRecord => ({
    networkId,
    eventName: 'MODIFY',
    sequenceNumber: seq,
    keys: { PK: 'ORG#handlerorg1', SK: 'ORG' },
    newImage: orgImage(kpLed),
  });

  it('applies a record once: a replay or an older record changes nothing', async () => {
    const networkId = 'handler-net-1';
    const h = handler();
    expect(await h.apply(record('100', true, networkId))).toBe('applied');
    const once = await aggregatesOf(api, networkId);
    expect(await h.apply(record('100', true, networkId))).toBe('stale');
    expect(await h.apply(record('99', false, networkId))).toBe('stale');
    expect(await aggregatesOf(api, networkId)).toEqual(once);
    expect(await h.apply(record('101', false, networkId))).toBe('applied');
    expect((await aggregatesOf(api, networkId)).quarters['2025-Q3']).toEqual({
      organizations: 1,
      'organizations.keyPopulation:msm': 1,
      'organizations.kpLed:no': 1,
    });
    expect(
      await h.apply({
        ...record('102', false, networkId),
        eventName: 'REMOVE',
        newImage: undefined,
        oldImage: orgImage(false),
      }),
    ).toBe('applied');
    expect((await aggregatesOf(api, networkId)).quarters).toEqual({ '2025-Q3': {} });
  });

  it('settles on the newest record when the same records race and repeat', async () => {
    const networkId = 'handler-net-2';
    const h = handler();
    const records = Array.from({ length: 12 }, (_, i) =>
      record(String(200 + i), i % 2 === 0, networkId),
    );
    // every record three times, in a shuffled order, several at once
    const shuffled = [...records, ...records, ...records].sort(() => Math.random() - 0.5);
    await Promise.all(shuffled.map((r) => h.apply(r)));
    const stored = await rollupsOf(api).getContribution(networkId, {
      PK: 'ORG#handlerorg1',
      SK: 'ORG',
    });
    expect(stored?.seq).toBe(padSequence('211'));
    expect((await aggregatesOf(api, networkId)).quarters['2025-Q3']).toEqual({
      organizations: 1,
      'organizations.keyPopulation:msm': 1,
      'organizations.kpLed:no': 1,
    });
  });
});

describe('rebuild', () => {
  it('reports drift injected into the stored rollups, and --fix repairs it', async () => {
    const w = await world();
    await createMentorship(api, w.networkId, w.adminToken, {
      mentorOrganizationId: w.orgs[0]!.id,
      menteeOrganizationIds: [w.orgs[1]!.id],
      startDate: '2025-04-02',
    });
    await api.local.rollups.drain();
    const good = await aggregatesOf(api, w.networkId);
    const table = platformTableName(api.prefix);
    await api.local.doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { PK: `ROLLUP#${w.networkId}`, SK: 'Q#2025-Q2' },
        UpdateExpression: 'ADD #c :one',
        ExpressionAttributeNames: { '#c': 'c#mentorships.stage:monitor' },
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    await api.local.doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { PK: `ROLLUP#${w.networkId}`, SK: 'LABELS' },
        UpdateExpression: 'SET #l = :name',
        ExpressionAttributeNames: { '#l': `l#org:${w.orgs[1]!.id}` },
        ExpressionAttributeValues: { ':name': 'Not opted in' },
      }),
    );
    const found = await rebuild(api, [w.networkId]);
    expect(found.drift).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'counter',
          where: '2025-Q2',
          name: 'mentorships.stage:monitor',
          stored: 1,
          expected: 0,
        }),
        expect.objectContaining({ kind: 'label', stored: 'Not opted in', expected: null }),
      ]),
    );
    expect(found.drift).toHaveLength(2);
    // what `pnpm rollups:rebuild` runs: every network of the platform table
    const all = await rebuildLocalRollups(api.local, api.prefix, { fix: false });
    expect(all.drift.filter((d) => d.networkId === w.networkId)).toEqual(found.drift);
    await rebuild(api, [w.networkId], { fix: true });
    expect((await rebuild(api, [w.networkId])).drift).toEqual([]);
    expect(await aggregatesOf(api, w.networkId)).toEqual(good);
  });
});

/** One write to the network, chosen at random. */
type Write =
  | { kind: 'organization'; kpLed: boolean; named: boolean }
  | { kind: 'edit-organization'; pick: number; kpLed: boolean; named: boolean }
  | { kind: 'mentorship'; mentor: number; start: string; months: number }
  | { kind: 'stage'; pick: number; back: boolean }
  | { kind: 'end'; pick: number }
  | { kind: 'plan'; pick: number; areas: string[]; formats: string[] }
  | { kind: 'report'; pick: number; period: number }
  | { kind: 'gathering'; pick: number; date: string };

const writeArb: fc.Arbitrary<Write> = fc.oneof(
  fc.record({
    kind: fc.constant('organization' as const),
    kpLed: fc.boolean(),
    named: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('edit-organization' as const),
    pick: fc.nat(),
    kpLed: fc.boolean(),
    named: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('mentorship' as const),
    mentor: fc.nat(),
    start: fc.constantFrom('2025-01-31', '2025-05-15', '2025-11-30', '2026-02-01'),
    months: fc.integer({ min: 3, max: 15 }),
  }),
  fc.record({ kind: fc.constant('stage' as const), pick: fc.nat(), back: fc.boolean() }),
  fc.record({ kind: fc.constant('end' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('plan' as const),
    pick: fc.nat(),
    areas: fc.subarray(['advocacy', 'adherence', 'networking']),
    formats: fc.subarray(['telementoring', 'twinning', 'resource-referral']),
  }),
  fc.record({
    kind: fc.constant('report' as const),
    pick: fc.nat(),
    period: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant('gathering' as const),
    pick: fc.nat(),
    date: fc.constantFrom('2025-03-03', '2025-09-09', '2026-01-20'),
  }),
);

describe('after a random sequence of writes', () => {
  it('the stored rollups equal the rebuild', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(writeArb, { minLength: 4, maxLength: 14 }), async (writes) => {
        const w = await world();
        const orgs = [...w.orgs];
        const mentorships: Mentorship[] = [];
        const path = `/networks/${w.networkId}`;
        const call = (method: string, p: string, body: unknown) =>
          api.call(method, `${path}${p}`, { token: w.adminToken, body });
        for (const write of writes) {
          const m = mentorships.length
            ? mentorships[('pick' in write ? write.pick : 0) % mentorships.length]!
            : undefined;
          switch (write.kind) {
            case 'organization':
              orgs.push(
                await createOrganization(api, w.networkId, w.adminToken, {
                  kpLed: write.kpLed,
                  nameVisibleToDonors: write.named,
                }),
              );
              break;
            case 'edit-organization': {
              const o = orgs[write.pick % orgs.length]!;
              const current = await expectJson<Organization>(
                await api.call('GET', `${path}/organizations/${o.id}`, { token: w.adminToken }),
                200,
              );
              await call('PATCH', `/organizations/${o.id}`, {
                version: current.version,
                kpLed: write.kpLed,
                nameVisibleToDonors: write.named,
              });
              break;
            }
            case 'mentorship': {
              const mentor = orgs[write.mentor % orgs.length]!;
              const mentee = orgs.find((o) => o.id !== mentor.id)!;
              mentorships.push(
                await createMentorship(api, w.networkId, w.adminToken, {
                  mentorOrganizationId: mentor.id,
                  menteeOrganizationIds: [mentee.id],
                  startDate: write.start,
                  durationMonths: write.months,
                }),
              );
              break;
            }
            case 'stage':
              if (m) {
                for (const o of [m.mentorOrganizationId, ...m.menteeOrganizationIds]) {
                  await call('POST', `/mentorships/${m.id}/agreements`, {
                    organizationId: o,
                    onBehalf: true,
                  });
                }
                await call('POST', `/mentorships/${m.id}/stage`, {
                  stage: write.back ? 'build-relationship' : 'identify-expectations',
                  reason: 'random walk',
                });
              }
              break;
            case 'end':
              if (m)
                await call('POST', `/mentorships/${m.id}/end`, {
                  kind: 'natural',
                  reason: 'random',
                });
              break;
            case 'plan':
              if (m) {
                const plan = await api.call('GET', `${path}/mentorships/${m.id}/plan`, {
                  token: w.adminToken,
                });
                // a plan not saved yet reads null
                const version =
                  plan.status === 200
                    ? (((await plan.json()) as { version: number } | null)?.version ?? 0)
                    : 0;
                await call('PUT', `/mentorships/${m.id}/plan`, {
                  version,
                  technicalAreas: write.areas,
                  formats: write.formats,
                });
              }
              break;
            case 'report':
              if (m && write.period <= m.schedule.quarterlyReviews.length) {
                await call(
                  'POST',
                  `/mentorships/${m.id}/quarterly-reports`,
                  reportBody(write.period, '2030-01-01'),
                );
              }
              break;
            case 'gathering':
              if (m) {
                await call('POST', `/mentorships/${m.id}/gatherings`, {
                  approach: 'telementoring',
                  title: 'Call',
                  date: write.date,
                });
              }
              break;
          }
        }
        await api.local.rollups.drain();
        const result = await rebuild(api, [w.networkId]);
        expect(result.drift).toEqual([]);
        expect(result.items).toBeGreaterThanOrEqual(orgs.length);
      }),
      { numRuns: 6 },
    );
  });
});

describe('queries the rebuild relies on', () => {
  it('lists contributions by network through the index, not a Scan', async () => {
    const w = await world();
    await api.local.rollups.drain();
    const listed = await rollupsOf(api).listContributions(w.networkId);
    expect([...listed.keys()].sort()).toEqual(w.orgs.map((o) => `ORG#${o.id}#ORG`).sort());
    const out = await api.local.doc.send(
      new QueryCommand({
        TableName: platformTableName(api.prefix),
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `ROLLUP#${w.networkId}` },
      }),
    );
    expect(out.Items?.map((i) => i.SK).sort()).toEqual(['LABELS', expect.stringMatching(/^Q#/)]);
  });
});
