import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from './errors.ts';

/**
 * A document client with the marshalling Sisi relies on (undefined dropped, no class
 * instances). `endpoint` points at DynamoDB Local in the embedded runtime.
 */
export function createDocumentClient(config: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient(config);
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export type Key = Record<string, unknown>;

/** Cursors are opaque to clients: base64url of the last evaluated key. */
export function encodeCursor(key: Key | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/**
 * The key a cursor stands for. `partition` names the list's own index partition (e.g.
 * `{ GSI1PK: 'NETWORKS' }`): a cursor of another list is refused here, as DynamoDB would
 * otherwise fail the query.
 */
export function decodeCursor(
  cursor: string | undefined,
  expectedKeys: string[],
  partition: Record<string, string> = {},
): Key | undefined {
  if (!cursor) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new InvalidCursorError('cursor is not valid', { cause });
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    Object.keys(parsed).sort().join() !== [...expectedKeys].sort().join() ||
    !Object.values(parsed).every((v) => typeof v === 'string') ||
    !Object.entries(partition).every(([k, v]) => (parsed as Key)[k] === v)
  ) {
    throw new InvalidCursorError('cursor is not valid');
  }
  return parsed as Key;
}
