import type { MilestoneReached, PhotoRecord } from '@sisi/domain';
import { type Conflict, type PutInput, TableRepository, type WriteOp } from '../table.ts';

const pk = (mentorshipId: string) => `MENTORSHIP#${mentorshipId}`;
const milestoneKey = (mentorshipId: string, milestoneId: string) => ({
  PK: pk(mentorshipId),
  SK: `MILESTONE#${milestoneId}`,
});
const photoKey = (mentorshipId: string, id: string) => ({
  PK: pk(mentorshipId),
  SK: `PHOTO#${id}`,
});

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
export class ProgressRepository extends TableRepository {
  /** The record as one op of a larger transaction (a summary report naming it reached). */
  milestoneReachedOp(record: MilestoneReached): WriteOp {
    return this.table.putOp(...reached(record));
  }

  /** Marks a milestone reached; a second time is a `ConflictError` on `milestoneId`. */
  async markReached(record: MilestoneReached): Promise<void> {
    await this.table.put(...reached(record));
  }

  getReached(mentorshipId: string, milestoneId: string) {
    return this.table.get<MilestoneReached>(milestoneKey(mentorshipId, milestoneId), {
      consistent: true,
    });
  }

  /** Every milestone marked reached, by milestone id. */
  listReached(mentorshipId: string): Promise<MilestoneReached[]> {
    return this.table.all<MilestoneReached>({ pk: pk(mentorshipId), prefix: 'MILESTONE#' });
  }

  /** Stores a photo's metadata (its bytes must already be in the blob store). */
  async putPhoto(photo: PhotoRecord): Promise<void> {
    await this.table.put({
      Item: { ...photoKey(photo.mentorshipId, photo.id), entity: 'photo', ...photo },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  getPhoto(mentorshipId: string, id: string): Promise<PhotoRecord | undefined> {
    return this.table.get<PhotoRecord>(photoKey(mentorshipId, id));
  }

  listPhotos(mentorshipId: string): Promise<PhotoRecord[]> {
    return this.table.all<PhotoRecord>({ pk: pk(mentorshipId), prefix: 'PHOTO#' });
  }

  async deletePhoto(mentorshipId: string, id: string): Promise<void> {
    await this.table.delete({ Key: photoKey(mentorshipId, id) });
  }
}

/** A milestone marked reached: once only (a second time is a conflict on `milestoneId`). */
const reached = (record: MilestoneReached): [PutInput, Conflict] => [
  {
    Item: {
      ...milestoneKey(record.mentorshipId, record.milestoneId),
      entity: 'milestone-reached',
      ...record,
    },
    ConditionExpression: 'attribute_not_exists(PK)',
  },
  {
    message: `milestone ${record.milestoneId} was already marked reached`,
    field: 'milestoneId',
    key: 'conflict_milestone_reached',
  },
];
