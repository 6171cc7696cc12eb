import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DeleteCommandInput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { DetailKey, ErrorParams, Page } from '@sisi/domain';
import { decodeCursor, encodeCursor } from './client.ts';
import { type SweepOptions, type SweepResult, sweepTable } from './eraser.ts';
import { ConflictError, DataError } from './errors.ts';

/** An item as DynamoDB stores it: its own fields and its storage keys. */
export type Item = Record<string, unknown>;

export type WriteOp = NonNullable<TransactWriteCommandInput['TransactItems']>[number] & {
  /** Which field a failed condition on this op means, for the 409 a caller returns. */
  conflictField?: string;
  conflictMessage?: string;
  conflictKey?: DetailKey;
  conflictParams?: ErrorParams;
};

/**
 * What a failed condition means to the caller: the 409's message (English, for logs), the
 * field it names, and the key of its words in the details catalog when it has its own
 * (ADR 0040).
 */
export interface Conflict {
  message: string;
  field?: string;
  key?: DetailKey;
  params?: ErrorParams;
}

/** The conflict of a stale write: "the plan changed meanwhile; reload and try again". */
export const changedMeanwhile = (what: string, field = 'version'): Conflict => ({
  message: `the ${what} changed meanwhile; reload and try again`,
  field,
});

/** A write without its table (the kernel adds it). */
export type PutInput = Omit<PutCommandInput, 'TableName'>;
export type UpdateInput = Omit<UpdateCommandInput, 'TableName'>;
export type DeleteInput = Omit<DeleteCommandInput, 'TableName'>;

/**
 * A Query of one partition: of the table (`PK`) or of an index (`GSI1PK`, `GSI2PK`), all of
 * it or the sort keys starting with `prefix` (or up to `upTo`).
 */
export interface Query {
  index?: 'GSI1' | 'GSI2';
  pk: string;
  prefix?: string;
  /** Sort keys up to this one, included. */
  upTo?: string;
  /** Sort-key order, descending (newest first for time-ordered keys); default ascending. */
  descending?: boolean;
  consistent?: boolean;
  /** Only these attributes (`names` for the `#` placeholders). */
  projection?: string;
  names?: Record<string, string>;
  /** Read, then dropped: DynamoDB's `FilterExpression` with its values. */
  filter?: { expression: string; values: Record<string, unknown> };
  /** Items as stored, keys included; otherwise `stripKeys`'d. */
  keepKeys?: boolean;
}

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'ttl', 'entity'];

/** Drops the storage keys of an item so only the entity's own fields remain. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.includes(k)) out[k] = v;
  return out as T;
}

type Cancelled = { CancellationReasons?: { Code?: string }[] };
const reasonsOf = (error: unknown) => (error as Cancelled).CancellationReasons ?? [];
/** The SDK's error behind a `ConflictError` the kernel made of it. */
const rawOf = (error: unknown) =>
  error instanceof ConflictError && error.cause ? error.cause : error;

/**
 * A write refused by its condition: a conditional Put/Update/Delete, or a transaction
 * cancelled because one of its conditions failed (also once made a `ConflictError`).
 */
export function isConditionFailure(error: unknown): boolean {
  const raw = rawOf(error);
  return (
    (raw as Error).name === 'ConditionalCheckFailedException' ||
    reasonsOf(raw).some((r) => r.Code === 'ConditionalCheckFailed')
  );
}

/**
 * A transaction cancelled only because another one held an item (no condition failed),
 * whether DynamoDB's error or the `ConflictError` made of it.
 */
export function isTransactionConflict(error: unknown): boolean {
  const raw = rawOf(error);
  const reasons = reasonsOf(raw);
  return (
    (raw as Error).name === 'TransactionCanceledException' &&
    reasons.some((r) => r.Code === 'TransactionConflict') &&
    !reasons.some((r) => r.Code === 'ConditionalCheckFailed')
  );
}

/** Runs a conditional write; a failed condition becomes `conflict` as a `ConflictError`. */
async function conditional<T>(write: Promise<T>, conflict: Conflict | undefined): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!conflict || !isConditionFailure(error)) throw error;
    throw new ConflictError(conflict.message, conflict.field, {
      cause: error,
      key: conflict.key,
      params: conflict.params,
    });
  }
}

/** A failed transaction as the caller sees it: a failed condition names its op's field. */
function transactionError(error: unknown, ops: WriteOp[]): unknown {
  const reasons = (error as Cancelled).CancellationReasons;
  if (!reasons) return error;
  const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
  // another transaction held one of the items: a race, for the caller a conflict too
  const raced = reasons.findIndex((r) => r.Code === 'TransactionConflict');
  if (index < 0 && raced >= 0) {
    return new ConflictError(
      'another change to the same items won; try again',
      ops[raced]?.conflictField,
      { cause: error },
    );
  }
  if (index >= 0) {
    const op = ops[index];
    return new ConflictError(
      op?.conflictMessage ?? 'the item changed or already exists',
      op?.conflictField,
      { cause: error, key: op?.conflictKey, params: op?.conflictParams },
    );
  }
  return error;
}

const conflictOf = (conflict: Conflict | undefined) =>
  conflict
    ? {
        conflictMessage: conflict.message,
        ...(conflict.field === undefined ? {} : { conflictField: conflict.field }),
        ...(conflict.key === undefined ? {} : { conflictKey: conflict.key }),
        ...(conflict.params === undefined ? {} : { conflictParams: conflict.params }),
      }
    : {};

/** `item` one version on, if the stored one is still at `expected` (0: none yet). */
const versioned = (item: Item, expected: number): PutInput => ({
  Item: { ...item, version: expected + 1 },
  ...(expected === 0
    ? { ConditionExpression: 'attribute_not_exists(PK)' }
    : {
        ConditionExpression: '#v = :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': expected },
      }),
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One DynamoDB table as the repositories use it: the idioms every one of them needs, written
 * once. Reads strip the storage keys; lists page with opaque cursors checked against their
 * own partition; a failed condition becomes a `ConflictError` naming the caller's field.
 *
 * @example
 * const table = new Table(doc, networkTableName('sisi', networkId));
 * const org = await table.get<Organization>({ PK: 'ORG#o1', SK: 'ORG' });
 * await table.putVersioned({ PK: 'ORG#o1', SK: 'ASSETS', ...doc }, 3, 'asset inventory');
 */
export class Table {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    readonly name: string,
  ) {}

  /**
   * Removes a person from every item of the table (a Scan of all pages): an erasure only,
   * the one act that must reach copies no index leads to (ADR 0034).
   */
  sweep(options: SweepOptions): Promise<SweepResult> {
    return sweepTable(this.doc, this.name, options);
  }

  // ---- reads

  /** One item, without its storage keys; `undefined` when there is none. */
  async get<T>(
    key: Item,
    options: { consistent?: boolean; projection?: string } = {},
  ): Promise<T | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.name,
        Key: key,
        ...(options.consistent ? { ConsistentRead: true } : {}),
        ...(options.projection ? { ProjectionExpression: options.projection } : {}),
      }),
    );
    return out.Item ? stripKeys<T>(out.Item) : undefined;
  }

  /**
   * Items by key (BatchGet by 100, what DynamoDB leaves unprocessed asked again), as stored
   * and in no particular order.
   */
  async batchGet(keys: Item[]): Promise<Item[]> {
    const items: Item[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let batch: Item[] | undefined = keys.slice(i, i + 100);
      while (batch?.length) {
        const out = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.name]: { Keys: batch } } }),
        );
        items.push(...(out.Responses?.[this.name] ?? []));
        batch = out.UnprocessedKeys?.[this.name]?.Keys as Item[] | undefined;
      }
    }
    return items;
  }

  /** Entities by id, in the order of `ids`; missing ones are left out. */
  async getMany<T extends { id: string }>(
    ids: string[],
    keyOf: (id: string) => Item,
  ): Promise<T[]> {
    const found = new Map<string, T>();
    for (const item of await this.batchGet([...new Set(ids)].map(keyOf))) {
      const entity = stripKeys<T>(item);
      found.set(entity.id, entity);
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  private query(
    query: Query & { select?: 'COUNT' },
    limit: number | undefined,
    start: Item | undefined,
  ) {
    const pkName = query.index ? `${query.index}PK` : 'PK';
    const skName = query.index ? `${query.index}SK` : 'SK';
    const range = query.prefix
      ? ` AND begins_with(${skName}, :prefix)`
      : query.upTo
        ? ` AND ${skName} <= :upTo`
        : '';
    return this.doc.send(
      new QueryCommand({
        TableName: this.name,
        ...(query.index ? { IndexName: query.index } : {}),
        KeyConditionExpression: `${pkName} = :pk${range}`,
        ...(query.filter ? { FilterExpression: query.filter.expression } : {}),
        ExpressionAttributeValues: {
          ':pk': query.pk,
          ...(query.prefix ? { ':prefix': query.prefix } : {}),
          ...(query.upTo && !query.prefix ? { ':upTo': query.upTo } : {}),
          ...query.filter?.values,
        },
        ...(query.select ? { Select: query.select } : {}),
        ...(query.projection ? { ProjectionExpression: query.projection } : {}),
        ...(query.names ? { ExpressionAttributeNames: query.names } : {}),
        ...(query.descending ? { ScanIndexForward: false } : {}),
        ...(query.consistent ? { ConsistentRead: true } : {}),
        ...(limit === undefined ? {} : { Limit: limit }),
        ExclusiveStartKey: start,
      }),
    );
  }

  private itemsOf<T>(query: Query, items: Item[] | undefined): T[] {
    return (items ?? []).map((i) => (query.keepKeys ? (i as T) : stripKeys<T>(i)));
  }

  /**
   * One page of a partition. The cursor is checked against this very partition before
   * DynamoDB sees it (`InvalidCursorError` otherwise).
   */
  async page<T>(query: Query, limit: number, cursor?: string): Promise<Page<T>> {
    const pkName = query.index ? `${query.index}PK` : 'PK';
    const keys = query.index ? ['PK', 'SK', pkName, `${query.index}SK`] : ['PK', 'SK'];
    const start = decodeCursor(cursor, keys, { [pkName]: query.pk });
    const out = await this.query(query, limit, start);
    return {
      items: this.itemsOf<T>(query, out.Items),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  /**
   * Every item of a partition, page after page (no Scan: one partition is bounded by what
   * it holds). `pageSize` caps each page; `max` stops once that many are read.
   */
  async all<T>(query: Query, options: { pageSize?: number; max?: number } = {}): Promise<T[]> {
    const max = options.max ?? Number.POSITIVE_INFINITY;
    const items: T[] = [];
    let start: Item | undefined;
    do {
      const limit = options.pageSize ?? (Number.isFinite(max) ? max - items.length : undefined);
      const out = await this.query(query, limit, start);
      items.push(...this.itemsOf<T>(query, out.Items));
      start = out.LastEvaluatedKey;
    } while (start && items.length < max);
    return items;
  }

  /**
   * How many items a partition holds (after `filter`), page after page of `Select: COUNT`:
   * no item leaves DynamoDB, and no Scan.
   */
  async count(query: Omit<Query, 'projection' | 'keepKeys'>): Promise<number> {
    let total = 0;
    let start: Item | undefined;
    do {
      const out = await this.query({ ...query, select: 'COUNT' }, undefined, start);
      total += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start);
    return total;
  }

  // ---- single writes

  /** A Put; a failed condition is `conflict` as a `ConflictError` when given. */
  async put(input: PutInput, conflict?: Conflict): Promise<void> {
    await conditional(this.doc.send(new PutCommand({ TableName: this.name, ...input })), conflict);
  }

  /** An Update, returning the attributes `ReturnValues` asks for. */
  async update(input: UpdateInput, conflict?: Conflict): Promise<Item | undefined> {
    const out = await conditional(
      this.doc.send(new UpdateCommand({ TableName: this.name, ...input })),
      conflict,
    );
    return out.Attributes;
  }

  async delete(input: DeleteInput, conflict?: Conflict): Promise<void> {
    await conditional(
      this.doc.send(new DeleteCommand({ TableName: this.name, ...input })),
      conflict,
    );
  }

  /**
   * Writes `item` as version `expectedVersion + 1` if the stored one is still at
   * `expectedVersion` (0: there is none yet); otherwise a `ConflictError` on `version`
   * ("the `what` changed meanwhile") and nothing written.
   */
  async putVersioned(item: Item, expectedVersion: number, what: string): Promise<void> {
    await this.put(versioned(item, expectedVersion), changedMeanwhile(what));
  }

  /**
   * Items written in batches of 25 (no conditions), what DynamoDB leaves unprocessed written
   * again after a growing pause; `DataError` ("`what` could not be written") when throttled
   * for good.
   */
  async batchPut(items: Item[], what = 'the items'): Promise<void> {
    for (let i = 0; i < items.length; i += 25) {
      let requests: { PutRequest: { Item: Item } }[] | undefined = items
        .slice(i, i + 25)
        .map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests?.length; attempt++) {
        if (attempt > 8) throw new DataError(`${what} could not be written (throttled)`);
        const out = await this.doc.send(
          new BatchWriteCommand({ RequestItems: { [this.name]: requests } }),
        );
        requests = out.UnprocessedItems?.[this.name] as typeof requests;
        if (requests?.length) await pause(50 * 2 ** attempt);
      }
    }
  }

  // ---- transactions

  putOp(input: PutInput, conflict?: Conflict): WriteOp {
    return { Put: { TableName: this.name, ...input }, ...conflictOf(conflict) };
  }

  updateOp(input: Omit<NonNullable<WriteOp['Update']>, 'TableName'>, conflict?: Conflict): WriteOp {
    return { Update: { TableName: this.name, ...input }, ...conflictOf(conflict) };
  }

  deleteOp(input: DeleteInput, conflict?: Conflict): WriteOp {
    return { Delete: { TableName: this.name, ...input }, ...conflictOf(conflict) };
  }

  /** `putVersioned`'s write as one op of a larger transaction. */
  versionedPutOp(item: Item, expectedVersion: number, what: string): WriteOp {
    return this.putOp(versioned(item, expectedVersion), changedMeanwhile(what));
  }

  /**
   * All-or-nothing write of several items (DESIGN: writes that touch several items use one
   * transaction). A failed condition becomes a `ConflictError` naming the op's field; a
   * transaction cancelled because another one held an item is one too ("another change…
   * won"), unless `retry`: then it is tried again (five times at most, after a short random
   * pause), so the conditions, not the timing, decide who wins.
   */
  async transact(ops: WriteOp[], options: { retry?: boolean } = {}): Promise<void> {
    const TransactItems = ops.map(
      ({ conflictField: _f, conflictMessage: _m, conflictKey: _k, conflictParams: _p, ...op }) =>
        op,
    );
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems }));
        return;
      } catch (error) {
        if (!options.retry || !isTransactionConflict(error) || attempt >= 5) {
          throw transactionError(error, ops);
        }
        await pause(20 * attempt + Math.random() * 30);
      }
    }
  }
}

/**
 * What every repository is built on: the kernel over its table, and nothing of the client
 * or the table's name for anyone else to reach into.
 */
export abstract class TableRepository {
  protected readonly table: Table;

  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    this.table = new Table(doc, tableName);
  }
}
