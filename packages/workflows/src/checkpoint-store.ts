/**
 * Where the local runner keeps what must survive a restart: which executions started and,
 * for each one waiting, where and when it goes on. The DynamoDB adapter is
 * `WorkflowCheckpointRepository` in `@sisi/data`; `MemoryCheckpointStore` is for unit tests.
 */

/** An execution paused at a Wait: it goes on at `nextState` with `input` once `dueAt` comes. */
export interface Checkpoint {
  executionName: string;
  /** The mentorship's chain (`<network>-<mentorship>`), what `stopChain` matches. */
  chain: string;
  nextState: string;
  input: unknown;
  /** ISO instant, always `Date#toISOString()` form so that strings sort as instants. */
  dueAt: string;
  /** Bumped by each save: a write based on an older checkpoint is refused. */
  seq: number;
}

/** An execution whose step failed after its retries: parked, not retried by `runDue`. */
export interface FailedExecution {
  checkpoint: Checkpoint;
  error: string;
  failedAt: string;
}

export interface CheckpointStore {
  /**
   * Marks `checkpoint.executionName` started and saves its first checkpoint, in one write.
   * False, writing nothing, when that name had started before or its chain is stopped.
   */
  start(checkpoint: Checkpoint, startedAt: string): Promise<boolean>;
  get(executionName: string): Promise<Checkpoint | undefined>;
  /** Checkpoints due at or before `now` (ISO), oldest first, at most `limit`. */
  due(now: string, limit: number): Promise<Checkpoint[]>;
  /**
   * Replaces `current` with `next` (its next wait), or deletes it when `next` is absent
   * (the execution ended), provided the stored checkpoint is still `current` (same `seq`).
   * False, writing nothing, otherwise (the chain was stopped, or another run moved it).
   */
  advance(current: Checkpoint, next?: Checkpoint): Promise<boolean>;
  /** Parks a failed execution: `current` is removed and the failure recorded. */
  fail(current: Checkpoint, error: string, failedAt: string): Promise<boolean>;
  failures(): Promise<FailedExecution[]>;
  /** No execution of `chain` starts any more, and its checkpoints are deleted. */
  stopChain(chain: string, stoppedAt: string): Promise<void>;
}

const byDue = (a: Checkpoint, b: Checkpoint) =>
  a.dueAt.localeCompare(b.dueAt) || a.executionName.localeCompare(b.executionName);

/**
 * A `CheckpointStore` in memory (unit tests). Values are cloned in and out, as a database
 * would, so a caller cannot change what is stored by holding on to an object.
 */
export class MemoryCheckpointStore implements CheckpointStore {
  private readonly started = new Set<string>();
  private readonly stopped = new Set<string>();
  private readonly checkpoints = new Map<string, Checkpoint>();
  private readonly failed = new Map<string, FailedExecution>();

  async start(checkpoint: Checkpoint, _startedAt: string): Promise<boolean> {
    if (this.started.has(checkpoint.executionName) || this.stopped.has(checkpoint.chain)) {
      return false;
    }
    this.started.add(checkpoint.executionName);
    this.checkpoints.set(checkpoint.executionName, structuredClone(checkpoint));
    return true;
  }

  async get(executionName: string): Promise<Checkpoint | undefined> {
    const found = this.checkpoints.get(executionName);
    return found && structuredClone(found);
  }

  async due(now: string, limit: number): Promise<Checkpoint[]> {
    return [...this.checkpoints.values()]
      .filter((c) => c.dueAt <= now)
      .sort(byDue)
      .slice(0, limit)
      .map((c) => structuredClone(c));
  }

  async advance(current: Checkpoint, next?: Checkpoint): Promise<boolean> {
    if (this.checkpoints.get(current.executionName)?.seq !== current.seq) return false;
    if (next) this.checkpoints.set(current.executionName, structuredClone(next));
    else this.checkpoints.delete(current.executionName);
    return true;
  }

  async fail(current: Checkpoint, error: string, failedAt: string): Promise<boolean> {
    if (!(await this.advance(current))) return false;
    this.failed.set(current.executionName, {
      checkpoint: structuredClone(current),
      error,
      failedAt,
    });
    return true;
  }

  async failures(): Promise<FailedExecution[]> {
    return [...this.failed.values()].map((f) => structuredClone(f));
  }

  async stopChain(chain: string, _stoppedAt: string): Promise<void> {
    this.stopped.add(chain);
    for (const [name, checkpoint] of this.checkpoints) {
      if (checkpoint.chain === chain) this.checkpoints.delete(name);
    }
  }
}
