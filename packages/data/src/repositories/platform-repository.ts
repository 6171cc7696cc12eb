import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Network, NetworkStatus, Page, Role } from '@sisi/domain';
import type { SweepOptions, SweepResult } from '../eraser.ts';
import { isConditionFailure, TableRepository, type WriteOp } from '../table.ts';
import { AuditRepository } from './audit-repository.ts';

/** `deactivated`: access ended by someone who manages the person; their data stays. */
export type UserStatus = 'invited' | 'active' | 'deactivated';

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
  /**
   * The language of the mail the person is sent (`en`, `fr`, `es`, `pt`): their
   * invitation's at first, then their own choice (`PATCH /me`). People invited before
   * languages were recorded have none, and get English.
   */
  language?: string;
  /**
   * `false`: the person turned off the optional notice mails (`PATCH /me`); absent or `true`,
   * they are sent (ADR 0046). Required mail is sent either way.
   */
  notices?: boolean;
  createdAt: string;
  activatedAt?: string;
  deactivatedAt?: string;
  /**
   * The hash of the one invitation link that still works, once an invitation was sent
   * again; absent, any unused, unexpired invitation of the person works (there is one).
   */
  invitationTokenHash?: string;
  /** When the password was last reset by a mailed link; links made before it are void. */
  passwordResetAt?: string;
  /**
   * Tokens issued (`iat`) before this second are refused: set when the person is
   * deactivated or signs out everywhere (ISO time, whole seconds; ADR 0031).
   */
  tokensValidAfter?: string;
  /** Their data was erased: `name` and `email` are empty, `formerRole` says what they were. */
  erasedAt?: string;
  formerRole?: string;
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

/**
 * A password reset link, by the sha256 of its token (the token itself is only ever in the
 * mail). No email or name: the person is found by id, so erasing them leaves nothing here.
 */
export interface PasswordResetRecord {
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
}

/**
 * A sign-in that outlives the tab (ADR 0042): one family of refresh tokens, by a random id.
 * Only the sha256 of the current token is kept; the token itself is only ever in the
 * person's cookie. A token of the family that is not the current one was used before: the
 * family is revoked.
 */
export interface RefreshFamilyRecord {
  familyId: string;
  userId: string;
  /** sha256 of the current refresh token. */
  tokenHash: string;
  /** When the family began (the API's clock): the absolute cap counts from here. */
  createdAt: string;
  /** Wall-clock time of the sign-in: refused if before the person's `tokensValidAfter`. */
  signedInAt: string;
  /** The last exchange (the API's clock): the idle expiry counts from here. */
  lastUsedAt: string;
  /** The absolute cap: no exchange after this, used or not. */
  expiresAt: string;
  revokedAt?: string;
  /**
   * The identity provider's own refresh handle (Cognito's refresh token), sealed with a key
   * derived from the current token: the table alone cannot open it. Absent locally.
   */
  sealedHandle?: string;
}

/**
 * An `Idempotency-Key` as kept: claimed (`running`) by the first request before it does its
 * work, then `done` with the answer a retry is given.
 */
export interface IdempotencyRecord {
  state: 'running' | 'done';
  /** sha256 of method, path and body: the same key with another request is refused. */
  requestHash: string;
  /** When the claim was made; with `claimId`, who holds it. */
  claimedAt: string;
  claimId: string;
  status?: number;
  /** The answer as sent, its text and content type. */
  body?: string;
  contentType?: string;
  createdAt: string;
}

const PERSONAL_PREFIXES = [
  'IDEMPOTENCY#',
  'REFRESH#',
  'INVITATION#',
  'PASSWORD_RESET#',
  'MAILQ#',
  'LOGIN#',
  'EMAIL#',
];
/** Items that exist for one person's act or mail: deleted, not rewritten, by an erasure. */
const isPersonal = (item: Record<string, unknown>) =>
  PERSONAL_PREFIXES.some((p) => String(item.PK).startsWith(p));

/** How long a kept key lives: a phone may stay offline for days before it retries. */
export const IDEMPOTENCY_TTL_DAYS = 30;

const userKey = (id: string) => ({ PK: `USER#${id}`, SK: 'USER' });
const emailKey = (email: string) => ({ PK: `EMAIL#${email}`, SK: 'EMAIL' });
const invitationKey = (hash: string) => ({ PK: `INVITATION#${hash}`, SK: 'INVITATION' });
const passwordResetKey = (hash: string) => ({ PK: `PASSWORD_RESET#${hash}`, SK: 'PASSWORD_RESET' });
const networkKey = (id: string) => ({ PK: `NETWORK#${id}`, SK: 'NETWORK' });
const credentialsKey = (id: string) => ({ PK: `USER#${id}`, SK: 'CREDENTIALS' });
const networkAdminsKey = (networkId: string, userId: string) => ({
  PK: `NETWORK#${networkId}#ADMINS`,
  SK: `USER#${userId}`,
});

const refreshKey = (familyId: string) => ({ PK: `REFRESH#${familyId}`, SK: 'REFRESH' });

const idempotencyKey = (scope: string, key: string) => ({
  PK: `IDEMPOTENCY#${scope}#${key}`,
  SK: 'IDEMPOTENCY',
});

const DAY_SECONDS = 86_400;
/**
 * Token `iat` is in whole seconds: a revocation is kept at the second it happened, so a
 * sign-in right after it (same second) still works, and a token of an earlier second does not.
 */
const wholeSeconds = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString();
/**
 * `tokensValidAfter` set in the same update as the status or password it goes with: a
 * transaction may touch the user item only once.
 */
const REVOKE_SET = ', tokensValidAfter = :after';
const revokeValue = (at?: Date) => (at ? { ':after': wholeSeconds(at) } : {});
const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * The platform table: people, invitations, networks, idempotency records, settings.
 *
 * @example
 * const platform = new PlatformRepository(doc, platformTableName('sisi'));
 * const user = await platform.getUserByEmail('ama@example.org');
 */
export class PlatformRepository extends TableRepository {
  /** The platform's own audit trail: operators', donors' and unknown emails' acts (ADR 0032). */
  readonly audit: AuditRepository;

  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    super(doc, tableName);
    this.audit = new AuditRepository(doc, tableName);
  }

  transact(ops: WriteOp[]): Promise<void> {
    return this.table.transact(ops);
  }

  private get<T>(key: Record<string, string>): Promise<T | undefined> {
    return this.table.get<T>(key);
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
      this.table.putOp({
        Item: { ...userKey(user.id), entity: 'user', ...user },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
      this.table.putOp(
        {
          Item: { ...emailKey(user.email), entity: 'email', userId: user.id },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
        { message: `${user.email} already belongs to someone`, field: 'email' },
      ),
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
    return this.table.putOp({
      Item: { ...networkAdminsKey(networkId, userId), entity: 'network-admin', userId },
    });
  }

  /** The admins of a network, in id order (a network has a handful). */
  async listNetworkAdmins(networkId: string): Promise<UserRecord[]> {
    const admins = await this.table.all<{ userId: string }>({
      pk: networkAdminsKey(networkId, '').PK,
    });
    const users = await Promise.all(admins.map((a) => this.getUser(a.userId)));
    // someone who is no longer an admin of this network keeps no say in its mail
    return users.filter(
      (u): u is UserRecord => !!u && u.roles.includes('network-admin') && u.networkId === networkId,
    );
  }

  /** A page of a network's admins (invited, active and deactivated), in id order. */
  async pageNetworkAdmins(
    networkId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<UserRecord>> {
    const page = await this.table.page<{ userId: string }>(
      { pk: networkAdminsKey(networkId, '').PK },
      limit,
      cursor,
    );
    const users = await this.table.getMany<UserRecord>(
      page.items.map((a) => a.userId),
      userKey,
    );
    return {
      items: users.filter((u) => u.roles.includes('network-admin') && u.networkId === networkId),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    };
  }

  createInvitationOp(invitation: InvitationRecord): WriteOp {
    return this.table.putOp({
      Item: {
        ...invitationKey(invitation.tokenHash),
        entity: 'invitation',
        ...invitation,
        // kept 30 days past expiry so a late click still gets "expired", then purged
        ttl: epochSeconds(invitation.expiresAt) + 30 * DAY_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  getInvitation(tokenHash: string): Promise<InvitationRecord | undefined> {
    return this.get<InvitationRecord>(invitationKey(tokenHash));
  }

  /** Marks the invitation used (only once, only before expiry) and activates its person. */
  acceptInvitationOps(invitation: InvitationRecord, name: string, now: string): WriteOp[] {
    return [
      this.table.updateOp(
        {
          Key: invitationKey(invitation.tokenHash),
          UpdateExpression: 'SET usedAt = :now',
          ConditionExpression:
            'attribute_exists(PK) AND attribute_not_exists(usedAt) AND expiresAt > :now',
          ExpressionAttributeValues: { ':now': now },
        },
        { message: 'the invitation was already used or has expired', field: 'token' },
      ),
      this.table.updateOp(
        {
          Key: userKey(invitation.userId),
          UpdateExpression:
            'SET #name = :name, #status = :active, activatedAt = if_not_exists(activatedAt, :now)',
          // a deactivated person's link, or one replaced by a newer link, no longer works
          ConditionExpression:
            'attribute_exists(PK) AND #status = :invited AND (attribute_not_exists(invitationTokenHash) OR invitationTokenHash = :hash)',
          ExpressionAttributeNames: { '#name': 'name', '#status': 'status' },
          ExpressionAttributeValues: {
            ':name': name,
            ':active': 'active',
            ':invited': 'invited',
            ':now': now,
            ':hash': invitation.tokenHash,
          },
        },
        { message: 'the invitation was replaced or withdrawn', field: 'token' },
      ),
    ];
  }

  /**
   * Whether `invitation` is still the one that may be accepted: its person is still invited
   * and it was not replaced by a newer link (`reissueInvitationOps`).
   */
  isCurrentInvitation(invitation: InvitationRecord, user: UserRecord): boolean {
    return (
      user.status === 'invited' &&
      (user.invitationTokenHash === undefined || user.invitationTokenHash === invitation.tokenHash)
    );
  }

  /**
   * A new invitation link for a person still invited: the user remembers the new link's
   * hash, so every older link answers "gone" (`acceptInvitationOps` checks it). Put the new
   * invitation's own op (`createInvitationOp`) in the same transaction. A person no longer
   * invited (active or deactivated) is a conflict on `status`.
   */
  reissueInvitationOp(userId: string, tokenHash: string): WriteOp {
    return this.table.updateOp(
      {
        Key: userKey(userId),
        UpdateExpression: 'SET invitationTokenHash = :hash',
        ConditionExpression: 'attribute_exists(PK) AND #status = :invited',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':hash': tokenHash, ':invited': 'invited' },
      },
      {
        message: 'this person is no longer invited',
        field: 'status',
        key: 'conflict_no_longer_invited',
      },
    );
  }

  /**
   * A person's roles and status as a coordinator or admin changed them, with the role
   * markers kept in step (`from`: the roles they held), on condition that the status is
   * still `was`.
   */
  changeAccessOps(
    user: Pick<UserRecord, 'id' | 'roles' | 'status'>,
    to: Pick<UserRecord, 'roles' | 'status'>,
    revokeAt?: Date,
  ): WriteOp[] {
    const removed = user.roles.filter((r) => !to.roles.includes(r));
    const added = to.roles.filter((r) => !user.roles.includes(r));
    return [
      this.table.updateOp(
        {
          Key: userKey(user.id),
          UpdateExpression: `SET #roles = :roles, #status = :status${revokeAt ? REVOKE_SET : ''}`,
          ConditionExpression: 'attribute_exists(PK) AND #status = :was',
          ExpressionAttributeNames: { '#roles': 'roles', '#status': 'status' },
          ExpressionAttributeValues: {
            ':roles': to.roles,
            ':status': to.status,
            ':was': user.status,
            ...revokeValue(revokeAt),
          },
        },
        {
          message: 'this person changed meanwhile; reload and try again',
          field: 'personId',
          key: 'conflict_person_changed',
        },
      ),
      ...added.map((role) => this.roleMarkerOp(role, user.id)),
      ...removed.map((role) =>
        this.table.deleteOp({ Key: { PK: `USER#${user.id}`, SK: `ROLE#${role}` } }),
      ),
    ];
  }

  /**
   * Sets a person's status, if it is still `from` (what the caller read): `deactivated`
   * records when; any other status clears that.
   */
  setUserStatusOp(
    userId: string,
    from: UserStatus,
    to: UserStatus,
    now: string,
    revokeAt?: Date,
  ): WriteOp {
    const revoke = revokeAt ? REVOKE_SET : '';
    return this.table.updateOp(
      {
        Key: userKey(userId),
        UpdateExpression:
          to === 'deactivated'
            ? `SET #status = :to, deactivatedAt = :now${revoke}`
            : `SET #status = :to${revoke} REMOVE deactivatedAt`,
        ConditionExpression: 'attribute_exists(PK) AND #status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':from': from,
          ':to': to,
          ...(to === 'deactivated' ? { ':now': now } : {}),
          ...revokeValue(revokeAt),
        },
      },
      {
        message: 'this person’s status changed meanwhile; reload and try again',
        field: 'status',
        key: 'conflict_status_changed',
      },
    );
  }

  /** A transaction's condition that `userId` is still active (writes nothing). */
  stillActiveOp(userId: string): WriteOp {
    return {
      ConditionCheck: {
        TableName: this.table.name,
        Key: userKey(userId),
        ConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active' },
      },
      conflictMessage: 'another admin’s status changed meanwhile',
      conflictField: 'status',
    };
  }

  /** A new password reset link; purged by TTL a day after it expires. */
  createPasswordResetOp(reset: PasswordResetRecord): WriteOp {
    return this.table.putOp({
      Item: {
        ...passwordResetKey(reset.tokenHash),
        entity: 'password-reset',
        ...reset,
        ttl: epochSeconds(reset.expiresAt) + DAY_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  getPasswordReset(tokenHash: string): Promise<PasswordResetRecord | undefined> {
    return this.table.get<PasswordResetRecord>(passwordResetKey(tokenHash), { consistent: true });
  }

  /**
   * Uses a reset link (only once, only before expiry, only for a person still active) and
   * notes on the person when their password was last reset: links made before it are void.
   */
  usePasswordResetOps(reset: PasswordResetRecord, now: string, revokeAt?: Date): WriteOp[] {
    return [
      this.table.updateOp(
        {
          Key: passwordResetKey(reset.tokenHash),
          UpdateExpression: 'SET usedAt = :now',
          ConditionExpression:
            'attribute_exists(PK) AND attribute_not_exists(usedAt) AND expiresAt > :now',
          ExpressionAttributeValues: { ':now': now },
        },
        { message: 'the link was already used or has expired', field: 'token' },
      ),
      this.table.updateOp(
        {
          Key: userKey(reset.userId),
          UpdateExpression: `SET passwordResetAt = :now${revokeAt ? REVOKE_SET : ''}`,
          ConditionExpression:
            '#status = :active AND (attribute_not_exists(passwordResetAt) OR passwordResetAt <= :created)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':now': now,
            ':active': 'active',
            ':created': reset.createdAt,
            ...revokeValue(revokeAt),
          },
        },
        { message: 'the link is no longer valid', field: 'token' },
      ),
    ];
  }

  /**
   * Sets the person's status whatever it was; with `revokeAt`, also ends every token issued
   * before then (`tokensValidAfter`). Missing person → the transaction fails.
   */
  statusOp(id: string, status: UserStatus, revokeAt?: Date): WriteOp {
    const revoke = revokeAt ? ', tokensValidAfter = :after' : '';
    return this.table.updateOp(
      {
        Key: userKey(id),
        UpdateExpression: `SET #status = :status${revoke}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':status': status,
          ...(revokeAt ? { ':after': wholeSeconds(revokeAt) } : {}),
        },
      },
      { message: `person ${id} does not exist`, field: 'personId', key: 'conflict_person_missing' },
    );
  }

  /**
   * A person's erasure in the directory (ADR 0034): the record becomes a tombstone (no name,
   * no email, deactivated, every token refused from `at`), and the claim on their email and
   * their password hash are deleted. The record stays so ids in reports and the audit trail
   * still name someone who was, and a second erasure answers the same.
   */
  eraseUserOps(user: UserRecord, at: Date, formerRole: string): WriteOp[] {
    return [
      this.table.updateOp(
        {
          Key: userKey(user.id),
          UpdateExpression:
            'SET #status = :deactivated, #name = :empty, email = :empty, erasedAt = :at, formerRole = :role, tokensValidAfter = :after REMOVE invitationTokenHash, #language',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(erasedAt)',
          ExpressionAttributeNames: {
            '#status': 'status',
            '#name': 'name',
            '#language': 'language',
          },
          ExpressionAttributeValues: {
            ':deactivated': 'deactivated',
            ':empty': '',
            ':at': at.toISOString(),
            ':role': formerRole,
            ':after': wholeSeconds(at),
          },
        },
        {
          message: 'this person was erased meanwhile',
          field: 'personId',
          key: 'conflict_person_erased',
        },
      ),
      ...(user.email ? [this.table.deleteOp({ Key: emailKey(user.email) })] : []),
      this.table.deleteOp({ Key: credentialsKey(user.id) }),
    ];
  }

  /**
   * An erased person's name and email removed from every platform item (a Scan: an
   * erasure only, ADR 0034). Records of one act or mail (idempotency replies, invitations,
   * password resets, queued mail, login counts, the email claim) are deleted when they are
   * the person's (hold their email or id); any other item holding the name is rewritten
   * with `replacement`. The directory's people and networks are left alone: the person's
   * own record is tombstoned by the erasure, and a namesake, in any network, keeps theirs.
   */
  sweep(
    person: { id: string; email: string },
    options: Omit<SweepOptions, 'drop' | 'skip'>,
  ): Promise<SweepResult> {
    const email = person.email.toLowerCase();
    const theirs = (item: Record<string, unknown>) => {
      const text = JSON.stringify(item).toLowerCase();
      return (!!email && text.includes(email)) || text.includes(person.id.toLowerCase());
    };
    return this.table.sweep({
      ...options,
      drop: (item) => isPersonal(item) && theirs(item),
      skip: (item) =>
        (String(item.PK).startsWith('USER#') && item.SK === 'USER') ||
        (String(item.PK).startsWith('NETWORK#') && item.SK === 'NETWORK') ||
        item.PK === 'SETTING',
    });
  }

  /**
   * Sets the person's language: the mail they are sent from now on is in it. A person who
   * does not exist → `ItemNotFoundError` naming `personId`.
   */
  async setUserLanguage(id: string, language: string): Promise<void> {
    await this.setUserSettings(id, { language });
  }

  /** The person's own settings (`PATCH /me`): only the fields given change. */
  async setUserSettings(
    id: string,
    settings: { language?: string; notices?: boolean },
  ): Promise<void> {
    const entries = Object.entries(settings).filter(([, v]) => v !== undefined);
    if (!entries.length) return;
    await this.transact([
      this.table.updateOp(
        {
          Key: userKey(id),
          UpdateExpression: `SET ${entries.map(([k]) => `#${k} = :${k}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: Object.fromEntries(entries.map(([k]) => [`#${k}`, k])),
          ExpressionAttributeValues: Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v])),
        },
        {
          message: `person ${id} does not exist`,
          field: 'personId',
          key: 'conflict_person_missing',
        },
      ),
    ]);
  }

  /** Ends every token the person was issued before `at` ("sign out everywhere"). */
  revokeSessionsOp(id: string, at: Date): WriteOp {
    return this.table.updateOp(
      {
        Key: userKey(id),
        UpdateExpression: 'SET tokensValidAfter = :after',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':after': wholeSeconds(at) },
      },
      { message: `person ${id} does not exist`, field: 'personId', key: 'conflict_person_missing' },
    );
  }

  /** A new family of refresh tokens; it lives in the table until a day after its cap. */
  async createRefreshFamily(family: RefreshFamilyRecord): Promise<void> {
    await this.table.put({
      Item: {
        ...refreshKey(family.familyId),
        entity: 'refresh-family',
        ...family,
        ttl: epochSeconds(family.expiresAt) + DAY_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  getRefreshFamily(familyId: string): Promise<RefreshFamilyRecord | undefined> {
    return this.table.get<RefreshFamilyRecord>(refreshKey(familyId), { consistent: true });
  }

  /**
   * Rotates a family's token: `true` when `fromHash` was still its current token and the
   * family is not revoked (one exchange wins a race; the loser is a reuse).
   */
  async rotateRefreshFamily(
    familyId: string,
    change: { fromHash: string; toHash: string; at: string; sealedHandle?: string },
  ): Promise<boolean> {
    try {
      await this.table.update({
        Key: refreshKey(familyId),
        UpdateExpression: `SET tokenHash = :to, lastUsedAt = :at${change.sealedHandle ? ', sealedHandle = :handle' : ''}`,
        ConditionExpression: 'tokenHash = :from AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: {
          ':to': change.toHash,
          ':from': change.fromHash,
          ':at': change.at,
          ...(change.sealedHandle ? { ':handle': change.sealedHandle } : {}),
        },
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Revokes a family: none of its tokens is exchanged again. A missing family is no error. */
  async revokeRefreshFamily(familyId: string, at: string): Promise<void> {
    try {
      await this.table.update({
        Key: refreshKey(familyId),
        UpdateExpression: 'SET revokedAt = :at REMOVE sealedHandle',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeValues: { ':at': at },
      });
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** `revokeSessionsOp` on its own. */
  async revokeSessions(id: string, at: Date): Promise<void> {
    await this.transact([this.revokeSessionsOp(id, at)]);
  }

  async getPasswordHash(userId: string): Promise<string | undefined> {
    return (await this.get<{ passwordHash: string }>(credentialsKey(userId)))?.passwordHash;
  }

  setPasswordHashOp(userId: string, passwordHash: string): WriteOp {
    return this.table.putOp({
      Item: { ...credentialsKey(userId), entity: 'credentials', passwordHash },
    });
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.transact([this.setPasswordHashOp(userId, passwordHash)]);
  }

  createNetworkOp(network: Network): WriteOp {
    return this.table.putOp({
      Item: {
        ...networkKey(network.id),
        entity: 'network',
        GSI1PK: 'NETWORKS',
        GSI1SK: `${network.createdAt}#${network.id}`,
        ...network,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  getNetwork(id: string): Promise<Network | undefined> {
    return this.get<Network>(networkKey(id));
  }

  async setNetworkStatus(id: string, status: NetworkStatus, reason?: string): Promise<void> {
    await this.table.update({
      Key: networkKey(id),
      UpdateExpression: reason
        ? 'SET #s = :s, statusReason = :r'
        : 'SET #s = :s REMOVE statusReason',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: reason ? { ':s': status, ':r': reason } : { ':s': status },
    });
  }

  /** Oldest first, so a page never shifts as new networks arrive. */
  listNetworks(limit: number, cursor?: string): Promise<Page<Network>> {
    return this.table.page<Network>({ index: 'GSI1', pk: 'NETWORKS' }, limit, cursor);
  }

  getIdempotency(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    return this.table.get<IdempotencyRecord>(idempotencyKey(scope, key), { consistent: true });
  }

  /**
   * Claims `key` for a request before its work is done: `true` when this caller holds it
   * now. A claim older than `staleBefore` (its holder died) is taken over; any other
   * existing record stays, and the caller reads it (`getIdempotency`).
   */
  async claimIdempotency(
    scope: string,
    key: string,
    claim: { requestHash: string; claimId: string; at: string; staleBefore: string },
  ): Promise<boolean> {
    try {
      await this.table.put({
        Item: {
          ...idempotencyKey(scope, key),
          entity: 'idempotency',
          state: 'running',
          requestHash: claim.requestHash,
          claimId: claim.claimId,
          claimedAt: claim.at,
          createdAt: claim.at,
          ttl: epochSeconds(claim.at) + IDEMPOTENCY_TTL_DAYS * DAY_SECONDS,
        },
        // a claim left `running` by a request that died is anyone's after the lease
        ConditionExpression:
          'attribute_not_exists(PK) OR (#state = :running AND claimedAt < :stale AND requestHash = :hash)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':running': 'running',
          ':stale': claim.staleBefore,
          ':hash': claim.requestHash,
        },
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /**
   * Keeps the answer of the request holding the claim `claimId`; the record lives 30 days
   * from now. `false` when the claim is no longer this request's (taken over meanwhile).
   */
  async completeIdempotency(
    scope: string,
    key: string,
    claimId: string,
    answer: { status: number; body: string; contentType: string; at: string },
  ): Promise<boolean> {
    try {
      await this.table.update({
        Key: idempotencyKey(scope, key),
        UpdateExpression:
          'SET #state = :done, #status = :status, body = :body, contentType = :type, #ttl = :ttl',
        ConditionExpression: 'claimId = :claim AND #state = :running',
        ExpressionAttributeNames: { '#state': 'state', '#status': 'status', '#ttl': 'ttl' },
        ExpressionAttributeValues: {
          ':done': 'done',
          ':running': 'running',
          ':status': answer.status,
          ':body': answer.body,
          ':type': answer.contentType,
          ':ttl': epochSeconds(answer.at) + IDEMPOTENCY_TTL_DAYS * DAY_SECONDS,
          ':claim': claimId,
        },
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Gives a claim back (its work failed), so a retry with the key does the work itself. */
  async releaseIdempotency(scope: string, key: string, claimId: string): Promise<void> {
    try {
      await this.table.delete({
        Key: idempotencyKey(scope, key),
        ConditionExpression: 'claimId = :claim AND #state = :running',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':claim': claimId, ':running': 'running' },
      });
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async getSetting<T>(name: string): Promise<T | undefined> {
    return (await this.get<{ value: T }>({ PK: 'SETTING', SK: name }))?.value;
  }

  async putSetting(name: string, value: unknown): Promise<void> {
    await this.table.put({ Item: { PK: 'SETTING', SK: name, entity: 'setting', value } });
  }

  /** Users holding a role, e.g. to know whether an operator exists yet. */
  async anyUserWithRole(role: Role): Promise<boolean> {
    const page = await this.table.page({ index: 'GSI1', pk: `ROLE#${role}` }, 1);
    return page.items.length > 0;
  }

  /** A marker per (role, user) so `anyUserWithRole` is a Query, never a Scan. */
  roleMarkerOp(role: Role, userId: string): WriteOp {
    return this.table.putOp({
      Item: {
        PK: `USER#${userId}`,
        SK: `ROLE#${role}`,
        entity: 'role',
        GSI1PK: `ROLE#${role}`,
        GSI1SK: userId,
      },
    });
  }
}
