import { needlePattern, type UserRecord, type WriteOp } from '@sisi/data';
import { type ErasureResult, formerRoleLabel, type Organization } from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ConflictProblem, DomainRuleError, NotFoundError, onConflict } from '../errors.ts';
import type { AdminScope } from './admin-scope.ts';
import { auditOp } from './audit.ts';

/** The person of the path: a person of one of the network's organizations, or one of its admins. */
async function personOf(scope: AdminScope, c: Context<AppEnv>, personId: string) {
  const [user, person] = await Promise.all([
    c.var.deps.platform.getUser(personId),
    scope.store.people.get(personId),
  ]);
  const ofNetwork =
    !!user &&
    user.networkId === scope.networkId &&
    (!!person || user.roles.includes('network-admin'));
  if (!user || !ofNetwork) throw new NotFoundError('person');
  return { user, person };
}

/** Refuses what would leave an organization or the network without anyone to run it. */
async function holdersStay(
  c: Context<AppEnv>,
  scope: AdminScope,
  user: UserRecord,
  person: { id: string; status: string; roles: string[]; organizationId: string } | undefined,
  org: Organization | undefined,
): Promise<WriteOp[]> {
  const { store, tenant, networkId } = scope;
  if (tenant.userId === user.id)
    throw new DomainRuleError('rule_self_erasure', 'self-erasure', 'personId');
  const ops: WriteOp[] = [];
  const coordinator = person?.status === 'active' && person.roles.includes('coordinator');
  if (person && org && coordinator && org.status !== 'archived') {
    const successor = (await store.people.activeCoordinators(org.id, { active: true })).find(
      (p) => p.id !== person.id,
    );
    if (!successor)
      throw new DomainRuleError('rule_last_coordinator_erasure', 'last-coordinator', 'personId');
    ops.push(store.people.activeCoordinatorCheckOp(successor.id));
    if (org.coordinatorId === person.id)
      ops.push(store.organizations.setCoordinatorOp(org.id, successor.id));
  }
  if (!person && user.status === 'active') {
    const others = (await c.var.deps.platform.listNetworkAdmins(networkId)).filter(
      (a) => a.id !== user.id && a.status === 'active',
    );
    if (!others.length)
      throw new DomainRuleError('rule_last_admin_erasure', 'last-admin', 'personId');
  }
  return ops;
}

/**
 * Erases a person on request (ADR 0034): their directory record and their record in the
 * network become tombstones (no name, no email; `erasedAt`, the role they held), their
 * email claim and password go, their access ends at once, the identity provider deletes
 * them (Cognito: AdminDeleteUser), and every other copy of their name or email, in the
 * network's table, the platform table (idempotency replies, invitations, resets, queued
 * mail, login counts) and a kept outbox, is replaced by "a former coordinator of …" or
 * deleted. Recorded as `person.erased` (ids only). A second erasure answers the first's
 * result and writes nothing. Refused (422): oneself, the last active coordinator of an
 * organization still in the network, the network's last active admin.
 *
 * @example
 * const { erasedAt } = await erasePerson(c, await adminScope(c), personId);
 */
export async function erasePerson(
  c: Context<AppEnv>,
  scope: AdminScope,
  personId: string,
): Promise<ErasureResult> {
  const deps = c.var.deps;
  const { store, networkId } = scope;
  const { user, person } = await personOf(scope, c, personId);
  if (user.erasedAt) return { id: user.id, erasedAt: user.erasedAt };
  const org = person ? await store.organizations.get(person.organizationId) : undefined;
  const checks = await holdersStay(c, scope, user, person, org);
  const formerRole = person
    ? person.roles.includes('coordinator')
      ? 'coordinator'
      : 'member'
    : 'network-admin';
  // wall-clock: the tombstone's time also ends every token (`iat` is wall-clock, ADR 0031)
  const now = new Date();
  const erasedAt = now.toISOString();
  await deps.platform
    .transact([
      ...deps.platform.eraseUserOps(user, now, formerRole),
      ...(person ? [store.people.eraseOp(person.id, erasedAt, formerRole)] : []),
      ...checks,
      auditOp(c, {
        kind: 'person.erased',
        subjectId: user.id,
        targets: { formerRole, ...(org ? { organizationId: org.id } : {}) },
        networkId,
      }),
    ])
    .catch(
      onConflict((e) =>
        e.field === 'coordinator'
          ? new DomainRuleError('rule_other_coordinator_changed', 'last-coordinator', 'personId')
          : ConflictProblem.ofStorage(e, 'personId'),
      ),
    );
  deps.access?.forget(user.id);
  await deps.identity.delete({
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    networkId,
    ...(user.organizationId ? { organizationId: user.organizationId } : {}),
  });
  const needles = [user.name, user.email, person?.name ?? '', person?.email ?? ''];
  // the words stand in the network's free text: in its language, not the admin's (ADR 0040)
  const network = await deps.platform.getNetwork(networkId);
  const replacement = formerRoleLabel(formerRole, org?.name, network?.defaultLanguage);
  await store.erasure.sweep(user.id, { needles, replacement });
  await deps.platform.sweep({ id: user.id, email: user.email }, { needles, replacement });
  const pattern = needlePattern(needles);
  if (pattern) await deps.mailer.erase?.(pattern);
  return { id: user.id, erasedAt };
}
