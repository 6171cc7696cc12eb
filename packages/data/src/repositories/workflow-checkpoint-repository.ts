import { isConditionFailure, type Query, TableRepository } from '../table.ts';

/**
 * A paused workflow execution (the `Checkpoint` of `@sisi/workflows`, whose
 * `CheckpointStore` port this repository implements; `data` may not import `workflows`,
 * so the shape is repeated here and checked against the port in test/workflows).
 */
export interface WorkflowCheckpoint {
  executionName: string;
  chain: string;
  nextState: string;
  input: unknown;
  /** ISO instant in `toISOString()` form: the due index sorts it as a string. */
  dueAt: string;
  seq: number;
}

export interface FailedWorkflow {
  checkpoint: WorkflowCheckpoint;
  error: string;
  failedAt: string;
}

const DUE = 'WORKFLOW-DUE';
const FAILED = 'WORKFLOW-FAILED';
const executionKey = (name: string, sk: 'CHECKPOINT' | 'STARTED' | 'FAILED') => ({
  PK: `WORKFLOW#${name}`,
  SK: sk,
});
/** A chain's name never ends in `-p<n>`, so it cannot meet an execution's key. */
const stoppedKey = (chain: string) => ({ PK: `WORKFLOW#${chain}`, SK: 'STOPPED' });
/** Sorts after every `<dueAt>#<name>` with that `dueAt`: names use no `~`. */
const dueUpTo = (now: string) => `${now}#~`;

/**
 * The local workflow runner's checkpoints in the platform table (docs/decisions/0006):
 * `WORKFLOW#<name>` holds `STARTED` (the name was used once, for good), `CHECKPOINT` (where
 * and when the execution goes on) and `FAILED`; `WORKFLOW#<chain>`/`STOPPED` ends a chain.
 * Due checkpoints are one Query on GSI1 (`WORKFLOW-DUE`, `<dueAt>#<name>`), never a Scan.
 *
 * @example
 * const store = new WorkflowCheckpointRepository(doc, platformTableName('sisi'));
 * const due = await store.due(new Date().toISOString(), 100);
 */
export class WorkflowCheckpointRepository extends TableRepository {
  private checkpointItem(checkpoint: WorkflowCheckpoint) {
    return {
      ...executionKey(checkpoint.executionName, 'CHECKPOINT'),
      entity: 'workflow-checkpoint',
      GSI1PK: DUE,
      GSI1SK: `${checkpoint.dueAt}#${checkpoint.executionName}`,
      ...checkpoint,
    };
  }

  /** First start of a name wins, and none once its chain is stopped: one transaction. */
  start(checkpoint: WorkflowCheckpoint, startedAt: string): Promise<boolean> {
    return unlessConditionFails(
      this.table.transact([
        this.table.putOp({
          Item: {
            ...executionKey(checkpoint.executionName, 'STARTED'),
            entity: 'workflow-started',
            executionName: checkpoint.executionName,
            chain: checkpoint.chain,
            startedAt,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
        {
          ConditionCheck: {
            TableName: this.table.name,
            Key: stoppedKey(checkpoint.chain),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        this.table.putOp({ Item: this.checkpointItem(checkpoint) }),
      ]),
    );
  }

  get(executionName: string): Promise<WorkflowCheckpoint | undefined> {
    return this.table.get<WorkflowCheckpoint>(executionKey(executionName, 'CHECKPOINT'), {
      consistent: true,
    });
  }

  /** Due at or before `now`, oldest first (then by name). */
  due(now: string, limit: number): Promise<WorkflowCheckpoint[]> {
    return this.table.all<WorkflowCheckpoint>(
      { index: 'GSI1', pk: DUE, upTo: dueUpTo(now) },
      { max: limit },
    );
  }

  advance(current: WorkflowCheckpoint, next?: WorkflowCheckpoint): Promise<boolean> {
    const condition = {
      ConditionExpression: 'seq = :seq',
      ExpressionAttributeValues: { ':seq': current.seq },
    };
    return unlessConditionFails(
      next
        ? this.table.put({ Item: this.checkpointItem(next), ...condition })
        : this.table.delete({
            Key: executionKey(current.executionName, 'CHECKPOINT'),
            ...condition,
          }),
    );
  }

  fail(current: WorkflowCheckpoint, error: string, failedAt: string): Promise<boolean> {
    return unlessConditionFails(
      this.table.transact([
        this.table.deleteOp({
          Key: executionKey(current.executionName, 'CHECKPOINT'),
          ConditionExpression: 'seq = :seq',
          ExpressionAttributeValues: { ':seq': current.seq },
        }),
        this.table.putOp({
          Item: {
            ...executionKey(current.executionName, 'FAILED'),
            entity: 'workflow-failed',
            GSI1PK: FAILED,
            GSI1SK: `${failedAt}#${current.executionName}`,
            checkpoint: current,
            error: error.slice(0, 4000),
            failedAt,
          },
        }),
      ]),
    );
  }

  /** Oldest first. */
  failures(): Promise<FailedWorkflow[]> {
    return this.table.all<FailedWorkflow>({ index: 'GSI1', pk: FAILED });
  }

  /**
   * Writes the chain's stop marker, then deletes its checkpoints. They are found on the due
   * index filtered by chain: that reads every pending checkpoint (a Query, still no Scan),
   * which is fine for the embedded runtime's scale; the marker alone already keeps the
   * chain from going on, as every later write of it is conditional.
   */
  async stopChain(chain: string, stoppedAt: string): Promise<void> {
    await this.table.put({
      Item: { ...stoppedKey(chain), entity: 'workflow-stopped', chain, stoppedAt },
    });
    const pending: Query = {
      index: 'GSI1',
      pk: DUE,
      filter: { expression: 'chain = :chain', values: { ':chain': chain } },
      keepKeys: true,
    };
    for (const item of await this.table.all<{ PK: string; SK: string }>(pending)) {
      await this.table.delete({ Key: { PK: item.PK, SK: item.SK } });
    }
  }
}

/** `true` once the write went through, `false` when one of its conditions failed. */
async function unlessConditionFails(write: Promise<void>): Promise<boolean> {
  try {
    await write;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
