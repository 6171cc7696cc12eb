import { createRoute, z } from '@hono/zod-openapi';
import type { PersonRecord, UserRecord } from '@sisi/data';
import { ConflictError, ItemNotFoundError } from '@sisi/data';
import {
  createOrganizationSchema,
  inviteMemberSchema,
  memberSchema,
  type Organization,
  organizationSchema,
  pageQuerySchema,
  type Role,
  type TenantContext,
  updateOrganizationSchema,
} from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import { ConflictProblem, ForbiddenError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { requireNetwork } from '../middleware/auth.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { prepareInvitation } from '../services/invitations.ts';

const organizationOut = named(organizationSchema, 'Organization');
const memberOut = named(memberSchema, 'Member');
const orgPage = z.object({ items: z.array(organizationOut), cursor: z.string().optional() });
const memberPage = z.object({ items: z.array(memberOut), cursor: z.string().optional() });
const networkParam = z.object({ networkId: z.string().max(100) });
const orgParam = networkParam.extend({ organizationId: z.string().max(100) });

const isAdmin = (t: TenantContext) => t.roles.includes('network-admin');
/** Admins see every organization of their network; anyone else only their own. */
const canRead = (t: TenantContext, organizationId: string) =>
  isAdmin(t) || t.organizationId === organizationId;
const canInvite = (t: TenantContext, organizationId: string) =>
  isAdmin(t) || (t.roles.includes('coordinator') && t.organizationId === organizationId);

/** Member organizations of a network, and their people. */
export function organizationRoutes(deps: ApiDeps) {
  async function loadReadable(
    tenant: TenantContext & { networkId: string },
    organizationId: string,
  ) {
    if (!canRead(tenant, organizationId)) throw new NotFoundError('organization');
    const org = await deps.store(tenant).organizations.get(organizationId);
    if (!org) throw new NotFoundError('organization');
    return org;
  }

  /** Directory person + network person + invitation, in one transaction, then the mail. */
  async function invitePerson(
    tenant: TenantContext & { networkId: string },
    org: Organization,
    person: { id?: string; email: string; name: string; roles: Role[] },
    emailField: string,
    extraOps: Parameters<ApiDeps['platform']['transact']>[0] = [],
  ): Promise<PersonRecord> {
    const now = deps.clock.now().toISOString();
    const user: UserRecord = {
      id: person.id ?? newId(),
      email: person.email,
      name: person.name,
      roles: person.roles,
      networkId: tenant.networkId,
      organizationId: org.id,
      status: 'invited',
      // mail goes out in the organization's first language when Sisi has it, else English
      ...(org.languages[0] ? { language: org.languages[0].split('-')[0]! } : {}),
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
    const network = await deps.platform.getNetwork(tenant.networkId);
    const invitation = prepareInvitation(deps, {
      user,
      inviterName: tenant.name,
      ...(network ? { networkName: network.name } : {}),
      organizationName: org.name,
    });
    const repos = deps.store(tenant);
    try {
      await deps.platform.transact([
        ...extraOps,
        ...deps.platform.createUserOps(user),
        repos.people.createOp(record),
        invitation.op,
      ]);
    } catch (error) {
      if (error instanceof ConflictError && error.field === 'email') {
        throw new ConflictProblem(error.message, emailField, { cause: error });
      }
      throw error;
    }
    await invitation.send();
    return record;
  }

  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/networks/{networkId}/organizations',
        tags: ['Organizations'],
        summary: 'Onboard a member organization and invite its coordinator',
        security: bearer,
        request: { params: networkParam, body: jsonBody(createOrganizationSchema) },
        responses: {
          201: jsonResponse(organizationOut, 'The new organization'),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const tenant = requireNetwork(c, c.req.valid('param').networkId);
        if (!isAdmin(tenant))
          throw new ForbiddenError('only a network admin onboards organizations');
        const { coordinatorEmail, coordinatorName, ...profile } = c.req.valid('json');
        const now = deps.clock.now().toISOString();
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
          tenant,
          org,
          {
            id: coordinatorId,
            email: coordinatorEmail,
            name: coordinatorName,
            roles: ['coordinator'],
          },
          'coordinatorEmail',
          [deps.store(tenant).organizations.createOp(org)],
        );
        return c.json(org, 201);
      },
    )
    .openapi(
      createRoute({
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
      }),
      async (c) => {
        const tenant = requireNetwork(c, c.req.valid('param').networkId);
        const { limit, cursor } = c.req.valid('query');
        if (!isAdmin(tenant)) {
          const own = tenant.organizationId
            ? await deps.store(tenant).organizations.get(tenant.organizationId)
            : undefined;
          return c.json({ items: own ? [own] : [] }, 200);
        }
        const page = await deps.store(tenant).organizations.list(limit, cursor);
        return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
      },
    )
    .openapi(
      createRoute({
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
      }),
      async (c) => {
        const { networkId, organizationId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        return c.json(await loadReadable(tenant, organizationId), 200);
      },
    )
    .openapi(
      createRoute({
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
      }),
      async (c) => {
        const { networkId, organizationId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        if (!canRead(tenant, organizationId)) throw new NotFoundError('organization');
        if (!isAdmin(tenant)) throw new ForbiddenError('only a network admin edits organizations');
        const { version, ...changes } = c.req.valid('json');
        try {
          const org = await deps
            .store(tenant)
            .organizations.update(organizationId, version, changes, deps.clock.now().toISOString());
          return c.json(org, 200);
        } catch (error) {
          if (error instanceof ItemNotFoundError) throw new NotFoundError('organization');
          if (error instanceof ConflictError)
            throw new ConflictProblem(error.message, 'version', { cause: error });
          throw error;
        }
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/networks/{networkId}/organizations/{organizationId}/members',
        tags: ['Organizations'],
        summary: 'Invite a person to an organization (its admin or coordinator)',
        security: bearer,
        request: { params: orgParam, body: jsonBody(inviteMemberSchema) },
        responses: {
          201: jsonResponse(memberOut, 'The invited person'),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { networkId, organizationId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const org = await loadReadable(tenant, organizationId);
        if (!canInvite(tenant, organizationId))
          throw new ForbiddenError('only the coordinator or a network admin invites members');
        const { email, name } = c.req.valid('json');
        const person = await invitePerson(tenant, org, { email, name, roles: ['member'] }, 'email');
        return c.json(person, 201);
      },
    )
    .openapi(
      createRoute({
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
      }),
      async (c) => {
        const { networkId, organizationId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        await loadReadable(tenant, organizationId);
        const { limit, cursor } = c.req.valid('query');
        const page = await deps
          .store(tenant)
          .people.listByOrganization(organizationId, limit, cursor);
        return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
      },
    );
}
