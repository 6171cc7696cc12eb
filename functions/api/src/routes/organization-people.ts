import { createRoute, z } from '@hono/zod-openapi';
import type { PersonRecord, UserRecord, WriteOp } from '@sisi/data';
import { changeMemberSchema, memberSchema, type Role } from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import {
  ConflictProblem,
  conflictAs,
  DomainRuleError,
  ForbiddenError,
  NotFoundError,
  onConflict,
} from '../errors.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { auditOp } from '../services/audit.ts';
import { prepareInvitation } from '../services/invitations.ts';
import { canActForOrganization } from '../services/organization-access.ts';
import { revocationTime, statusChanged } from '../services/person-status.ts';

const memberOut = named(memberSchema, 'Member');
const personParam = z.object({
  networkId: z.string().max(100),
  organizationId: z.string().max(100),
  personId: z.string().max(100),
});

/**
 * The path's organization and person, for a caller who may manage its people: 404 for a
 * missing organization (or another network's), 403 for anyone of the network who is not
 * its coordinator or a network admin, then 404 for a person who is not its.
 */
async function managedPerson(c: Context<AppEnv>) {
  const { tenant, store } = network(c);
  const { organizationId, personId } = c.req.param() as z.output<typeof personParam>;
  const org = await store.organizations.get(organizationId);
  if (!org) throw new NotFoundError('organization');
  if (!canActForOrganization(tenant, org.id))
    throw new ForbiddenError('forbidden_organization_people');
  const [person, user] = await Promise.all([
    store.people.get(personId),
    c.var.deps.platform.getUser(personId),
  ]);
  if (!person || !user || person.organizationId !== org.id || user.networkId !== tenant.networkId)
    throw new NotFoundError('person');
  return { org, person, user };
}

/** Roles with the organization's role replaced by `role`; any other role stays. */
const withOrganizationRole = (roles: readonly Role[], role: 'coordinator' | 'member'): Role[] => [
  ...roles.filter((r) => r !== 'coordinator' && r !== 'member'),
  role,
];

const changeMember = createRoute({
  method: 'patch',
  path: '/networks/{networkId}/organizations/{organizationId}/members/{personId}',
  tags: ['Organizations'],
  summary:
    "Change a person's role (coordinator or member) or status (active or deactivated); the last active coordinator stays (422)",
  description:
    "The organization's coordinators and network admins. An organization may have several coordinators; taking the role from, or deactivating, its last active coordinator is a 422. A deactivated person can no longer sign in.",
  security: bearer,
  request: { params: personParam, body: jsonBody(changeMemberSchema) },
  responses: {
    200: jsonResponse(memberOut, 'The person as changed'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const changeMemberHandler: Handler<typeof changeMember> = async (c) => {
  const { store } = network(c);
  const deps = c.var.deps;
  const { org, person, user } = await managedPerson(c);
  const body = c.req.valid('json');
  const roles = body.role ? withOrganizationRole(person.roles as Role[], body.role) : person.roles;
  // "active" undoes a deactivation; who never accepted their invitation is invited again
  const status: PersonRecord['status'] =
    body.status === 'deactivated'
      ? 'deactivated'
      : body.status === 'active' && person.status === 'deactivated'
        ? user.activatedAt
          ? 'active'
          : 'invited'
        : person.status;
  const next: PersonRecord = { ...person, roles, status };
  const wasCoordinator = person.status === 'active' && person.roles.includes('coordinator');
  const staysCoordinator = status === 'active' && roles.includes('coordinator');
  const ops: WriteOp[] = [
    store.people.changeOp(person, next),
    ...deps.platform.changeAccessOps(
      user,
      { roles: roles as Role[], status },
      revocationTime(user, status),
    ),
  ];
  // who changed whose role or status, in the same transaction (ADR 0032): ids and the new value
  if (body.role && !person.roles.includes(body.role))
    ops.push(
      auditOp(c, {
        kind: 'role.changed',
        subjectId: person.id,
        targets: { organizationId: org.id, role: body.role },
      }),
    );
  if (status !== person.status)
    ops.push(
      auditOp(c, {
        kind: 'status.changed',
        subjectId: person.id,
        targets: { organizationId: org.id, status },
      }),
    );
  if (wasCoordinator && !staysCoordinator) {
    const others = (await store.people.activeCoordinators(org.id, { active: true })).filter(
      (p) => p.id !== person.id,
    );
    const successor = others[0];
    if (!successor) {
      throw new DomainRuleError(
        'rule_last_coordinator',
        'last-coordinator',
        body.role === 'member' ? 'role' : 'status',
      );
    }
    // one other coordinator must still be there when this commits
    ops.push(store.people.activeCoordinatorCheckOp(successor.id));
    if (org.coordinatorId === person.id)
      ops.push(store.organizations.setCoordinatorOp(org.id, successor.id));
  }
  await deps.platform
    .transact(ops)
    .catch(
      onConflict((e) =>
        e.field === 'coordinator'
          ? new DomainRuleError('rule_other_coordinator_changed', 'last-coordinator')
          : ConflictProblem.ofStorage(e, 'personId'),
      ),
    );
  await statusChanged(deps, user, status);
  return c.json(next, 200);
};

const resendInvitation = createRoute({
  method: 'post',
  path: '/networks/{networkId}/organizations/{organizationId}/members/{personId}/invitation',
  tags: ['Organizations'],
  summary: 'Send an invited person a new link; the old one then answers 410',
  description:
    "The organization's coordinators and network admins. Someone already active (or deactivated) is a 409.",
  security: bearer,
  request: { params: personParam },
  responses: {
    202: jsonResponse(memberOut, 'A new link is mailed to the person'),
    ...problems(401, 403, 404, 409),
  },
});
const resendInvitationHandler: Handler<typeof resendInvitation> = async (c) => {
  const { tenant } = network(c);
  const deps = c.var.deps;
  const { org, person, user } = await managedPerson(c);
  if (user.status !== 'invited') {
    throw new ConflictProblem(
      user.status === 'active' ? 'conflict_person_accepted' : 'conflict_person_deactivated',
      'status',
    );
  }
  const net = await deps.platform.getNetwork(tenant.networkId);
  const addressee: UserRecord = { ...user, name: person.name };
  const invitation = prepareInvitation(deps, {
    user: addressee,
    inviterName: tenant.name,
    ...(net ? { networkName: net.name } : {}),
    organizationName: org.name,
  });
  // the new invitation, its mail and the user's one valid link move together (ADR 0028)
  await deps.platform
    .transact([
      ...invitation.ops,
      deps.platform.reissueInvitationOp(user.id, invitation.tokenHash),
      auditOp(c, {
        kind: 'invitation.sent',
        subjectId: user.id,
        targets: { organizationId: org.id },
      }),
    ])
    .catch(conflictAs('status', { from: 'status' }));
  await invitation.send();
  return c.json(person, 202);
};

/** An organization's people: role and status changes, invitations sent again (ADR 0028). */
export const organizationPeopleRoutes = () =>
  router()
    .openapi(changeMember, changeMemberHandler)
    .openapi(resendInvitation, resendInvitationHandler);
