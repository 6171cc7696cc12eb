import type { Page } from '@sisi/domain';
import { TableRepository } from '../table.ts';
import type { UserRecord } from './platform-repository.ts';

/**
 * Donors in the platform table: people with the role `donor` and no network of their own,
 * listed through their role markers (`GSI1PK = ROLE#donor`), never a Scan. They are created
 * with `PlatformRepository.createUserOps`, like everyone.
 *
 * @example
 * const donors = new DonorRepository(doc, platformTableName('sisi'));
 * const { items } = await donors.list(25);
 */
export class DonorRepository extends TableRepository {
  /** Donors, by id (their role markers sort by user id). */
  async list(limit: number, cursor?: string): Promise<Page<UserRecord>> {
    // the markers' keys are what they hold: the user id is their sort key
    const markers = await this.table.page<{ GSI1SK: string }>(
      { index: 'GSI1', pk: 'ROLE#donor', keepKeys: true },
      limit,
      cursor,
    );
    const users = await this.table.getMany<UserRecord>(
      markers.items.map((i) => i.GSI1SK),
      (id) => ({ PK: `USER#${id}`, SK: 'USER' }),
    );
    return { items: users, cursor: markers.cursor };
  }
}
