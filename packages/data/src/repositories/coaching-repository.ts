import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  BestPractice,
  Coach,
  CoachingSession,
  NeedsAssessment,
  Page,
  PlanStepDates,
} from '@sisi/domain';
import { decodeCursor, encodeCursor, queryIndexPage } from '../client.ts';
import { ConflictError } from '../errors.ts';
import type { EncryptedField } from '../field-cipher.ts';
import { stripKeys, transact, type WriteOp } from '../transact.ts';
import type { VersionedDocument } from './mentorship-repository.ts';

const coachKey = (personId: string) => ({ PK: `COACH#${personId}`, SK: 'COACH' });
const coachingKey = (id: string) => ({ PK: `COACHING#${id}`, SK: 'COACHING' });
const planKey = (id: string) => ({ PK: `COACHING#${id}`, SK: 'DOC#plan' });
const sessionKey = (coachingId: string, date: string, id: string) => ({
  PK: `COACHING#${coachingId}`,
  SK: `SESSION#${date}#${id}`,
});
const practiceKey = (id: string) => ({ PK: `BEST_PRACTICE#${id}`, SK: 'BEST_PRACTICE' });
/** Case- and accent-blind, so the pool lists "Éliane" with the e's. */
const sortable = (name: string) =>
  name.toLocaleLowerCase('en').normalize('NFKD').replace(/\p{M}/gu, '');
const isConditionFailure = (error: unknown) =>
  (error as Error).name === 'ConditionalCheckFailedException';

/** A coach of the pool as stored. */
export type CoachRecord = Coach;

export interface CoachingPersonRef {
  id: string;
  name: string;
  organizationId: string;
}

/**
 * A coaching between a coach and a peer. Besides the needs assessment it carries the figures
 * coordinators see (sessions held, quality ratings, the plan's step dates and done marks),
 * kept up to date in the same transaction as the session or plan that changes them, so a
 * list of coachings costs no read per coaching.
 */
export interface CoachingRecord {
  id: string;
  networkId: string;
  version: number;
  coach: CoachingPersonRef;
  peer: CoachingPersonRef;
  status: 'active' | 'closed';
  needsAssessment: NeedsAssessment;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  closedAt?: string;
  closedBy?: string;
  closeReason?: string;
  sessionsHeld: number;
  qualitySum: number;
  lastSessionDate?: string;
  nextMeetingDate?: string;
  /** The plan's steps, dates and done marks only (no skill text). */
  planSteps: PlanStepDates[];
  planPeriodEnd?: string;
}

/** A follow-up session as stored: its notes encrypted, never in plain text. */
export type CoachingSessionRecord = Omit<CoachingSession, 'notes'> & { notes?: EncryptedField };

/** A best practice as stored: the coaching it came from is kept for its author. */
export type BestPracticeRecord = BestPractice & { coachingId: string };

export type CoachingFilter = 'organization' | 'person';

/**
 * Sisi Kwa Sisi coaching of one network (ADR 0004 keys, in the network's table):
 * - the pool: `COACH#<person>` / `COACH`, listed by name on `GSI1` `COACHES`;
 * - a coaching: `COACHING#<id>` / `COACHING` (newest first on `GSI1` `COACHINGS`), with index
 *   items `PERSON#<id>` and `ORG#<id>` in its partition whose `GSI2` keys
 *   (`PERSON#<id>#COACHINGS`, `ORG#<id>#COACHINGS`) make "my coachings" and "my
 *   organization's" Queries; its plan `DOC#plan` and its sessions `SESSION#<date>#<id>`;
 * - a best practice: `BEST_PRACTICE#<id>`, by author on `GSI2` `PERSON#<id>#BEST_PRACTICES`,
 *   and, only while published, in the library on `GSI1` `BEST_PRACTICES`.
 *
 * @example
 * const coaching = createNetworkStore(doc, table).coaching;
 * const page = await coaching.listCoachingsFor('person', userId, 25);
 */
export class CoachingRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  // ---- the pool of coaches

  async getCoach(personId: string): Promise<CoachRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: coachKey(personId), ConsistentRead: true }),
    );
    return out.Item ? stripKeys<CoachRecord>(out.Item) : undefined;
  }

  /** Adds a coach; a person already in the pool is a `ConflictError` on `personId`. */
  async createCoach(coach: CoachRecord): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...coachKey(coach.personId),
            entity: 'coach',
            GSI1PK: 'COACHES',
            GSI1SK: `${sortable(coach.name)}#${coach.personId}`,
            ...coach,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw new ConflictError('this person is already in the pool of coaches', 'personId', {
        cause: error,
      });
    }
  }

  /**
   * Applies `changes` if the coach is still at `version`; returns the new state. A stale
   * version is a `ConflictError` on `version`, a missing coach `undefined`.
   */
  async updateCoach(
    personId: string,
    version: number,
    changes: Partial<Omit<CoachRecord, 'personId' | 'version' | 'activeCoachings'>>,
    now: string,
  ): Promise<CoachRecord | undefined> {
    const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
    const values: Record<string, unknown> = { ':expected': version, ':one': 1, ':now': now };
    const sets = ['#updatedAt = :now'];
    Object.entries(changes)
      .filter(([, v]) => v !== undefined)
      .forEach(([k, v], i) => {
        names[`#f${i}`] = k;
        values[`:v${i}`] = v;
        sets.push(`#f${i} = :v${i}`);
      });
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: coachKey(personId),
          UpdateExpression: `SET ${sets.join(', ')} ADD #version :one`,
          ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return stripKeys<CoachRecord>(out.Attributes ?? {});
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await this.getCoach(personId);
      if (!current) return undefined;
      throw new ConflictError(
        `the coach's profile is at version ${current.version}, not ${version}`,
        'version',
        { cause: error },
      );
    }
  }

  /** The pool by name, a page at a time. */
  async listCoaches(limit: number, cursor?: string): Promise<Page<CoachRecord>> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': 'COACHES' },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['PK', 'SK', 'GSI1PK', 'GSI1SK'], {
          GSI1PK: 'COACHES',
        }),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => stripKeys<CoachRecord>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  /**
   * The whole pool, for the matching (one Query per 1 MB page). A network's pool is its
   * trained coaches, tens to hundreds of people; `max` bounds the work if it ever is not.
   */
  async allCoaches(max = 2000): Promise<CoachRecord[]> {
    const coaches: CoachRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listCoaches(100, cursor);
      coaches.push(...page.items);
      cursor = page.cursor;
    } while (cursor && coaches.length < max);
    return coaches;
  }

  // ---- coachings

  private indexOps(c: CoachingRecord): WriteOp[] {
    const entries = [
      ...new Set([c.coach.id, c.peer.id].map((id) => `PERSON#${id}`)),
      ...new Set([c.coach.organizationId, c.peer.organizationId].map((id) => `ORG#${id}`)),
    ];
    return entries.map((sk) => ({
      Put: {
        TableName: this.tableName,
        Item: {
          PK: `COACHING#${c.id}`,
          SK: sk,
          entity: 'coaching-index',
          coachingId: c.id,
          GSI2PK: `${sk}#COACHINGS`,
          GSI2SK: `${c.createdAt}#${c.id}`,
        },
      },
    }));
  }

  /**
   * The coaching, its index items, and one more peer on the coach's count, in one
   * transaction. The coach must still be willing and have a free place when it commits:
   * otherwise a `ConflictError` on `coachId` and nothing written.
   */
  async createCoaching(c: CoachingRecord): Promise<void> {
    await transact(this.doc, [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...coachingKey(c.id),
            entity: 'coaching',
            GSI1PK: 'COACHINGS',
            GSI1SK: `${c.createdAt}#${c.id}`,
            ...c,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...this.indexOps(c),
      {
        Update: {
          TableName: this.tableName,
          Key: coachKey(c.coach.id),
          UpdateExpression: 'ADD activeCoachings :one',
          ConditionExpression:
            'attribute_exists(PK) AND willing = :yes AND activeCoachings < maxPeers',
          ExpressionAttributeValues: { ':one': 1, ':yes': true },
        },
        conflictField: 'coachId',
        conflictMessage: 'the coach is no longer willing or has no free place; choose again',
      },
    ]);
  }

  async getCoaching(id: string): Promise<CoachingRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: coachingKey(id), ConsistentRead: true }),
    );
    return out.Item ? stripKeys<CoachingRecord>(out.Item) : undefined;
  }

  /** In the order of `ids`; missing ones are left out. */
  async getCoachings(ids: string[]): Promise<CoachingRecord[]> {
    const found = new Map<string, CoachingRecord>();
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map(coachingKey);
      while (keys && keys.length > 0) {
        const out = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }),
        );
        for (const item of out.Responses?.[this.tableName] ?? []) {
          const c = stripKeys<CoachingRecord>(item);
          found.set(c.id, c);
        }
        keys = out.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  /** Every coaching of the network, newest first. */
  async listCoachings(limit: number, cursor?: string): Promise<Page<CoachingRecord>> {
    const out = await queryIndexPage(this.doc, {
      tableName: this.tableName,
      index: 'GSI1',
      pk: 'COACHINGS',
      limit,
      cursor,
    });
    return {
      items: (out.Items ?? []).map((i) => stripKeys<CoachingRecord>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  /** Coachings a person (as coach or peer) or an organization takes part in, newest first. */
  async listCoachingsFor(
    kind: CoachingFilter,
    id: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<CoachingRecord>> {
    const pk = `${kind === 'organization' ? 'ORG' : 'PERSON'}#${id}#COACHINGS`;
    const out = await queryIndexPage(this.doc, {
      tableName: this.tableName,
      index: 'GSI2',
      pk: pk,
      limit,
      cursor,
    });
    const ids = (out.Items ?? []).map((i) => i.coachingId as string);
    return { items: await this.getCoachings(ids), cursor: encodeCursor(out.LastEvaluatedKey) };
  }

  /**
   * Closes an active coaching at `version` and frees the coach's place, in one
   * transaction; a stale version or a closed coaching is a `ConflictError` on `version`.
   */
  async closeCoaching(
    c: CoachingRecord,
    closed: { at: string; by: string; reason?: string | undefined },
  ): Promise<void> {
    await transact(this.doc, [
      {
        Update: {
          TableName: this.tableName,
          Key: coachingKey(c.id),
          UpdateExpression: `SET #s = :closed, closedAt = :at, closedBy = :by, updatedAt = :at${
            closed.reason ? ', closeReason = :reason' : ''
          } ADD #v :one`,
          ConditionExpression: '#v = :v AND #s = :active',
          ExpressionAttributeNames: { '#s': 'status', '#v': 'version' },
          ExpressionAttributeValues: {
            ':closed': 'closed',
            ':active': 'active',
            ':at': closed.at,
            ':by': closed.by,
            ':one': 1,
            ':v': c.version,
            ...(closed.reason ? { ':reason': closed.reason } : {}),
          },
        },
        conflictField: 'version',
        conflictMessage: 'the coaching changed meanwhile; reload and try again',
      },
      {
        Update: {
          TableName: this.tableName,
          Key: coachKey(c.coach.id),
          UpdateExpression: 'ADD activeCoachings :minus',
          ConditionExpression: 'attribute_exists(PK) AND activeCoachings > :zero',
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        },
      },
    ]);
  }

  // ---- the plan

  async getPlan<T>(coachingId: string): Promise<VersionedDocument<T> | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: planKey(coachingId), ConsistentRead: true }),
    );
    return out.Item ? stripKeys<VersionedDocument<T>>(out.Item) : undefined;
  }

  /**
   * Saves the plan if it is still at `expectedVersion` (0: the first save), and copies its
   * step dates and done marks onto the coaching for the status figures, in one
   * transaction. A concurrent edit loses with a `ConflictError` on `version`.
   */
  async savePlan<T>(
    coachingId: string,
    expectedVersion: number,
    doc: VersionedDocument<T>,
    summary: { steps: PlanStepDates[]; periodEnd: string },
  ): Promise<void> {
    await transact(this.doc, [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...planKey(coachingId), entity: 'coaching-plan', coachingId, ...doc },
          ...(expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': expectedVersion },
              }),
        },
        conflictField: 'version',
        conflictMessage: 'the plan changed meanwhile; reload and try again',
      },
      {
        Update: {
          TableName: this.tableName,
          Key: coachingKey(coachingId),
          UpdateExpression: 'SET planSteps = :steps, planPeriodEnd = :end, updatedAt = :now',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: {
            ':steps': summary.steps,
            ':end': summary.periodEnd,
            ':now': doc.updatedAt,
          },
        },
        conflictMessage: 'the coaching no longer exists',
      },
    ]);
  }

  // ---- follow-up sessions

  /**
   * Stores a session and counts it on the coaching (sessions held, quality, last and next
   * meeting dates) in one transaction. The coaching's figures are read first and the write
   * is conditional on them, so two sessions recorded at once are both counted (a lost race
   * is tried again).
   */
  async addSession(session: CoachingSessionRecord): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.getCoaching(session.coachingId);
      if (!c) throw new ConflictError('the coaching no longer exists', 'coachingId');
      const latest = !c.lastSessionDate || session.date >= c.lastSessionDate;
      const sets = ['updatedAt = :now'];
      const values: Record<string, unknown> = {
        ':one': 1,
        ':q': session.quality,
        ':seen': c.sessionsHeld,
        ':now': session.recordedAt,
      };
      const removes: string[] = [];
      if (latest) {
        sets.push('lastSessionDate = :date');
        values[':date'] = session.date;
        if (session.nextMeetingDate) {
          sets.push('nextMeetingDate = :next');
          values[':next'] = session.nextMeetingDate;
        } else {
          removes.push('nextMeetingDate');
        }
      }
      try {
        await transact(this.doc, [
          {
            Put: {
              TableName: this.tableName,
              Item: {
                ...sessionKey(session.coachingId, session.date, session.id),
                entity: 'coaching-session',
                ...session,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Update: {
              TableName: this.tableName,
              Key: coachingKey(session.coachingId),
              UpdateExpression: `SET ${sets.join(', ')}${
                removes.length ? ` REMOVE ${removes.join(', ')}` : ''
              } ADD sessionsHeld :one, qualitySum :q`,
              ConditionExpression: 'sessionsHeld = :seen',
              ExpressionAttributeValues: values,
            },
            conflictField: 'coachingId',
            conflictMessage: 'another session was recorded at the same time; try again',
          },
        ]);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 5) throw error;
      }
    }
  }

  /** A coaching's sessions, oldest first. */
  async listSessions(
    coachingId: string,
    limit = 100,
    cursor?: string,
  ): Promise<Page<CoachingSessionRecord>> {
    const pk = `COACHING#${coachingId}`;
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': 'SESSION#' },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['PK', 'SK'], { PK: pk }),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => stripKeys<CoachingSessionRecord>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  // ---- best practices

  private practiceIndexKeys(p: BestPracticeRecord) {
    return {
      GSI2PK: `PERSON#${p.authorId}#BEST_PRACTICES`,
      GSI2SK: `${p.createdAt}#${p.id}`,
      ...(p.status === 'published' && p.publishedAt
        ? { GSI1PK: 'BEST_PRACTICES', GSI1SK: `${p.publishedAt}#${p.id}` }
        : {}),
    };
  }

  async createBestPractice(p: BestPracticeRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...practiceKey(p.id),
          entity: 'best-practice',
          ...this.practiceIndexKeys(p),
          ...p,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async getBestPractice(id: string): Promise<BestPracticeRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: practiceKey(id), ConsistentRead: true }),
    );
    return out.Item ? stripKeys<BestPracticeRecord>(out.Item) : undefined;
  }

  /**
   * Publishes (with the consent's time) or withdraws a best practice: it enters or leaves
   * the library's index in the same write. Returns the new state.
   */
  async setPublication(
    id: string,
    change: { published: true; at: string } | { published: false; at: string },
  ): Promise<BestPracticeRecord> {
    const out = await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: practiceKey(id),
        ...(change.published
          ? {
              UpdateExpression:
                'SET #s = :published, publishedAt = :at, consentAt = :at, updatedAt = :at, GSI1PK = :lib, GSI1SK = :sk',
              ExpressionAttributeValues: {
                ':published': 'published',
                ':at': change.at,
                ':lib': 'BEST_PRACTICES',
                ':sk': `${change.at}#${id}`,
              },
            }
          : {
              UpdateExpression:
                'SET #s = :draft, updatedAt = :at REMOVE publishedAt, consentAt, GSI1PK, GSI1SK',
              ExpressionAttributeValues: { ':draft': 'draft', ':at': change.at },
            }),
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#s': 'status' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return stripKeys<BestPracticeRecord>(out.Attributes ?? {});
  }

  /** The library: published best practices, newest first. */
  async listLibrary(limit: number, cursor?: string): Promise<Page<BestPracticeRecord>> {
    const out = await queryIndexPage(this.doc, {
      tableName: this.tableName,
      index: 'GSI1',
      pk: 'BEST_PRACTICES',
      limit,
      cursor,
    });
    return {
      items: (out.Items ?? []).map((i) => stripKeys<BestPracticeRecord>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  /** An author's own best practices, drafts too, newest first. */
  async listByAuthor(
    authorId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<BestPracticeRecord>> {
    const pk = `PERSON#${authorId}#BEST_PRACTICES`;
    const out = await queryIndexPage(this.doc, {
      tableName: this.tableName,
      index: 'GSI2',
      pk: pk,
      limit,
      cursor,
    });
    return {
      items: (out.Items ?? []).map((i) => stripKeys<BestPracticeRecord>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }
}
