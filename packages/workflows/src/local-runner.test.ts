import { describe, expect, it, vi } from 'vitest';
import { type Checkpoint, MemoryCheckpointStore } from './checkpoint-store.ts';
import {
  executionName,
  lifecycleDefinition,
  localLifecycleResources,
  substitute,
} from './definition.ts';
import type { LifecycleInput, LifecycleTaskInput } from './input.ts';
import { LocalWorkflowRunner, type TaskHandler } from './local-runner.ts';

const definition = substitute(lifecycleDefinition, localLifecycleResources);
const at = (iso: string) => new Date(iso);

const quarterly = (period: number, dueAt: string): LifecycleInput => ({
  networkId: 'net-a',
  mentorshipId: 'm1',
  period,
  review: {
    kind: 'quarterly',
    period,
    dueAt,
    remindAt: new Date(Date.parse(dueAt) + 14 * 86_400_000).toISOString(),
    escalateAt: new Date(Date.parse(dueAt) + 28 * 86_400_000).toISOString(),
  },
});

/** A runner over the lifecycle whose handlers log `<task> p<n> @ <now>`. */
function setup(
  options: {
    store?: MemoryCheckpointStore;
    handlers?: Partial<Record<'request' | 'remind' | 'escalate', TaskHandler>>;
    now?: string;
  } = {},
) {
  const clock = { now: at(options.now ?? '2026-01-10T12:00:00Z') };
  const calls: string[] = [];
  const log =
    (task: string, answer: unknown): TaskHandler =>
    async (input) => {
      calls.push(`${task} p${(input as LifecycleTaskInput).period} @ ${clock.now.toISOString()}`);
      return answer;
    };
  const store = options.store ?? new MemoryCheckpointStore();
  const onFailure = vi.fn();
  const runner = new LocalWorkflowRunner({
    definition,
    checkpoints: store,
    now: () => clock.now,
    onFailure,
    handlers: {
      'local:RequestReview': options.handlers?.request ?? log('request', { ended: false }),
      'local:RemindIfMissing':
        options.handlers?.remind ?? log('remind', { submitted: false, ended: false }),
      'local:EscalateIfMissing': options.handlers?.escalate ?? log('escalate', {}),
    },
  });
  const advance = (iso: string) => {
    clock.now = at(iso);
    return runner.runDue(clock.now);
  };
  return { runner, store, calls, clock, advance, onFailure };
}

describe('LocalWorkflowRunner', () => {
  it('runs on Node 20 through the Promise.withResolvers polyfill', () => {
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
  });

  it('pauses at a Wait that is not due: a checkpoint at the state after it, nothing called', async () => {
    const { runner, store, calls } = setup();
    const input = quarterly(1, '2026-04-15T08:00:00Z');
    expect(await runner.start('net-a-m1-p1', input)).toBe(true);
    expect(calls).toEqual([]);
    expect(await store.get('net-a-m1-p1')).toEqual<Checkpoint>({
      executionName: 'net-a-m1-p1',
      chain: 'net-a-m1',
      nextState: 'RequestReview',
      input,
      dueAt: '2026-04-15T08:00:00.000Z',
      seq: 1,
    });
    expect(runner.transitions).toBe(1); // the Wait, entered once
  });

  it('goes on at each due time, at the state after the Wait, and never earlier', async () => {
    const { runner, store, calls, advance } = setup();
    await runner.start('net-a-m1-p1', quarterly(1, '2026-04-15T08:00:00Z'));
    await advance('2026-04-15T07:59:59Z');
    expect(calls).toEqual([]);
    expect(await advance('2026-04-15T08:00:00Z')).toEqual({ runs: 1, failed: 0 });
    expect(calls).toEqual(['request p1 @ 2026-04-15T08:00:00.000Z']);
    expect((await store.get('net-a-m1-p1'))?.nextState).toBe('RemindIfMissing');
    await advance('2026-05-01T00:00:00Z');
    await advance('2026-06-01T00:00:00Z');
    expect(calls).toEqual([
      'request p1 @ 2026-04-15T08:00:00.000Z',
      'remind p1 @ 2026-05-01T00:00:00.000Z',
      'escalate p1 @ 2026-06-01T00:00:00.000Z',
    ]);
    expect(await store.get('net-a-m1-p1')).toBeUndefined();
    // Wait, Request, Choice, Wait, Remind, Choice, Wait, Escalate (End: true)
    expect(runner.transitions).toBe(8);
  });

  it('runs straight through Waits already due, and one runDue catches up on everything', async () => {
    const { runner, store, calls, advance } = setup();
    await runner.start('net-a-m1-p1', quarterly(1, '2026-04-15T08:00:00Z'));
    await advance('2026-07-01T00:00:00Z');
    expect(calls).toEqual([
      'request p1 @ 2026-07-01T00:00:00.000Z',
      'remind p1 @ 2026-07-01T00:00:00.000Z',
      'escalate p1 @ 2026-07-01T00:00:00.000Z',
    ]);
    expect(await store.due('9999-01-01T00:00:00.000Z', 10)).toEqual([]);
    expect(runner.transitions).toBe(8);
  });

  it('a start whose first Wait is over runs at once, before start resolves', async () => {
    const { runner, calls } = setup({ now: '2026-04-20T00:00:00Z' });
    await runner.start('net-a-m1-p1', quarterly(1, '2026-04-15T08:00:00Z'));
    expect(calls).toEqual(['request p1 @ 2026-04-20T00:00:00.000Z']);
  });

  it('starts a name once: a repeat start, even by a new runner, is a no-op', async () => {
    const first = setup();
    const input = quarterly(1, '2026-04-15T08:00:00Z');
    expect(await first.runner.start('net-a-m1-p1', input)).toBe(true);
    expect(await first.runner.start('net-a-m1-p1', input)).toBe(false);
    const second = setup({ store: first.store });
    expect(await second.runner.start('net-a-m1-p1', input)).toBe(false);
    await second.advance('2026-04-16T00:00:00Z');
    expect(second.calls).toEqual(['request p1 @ 2026-04-16T00:00:00.000Z']);
    expect(first.calls).toEqual([]);
  });

  it('a report in before the reminder ends the execution without escalation', async () => {
    const { runner, calls, advance } = setup({
      handlers: { remind: async () => ({ submitted: true, ended: false }) },
    });
    await runner.start('net-a-m1-p1', quarterly(1, '2026-04-15T08:00:00Z'));
    await advance('2026-04-16T00:00:00Z');
    await advance('2026-08-01T00:00:00Z');
    expect(calls).toEqual(['request p1 @ 2026-04-16T00:00:00.000Z']);
    expect(runner.transitions).toBe(7);
  });

  it('an ended mentorship, as RequestReview reports it, waits for nothing more', async () => {
    const { runner, store, advance } = setup({
      handlers: { request: async () => ({ ended: true }) },
    });
    await runner.start('net-a-m1-p1', quarterly(1, '2026-04-15T08:00:00Z'));
    await advance('2026-04-16T00:00:00Z');
    expect(await store.get('net-a-m1-p1')).toBeUndefined();
    expect(runner.transitions).toBe(4); // Wait, Request, Choice, Done
  });

  it('stopMentorship deletes the checkpoints and refuses later starts of the chain', async () => {
    const { runner, store, calls, advance } = setup();
    await runner.start('net-a-m1-p1', quarterly(1, '2026-04-15T08:00:00Z'));
    await runner.start('net-a-m2-p1', {
      ...quarterly(1, '2026-04-15T08:00:00Z'),
      mentorshipId: 'm2',
    });
    await runner.stopMentorship('net-a', 'm1');
    expect(await store.get('net-a-m1-p1')).toBeUndefined();
    expect(await runner.start('net-a-m1-p2', quarterly(2, '2026-07-15T08:00:00Z'))).toBe(false);
    await advance('2026-12-01T00:00:00Z');
    expect(calls.every((c) => c.includes('p1'))).toBe(true);
    expect(calls).toHaveLength(3); // m2's three steps only
  });

  it('does not run a listed checkpoint that moved on meanwhile', async () => {
    const store = new MemoryCheckpointStore();
    const { runner, calls } = setup({ store });
    await runner.start('net-a-m1-p1', quarterly(1, '2026-04-15T08:00:00Z'));
    const listed = (await store.get('net-a-m1-p1')) as Checkpoint;
    await store.advance(listed, { ...listed, dueAt: '2026-09-01T00:00:00.000Z', seq: 2 });
    // a store whose index still lists the old version
    vi.spyOn(store, 'due').mockResolvedValueOnce([listed]).mockResolvedValue([]);
    await runner.runDue(at('2026-05-01T00:00:00Z'));
    expect(calls).toEqual([]);
  });

  it('retries a failing task, then parks the execution instead of retrying it forever', async () => {
    const request = vi.fn(async () => {
      throw new Error('smtp down');
    });
    const { runner, store, advance, onFailure } = setup({ handlers: { request } });
    await runner.start('net-a-m1-p1', quarterly(1, '2026-04-15T08:00:00Z'));
    expect(await advance('2026-04-16T00:00:00Z')).toEqual({ runs: 1, failed: 1 });
    expect(request).toHaveBeenCalledTimes(5); // first try + MaxAttempts 4
    expect(await store.get('net-a-m1-p1')).toBeUndefined();
    const [failure] = await store.failures();
    expect(failure?.checkpoint.nextState).toBe('RequestReview');
    expect(failure?.error).toMatch(/smtp down/);
    expect(onFailure).toHaveBeenCalledOnce();
    expect(await advance('2026-05-16T00:00:00Z')).toEqual({ runs: 0, failed: 0 });
  });

  it('parks an execution whose wait time is not a timestamp', async () => {
    const { runner, store } = setup();
    await runner.start('net-a-m1-p1', {
      ...quarterly(1, '2026-04-15T08:00:00Z'),
      review: { kind: 'end', dueAt: 'soon' },
    });
    expect((await store.failures())[0]?.error).toMatch(/not a timestamp/);
  });

  it('a start from inside a task handler joins the runDue in progress', async () => {
    let runner!: LocalWorkflowRunner;
    const requested: string[] = [];
    const made = setup({
      handlers: {
        request: async (input) => {
          const { period } = input as LifecycleTaskInput;
          requested.push(`p${period}`);
          // p2 is due the same day: the same runDue must run it before resolving
          if (period === 1) {
            await runner.start(executionName('net-a', 'm1', 2), {
              ...quarterly(2, '2026-04-15T08:00:00Z'),
              review: { kind: 'mid-term', dueAt: '2026-04-15T08:00:00Z' },
            });
          }
          return { ended: false };
        },
      },
    });
    runner = made.runner;
    await runner.start('net-a-m1-p1', quarterly(1, '2026-04-15T08:00:00Z'));
    await made.advance('2026-04-15T09:00:00Z');
    expect(requested).toEqual(['p1', 'p2']);
  });

  it('stop lets the step in progress finish, starts no other, and leaves the rest for resumeAll', async () => {
    const store = new MemoryCheckpointStore();
    const clock = { now: at('2026-01-10T12:00:00Z') };
    const calls: string[] = [];
    let release = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const runnerOver = (block: boolean) =>
      new LocalWorkflowRunner({
        definition,
        checkpoints: store,
        now: () => clock.now,
        concurrency: 1, // one step at a time: "between steps" is well defined
        handlers: {
          'local:RequestReview': async (input) => {
            calls.push((input as LifecycleTaskInput).mentorshipId);
            if (block) await blocked;
            return { ended: false };
          },
          'local:RemindIfMissing': async () => ({ submitted: false, ended: false }),
          'local:EscalateIfMissing': async () => ({}),
        },
      });
    const first = runnerOver(true);
    for (const m of ['m1', 'm2']) {
      await first.start(`net-a-${m}-p1`, {
        ...quarterly(1, '2026-04-15T08:00:00Z'),
        mentorshipId: m,
      });
    }
    clock.now = at('2026-04-16T00:00:00Z');
    const running = first.runDue(clock.now);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    let stopped = false;
    const stopping = first.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false); // it waits for the step in progress
    release();
    await stopping;
    expect(await running).toEqual({ runs: 1, failed: 0 });
    expect(calls).toHaveLength(1);
    expect(await first.runDue(clock.now)).toEqual({ runs: 0, failed: 0 });
    // the other mentorship's step is still due, and the next start runs it
    expect((await store.due(clock.now.toISOString(), 10)).map((c) => c.chain)).toEqual([
      `net-a-${calls[0] === 'm1' ? 'm2' : 'm1'}`,
    ]);
    expect(await runnerOver(false).resumeAll()).toEqual({ runs: 1, failed: 0 });
    expect(calls.sort()).toEqual(['m1', 'm2']);
  });

  it('refuses a definition with a Task it has no handler for, or with placeholders left', () => {
    const base = { checkpoints: new MemoryCheckpointStore(), now: () => new Date() };
    expect(
      () =>
        new LocalWorkflowRunner({
          ...base,
          definition,
          handlers: { 'local:RequestReview': vi.fn() },
        }),
    ).toThrow(/no handler for local:RemindIfMissing/);
    expect(
      () => new LocalWorkflowRunner({ ...base, definition: lifecycleDefinition, handlers: {} }),
    ).toThrow(/no handler for \$\{RequestReviewFunctionArn\}/);
  });
});
