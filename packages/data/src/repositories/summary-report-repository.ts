import type { FollowUpAction, FollowUpStatus, Page, SummaryReport } from '@sisi/domain';
import { changedMeanwhile, TableRepository, type WriteOp } from '../table.ts';

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
export class SummaryReportRepository extends TableRepository {
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
    await this.table.transact([
      this.table.putOp(
        {
          Item: {
            ...reportKey(report.mentorshipId, report.id),
            entity: 'summary-report',
            ...report,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
        { message: 'a summary report with this id exists', field: 'id' },
      ),
      ...actions.map((a) =>
        this.table.putOp(
          { Item: this.actionItem(a), ConditionExpression: 'attribute_not_exists(PK)' },
          { message: 'a follow-up action with this id exists', field: 'followUpActions' },
        ),
      ),
      ...extraOps,
    ]);
  }

  get(mentorshipId: string, id: string): Promise<SummaryReport | undefined> {
    return this.table.get<SummaryReport>(reportKey(mentorshipId, id));
  }

  /** The mentorship's reports by meeting date, oldest first. */
  list(mentorshipId: string, limit = 100, cursor?: string): Promise<Page<SummaryReport>> {
    return this.table.page<SummaryReport>(children(mentorshipId, 'SUMMARY#'), limit, cursor);
  }

  /** Every report of the mentorship (for its timeline, its export and its tips). */
  listAll(mentorshipId: string): Promise<SummaryReport[]> {
    return this.table.all<SummaryReport>(children(mentorshipId, 'SUMMARY#'), { pageSize: 500 });
  }

  getAction(mentorshipId: string, id: string): Promise<FollowUpAction | undefined> {
    return this.table.get<FollowUpAction>(actionKey(mentorshipId, id), { consistent: true });
  }

  /** The mentorship's follow-up actions by due date. */
  listActions(mentorshipId: string, limit = 100, cursor?: string): Promise<Page<FollowUpAction>> {
    return this.table.page<FollowUpAction>(children(mentorshipId, 'FOLLOWUP#'), limit, cursor);
  }

  listAllActions(mentorshipId: string): Promise<FollowUpAction[]> {
    return this.table.all<FollowUpAction>(children(mentorshipId, 'FOLLOWUP#'), {
      pageSize: 500,
    });
  }

  /**
   * Writes `next` (a new status, `version + 1`) if the action is still at
   * `expectedVersion`; otherwise `ConflictError` on `version` and nothing written. The
   * owner's index entry moves with the status.
   */
  async updateAction(next: FollowUpAction, expectedVersion: number): Promise<void> {
    await this.table.update(
      {
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
      },
      changedMeanwhile('follow-up action'),
    );
  }

  /**
   * A person's follow-up actions across the network's mentorships: by status, then due
   * date (open ones soonest first); only those in `status` when given.
   */
  listByOwner(
    ownerId: string,
    options: { status?: FollowUpStatus; limit: number; cursor?: string | undefined },
  ): Promise<Page<FollowUpAction>> {
    return this.table.page<FollowUpAction>(
      {
        index: 'GSI2',
        pk: ownerPartition(ownerId),
        ...(options.status ? { prefix: `${options.status}#` } : {}),
      },
      options.limit,
      options.cursor,
    );
  }
}

/** A mentorship's child items of one kind, in sort-key order. */
const children = (mentorshipId: string, prefix: string) => ({ pk: pk(mentorshipId), prefix });
