import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { Provisioner } from '@sisi/api';
import { createTableInput, networkTable, networkTableName, type TableDefinition } from '@sisi/data';
import { DynamoDbLocalError } from './errors.ts';

const ACTIVE_TIMEOUT_MS = 60_000;

/**
 * Creates `tableName` from `def` unless it exists, waits until it and its indexes are
 * ACTIVE, and turns TTL on. Safe to call again, and concurrently, for the same table.
 *
 * @example await ensureTable(client, platformTable, platformTableName('sisi'));
 */
export async function ensureTable(
  client: DynamoDBClient,
  def: TableDefinition,
  tableName: string,
): Promise<void> {
  try {
    await client.send(new CreateTableCommand(createTableInput(def, tableName)));
  } catch (error) {
    if (!isNamed(error, 'ResourceInUseException')) throw error;
  }
  await waitUntilActive(client, tableName);
  await enableTimeToLive(client, tableName, def.timeToLiveAttribute);
}

async function waitUntilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  const deadline = Date.now() + ACTIVE_TIMEOUT_MS;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every(
      (index) => index.IndexStatus === 'ACTIVE',
    );
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    if (Date.now() > deadline) {
      throw new DynamoDbLocalError(`table ${tableName} not ACTIVE after ${ACTIVE_TIMEOUT_MS} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function enableTimeToLive(
  client: DynamoDBClient,
  tableName: string,
  attributeName: string,
): Promise<void> {
  const { TimeToLiveDescription: ttl } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: tableName }),
  );
  const status = ttl?.TimeToLiveStatus;
  if ((status === 'ENABLED' || status === 'ENABLING') && ttl?.AttributeName === attributeName) {
    return;
  }
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { Enabled: true, AttributeName: attributeName },
      }),
    );
  } catch (error) {
    // A concurrent ensureTable may have enabled it between our describe and update.
    const alreadyEnabled =
      isNamed(error, 'ValidationException') && /already enabled/i.test(String(error.message));
    if (!alreadyEnabled) throw error;
  }
}

function isNamed(error: unknown, name: string): error is Error {
  return error instanceof Error && error.name === name;
}

/**
 * Provisions a network in the embedded runtime: its table on DynamoDB Local, usable at once
 * (on AWS the same port deploys a CDK stack and answers `provisioning`).
 *
 * @example
 * const provisioner = new LocalProvisioner(client, 'sisi');
 * await provisioner.provisionNetwork('kp-alliance-x1'); // { status: 'active' }
 */
export class LocalProvisioner implements Provisioner {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly prefix: string,
  ) {}

  async provisionNetwork(networkId: string): Promise<{ status: 'active' }> {
    await ensureTable(this.client, networkTable, networkTableName(this.prefix, networkId));
    return { status: 'active' };
  }
}
