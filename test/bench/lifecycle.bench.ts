import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createApp } from '@sisi/api';
import { createDocumentClient, networkTableName } from '@sisi/data';
import { executionInput, executionName, type Mentorship } from '@sisi/domain';
import {
  buildLocalDeps,
  type DynamoDbLocal,
  dynamoDbLocalClientConfig,
  type LocalDeps,
  startDynamoDbLocal,
} from '@sisi/local';

/** Step Functions Standard: $0.025 per 1,000 state transitions. */
export const USD_PER_TRANSITION = 0.025 / 1000;
export const TRANSITIONS_PER_YEAR_TARGET = 40;
export const ACTIVE_MENTORSHIPS = 2000;
/** The runner's chains side by side (its default), and the baseline's writers. */
const CONCURRENCY = 8;
const DAY_MS = 86_400_000;

export interface TransitionsResult {
  /** Never a report: every quarterly review reminded and escalated (the most states). */
  noReports: { transitions: number; perYear: number; usdPerYear: number };
  /** Every report in before its reminder. */
  reportsInTime: { transitions: number; perYear: number; usdPerYear: number };
}

export interface QuarterResult {
  mentorships: number;
  /** Wall time of `clock.advance({ advanceDays: 92 })`, i.e. until every due step had run. */
  advanceSeconds: number;
  /** Writing as many items with PutItem, same concurrency, same DynamoDB Local (mean of 2). */
  putSeconds: number;
  ratio: number;
  transitions: number;
  mails: number;
  setupSeconds: number;
}

/** One network with a mentor and a mentee organization, on the runtime's own wiring. */
interface World {
  local: LocalDeps;
  networkId: string;
  adminToken: string;
  mentorId: string;
  menteeId: string;
  dataDir: string;
  call<T>(method: string, path: string, token: string, body?: unknown): Promise<T>;
  day(days: number): string;
  close(): Promise<void>;
}

let worlds = 0;

async function world(db: DynamoDbLocal): Promise<World> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sisi-bench-lifecycle-'));
  const local = await buildLocalDeps({
    endpoint: db.endpoint,
    tablePrefix: `bench${++worlds}`,
    dataDir,
    baseUrl: 'http://localhost:3000',
    workflowRetryDelayMs: 0,
  });
  const app = createApp(local.deps);
  const call = async <T>(method: string, path: string, token: string, body?: unknown) => {
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
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
    name: 'Lifecycle bench network',
    region: 'Bench',
    adminEmail: 'admin@bench.org',
    adminName: 'Admin',
  });
  const [invitation] = await local.outbox.list('admin@bench.org');
  const token = invitation?.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
  const accepted = await app.request(`/api/v1/invitations/${token}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Admin', password: 'bench-admin-password' }),
  });
  const adminToken = ((await accepted.json()) as { token: string }).token;
  const org = (name: string, email: string) =>
    call<{ id: string }>('POST', `/networks/${network.id}/organizations`, adminToken, {
      name,
      country: 'KE',
      keyPopulations: ['msm'],
      kpLed: true,
      coordinatorEmail: email,
      coordinatorName: `${name} coordinator`,
    });
  const mentor = await org('Bench mentor', 'mentor@bench.org');
  const mentee = await org('Bench mentee', 'mentee@bench.org');
  return {
    local,
    networkId: network.id,
    adminToken,
    mentorId: mentor.id,
    menteeId: mentee.id,
    dataDir,
    call,
    day: (days) => new Date(local.clock.now().getTime() + days * DAY_MS).toISOString().slice(0, 10),
    async close() {
      await local.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const createMentorship = (w: World, startDate: string) =>
  w.call<Mentorship>('POST', `/networks/${w.networkId}/mentorships`, w.adminToken, {
    mentorOrganizationId: w.mentorId,
    menteeOrganizationIds: [w.menteeId],
    startDate,
    durationMonths: 24,
  });

/**
 * State transitions of one 24-month mentorship, created through the API (which starts its
 * chain) and driven to its end a week at a time; counted from the runner's event log. With
 * `reportsInTime`, each quarterly report is submitted at the first step after its request,
 * so within 7 days, before its reminder (+14).
 */
async function transitionsOf(db: DynamoDbLocal, reportsInTime: boolean) {
  const w = await world(db);
  try {
    const m = await createMentorship(w, w.day(10));
    const pending = new Map(m.schedule.quarterlyReviews.map((d, i) => [i + 1, d]));
    const last = Date.parse(m.schedule.endReview) + 40 * DAY_MS;
    while (w.local.clock.now().getTime() < last) {
      await w.local.clock.advance({ advanceDays: 7 });
      for (const [period, due] of reportsInTime ? pending : []) {
        if (due >= w.day(0)) continue;
        pending.delete(period);
        await w.call(
          'POST',
          `/networks/${w.networkId}/mentorships/${m.id}/quarterly-reports`,
          w.adminToken,
          {
            period,
            date: w.day(0),
            mentorNames: ['Mentor'],
            menteeNames: ['Mentee'],
            technicalAreas: ['advocacy'],
            objectives: [{ objective: 'An advocacy plan' }],
            interactions: [{ date: w.day(0), hours: 1, activity: 'Call' }],
          },
        );
      }
    }
    if (reportsInTime && pending.size) throw new Error('a report was not submitted');
    const transitions = w.local.runner.transitions;
    const perYear = transitions / (m.durationMonths / 12);
    return { transitions, perYear, usdPerYear: perYear * USD_PER_TRANSITION };
  } finally {
    await w.close();
  }
}

export async function benchTransitions(db: DynamoDbLocal): Promise<TransitionsResult> {
  return {
    noReports: await transitionsOf(db, false),
    reportsInTime: await transitionsOf(db, true),
  };
}

async function inParallel(count: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/**
 * Advancing the clock one quarter (92 days) over `ACTIVE_MENTORSHIPS` mentorships whose
 * first quarterly review is a month away: each one is asked for its report, reminded and
 * escalated (3 task runs, 3 mails) in that one move. Against: `PutItem` of as many items
 * of the same size at the runner's concurrency, on the same DynamoDB Local, before and
 * after the move.
 */
export async function benchQuarter(
  db: DynamoDbLocal,
  mentorships = ACTIVE_MENTORSHIPS,
): Promise<QuarterResult> {
  const w = await world(db);
  try {
    const setupStarted = performance.now();
    // recorded two months after it began: its first quarterly review is a month away
    const template = await createMentorship(w, w.day(-60));
    // only its shape is wanted: its own chain is stopped so that exactly `mentorships` run
    await w.local.runner.stopMentorship(w.networkId, template.id);
    const repo = w.local.deps.store({ networkId: w.networkId }).mentorships;
    const ids = Array.from({ length: mentorships }, (_, i) => `bench${i}`);
    await inParallel(mentorships, 16, async (i) => {
      const m: Mentorship = { ...template, id: ids[i]! };
      await repo.create(m);
      const n = m.reviews.findIndex((r) => r.state === 'upcoming') + 1;
      await w.local.runner.start(executionName(w.networkId, m.id, n), executionInput(m, n));
    });
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    const doc = createDocumentClient(dynamoDbLocalClientConfig(db.endpoint));
    const table = networkTableName(`bench${worlds}`, w.networkId);
    const item = { ...template, entity: 'bench' };
    let round = 0;
    const putAll = async () => {
      round++;
      const started = performance.now();
      await inParallel(mentorships, CONCURRENCY, async (i) => {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...item, PK: `BENCH#${round}#${i}`, SK: 'BENCH', id: `b${round}x${i}` },
          }),
        );
      });
      return (performance.now() - started) / 1000;
    };

    const before = await putAll();
    const transitionsBefore = w.local.runner.transitions;
    const mailsBefore = (await readdir(join(w.dataDir, 'outbox'))).length;
    // the clock's hook runs every due step before `advance` resolves (as `POST /dev/clock`)
    const started = performance.now();
    await w.local.clock.advance({ advanceDays: 92 });
    const advanceSeconds = (performance.now() - started) / 1000;
    const after = await putAll();
    doc.destroy();
    const putSeconds = (before + after) / 2;
    return {
      mentorships,
      advanceSeconds,
      putSeconds,
      ratio: advanceSeconds / putSeconds,
      transitions: w.local.runner.transitions - transitionsBefore,
      mails: (await readdir(join(w.dataDir, 'outbox'))).length - mailsBefore,
      setupSeconds,
    };
  } finally {
    await w.close();
  }
}

/** Both lifecycle benchmarks on one DynamoDB Local (on disk, as `pnpm start` runs it). */
export async function benchLifecycle(): Promise<{
  transitions: TransitionsResult;
  quarter: QuarterResult;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'sisi-bench-ddb-'));
  const db = await startDynamoDbLocal({ dataDir: dir });
  try {
    return { transitions: await benchTransitions(db), quarter: await benchQuarter(db) };
  } finally {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
