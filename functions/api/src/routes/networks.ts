import { createRoute, z } from '@hono/zod-openapi';
import type { NetworkStore, UserRecord } from '@sisi/data';
import {
  createNetworkSchema,
  DEFAULT_LANGUAGE,
  type Network,
  type NetworkCounts,
  networkDetailSchema,
  networkSchema,
  pageQuerySchema,
} from '@sisi/domain';
import { conflictAs, NotFoundError } from '../errors.ts';
import { newId, newNetworkId } from '../ids.ts';
import { requireRole } from '../middleware/auth.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import type { Handler } from '../route-kit.ts';
import { auditOp } from '../services/audit.ts';
import { networkLanguage, prepareInvitation } from '../services/invitations.ts';

const networkOut = named(networkSchema, 'Network');
const networkDetailOut = named(networkDetailSchema, 'NetworkDetail');
const networkPage = z.object({ items: z.array(networkOut), cursor: z.string().optional() });
const networkParam = z.object({ networkId: z.string().max(100) });

const publicNetwork = (n: Network): Network => ({
  id: n.id,
  name: n.name,
  region: n.region,
  status: n.status,
  ...(n.statusReason ? { statusReason: n.statusReason } : {}),
  defaultLanguage: networkLanguage(n),
  createdAt: n.createdAt,
});

const createNetwork = createRoute({
  method: 'post',
  path: '/networks',
  tags: ['Networks'],
  summary: 'Onboard a network: provision its table and invite its admin',
  description:
    'The first admin’s invitation, and every later invitation into the network that names no language, is in `defaultLanguage` (default en).',
  security: bearer,
  request: { body: jsonBody(createNetworkSchema) },
  responses: {
    201: jsonResponse(networkOut, 'The new network'),
    ...problems(400, 401, 403, 409),
  },
});
const createNetworkHandler: Handler<typeof createNetwork> = async (c) => {
  const operator = requireRole(c, 'operator');
  const deps = c.var.deps;
  const input = c.req.valid('json');
  const now = deps.clock.now().toISOString();
  const network: Network = {
    id: newNetworkId(input.name),
    name: input.name,
    region: input.region,
    status: 'provisioning',
    defaultLanguage: input.defaultLanguage ?? DEFAULT_LANGUAGE,
    createdAt: now,
  };
  const admin: UserRecord = {
    id: newId(),
    email: input.adminEmail,
    name: input.adminName,
    roles: ['network-admin'],
    networkId: network.id,
    status: 'invited',
    language: network.defaultLanguage,
    createdAt: now,
  };
  // held: no invitation into a network whose storage could not be made
  const invitation = prepareInvitation(
    deps,
    { user: admin, inviterName: operator.name, networkName: network.name },
    { held: true },
  );
  await deps.platform
    .transact([
      deps.platform.createNetworkOp(network),
      ...deps.platform.createUserOps(admin),
      ...invitation.ops,
      // the network's table does not exist yet: the operator's act is the platform's
      auditOp(c, {
        kind: 'invitation.sent',
        subjectId: admin.id,
        targets: { networkId: network.id },
        networkId: null,
      }),
    ])
    .catch(conflictAs('adminEmail', { from: 'email' }));
  try {
    const { status } = await deps.provisioner.provisionNetwork(network.id);
    network.status = status;
  } catch (error) {
    network.status = 'failed';
    network.statusReason = error instanceof Error ? error.message : String(error);
  }
  // no invitation into a network that has no storage: the operator sees `failed` first
  if (network.status === 'failed') await invitation.cancel();
  else await invitation.release();
  await deps.platform.setNetworkStatus(network.id, network.status, network.statusReason);
  if (network.status !== 'failed') await invitation.send();
  return c.json(publicNetwork(network), 201);
};

const listNetworks = createRoute({
  method: 'get',
  path: '/networks',
  tags: ['Networks'],
  summary: 'List networks, oldest first',
  security: bearer,
  request: { query: pageQuerySchema },
  responses: {
    200: jsonResponse(networkPage, 'A page of networks'),
    ...problems(400, 401, 403),
  },
});
const listNetworksHandler: Handler<typeof listNetworks> = async (c) => {
  requireRole(c, 'operator');
  const { limit, cursor } = c.req.valid('query');
  const page = await c.var.deps.platform.listNetworks(limit, cursor);
  return c.json(
    { items: page.items.map(publicNetwork), ...(page.cursor ? { cursor: page.cursor } : {}) },
    200,
  );
};

const getNetwork = createRoute({
  method: 'get',
  path: '/networks/{networkId}',
  tags: ['Networks'],
  summary: 'One network (its operator, or people of the network)',
  description:
    'The operator also gets `counts` (organizations, people, mentorships, coaching groups) once the network is active: counted by index queries, nobody named. People of the network get the network without `counts`.',
  security: bearer,
  request: { params: networkParam },
  responses: { 200: jsonResponse(networkDetailOut, 'The network'), ...problems(401, 404) },
});
const getNetworkHandler: Handler<typeof getNetwork> = async (c) => {
  const { networkId } = c.req.valid('param');
  const tenant = c.get('tenant');
  if (!tenant.roles.includes('operator') && tenant.networkId !== networkId) {
    throw new NotFoundError('network');
  }
  const network = await c.var.deps.platform.getNetwork(networkId);
  if (!network) throw new NotFoundError('network');
  // the size of a network is the operator's to see; its table exists once it is active
  const counts =
    tenant.roles.includes('operator') && network.status === 'active'
      ? await networkCounts(c.var.deps.store({ networkId }))
      : undefined;
  return c.json({ ...publicNetwork(network), ...(counts ? { counts } : {}) }, 200);
};

/** Index `COUNT` Queries only: one per kind, and one per organization for its people. */
async function networkCounts(store: NetworkStore): Promise<NetworkCounts> {
  const [organizations, ids, mentorships, coachingGroups] = await Promise.all([
    store.organizations.count(),
    store.organizations.ids(),
    store.mentorships.count(),
    store.coachingGroups.count(),
  ]);
  let people = 0;
  // a few at a time: a network has tens of organizations, each a small partition
  for (let i = 0; i < ids.length; i += 8) {
    const counts = await Promise.all(
      ids.slice(i, i + 8).map((id) => store.people.countOfOrganization(id)),
    );
    people += counts.reduce((a, b) => a + b, 0);
  }
  return { organizations, people, mentorships, coachingGroups };
}

/** The operator's registry of regional networks (the tenants). */
export const networkRoutes = () =>
  router()
    .openapi(createNetwork, createNetworkHandler)
    .openapi(listNetworks, listNetworksHandler)
    .openapi(getNetwork, getNetworkHandler);
