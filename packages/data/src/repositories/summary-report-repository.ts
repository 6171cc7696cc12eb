import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { FollowUpAction, FollowUpStatus, Page, SummaryReport } from '@sisi/domain';
import { decodeCursor, encodeCursor } from '../client.ts';
import { ConflictError } from '../errors.ts';
import { stripKeys, transact, type WriteOp } from '../transact.ts';

const pk = (mentorshipId: string) => `MENTORSHIP#${mentorshipId}`;
const reportKey = (mentorshipId: string, id: string) => ({
  PK: pk(mentorshipId),
  SK: `SUMMARY#${id}`,
});
const actionKey = (mentorshipId: string, id: string) => ({
  PK: pk(mentorshipId),
  SK: `FOLLOWUP#${id}`,
});
/** The owner's own list: one partition of GSI2 per person. */
const ownerPartition = (ownerId: string) => `PERSON#${ownerId}#FOLLOW-UPS`;
/** Sorted by status, then due date: "my open actions, soonest first" is one range. */
const ownerSort = (a: Pick<FollowUpAction, 'status' | 'dueDate' | 'mentorshipId' | 'id'>) =>
  `${a.status}#${a.dueDate}#${a.mentorshipId}#${a.id}`;

const isConditionFailure = (error: unknown) =>
  (error as Error).name === 'ConditionalCheckFailedException';

/**
 * A mentorship's summary reports (001 Annex 4, `SUMMARY#<id>`) and their follow-up actions
 * (`FOLLOWUP#<id>`), child items in the mentorship's partition of the network table. Ids
 * start with a date (`datedId`), so reports come out by meeting date and actions by due
 * date. Each action is also indexed by its owner on GSI2 (`PERSON#<owner>#FOLLOW-UPS`,
 * sorted `<status>#<due date>#…`), so a person's own list is a Query, never a Scan.
 *
 * @example
 * const reports = createNetworkStore(doc, table).summaryReports;
 * await reports.create(report, actions); // one transaction
 * const mine = await reports.listByOwner(userId, { status: 'open', limit: 50 });
 */
export class SummaryReportRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  private actionItem(a: FollowUpAction) {
    return {
      ...actionKey(a.mentorshipId, a.id),
      entity: 'follow-up-action',
      GSI2PK: ownerPartition(a.ownerId),
      GSI2SK: ownerSort(a),
      ...a,
    };
  }

  /**
   * The report, its follow-up actions and `extraOps` (e.g. milestones marked reached) in
   * one transaction: all or nothing.
   */
  async create(report: SummaryReport, actions: FollowUpAction[], extraOps: WriteOp[] = []) {
    await transact(this.doc, [
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...reportKey(report.mentorshipId, report.id),
            entity: 'summary-report',
            ...report,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
        conflictField: 'id',
        conflictMessage: 'a summary report with this id exists',
      },
      ...actions.map(
        (a): WriteOp => ({
          Put: {
            TableName: this.tableName,
            Item: this.actionItem(a),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
          conflictField: 'followUpActions',
          conflictMessage: 'a follow-up action with this id exists',
        }),
      ),
      ...extraOps,
    ]);
  }

  async get(mentorshipId: string, id: string): Promise<SummaryReport | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: reportKey(mentorshipId, id) }),
    );
    return out.Item ? stripKeys<SummaryReport>(out.Item) : undefined;
  }

  /** The mentorship's reports by meeting date, oldest first. */
  list(mentorshipId: string, limit = 100, cursor?: string): Promise<Page<SummaryReport>> {
    return this.page<SummaryReport>(mentorshipId, 'SUMMARY#', limit, cursor);
  }

  /** Every report of the mentorship (for its timeline, its export and its tips). */
  listAll(mentorshipId: string): Promise<SummaryReport[]> {
    return this.all<SummaryReport>(mentorshipId, 'SUMMARY#');
  }

  async getAction(mentorshipId: string, id: string): Promise<FollowUpAction | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: actionKey(mentorshipId, id),
        ConsistentRead: true,
      }),
    );
    return out.Item ? stripKeys<FollowUpAction>(out.Item) : undefined;
  }

  /** The mentorship's follow-up actions by due date. */
  listActions(mentorshipId: string, limit = 100, cursor?: string): Promise<Page<FollowUpAction>> {
    return this.page<FollowUpAction>(mentorshipId, 'FOLLOWUP#', limit, cursor);
  }

  listAllActions(mentorshipId: string): Promise<FollowUpAction[]> {
    return this.all<FollowUpAction>(mentorshipId, 'FOLLOWUP#');
  }

  /**
   * Writes `next` (a new status, `version + 1`) if the action is still at
   * `expectedVersion`; otherwise `ConflictError` on `version` and nothing written. The
   * owner's index entry moves with the status.
   */
  async updateAction(next: FollowUpAction, expectedVersion: number): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: actionKey(next.mentorshipId, next.id),
          UpdateExpression:
            'SET #s = :s, #v = :next, updatedAt = :at, updatedBy = :by, updatedByName = :name, GSI2SK = :sk',
          ConditionExpression: 'attribute_exists(PK) AND #v = :v',
          ExpressionAttributeNames: { '#s': 'status', '#v': 'version' },
          ExpressionAttributeValues: {
            ':s': next.status,
            ':next': next.version,
            ':v': expectedVersion,
            ':at': next.updatedAt,
            ':by': next.updatedBy,
            ':name': next.updatedByName,
            ':sk': ownerSort(next),
          },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw new ConflictError(
        'the follow-up action changed meanwhile; reload and try again',
        'version',
        { cause: error },
      );
    }
  }

  /**
   * A person's follow-up actions across the network's mentorships: by status, then due
   * date (open ones soonest first); only those in `status` when given.
   */
  async listByOwner(
    ownerId: string,
    options: { status?: FollowUpStatus; limit: number; cursor?: string | undefined },
  ): Promise<Page<FollowUpAction>> {
    const partition = ownerPartition(ownerId);
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI2',
        KeyConditionExpression: options.status
          ? 'GSI2PK = :pk AND begins_with(GSI2SK, :status)'
          : 'GSI2PK = :pk',
        ExpressionAttributeValues: {
          ':pk': partition,
          ...(options.status ? { ':status': `${options.status}#` } : {}),
        },
        Limit: options.limit,
        ExclusiveStartKey: decodeCursor(options.cursor, ['PK', 'SK', 'GSI2PK', 'GSI2SK'], {
          GSI2PK: partition,
        }),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => stripKeys<FollowUpAction>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  private async page<T>(
    mentorshipId: string,
    prefix: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<T>> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': pk(mentorshipId), ':prefix': prefix },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['PK', 'SK'], { PK: pk(mentorshipId) }),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => stripKeys<T>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  private async all<T>(mentorshipId: string, prefix: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.page<T>(mentorshipId, prefix, 500, cursor);
      items.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return items;
  }
}
