import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { createTableInput, platformTable, platformTableName, RollupRepository } from '@sisi/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDynamo } from '../../../test/support/dynamo.ts';
import { createRollupLambda, type DynamoDbStreamEvent } from '../src/lambdas.ts';
import { readTableSettings } from '../src/settings.ts';

const dynamo = testDynamo();
const networkId = 'lambda-net-1';

/** A stream record of an organization's write, as Lambda receives it (DynamoDB JSON). */
const record = (seq: string, kpLed: boolean): DynamoDbStreamEvent['Records'][number] => ({
  eventName: 'INSERT',
  eventSourceARN: `arn:aws:dynamodb:eu-west-1:123456789012:table/${dynamo.prefix}-net-${networkId}/stream/2026-01-01T00:00:00.000`,
  dynamodb: {
    SequenceNumber: seq,
    Keys: { PK: { S: 'ORG#lambdaorg1' }, SK: { S: 'ORG' } },
    NewImage: {
      PK: { S: 'ORG#lambdaorg1' },
      SK: { S: 'ORG' },
      entity: { S: 'organization' },
      id: { S: 'lambdaorg1' },
      name: { S: 'Lambda org' },
      createdAt: { S: '2026-02-01T10:00:00.000Z' },
      kpLed: { BOOL: kpLed },
      keyPopulations: { L: [{ S: 'msm' }] },
    },
  },
});

beforeAll(async () => {
  // DynamoDB Local makes a table ACTIVE at once: no wait needed
  await dynamo.client.send(
    new CreateTableCommand(createTableInput(platformTable, platformTableName(dynamo.prefix))),
  );
});
afterAll(() => {
  dynamo.client.destroy();
  dynamo.doc.destroy();
});

describe('the rollup Lambda entry', () => {
  it('applies a DynamoDB Streams batch once, whatever is delivered again', async () => {
    const handle = createRollupLambda({ SISI_TABLE_PREFIX: dynamo.prefix }, { doc: dynamo.doc });
    const rollups = new RollupRepository(dynamo.doc, platformTableName(dynamo.prefix));
    const first = await handle({ Records: [record('1000', true), record('1001', false)] });
    expect(first).toEqual({ batchItemFailures: [] });
    const once = await rollups.getNetwork(networkId);
    expect(once.quarters['2026-Q1']).toEqual({
      organizations: 1,
      'organizations.keyPopulation:msm': 1,
      'organizations.kpLed:no': 1,
    });
    // Lambda retries a whole batch: the same records again, and an older one, change nothing
    await handle({ Records: [record('1000', true), record('1001', false), record('999', true)] });
    expect(await rollups.getNetwork(networkId)).toEqual(once);
  });

  it('ignores records of tables that are no network’s', async () => {
    const handle = createRollupLambda({ SISI_TABLE_PREFIX: dynamo.prefix }, { doc: dynamo.doc });
    const other = record('5', true);
    other.eventSourceARN = other.eventSourceARN!.replace(`-net-${networkId}`, '-platform');
    expect(await handle({ Records: [other] })).toEqual({ batchItemFailures: [] });
  });

  it('refuses to start without a valid table prefix, naming the variable', () => {
    expect(() => createRollupLambda({})).toThrow(
      /^invalid rollup settings:[\s\S]*SISI_TABLE_PREFIX/,
    );
    expect(() => readTableSettings({ SISI_TABLE_PREFIX: 'Not A Prefix' })).toThrow(
      /SISI_TABLE_PREFIX: must be a table prefix/,
    );
  });
});
