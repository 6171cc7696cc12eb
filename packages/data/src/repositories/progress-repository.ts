import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { MilestoneReached, PhotoRecord } from '@sisi/domain';
import { ConflictError } from '../errors.ts';
import { stripKeys, type WriteOp } from '../transact.ts';

const pk = (mentorshipId: string) => `MENTORSHIP#${mentorshipId}`;
const milestoneKey = (mentorshipId: string, milestoneId: string) => ({
  PK: pk(mentorshipId),
  SK: `MILESTONE#${milestoneId}`,
});
const photoKey = (mentorshipId: string, id: string) => ({
  PK: pk(mentorshipId),
  SK: `PHOTO#${id}`,
});

const isConditionFailure = (error: unknown) =>
  (error as Error).name === 'ConditionalCheckFailedException';

/**
 * What a mentorship's timeline is made of beside its reports: the milestones marked reached
 * (`MILESTONE#<plan milestone id>`: the plan document is never rewritten for it, and a
 * milestone is reached once) and the photos' metadata (`PHOTO#<id>`; the bytes are in the
 * `BlobStore`). Child items of the mentorship's partition of the network table.
 *
 * @example
 * const progress = createNetworkStore(doc, table).progress;
 * await progress.markReached(record); // ConflictError when it already was
 */
export class ProgressRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /** The record as one op of a larger transaction (a summary report naming it reached). */
  milestoneReachedOp(record: MilestoneReached): WriteOp {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...milestoneKey(record.mentorshipId, record.milestoneId),
          entity: 'milestone-reached',
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
      conflictField: 'milestoneId',
      conflictMessage: `milestone ${record.milestoneId} was already marked reached`,
    };
  }

  /** Marks a milestone reached; a second time is a `ConflictError` on `milestoneId`. */
  async markReached(record: MilestoneReached): Promise<void> {
    const { Put, conflictField, conflictMessage } = this.milestoneReachedOp(record);
    try {
      await this.doc.send(new PutCommand(Put!));
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw new ConflictError(conflictMessage!, conflictField, { cause: error });
    }
  }

  async getReached(mentorshipId: string, milestoneId: string) {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: milestoneKey(mentorshipId, milestoneId),
        ConsistentRead: true,
      }),
    );
    return out.Item ? stripKeys<MilestoneReached>(out.Item) : undefined;
  }

  /** Every milestone marked reached, by milestone id. */
  listReached(mentorshipId: string): Promise<MilestoneReached[]> {
    return this.all<MilestoneReached>(mentorshipId, 'MILESTONE#');
  }

  /** Stores a photo's metadata (its bytes must already be in the blob store). */
  async putPhoto(photo: PhotoRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...photoKey(photo.mentorshipId, photo.id), entity: 'photo', ...photo },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async getPhoto(mentorshipId: string, id: string): Promise<PhotoRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: photoKey(mentorshipId, id) }),
    );
    return out.Item ? stripKeys<PhotoRecord>(out.Item) : undefined;
  }

  listPhotos(mentorshipId: string): Promise<PhotoRecord[]> {
    return this.all<PhotoRecord>(mentorshipId, 'PHOTO#');
  }

  async deletePhoto(mentorshipId: string, id: string): Promise<void> {
    await this.doc.send(
      new DeleteCommand({ TableName: this.tableName, Key: photoKey(mentorshipId, id) }),
    );
  }

  private async all<T>(mentorshipId: string, prefix: string): Promise<T[]> {
    const items: T[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': pk(mentorshipId), ':prefix': prefix },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []).map((i) => stripKeys<T>(i)));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
