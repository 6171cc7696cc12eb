import { startDynamoDbLocal } from '@sisi/local';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local shared by the whole run; isolate tests with table prefixes. */
    dynamoEndpoint: string;
  }
}

/**
 * One in-memory DynamoDB Local for the whole test run: a JVM start costs seconds, a table
 * prefix per test costs nothing. Tests reach it with `testDynamo()` from `test/support`.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { globalSetup: ['./test/setup/dynamodb.global.ts'] } });
 */
export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const db = await startDynamoDbLocal({ inMemory: true });
  provide('dynamoEndpoint', db.endpoint);
  // For code that reads its endpoint from the environment (child processes, runtime config).
  process.env.SISI_TEST_DYNAMODB_ENDPOINT = db.endpoint;
  return async () => {
    await db.stop();
  };
}
