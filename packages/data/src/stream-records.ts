import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { SourceItem } from '@sisi/domain';
import { networkIdOfTable } from './tables.ts';

type Image = Record<string, AttributeValue>;

/**
 * The part of a DynamoDB Streams record the rollups read (`NEW_AND_OLD_IMAGES`), as both
 * Lambda's stream event and the Streams API's `GetRecords` (the local poller) carry it.
 */
export interface DynamoDbStreamRecord {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventSourceARN?: string;
  dynamodb?: {
    Keys?: Image;
    NewImage?: Image;
    OldImage?: Image;
    SequenceNumber?: string;
  };
}

/** One write to a network table, decoded: what the rollup handler takes (`RollupRecord`). */
export interface NetworkTableWrite {
  networkId: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** The stream's sequence number (a decimal string). */
  sequenceNumber: string;
  keys: { PK: string; SK: string };
  newImage?: SourceItem;
  oldImage?: SourceItem;
}

const tableOfArn = (arn: string | undefined) => arn?.match(/:table\/([^/]+)\/stream\//)?.[1];

/**
 * A stream record as the rollup handler takes it, the same in both runtimes; `undefined`
 * for a record of a table that is no network's (or one without keys).
 *
 * @example
 * const record = toRollupRecord('sisi', raw); // { networkId: 'kp-alliance-x1', eventName: 'INSERT', … }
 * if (record) await rollup.apply(record);
 */
export function toRollupRecord(
  prefix: string,
  record: DynamoDbStreamRecord,
): NetworkTableWrite | undefined {
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
