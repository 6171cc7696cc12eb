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

  it('counts concurrent attempts of one window exactly, and refunds never below zero', async () => {
    const counts = await Promise.all(
      Array.from({ length: 25 }, () => attempts.countAttempt('192.0.2.1', T0, WINDOW_MS)),
    );
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // another window and another address count apart
    expect(await attempts.countAttempt('192.0.2.1', T0 + WINDOW_MS, WINDOW_MS)).toBe(1);
    expect(await attempts.countAttempt('192.0.2.2', T0, WINDOW_MS)).toBe(1);
    await attempts.refundAttempt('192.0.2.2', T0);
    await attempts.refundAttempt('192.0.2.2', T0);
    await attempts.refundAttempt('192.0.2.3', T0); // nothing counted there: nothing happens
    expect(await attempts.countAttempt('192.0.2.2', T0, WINDOW_MS)).toBe(1);
    const item = await doc.send(
      new GetCommand({
        TableName: table,
        Key: { PK: 'LOGIN#ADDRESS#192.0.2.1', SK: `WINDOW#${T0}` },
      }),
    );
    // DynamoDB deletes it after the window (and a minute)
    expect(item.Item?.ttl).toBe((T0 + WINDOW_MS) / 1000 + 60);
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
