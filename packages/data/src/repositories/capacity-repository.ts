import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AssetInventory, CapacityAssessment, Page } from '@sisi/domain';
import { decodeCursor, encodeCursor } from '../client.ts';
import { ConflictError } from '../errors.ts';
import { stripKeys } from '../transact.ts';
import type { VersionedDocument } from './mentorship-repository.ts';

const orgPk = (organizationId: string) => `ORG#${organizationId}`;
const ASSESSMENT = 'ASSESSMENT#';
const inventoryKey = (organizationId: string) => ({ PK: orgPk(organizationId), SK: 'ASSETS' });

/** A dated capacity assessment as stored: the assessment plus who recorded it, and when. */
export type CapacityAssessmentRecord = CapacityAssessment & {
  id: string;
  organizationId: string;
  createdAt: string;
  createdBy: string;
};

/** The asset inventory without the `version` the client sends (the document carries it). */
export type AssetInventoryContent = Omit<AssetInventory, 'version'>;

/**
 * What an organization needs and offers (DOMAIN.md "Organizations"): its dated capacity
 * assessments and its asset inventory, kept in the organization's partition of the
 * network table (`ORG#<id>`), beside the organization item.
 *
 * @example
 * const capacity = new CapacityRepository(doc, networkTableName('sisi', networkId));
 * const { items } = await capacity.listAssessments(orgId, 25); // newest date first
 */
export class CapacityRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /**
   * A new assessment. The sort key puts the date first (then when it was recorded), so
   * the list reads newest first without sorting.
   */
  async addAssessment(record: CapacityAssessmentRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          PK: orgPk(record.organizationId),
          SK: `${ASSESSMENT}${record.date}#${record.createdAt}#${record.id}`,
          entity: 'capacity-assessment',
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  /** An organization's assessments, newest date first. */
  async listAssessments(
    organizationId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<CapacityAssessmentRecord>> {
    const pk = orgPk(organizationId);
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': ASSESSMENT },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['PK', 'SK'], { PK: pk }),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => stripKeys<CapacityAssessmentRecord>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  async getInventory(
    organizationId: string,
  ): Promise<VersionedDocument<AssetInventoryContent> | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: inventoryKey(organizationId) }),
    );
    return out.Item ? stripKeys<VersionedDocument<AssetInventoryContent>>(out.Item) : undefined;
  }

  /**
   * Writes the inventory if it is still at `expectedVersion` (0 when there is none yet);
   * otherwise `ConflictError` naming `version`, and nothing written.
   */
  async putInventory(
    organizationId: string,
    expectedVersion: number,
    doc: VersionedDocument<AssetInventoryContent>,
  ): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...inventoryKey(organizationId), entity: 'asset-inventory', ...doc },
          ...(expectedVersion === 0
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : {
                ConditionExpression: '#v = :v',
                ExpressionAttributeNames: { '#v': 'version' },
                ExpressionAttributeValues: { ':v': expectedVersion },
              }),
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      throw new ConflictError(
        'the asset inventory changed meanwhile; reload and try again',
        'version',
        { cause: error },
      );
    }
  }
}
