import type { AssetInventory, CapacityAssessment, Page } from '@sisi/domain';
import { TableRepository } from '../table.ts';
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
export class CapacityRepository extends TableRepository {
  /**
   * A new assessment. The sort key puts the date first (then when it was recorded), so
   * the list reads newest first without sorting.
   */
  async addAssessment(record: CapacityAssessmentRecord): Promise<void> {
    await this.table.put({
      Item: {
        PK: orgPk(record.organizationId),
        SK: `${ASSESSMENT}${record.date}#${record.createdAt}#${record.id}`,
        entity: 'capacity-assessment',
        ...record,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  /** An organization's assessments, newest date first. */
  listAssessments(
    organizationId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<CapacityAssessmentRecord>> {
    return this.table.page<CapacityAssessmentRecord>(
      { pk: orgPk(organizationId), prefix: ASSESSMENT, descending: true },
      limit,
      cursor,
    );
  }

  getInventory(
    organizationId: string,
  ): Promise<VersionedDocument<AssetInventoryContent> | undefined> {
    return this.table.get<VersionedDocument<AssetInventoryContent>>(inventoryKey(organizationId));
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
    await this.table.putVersioned(
      { ...inventoryKey(organizationId), entity: 'asset-inventory', ...doc },
      expectedVersion,
      'asset inventory',
    );
  }
}
