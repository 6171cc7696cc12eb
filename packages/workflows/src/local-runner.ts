import './polyfill.ts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { Checkpoint, CheckpointStore, FailedExecution } from './checkpoint-store.ts';
import { type AslDefinition, type AslState, chainName, chainOf, type Json } from './definition.ts';

/** Runs one Task state's work; what it resolves to is the task's result. */
export type TaskHandler = (input: unknown) => Promise<unknown>;

export interface LocalWorkflowRunnerOptions {
  /** The definition with its resources filled in (`substitute`): no `${…}` left. */
  definition: AslDefinition;
  /** Keyed by Task `Resource`, e.g. `local:RequestReview`; every Task needs one. */
  handlers: Record<string, TaskHandler>;
  checkpoints: CheckpointStore;
  /** The (virtual) clock: when a Wait is entered, is its time due? */
  now: () => Date;
  /** Pause before a Retry, instead of the definition's `IntervalSeconds`. Default 0. */
  retryDelayMs?: number;
  /** Chains run side by side in `runDue` (each chain's steps stay in order). Default 8. */
  concurrency?: number;
  /** Told about every execution parked as failed. Default: `console.error`. */
  onFailure?: (failure: FailedExecution) => void;
}

/** What one `runDue` did. */
export interface RunReport {
  /** Runs from a checkpoint to the next wait or the end. */
  runs: number;
  /** Executions parked as failed. */
  failed: number;
}

interface WaitPlan {
  next: string;
  dueAt(input: unknown, now: Date): Date;
}

type Outcome =
  | { kind: 'waiting'; next: Checkpoint }
  | { kind: 'ended' }
  | { kind: 'failed'; error: string };

const DUE_BATCH = 500;

/**
 * What every Wait is overridden to. Not 0: the library skips a 0 ms sleep synchronously,
 * so the run would enter the next state before the event log's reader saw the Wait. A
 * timer, however short, is a macrotask: the reader (microtasks) sees the Wait entered and
 * aborts first, and the aborted sleep ends at once. An already due Wait costs this long.
 */
const WAIT_MS = 1;

/**
 * Runs the lifecycle ASL on `aws-local-stepfunctions` with waits that survive restarts
 * (DESIGN.md, "The local workflow runner"; docs/decisions/0006).
 *
 * Every Wait is overridden to (all but) 0 ms. When the event log shows a Wait entered, the
 * runner evaluates its time against the state's input: if it is not yet due, the run is
 * aborted and a checkpoint `{ executionName, nextState, input, dueAt }` replaces the one the
 * run started from; `runDue` restarts the execution at `nextState` once `dueAt` comes. A
 * Wait already due is passed through. A run that reaches the end deletes its checkpoint.
 *
 * Delivery is at least once: a crash after a task handler returned and before the run's
 * checkpoint write runs that task again on resume, so task handlers must be idempotent
 * (issue 4: an idempotency record per mentorship, period and kind). A run of one process
 * at a time is assumed: two runners over one store could both run a due step.
 *
 * @example
 * const runner = new LocalWorkflowRunner({
 *   definition: substitute(lifecycleDefinition, localLifecycleResources),
 *   handlers: { 'local:RequestReview': requestReview, … },
 *   checkpoints: new WorkflowCheckpointRepository(doc, platformTableName('sisi')),
 *   now: () => clock.now(),
 * });
 * await runner.resumeAll();
 * clock.onAdvance((now) => runner.runDue(now).then(() => undefined));
 */
export class LocalWorkflowRunner {
  private readonly definition: AslDefinition;
  private readonly store: CheckpointStore;
  private readonly now: () => Date;
  private readonly retryDelayMs: number;
  private readonly concurrency: number;
  private readonly onFailure: (failure: FailedExecution) => void;
  private readonly waits = new Map<string, WaitPlan>();
  /** Task state name → its handler. */
  private readonly tasks = new Map<string, TaskHandler>();
  private readonly machines = new Map<string, StateMachine>();
  private readonly inFlight = new Set<string>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Set while one of this runner's task handlers runs: a `start` from it joins the drain. */
  private readonly handlerScope = new AsyncLocalStorage<{ now: Date }>();
  private entered = 0;
  private stopped = false;

  constructor(options: LocalWorkflowRunnerOptions) {
    this.definition = structuredClone(options.definition);
    this.store = options.checkpoints;
    this.now = options.now;
    this.retryDelayMs = options.retryDelayMs ?? 0;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.onFailure =
      options.onFailure ??
      ((f) => console.error(`workflow ${f.checkpoint.executionName} failed: ${f.error}`));
    const states = this.definition.States;
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Task') {
        const handler = options.handlers[String(state.Resource)];
        if (!handler) throw new Error(`no handler for ${state.Resource} (Task ${name})`);
        this.tasks.set(name, handler);
      }
      if (state.Type === 'Map' || state.Type === 'Parallel') {
        throw new Error(`${name}: the local runner does not run ${state.Type} states`);
      }
    }
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Wait') this.waits.set(name, waitPlan(name, state, states));
    }
    // Build (and so validate) every machine a run can start from, up front.
    this.machine(this.definition.StartAt);
    for (const wait of this.waits.values()) this.machine(wait.next);
  }

  /** States entered since this runner was made (event log), as Step Functions bills them. */
  get transitions(): number {
    return this.entered;
  }

  /**
   * Starts execution `name`: true when it started, false (a no-op) when an execution of
   * that name was started before, by this or an earlier runner, or its chain is stopped.
   * Called from a task handler, it joins the `runDue` in progress; otherwise it runs what
   * is due now, this execution included, before resolving.
   */
  async start(name: string, input: unknown): Promise<boolean> {
    const scope = this.handlerScope.getStore();
    const now = scope?.now ?? this.now();
    const checkpoint: Checkpoint = {
      executionName: name,
      chain: chainOf(name),
      nextState: this.definition.StartAt,
      input: structuredClone(input),
      dueAt: now.toISOString(),
      seq: 0,
    };
    if (!(await this.store.start(checkpoint, now.toISOString()))) return false;
    if (!scope) await this.runDue(now);
    return true;
  }

  /**
   * Runs every checkpoint due at or before `now`, oldest first, and again until none is
   * due (a run may start an execution whose first wait is already over); resolves when all
   * of it has finished. Calls are queued, never run side by side.
   */
  runDue(now: Date): Promise<RunReport> {
    const run = this.queue.then(() => this.drain(now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every `runDue` queued so far has finished (before closing the store). */
  async idle(): Promise<void> {
    await this.queue;
  }

  /**
   * For a process that is shutting down: no step starts any more (a `runDue` in progress
   * ends after the steps it is in), and resolves once those have finished. What was left
   * due stays in its checkpoints, for `resumeAll` at the next start.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.queue;
  }

  /** At process start: runs whatever came due while the process was down. */
  resumeAll(): Promise<RunReport> {
    return this.runDue(this.now());
  }

  /** Ends a mentorship's chain: its checkpoints are deleted and none of it starts again. */
  async stopMentorship(networkId: string, mentorshipId: string): Promise<void> {
    await this.store.stopChain(chainName(networkId, mentorshipId), this.now().toISOString());
  }

  private async drain(now: Date): Promise<RunReport> {
    const report: RunReport = { runs: 0, failed: 0 };
    const done = new Set<string>();
    for (;;) {
      if (this.stopped) return report;
      const due = (await this.store.due(now.toISOString(), DUE_BATCH)).filter(
        (c) => !done.has(`${c.executionName}#${c.seq}`),
      );
      if (due.length === 0) return report;
      const chains = new Map<string, Checkpoint[]>();
      for (const c of due) {
        done.add(`${c.executionName}#${c.seq}`);
        chains.set(c.chain, [...(chains.get(c.chain) ?? []), c]);
      }
      await inParallel([...chains.values()], this.concurrency, async (steps) => {
        for (const step of steps) await this.step(step, now, report);
      });
    }
  }

  private async step(listed: Checkpoint, now: Date, report: RunReport): Promise<void> {
    const name = listed.executionName;
    if (this.stopped || this.inFlight.has(name)) return;
    this.inFlight.add(name);
    try {
      // The list may be stale: stopped or moved on since. Run only what is stored now.
      const current = await this.store.get(name);
      if (!current || current.seq !== listed.seq || current.dueAt > now.toISOString()) return;
      const outcome = await this.run(current, now);
      report.runs++;
      if (outcome.kind === 'waiting') await this.store.advance(current, outcome.next);
      else if (outcome.kind === 'ended') await this.store.advance(current);
      else {
        const failedAt = now.toISOString();
        if (await this.store.fail(current, outcome.error, failedAt)) {
          report.failed++;
          this.onFailure({ checkpoint: current, error: outcome.error, failedAt });
        }
      }
    } finally {
      this.inFlight.delete(name);
    }
  }

  /** One run from `from.nextState` until a Wait that is not yet due, or the end. */
  private async run(from: Checkpoint, now: Date): Promise<Outcome> {
    let paused: Checkpoint | undefined;
    let watchError: unknown;
    const handlers: Record<string, (input: Json) => Promise<Json>> = {};
    for (const [state, handler] of this.tasks) {
      handlers[state] = async (input) => {
        // Unreachable while Waits pause on a timer (WAIT_MS); kept so a change there fails
        // loudly instead of running a step twice.
        if (paused || watchError !== undefined) throw new Error(`${state} entered after a pause`);
        return (await this.handlerScope.run({ now }, () => handler(input))) as Json;
      };
    }
    const execution = this.machine(from.nextState).run(from.input as Json, {
      overrides: {
        taskResourceLocalHandlers: handlers,
        waitTimeOverrides: Object.fromEntries([...this.waits.keys()].map((w) => [w, WAIT_MS])),
        retryIntervalOverrides: Object.fromEntries(
          [...this.tasks.keys()].map((t) => [t, this.retryDelayMs]),
        ),
      },
      noThrowOnAbort: true,
      context: { Execution: { Name: from.executionName, Id: `local:${from.executionName}` } },
    });
    const watching = (async () => {
      // Synchronous from an event to its abort: it all happens within WAIT_MS.
      for await (const event of execution.eventLogs) {
        if (event.type !== 'StateEntered') continue;
        this.entered++;
        const wait = this.waits.get(event.state.name);
        if (!wait) continue;
        try {
          const dueAt = wait.dueAt(event.state.input, now);
          if (dueAt.getTime() <= now.getTime()) continue;
          paused = {
            ...from,
            nextState: wait.next,
            input: event.state.input,
            dueAt: dueAt.toISOString(),
            seq: from.seq + 1,
          };
        } catch (error) {
          watchError = error;
        }
        execution.abort();
        return;
      }
    })();
    let failure: unknown;
    try {
      await execution.result;
    } catch (error) {
      failure = error;
    }
    await watching;
    if (watchError !== undefined) return { kind: 'failed', error: describe(watchError) };
    if (paused) return { kind: 'waiting', next: paused };
    if (failure !== undefined) return { kind: 'failed', error: describe(failure) };
    return { kind: 'ended' };
  }

  /** The definition started at `startAt`, keeping only the states reachable from there. */
  private machine(startAt: string): StateMachine {
    let machine = this.machines.get(startAt);
    if (!machine) {
      const States = reachable(this.definition.States, startAt);
      // structuredClone: the library's validator writes into the definition it is given.
      const definition = structuredClone({ ...this.definition, StartAt: startAt, States });
      machine = new StateMachine(definition as unknown as StateMachineDefinition, {
        validationOptions: { checkArn: false },
      });
      this.machines.set(startAt, machine);
    }
    return machine;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${cause}`;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function inParallel<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function reachable(states: Record<string, AslState>, from: string): Record<string, AslState> {
  const out: Record<string, AslState> = {};
  const visit = (name: string | undefined) => {
    if (!name || out[name]) return;
    const state = states[name];
    if (!state) throw new Error(`no state ${name}`);
    out[name] = state;
    visit(state.Next);
    visit(state.Default);
    for (const c of state.Choices ?? []) visit(c.Next);
    for (const c of state.Catch ?? []) visit(c.Next);
  };
  visit(from);
  return out;
}

const SIMPLE_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** `$.a.b` of `input`; only this plain form is accepted by `waitPlan`. */
function readPath(input: unknown, path: string): unknown {
  let value = input;
  for (const key of path.split('.').slice(1)) {
    value =
      value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/** How to tell when a Wait state is over, checked against what the runner relies on. */
function waitPlan(name: string, state: AslState, states: Record<string, AslState>): WaitPlan {
  const next = state.Next;
  if (!next || !states[next]) throw new Error(`Wait ${name}: the local runner needs its Next`);
  if (state.InputPath !== undefined || state.OutputPath !== undefined) {
    throw new Error(`Wait ${name}: InputPath/OutputPath on a Wait are not supported`);
  }
  for (const field of ['TimestampPath', 'SecondsPath'] as const) {
    const path = state[field];
    if (path !== undefined && !SIMPLE_PATH.test(path)) {
      throw new Error(`Wait ${name}: ${field} must be a plain path like $.a.b, not ${path}`);
    }
  }
  const instant = (value: unknown): Date => {
    const date = typeof value === 'string' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) {
      throw new Error(`Wait ${name}: not a timestamp: ${JSON.stringify(value)}`);
    }
    return date;
  };
  const seconds = (value: unknown, now: Date): Date => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new Error(`Wait ${name}: not a number of seconds: ${JSON.stringify(value)}`);
    }
    return new Date(now.getTime() + value * 1000);
  };
  return {
    next,
    dueAt(input, now) {
      if (state.TimestampPath !== undefined) return instant(readPath(input, state.TimestampPath));
      if (state.Timestamp !== undefined) return instant(state.Timestamp);
      if (state.SecondsPath !== undefined) return seconds(readPath(input, state.SecondsPath), now);
      return seconds(state.Seconds, now);
    },
  };
}
