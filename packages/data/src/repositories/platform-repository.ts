import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Network, NetworkStatus, Page, Role } from '@sisi/domain';
import { decodeCursor, encodeCursor } from '../client.ts';
import { stripKeys, transact, type WriteOp } from '../transact.ts';

export type UserStatus = 'invited' | 'active';

/** A person in the directory (the local identity store; Cognito mirrors it on AWS). */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  networkId?: string;
  organizationId?: string;
  /** Donors: the networks whose summaries they may read. */
  donorNetworkIds?: string[];
  status: UserStatus;
  language?: string;
  createdAt: string;
  activatedAt?: string;
}

export interface InvitationRecord {
  /** sha256 of the token: the token itself is only ever in the mail. */
  tokenHash: string;
  userId: string;
  email: string;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
}

export interface IdempotencyRecord {
  status: number;
  body: unknown;
  createdAt: string;
}

const userKey = (id: string) => ({ PK: `USER#${id}`, SK: 'USER' });
const emailKey = (email: string) => ({ PK: `EMAIL#${email}`, SK: 'EMAIL' });
const invitationKey = (hash: string) => ({ PK: `INVITATION#${hash}`, SK: 'INVITATION' });
const networkKey = (id: string) => ({ PK: `NETWORK#${id}`, SK: 'NETWORK' });
const credentialsKey = (id: string) => ({ PK: `USER#${id}`, SK: 'CREDENTIALS' });
const networkAdminsKey = (networkId: string, userId: string) => ({
  PK: `NETWORK#${networkId}#ADMINS`,
  SK: `USER#${userId}`,
});

const DAY_SECONDS = 86_400;
const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * The platform table: people, invitations, networks, idempotency records, settings.
 *
 * @example
 * const platform = new PlatformRepository(doc, platformTableName('sisi'));
 * const user = await platform.getUserByEmail('ama@example.org');
 */
export class PlatformRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  transact(ops: WriteOp[]): Promise<void> {
    return transact(this.doc, ops);
  }

  private async get<T>(key: Record<string, string>): Promise<T | undefined> {
    const out = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key }));
    return out.Item ? stripKeys<T>(out.Item) : undefined;
  }

  getUser(id: string): Promise<UserRecord | undefined> {
    return this.get<UserRecord>(userKey(id));
  }

  async getUserByEmail(email: string): Promise<UserRecord | undefined> {
    const link = await this.get<{ userId: string }>(emailKey(email));
    return link ? this.getUser(link.userId) : undefined;
  }

  /** A new person and the claim on their email, which must be unused. */
  createUserOps(user: UserRecord): WriteOp[] {
    return [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...userKey(user.id), entity: 'user', ...user },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...emailKey(user.email), entity: 'email', userId: user.id },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
        conflictField: 'email',
        conflictMessage: `${user.email} already belongs to someone`,
      },
      ...user.roles.map((role) => this.roleMarkerOp(role, user.id)),
      ...(user.roles.includes('network-admin') && user.networkId
        ? [this.networkAdminOp(user.networkId, user.id)]
        : []),
    ];
  }

  /**
   * An item per admin under `NETWORK#<id>#ADMINS`, so a network's admins are one Query (the
   * lifecycle tells them about overdue reports). Written with the person by `createUserOps`,
   * so no path that creates an admin can forget it.
   */
  networkAdminOp(networkId: string, userId: string): WriteOp {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...networkAdminsKey(networkId, userId), entity: 'network-admin', userId },
      },
    };
  }

  /** The admins of a network, in id order (a network has a handful). */
  async listNetworkAdmins(networkId: string): Promise<UserRecord[]> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': networkAdminsKey(networkId, '').PK },
          ExclusiveStartKey: start,
        }),
      );
      ids.push(...(out.Items ?? []).map((i) => i.userId as string));
      start = out.LastEvaluatedKey;
    } while (start);
    const users = await Promise.all(ids.map((id) => this.getUser(id)));
    // someone who is no longer an admin of this network keeps no say in its mail
    return users.filter(
      (u): u is UserRecord => !!u && u.roles.includes('network-admin') && u.networkId === networkId,
    );
  }

  createInvitationOp(invitation: InvitationRecord): WriteOp {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...invitationKey(invitation.tokenHash),
          entity: 'invitation',
          ...invitation,
          // kept 30 days past expiry so a late click still gets "expired", then purged
          ttl: epochSeconds(invitation.expiresAt) + 30 * DAY_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  getInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    return this.get<InvitationRecord>(invitationKey(tokenHash));
  }

  /** Marks the invitation used (only once, only before expiry) and activates its person. */
  acceptInvitationOps(invitation: InvitationRecord, name: string, now: string): WriteOp[] {
    return [
      {
        Update: {
          TableName: this.tableName,
          Key: invitationKey(invitation.tokenHash),
          UpdateExpression: 'SET usedAt = :now',
          ConditionExpression:
            'attribute_exists(PK) AND attribute_not_exists(usedAt) AND expiresAt > :now',
          ExpressionAttributeValues: { ':now': now },
        },
        conflictField: 'token',
        conflictMessage: 'the invitation was already used or has expired',
      },
      {
        Update: {
          TableName: this.tableName,
          Key: userKey(invitation.userId),
          UpdateExpression:
            'SET #name = :name, #status = :active, activatedAt = if_not_exists(activatedAt, :now)',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#name': 'name', '#status': 'status' },
          ExpressionAttributeValues: { ':name': name, ':active': 'active', ':now': now },
        },
      },
    ];
  }

  async getPasswordHash(userId: string): Promise<string | undefined> {
    return (await this.get<{ passwordHash: string }>(credentialsKey(userId)))?.passwordHash;
  }

  setPasswordHashOp(userId: string, passwordHash: string): WriteOp {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...credentialsKey(userId), entity: 'credentials', passwordHash },
      },
    };
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.transact([this.setPasswordHashOp(userId, passwordHash)]);
  }

  createNetworkOp(network: Network): WriteOp {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          ...networkKey(network.id),
          entity: 'network',
          GSI1PK: 'NETWORKS',
          GSI1SK: `${network.createdAt}#${network.id}`,
          ...network,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  getNetwork(id: string): Promise<Network | undefined> {
    return this.get<Network>(networkKey(id));
  }

  async setNetworkStatus(id: string, status: NetworkStatus, reason?: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: networkKey(id),
        UpdateExpression: reason
          ? 'SET #s = :s, statusReason = :r'
          : 'SET #s = :s REMOVE statusReason',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: reason ? { ':s': status, ':r': reason } : { ':s': status },
      }),
    );
  }

  /** Oldest first, so a page never shifts as new networks arrive. */
  async listNetworks(limit: number, cursor?: string): Promise<Page<Network>> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': 'NETWORKS' },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, ['PK', 'SK', 'GSI1PK', 'GSI1SK'], {
          GSI1PK: 'NETWORKS',
        }),
      }),
    );
    return {
      items: (out.Items ?? []).map((i) => stripKeys<Network>(i)),
      cursor: encodeCursor(out.LastEvaluatedKey),
    };
  }

  async getIdempotency(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.get<IdempotencyRecord>({ PK: `IDEMPOTENCY#${scope}#${key}`, SK: 'IDEMPOTENCY' });
  }

  /** First writer wins; the record lives 24 hours. */
  async putIdempotency(scope: string, key: string, record: IdempotencyRecord): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            PK: `IDEMPOTENCY#${scope}#${key}`,
            SK: 'IDEMPOTENCY',
            entity: 'idempotency',
            ...record,
            ttl: epochSeconds(record.createdAt) + DAY_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  async getSetting<T>(name: string): Promise<T | undefined> {
    return (await this.get<{ value: T }>({ PK: 'SETTING', SK: name }))?.value;
  }

  async putSetting(name: string, value: unknown): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { PK: 'SETTING', SK: name, entity: 'setting', value },
      }),
    );
  }

  /** Users holding a role, e.g. to know whether an operator exists yet. */
  async anyUserWithRole(role: Role): Promise<boolean> {
    const out = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': `ROLE#${role}` },
        Limit: 1,
      }),
    );
    return (out.Items?.length ?? 0) > 0;
  }

  /** A marker per (role, user) so `anyUserWithRole` is a Query, never a Scan. */
  roleMarkerOp(role: Role, userId: string): WriteOp {
    return {
      Put: {
        TableName: this.tableName,
        Item: {
          PK: `USER#${userId}`,
          SK: `ROLE#${role}`,
          entity: 'role',
          GSI1PK: `ROLE#${role}`,
          GSI1SK: userId,
        },
      },
    };
  }
}
