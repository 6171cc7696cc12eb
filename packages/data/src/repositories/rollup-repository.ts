import type { Contribution, Counters, Quarter } from '@sisi/domain';
import { DataError } from '../errors.ts';
import { TableRepository, type WriteOp } from '../table.ts';

/** The stored item a contribution belongs to: its keys in the network's table. */
export interface SourceKey {
  PK: string;
  SK: string;
}

/** An item's last contribution, and the stream position of the write it came from. */
export interface StoredContribution {
  /** The stream record's sequence number, zero-padded so strings compare in order. */
  seq: string;
  contribution: Contribution;
}

/** Everything the rollups hold for one network. */
export interface NetworkAggregates {
  quarters: Record<Quarter, Counters>;
  labels: Record<string, string>;
}

/** Where a stream reader is in one shard of a table's stream (the local poller's). */
export interface ShardCheckpoint {
  shardId: string;
  /** The last record handled; absent when none yet. */
  sequenceNumber?: string;
  /** The shard is closed and every record of it was handled. */
  done: boolean;
}

const COUNTER = 'c#';
const LABEL = 'l#';
/** Stream sequence numbers are decimal strings of up to 40 digits. */
export const padSequence = (seq: string): string => seq.padStart(40, '0');

const aggregatePk = (networkId: string) => `ROLLUP#${networkId}`;
const quarterKey = (networkId: string, quarter: Quarter) => ({
  PK: aggregatePk(networkId),
  SK: `Q#${quarter}`,
});
const labelsKey = (networkId: string) => ({ PK: aggregatePk(networkId), SK: 'LABELS' });
const sourceKey = (networkId: string, source: SourceKey) => ({
  PK: `ROLLUP-SOURCE#${networkId}#${source.PK}`,
  SK: source.SK,
});
const checkpointKey = (streamArn: string, shardId: string) => ({
  PK: `STREAM#${streamArn}`,
  SK: `SHARD#${shardId}`,
});

/** A source item's stored contribution, listed by network on GSI1. */
const sourceItem = (networkId: string, source: SourceKey, stored: StoredContribution) => ({
  ...sourceKey(networkId, source),
  entity: 'rollup-source',
  GSI1PK: `ROLLUP-SOURCES#${networkId}`,
  GSI1SK: `${source.PK}#${source.SK}`,
  networkId,
  source,
  seq: stored.seq,
  contribution: stored.contribution,
});

/** A transaction holds 100 items: the contribution, the labels and up to 98 quarters. */
export const MAX_QUARTERS_PER_WRITE = 98;

/**
 * The donor rollups in the platform table (DESIGN.md "Tenancy": donor routes read only
 * these). Per network: one item per quarter whose counters are top-level attributes
 * (`c#<counter>`, so a write is one `ADD`), an item of labels, and per source item its last
 * contribution, so a repeated or older stream record changes nothing.
 *
 * @example
 * const rollups = new RollupRepository(doc, platformTableName('sisi'));
 * const { quarters } = await rollups.getNetwork('kp-alliance-x1');
 */
export class RollupRepository extends TableRepository {
  async getContribution(
    networkId: string,
    source: SourceKey,
  ): Promise<StoredContribution | undefined> {
    const item = await this.table.get<StoredContribution>(sourceKey(networkId, source), {
      consistent: true,
    });
    return item && { seq: item.seq, contribution: item.contribution };
  }

  /**
   * Replaces a source item's contribution and applies `delta` to the aggregates, in one
   * transaction that only goes through if the stored contribution is still the one read
   * (`previousSeq`; `undefined` when there was none). Otherwise `ConflictError`: read again.
   */
  async applyContribution(input: {
    networkId: string;
    source: SourceKey;
    previousSeq: string | undefined;
    next: StoredContribution;
    delta: {
      counters: Record<Quarter, Counters>;
      setLabels: Record<string, string>;
      removeLabels: string[];
    };
  }): Promise<void> {
    const { networkId, source, previousSeq, next, delta } = input;
    const quarters = Object.entries(delta.counters);
    if (quarters.length > MAX_QUARTERS_PER_WRITE) {
      throw new DataError(
        `${source.PK} ${source.SK} touches ${quarters.length} quarters; at most ${MAX_QUARTERS_PER_WRITE} fit one write`,
      );
    }
    const ops: WriteOp[] = [
      this.table.putOp(
        {
          Item: sourceItem(networkId, source, next),
          ...(previousSeq === undefined
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : {
                ConditionExpression: 'seq = :prev',
                ExpressionAttributeValues: { ':prev': previousSeq },
              }),
        },
        { message: 'the contribution changed meanwhile', field: 'seq' },
      ),
    ];
    for (const [quarter, counters] of quarters) {
      const names: Record<string, string> = { '#n': 'networkId', '#q': 'quarter', '#e': 'entity' };
      const values: Record<string, unknown> = {
        ':n': networkId,
        ':q': quarter,
        ':e': 'rollup-quarter',
      };
      const adds = Object.entries(counters).map(([k, v], i) => {
        names[`#c${i}`] = `${COUNTER}${k}`;
        values[`:c${i}`] = v;
        return `#c${i} :c${i}`;
      });
      ops.push(
        this.table.updateOp({
          Key: quarterKey(networkId, quarter),
          UpdateExpression: `SET #n = :n, #q = :q, #e = :e ADD ${adds.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    }
    const sets = Object.entries(delta.setLabels);
    if (sets.length || delta.removeLabels.length) {
      const names: Record<string, string> = { '#n': 'networkId', '#e': 'entity' };
      const values: Record<string, unknown> = { ':n': networkId, ':e': 'rollup-labels' };
      const setParts = ['#n = :n', '#e = :e'];
      sets.forEach(([k, v], i) => {
        names[`#s${i}`] = `${LABEL}${k}`;
        values[`:s${i}`] = v;
        setParts.push(`#s${i} = :s${i}`);
      });
      const removeParts = delta.removeLabels.map((k, i) => {
        names[`#r${i}`] = `${LABEL}${k}`;
        return `#r${i}`;
      });
      ops.push(
        this.table.updateOp({
          Key: labelsKey(networkId),
          UpdateExpression: `SET ${setParts.join(', ')}${removeParts.length ? ` REMOVE ${removeParts.join(', ')}` : ''}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    }
    await this.table.transact(ops);
  }

  /** Every quarter's counters and the labels of a network: one Query, whatever its size. */
  async getNetwork(networkId: string): Promise<NetworkAggregates> {
    const quarters: Record<Quarter, Counters> = {};
    const labels: Record<string, string> = {};
    const items = await this.table.all<Record<string, unknown>>({
      pk: aggregatePk(networkId),
      keepKeys: true,
    });
    for (const item of items) {
      if (item.SK === 'LABELS') {
        for (const [k, v] of Object.entries(item)) {
          if (k.startsWith(LABEL)) labels[k.slice(LABEL.length)] = String(v);
        }
      } else if (typeof item.quarter === 'string') {
        const counters: Counters = {};
        for (const [k, v] of Object.entries(item)) {
          if (k.startsWith(COUNTER) && typeof v === 'number' && v !== 0) {
            counters[k.slice(COUNTER.length)] = v;
          }
        }
        quarters[item.quarter] = counters;
      }
    }
    return { quarters, labels };
  }

  /** Every stored contribution of a network, by source (`PK#SK`): for the rebuild only. */
  async listContributions(
    networkId: string,
  ): Promise<Map<string, StoredContribution & { source: SourceKey }>> {
    const items = await this.table.all<StoredContribution & { source: SourceKey; GSI1SK: string }>({
      index: 'GSI1',
      pk: `ROLLUP-SOURCES#${networkId}`,
      keepKeys: true,
    });
    return new Map(
      items.map((item) => [
        item.GSI1SK,
        { source: item.source, seq: item.seq, contribution: item.contribution },
      ]),
    );
  }

  /**
   * The rebuild's repair: a network's aggregates become exactly `aggregates` (quarters no
   * longer there are emptied) and each listed source gets its contribution. Not atomic:
   * run it while nothing writes (ADR 0013).
   */
  async replaceNetwork(
    networkId: string,
    aggregates: NetworkAggregates,
    contributions: { source: SourceKey; stored: StoredContribution }[],
  ): Promise<void> {
    const existing = await this.getNetwork(networkId);
    const puts: Record<string, unknown>[] = [];
    for (const quarter of new Set([
      ...Object.keys(existing.quarters),
      ...Object.keys(aggregates.quarters),
    ])) {
      const counters = aggregates.quarters[quarter] ?? {};
      puts.push({
        ...quarterKey(networkId, quarter),
        entity: 'rollup-quarter',
        networkId,
        quarter,
        ...Object.fromEntries(Object.entries(counters).map(([k, v]) => [`${COUNTER}${k}`, v])),
      });
    }
    puts.push({
      ...labelsKey(networkId),
      entity: 'rollup-labels',
      networkId,
      ...Object.fromEntries(Object.entries(aggregates.labels).map(([k, v]) => [`${LABEL}${k}`, v])),
    });
    for (const { source, stored } of contributions) {
      puts.push(sourceItem(networkId, source, stored));
    }
    await this.table.batchPut(puts, 'the rollups');
  }

  async listCheckpoints(streamArn: string): Promise<ShardCheckpoint[]> {
    const items = await this.table.all<Partial<ShardCheckpoint>>({
      pk: `STREAM#${streamArn}`,
      consistent: true,
    });
    return items.map((item) => ({
      shardId: item.shardId as string,
      done: item.done === true,
      ...(item.sequenceNumber ? { sequenceNumber: item.sequenceNumber } : {}),
    }));
  }

  async putCheckpoint(streamArn: string, checkpoint: ShardCheckpoint): Promise<void> {
    await this.table.put({
      Item: {
        ...checkpointKey(streamArn, checkpoint.shardId),
        entity: 'stream-checkpoint',
        streamArn,
        ...checkpoint,
      },
    });
  }
}
