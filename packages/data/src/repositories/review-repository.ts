import type { Page, QuarterlyReport, ReviewMailKind } from '@sisi/domain';
import { DataError } from '../errors.ts';
import { isConditionFailure, TableRepository } from '../table.ts';

const pk = (mentorshipId: string) => `MENTORSHIP#${mentorshipId}`;
/** Zero-padded so the sort key orders periods numerically (at most 21 reviews in 60 months). */
const pad = (n: number) => String(n).padStart(3, '0');
const reportKey = (mentorshipId: string, period: number) => ({
  PK: pk(mentorshipId),
  SK: `REPORT#${pad(period)}`,
});

/** One mail of the lifecycle to one person: the unit that is sent exactly once. */
export interface ReviewMailKey {
  /** The review's execution number (1-based among all the mentorship's reviews). */
  period: number;
  kind: ReviewMailKind;
  recipientId: string;
}

export interface ReviewMailRecord extends ReviewMailKey {
  mentorshipId: string;
  status: 'sending' | 'sent';
  /** How many times a sender claimed it: more than 1 means a retry took over. */
  attempt: number;
  claimedAt: string;
  sentAt?: string;
  messageId?: string;
}

const mailKey = (mentorshipId: string, key: ReviewMailKey) => ({
  PK: pk(mentorshipId),
  SK: `MAIL#${pad(key.period)}#${key.kind}#${key.recipientId}`,
});

/**
 * How long a claimed mail belongs to its sender. Longer than a lifecycle Lambda may run (its
 * timeout), shorter than the workflow's retries take (10 + 20 + 40 s before the 4th try).
 */
export const MAIL_LEASE_MS = 60_000;

/**
 * A mentorship's reviews: its quarterly reports (`REPORT#<period>`) and the record of each
 * lifecycle mail (`MAIL#<period>#<kind>#<recipient>`), child items in the mentorship's own
 * partition of the network table.
 *
 * @example
 * const reviews = createNetworkStore(doc, table).reviews;
 * const report = await reviews.getReport(mentorshipId, 2);
 */
export class ReviewRepository extends TableRepository {
  getReport(mentorshipId: string, period: number): Promise<QuarterlyReport | undefined> {
    return this.table.get<QuarterlyReport>(reportKey(mentorshipId, period), { consistent: true });
  }

  /** The mentorship's quarterly reports by period. */
  listReports(mentorshipId: string, limit = 100, cursor?: string): Promise<Page<QuarterlyReport>> {
    return this.table.page<QuarterlyReport>(
      { pk: pk(mentorshipId), prefix: 'REPORT#' },
      limit,
      cursor,
    );
  }

  /** The periods whose quarterly report is in, ascending (keys only: no report is read whole). */
  async listReportPeriods(mentorshipId: string): Promise<number[]> {
    const items = await this.table.all<{ period?: unknown }>({
      pk: pk(mentorshipId),
      prefix: 'REPORT#',
      projection: '#p',
      names: { '#p': 'period' },
    });
    return items.flatMap((item) => (typeof item.period === 'number' ? [item.period] : []));
  }

  /** Stores a report; one per period: a second one is a `ConflictError` on `period`. */
  async createReport(report: QuarterlyReport): Promise<void> {
    await this.table.put(
      {
        Item: {
          ...reportKey(report.mentorshipId, report.period),
          entity: 'quarterly-report',
          ...report,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
      {
        message: `the quarterly report for period ${report.period} was already submitted`,
        field: 'period',
        key: 'conflict_report_submitted',
        params: { period: report.period },
      },
    );
  }

  /**
   * Claims a mail before it is sent: `claimed` means send it now, then `markMailSent`;
   * `sent` means it went out before (skip it); `in-flight` means another sender claimed it
   * less than `leaseMs` ago and may be sending it right now (fail, and let a retry look
   * again). A record left `sending` longer than the lease — its sender died between
   * claiming and `markMailSent`, or its mailer failed — is taken over by the next caller
   * (one at a time: the claim counts attempts), so in that window a mail may go out twice
   * but is never lost.
   */
  async claimMail(
    mentorshipId: string,
    key: ReviewMailKey,
    now: string,
    leaseMs = MAIL_LEASE_MS,
  ): Promise<'claimed' | 'sent' | 'in-flight'> {
    const Key = mailKey(mentorshipId, key);
    for (let tries = 0; tries < 5; tries++) {
      try {
        await this.table.put({
          Item: {
            ...Key,
            entity: 'review-mail',
            mentorshipId,
            ...key,
            status: 'sending',
            attempt: 1,
            claimedAt: now,
          } satisfies Record<string, unknown> & ReviewMailRecord,
          ConditionExpression: 'attribute_not_exists(PK)',
        });
        return 'claimed';
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const current = await this.getMail(mentorshipId, key);
      if (!current) continue;
      if (current.status === 'sent') return 'sent';
      if (Date.parse(now) - Date.parse(current.claimedAt) < leaseMs) return 'in-flight';
      try {
        await this.table.update({
          Key,
          UpdateExpression: 'SET attempt = :next, claimedAt = :now',
          ConditionExpression: '#s = :sending AND attempt = :seen',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':seen': current.attempt,
            ':next': current.attempt + 1,
            ':now': now,
          },
        });
        return 'claimed';
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        // another sender claimed or finished it meanwhile: look again
      }
    }
    throw new DataError(`could not claim mail ${Key.SK} of mentorship ${mentorshipId}`);
  }

  /** Records that a claimed mail went out; a retry then skips it. */
  async markMailSent(
    mentorshipId: string,
    key: ReviewMailKey,
    sent: { at: string; messageId: string },
  ): Promise<void> {
    await this.table.update({
      Key: mailKey(mentorshipId, key),
      UpdateExpression: 'SET #s = :sent, sentAt = :at, messageId = :id',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent', ':at': sent.at, ':id': sent.messageId },
    });
  }

  /**
   * Gives a claim back when its mail could not be sent (the mailer failed), so a retry can
   * claim it at once instead of waiting out the lease. Only the claim made at `claimedAt`.
   */
  async releaseMail(mentorshipId: string, key: ReviewMailKey, claimedAt: string): Promise<void> {
    try {
      await this.table.delete({
        Key: mailKey(mentorshipId, key),
        ConditionExpression: '#s = :sending AND claimedAt = :at',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':at': claimedAt },
      });
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  getMail(mentorshipId: string, key: ReviewMailKey): Promise<ReviewMailRecord | undefined> {
    return this.table.get<ReviewMailRecord>(mailKey(mentorshipId, key), { consistent: true });
  }

  /** The lifecycle mail of a mentorship (of one review when `period` is given), in key order. */
  listMail(mentorshipId: string, period?: number): Promise<ReviewMailRecord[]> {
    const prefix = period === undefined ? 'MAIL#' : `MAIL#${pad(period)}#`;
    return this.table.all<ReviewMailRecord>({ pk: pk(mentorshipId), prefix });
  }
}
