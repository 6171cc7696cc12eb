import { createApp } from '@sisi/api';
import { platformTableName, WorkflowCheckpointRepository } from '@sisi/data';
import { executionInput, lifecycleReview } from '@sisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { mentorshipPath } from '../support/mentorships.ts';
import { expectJson } from '../support/problem.ts';
import { type LifecycleWorld, lifecycleWorld } from './world.ts';

/**
 * The API's side of the lifecycle (issue 4, "Starting"): creating a mentorship starts its
 * chain at its first review still to come; ending it stops the chain. Checked on the local
 * runner's checkpoints, through the real API.
 */

let api: TestApi;
let w: LifecycleWorld;
const store = () => new WorkflowCheckpointRepository(api.local.doc, platformTableName(api.prefix));
const name = (mentorshipId: string, n: number) => `${w.networkId}-${mentorshipId}-p${n}`;

beforeAll(async () => {
  api = await createTestApi();
  w = await lifecycleWorld(api);
});
afterAll(() => api.close());

describe('creating a mentorship', () => {
  it('starts the execution of its first review, waiting for that review’s date', async () => {
    const m = await w.start({ startDate: w.day(10), durationMonths: 24 });
    const checkpoint = await store().get(name(m.id, 1));
    expect(checkpoint).toMatchObject({
      executionName: name(m.id, 1),
      chain: `${w.networkId}-${m.id}`,
      nextState: 'RequestReview',
      dueAt: new Date(lifecycleReview(m.reviews[0]!).dueAt).toISOString(),
      input: executionInput(m, 1),
    });
    // only the first: each review's execution starts the next one when it runs
    expect(await store().get(name(m.id, 2))).toBeUndefined();
  });

  it('recorded after it began: starts at the first review still to come, never at one already past', async () => {
    const m = await w.start({ startDate: w.day(-100), durationMonths: 12 });
    const n = m.reviews.findIndex((r) => r.state === 'upcoming') + 1;
    expect(n).toBeGreaterThan(1);
    expect(m.reviews.slice(0, n - 1).every((r) => r.state === 'past')).toBe(true);
    for (let k = 1; k < n; k++) expect(await store().get(name(m.id, k))).toBeUndefined();
    expect((await store().get(name(m.id, n)))?.input).toEqual(executionInput(m, n));
  });

  it('with every review already past: starts nothing', async () => {
    const m = await w.start({ startDate: w.day(-400), durationMonths: 12 });
    expect(m.reviews.every((r) => r.state === 'past')).toBe(true);
    const due = await store().due('9999-12-31T00:00:00.000Z', 1000);
    expect(due.filter((c) => c.chain.endsWith(m.id))).toEqual([]);
  });
});

describe('ending a mentorship', () => {
  it('stops its chain: its checkpoint is gone and no execution of it starts again', async () => {
    const m = await w.start({ startDate: w.day(10), durationMonths: 24 });
    expect(await store().get(name(m.id, 1))).toBeDefined();
    await expectJson(
      await api.call('POST', `${mentorshipPath(w.networkId, m.id)}/end`, {
        token: w.adminToken,
        body: { kind: 'natural', reason: 'Both sides met their objectives early' },
      }),
      200,
    );
    expect(await store().get(name(m.id, 1))).toBeUndefined();
    // a late start (a handler retried after the end) is refused for good
    expect(await api.local.runner.start(name(m.id, 2), executionInput(m, 2))).toBe(false);
  });
});

describe('createApp', () => {
  it('refuses deps without a workflow starter, naming it', () => {
    const { workflows: _, ...rest } = api.local.deps;
    expect(() => createApp(rest as typeof api.local.deps)).toThrow('createApp: missing workflows');
  });
});
