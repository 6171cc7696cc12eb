import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The shape of a DynamoDB table, shared by the embedded runtime (CreateTable on DynamoDB
 * Local) and `infra/` (CDK `TableV2`), so both build the very same keys and indexes.
 */
export interface TableDefinition {
  partitionKey: string;
  sortKey: string;
  globalIndexes: { name: string; partitionKey: string; sortKey: string }[];
  timeToLiveAttribute: string;
  /** Streams feed the donor rollups; both images so a rollup can subtract the old state. */
  stream: 'NEW_AND_OLD_IMAGES';
}

/** One table per network (the tenant): organizations, people, mentorships, coaching. */
export const networkTable: TableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalIndexes: [
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  ],
  timeToLiveAttribute: 'ttl',
  stream: 'NEW_AND_OLD_IMAGES',
};

/** The platform table: directory of people, invitations, networks, donors, aggregates. */
export const platformTable: TableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  globalIndexes: [{ name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' }],
  timeToLiveAttribute: 'ttl',
  stream: 'NEW_AND_OLD_IMAGES',
};

const NETWORK_ID = /^[a-z0-9][a-z0-9-]{2,40}$/;

/**
 * The only place a network's table name is derived. `prefix` separates deployments (and
 * test runs) sharing one DynamoDB endpoint.
 *
 * @example networkTableName('sisi', 'kp-alliance-x1') // 'sisi-net-kp-alliance-x1'
 */
export function networkTableName(prefix: string, networkId: string): string {
  if (!NETWORK_ID.test(networkId)) throw new Error(`not a network id: ${networkId}`);
  return `${prefix}-net-${networkId}`;
}

/**
 * The network whose table `tableName` is, under `prefix` (`networkTableName` read
 * backwards); `undefined` for any other table, e.g. the platform table.
 *
 * @example networkIdOfTable('sisi', 'sisi-net-kp-alliance-x1') // 'kp-alliance-x1'
 */
export function networkIdOfTable(prefix: string, tableName: string): string | undefined {
  const head = `${prefix}-net-`;
  if (!tableName.startsWith(head)) return undefined;
  const id = tableName.slice(head.length);
  return NETWORK_ID.test(id) ? id : undefined;
}

/** @example platformTableName('sisi') // 'sisi-platform' */
export const platformTableName = (prefix: string): string => `${prefix}-platform`;

/** A CreateTable request for a definition: on-demand billing, streams on. */
export function createTableInput(def: TableDefinition, tableName: string): CreateTableCommandInput {
  const keyNames = new Set([
    def.partitionKey,
    def.sortKey,
    ...def.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyNames].map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    })),
    KeySchema: [
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      { AttributeName: def.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: def.globalIndexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' },
        { AttributeName: i.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: def.stream },
  };
}
