import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from './errors.ts';

export type WriteOp = NonNullable<TransactWriteCommandInput['TransactItems']>[number] & {
  /** Which field a failed condition on this op means, for the 409 a caller returns. */
  conflictField?: string;
  conflictMessage?: string;
};

/**
 * All-or-nothing write of several items (DESIGN: writes that touch several items use one
 * transaction). A failed condition becomes a `ConflictError` naming the op's field.
 */
export async function transact(doc: DynamoDBDocumentClient, ops: WriteOp[]): Promise<void> {
  const TransactItems = ops.map(({ conflictField: _f, conflictMessage: _m, ...op }) => op);
  try {
    await doc.send(new TransactWriteCommand({ TransactItems }));
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons) {
      const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      // another transaction held one of the items: a race, for the caller a conflict too
      const raced = reasons.findIndex((r) => r.Code === 'TransactionConflict');
      if (index < 0 && raced >= 0) {
        throw new ConflictError(
          'another change to the same items won; try again',
          ops[raced]?.conflictField,
          {
            cause: error,
          },
        );
      }
      if (index >= 0) {
        const op = ops[index];
        throw new ConflictError(
          op?.conflictMessage ?? 'the item changed or already exists',
          op?.conflictField,
          {
            cause: error,
          },
        );
      }
    }
    throw error;
  }
}

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'ttl', 'entity'];

/** Drops the storage keys of an item so only the entity's own fields remain. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.includes(k)) out[k] = v;
  return out as T;
}
