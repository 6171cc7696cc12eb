import {
  createDocumentClient,
  platformTable,
  platformTableName,
  WorkflowCheckpointRepository,
} from '@sisi/data';
import { dynamoDbLocalClientConfig, ensureTable } from '@sisi/local';
import { type CheckpointStore, MemoryCheckpointStore } from '@sisi/workflows';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDynamo } from '../support/dynamo.ts';
import { expectedCalls, LifecycleWorld } from './lifecycle-world.ts';

/**
 * Time travel over 24-month mentorships (issue 4, "Tests"): the runner and its DynamoDB
 * checkpoints, driven day by day by a virtual clock, with fake task handlers that log
 * every call.
 */

const START = '2026-01-10T12:00:00Z';
const LAST_DAY = '2028-02-20';
const TRANSITION_TARGET_PER_YEAR = 40;

describe('the lifecycle of 24-month mentorships on DynamoDB Local', () => {
  const { client, doc, endpoint, prefix } = testDynamo();
  const table = platformTableName(prefix);
  /** A fresh client each time, as a restarted process would have. */
  const newStore = () =>
    new WorkflowCheckpointRepository(
      createDocumentClient(dynamoDbLocalClientConfig(endpoint)),
      table,
    );
  beforeAll(() => ensureTable(client, platformTable, table));

  it('the repository is a CheckpointStore', () => {
    const store: CheckpointStore = new WorkflowCheckpointRepository(doc, table);
    expect(store).toBeDefined();
  });

  it.each([
    ['in memory', () => new MemoryCheckpointStore()],
    ['on DynamoDB', newStore],
  ])(
    'calls each step once, on its day, %s; a report in before its reminder is not escalated',
    async (_, makeStore) => {
      const world = new LifecycleWorld(START);
      world.boot(makeStore());
      const id = `full${Math.random().toString(36).slice(2, 8)}`;
      await world.createMentorship(id, '2026-01-15', 24);
      await world.runDaysUntil(LAST_DAY, (day) => {
        if (day === '2026-07-20') world.submit(id, 2); // requested 07-15, reminder due 07-29
      });
      const reviews = world.reviews.get(id) ?? [];
      expect(reviews.map((r) => `${r.kind}${r.period ?? ''} ${r.dueDate}`)).toEqual([
        'quarterly1 2026-04-15',
        'quarterly2 2026-07-15',
        'quarterly3 2026-10-15',
        'quarterly4 2027-01-15',
        'mid-term 2027-01-15',
        'quarterly5 2027-04-15',
        'quarterly6 2027-07-15',
        'quarterly7 2027-10-15',
        'end 2028-01-15',
      ]);
      const expected = expectedCalls(id, reviews, { submitted: [2] });
      expect(world.callsOf(id)).toEqual(expected);
      expect(expected).toContain(`2026-07-29 ${id} p2 quarterly remind`);
      expect(expected).not.toContain(`2026-08-12 ${id} p2 quarterly escalate`);
      // the mid-term falls on the day of quarterly 4: p4 starts p5, which runs the same day
      expect(expected).toContain(`2027-01-15 ${id} p5 mid-term request`);
      // 6 quarterly reviews × 8 states, 1 submitted early × 7, mid-term and end × 4
      expect(world.transitions).toBe(63);
      expect(world.transitions / 2).toBeLessThanOrEqual(TRANSITION_TARGET_PER_YEAR);
    },
  );

  it('stays within the transition budget when no report ever comes (the most states)', async () => {
    const world = new LifecycleWorld(START);
    world.boot(newStore());
    await world.createMentorship('worstcase1', '2026-01-15', 24);
    await world.runDaysUntil(LAST_DAY);
    const perYear = world.transitions / 2;
    expect(world.transitions).toBe(7 * 8 + 2 * 4);
    expect(perYear).toBeLessThanOrEqual(TRANSITION_TARGET_PER_YEAR);
  });

  it('a restart half-way, with a new runner and client over the same table, loses and repeats nothing', async () => {
    const world = new LifecycleWorld(START);
    world.boot(newStore());
    await world.createMentorship('restart1', '2026-01-15', 24);
    await world.createMentorship('restart2', '2026-02-01', 24);
    await world.runDaysUntil('2027-01-22'); // p4 waits for its reminder, p5 ran, p6 waits
    const before = world.calls.length;
    // The process stops; time passes while it is down (a reminder falls due meanwhile).
    world.now = new Date('2027-02-03T12:00:00Z');
    world.boot(newStore());
    await world.runner.resumeAll();
    expect(world.callsOf('restart1')).toContain('2027-02-03 restart1 p4 quarterly remind');
    expect(world.calls.length).toBeGreaterThan(before);
    await world.runDaysUntil(LAST_DAY);

    const downtime = { after: '2027-01-22', until: '2027-02-03' };
    for (const id of ['restart1', 'restart2']) {
      // what fell due while the process was down ran when it came back, in order
      expect(world.callsOf(id)).toEqual(
        expectedCalls(id, world.reviews.get(id) ?? [], { downtime }),
      );
    }
    expect(world.callsOf('restart2')).toContain('2027-02-03 restart2 p5 mid-term request');
    expect(world.calls).toHaveLength(world.mails.size); // no step ran twice
  });

  it('stopMentorship ends the chain at once: nothing more runs or starts', async () => {
    const world = new LifecycleWorld(START);
    const store = newStore();
    world.boot(store);
    await world.createMentorship('stopped1', '2026-01-15', 24);
    await world.createMentorship('goingon1', '2026-01-15', 24);
    await world.runDaysUntil(LAST_DAY, async (day) => {
      if (day === '2026-07-20') await world.end('stopped1');
    });
    expect(world.callsOf('stopped1')).toEqual(
      expectedCalls('stopped1', world.reviews.get('stopped1') ?? [], { until: '2026-07-19' }),
    );
    expect(world.callsOf('stopped1').at(-1)).toBe('2026-07-15 stopped1 p2 quarterly request');
    expect(await store.get('net-time-stopped1-p3')).toBeUndefined();
    // a late start of the stopped chain (say, a handler retried after the stop) is refused
    expect(
      await world.runner.start('net-time-stopped1-p3', {
        review: { dueAt: '2026-10-15T08:00:00Z' },
      }),
    ).toBe(false);
    // the other mentorship in the same network goes on to its end
    expect(world.callsOf('goingon1')).toEqual(
      expectedCalls('goingon1', world.reviews.get('goingon1') ?? []),
    );
  });

  it('a crash between a handler and its checkpoint write repeats that one step: handlers are idempotent', async () => {
    const world = new LifecycleWorld(START);
    const store = newStore();
    let crash = false;
    // The process dies right after RequestReview p3 ran, before the run's checkpoint is saved.
    const crashing: CheckpointStore = Object.assign(Object.create(store), {
      advance: async (...args: Parameters<CheckpointStore['advance']>) => {
        if (
          crash &&
          args[0].executionName.endsWith('-p3') &&
          args[1]?.nextState === 'RemindIfMissing'
        ) {
          throw new Error('process killed');
        }
        return store.advance(...args);
      },
    });
    world.boot(crashing);
    await world.createMentorship('crash1', '2026-01-15', 24);
    crash = true;
    await expect(world.runDaysUntil('2026-10-16')).rejects.toThrow('process killed');
    crash = false;
    world.boot(newStore());
    await world.runner.resumeAll();
    await world.runDaysUntil(LAST_DAY);

    const calls = world.callsOf('crash1');
    const repeated = calls.filter((c, i) => calls.indexOf(c) !== i);
    expect(repeated).toEqual(['2026-10-15 crash1 p3 quarterly request']);
    // the repeat starts no second p4 (same name), and an idempotent handler mails once
    expect([...new Set(calls)]).toEqual(expectedCalls('crash1', world.reviews.get('crash1') ?? []));
    expect(world.mails.size).toBe(new Set(calls).size);
  });
});

describe('WorkflowCheckpointRepository', () => {
  const { client, doc, prefix } = testDynamo();
  const table = platformTableName(prefix);
  const store = new WorkflowCheckpointRepository(doc, table);
  beforeAll(() => ensureTable(client, platformTable, table));
  const checkpoint = (name: string, dueAt: string, seq = 0) => ({
    executionName: name,
    chain: name.replace(/-p\d+$/, ''),
    nextState: 'RequestReview',
    input: { period: 1, review: { kind: 'quarterly', dueAt }, nested: [1, null, 'x'] },
    dueAt,
    seq,
  });

  it('lists due checkpoints oldest first, up to and including now, with one Query', async () => {
    await store.start(checkpoint('n-a-p1', '2026-05-01T08:00:00.000Z'), '2026-01-01T00:00:00.000Z');
    await store.start(checkpoint('n-b-p1', '2026-04-01T08:00:00.000Z'), '2026-01-01T00:00:00.000Z');
    await store.start(checkpoint('n-c-p1', '2026-06-01T08:00:00.000Z'), '2026-01-01T00:00:00.000Z');
    const due = await store.due('2026-05-01T08:00:00.000Z', 10);
    expect(due.map((c) => c.executionName)).toEqual(['n-b-p1', 'n-a-p1']);
    expect(due[1]).toEqual(checkpoint('n-a-p1', '2026-05-01T08:00:00.000Z'));
    expect(await store.due('2026-05-01T08:00:00.000Z', 1)).toHaveLength(1);
  });

  it('starts a name once, and no name of a stopped chain', async () => {
    expect(await store.start(checkpoint('n-a-p1', '2027-01-01T00:00:00.000Z'), 'x')).toBe(false);
    expect((await store.get('n-a-p1'))?.dueAt).toBe('2026-05-01T08:00:00.000Z');
    await store.stopChain('n-c', '2026-02-01T00:00:00.000Z');
    expect(await store.get('n-c-p1')).toBeUndefined();
    expect(await store.start(checkpoint('n-c-p2', '2026-09-01T00:00:00.000Z'), 'x')).toBe(false);
  });

  it('moves a checkpoint on only from the version it read', async () => {
    const current = checkpoint('n-b-p1', '2026-04-01T08:00:00.000Z');
    const next = {
      ...current,
      nextState: 'RemindIfMissing',
      dueAt: '2026-04-15T08:00:00.000Z',
      seq: 1,
    };
    expect(await store.advance(current, next)).toBe(true);
    expect(await store.advance(current, next)).toBe(false);
    expect(await store.fail(current, 'boom', 'x')).toBe(false);
    expect(await store.fail(next, 'boom', '2026-04-15T09:00:00.000Z')).toBe(true);
    expect(await store.get('n-b-p1')).toBeUndefined();
    expect(await store.failures()).toEqual([
      { checkpoint: next, error: 'boom', failedAt: '2026-04-15T09:00:00.000Z' },
    ]);
  });
});
