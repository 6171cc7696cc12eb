import { createHash, randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock, Mailer, MailMessage } from '@sisi/domain';
import { isConditionFailure, TableRepository, type WriteOp } from './table.ts';

/**
 * A mail decided inside a request, kept in the platform table until it is sent:
 * `held` (written, not to be sent yet), `pending`, `sending` (claimed by one sender),
 * `sent` (its text removed) or `cancelled`.
 */
export interface QueuedMail {
  id: string;
  status: 'held' | 'pending' | 'sending' | 'sent' | 'cancelled';
  message?: MailMessage;
  createdAt: string;
  attempt?: number;
  claimedAt?: string;
  sentAt?: string;
  messageId?: string;
  lastError?: string;
}

/** How long a claim protects a mail being sent; after it, a sender that died lost it. */
export const MAIL_QUEUE_LEASE_MS = 60_000;
/** A sent mail's record (without its text) is kept this long, then purged by TTL. */
const SENT_KEPT_SECONDS = 30 * 86_400;
const PENDING = 'MAILQ#PENDING';

const key = (id: string) => ({ PK: `MAILQ#${id}`, SK: 'MAIL' });
const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export interface MailQueueOptions {
  mailer: Mailer;
  clock: Clock;
  /** Claims older than this are taken over (ms). Default `MAIL_QUEUE_LEASE_MS`. */
  leaseMs?: number;
  /** Where a failed send is told (default `console.error`). */
  onError?: (error: unknown, mail: { id: string; to?: string }) => void;
}

/** What `deliver` did with one mail. */
export type Delivery = 'sent' | 'skipped' | 'failed';

/**
 * The transactional outbox of mail (ADR 0023). A write that decides a mail puts
 * `enqueueOp` in its own transaction, so the mail exists exactly when the data does; after
 * the commit it calls `deliver` (best effort), and a worker (`deliverPending`, run at start
 * and on a timer locally, on a schedule on AWS) sends whatever is still pending. Each mail
 * is claimed before it is sent and marked sent after, as the lifecycle's mail is (ADR 0007):
 * never lost, and sent twice only when a sender dies between the mailer's answer and the
 * mark, and the lease then runs out.
 *
 * @example
 * const queue = new MailQueue(doc, platformTableName('sisi'), { mailer, clock });
 * const mail = queue.enqueueOp(invitationMail({ … }));
 * await platform.transact([...userOps, mail.op]);
 * await queue.deliver(mail.id);
 */
export class MailQueue extends TableRepository {
  private readonly leaseMs: number;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    tableName: string,
    private readonly options: MailQueueOptions,
  ) {
    super(doc, tableName);
    this.leaseMs = options.leaseMs ?? MAIL_QUEUE_LEASE_MS;
  }

  /** The same queue, sending through another mailer (e.g. a seed that reads its own mail). */
  withMailer(mailer: Mailer): MailQueue {
    return new MailQueue(this.doc, this.table.name, { ...this.options, mailer });
  }

  /**
   * A new mail as one op of the caller's transaction. `held`: kept but not sent until
   * `release` (e.g. until the network it invites into has storage).
   */
  enqueueOp(message: MailMessage, options: { held?: boolean } = {}): { id: string; op: WriteOp } {
    const id = randomUUID();
    const createdAt = this.options.clock.now().toISOString();
    return {
      id,
      op: this.table.putOp({
        Item: {
          ...key(id),
          entity: 'queued-mail',
          id,
          status: options.held ? 'held' : 'pending',
          message,
          createdAt,
          ...(options.held ? {} : { GSI1PK: PENDING, GSI1SK: `${createdAt}#${id}` }),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    };
  }

  /**
   * A mail queued under a key the caller derives from what it is about (e.g. a notice for
   * one person about one request): the first call queues it and returns its id, any later
   * call with the same key (a retry, a repeated request) queues nothing and returns
   * `undefined`. So it is sent once, however often the request that decides it runs.
   */
  async enqueueOnce(onceKey: string, message: MailMessage): Promise<string | undefined> {
    const id = `once-${createHash('sha256').update(onceKey).digest('base64url').slice(0, 32)}`;
    const createdAt = this.options.clock.now().toISOString();
    try {
      await this.table.put({
        Item: {
          ...key(id),
          entity: 'queued-mail',
          id,
          status: 'pending',
          message,
          createdAt,
          GSI1PK: PENDING,
          GSI1SK: `${createdAt}#${id}`,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      });
      return id;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** A held mail becomes pending (the worker sends it). */
  async release(id: string): Promise<void> {
    const createdAt = (await this.get(id))?.createdAt ?? this.options.clock.now().toISOString();
    await this.ignoreCondition(
      this.table.update({
        Key: key(id),
        UpdateExpression: 'SET #s = :pending, GSI1PK = :index, GSI1SK = :order',
        ConditionExpression: '#s = :held',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':held': 'held',
          ':index': PENDING,
          ':order': `${createdAt}#${id}`,
        },
      }),
    );
  }

  /** A held mail is never sent; its text goes. */
  async cancel(id: string): Promise<void> {
    await this.ignoreCondition(
      this.table.update({
        Key: key(id),
        UpdateExpression: 'SET #s = :cancelled, #ttl = :ttl REMOVE message',
        ConditionExpression: '#s = :held',
        ExpressionAttributeNames: { '#s': 'status', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':cancelled': 'cancelled',
          ':held': 'held',
          ':ttl': epochSeconds(this.options.clock.now().toISOString()) + SENT_KEPT_SECONDS,
        },
      }),
    );
  }

  get(id: string): Promise<QueuedMail | undefined> {
    return this.table.get<QueuedMail>(key(id), { consistent: true });
  }

  /** Mail not sent yet (pending, or claimed by a sender), oldest first. */
  async listPending(max = 100): Promise<QueuedMail[]> {
    return this.table.all<QueuedMail>({ index: 'GSI1', pk: PENDING }, { max });
  }

  /**
   * Sends one mail if it is this caller's to send: `sent`; `skipped` when it was sent
   * already, is held, or another sender holds a live claim on it; `failed` when the mailer
   * failed (the claim is given back, and the worker tries again later).
   */
  async deliver(id: string): Promise<Delivery> {
    const claimedAt = this.options.clock.now().toISOString();
    const claimed = await this.claim(id, claimedAt);
    if (!claimed?.message) return 'skipped';
    try {
      const sent = await this.options.mailer.send(claimed.message);
      await this.markSent(id, claimedAt, sent.id);
      return 'sent';
    } catch (error) {
      (this.options.onError ?? defaultOnError)(error, { id, to: claimed.message.to });
      await this.giveBack(id, claimedAt, error).catch(() => {});
      return 'failed';
    }
  }

  /**
   * Sends every pending mail whose claim is free or has run out (what a crashed sender
   * left), one after the other. Returns what it did.
   */
  async deliverPending(): Promise<Record<Delivery, number>> {
    const done: Record<Delivery, number> = { sent: 0, skipped: 0, failed: 0 };
    for (const mail of await this.listPending()) {
      try {
        done[await this.deliver(mail.id)]++;
      } catch (error) {
        // the table itself failed: the next round tries again
        (this.options.onError ?? defaultOnError)(error, { id: mail.id });
        done.failed++;
      }
    }
    return done;
  }

  private async claim(id: string, now: string): Promise<QueuedMail | undefined> {
    const stale = new Date(Date.parse(now) - this.leaseMs).toISOString();
    try {
      const item = await this.table.update({
        Key: key(id),
        UpdateExpression:
          'SET #s = :sending, claimedAt = :now, attempt = if_not_exists(attempt, :zero) + :one',
        ConditionExpression: '#s = :pending OR (#s = :sending AND claimedAt < :stale)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':pending': 'pending',
          ':now': now,
          ':stale': stale,
          ':zero': 0,
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      });
      return item as QueuedMail | undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  /** Sent: its text (an invitation's link) goes, and the record leaves the pending index. */
  private async markSent(id: string, claimedAt: string, messageId: string): Promise<void> {
    const at = this.options.clock.now().toISOString();
    await this.ignoreCondition(
      this.table.update({
        Key: key(id),
        UpdateExpression:
          'SET #s = :sent, sentAt = :at, messageId = :mid, #ttl = :ttl REMOVE message, GSI1PK, GSI1SK, lastError',
        // a claim taken over meanwhile is the taker's to mark
        ConditionExpression: '#s = :sending AND claimedAt = :claimedAt',
        ExpressionAttributeNames: { '#s': 'status', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':sent': 'sent',
          ':sending': 'sending',
          ':at': at,
          ':mid': messageId,
          ':ttl': epochSeconds(at) + SENT_KEPT_SECONDS,
          ':claimedAt': claimedAt,
        },
      }),
    );
  }

  /** The mailer failed: pending again at once, rather than after the lease. */
  private async giveBack(id: string, claimedAt: string, error: unknown): Promise<void> {
    await this.ignoreCondition(
      this.table.update({
        Key: key(id),
        UpdateExpression: 'SET #s = :pending, lastError = :error REMOVE claimedAt',
        ConditionExpression: '#s = :sending AND claimedAt = :claimedAt',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':sending': 'sending',
          ':claimedAt': claimedAt,
          ':error': (error instanceof Error ? error.message : String(error)).slice(0, 500),
        },
      }),
    );
  }

  private async ignoreCondition(write: Promise<unknown>): Promise<void> {
    try {
      await write;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}

const defaultOnError = (error: unknown, mail: { id: string; to?: string }) =>
  console.error(`mail ${mail.id} not sent yet (it stays queued):`, error);
