import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  createDocumentClient,
  PlatformRepository,
  platformTable,
  platformTableName,
} from '@sisi/data';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { VirtualClock } from './clock.ts';
import { dynamoDbLocalClientConfig } from './dynamodb-local.ts';
import { ensureTable } from './tables.ts';

// The run's shared DynamoDB Local (test/setup/dynamodb.global.ts); a prefix isolates us.
const config = dynamoDbLocalClientConfig(inject('dynamoEndpoint'));
const client = new DynamoDBClient(config);
const doc = createDocumentClient(config);
const prefix = `t${randomBytes(5).toString('hex')}`;
let platform: PlatformRepository;

beforeAll(async () => {
  await ensureTable(client, platformTable, platformTableName(prefix));
  platform = new PlatformRepository(doc, platformTableName(prefix));
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  doc.destroy();
  client.destroy();
});

const DAY_MS = 86_400_000;

describe('VirtualClock.advance', () => {
  it('accepts advanceDays 0 however the real clock ticks between its readings', async () => {
    const clock = await VirtualClock.load(platform);
    // every reading of the real clock is a millisecond later than the one before
    let real = Date.parse('2026-03-01T10:00:00Z');
    vi.spyOn(Date, 'now').mockImplementation(() => ++real);
    for (let i = 0; i < 5; i++) {
      const before = clock.now().getTime();
      const moved = await clock.advance({ advanceDays: 0 });
      expect(moved, `attempt ${i}`).toBeInstanceOf(Date);
      expect(moved!.getTime()).toBeGreaterThanOrEqual(before);
    }
  });

  it('moves forward by days and keeps the offset across a reload', async () => {
    const clock = await VirtualClock.load(platform);
    const before = clock.now().getTime();
    const moved = await clock.advance({ advanceDays: 3 });
    expect(moved!.getTime() - before).toBeGreaterThanOrEqual(3 * DAY_MS);
    expect(moved!.getTime() - before).toBeLessThan(3 * DAY_MS + 60_000);
    const reloaded = await VirtualClock.load(platform);
    expect(reloaded.now().getTime()).toBeGreaterThanOrEqual(moved!.getTime());
  });

  it('refuses to move back, and a date that is not one', async () => {
    const clock = await VirtualClock.load(platform);
    const before = clock.now().getTime();
    expect(await clock.advance({ to: '2001-01-01' })).toBeUndefined();
    expect(await clock.advance({ to: 'not a date' })).toBeUndefined();
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);
    expect(clock.now().getTime() - before).toBeLessThan(60_000);
  });
});
