import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@sisi/api';
import { platformTableName, RollupRepository } from '@sisi/data';
import {
  addMonths,
  approachIds,
  contributionOf,
  reviewSchedule,
  stages,
  sumContributions,
} from '@sisi/domain';
import {
  buildLocalDeps,
  type DynamoDbLocal,
  type LocalDeps,
  startDynamoDbLocal,
} from '@sisi/local';
import { createRollupHandler, mentorshipFactsFrom, type RollupRecord } from '@sisi/rollup';
import { combine, type LoadResult, runLoad } from './load.ts';

export const SMALL = 100;
export const LARGE = 20_000;
/**
 * Mentorships (with their reports) fed one by one to the rollup handler; the rest go in
 * the way `pnpm rollups:rebuild --fix` writes: the same contribution modules, summed, one
 * write per quarter. DynamoDB Local handles some 170 handler calls a second here, and
 * 20,000 mentorships make some 70,000 records.
 */
export const THROUGH_HANDLER = 2000;
/** Writers feeding the rollup handler while seeding. */
const SEED_CONCURRENCY = 16;
const ROUNDS = 3;
const PER_ROUND = 150;

export interface DonorSummaryResult {
  small: LoadResult;
  large: LoadResult;
  p50Ratio: number;
  p99Ratio: number;
  /** Seconds to feed the large network's first THROUGH_HANDLER mentorships to the handler. */
  seedSeconds: number;
  /** Handler calls per second while seeding. */
  seedRate: number;
  /** Stream records the large network's mentorships and reports make, all ways together. */
  records: number;
  quarters: number;
}

interface World {
  local: LocalDeps;
  dataDir: string;
  networkId: string;
  summary: () => Promise<void>;
  close(): Promise<void>;
}

let worlds = 0;
const mentorshipId = (i: number) => `benchm${i.toString(36).padStart(8, '0')}`;

/**
 * One network on the runtime's own wiring, a donor of it, thirty organizations through the
 * API (the stream poller rolls them up), and `mentorships` mentorships' worth of rollups:
 * each mentorship (start dates over three years, every stage, type and some approaches,
 * its review schedule) and a quarterly report for most of its past reviews, as stream
 * records. The first THROUGH_HANDLER mentorships' records go through the rollup handler
 * the poller and the Lambda use; the rest are summed by the same contribution modules and
 * written as the rebuild writes. The source items are not written: the summary never
 * reads them.
 */
async function world(db: DynamoDbLocal, mentorships: number) {
  const dataDir = await mkdtemp(join(tmpdir(), 'sisi-bench-donor-'));
  const prefix = `donor${++worlds}`;
  const local = await buildLocalDeps({
    endpoint: db.endpoint,
    tablePrefix: prefix,
    dataDir,
    baseUrl: 'http://localhost:3000',
  });
  const app = createApp(local.deps);
  const call = async <T>(
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
  ) => {
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  // the API checks every token against the directory (ADR 0031): the operator is in it
  const operatorUser = {
    id: 'bench-operator',
    email: 'operator@bench.org',
    name: 'Operator',
    roles: ['operator' as const],
  };
  await local.platform.transact(
    local.platform.createUserOps({
      ...operatorUser,
      status: 'active',
      createdAt: new Date().toISOString(),
    }),
  );
  const operator = await local.issuer.sign(operatorUser);
  const network = await call<{ id: string }>('POST', '/networks', operator, {
    name: 'Donor bench network',
    region: 'Bench',
    adminEmail: `admin@${prefix}.org`,
    adminName: 'Admin',
  });
  const accept = async (email: string, name: string) => {
    const [mail] = await local.outbox.list(email);
    const token = mail?.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
    return (
      await call<{ token: string }>('POST', `/invitations/${token}/accept`, undefined, {
        name,
        password: 'bench-password-long',
      })
    ).token;
  };
  const admin = await accept(`admin@${prefix}.org`, 'Admin');
  const rollups = new RollupRepository(local.doc, platformTableName(prefix));
  const rollup = createRollupHandler({
    rollups,
    mentorshipFacts: mentorshipFactsFrom((networkId) => local.deps.store({ networkId })),
  });
  const now = local.clock.now();
  const today = now.toISOString().slice(0, 10);
  const records: RollupRecord[] = [];
  let seq = 1;
  for (let i = 0; i < mentorships; i++) {
    const startDate = addMonths(today, -1 - (i % 36));
    const durationMonths = 6 + (i % 19);
    const schedule = reviewSchedule(startDate, durationMonths);
    const id = mentorshipId(i);
    const mentorship = {
      PK: `MENTORSHIP#${id}`,
      SK: 'MENTORSHIP',
      entity: 'mentorship',
      id,
      startDate,
      durationMonths,
      stage: stages[i % stages.length],
      type: i % 3 === 0 ? 'one-to-many' : 'one-to-one',
      approaches: [approachIds[i % approachIds.length], approachIds[(i * 7) % approachIds.length]],
      schedule,
    };
    records.push({
      networkId: network.id,
      eventName: 'INSERT',
      sequenceNumber: String(seq++),
      keys: { PK: mentorship.PK, SK: mentorship.SK },
      newImage: mentorship,
    });
    schedule.quarterlyReviews.forEach((dueDate, p) => {
      if (dueDate >= today || (i + p) % 5 === 0) return; // some never come in
      const late = (i + p) % 4 === 0;
      records.push({
        networkId: network.id,
        eventName: 'INSERT',
        sequenceNumber: String(seq++),
        keys: { PK: mentorship.PK, SK: `REPORT#${String(p + 1).padStart(3, '0')}` },
        newImage: {
          PK: mentorship.PK,
          SK: `REPORT#${String(p + 1).padStart(3, '0')}`,
          entity: 'quarterly-report',
          dueDate,
          submittedAt: `${addMonths(dueDate, late ? 1 : 0)}T10:00:00.000Z`,
          totalHours: 1 + ((i + p) % 12),
        },
      });
    });
  }
  // everything but the first THROUGH_HANDLER mentorships' records: summed, written at once
  const cut = records.findIndex((r) => r.keys.PK === `MENTORSHIP#${mentorshipId(THROUGH_HANDLER)}`);
  const viaHandler = cut < 0 ? records : records.slice(0, cut);
  const bulk = cut < 0 ? [] : records.slice(cut);
  const starts = new Map(
    bulk
      .filter((r) => r.newImage?.entity === 'mentorship')
      .map((r) => [String(r.newImage!.id), { startDate: String(r.newImage!.startDate) }]),
  );
  const total = sumContributions(
    bulk.map((r) => contributionOf(r.newImage, { mentorship: (id) => starts.get(id) })),
  );
  await rollups.replaceNetwork(network.id, { quarters: total.counters, labels: total.labels }, []);

  // thirty organizations through the API, so their rollups come from the real stream
  for (let i = 0; i < 30; i++) {
    await call('POST', `/networks/${network.id}/organizations`, admin, {
      name: `Bench organization ${i}`,
      country: 'KE',
      keyPopulations: [['msm'], ['sex-workers'], ['transgender', 'msm']][i % 3],
      kpLed: i % 4 !== 0,
      coordinatorEmail: `coord${i}@${prefix}.org`,
      coordinatorName: `Coordinator ${i}`,
    });
  }
  await call('POST', '/donors', operator, {
    email: `donor@${prefix}.org`,
    name: 'Bench fund',
    networkIds: [network.id],
  });
  const donor = await accept(`donor@${prefix}.org`, 'Bench fund');
  await local.rollups.drain();

  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: SEED_CONCURRENCY }, async () => {
      while (next < viaHandler.length) {
        const r = viaHandler[next++]!;
        await rollup.apply(r);
      }
    }),
  );
  const seedSeconds = (performance.now() - started) / 1000;
  const summary = async () => {
    const res = await app.request('/api/v1/summary', {
      headers: { authorization: `Bearer ${donor}` },
    });
    if (res.status !== 200) throw new Error(`summary: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const w: World = {
    local,
    dataDir,
    networkId: network.id,
    summary,
    async close() {
      await local.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return { world: w, seedSeconds, handled: viaHandler.length, records: records.length };
}

/**
 * `GET /summary` for a donor of one network holding 20,000 mentorships against one holding
 * 100, in the same run, same DynamoDB Local, rounds interleaved: the summary reads the
 * aggregates (one item per quarter), never the mentorships, so the two should match.
 */
export async function benchDonorSummary(): Promise<DonorSummaryResult> {
  const db = await startDynamoDbLocal({ inMemory: true });
  const worldsOpen: World[] = [];
  try {
    const small = await world(db, SMALL);
    worldsOpen.push(small.world);
    const large = await world(db, LARGE);
    worldsOpen.push(large.world);
    const quarters = Object.keys(
      (
        await new RollupRepository(
          large.world.local.doc,
          platformTableName(`donor${worlds}`),
        ).getNetwork(large.world.networkId)
      ).quarters,
    ).length;
    await runLoad(small.world.summary, { total: 50, concurrency: 1 });
    await runLoad(large.world.summary, { total: 50, concurrency: 1 });
    const smallRounds: LoadResult[] = [];
    const largeRounds: LoadResult[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      smallRounds.push(await runLoad(small.world.summary, { total: PER_ROUND, concurrency: 1 }));
      largeRounds.push(await runLoad(large.world.summary, { total: PER_ROUND, concurrency: 1 }));
    }
    const s = combine(smallRounds);
    const l = combine(largeRounds);
    return {
      small: s,
      large: l,
      p50Ratio: l.p50 / s.p50,
      p99Ratio: l.p99 / s.p99,
      seedSeconds: large.seedSeconds,
      seedRate: large.handled / large.seedSeconds,
      records: large.records,
      quarters,
    };
  } finally {
    for (const w of worldsOpen) await w.close();
    await db.stop();
  }
}
