import type { UserRecord, UserStatus, WriteOp } from '@sisi/data';
import type { ApiDeps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import type { IdentityUser } from '../ports.ts';

/** What ending or restoring someone's access uses of the API's dependencies. */
export type PersonStatusDeps = Pick<ApiDeps, 'platform' | 'store' | 'identity' | 'access'>;

const identityUser = (u: UserRecord): IdentityUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: u.roles,
  ...(u.networkId ? { networkId: u.networkId } : {}),
  ...(u.organizationId ? { organizationId: u.organizationId } : {}),
});

async function findPerson(deps: PersonStatusDeps, personId: string): Promise<UserRecord> {
  const user = await deps.platform.getUser(personId);
  if (!user) throw new NotFoundError('person');
  return user;
}

/** The status op in the platform table, and in the network table for organization people. */
function statusOps(
  deps: PersonStatusDeps,
  user: UserRecord,
  status: UserStatus,
  revokeAt?: Date,
): WriteOp[] {
  const ops = [deps.platform.statusOp(user.id, status, revokeAt)];
  if (user.networkId && user.organizationId) {
    ops.push(deps.store({ networkId: user.networkId }).people.setStatusOp(user.id, status));
  }
  return ops;
}

/**
 * Ends a person's access at once: status `deactivated` (sign-in answers 401 from now on)
 * and `tokensValidAfter` = now (tokens already issued answer 401 within 60 s on every
 * instance, at once on this one), written with the extra `ops` given (e.g. an audit record)
 * in one transaction; then the identity provider disables them (Cognito: AdminDisableUser
 * and AdminUserGlobalSignOut). Their data stays; scheduled mail no longer goes to them.
 * Unknown person → 404. The caller decides who may do it (ADR 0031).
 *
 * @example
 * const person = await deactivatePerson(c.var.deps, personId);
 */
export async function deactivatePerson(
  deps: PersonStatusDeps,
  personId: string,
  options: { ops?: WriteOp[]; now?: Date } = {},
): Promise<UserRecord> {
  const user = await findPerson(deps, personId);
  // wall-clock time, not the (local, movable) virtual clock: tokens' `iat` is wall-clock
  const now = options.now ?? new Date();
  await deps.platform.transact([
    ...statusOps(deps, user, 'deactivated', now),
    ...(options.ops ?? []),
  ]);
  deps.access?.forget(personId);
  await deps.identity.disable(identityUser(user));
  const stored = await deps.platform.getUser(personId);
  return stored ?? { ...user, status: 'deactivated' };
}

/**
 * Gives a deactivated person their access back: `active` again if they had accepted their
 * invitation, else `invited`; the identity provider enables them. Tokens issued before the
 * deactivation stay refused: they sign in again. Unknown person → 404.
 *
 * @example
 * const person = await reactivatePerson(c.var.deps, personId);
 */
export async function reactivatePerson(
  deps: PersonStatusDeps,
  personId: string,
  options: { ops?: WriteOp[] } = {},
): Promise<UserRecord> {
  const user = await findPerson(deps, personId);
  const status: UserStatus = user.activatedAt ? 'active' : 'invited';
  await deps.platform.transact([...statusOps(deps, user, status), ...(options.ops ?? [])]);
  deps.access?.forget(personId);
  await deps.identity.enable(identityUser(user));
  return { ...user, status };
}

/**
 * "Sign out everywhere": every token the person holds answers 401 within 60 s (at once on
 * this instance); the identity provider ends its own sessions too. They may sign in again.
 *
 * @example
 * await signOutEverywhere(c.var.deps, tenant.userId);
 */
export async function signOutEverywhere(
  deps: PersonStatusDeps,
  personId: string,
  now: Date = new Date(),
): Promise<void> {
  const user = await findPerson(deps, personId);
  await deps.platform.revokeSessions(personId, now);
  deps.access?.forget(personId);
  await deps.identity.signOutEverywhere(identityUser(user));
}

/**
 * For a route that changes someone's status in its own transaction (a coordinator's or an
 * admin's change): when their tokens end (`tokensValidAfter`), if they are being
 * deactivated, to pass to the op that writes their status (a transaction touches the user
 * item once).
 */
export function revocationTime(
  user: UserRecord,
  to: UserStatus,
  now = new Date(),
): Date | undefined {
  return to === 'deactivated' && user.status !== 'deactivated' ? now : undefined;
}

/**
 * After such a transaction: this instance forgets the person's cached access, and the
 * identity provider disables (Cognito: AdminDisableUser and AdminUserGlobalSignOut) or
 * enables them, as `deactivatePerson` and `reactivatePerson` do.
 */
export async function statusChanged(
  deps: PersonStatusDeps,
  user: UserRecord,
  to: UserStatus,
): Promise<void> {
  deps.access?.forget(user.id);
  if (to === 'deactivated' && user.status !== 'deactivated') {
    await deps.identity.disable(identityUser(user));
  } else if (to !== 'deactivated' && user.status === 'deactivated') {
    await deps.identity.enable(identityUser(user));
  }
}
