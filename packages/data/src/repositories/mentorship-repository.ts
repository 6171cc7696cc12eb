import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Mentorship, Page } from '@sisi/domain';
import { decodeCursor, encodeCursor, queryIndexPage } from '../client.ts';
import { ConflictError } from '../errors.ts';
import { stripKeys, transact, type WriteOp } from '../transact.ts';

const mentorshipKey = (id: string) => ({ PK: `MENTORSHIP#${id}`, SK: 'MENTORSHIP' });
const docKey = (id: string, name: string) => ({ PK: `MENTORSHIP#${id}`, SK: `DOC#${name}` });

/** A versioned document attached to a mentorship (the plan, the orientation meeting…). */
export interface VersionedDocument<T> {
  version: number;
  content: T;
  updatedAt: string;
  updatedBy: string;
}

export type MentorshipFilter = 'organization' | 'person';

/**
 * Mentorships of one network. The mentorship is one item (its agreements, stage history
 * and review schedule inside it, all small and bounded); index items per organization
 * and per participant make "mine" lists Queries, never Scans.
 *
 * @example
 * const repo = new MentorshipRepository(doc, networkTableName('sisi', networkId));
 * const page = await repo.listByOrganization(orgId, 25);
 */
export class MentorshipRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async get(id: string): Promise<Mentorship | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: mentorshipKey(id) }),
    );
    return out.Item ? stripKeys<Mentorship>(out.Item) : undefined;
  }

  private indexOps(m: Mentorship, kind: MentorshipFilter, ids: string[]): WriteOp[] {
    const prefix = kind === 'organization' ? 'ORG' : 'PERSON';
    return ids.map((id) => ({
      Put: {
        TableName: this.tableName,
        Item: {
          PK: `MENTORSHIP#${m.id}`,
          SK: `${prefix}#${id}`,
          entity: 'mentorship-index',
          mentorshipId: m.id,
          GSI2PK: `${prefix}#${id}#MENTORSHIPS`,
          GSI2SK: `${m.createdAt}#${m.id}`,
        },
      },
    }));
  }

  /** The mentorship and its index items per organization, in one transaction. */
  async create(m: Mentorship, extraOps: WriteOp[] = []): Promise<void> {
    await transact(this.doc, [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...mentorshipKey(m.id),
            entity: 'mentorship',
            GSI1PK: 'MENTORSHIPS',
            GSI1SK: `${m.createdAt}#${m.id}`,
            ...m,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...this.indexOps(m, 'organization', [m.mentorOrganizationId, ...m.menteeOrganizationIds]),
      ...extraOps,
    ]);
  }

  /**
   * Replaces the mentorship if it is still at `expectedVersion` (the new one must carry
   * `expectedVersion + 1`); otherwise `ConflictError` and nothing written.
   */
  async replace(
    next: Mentorship,
    expectedVersion: number,
    extraOps: WriteOp[] = [],
  ): Promise<void> {
    // Every field but `approaches`, which belongs to the plan (`approachesOp`): a stage
    // move that read the mentorship before a plan save must not bring old approaches back.
    const { approaches: _owned, id: _id, organizations: _read, ...fields } = next;
    const names: Record<string, string> = { '#v': 'version' };
    const values: Record<string, unknown> = { ':v': expectedVersion };
    const sets = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v], i) => {
        names[`#f${i}`] = k;
        values[`:f${i}`] = v;
        return `#f${i} = :f${i}`;
      });
    await transact(this.doc, [
      {
        Update: {
          TableName: this.tableName,
          Key: mentorshipKey(next.id),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(PK) AND #v = :v',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
        conflictField: 'version',
        conflictMessage: 'the mentorship changed meanwhile; reload and try again',
      },
      ...extraOps,
    ]);
  }

  /** Index items making `personIds` find this mentorship in their own list. */
  participantOps(m: Mentorship, personIds: string[]): WriteOp[] {
    return this.indexOps(m, 'person', personIds);
  }

  removeParticipantOps(mentorshipId: string, personIds: string[]): WriteOp[] {
    return personIds.map((id) => ({
      Delete: {
        TableName: this.tableName,
        Key: { PK: `MENTORSHIP#${mentorshipId}`, SK: `PERSON#${id}` },
      },
    }));
  }

  /** Every mentorship of the network, newest first. */
  async list(limit: number, cursor?: string): Promise<Page<Mentorship>> {
    const out = await queryIndexPage(this.doc, {
      tableName: this.tableName,
      index: 'GSI1',
      pk: 'MENTORSHIPS',
      limit,
      cursor,
    });
    return {
      items: (out.Items ?? []).map((i) => stripKeys<Mentorship>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  /** Mentorships an organization (or a person) takes part in, newest first. */
  async listFor(
    kind: MentorshipFilter,
    id: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<Mentorship>> {
    const pk = `${kind === 'organization' ? 'ORG' : 'PERSON'}#${id}#MENTORSHIPS`;
    const out = await queryIndexPage(this.doc, {
      tableName: this.tableName,
      index: 'GSI2',
      pk: pk,
      limit,
      cursor,
    });
    const ids = (out.Items ?? []).map((i) => i.mentorshipId as string);
    return { items: await this.getMany(ids), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  /** In the order of `ids`; missing ones are left out. */
  async getMany(ids: string[]): Promise<Mentorship[]> {
    if (ids.length === 0) return [];
    const found = new Map<string, Mentorship>();
    for (let i = 0; i < ids.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map(mentorshipKey);
      while (keys && keys.length > 0) {
        const out = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }),
        );
        for (const item of out.Responses?.[this.tableName] ?? []) {
          const m = stripKeys<Mentorship>(item);
          found.set(m.id, m);
        }
        keys = out.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  async getDocument<T>(
    mentorshipId: string,
    name: string,
  ): Promise<VersionedDocument<T> | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: docKey(mentorshipId, name) }),
    );
    return out.Item ? stripKeys<VersionedDocument<T>>(out.Item) : undefined;
  }

  /**
   * Writes a document if it is still at `expectedVersion` (0 when it does not exist yet);
   * a concurrent edit loses with `ConflictError` instead of overwriting.
   */
  async putDocument<T>(
    mentorshipId: string,
    name: string,
    expectedVersion: number,
    doc: VersionedDocument<T>,
  ): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...docKey(mentorshipId, name), entity: `mentorship-${name}`, ...doc },
          ...(expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': expectedVersion },
              }),
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      throw new ConflictError(`the ${name} changed meanwhile; reload and try again`, 'version', {
        cause: error,
      });
    }
  }

  /** A document as one op of a larger transaction (e.g. a plan that also updates the mentorship). */
  putDocumentOp<T>(
    mentorshipId: string,
    name: string,
    expectedVersion: number,
    doc: VersionedDocument<T>,
  ): WriteOp {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...docKey(mentorshipId, name), entity: `mentorship-${name}`, ...doc },
        ...(expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : {
              ConditionExpression: '#v = :v',
              ExpressionAttributeNames: { '#v': 'version' },
              ExpressionAttributeValues: { ':v': expectedVersion },
            }),
      },
      conflictField: 'version',
      conflictMessage: `the ${name} changed meanwhile; reload and try again`,
    };
  }

  /**
   * Writes a document (as `putDocumentOp`) together with `extraOps` in one transaction.
   * Two writers racing on the same items make DynamoDB cancel one transaction with
   * `TransactionConflict`; it is tried again, so the version condition (not the timing)
   * decides who wins and the loser gets `ConflictError`.
   */
  async saveDocument<T>(
    mentorshipId: string,
    name: string,
    expectedVersion: number,
    doc: VersionedDocument<T>,
    extraOps: WriteOp[] = [],
  ): Promise<void> {
    const ops = [this.putDocumentOp(mentorshipId, name, expectedVersion, doc), ...extraOps];
    for (let attempt = 1; ; attempt++) {
      try {
        await transact(this.doc, ops);
        return;
      } catch (error) {
        if (!isTransactionConflict(error) || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
      }
    }
  }

  /**
   * Sets the mentorship's `approaches` (the plan's formats, for the `approach` filter)
   * without touching its `version`: a plan save must never make a stage move stale.
   */
  approachesOp(mentorshipId: string, approaches: string[], now: string): WriteOp {
    return {
      Update: {
        TableName: this.tableName,
        Key: mentorshipKey(mentorshipId),
        UpdateExpression: 'SET #a = :a, #u = :now',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#a': 'approaches', '#u': 'updatedAt' },
        ExpressionAttributeValues: { ':a': approaches, ':now': now },
      },
      conflictMessage: 'the mentorship no longer exists',
    };
  }

  /** Items under a mentorship with a sort-key prefix (e.g. `GATHERING#`), oldest first. */
  async listChildren<T>(
    mentorshipId: string,
    prefix: string,
    limit = 100,
    cursor?: string,
  ): Promise<Page<T>> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': `MENTORSHIP#${mentorshipId}`, ':prefix': prefix },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['PK', 'SK'], { PK: `MENTORSHIP#${mentorshipId}` }),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => stripKeys<T>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  /** A child item (`SK` = `${prefix}${childId}`) that must not exist yet. */
  async putChild(
    mentorshipId: string,
    sk: string,
    entity: string,
    item: Record<string, unknown>,
  ): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { PK: `MENTORSHIP#${mentorshipId}`, SK: sk, entity, ...item },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }
}

/**
 * A transaction cancelled only because another one held an item (no condition failed),
 * whether `transact` passed DynamoDB's error on or wrapped it in a `ConflictError`.
 */
function isTransactionConflict(error: unknown): boolean {
  const raw = error instanceof ConflictError && error.cause ? error.cause : error;
  const reasons = (raw as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return (
    (raw as Error).name === 'TransactionCanceledException' &&
    !!reasons?.some((r) => r.Code === 'TransactionConflict') &&
    !reasons.some((r) => r.Code === 'ConditionalCheckFailed')
  );
}
