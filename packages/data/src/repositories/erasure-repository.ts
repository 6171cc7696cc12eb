import type { SweepOptions, SweepResult } from '../eraser.ts';
import { TableRepository } from '../table.ts';

/**
 * A person's erasure in one table (ADR 0034): every item read once, their name and email
 * replaced (or the item deleted, see `SweepOptions.drop`). Not for any other request: it
 * reads the whole table.
 *
 * @example
 * await store.erasure.sweep(personId, { needles: [name, email], replacement: 'a former member of …' });
 */
export class ErasureRepository extends TableRepository {
  /**
   * `personId`'s own record is tombstoned by the erasure itself; other people's records
   * and organizations' profiles are left alone (a namesake keeps their name).
   */
  sweep(personId: string, options: Omit<SweepOptions, 'skip' | 'drop'>): Promise<SweepResult> {
    return this.table.sweep({
      ...options,
      skip: (item) =>
        (item.SK === 'PERSON' && item.PK !== `PERSON#${personId}`) ||
        (String(item.PK).startsWith('ORG#') && item.SK === 'ORG'),
    });
  }
}
