import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '@sisi/data';
import { dynamoDbLocalClientConfig } from '@sisi/local';
import { inject } from 'vitest';

export interface TestDynamo {
  endpoint: string;
  client: DynamoDBClient;
  doc: ReturnType<typeof createDocumentClient>;
  /** Unique per call: pass it to `platformTableName` / `networkTableName` to isolate a test. */
  prefix: string;
}

/**
 * Clients for the run's shared DynamoDB Local (see `test/setup/dynamodb.global.ts`) and a
 * fresh table prefix, so tests never see each other's tables.
 *
 * @example
 * const { client, doc, prefix } = testDynamo();
 * await ensureTable(client, platformTable, platformTableName(prefix));
 */
export function testDynamo(): TestDynamo {
  const endpoint = inject('dynamoEndpoint');
  if (!endpoint) {
    throw new Error('no dynamoEndpoint: run through the root vitest.config.ts (its globalSetup)');
  }
  const config = dynamoDbLocalClientConfig(endpoint);
  return {
    endpoint,
    client: new DynamoDBClient(config),
    doc: createDocumentClient(config),
    prefix: `t${randomBytes(5).toString('hex')}`,
  };
}
