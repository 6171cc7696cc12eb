import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  createDocumentClient,
  networkIdOfTable,
  networkTableName,
  platformTableName,
  RollupRepository,
} from '@sisi/data';
import type { SourceItem } from '@sisi/domain';
import { mentorshipFactsFrom } from './facts.ts';
import { createRollupHandler, type RollupHandler, type RollupRecord } from './handler.ts';
import { readRollupSettings } from './settings.ts';

type Image = Record<string, AttributeValue>;

/** The part of a DynamoDB Streams event the rollup reads (`NEW_AND_OLD_IMAGES`). */
export interface DynamoDbStreamEvent {
  Records: {
    eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
    eventSourceARN?: string;
    dynamodb?: {
      Keys?: Image;
      NewImage?: Image;
      OldImage?: Image;
      SequenceNumber?: string;
    };
  }[];
}

/** Lambda's partial batch answer (`ReportBatchItemFailures`). */
export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

const tableOfArn = (arn: string | undefined) => arn?.match(/:table\/([^/]+)\/stream\//)?.[1];

/**
 * A stream record as the handler takes it; `undefined` for a record of a table that is no
 * network's (or one without keys).
 */
export function toRollupRecord(
  prefix: string,
  record: DynamoDbStreamEvent['Records'][number],
): RollupRecord | undefined {
  const table = tableOfArn(record.eventSourceARN);
  const networkId = table ? networkIdOfTable(prefix, table) : undefined;
  const d = record.dynamodb;
  if (!networkId || !d?.Keys || !d.SequenceNumber || !record.eventName) return undefined;
  const keys = unmarshall(d.Keys) as { PK: string; SK: string };
  return {
    networkId,
    eventName: record.eventName,
    sequenceNumber: d.SequenceNumber,
    keys: { PK: keys.PK, SK: keys.SK },
    ...(d.NewImage ? { newImage: unmarshall(d.NewImage) as SourceItem } : {}),
    ...(d.OldImage ? { oldImage: unmarshall(d.OldImage) as SourceItem } : {}),
  };
}

/**
 * The stream handler for a batch: records in order; at the first failure, that record and
 * every later one are reported failed, so Lambda retries them in order.
 */
export function createRollupLambda(
  env: Record<string, string | undefined>,
  clients: { doc?: DynamoDBDocumentClient } = {},
): (event: DynamoDbStreamEvent) => Promise<BatchResponse> {
  const { tablePrefix } = readRollupSettings(env);
  const doc = clients.doc ?? createDocumentClient();
  const rollup: RollupHandler = createRollupHandler({
    rollups: new RollupRepository(doc, platformTableName(tablePrefix)),
    mentorshipFacts: mentorshipFactsFrom(doc, (n) => networkTableName(tablePrefix, n)),
  });
  return async (event) => {
    for (const raw of event.Records) {
      const record = toRollupRecord(tablePrefix, raw);
      if (!record) continue;
      try {
        await rollup.apply(record);
      } catch (error) {
        console.error('rollup failed', record.networkId, record.keys, error);
        return { batchItemFailures: [{ itemIdentifier: record.sequenceNumber }] };
      }
    }
    return { batchItemFailures: [] };
  };
}

let handle: ((event: DynamoDbStreamEvent) => Promise<BatchResponse>) | undefined;

/**
 * The Lambda entry (`functions/rollup/src/lambda.ts`, export `handler`), subscribed to every
 * network table's stream with `ReportBatchItemFailures`. Environment: `SISI_TABLE_PREFIX`.
 */
export const handler = (event: DynamoDbStreamEvent): Promise<BatchResponse> => {
  handle ??= createRollupLambda(process.env);
  return handle(event);
};
