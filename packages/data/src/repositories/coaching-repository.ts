import type {
  BestPractice,
  Coach,
  CoachingSession,
  NeedsAssessment,
  Page,
  PlanStepDates,
} from '@sisi/domain';
import { ConflictError } from '../errors.ts';
import type { EncryptedField } from '../field-cipher.ts';
import {
  changedMeanwhile,
  isConditionFailure,
  stripKeys,
  TableRepository,
  type WriteOp,
} from '../table.ts';
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
export class CoachingRepository extends TableRepository {
  // ---- the pool of coaches

  getCoach(personId: string): Promise<CoachRecord | undefined> {
    return this.table.get<CoachRecord>(coachKey(personId), { consistent: true });
  }

  /** Adds a coach; a person already in the pool is a `ConflictError` on `personId`. */
  async createCoach(coach: CoachRecord): Promise<void> {
    await this.table.put(
      {
        Item: {
          ...coachKey(coach.personId),
          entity: 'coach',
          GSI1PK: 'COACHES',
          GSI1SK: `${sortable(coach.name)}#${coach.personId}`,
          ...coach,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
      {
        message: 'this person is already in the pool of coaches',
        field: 'personId',
        key: 'conflict_already_coach',
      },
    );
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
      const updated = await this.table.update({
        Key: coachKey(personId),
        UpdateExpression: `SET ${sets.join(', ')} ADD #version :one`,
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      });
      return stripKeys<CoachRecord>(updated ?? {});
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
  listCoaches(limit: number, cursor?: string): Promise<Page<CoachRecord>> {
    return this.table.page<CoachRecord>({ index: 'GSI1', pk: 'COACHES' }, limit, cursor);
  }

  /**
   * The whole pool, for the matching (one Query per 1 MB page). A network's pool is its
   * trained coaches, tens to hundreds of people; `max` bounds the work if it ever is not.
   */
  allCoaches(max = 2000): Promise<CoachRecord[]> {
    return this.table.all<CoachRecord>({ index: 'GSI1', pk: 'COACHES' }, { pageSize: 100, max });
  }

  // ---- coachings

  private indexOps(c: CoachingRecord): WriteOp[] {
    const entries = [
      ...new Set([c.coach.id, c.peer.id].map((id) => `PERSON#${id}`)),
      ...new Set([c.coach.organizationId, c.peer.organizationId].map((id) => `ORG#${id}`)),
    ];
    return entries.map((sk) =>
      this.table.putOp({
        Item: {
          PK: `COACHING#${c.id}`,
          SK: sk,
          entity: 'coaching-index',
          coachingId: c.id,
          GSI2PK: `${sk}#COACHINGS`,
          GSI2SK: `${c.createdAt}#${c.id}`,
        },
      }),
    );
  }

  /**
   * The coaching, its index items, and one more peer on the coach's count, in one
   * transaction. The coach must still be willing and have a free place when it commits:
   * otherwise a `ConflictError` on `coachId` and nothing written.
   */
  async createCoaching(c: CoachingRecord): Promise<void> {
    await this.table.transact([
      this.table.putOp({
        Item: {
          ...coachingKey(c.id),
          entity: 'coaching',
          GSI1PK: 'COACHINGS',
          GSI1SK: `${c.createdAt}#${c.id}`,
          ...c,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
      ...this.indexOps(c),
      this.table.updateOp(
        {
          Key: coachKey(c.coach.id),
          UpdateExpression: 'ADD activeCoachings :one',
          ConditionExpression:
            'attribute_exists(PK) AND willing = :yes AND activeCoachings < maxPeers',
          ExpressionAttributeValues: { ':one': 1, ':yes': true },
        },
        {
          message: 'the coach is no longer willing or has no free place; choose again',
          field: 'coachId',
          key: 'conflict_coach_unavailable',
        },
      ),
    ]);
  }

  getCoaching(id: string): Promise<CoachingRecord | undefined> {
    return this.table.get<CoachingRecord>(coachingKey(id), { consistent: true });
  }

  /** In the order of `ids`; missing ones are left out. */
  getCoachings(ids: string[]): Promise<CoachingRecord[]> {
    return this.table.getMany<CoachingRecord>(ids, coachingKey);
  }

  /** Every coaching of the network, newest first. */
  listCoachings(limit: number, cursor?: string): Promise<Page<CoachingRecord>> {
    return this.table.page<CoachingRecord>(
      { index: 'GSI1', pk: 'COACHINGS', descending: true },
      limit,
      cursor,
    );
  }

  /** Coachings a person (as coach or peer) or an organization takes part in, newest first. */
  async listCoachingsFor(
    kind: CoachingFilter,
    id: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<CoachingRecord>> {
    const pk = `${kind === 'organization' ? 'ORG' : 'PERSON'}#${id}#COACHINGS`;
    const page = await this.table.page<{ coachingId: string }>(
      { index: 'GSI2', pk, descending: true },
      limit,
      cursor,
    );
    return {
      items: await this.getCoachings(page.items.map((i) => i.coachingId)),
      cursor: page.cursor,
    };
  }

  /**
   * Closes an active coaching at `version` and frees the coach's place, in one
   * transaction; a stale version or a closed coaching is a `ConflictError` on `version`.
   */
  async closeCoaching(
    c: CoachingRecord,
    closed: { at: string; by: string; reason?: string | undefined },
  ): Promise<void> {
    await this.table.transact([
      this.table.updateOp(
        {
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
        changedMeanwhile('coaching'),
      ),
      this.table.updateOp({
        Key: coachKey(c.coach.id),
        UpdateExpression: 'ADD activeCoachings :minus',
        ConditionExpression: 'attribute_exists(PK) AND activeCoachings > :zero',
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      }),
    ]);
  }

  // ---- the plan

  getPlan<T>(coachingId: string): Promise<VersionedDocument<T> | undefined> {
    return this.table.get<VersionedDocument<T>>(planKey(coachingId), { consistent: true });
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
    await this.table.transact([
      this.table.versionedPutOp(
        { ...planKey(coachingId), entity: 'coaching-plan', coachingId, ...doc },
        expectedVersion,
        'plan',
      ),
      this.table.updateOp(
        {
          Key: coachingKey(coachingId),
          UpdateExpression: 'SET planSteps = :steps, planPeriodEnd = :end, updatedAt = :now',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: {
            ':steps': summary.steps,
            ':end': summary.periodEnd,
            ':now': doc.updatedAt,
          },
        },
        { message: 'the coaching no longer exists', key: 'conflict_coaching_missing' },
      ),
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
      if (!c)
        throw new ConflictError('the coaching no longer exists', 'coachingId', {
          key: 'conflict_coaching_missing',
        });
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
        await this.table.transact([
          this.table.putOp({
            Item: {
              ...sessionKey(session.coachingId, session.date, session.id),
              entity: 'coaching-session',
              ...session,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
          this.table.updateOp(
            {
              Key: coachingKey(session.coachingId),
              UpdateExpression: `SET ${sets.join(', ')}${
                removes.length ? ` REMOVE ${removes.join(', ')}` : ''
              } ADD sessionsHeld :one, qualitySum :q`,
              ConditionExpression: 'sessionsHeld = :seen',
              ExpressionAttributeValues: values,
            },
            {
              message: 'another session was recorded at the same time; try again',
              field: 'coachingId',
              key: 'conflict_session_same_time',
            },
          ),
        ]);
        return;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 5) throw error;
      }
    }
  }

  /** A coaching's sessions, oldest first. */
  listSessions(
    coachingId: string,
    limit = 100,
    cursor?: string,
  ): Promise<Page<CoachingSessionRecord>> {
    return this.table.page<CoachingSessionRecord>(
      { pk: `COACHING#${coachingId}`, prefix: 'SESSION#' },
      limit,
      cursor,
    );
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
    await this.table.put({
      Item: {
        ...practiceKey(p.id),
        entity: 'best-practice',
        ...this.practiceIndexKeys(p),
        ...p,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  getBestPractice(id: string): Promise<BestPracticeRecord | undefined> {
    return this.table.get<BestPracticeRecord>(practiceKey(id), { consistent: true });
  }

  /**
   * Publishes (with the consent's time) or withdraws a best practice: it enters or leaves
   * the library's index in the same write. Returns the new state.
   */
  async setPublication(
    id: string,
    change: { published: true; at: string } | { published: false; at: string },
  ): Promise<BestPracticeRecord> {
    const updated = await this.table.update({
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
    });
    return stripKeys<BestPracticeRecord>(updated ?? {});
  }

  /** The library: published best practices, newest first. */
  listLibrary(limit: number, cursor?: string): Promise<Page<BestPracticeRecord>> {
    return this.table.page<BestPracticeRecord>(
      { index: 'GSI1', pk: 'BEST_PRACTICES', descending: true },
      limit,
      cursor,
    );
  }

  /** An author's own best practices, drafts too, newest first. */
  listByAuthor(
    authorId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<BestPracticeRecord>> {
    return this.table.page<BestPracticeRecord>(
      { index: 'GSI2', pk: `PERSON#${authorId}#BEST_PRACTICES`, descending: true },
      limit,
      cursor,
    );
  }
}
