import type { AuditEntry, AuditKind, Page } from '@sisi/domain';
import { TableRepository, type WriteOp } from '../table.ts';

/** An entry as written: when it expires, in whole days from `at`. */
export interface AuditWrite {
  entry: AuditEntry;
  retentionDays: number;
}

const PK = 'AUDIT';
const personPk = (personId: string) => `AUDIT#PERSON#${personId}`;
const kindPk = (kind: AuditKind) => `AUDIT#KIND#${kind}`;
const DAY_SECONDS = 86_400;

/**
 * The audit trail of one table (a network's, or the platform's for platform events), ADR
 * 0032: one partition `AUDIT` sorted by time (`<at>#<id>`, read newest first), the acting
 * person's entries on GSI1 (`AUDIT#PERSON#<id>`) and each kind's on GSI2
 * (`AUDIT#KIND#<kind>`, network tables only). Every entry carries a `ttl`.
 *
 * @example
 * await store.audit.record({ entry, retentionDays: 400 });
 * const page = await store.audit.list({ kind: 'export.csv' }, 25);
 */
export class AuditRepository extends TableRepository {
  private item({ entry, retentionDays }: AuditWrite) {
    const sk = `${entry.at}#${entry.id}`;
    const person = entry.actorId;
    return {
      PK,
      SK: sk,
      ...(person ? { GSI1PK: personPk(person), GSI1SK: sk } : {}),
      GSI2PK: kindPk(entry.kind),
      GSI2SK: sk,
      entity: 'audit',
      ttl: Math.floor(Date.parse(entry.at) / 1000) + retentionDays * DAY_SECONDS,
      ...entry,
    };
  }

  /** The entry as one op of the transaction that does what it records. */
  recordOp(write: AuditWrite): WriteOp {
    return this.table.putOp({ Item: this.item(write) });
  }

  /** The entry alone: one PutItem. */
  record(write: AuditWrite): Promise<void> {
    return this.table.put({ Item: this.item(write) });
  }

  /**
   * A page of entries, newest first: all, one person's (as actor), one kind's, or both (the
   * person's, the kind filtered: such a page may hold fewer than `limit`, its cursor goes on).
   */
  list(
    filter: { person?: string; kind?: AuditKind },
    limit: number,
    cursor?: string,
  ): Promise<Page<AuditEntry>> {
    const { person, kind } = filter;
    if (person) {
      return this.table.page<AuditEntry>(
        {
          index: 'GSI1',
          pk: personPk(person),
          descending: true,
          ...(kind
            ? {
                filter: { expression: '#kind = :kind', values: { ':kind': kind } },
                names: { '#kind': 'kind' },
              }
            : {}),
        },
        limit,
        cursor,
      );
    }
    if (kind) {
      return this.table.page<AuditEntry>(
        { index: 'GSI2', pk: kindPk(kind), descending: true },
        limit,
        cursor,
      );
    }
    return this.table.page<AuditEntry>({ pk: PK, descending: true }, limit, cursor);
  }
}
