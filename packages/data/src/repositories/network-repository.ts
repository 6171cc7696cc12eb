import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Member, Organization, Page } from '@sisi/domain';
import { decodeCursor, encodeCursor } from '../client.ts';
import { ConflictError, ItemNotFoundError } from '../errors.ts';
import { stripKeys, type WriteOp } from '../transact.ts';

const orgKey = (id: string) => ({ PK: `ORG#${id}`, SK: 'ORG' });
const personKey = (id: string) => ({ PK: `PERSON#${id}`, SK: 'PERSON' });
/** Case- and accent-blind, so "Éclat" sorts with the e's, not after "Ezra". */
const sortable = (name: string) =>
  name.toLocaleLowerCase('en').normalize('NFKD').replace(/\p{M}/gu, '');

/**
 * Organizations of one network. Made per request from the tenant context: it can only
 * ever address that network's table.
 *
 * @example
 * const orgs = new OrganizationRepository(doc, networkTableName('sisi', ctx.networkId));
 * const page = await orgs.list(25);
 */
export class OrganizationRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async get(id: string): Promise<Organization | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: orgKey(id) }));
    return out.Item ? stripKeys<Organization>(out.Item) : undefined;
  }

  /** Several at once (in the order of `ids`; missing ones left out). */
  async getMany(ids: string[]): Promise<Organization[]> {
    const unique = [...new Set(ids)];
    const found = new Map<string, Organization>();
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map(orgKey);
      while (keys && keys.length > 0) {
        const out = await this.doc.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }),
        );
        for (const item of out.Responses?.[this.tableName] ?? []) {
          const org = stripKeys<Organization>(item);
          found.set(org.id, org);
        }
        keys = out.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
  }

  createOp(org: Organization): WriteOp {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...orgKey(org.id),
          entity: 'organization',
          GSI1PK: 'ORGS',
          GSI1SK: `${sortable(org.name)}#${org.id}`,
          ...org,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  /** Alphabetical by name. */
  async list(limit: number, cursor?: string): Promise<Page<Organization>> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': 'ORGS' },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['PK', 'SK', 'GSI1PK', 'GSI1SK'], {
          GSI1PK: 'ORGS',
        }),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => stripKeys<Organization>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  /**
   * Applies `changes` if the stored version is still `version`; returns the new state.
   * Stale version → `ConflictError`, nothing written. Missing → `ItemNotFoundError`.
   */
  async update(
    id: string,
    version: number,
    changes: Partial<Organization>,
    now: string,
  ): Promise<Organization> {
    const fields = Object.entries(changes).filter(([, v]) => v !== undefined);
    const names: Record<string, string> = { '#version': 'version', '#updatedAt': 'updatedAt' };
    const values: Record<string, unknown> = { ':expected': version, ':one': 1, ':now': now };
    const sets = ['#updatedAt = :now'];
    fields.forEach(([k, v], i) => {
      names[`#f${i}`] = k;
      values[`:v${i}`] = v;
      sets.push(`#f${i} = :v${i}`);
    });
    if (changes.name) {
      names['#gsi1sk'] = 'GSI1SK';
      values[':gsi1sk'] = `${sortable(changes.name)}#${id}`;
      sets.push('#gsi1sk = :gsi1sk');
    }
    try {
      const out = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: orgKey(id),
          UpdateExpression: `SET ${sets.join(', ')} ADD #version :one`,
          ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return stripKeys<Organization>(out.Attributes ?? {});
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      const current = await this.get(id);
      if (!current) throw new ItemNotFoundError('organization', id);
      throw new ConflictError(
        `organization ${id} is at version ${current.version}, not ${version}`,
        'version',
        { cause: error },
      );
    }
  }
}

/** A person of the network as the network sees them (name, organization, status). */
export type PersonRecord = Member;

/**
 * People of one network: coordinators and members of its organizations.
 *
 * @example
 * const people = new PeopleRepository(doc, tableName);
 * const { items } = await people.listByOrganization(orgId, 25);
 */
export class PeopleRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  async get(id: string): Promise<PersonRecord | undefined> {
    const out = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: personKey(id) }),
    );
    return out.Item ? stripKeys<PersonRecord>(out.Item) : undefined;
  }

  createOp(person: PersonRecord): WriteOp {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...personKey(person.id),
          entity: 'person',
          GSI1PK: `ORG#${person.organizationId}#PEOPLE`,
          GSI1SK: `${sortable(person.name)}#${person.id}`,
          ...person,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  activateOp(id: string, name: string): WriteOp {
    return {
      Update: {
        TableName: this.tableName,
        Key: personKey(id),
        UpdateExpression: 'SET #status = :active, #name = :name, GSI1SK = :sk',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status', '#name': 'name' },
        ExpressionAttributeValues: {
          ':active': 'active',
          ':name': name,
          ':sk': `${sortable(name)}#${id}`,
        },
      },
    };
  }

  async listByOrganization(
    organizationId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<PersonRecord>> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': `ORG#${organizationId}#PEOPLE` },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['PK', 'SK', 'GSI1PK', 'GSI1SK'], {
          GSI1PK: `ORG#${organizationId}#PEOPLE`,
        }),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => stripKeys<PersonRecord>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }
}
