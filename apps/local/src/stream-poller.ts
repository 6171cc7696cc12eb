import {
  DescribeTableCommand,
  type DynamoDBClient,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import {
  type DynamoDbStreamRecord,
  type RollupRepository,
  type ShardCheckpoint,
  toRollupRecord,
} from '@sisi/data';
import type { RollupHandler } from '@sisi/rollup';

export interface StreamPollerOptions {
  dynamo: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  /** Tables `<prefix>-net-*` are read: every network, including ones created later. */
  tablePrefix: string;
  rollup: RollupHandler;
  /** Where shard positions are kept, so a restart resumes where it stopped. */
  checkpoints: Pick<RollupRepository, 'listCheckpoints' | 'putCheckpoint'>;
  /** Records per GetRecords call. */
  batchSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * The embedded runtime's stand-in for DynamoDB Streams → Lambda: reads every network
 * table's stream on DynamoDB Local (DescribeStream, GetShardIterator, GetRecords) and feeds
 * the records, shard by shard and in order, to the same rollup handler as on AWS. After
 * each batch the shard's position is checkpointed in the platform table.
 *
 * @example
 * const poller = new StreamPoller({ dynamo, streams, tablePrefix: 'sisi', rollup, checkpoints });
 * poller.start(1000); // in the background
 * await poller.drain(); // tests: every write so far has reached the rollups
 */
export class StreamPoller {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly batchSize: number;

  constructor(private readonly options: StreamPollerOptions) {
    this.batchSize = options.batchSize ?? 1000;
  }

  /** Polls every `intervalMs` in the background until `stop`. */
  start(intervalMs = 1000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.pass().catch((error: unknown) => (this.options.onError ?? console.error)(error));
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the background polling and waits for a pass in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /**
   * Resolves once every record written before the call has been handled: passes run
   * until one finds nothing new. For tests and for answers that must be deterministic.
   */
  async drain(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      if ((await this.pass()) === 0) return;
    }
    throw new Error('the rollup streams did not settle');
  }

  /** One read of every shard to its current end; how many records were handled. */
  pass(): Promise<number> {
    // one pass at a time: a shard's records must reach the handler in order
    const previous = this.running ?? Promise.resolve(0);
    const run = previous
      .catch(() => 0)
      .then(() => this.readAll())
      .finally(() => {
        if (this.running === run) this.running = undefined;
      });
    this.running = run;
    return run;
  }

  private async readAll(): Promise<number> {
    let handled = 0;
    for (const table of await this.networkTables()) {
      const described = await this.options.dynamo.send(
        new DescribeTableCommand({ TableName: table }),
      );
      const streamArn = described.Table?.LatestStreamArn;
      if (!streamArn) continue;
      handled += await this.readStream(streamArn);
    }
    return handled;
  }

  private async networkTables(): Promise<string[]> {
    const head = `${this.options.tablePrefix}-net-`;
    const names: string[] = [];
    let start: string | undefined;
    do {
      const out = await this.options.dynamo.send(
        new ListTablesCommand({ ExclusiveStartTableName: start }),
      );
      names.push(...(out.TableNames ?? []).filter((n) => n.startsWith(head)));
      start = out.LastEvaluatedTableName;
    } while (start);
    return names;
  }

  private async readStream(streamArn: string): Promise<number> {
    const shards: Shard[] = [];
    let startShard: string | undefined;
    do {
      const out = await this.options.streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: startShard }),
      );
      shards.push(...(out.StreamDescription?.Shards ?? []));
      startShard = out.StreamDescription?.LastEvaluatedShardId;
    } while (startShard);
    const checkpoints = new Map(
      (await this.options.checkpoints.listCheckpoints(streamArn)).map((c) => [c.shardId, c]),
    );
    let handled = 0;
    // parents before children: an item's older writes are in the parent shard
    for (const shard of parentsFirst(shards)) {
      const id = shard.ShardId!;
      const checkpoint = checkpoints.get(id);
      if (checkpoint?.done) continue;
      handled += await this.readShard(streamArn, shard, checkpoint);
    }
    return handled;
  }

  private async iterator(streamArn: string, shardId: string, after?: string): Promise<string> {
    const out = await this.options.streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    if (!out.ShardIterator) throw new Error(`no iterator for shard ${shardId}`);
    return out.ShardIterator;
  }

  private async readShard(
    streamArn: string,
    shard: Shard,
    checkpoint: ShardCheckpoint | undefined,
  ): Promise<number> {
    const shardId = shard.ShardId!;
    let position = checkpoint?.sequenceNumber;
    let iterator: string | undefined;
    try {
      iterator = await this.iterator(streamArn, shardId, position);
    } catch (error) {
      // the checkpoint is older than the stream keeps (24 hours): start from what is left;
      // `pnpm rollups:rebuild --fix` repairs what was lost
      if (!(error instanceof TrimmedDataAccessException)) throw error;
      iterator = await this.iterator(streamArn, shardId);
    }
    let handled = 0;
    while (iterator) {
      let out: { Records?: DynamoDbStreamRecord[]; NextShardIterator?: string };
      try {
        // the streams client's AttributeValue is the same wire shape as DynamoDB's
        out = (await this.options.streams.send(
          new GetRecordsCommand({ ShardIterator: iterator, Limit: this.batchSize }),
        )) as unknown as typeof out;
      } catch (error) {
        if (!(error instanceof ExpiredIteratorException)) throw error;
        iterator = await this.iterator(streamArn, shardId, position);
        continue;
      }
      const records = out.Records ?? [];
      for (const raw of records) {
        const record = toRollupRecord(this.options.tablePrefix, {
          ...raw,
          eventSourceARN: raw.eventSourceARN ?? streamArn,
        });
        if (record) await this.options.rollup.apply(record);
        position = raw.dynamodb?.SequenceNumber ?? position;
        handled++;
      }
      const closed = !out.NextShardIterator;
      if (records.length || closed) {
        await this.options.checkpoints.putCheckpoint(streamArn, {
          shardId,
          done: closed,
          ...(position ? { sequenceNumber: position } : {}),
        });
      }
      // an open shard answers an empty page at its current end: caught up for now
      if (records.length === 0) break;
      iterator = out.NextShardIterator;
    }
    return handled;
  }
}

/** Shards ordered so that a parent comes before its children. */
function parentsFirst(shards: Shard[]): Shard[] {
  const byId = new Map(shards.map((s) => [s.ShardId!, s]));
  const out: Shard[] = [];
  const seen = new Set<string>();
  const visit = (s: Shard) => {
    if (seen.has(s.ShardId!)) return;
    seen.add(s.ShardId!);
    const parent = s.ParentShardId ? byId.get(s.ParentShardId) : undefined;
    if (parent) visit(parent);
    out.push(s);
  };
  for (const s of shards) visit(s);
  return out;
}
