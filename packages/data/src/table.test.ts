import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDynamo } from '../../../test/support/dynamo.ts';
import { cancelled, scriptedDoc } from '../../../test/support/scripted-dynamo.ts';
import { ConflictError, InvalidCursorError } from './errors.ts';
import { Table } from './table.ts';
import { createTableInput, networkTable, networkTableName } from './tables.ts';

describe('Table on DynamoDB Local', () => {
  const { client, doc, prefix } = testDynamo();
  const name = networkTableName(prefix, 'kernel');
  const table = new Table(doc, name);
  beforeAll(() => client.send(new CreateTableCommand(createTableInput(networkTable, name))));
  afterAll(() => {
    client.destroy();
    doc.destroy();
  });

  describe('versioned put', () => {
    const key = { PK: 'DOCS#1', SK: 'DOC#plan' };

    it('writes the first version, then each next one from the version read', async () => {
      await table.putVersioned({ ...key, content: 'a' }, 0, 'plan');
      expect(await table.get(key)).toEqual({ content: 'a', version: 1 });
      await table.putVersioned({ ...key, content: 'b' }, 1, 'plan');
      expect(await table.get(key, { consistent: true })).toEqual({ content: 'b', version: 2 });
    });

    it('refuses a stale version with a ConflictError on `version`, writing nothing', async () => {
      const error = await table
        .putVersioned({ ...key, content: 'stale' }, 1, 'plan')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).field).toBe('version');
      expect((error as ConflictError).message).toBe(
        'the plan changed meanwhile; reload and try again',
      );
      expect(await table.get(key)).toEqual({ content: 'b', version: 2 });
    });

    it('refuses a first version when one exists', async () => {
      await expect(table.putVersioned({ ...key, content: 'again' }, 0, 'plan')).rejects.toThrow(
        ConflictError,
      );
    });
  });

  describe('reading a partition', () => {
    const pk = 'PAGES#1';
    const sks = Array.from({ length: 30 }, (_, i) => `ITEM#${String(i).padStart(2, '0')}`);
    beforeAll(() =>
      table.batchPut([
        ...sks.map((SK, i) => ({ PK: pk, SK, entity: 'thing', n: i })),
        { PK: pk, SK: 'OTHER#1', entity: 'other', n: -1 },
      ]),
    );

    it('reads every item over several pages, in sort-key order, keys stripped', async () => {
      const all = await table.all<{ n: number }>({ pk, prefix: 'ITEM#' }, { pageSize: 7 });
      expect(all.map((i) => i.n)).toEqual(sks.map((_, i) => i));
      expect(all[0]).toEqual({ n: 0 });
    });

    it('stops at `max`, and keeps the keys when asked', async () => {
      const some = await table.all<{ SK: string }>(
        { pk, prefix: 'ITEM#', descending: true, keepKeys: true },
        { max: 12 },
      );
      expect(some.map((i) => i.SK)).toEqual([...sks].reverse().slice(0, 12));
    });

    it('pages with cursors, and refuses a cursor of another partition', async () => {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await table.page<{ n: number }>({ pk, prefix: 'ITEM#' }, 8, cursor);
        seen.push(...page.items.map((i) => i.n));
        cursor = page.cursor;
        if (cursor) {
          await expect(table.page({ pk: 'PAGES#2' }, 8, cursor)).rejects.toThrow(
            InvalidCursorError,
          );
        }
      } while (cursor);
      expect(seen).toEqual(sks.map((_, i) => i));
    });
  });

  describe('batch-get', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `e${String(i).padStart(3, '0')}`);
    const keyOf = (id: string) => ({ PK: `ENTITY#${id}`, SK: 'ENTITY' });
    beforeAll(() => table.batchPut(ids.map((id) => ({ ...keyOf(id), id, entity: 'entity' }))));

    it('reads more than 100 keys, in the order asked, missing ones left out', async () => {
      const asked = [...ids].reverse();
      asked.splice(10, 0, 'missing1');
      const found = await table.getMany<{ id: string }>(asked, keyOf);
      expect(found.map((e) => e.id)).toEqual([...ids].reverse());
      expect(found[0]).toEqual({ id: 'e249' });
    });

    it('asks for a key once however often it is named', async () => {
      const found = await table.getMany<{ id: string }>(['e001', 'e001', 'e002'], keyOf);
      expect(found.map((e) => e.id)).toEqual(['e001', 'e001', 'e002']);
    });
  });

  describe('transactions', () => {
    it('writes all or nothing; a failed condition is a ConflictError naming its op', async () => {
      const claim = { PK: 'EMAIL#a@example.org', SK: 'EMAIL' };
      await table.transact([table.putOp({ Item: claim })]);
      const error = await table
        .transact([
          table.putOp({ Item: { PK: 'USER#u2', SK: 'USER' } }),
          table.putOp(
            { Item: claim, ConditionExpression: 'attribute_not_exists(PK)' },
            { message: 'a@example.org already belongs to someone', field: 'email' },
          ),
        ])
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).field).toBe('email');
      expect((error as ConflictError).message).toBe('a@example.org already belongs to someone');
      expect(await table.get({ PK: 'USER#u2', SK: 'USER' })).toBeUndefined();
    });

    it('a single conditional write without a conflict passes DynamoDB’s error on', async () => {
      const item = { PK: 'ONCE#1', SK: 'ONCE' };
      await table.put({ Item: item, ConditionExpression: 'attribute_not_exists(PK)' });
      await expect(
        table.put({ Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
      ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    });
  });
});

/** The kernel over a client answering from `script`. */
function scripted(script: (Error | undefined)[]) {
  const { doc, calls } = scriptedDoc(script);
  return { table: new Table(doc, 'table'), calls };
}

describe('Table.transact when another transaction holds an item', () => {
  const ops = (table: Table) => [
    table.putOp({ Item: { PK: 'A', SK: 'A' } }, { message: 'a changed', field: 'a' }),
    table.putOp({ Item: { PK: 'B', SK: 'B' } }, { message: 'b changed', field: 'b' }),
  ];

  it('is a ConflictError naming the raced op', async () => {
    const { table, calls } = scripted([cancelled('None', 'TransactionConflict')]);
    const error = await table.transact(ops(table)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).field).toBe('b');
    expect((error as ConflictError).message).toBe(
      'another change to the same items won; try again',
    );
    expect(calls).toHaveLength(1);
  });

  it('is tried again with `retry`, until it goes through', async () => {
    const { table, calls } = scripted([cancelled('TransactionConflict', 'None'), undefined]);
    await table.transact(ops(table), { retry: true });
    expect(calls).toHaveLength(2);
  });

  it('with `retry`, a failed condition is still not tried again', async () => {
    const { table, calls } = scripted([cancelled('None', 'ConditionalCheckFailed')]);
    const error = await table.transact(ops(table), { retry: true }).catch((e: unknown) => e);
    expect((error as ConflictError).field).toBe('b');
    expect((error as ConflictError).message).toBe('b changed');
    expect(calls).toHaveLength(1);
  });
});
