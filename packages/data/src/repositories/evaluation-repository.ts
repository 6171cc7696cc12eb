import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { EvaluationRecord } from '@sisi/domain';
import { ConflictError } from '../errors.ts';
import { stripKeys } from '../transact.ts';

const pk = (mentorshipId: string) => `MENTORSHIP#${mentorshipId}`;
const PREFIX = 'EVALUATION#';
const key = (mentorshipId: string, organizationId: string) => ({
  PK: pk(mentorshipId),
  SK: `${PREFIX}${organizationId}`,
});

/**
 * The mentorship evaluation forms (001 Annex 7), one per organization of a mentorship
 * (`EVALUATION#<organization id>` in the mentorship's partition), saved whole with
 * optimistic locking like the mentorship's other documents: a save names the version it
 * read (0 for the first), and a stale one is a `ConflictError` on `version`.
 *
 * @example
 * const evaluations = createNetworkStore(doc, table).evaluations;
 * await evaluations.put(record, 0); // the first save
 */
export class EvaluationRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async get(mentorshipId: string, organizationId: string): Promise<EvaluationRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: key(mentorshipId, organizationId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? stripKeys<EvaluationRecord>(out.Item) : undefined;
  }

  /** The mentorship's evaluations (one per organization: at most 21). */
  async list(mentorshipId: string): Promise<EvaluationRecord[]> {
    const out: EvaluationRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': pk(mentorshipId), ':prefix': PREFIX },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(page.Items ?? []).map((i) => stripKeys<EvaluationRecord>(i)));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** The organizations whose evaluation is signed (reads two attributes of each). */
  async listSigned(mentorshipId: string): Promise<string[]> {
    const signed: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': pk(mentorshipId), ':prefix': PREFIX },
          ProjectionExpression: 'organizationId, signedAt',
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        if (item.signedAt && typeof item.organizationId === 'string') {
          signed.push(item.organizationId);
        }
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return signed;
  }

  /**
   * Writes `record` (version `expectedVersion + 1`) if the stored one is still at
   * `expectedVersion` (0: none yet); otherwise `ConflictError` on `version`, nothing written.
   */
  async put(record: EvaluationRecord, expectedVersion: number): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...key(record.mentorshipId, record.organizationId),
            entity: 'mentorship-evaluation',
            ...record,
          },
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
      throw new ConflictError('the evaluation changed meanwhile; reload and try again', 'version', {
        cause: error,
      });
    }
  }
}
