import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '@sisi/domain';
import { decodeCursor, encodeCursor } from '../client.ts';
import { stripKeys } from '../transact.ts';
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
export class DonorRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /** Donors, by id (their role markers sort by user id). */
  async list(limit: number, cursor?: string): Promise<Page<UserRecord>> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': 'ROLE#donor' },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['PK', 'SK', 'GSI1PK', 'GSI1SK'], {
          GSI1PK: 'ROLE#donor',
        }),
      }),
    );
    const ids = (out.Items ?? []).map((i) => i.GSI1SK as string);
    const users = new Map<string, UserRecord>();
    if (ids.length) {
      let keys: Record<string, unknown>[] | undefined = ids.map((id) => ({
        PK: `USER#${id}`,
        SK: 'USER',
      }));
      while (keys?.length) {
        const got = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }),
        );
        for (const item of got.Responses?.[this.tableName] ?? []) {
          const u = stripKeys<UserRecord>(item);
          users.set(u.id, u);
        }
        keys = got.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    return {
      items: ids.flatMap((id) => (users.has(id) ? [users.get(id)!] : [])),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }
}
