import { isConditionFailure, TableRepository } from '../table.ts';

/** An account's failed sign-ins since its last success (or since they were forgotten). */
export interface AccountFailures {
  failures: number;
  /** When the last one happened, epoch milliseconds. */
  lastFailureMs: number;
}

const addressKey = (address: string, windowStartMs: number) => ({
  PK: `LOGIN#ADDRESS#${address}`,
  SK: `WINDOW#${windowStartMs}`,
});
const accountKey = (email: string) => ({ PK: `LOGIN#ACCOUNT#${email}`, SK: 'FAILURES' });
const seconds = (ms: number) => Math.ceil(ms / 1000);

/**
 * The sign-in limiter's state in the platform table, shared by every API instance (each
 * Lambda, each local app): attempts per client address in fixed windows
 * (`LOGIN#ADDRESS#<address>` / `WINDOW#<start>`), and failures per account
 * (`LOGIN#ACCOUNT#<email>` / `FAILURES`). Every item carries a `ttl`; DynamoDB deletes late,
 * so reads judge age themselves. Each change is one atomic UpdateItem, so concurrent
 * attempts on different instances all count.
 *
 * @example
 * const attempts = new LoginAttemptRepository(doc, platformTableName('sisi'));
 * const inWindow = await attempts.countAttempt('203.0.113.7', windowStart, 900_000);
 */
export class LoginAttemptRepository extends TableRepository {
  /** Counts one attempt from `address` in the window starting at `windowStartMs`; the count. */
  async countAttempt(address: string, windowStartMs: number, windowMs: number): Promise<number> {
    const out = await this.table.update({
      Key: addressKey(address, windowStartMs),
      UpdateExpression: 'ADD #n :one SET #ttl = :ttl, entity = :entity',
      ExpressionAttributeNames: { '#n': 'attempts', '#ttl': 'ttl' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':ttl': seconds(windowStartMs + windowMs) + 60,
        ':entity': 'login-address-window',
      },
      ReturnValues: 'UPDATED_NEW',
    });
    return Number(out?.attempts ?? 1);
  }

  /** Gives back one attempt of that window (one that turned out to be a success). */
  async refundAttempt(address: string, windowStartMs: number): Promise<void> {
    await this.table
      .update({
        Key: addressKey(address, windowStartMs),
        UpdateExpression: 'ADD #n :minus',
        ConditionExpression: '#n > :zero',
        ExpressionAttributeNames: { '#n': 'attempts' },
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      })
      .catch((error: unknown) => {
        if (!isConditionFailure(error)) throw error;
      });
  }

  /** The account's failures, unless the last is older than `forgetAfterMs`. */
  async accountFailures(
    email: string,
    nowMs: number,
    forgetAfterMs: number,
  ): Promise<AccountFailures | undefined> {
    const item = await this.table.get<AccountFailures>(accountKey(email), { consistent: true });
    if (!item || item.lastFailureMs + forgetAfterMs <= nowMs) return undefined;
    return { failures: item.failures, lastFailureMs: item.lastFailureMs };
  }

  /**
   * Adds a failure to the account (starting again from one when the stored ones are older
   * than `forgetAfterMs`); the account's failures after it.
   */
  async recordFailure(
    email: string,
    nowMs: number,
    forgetAfterMs: number,
  ): Promise<AccountFailures> {
    const values = {
      ':one': 1,
      ':now': nowMs,
      ':ttl': seconds(nowMs + forgetAfterMs),
      ':entity': 'login-account-failures',
    };
    const names = { '#f': 'failures', '#last': 'lastFailureMs', '#ttl': 'ttl' };
    try {
      const out = await this.table.update({
        Key: accountKey(email),
        UpdateExpression: 'ADD #f :one SET #last = :now, #ttl = :ttl, entity = :entity',
        ConditionExpression: 'attribute_not_exists(PK) OR #last > :stale',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ':stale': nowMs - forgetAfterMs },
        ReturnValues: 'ALL_NEW',
      });
      return { failures: Number(out?.failures), lastFailureMs: nowMs };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // the stored failures are forgotten: this one is the first again
      await this.table.update({
        Key: accountKey(email),
        UpdateExpression: 'SET #f = :one, #last = :now, #ttl = :ttl, entity = :entity',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      });
      return { failures: 1, lastFailureMs: nowMs };
    }
  }

  /** Forgets the account's failures (a success). */
  async clearFailures(email: string): Promise<void> {
    await this.table.delete({ Key: accountKey(email) });
  }
}
