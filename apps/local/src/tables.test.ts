import { randomBytes } from 'node:crypto';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { networkTableName, platformTable } from '@sisi/data';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { dynamoDbLocalClientConfig } from './dynamodb-local.ts';
import { ensureTable, LocalProvisioner } from './tables.ts';

// The run's shared DynamoDB Local (test/setup/dynamodb.global.ts); a prefix isolates us.
const client = new DynamoDBClient(dynamoDbLocalClientConfig(inject('dynamoEndpoint')));
const prefix = `t${randomBytes(5).toString('hex')}`;
afterAll(() => client.destroy());

describe('ensureTable', () => {
  it('creates an ACTIVE table with its indexes and TTL, and is idempotent', async () => {
    const name = `${prefix}-platform`;
    await ensureTable(client, platformTable, name);
    await Promise.all([
      ensureTable(client, platformTable, name),
      ensureTable(client, platformTable, name),
    ]);

    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['GSI1']);
    expect(Table?.StreamSpecification).toMatchObject({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'ttl',
    });
  });
});

describe('LocalProvisioner', () => {
  it("creates the network's table and reports it active", async () => {
    const provisioner = new LocalProvisioner(client, prefix);
    await expect(provisioner.provisionNetwork('kp-alliance-x1')).resolves.toEqual({
      status: 'active',
    });
    const tableName = networkTableName(prefix, 'kp-alliance-x1');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['GSI1', 'GSI2']);
    await expect(provisioner.provisionNetwork('kp-alliance-x1')).resolves.toEqual({
      status: 'active',
    });
  });

  it('rejects a network id that cannot name a table', async () => {
    await expect(new LocalProvisioner(client, prefix).provisionNetwork('Bad Id')).rejects.toThrow(
      /not a network id/,
    );
  });
});
