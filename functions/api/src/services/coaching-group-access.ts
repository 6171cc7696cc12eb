import type {
  EncryptedField,
  FieldCipher,
  FieldScope,
  NetworkStore,
  StoredCoachingGroup,
} from '@sisi/data';
import {
  type FacilitationPlan,
  type GroupAccess,
  groupRole,
  type TenantContext,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { type NetworkScope, network, perRequest } from '../route-kit.ts';

/** The facts the domain's facilitation rules read from a stored group. */
export function planOf(g: StoredCoachingGroup): FacilitationPlan {
  const review = g.review;
  return {
    facilitatorId: g.facilitatorId,
    memberIds: g.memberIds,
    review: !review
      ? undefined
      : review.mode === 'named'
        ? { mode: 'named', facilitatorId: review.facilitatorId ?? g.facilitatorId }
        : { mode: 'rotation', order: review.order ?? [] },
  };
}

/**
 * What the caller is to a group: a member; the facilitator with the group now; someone
 * who oversees it (the network's admins, the coordinators of an organization whose people
 * are in it or who made it) and sees only its figures; or nobody (undefined: 404).
 */
export function groupAccess(
  tenant: TenantContext,
  g: StoredCoachingGroup,
): GroupAccess | undefined {
  const role = groupRole(planOf(g), tenant.userId);
  if (role) return role;
  if (tenant.roles.includes('network-admin')) return 'overview';
  if (
    tenant.roles.includes('coordinator') &&
    tenant.organizationId &&
    g.organizationIds.includes(tenant.organizationId)
  ) {
    return 'overview';
  }
  return undefined;
}

/** A group the caller may see, with what they are to it, found once per request. */
export interface GroupScope extends NetworkScope {
  group: StoredCoachingGroup;
  access: GroupAccess;
  /** The network's peer coaching groups. */
  repo: NetworkStore['coachingGroups'];
  /** The group's confidential fields. */
  cipher: GroupCipher;
}

/**
 * The path's group if the caller may see it at all; 404 otherwise, as for a missing one.
 * Looked up and checked once per request.
 */
export const visibleGroup = perRequest(async (c): Promise<GroupScope> => {
  const scope = network(c);
  const repo = scope.store.coachingGroups;
  const group = await repo.get(c.req.param('groupId') ?? '');
  const access = group ? groupAccess(scope.tenant, group) : undefined;
  if (!group || !access) throw new NotFoundError('coaching group');
  const cipher = groupCipher(c.var.deps.cipher, scope.tenant, group.id);
  return { ...scope, group, access, repo, cipher };
});

/**
 * The group for reading its content (issues, commitments, the session runner): its members
 * and its facilitator only. Anyone else — a coordinator or admin who oversees it too — is
 * told it does not exist (404): confidential content is not admitted to exist.
 */
export async function readableGroup(c: Context<AppEnv>): Promise<GroupScope> {
  const loaded = await visibleGroup(c);
  if (loaded.access === 'overview') throw new NotFoundError('coaching group');
  return loaded;
}

/**
 * The group for writing its content: its members and facilitator. A coordinator or admin
 * who sees the group is refused (403): they know it exists, and it is not theirs to write.
 */
export async function writableGroup(c: Context<AppEnv>): Promise<GroupScope> {
  const loaded = await visibleGroup(c);
  if (loaded.access === 'overview') {
    throw new ForbiddenError('forbidden_group_content');
  }
  return loaded;
}

/** Today on the API's clock, as `YYYY-MM-DD`. */
export const todayOf = (deps: { clock: Clock }) => deps.clock.now().toISOString().slice(0, 10);

/**
 * The one place a group's encryption subjects are built: every confidential field is bound
 * to its network, to coaching, to its group and to its own item and field, so a value
 * copied onto another item (or another person's) does not decrypt.
 *
 * @example groupFieldScope('kp-x', 'g1', 'learning-log', 's1', 'u1', 'content').subject
 * // 'coaching-group#g1#learning-log#s1#u1#content'
 */
export function groupFieldScope(
  networkId: string,
  groupId: string,
  ...parts: (string | number)[]
): FieldScope {
  return {
    network: networkId,
    purpose: 'coaching',
    subject: ['coaching-group', groupId, ...parts].join('#'),
  };
}

/** Encrypts and decrypts the confidential fields of one group. */
export function groupCipher(cipher: FieldCipher, tenant: { networkId: string }, groupId: string) {
  const scope = (parts: (string | number)[]) =>
    groupFieldScope(tenant.networkId, groupId, ...parts);
  return {
    encrypt: (text: string, ...parts: (string | number)[]): Promise<EncryptedField> =>
      cipher.encrypt(text, scope(parts)),
    decrypt: (field: EncryptedField, ...parts: (string | number)[]): Promise<string> =>
      cipher.decrypt(field, scope(parts)),
  };
}
export type GroupCipher = ReturnType<typeof groupCipher>;
