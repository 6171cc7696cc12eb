import { isConditionFailure, TableRepository } from '../table.ts';

/** An account's failed sign-ins since its last success (or since they were forgotten). */
export interface AccountFailures {
  failures: number;
  /** When the last one happened, epoch milliseconds. */
  lastFailureMs: number;
}

/** A client address's attempts in its current window. */
export interface AddressWindow {
  attempts: number;
  /** When the window began (its first attempt), epoch milliseconds. */
  windowStartMs: number;
}

const addressKey = (address: string) => ({ PK: `LOGIN#ADDRESS#${address}`, SK: 'WINDOW' });
const accountKey = (email: string) => ({ PK: `LOGIN#ACCOUNT#${email}`, SK: 'FAILURES' });
const seconds = (ms: number) => Math.ceil(ms / 1000);

/**
 * The sign-in limiter's state in the platform table, shared by every API instance (each
 * Lambda, each local app): attempts per client address in a window that starts at its
 * first attempt (`LOGIN#ADDRESS#<address>` / `WINDOW`), and failures per account
 * (`LOGIN#ACCOUNT#<email>` / `FAILURES`). Every item carries a `ttl`; DynamoDB deletes late,
 * so reads judge age themselves. Each change is one atomic UpdateItem, so concurrent
 * attempts on different instances all count.
 *
 * @example
 * const attempts = new LoginAttemptRepository(doc, platformTableName('sisi'));
 * const { attempts: n, windowStartMs } = await attempts.countAttempt('203.0.113.7', Date.now(), 900_000);
 */
export class LoginAttemptRepository extends TableRepository {
  /**
   * Counts one attempt from `address` in its window of `windowMs`, or starts a new window
   * at `nowMs` when there is none or it is over; the attempts in it and when it began.
   */
  countAttempt(address: string, nowMs: number, windowMs: number): Promise<AddressWindow> {
    return this.countIn(addressKey(address), 'login-address-window', nowMs, windowMs);
  }

  /**
   * Counts one event of `name` (e.g. `password-reset#address#203.0.113.7`) in its window of
   * `windowMs`, as `countAttempt` does for sign-ins (`LIMIT#<name>` / `WINDOW`): other
   * brakes of the API share the same store.
   */
  countWindow(name: string, nowMs: number, windowMs: number): Promise<AddressWindow> {
    return this.countIn({ PK: `LIMIT#${name}`, SK: 'WINDOW' }, 'rate-window', nowMs, windowMs);
  }

  private async countIn(
    key: { PK: string; SK: string },
    entity: string,
    nowMs: number,
    windowMs: number,
  ): Promise<AddressWindow> {
    const names = { '#n': 'attempts', '#start': 'windowStartMs' };
    for (let tries = 0; ; tries++) {
      try {
        const out = await this.table.update({
          Key: key,
          UpdateExpression: 'ADD #n :one',
          ConditionExpression: '#start > :expired',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':one': 1, ':expired': nowMs - windowMs },
          ReturnValues: 'ALL_NEW',
        });
        return { attempts: Number(out?.attempts), windowStartMs: Number(out?.windowStartMs) };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      try {
        // none yet, or the window is over: this attempt starts the next one
        await this.table.update({
          Key: key,
          UpdateExpression: 'SET #n = :one, #start = :now, #ttl = :ttl, entity = :entity',
          ConditionExpression: 'attribute_not_exists(PK) OR #start <= :expired',
          ExpressionAttributeNames: { ...names, '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':now': nowMs,
            ':expired': nowMs - windowMs,
            ':ttl': seconds(nowMs + windowMs) + 60,
            ':entity': entity,
          },
        });
        return { attempts: 1, windowStartMs: nowMs };
      } catch (error) {
        // another instance started the new window meanwhile: count in it
        if (!isConditionFailure(error) || tries >= 3) throw error;
      }
    }
  }

  /** Gives back one attempt of the window that began at `windowStartMs` (a success). */
  async refundAttempt(address: string, windowStartMs: number): Promise<void> {
    await this.table
      .update({
        Key: addressKey(address),
        UpdateExpression: 'ADD #n :minus',
        ConditionExpression: '#start = :start AND #n > :zero',
        ExpressionAttributeNames: { '#n': 'attempts', '#start': 'windowStartMs' },
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0, ':start': windowStartMs },
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
