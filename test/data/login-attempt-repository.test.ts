import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { LoginAttemptRepository, platformTable, platformTableName } from '@sisi/data';
import { ensureTable } from '@sisi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDynamo } from '../support/dynamo.ts';

const DAY_MS = 86_400_000;
const WINDOW_MS = 900_000;
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0);

describe('LoginAttemptRepository on DynamoDB Local', () => {
  const { client, doc, prefix } = testDynamo();
  const table = platformTableName(prefix);
  const attempts = new LoginAttemptRepository(doc, table);
  beforeAll(() => ensureTable(client, platformTable, table));

  it('counts a named window (countWindow) apart from the sign-in attempts of the same name, with its own TTL', async () => {
    const name = 'password-reset#address#192.0.2.77';
    const seen = await Promise.all(
      Array.from({ length: 5 }, () => attempts.countWindow(name, T0, 3_600_000)),
    );
    expect(seen.map((w) => w.attempts).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect((await attempts.countAttempt(name, T0, WINDOW_MS)).attempts).toBe(1);
    expect((await attempts.countWindow(name, T0 + 3_600_000, 3_600_000)).attempts).toBe(1);
    const item = await doc.send(
      new GetCommand({ TableName: table, Key: { PK: `LIMIT#${name}`, SK: 'WINDOW' } }),
    );
    expect(item.Item).toMatchObject({ entity: 'rate-window', attempts: 1 });
    expect(item.Item?.ttl).toBe(Math.ceil((T0 + 2 * 3_600_000) / 1000) + 60);
  });

  it('counts concurrent attempts exactly, in a window from the first one, and refunds never below zero', async () => {
    const seen = await Promise.all(
      Array.from({ length: 25 }, () => attempts.countAttempt('192.0.2.1', T0, WINDOW_MS)),
    );
    expect(seen.map((w) => w.attempts).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect(new Set(seen.map((w) => w.windowStartMs))).toEqual(new Set([T0]));
    // still the same window just before its end; a new one from the first attempt after it
    expect(await attempts.countAttempt('192.0.2.1', T0 + WINDOW_MS - 1, WINDOW_MS)).toEqual({
      attempts: 26,
      windowStartMs: T0,
    });
    const next = T0 + WINDOW_MS + 7_000;
    expect(await attempts.countAttempt('192.0.2.1', next, WINDOW_MS)).toEqual({
      attempts: 1,
      windowStartMs: next,
    });
    // a refund of the old window does not touch the new one
    await attempts.refundAttempt('192.0.2.1', T0);
    expect((await attempts.countAttempt('192.0.2.1', next + 1, WINDOW_MS)).attempts).toBe(2);
    // another address counts apart; refunds stop at zero
    expect((await attempts.countAttempt('192.0.2.2', T0, WINDOW_MS)).attempts).toBe(1);
    await attempts.refundAttempt('192.0.2.2', T0);
    await attempts.refundAttempt('192.0.2.2', T0);
    await attempts.refundAttempt('192.0.2.3', T0); // nothing counted there: nothing happens
    expect((await attempts.countAttempt('192.0.2.2', T0 + 1, WINDOW_MS)).attempts).toBe(1);
    const item = await doc.send(
      new GetCommand({ TableName: table, Key: { PK: 'LOGIN#ADDRESS#192.0.2.1', SK: 'WINDOW' } }),
    );
    // DynamoDB deletes it after its window (and a minute)
    expect(item.Item?.ttl).toBe(Math.ceil((next + WINDOW_MS) / 1000) + 60);
  });

  it("adds an account's failures, forgets them a day after the last, and at a success", async () => {
    const email = 'amina@kp-org.example';
    expect(await attempts.accountFailures(email, T0, DAY_MS)).toBeUndefined();
    await Promise.all([1, 2, 3].map(() => attempts.recordFailure(email, T0, DAY_MS)));
    expect(await attempts.accountFailures(email, T0 + 1000, DAY_MS)).toEqual({
      failures: 3,
      lastFailureMs: T0,
    });
    // a day later they are forgotten, even before DynamoDB's TTL removes the item…
    expect(await attempts.accountFailures(email, T0 + DAY_MS, DAY_MS)).toBeUndefined();
    // …and the next failure starts again from one
    expect(await attempts.recordFailure(email, T0 + DAY_MS + 5, DAY_MS)).toEqual({
      failures: 1,
      lastFailureMs: T0 + DAY_MS + 5,
    });
    await attempts.clearFailures(email);
    expect(await attempts.accountFailures(email, T0 + DAY_MS + 10, DAY_MS)).toBeUndefined();
  });
});
