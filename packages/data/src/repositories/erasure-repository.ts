import type { SweepOptions, SweepResult } from '../eraser.ts';
import { TableRepository } from '../table.ts';

/**
 * A person's erasure in one table (ADR 0034): every item read once, their name and email
 * replaced (or the item deleted, see `SweepOptions.drop`). Not for any other request: it
 * reads the whole table.
 *
 * @example
 * await store.erasure.sweep({ needles: [name, email], replacement: 'a former member of …' });
 */
export class ErasureRepository extends TableRepository {
  sweep(options: SweepOptions): Promise<SweepResult> {
    return this.table.sweep(options);
  }
}
