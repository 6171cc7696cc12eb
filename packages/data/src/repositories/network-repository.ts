import type { Member, Organization, Page } from '@sisi/domain';
import { ConflictError, ItemNotFoundError } from '../errors.ts';
import { isConditionFailure, stripKeys, TableRepository, type WriteOp } from '../table.ts';

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
export class OrganizationRepository extends TableRepository {
  get(id: string): Promise<Organization | undefined> {
    return this.table.get<Organization>(orgKey(id));
  }

  /** Several at once (in the order of `ids`; missing ones left out). */
  getMany(ids: string[]): Promise<Organization[]> {
    return this.table.getMany<Organization>(ids, orgKey);
  }

  createOp(org: Organization): WriteOp {
    return this.table.putOp({
      Item: {
        ...orgKey(org.id),
        entity: 'organization',
        GSI1PK: 'ORGS',
        GSI1SK: `${sortable(org.name)}#${org.id}`,
        ...org,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  /**
   * `coordinatorId` names one of the organization's active coordinators (the first one, or
   * whoever took over): set when the one it named steps down, in the same transaction. The
   * version stays: it guards the profile's edits, which this is not.
   */
  setCoordinatorOp(id: string, coordinatorId: string): WriteOp {
    return this.table.updateOp({
      Key: orgKey(id),
      UpdateExpression: 'SET coordinatorId = :c',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':c': coordinatorId },
    });
  }

  /**
   * The organization left the network (ADR 0034): `status: archived` and `leftAt`, on
   * condition that it had not left already (a `ConflictError` on `status` otherwise). The
   * version moves: its profile as read before is no longer what is stored.
   */
  archiveOp(id: string, leftAt: string): WriteOp {
    return this.table.updateOp(
      {
        Key: orgKey(id),
        UpdateExpression:
          'SET #status = :archived, leftAt = :at, updatedAt = :at ADD #version :one',
        ConditionExpression:
          'attribute_exists(PK) AND (attribute_not_exists(#status) OR #status <> :archived)',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: { ':archived': 'archived', ':at': leftAt, ':one': 1 },
      },
      {
        message: 'this organization has already left the network',
        field: 'organizationId',
        key: 'conflict_organization_left',
      },
    );
  }

  /** Alphabetical by name. */
  list(limit: number, cursor?: string): Promise<Page<Organization>> {
    return this.table.page<Organization>({ index: 'GSI1', pk: 'ORGS' }, limit, cursor);
  }

  /**
   * How many organizations are in the network, those that left not counted (one `COUNT`
   * Query of their index partition).
   */
  count(): Promise<number> {
    return this.table.count({
      index: 'GSI1',
      pk: 'ORGS',
      names: { '#status': 'status' },
      filter: {
        expression: 'attribute_not_exists(#status) OR #status <> :archived',
        values: { ':archived': 'archived' },
      },
    });
  }

  /** The id of every organization, and nothing else of them. */
  async ids(): Promise<string[]> {
    const items = await this.table.all<{ id: string }>({
      index: 'GSI1',
      pk: 'ORGS',
      projection: 'id',
    });
    return items.map((i) => i.id);
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
      const updated = await this.table.update({
        Key: orgKey(id),
        UpdateExpression: `SET ${sets.join(', ')} ADD #version :one`,
        ConditionExpression: 'attribute_exists(PK) AND #version = :expected',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      });
      return stripKeys<Organization>(updated ?? {});
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
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
export class PeopleRepository extends TableRepository {
  get(id: string): Promise<PersonRecord | undefined> {
    return this.table.get<PersonRecord>(personKey(id));
  }

  createOp(person: PersonRecord): WriteOp {
    return this.table.putOp({
      Item: {
        ...personKey(person.id),
        entity: 'person',
        GSI1PK: `ORG#${person.organizationId}#PEOPLE`,
        GSI1SK: `${sortable(person.name)}#${person.id}`,
        ...person,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  activateOp(id: string, name: string): WriteOp {
    return this.table.updateOp({
      Key: personKey(id),
      UpdateExpression: 'SET #status = :active, #name = :name, GSI1SK = :sk',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#status': 'status', '#name': 'name' },
      ExpressionAttributeValues: {
        ':active': 'active',
        ':name': name,
        ':sk': `${sortable(name)}#${id}`,
      },
    });
  }

  /**
   * A change of role and status, on condition that the person is still as `from` was read
   * (a concurrent change is a `ConflictError` naming `personId`, nothing written). The sort
   * key stays: the list is by name.
   */
  changeOp(from: PersonRecord, to: Pick<PersonRecord, 'roles' | 'status'>): WriteOp {
    return this.table.updateOp(
      {
        Key: personKey(from.id),
        UpdateExpression: 'SET #roles = :roles, #status = :status',
        ConditionExpression: 'attribute_exists(PK) AND #status = :was',
        ExpressionAttributeNames: { '#roles': 'roles', '#status': 'status' },
        ExpressionAttributeValues: {
          ':roles': to.roles,
          ':status': to.status,
          ':was': from.status,
        },
      },
      {
        message: 'this person changed meanwhile; reload and try again',
        field: 'personId',
        key: 'conflict_person_changed',
      },
    );
  }

  /**
   * An erased person's tombstone (ADR 0034): no name, no email, deactivated, `erasedAt` and
   * the role they held; listed last in their organization's people.
   */
  eraseOp(id: string, erasedAt: string, formerRole: string): WriteOp {
    return this.table.updateOp(
      {
        Key: personKey(id),
        UpdateExpression:
          'SET #status = :deactivated, #name = :empty, email = :empty, erasedAt = :at, formerRole = :role, GSI1SK = :sk',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status', '#name': 'name' },
        ExpressionAttributeValues: {
          ':deactivated': 'deactivated',
          ':empty': '',
          ':at': erasedAt,
          ':role': formerRole,
          ':sk': `~erased#${id}`,
        },
      },
      { message: `person ${id} does not exist`, field: 'personId', key: 'conflict_person_missing' },
    );
  }

  /** Sets a person's status (`deactivated` ends their access; see `deactivatePerson`). */
  setStatusOp(id: string, status: PersonRecord['status']): WriteOp {
    return this.table.updateOp(
      {
        Key: personKey(id),
        UpdateExpression: 'SET #status = :status',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status },
      },
      { message: `person ${id} does not exist`, field: 'personId', key: 'conflict_person_missing' },
    );
  }

  /**
   * A check, in a transaction, that `id` is still an active coordinator: the change that
   * takes away another coordinator holds only if one stays (two coordinators demoting each
   * other at once cannot both win).
   */
  activeCoordinatorCheckOp(id: string): WriteOp {
    return {
      ConditionCheck: {
        TableName: this.table.name,
        Key: personKey(id),
        ConditionExpression: '#status = :active AND contains(#roles, :coordinator)',
        ExpressionAttributeNames: { '#status': 'status', '#roles': 'roles' },
        ExpressionAttributeValues: { ':active': 'active', ':coordinator': 'coordinator' },
      },
      conflictField: 'coordinator',
      conflictMessage: 'the other coordinator changed meanwhile',
    };
  }

  /**
   * An organization's coordinators who are not deactivated (a handful of people: one
   * partition of GSI1); `active` only: those who also accepted their invitation (the ones
   * who can act, e.g. the last coordinator who must stay). Scheduled mail goes to all of
   * them, invited ones included: the mail reaches the role when it is sent.
   */
  async activeCoordinators(
    organizationId: string,
    { active = false }: { active?: boolean } = {},
  ): Promise<PersonRecord[]> {
    const people = await this.table.all<PersonRecord>({
      index: 'GSI1',
      pk: `ORG#${organizationId}#PEOPLE`,
    });
    return people.filter(
      (p) =>
        p.roles.includes('coordinator') &&
        (active ? p.status === 'active' : p.status !== 'deactivated'),
    );
  }

  /**
   * How many people of an organization are not deactivated, invited ones included: a
   * `COUNT` Query of its partition of GSI1, so nothing about them leaves the table.
   */
  countOfOrganization(organizationId: string): Promise<number> {
    return this.table.count({
      index: 'GSI1',
      pk: `ORG#${organizationId}#PEOPLE`,
      names: { '#status': 'status' },
      filter: { expression: '#status <> :deactivated', values: { ':deactivated': 'deactivated' } },
    });
  }

  /** Every person of an organization (a handful: one partition of GSI1). */
  allOfOrganization(organizationId: string): Promise<PersonRecord[]> {
    return this.table.all<PersonRecord>({ index: 'GSI1', pk: `ORG#${organizationId}#PEOPLE` });
  }

  listByOrganization(
    organizationId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<PersonRecord>> {
    return this.table.page<PersonRecord>(
      { index: 'GSI1', pk: `ORG#${organizationId}#PEOPLE` },
      limit,
      cursor,
    );
  }
}
