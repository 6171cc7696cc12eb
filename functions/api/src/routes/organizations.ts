import { createRoute, z } from '@hono/zod-openapi';
import type { PersonRecord, UserRecord, WriteOp } from '@sisi/data';
import {
  createOrganizationSchema,
  inviteMemberSchema,
  type Language,
  memberSchema,
  type Organization,
  organizationSchema,
  pageQuerySchema,
  type Role,
  updateOrganizationSchema,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { conflictAs, ForbiddenError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { auditOp } from '../services/audit.ts';
import { networkLanguage, prepareInvitation } from '../services/invitations.ts';
import {
  canActForOrganization,
  canReadOrganization,
  isNetworkAdmin,
  readableOrganization,
} from '../services/organization-access.ts';

const organizationOut = named(organizationSchema, 'Organization');
const memberOut = named(memberSchema, 'Member');
const orgPage = z.object({ items: z.array(organizationOut), cursor: z.string().optional() });
const memberPage = z.object({ items: z.array(memberOut), cursor: z.string().optional() });
const networkParam = z.object({ networkId: z.string().max(100) });
const orgParam = networkParam.extend({ organizationId: z.string().max(100) });

/** Directory person + network person + invitation, in one transaction, then the mail. */
async function invitePerson(
  c: Context<AppEnv>,
  org: Organization,
  person: { id?: string; email: string; name: string; roles: Role[]; language?: Language },
  emailField: string,
  extraOps: WriteOp[] = [],
): Promise<PersonRecord> {
  const { tenant, store } = network(c);
  const deps = c.var.deps;
  const now = deps.clock.now().toISOString();
  const net = await deps.platform.getNetwork(tenant.networkId);
  const user: UserRecord = {
    id: person.id ?? newId(),
    email: person.email,
    name: person.name,
    roles: person.roles,
    networkId: tenant.networkId,
    organizationId: org.id,
    status: 'invited',
    // the invitation's language, else the network's default: the person's from now on
    language: person.language ?? networkLanguage(net),
    createdAt: now,
  };
  const record: PersonRecord = {
    id: user.id,
    email: user.email,
    name: user.name,
    status: 'invited',
    organizationId: org.id,
    roles: user.roles,
    createdAt: now,
  };
  const invitation = prepareInvitation(deps, {
    user,
    inviterName: tenant.name,
    ...(net ? { networkName: net.name } : {}),
    organizationName: org.name,
  });
  // the newest link is the only one that works: a resend replaces it (ADR 0028)
  user.invitationTokenHash = invitation.tokenHash;
  await deps.platform
    .transact([
      ...extraOps,
      ...deps.platform.createUserOps(user),
      store.people.createOp(record),
      ...invitation.ops,
      auditOp(c, {
        kind: 'invitation.sent',
        subjectId: user.id,
        targets: { organizationId: org.id },
      }),
    ])
    .catch(conflictAs(emailField, { from: 'email' }));
  await invitation.send();
  return record;
}

const createOrganization = createRoute({
  method: 'post',
  path: '/networks/{networkId}/organizations',
  tags: ['Organizations'],
  summary: 'Onboard a member organization and invite its coordinator',
  description:
    'The coordinator’s invitation is in `coordinatorLanguage`, else in the network’s `defaultLanguage`; it stays the coordinator’s language (`PATCH /me` changes it).',
  security: bearer,
  request: { params: networkParam, body: jsonBody(createOrganizationSchema) },
  responses: {
    201: jsonResponse(organizationOut, 'The new organization'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const createOrganizationHandler: Handler<typeof createOrganization> = async (c) => {
  const { tenant, store } = network(c);
  if (!isNetworkAdmin(tenant)) throw new ForbiddenError('forbidden_onboard_organizations');
  const { coordinatorEmail, coordinatorName, coordinatorLanguage, ...profile } =
    c.req.valid('json');
  const now = c.var.deps.clock.now().toISOString();
  const coordinatorId = newId();
  const org: Organization = {
    ...profile,
    id: newId(),
    networkId: tenant.networkId,
    version: 1,
    coordinatorId,
    createdAt: now,
    updatedAt: now,
  };
  // the organization names its coordinator, so both are written in one transaction
  await invitePerson(
    c,
    org,
    {
      id: coordinatorId,
      email: coordinatorEmail,
      name: coordinatorName,
      roles: ['coordinator'],
      ...(coordinatorLanguage ? { language: coordinatorLanguage } : {}),
    },
    'coordinatorEmail',
    [store.organizations.createOp(org)],
  );
  return c.json(org, 201);
};

const listOrganizations = createRoute({
  method: 'get',
  path: '/networks/{networkId}/organizations',
  tags: ['Organizations'],
  summary: 'List organizations, by name (a coordinator or member sees their own)',
  security: bearer,
  request: { params: networkParam, query: pageQuerySchema },
  responses: {
    200: jsonResponse(orgPage, 'A page of organizations'),
    ...problems(400, 401, 404),
  },
});
const listOrganizationsHandler: Handler<typeof listOrganizations> = async (c) => {
  const { tenant, store } = network(c);
  const { limit, cursor } = c.req.valid('query');
  if (!isNetworkAdmin(tenant)) {
    const own = tenant.organizationId
      ? await store.organizations.get(tenant.organizationId)
      : undefined;
    return c.json({ items: own ? [own] : [] }, 200);
  }
  const page = await store.organizations.list(limit, cursor);
  return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

const getOrganization = createRoute({
  method: 'get',
  path: '/networks/{networkId}/organizations/{organizationId}',
  tags: ['Organizations'],
  summary: 'One organization',
  security: bearer,
  request: { params: orgParam },
  responses: {
    200: jsonResponse(organizationOut, 'The organization'),
    ...problems(401, 404),
  },
});
const getOrganizationHandler: Handler<typeof getOrganization> = async (c) => {
  return c.json(await readableOrganization(c), 200);
};

const updateOrganization = createRoute({
  method: 'patch',
  path: '/networks/{networkId}/organizations/{organizationId}',
  tags: ['Organizations'],
  summary: 'Edit an organization; `version` must be the one read (else 409)',
  security: bearer,
  request: { params: orgParam, body: jsonBody(updateOrganizationSchema) },
  responses: {
    200: jsonResponse(organizationOut, 'The organization with its new version'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const updateOrganizationHandler: Handler<typeof updateOrganization> = async (c) => {
  const { tenant, store } = network(c);
  const { organizationId } = c.req.valid('param');
  if (!canReadOrganization(tenant, organizationId)) throw new NotFoundError('organization');
  if (!isNetworkAdmin(tenant)) throw new ForbiddenError('forbidden_edit_organizations');
  const { version, ...changes } = c.req.valid('json');
  // the storage's ItemNotFoundError (404) and ConflictError on `version` (409) map at the edge
  const org = await store.organizations.update(
    organizationId,
    version,
    changes,
    c.var.deps.clock.now().toISOString(),
  );
  return c.json(org, 200);
};

const inviteMember = createRoute({
  method: 'post',
  path: '/networks/{networkId}/organizations/{organizationId}/members',
  tags: ['Organizations'],
  summary: 'Invite a person to an organization (its admin or coordinator)',
  description:
    'The invitation is in `language`, else in the network’s `defaultLanguage`; it stays the person’s language (`PATCH /me` changes it).',
  security: bearer,
  request: { params: orgParam, body: jsonBody(inviteMemberSchema) },
  responses: {
    201: jsonResponse(memberOut, 'The invited person'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const inviteMemberHandler: Handler<typeof inviteMember> = async (c) => {
  const { tenant } = network(c);
  const org = await readableOrganization(c);
  if (!canActForOrganization(tenant, org.id)) throw new ForbiddenError('forbidden_invite_members');
  const { email, name, language } = c.req.valid('json');
  const person = await invitePerson(
    c,
    org,
    { email, name, roles: ['member'], ...(language ? { language } : {}) },
    'email',
  );
  return c.json(person, 201);
};

const listMembers = createRoute({
  method: 'get',
  path: '/networks/{networkId}/organizations/{organizationId}/members',
  tags: ['Organizations'],
  summary: 'People of an organization, by name',
  security: bearer,
  request: { params: orgParam, query: pageQuerySchema },
  responses: {
    200: jsonResponse(memberPage, 'A page of people'),
    ...problems(400, 401, 404),
  },
});
const listMembersHandler: Handler<typeof listMembers> = async (c) => {
  const org = await readableOrganization(c);
  const { limit, cursor } = c.req.valid('query');
  const page = await network(c).store.people.listByOrganization(org.id, limit, cursor);
  return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

/** Member organizations of a network, and their people. */
export const organizationRoutes = () =>
  router()
    .openapi(createOrganization, createOrganizationHandler)
    .openapi(listOrganizations, listOrganizationsHandler)
    .openapi(getOrganization, getOrganizationHandler)
    .openapi(updateOrganization, updateOrganizationHandler)
    .openapi(inviteMember, inviteMemberHandler)
    .openapi(listMembers, listMembersHandler);
