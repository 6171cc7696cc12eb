import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { stripKeys } from '../transact.ts';

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

const isConditionFailure = (error: unknown) =>
  (error as Error).name === 'ConditionalCheckFailedException' ||
  ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some(
    (r) => r.Code === 'ConditionalCheckFailed',
  );

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
export class WorkflowCheckpointRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

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
  async start(checkpoint: WorkflowCheckpoint, startedAt: string): Promise<boolean> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...executionKey(checkpoint.executionName, 'STARTED'),
                  entity: 'workflow-started',
                  executionName: checkpoint.executionName,
                  chain: checkpoint.chain,
                  startedAt,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              ConditionCheck: {
                TableName: this.tableName,
                Key: stoppedKey(checkpoint.chain),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName: this.tableName, Item: this.checkpointItem(checkpoint) } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async get(executionName: string): Promise<WorkflowCheckpoint | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: executionKey(executionName, 'CHECKPOINT'),
        ConsistentRead: true,
      }),
    );
    return out.Item ? stripKeys<WorkflowCheckpoint>(out.Item) : undefined;
  }

  /** Due at or before `now`, oldest first (then by name). */
  async due(now: string, limit: number): Promise<WorkflowCheckpoint[]> {
    const items = await this.query(
      {
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :upTo',
        ExpressionAttributeValues: { ':pk': DUE, ':upTo': dueUpTo(now) },
      },
      limit,
    );
    return items.map((i) => stripKeys<WorkflowCheckpoint>(i));
  }

  async advance(current: WorkflowCheckpoint, next?: WorkflowCheckpoint): Promise<boolean> {
    const condition = {
      ConditionExpression: 'seq = :seq',
      ExpressionAttributeValues: { ':seq': current.seq },
    };
    try {
      if (next) {
        await this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: this.checkpointItem(next),
            ...condition,
          }),
        );
      } else {
        await this.doc.send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: executionKey(current.executionName, 'CHECKPOINT'),
            ...condition,
          }),
        );
      }
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async fail(current: WorkflowCheckpoint, error: string, failedAt: string): Promise<boolean> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.tableName,
                Key: executionKey(current.executionName, 'CHECKPOINT'),
                ConditionExpression: 'seq = :seq',
                ExpressionAttributeValues: { ':seq': current.seq },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...executionKey(current.executionName, 'FAILED'),
                  entity: 'workflow-failed',
                  GSI1PK: FAILED,
                  GSI1SK: `${failedAt}#${current.executionName}`,
                  checkpoint: current,
                  error: error.slice(0, 4000),
                  failedAt,
                },
              },
            },
          ],
        }),
      );
      return true;
    } catch (caught) {
      if (isConditionFailure(caught)) return false;
      throw caught;
    }
  }

  /** Oldest first. */
  async failures(): Promise<FailedWorkflow[]> {
    const items = await this.query({
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': FAILED },
    });
    return items.map((i) => stripKeys<FailedWorkflow>(i));
  }

  /**
   * Writes the chain's stop marker, then deletes its checkpoints. They are found on the due
   * index filtered by chain: that reads every pending checkpoint (a Query, still no Scan),
   * which is fine for the embedded runtime's scale; the marker alone already keeps the
   * chain from going on, as every later write of it is conditional.
   */
  async stopChain(chain: string, stoppedAt: string): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...stoppedKey(chain), entity: 'workflow-stopped', chain, stoppedAt },
      }),
    );
    const items = await this.query({
      KeyConditionExpression: 'GSI1PK = :pk',
      FilterExpression: 'chain = :chain',
      ExpressionAttributeValues: { ':pk': DUE, ':chain': chain },
    });
    for (const item of items) {
      await this.doc.send(
        new DeleteCommand({ TableName: this.tableName, Key: { PK: item.PK, SK: item.SK } }),
      );
    }
  }

  private async query(
    input: Omit<QueryCommandInput, 'TableName' | 'IndexName'>,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          ...input,
          TableName: this.tableName,
          IndexName: 'GSI1',
          ExclusiveStartKey: start,
          ...(Number.isFinite(limit) ? { Limit: limit - items.length } : {}),
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start && items.length < limit);
    return items;
  }
}
