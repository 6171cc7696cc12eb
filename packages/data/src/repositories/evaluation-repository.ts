import type { EvaluationRecord } from '@sisi/domain';
import { TableRepository } from '../table.ts';

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
export class EvaluationRepository extends TableRepository {
  get(mentorshipId: string, organizationId: string): Promise<EvaluationRecord | undefined> {
    return this.table.get<EvaluationRecord>(key(mentorshipId, organizationId), {
      consistent: true,
    });
  }

  /** The mentorship's evaluations (one per organization: at most 21). */
  list(mentorshipId: string): Promise<EvaluationRecord[]> {
    return this.table.all<EvaluationRecord>({
      pk: pk(mentorshipId),
      prefix: PREFIX,
      consistent: true,
    });
  }

  /** The organizations whose evaluation is signed (reads two attributes of each). */
  async listSigned(mentorshipId: string): Promise<string[]> {
    const items = await this.table.all<{ organizationId?: unknown; signedAt?: unknown }>({
      pk: pk(mentorshipId),
      prefix: PREFIX,
      projection: 'organizationId, signedAt',
    });
    return items.flatMap((item) =>
      item.signedAt && typeof item.organizationId === 'string' ? [item.organizationId] : [],
    );
  }

  /**
   * Writes `record` (version `expectedVersion + 1`) if the stored one is still at
   * `expectedVersion` (0: none yet); otherwise `ConflictError` on `version`, nothing written.
   */
  async put(record: EvaluationRecord, expectedVersion: number): Promise<void> {
    await this.table.putVersioned(
      {
        ...key(record.mentorshipId, record.organizationId),
        entity: 'mentorship-evaluation',
        ...record,
      },
      expectedVersion,
      'evaluation',
    );
  }
}
