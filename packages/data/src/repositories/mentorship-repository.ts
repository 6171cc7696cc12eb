import type { Mentorship, Page } from '@sisi/domain';
import { changedMeanwhile, TableRepository, type WriteOp } from '../table.ts';

const mentorshipKey = (id: string) => ({ PK: `MENTORSHIP#${id}`, SK: 'MENTORSHIP' });
const docKey = (id: string, name: string) => ({ PK: `MENTORSHIP#${id}`, SK: `DOC#${name}` });

/** A versioned document attached to a mentorship (the plan, the orientation meeting…). */
export interface VersionedDocument<T> {
  version: number;
  content: T;
  updatedAt: string;
  updatedBy: string;
}

export type MentorshipFilter = 'organization' | 'person';

/**
 * Mentorships of one network. The mentorship is one item (its agreements, stage history
 * and review schedule inside it, all small and bounded); index items per organization
 * and per participant make "mine" lists Queries, never Scans.
 *
 * @example
 * const repo = new MentorshipRepository(doc, networkTableName('sisi', networkId));
 * const page = await repo.listByOrganization(orgId, 25);
 */
export class MentorshipRepository extends TableRepository {
  get(id: string): Promise<Mentorship | undefined> {
    return this.table.get<Mentorship>(mentorshipKey(id));
  }

  private indexOps(m: Mentorship, kind: MentorshipFilter, ids: string[]): WriteOp[] {
    const prefix = kind === 'organization' ? 'ORG' : 'PERSON';
    return ids.map((id) =>
      this.table.putOp({
        Item: {
          PK: `MENTORSHIP#${m.id}`,
          SK: `${prefix}#${id}`,
          entity: 'mentorship-index',
          mentorshipId: m.id,
          GSI2PK: `${prefix}#${id}#MENTORSHIPS`,
          GSI2SK: `${m.createdAt}#${m.id}`,
        },
      }),
    );
  }

  /** The mentorship and its index items per organization, in one transaction. */
  async create(m: Mentorship, extraOps: WriteOp[] = []): Promise<void> {
    await this.table.transact([
      this.table.putOp({
        Item: {
          ...mentorshipKey(m.id),
          entity: 'mentorship',
          GSI1PK: 'MENTORSHIPS',
          GSI1SK: `${m.createdAt}#${m.id}`,
          ...m,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
      ...this.indexOps(m, 'organization', [m.mentorOrganizationId, ...m.menteeOrganizationIds]),
      ...extraOps,
    ]);
  }

  /**
   * Replaces the mentorship if it is still at `expectedVersion` (the new one must carry
   * `expectedVersion + 1`); otherwise `ConflictError` and nothing written.
   */
  async replace(
    next: Mentorship,
    expectedVersion: number,
    extraOps: WriteOp[] = [],
  ): Promise<void> {
    // Every field but `approaches`, which belongs to the plan (`approachesOp`): a stage
    // move that read the mentorship before a plan save must not bring old approaches back.
    const { approaches: _owned, id: _id, organizations: _read, ...fields } = next;
    const names: Record<string, string> = { '#v': 'version' };
    const values: Record<string, unknown> = { ':v': expectedVersion };
    const sets = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v], i) => {
        names[`#f${i}`] = k;
        values[`:f${i}`] = v;
        return `#f${i} = :f${i}`;
      });
    await this.table.transact([
      this.table.updateOp(
        {
          Key: mentorshipKey(next.id),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: 'attribute_exists(PK) AND #v = :v',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
        changedMeanwhile('mentorship'),
      ),
      ...extraOps,
    ]);
  }

  /** Index items making `personIds` find this mentorship in their own list. */
  participantOps(m: Mentorship, personIds: string[]): WriteOp[] {
    return this.indexOps(m, 'person', personIds);
  }

  removeParticipantOps(mentorshipId: string, personIds: string[]): WriteOp[] {
    return personIds.map((id) =>
      this.table.deleteOp({ Key: { PK: `MENTORSHIP#${mentorshipId}`, SK: `PERSON#${id}` } }),
    );
  }

  /** How many mentorships the network has, whatever their stage (one `COUNT` Query). */
  count(): Promise<number> {
    return this.table.count({ index: 'GSI1', pk: 'MENTORSHIPS' });
  }

  /** Every mentorship of the network, newest first. */
  list(limit: number, cursor?: string): Promise<Page<Mentorship>> {
    return this.table.page<Mentorship>(
      { index: 'GSI1', pk: 'MENTORSHIPS', descending: true },
      limit,
      cursor,
    );
  }

  /** Mentorships an organization (or a person) takes part in, newest first. */
  async listFor(
    kind: MentorshipFilter,
    id: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<Mentorship>> {
    const pk = `${kind === 'organization' ? 'ORG' : 'PERSON'}#${id}#MENTORSHIPS`;
    const page = await this.table.page<{ mentorshipId: string }>(
      { index: 'GSI2', pk, descending: true },
      limit,
      cursor,
    );
    return {
      items: await this.getMany(page.items.map((i) => i.mentorshipId)),
      cursor: page.cursor,
    };
  }

  /** In the order of `ids`; missing ones are left out. */
  getMany(ids: string[]): Promise<Mentorship[]> {
    return this.table.getMany<Mentorship>(ids, mentorshipKey);
  }

  getDocument<T>(mentorshipId: string, name: string): Promise<VersionedDocument<T> | undefined> {
    return this.table.get<VersionedDocument<T>>(docKey(mentorshipId, name));
  }

  /**
   * Writes a document if it is still at `expectedVersion` (0 when it does not exist yet);
   * a concurrent edit loses with `ConflictError` instead of overwriting.
   */
  async putDocument<T>(
    mentorshipId: string,
    name: string,
    expectedVersion: number,
    doc: VersionedDocument<T>,
  ): Promise<void> {
    await this.table.putVersioned(
      this.documentItem(mentorshipId, name, doc),
      expectedVersion,
      name,
    );
  }

  /** A document as one op of a larger transaction (e.g. a plan that also updates the mentorship). */
  putDocumentOp<T>(
    mentorshipId: string,
    name: string,
    expectedVersion: number,
    doc: VersionedDocument<T>,
  ): WriteOp {
    return this.table.versionedPutOp(
      this.documentItem(mentorshipId, name, doc),
      expectedVersion,
      name,
    );
  }

  private documentItem<T>(mentorshipId: string, name: string, doc: VersionedDocument<T>) {
    return { ...docKey(mentorshipId, name), entity: `mentorship-${name}`, ...doc };
  }

  /**
   * Writes a document (as `putDocumentOp`) together with `extraOps` in one transaction.
   * Two writers racing on the same items make DynamoDB cancel one transaction with
   * `TransactionConflict`; it is tried again, so the version condition (not the timing)
   * decides who wins and the loser gets `ConflictError`.
   */
  async saveDocument<T>(
    mentorshipId: string,
    name: string,
    expectedVersion: number,
    doc: VersionedDocument<T>,
    extraOps: WriteOp[] = [],
  ): Promise<void> {
    await this.table.transact(
      [this.putDocumentOp(mentorshipId, name, expectedVersion, doc), ...extraOps],
      { retry: true },
    );
  }

  /**
   * Sets the mentorship's `approaches` (the plan's formats, for the `approach` filter)
   * without touching its `version`: a plan save must never make a stage move stale.
   */
  approachesOp(mentorshipId: string, approaches: string[], now: string): WriteOp {
    return this.table.updateOp(
      {
        Key: mentorshipKey(mentorshipId),
        UpdateExpression: 'SET #a = :a, #u = :now',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#a': 'approaches', '#u': 'updatedAt' },
        ExpressionAttributeValues: { ':a': approaches, ':now': now },
      },
      { message: 'the mentorship no longer exists', key: 'conflict_mentorship_missing' },
    );
  }

  /** Items under a mentorship with a sort-key prefix (e.g. `GATHERING#`), oldest first. */
  listChildren<T>(mentorshipId: string, prefix: string, limit = 100, cursor?: string) {
    return this.table.page<T>({ pk: `MENTORSHIP#${mentorshipId}`, prefix }, limit, cursor);
  }

  /** A child item (`SK` = `${prefix}${childId}`) that must not exist yet. */
  async putChild(
    mentorshipId: string,
    sk: string,
    entity: string,
    item: Record<string, unknown>,
  ): Promise<void> {
    await this.table.put({
      Item: { PK: `MENTORSHIP#${mentorshipId}`, SK: sk, entity, ...item },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }
}
