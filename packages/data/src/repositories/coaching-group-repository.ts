import type { IssueStep, Page } from '@sisi/domain';
import type { EncryptedField } from '../field-cipher.ts';
import { changedMeanwhile, TableRepository, type WriteOp } from '../table.ts';

/**
 * A peer coaching group as stored. Besides who is in it, it keeps the small summaries a
 * coordinator's view is computed from — each session's date and whether it was held, the
 * report-back date of each open commitment — so listing groups reads no session, issue
 * or commitment. Confidential text is an `EncryptedField`, never plain.
 */
export interface StoredCoachingGroup {
  id: string;
  name: string;
  memberIds: string[];
  facilitatorId: string;
  /** The organizations of its members and facilitator, and of the coordinator who made it. */
  organizationIds: string[];
  createdAt: string;
  createdBy: string;
  spirit?: { version: number; text: EncryptedField; updatedAt: string; updatedBy: string };
  /** Person → the spirit version they agreed to. */
  agreements: Record<string, { version: number; at: string }>;
  sessions: Record<string, { date: string; held: boolean }>;
  /** Open commitment → its report-back date. */
  openCommitments: Record<string, string>;
  commitmentsMade: number;
  review?: {
    mode: 'named' | 'rotation';
    facilitatorId?: string;
    order?: string[];
    at: string;
    by: string;
  };
}

export interface StoredGroupSession {
  id: string;
  groupId: string;
  date: string;
  presentIds: string[];
  createdAt: string;
  createdBy: string;
  heldAt?: string;
  heldBy?: string;
}

export interface StoredGroupIssue {
  id: string;
  groupId: string;
  sessionId: string;
  ownerId: string;
  version: number;
  step: IssueStep;
  howDoI?: EncryptedField;
  clarifyingQuestions: EncryptedField[];
  restatement?: EncryptedField;
  recommendations: EncryptedField[];
  turnMinutes: number;
  commitmentIds: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface StoredGroupCommitment {
  id: string;
  groupId: string;
  sessionId: string;
  sessionDate: string;
  issueId: string;
  /** Its place among the actions the owner selected on the issue (0-based). */
  position: number;
  ownerId: string;
  text: EncryptedField;
  reportBackBy: string;
  status: 'open' | 'reported';
  reportBacks: {
    sessionId: string;
    done: boolean;
    outcome: EncryptedField;
    at: string;
    by: string;
  }[];
  createdAt: string;
  createdBy: string;
}

export interface StoredWorksheet {
  groupId: string;
  authorId: string;
  answers: Record<string, EncryptedField>;
  updatedAt: string;
}

export interface StoredLearningLog {
  groupId: string;
  sessionId: string;
  authorId: string;
  content: EncryptedField;
  evaluation: EncryptedField;
  actionPlan: EncryptedField;
  createdAt: string;
  updatedAt: string;
}

export type CoachingGroupFilter = 'person' | 'organization';

const pk = (groupId: string) => `CGROUP#${groupId}`;
const groupKey = (groupId: string) => ({ PK: pk(groupId), SK: 'CGROUP' });
const sessionKey = (groupId: string, sessionId: string) => ({
  PK: pk(groupId),
  SK: `SESSION#${sessionId}`,
});
const issueKey = (groupId: string, sessionId: string, issueId: string) => ({
  PK: pk(groupId),
  SK: `ISSUE#${sessionId}#${issueId}`,
});
const commitmentKey = (groupId: string, id: string) => ({ PK: pk(groupId), SK: `COMMIT#${id}` });
const worksheetKey = (groupId: string, authorId: string) => ({
  PK: pk(groupId),
  SK: `WORKSHEET#${authorId}`,
});
const logKey = (groupId: string, sessionId: string, authorId: string) => ({
  PK: pk(groupId),
  SK: `LOG#${sessionId}#${authorId}`,
});
const indexPartition = (kind: CoachingGroupFilter, id: string) =>
  `${kind === 'person' ? 'PERSON' : 'ORG'}#${id}#CGROUPS`;

/**
 * Peer coaching groups of one network, each in a partition of its own in the network table:
 * the group (`CGROUP`), its sessions (`SESSION#…`, with a `SESSIONDATE#…` claim so a date
 * holds one session), issues (`ISSUE#<session>#…`), commitments (`COMMIT#…`), worksheets
 * (`WORKSHEET#<person>`) and learning logs (`LOG#<session>#<person>`). Index items per
 * person and per organization (`GSI2`) make "my groups" a Query; every group is on `GSI1`.
 *
 * @example
 * const groups = createNetworkStore(doc, table).coachingGroups;
 * const mine = await groups.listFor('person', tenant.userId, 25);
 */
export class CoachingGroupRepository extends TableRepository {
  private getItem<T>(key: Record<string, string>): Promise<T | undefined> {
    return this.table.get<T>(key, { consistent: true });
  }

  /** Every item of a group under a sort-key prefix, all pages. */
  private children<T>(groupId: string, prefix: string): Promise<T[]> {
    return this.table.all<T>({ pk: pk(groupId), prefix, consistent: true });
  }

  // ---- groups -------------------------------------------------------------

  /** The group and its index items (per person, per organization), in one transaction. */
  async create(group: StoredCoachingGroup): Promise<void> {
    const people = [...new Set([...group.memberIds, group.facilitatorId])];
    const sk = `${group.createdAt}#${group.id}`;
    const index = (kind: CoachingGroupFilter, id: string): WriteOp =>
      this.table.putOp({
        Item: {
          PK: pk(group.id),
          SK: `${kind === 'person' ? 'PERSON' : 'ORG'}#${id}`,
          entity: 'coaching-group-index',
          groupId: group.id,
          GSI2PK: indexPartition(kind, id),
          GSI2SK: sk,
        },
      });
    await this.table.transact([
      this.table.putOp({
        Item: {
          ...groupKey(group.id),
          entity: 'coaching-group',
          GSI1PK: 'CGROUPS',
          GSI1SK: sk,
          ...group,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
      ...people.map((id) => index('person', id)),
      ...group.organizationIds.map((id) => index('organization', id)),
    ]);
  }

  get(groupId: string): Promise<StoredCoachingGroup | undefined> {
    return this.getItem(groupKey(groupId));
  }

  /** How many coaching groups the network has (one `COUNT` Query). */
  count(): Promise<number> {
    return this.table.count({ index: 'GSI1', pk: 'CGROUPS' });
  }

  /** Every group of the network, newest first. */
  list(limit: number, cursor?: string): Promise<Page<StoredCoachingGroup>> {
    return this.table.page<StoredCoachingGroup>(
      { index: 'GSI1', pk: 'CGROUPS', descending: true },
      limit,
      cursor,
    );
  }

  /** The groups a person is in (as member or facilitator), or with an organization's people. */
  async listFor(
    kind: CoachingGroupFilter,
    id: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<StoredCoachingGroup>> {
    const page = await this.table.page<{ groupId: string }>(
      { index: 'GSI2', pk: indexPartition(kind, id), descending: true },
      limit,
      cursor,
    );
    return { items: await this.getMany(page.items.map((i) => i.groupId)), cursor: page.cursor };
  }

  /** In the order of `ids`; missing ones are left out. */
  getMany(ids: string[]): Promise<StoredCoachingGroup[]> {
    return this.table.getMany<StoredCoachingGroup>(ids, groupKey);
  }

  /**
   * Sets the spirit if it is still at `expectedVersion` (0: none yet); a new text asks every
   * member to agree again. A stale version is a `ConflictError` on `version`.
   */
  async setSpirit(
    groupId: string,
    spirit: NonNullable<StoredCoachingGroup['spirit']>,
    expectedVersion: number,
  ): Promise<void> {
    await this.table.update(
      {
        Key: groupKey(groupId),
        UpdateExpression: 'SET #spirit = :spirit, #agreements = :none',
        ConditionExpression:
          expectedVersion === 0
            ? 'attribute_exists(PK) AND attribute_not_exists(#spirit)'
            : 'attribute_exists(PK) AND #spirit.#v = :expected',
        ExpressionAttributeNames: {
          '#spirit': 'spirit',
          '#agreements': 'agreements',
          ...(expectedVersion === 0 ? {} : { '#v': 'version' }),
        },
        ExpressionAttributeValues: {
          ':spirit': spirit,
          ':none': {},
          ...(expectedVersion === 0 ? {} : { ':expected': expectedVersion }),
        },
      },
      changedMeanwhile('spirit'),
    );
  }

  /** A person agrees to the spirit at `version`; another current version is a conflict. */
  async agree(groupId: string, personId: string, version: number, at: string): Promise<void> {
    await this.table.update(
      {
        Key: groupKey(groupId),
        UpdateExpression: 'SET #agreements.#person = :agreement',
        ConditionExpression: 'attribute_exists(PK) AND #spirit.#v = :version',
        ExpressionAttributeNames: {
          '#agreements': 'agreements',
          '#person': personId,
          '#spirit': 'spirit',
          '#v': 'version',
        },
        ExpressionAttributeValues: { ':agreement': { version, at }, ':version': version },
      },
      {
        message: 'the spirit is no longer at this version; read it again',
        field: 'version',
        key: 'conflict_spirit_version',
      },
    );
  }

  /** Records the review after the third session; once only (a second is a conflict). */
  async setReview(
    groupId: string,
    review: NonNullable<StoredCoachingGroup['review']>,
  ): Promise<void> {
    await this.table.update(
      {
        Key: groupKey(groupId),
        UpdateExpression: 'SET #review = :review',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#review)',
        ExpressionAttributeNames: { '#review': 'review' },
        ExpressionAttributeValues: { ':review': review },
      },
      {
        message: 'the review was already recorded',
        field: 'mode',
        key: 'conflict_review_recorded',
      },
    );
  }

  // ---- sessions -----------------------------------------------------------

  /**
   * The session, the claim of its date and its line in the group's summary, in one
   * transaction: a second session on the same date is a `ConflictError` on `date`.
   */
  async createSession(session: StoredGroupSession): Promise<void> {
    await this.table.transact([
      this.table.putOp({
        Item: {
          ...sessionKey(session.groupId, session.id),
          entity: 'coaching-session',
          ...session,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
      this.table.putOp(
        {
          Item: {
            PK: pk(session.groupId),
            SK: `SESSIONDATE#${session.date}`,
            entity: 'coaching-session-date',
            sessionId: session.id,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
        {
          message: 'the group already meets on this date',
          field: 'date',
          key: 'conflict_group_date',
        },
      ),
      this.table.updateOp({
        Key: groupKey(session.groupId),
        UpdateExpression: 'SET #sessions.#id = :summary',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#sessions': 'sessions', '#id': session.id },
        ExpressionAttributeValues: { ':summary': { date: session.date, held: false } },
      }),
    ]);
  }

  getSession(groupId: string, sessionId: string): Promise<StoredGroupSession | undefined> {
    return this.getItem(sessionKey(groupId, sessionId));
  }

  /** Who was present, and/or the session marked held (in the group's summary too). */
  async updateSession(
    groupId: string,
    sessionId: string,
    changes: { presentIds?: string[]; held?: { at: string; by: string } },
  ): Promise<void> {
    const sets: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (changes.presentIds) {
      sets.push('#present = :present');
      names['#present'] = 'presentIds';
      values[':present'] = changes.presentIds;
    }
    if (changes.held) {
      sets.push('#heldAt = :at', '#heldBy = :by');
      Object.assign(names, { '#heldAt': 'heldAt', '#heldBy': 'heldBy' });
      Object.assign(values, { ':at': changes.held.at, ':by': changes.held.by });
    }
    await this.table.transact([
      this.table.updateOp(
        {
          Key: sessionKey(groupId, sessionId),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: changes.held
            ? 'attribute_exists(PK) AND attribute_not_exists(#heldAt)'
            : 'attribute_exists(PK)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
        {
          message: 'the session was already marked held',
          field: 'held',
          key: 'conflict_session_held',
        },
      ),
      ...(changes.held
        ? [
            this.table.updateOp({
              Key: groupKey(groupId),
              UpdateExpression: 'SET #sessions.#id.#held = :true',
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeNames: {
                '#sessions': 'sessions',
                '#id': sessionId,
                '#held': 'held',
              },
              ExpressionAttributeValues: { ':true': true },
            }),
          ]
        : []),
    ]);
  }

  // ---- issues -------------------------------------------------------------

  async createIssue(issue: StoredGroupIssue): Promise<void> {
    await this.table.put({
      Item: {
        ...issueKey(issue.groupId, issue.sessionId, issue.id),
        entity: 'coaching-issue',
        ...issue,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  getIssue(
    groupId: string,
    sessionId: string,
    issueId: string,
  ): Promise<StoredGroupIssue | undefined> {
    return this.getItem(issueKey(groupId, sessionId, issueId));
  }

  /** A session's issues, in the order their turns began. */
  async listIssues(groupId: string, sessionId: string): Promise<StoredGroupIssue[]> {
    const issues = await this.children<StoredGroupIssue>(groupId, `ISSUE#${sessionId}#`);
    return issues.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  private replaceIssueOp(next: StoredGroupIssue, expectedVersion: number): WriteOp {
    return this.table.putOp(
      {
        Item: {
          ...issueKey(next.groupId, next.sessionId, next.id),
          entity: 'coaching-issue',
          ...next,
        },
        ConditionExpression: '#v = :expected',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
      changedMeanwhile('issue'),
    );
  }

  /** Replaces the issue if it is still at `expectedVersion`, else `ConflictError`. */
  async replaceIssue(next: StoredGroupIssue, expectedVersion: number): Promise<void> {
    await this.table.transact([this.replaceIssueOp(next, expectedVersion)]);
  }

  // ---- commitments --------------------------------------------------------

  /**
   * Step 5 of the method: the issue (at `expectedVersion`) moves on and the owner's
   * commitments are stored, and counted in the group's summary, in one transaction.
   */
  async commit(
    issue: StoredGroupIssue,
    expectedVersion: number,
    commitments: StoredGroupCommitment[],
  ): Promise<void> {
    const names: Record<string, string> = {
      '#open': 'openCommitments',
      '#made': 'commitmentsMade',
    };
    const values: Record<string, unknown> = { ':n': commitments.length };
    const sets = commitments.map((c, i) => {
      names[`#c${i}`] = c.id;
      values[`:d${i}`] = c.reportBackBy;
      return `#open.#c${i} = :d${i}`;
    });
    await this.table.transact([
      this.replaceIssueOp(issue, expectedVersion),
      ...commitments.map((c) =>
        this.table.putOp({
          Item: { ...commitmentKey(c.groupId, c.id), entity: 'coaching-commitment', ...c },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      ),
      this.table.updateOp({
        Key: groupKey(issue.groupId),
        UpdateExpression: `SET ${sets.join(', ')} ADD #made :n`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    ]);
  }

  getCommitment(groupId: string, id: string): Promise<StoredGroupCommitment | undefined> {
    return this.getItem(commitmentKey(groupId, id));
  }

  /** Every commitment of the group, oldest session first. */
  async listCommitments(groupId: string): Promise<StoredGroupCommitment[]> {
    const all = await this.children<StoredGroupCommitment>(groupId, 'COMMIT#');
    return all.sort(
      (a, b) =>
        a.sessionDate.localeCompare(b.sessionDate) ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.position - b.position,
    );
  }

  /**
   * Adds a report-back to a commitment that is still open and has `seenReportBacks` of
   * them; a done one leaves the group's open commitments, one carried forward keeps its
   * (possibly new) date there. Anything else changed meanwhile: `ConflictError`.
   */
  async reportBack(next: StoredGroupCommitment, seenReportBacks: number): Promise<void> {
    const done = next.status === 'reported';
    await this.table.transact([
      this.table.putOp(
        {
          Item: { ...commitmentKey(next.groupId, next.id), entity: 'coaching-commitment', ...next },
          ConditionExpression: '#s = :open AND size(#rb) = :seen',
          ExpressionAttributeNames: { '#s': 'status', '#rb': 'reportBacks' },
          ExpressionAttributeValues: { ':open': 'open', ':seen': seenReportBacks },
        },
        changedMeanwhile('commitment', 'sessionId'),
      ),
      this.table.updateOp({
        Key: groupKey(next.groupId),
        UpdateExpression: done ? 'REMOVE #open.#c' : 'SET #open.#c = :date',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#open': 'openCommitments', '#c': next.id },
        ...(done ? {} : { ExpressionAttributeValues: { ':date': next.reportBackBy } }),
      }),
    ]);
  }

  // ---- private to their author ------------------------------------------------

  getWorksheet(groupId: string, authorId: string): Promise<StoredWorksheet | undefined> {
    return this.getItem(worksheetKey(groupId, authorId));
  }

  async putWorksheet(worksheet: StoredWorksheet): Promise<void> {
    await this.table.put({
      Item: {
        ...worksheetKey(worksheet.groupId, worksheet.authorId),
        entity: 'coaching-worksheet',
        ...worksheet,
      },
    });
  }

  getLearningLog(
    groupId: string,
    sessionId: string,
    authorId: string,
  ): Promise<StoredLearningLog | undefined> {
    return this.getItem(logKey(groupId, sessionId, authorId));
  }

  async putLearningLog(log: StoredLearningLog): Promise<void> {
    await this.table.put({
      Item: {
        ...logKey(log.groupId, log.sessionId, log.authorId),
        entity: 'coaching-learning-log',
        ...log,
      },
    });
  }
}
