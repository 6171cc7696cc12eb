import type { TableDefinition } from '@sisi/data';
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  type TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

/**
 * A DynamoDB table from the definition the embedded runtime creates its tables from
 * (`@sisi/data`), so both runtimes have the same keys, indexes, TTL and stream: on-demand,
 * point-in-time recovery, deletion protection, retained when its stack is deleted.
 *
 * @example tableFromDefinition(this, 'Table', networkTable, { tableName, encryption, encryptionKey });
 */
export function tableFromDefinition(
  scope: Construct,
  id: string,
  def: TableDefinition,
  props: { tableName: string; encryption: TableEncryption; encryptionKey?: IKey },
): Table {
  const attr = (name: string) => ({ name, type: AttributeType.STRING });
  const table = new Table(scope, id, {
    tableName: props.tableName,
    partitionKey: attr(def.partitionKey),
    sortKey: attr(def.sortKey),
    timeToLiveAttribute: def.timeToLiveAttribute,
    stream: StreamViewType[def.stream],
    billingMode: BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    encryption: props.encryption,
    ...(props.encryptionKey ? { encryptionKey: props.encryptionKey } : {}),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  for (const index of def.globalIndexes) {
    table.addGlobalSecondaryIndex({
      indexName: index.name,
      partitionKey: attr(index.partitionKey),
      sortKey: attr(index.sortKey),
      projectionType: ProjectionType.ALL,
    });
  }
  return table;
}
