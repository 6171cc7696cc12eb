import type { NetworkStore, WriteOp } from '@sisi/data';
import type { Mentorship, Organization } from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ConflictProblem, conflictAs, NotFoundError } from '../errors.ts';
import type { AdminScope } from './admin-scope.ts';
import { auditOp } from './audit.ts';
import { stopLifecycle } from './mentorship-lifecycle.ts';
import { statusChanged } from './person-status.ts';

/** The reason written on what a departure ends, as the toolkit's list names it. */
export const DEPARTURE_REASON = 'organizational change';

/** A transaction holds at most 100 ops: people are deactivated this many at a time (two ops each). */
const PEOPLE_PER_TRANSACTION = 45;

/** Every mentorship the organization is in (a handful), ended or not. */
async function mentorshipsOf(store: NetworkStore, organizationId: string): Promise<Mentorship[]> {
  const all: Mentorship[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.mentorships.listFor('organization', organizationId, 100, cursor);
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

/**
 * What leaving does to one mentorship: one the organization mentors, or whose only mentee
 * it is, ends as premature for an organizational change (the stage history says who and
 * why); in one with other mentees, only it leaves (`departedMentees` keeps that it was
 * there) and the mentorship goes on. `undefined`: nothing to change (ended already).
 */
export function afterDeparture(
  m: Mentorship,
  organizationId: string,
  by: { id: string; name: string },
  at: string,
): Mentorship | undefined {
  if (m.stage === 'end') return undefined;
  const base = { ...m, version: m.version + 1, updatedAt: at };
  const others = m.menteeOrganizationIds.filter((id) => id !== organizationId);
  if (m.mentorOrganizationId === organizationId || others.length === 0) {
    return {
      ...base,
      stage: 'end',
      history: [
        ...m.history,
        { from: m.stage, to: 'end', reason: DEPARTURE_REASON, by: by.id, byName: by.name, at },
      ],
      ending: {
        kind: 'premature',
        reason: DEPARTURE_REASON,
        prematureReason: 'organizational-change',
        endedAt: at,
        endedBy: by.id,
      },
    };
  }
  return {
    ...base,
    menteeOrganizationIds: others,
    departedMentees: [...(m.departedMentees ?? []), { organizationId, leftAt: at }],
  };
}

/**
 * An organization leaves the network (ADR 0034): each of its mentorships ends or goes on
 * without it (`afterDeparture`), its people are deactivated (tokens refused at once, the
 * identity provider disables them; the last-coordinator rule does not apply), and it is
 * archived, recorded as `organization.left` in the same transaction. Steps that already
 * happened are skipped, so a retry after a failure finishes the work. An organization that
 * already left → 409 on `organizationId`.
 *
 * @example
 * const org = await leaveNetwork(c, await adminScope(c), organizationId);
 */
export async function leaveNetwork(
  c: Context<AppEnv>,
  scope: AdminScope,
  organizationId: string,
): Promise<Organization> {
  const { store, tenant, networkId } = scope;
  const deps = c.var.deps;
  const org = await store.organizations.get(organizationId);
  if (!org) throw new NotFoundError('organization');
  if (org.status === 'archived')
    throw new ConflictProblem('conflict_organization_left', 'organizationId');
  const at = deps.clock.now().toISOString();
  const by = { id: tenant.userId, name: tenant.name };

  for (const m of await mentorshipsOf(store, org.id)) {
    const next = afterDeparture(m, org.id, by, at);
    if (!next) continue;
    await store.mentorships.replace(next, m.version).catch(conflictAs('organizationId'));
    if (next.stage === 'end') await stopLifecycle(deps.workflows, next);
  }

  // wall-clock time, not the virtual clock: tokens' `iat` is wall-clock (ADR 0031)
  const revokeAt = new Date();
  const people = (await store.people.allOfOrganization(org.id)).filter(
    (p) => p.status !== 'deactivated',
  );
  const users = (await Promise.all(people.map((p) => deps.platform.getUser(p.id)))).filter(
    (u) => u !== undefined,
  );
  for (let i = 0; i < people.length; i += PEOPLE_PER_TRANSACTION) {
    const ops: WriteOp[] = people
      .slice(i, i + PEOPLE_PER_TRANSACTION)
      .flatMap((p) => [
        store.people.setStatusOp(p.id, 'deactivated'),
        ...(users.some((u) => u.id === p.id)
          ? [deps.platform.statusOp(p.id, 'deactivated', revokeAt)]
          : []),
      ]);
    await deps.platform.transact(ops);
  }
  await deps.platform
    .transact([
      store.organizations.archiveOp(org.id, at),
      auditOp(c, {
        kind: 'organization.left',
        subjectId: org.id,
        targets: { organizationId: org.id },
        networkId,
      }),
    ])
    .catch(conflictAs('organizationId'));
  for (const u of users) await statusChanged(deps, u, 'deactivated');
  return (await store.organizations.get(org.id)) ?? { ...org, status: 'archived', leftAt: at };
}
