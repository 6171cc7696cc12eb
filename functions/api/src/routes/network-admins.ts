import { createRoute, z } from '@hono/zod-openapi';
import { ConflictError, type UserRecord } from '@sisi/data';
import {
  inviteNetworkAdminSchema,
  mailLanguage,
  type Network,
  type NetworkAdmin,
  networkAdminSchema,
  pageQuerySchema,
  type TenantContext,
  updateNetworkAdminSchema,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import {
  ConflictProblem,
  conflictAs,
  DomainRuleError,
  ForbiddenError,
  NotFoundError,
} from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, perRequest } from '../route-kit.ts';
import { auditOp } from '../services/audit.ts';
import { networkLanguage, prepareInvitation } from '../services/invitations.ts';
import { revocationTime, statusChanged } from '../services/person-status.ts';

const adminOut = named(networkAdminSchema, 'NetworkAdmin');
const adminPage = z.object({ items: z.array(adminOut), cursor: z.string().optional() });
const networkParam = z.object({ networkId: z.string().max(100) });
const adminParam = networkParam.extend({ personId: z.string().max(100) });

const ROLES_NOTE =
  'The operator and the network’s admins; a coordinator or member of the network → 403; anyone of another network → 404.';

const publicAdmin = (u: UserRecord): NetworkAdmin => ({
  id: u.id,
  email: u.email,
  name: u.name,
  status: u.status,
  language: mailLanguage(u.language),
  createdAt: u.createdAt,
  ...(u.activatedAt ? { activatedAt: u.activatedAt } : {}),
  ...(u.deactivatedAt ? { deactivatedAt: u.deactivatedAt } : {}),
  ...(u.erasedAt ? { erasedAt: u.erasedAt } : {}),
});

/**
 * The network of the path, if the caller manages its admins: the operator (any network),
 * or one of its admins. Its other people are refused (403); anyone else, and a network
 * that does not exist, get 404. Not `network(c)`: the operator belongs to no network.
 */
const managedNetwork = perRequest(
  async (c: Context<AppEnv>): Promise<{ tenant: TenantContext; network: Network }> => {
    const tenant = c.get('tenant');
    const networkId = c.req.param('networkId') ?? '';
    if (!tenant.roles.includes('operator')) {
      if (tenant.networkId !== networkId) throw new NotFoundError('network');
      if (!tenant.roles.includes('network-admin')) {
        throw new ForbiddenError('forbidden_manage_admins');
      }
    }
    const network = await c.var.deps.platform.getNetwork(networkId);
    if (!network) throw new NotFoundError('network');
    return { tenant, network };
  },
);

/**
 * Invitations go only into a network whose storage exists (`active`): the first admin's
 * waits for it inside `POST /networks`, and nothing would release a later one's.
 */
function assertReady(network: Network): void {
  if (network.status !== 'active') {
    throw new DomainRuleError('rule_network_not_active', 'network-not-active');
  }
}

/** An admin of the path's network (404 for anyone else, whoever they are). */
async function adminOfPath(c: Context<AppEnv>): Promise<UserRecord> {
  const { network } = await managedNetwork(c);
  const user = await c.var.deps.platform.getUser(c.req.param('personId') ?? '');
  if (!user?.roles.includes('network-admin') || user.networkId !== network.id) {
    throw new NotFoundError('admin');
  }
  return user;
}

const inviteAdmin = createRoute({
  method: 'post',
  path: '/networks/{networkId}/admins',
  tags: ['Networks'],
  summary: 'Invite another admin of the network',
  description: `The person is mailed a single-use invitation (7 days), in \`language\` (default: the network’s \`defaultLanguage\`), which stays the admin’s language. An email already in use is a 409 naming \`email\`; a network not \`active\` yet (or whose storage failed), a 422. ${ROLES_NOTE}`,
  security: bearer,
  request: { params: networkParam, body: jsonBody(inviteNetworkAdminSchema) },
  responses: {
    201: jsonResponse(adminOut, 'The invited admin'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const inviteAdminHandler: Handler<typeof inviteAdmin> = async (c) => {
  const { tenant, network } = await managedNetwork(c);
  const deps = c.var.deps;
  assertReady(network);
  const input = c.req.valid('json');
  const admin: UserRecord = {
    id: newId(),
    email: input.email,
    name: input.name,
    roles: ['network-admin'],
    networkId: network.id,
    status: 'invited',
    language: input.language ?? networkLanguage(network),
    createdAt: deps.clock.now().toISOString(),
  };
  const invitation = prepareInvitation(deps, {
    user: admin,
    inviterName: tenant.name,
    networkName: network.name,
  });
  await deps.platform
    .transact([
      ...deps.platform.createUserOps(admin),
      ...invitation.ops,
      auditOp(c, { kind: 'invitation.sent', subjectId: admin.id, networkId: network.id }),
    ])
    .catch(conflictAs('email', { from: 'email' }));
  await invitation.send();
  return c.json(publicAdmin(admin), 201);
};

const listAdmins = createRoute({
  method: 'get',
  path: '/networks/{networkId}/admins',
  tags: ['Networks'],
  summary: 'The network’s admins, with their status',
  description: ROLES_NOTE,
  security: bearer,
  request: { params: networkParam, query: pageQuerySchema },
  responses: {
    200: jsonResponse(adminPage, 'A page of admins'),
    ...problems(400, 401, 403, 404),
  },
});
const listAdminsHandler: Handler<typeof listAdmins> = async (c) => {
  const { network } = await managedNetwork(c);
  const { limit, cursor } = c.req.valid('query');
  const page = await c.var.deps.platform.pageNetworkAdmins(network.id, limit, cursor);
  return c.json(
    { items: page.items.map(publicAdmin), ...(page.cursor ? { cursor: page.cursor } : {}) },
    200,
  );
};

/** How many times a deactivation is tried when another admin's status changes meanwhile. */
const DEACTIVATION_TRIES = 3;

/**
 * Deactivates `admin` on condition that another admin is still active, checked in the same
 * transaction (a `ConditionCheck` on one of them), so two admins deactivating each other at
 * once cannot leave the network without one: the second finds its witness gone and looks
 * again.
 */
async function deactivate(c: Context<AppEnv>, admin: UserRecord, now: string): Promise<void> {
  const platform = c.var.deps.platform;
  for (let attempt = 1; ; attempt++) {
    const current = attempt === 1 ? admin : await platform.getUser(admin.id);
    if (!current || current.status === 'deactivated') return;
    const ops = [
      platform.setUserStatusOp(
        current.id,
        current.status,
        'deactivated',
        now,
        revocationTime(current, 'deactivated'),
      ),
      // in the network's trail, whoever acts (the operator too)
      auditOp(c, {
        kind: 'status.changed',
        subjectId: current.id,
        targets: { status: 'deactivated' },
        networkId: admin.networkId ?? null,
      }),
    ];
    if (current.status === 'active') {
      const admins = await platform.listNetworkAdmins(admin.networkId ?? '');
      const witness = admins.find((a) => a.id !== current.id && a.status === 'active');
      if (!witness) {
        throw new DomainRuleError('rule_last_active_admin', 'last-active-admin', 'status');
      }
      ops.push(platform.stillActiveOp(witness.id));
    }
    try {
      await platform.transact(ops);
      await statusChanged(c.var.deps, current, 'deactivated');
      return;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= DEACTIVATION_TRIES) throw error;
    }
  }
}

const updateAdmin = createRoute({
  method: 'patch',
  path: '/networks/{networkId}/admins/{personId}',
  tags: ['Networks'],
  summary: 'Deactivate an admin, or give their access back',
  description: `\`deactivated\` ends the admin’s access (sign-in, and tokens already issued) and withdraws an invitation not yet accepted; the network’s last active admin cannot be deactivated (422). \`active\` gives access back: \`active\` again, or \`invited\` for someone who never accepted (their link works again until it expires; send a new one otherwise). Setting the status a person already has changes nothing. ${ROLES_NOTE}`,
  security: bearer,
  request: { params: adminParam, body: jsonBody(updateNetworkAdminSchema) },
  responses: {
    200: jsonResponse(adminOut, 'The admin with their status'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const updateAdminHandler: Handler<typeof updateAdmin> = async (c) => {
  const admin = await adminOfPath(c);
  const platform = c.var.deps.platform;
  const { status } = c.req.valid('json');
  const now = c.var.deps.clock.now().toISOString();
  if (status === 'deactivated') {
    await deactivate(c, admin, now);
  } else if (admin.status === 'deactivated') {
    const back = admin.activatedAt ? 'active' : 'invited';
    await platform
      .transact([
        platform.setUserStatusOp(admin.id, 'deactivated', back, now),
        auditOp(c, {
          kind: 'status.changed',
          subjectId: admin.id,
          targets: { status: back },
          networkId: admin.networkId ?? null,
        }),
      ])
      .catch(conflictAs('status'));
    await statusChanged(c.var.deps, admin, back);
  }
  const stored = await platform.getUser(admin.id);
  if (!stored) throw new NotFoundError('admin');
  return c.json(publicAdmin(stored), 200);
};

const resendInvitation = createRoute({
  method: 'post',
  path: '/networks/{networkId}/admins/{personId}/invitation',
  tags: ['Networks'],
  summary: 'Send an admin’s invitation again: a new link; the old one answers 410',
  description: `For an admin who has not accepted yet (the mail was lost, or the link expired): a new single-use link valid 7 days, in the admin’s language. An admin already active, or deactivated, is a 409 naming \`status\`; a network not \`active\`, a 422. ${ROLES_NOTE}`,
  security: bearer,
  request: { params: adminParam },
  responses: {
    202: jsonResponse(adminOut, 'The admin, still invited: the new link is on its way'),
    ...problems(401, 403, 404, 409, 422),
  },
});
const resendInvitationHandler: Handler<typeof resendInvitation> = async (c) => {
  const admin = await adminOfPath(c);
  const { tenant, network } = await managedNetwork(c);
  const deps = c.var.deps;
  if (admin.status !== 'invited') {
    throw new ConflictProblem(
      admin.status === 'active' ? 'conflict_admin_active' : 'conflict_admin_deactivated',
      'status',
    );
  }
  assertReady(network);
  const invitation = prepareInvitation(deps, {
    user: admin,
    inviterName: tenant.name,
    networkName: network.name,
  });
  await deps.platform
    .transact([
      deps.platform.reissueInvitationOp(admin.id, invitation.tokenHash),
      ...invitation.ops,
      auditOp(c, { kind: 'invitation.sent', subjectId: admin.id, networkId: network.id }),
    ])
    .catch(conflictAs('status'));
  await invitation.send();
  return c.json(publicAdmin(admin), 202);
};

/** A network's admins: invited by the operator or by each other, deactivated, re-invited. */
export const networkAdminRoutes = () =>
  router()
    .openapi(inviteAdmin, inviteAdminHandler)
    .openapi(listAdmins, listAdminsHandler)
    .openapi(updateAdmin, updateAdminHandler)
    .openapi(resendInvitation, resendInvitationHandler);
