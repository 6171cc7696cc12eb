import { createRoute, z } from '@hono/zod-openapi';
import { type CapacityAssessmentRecord, ConflictError, type VersionedDocument } from '@sisi/data';
import {
  assetInventorySchema,
  capacityAssessmentSchema,
  pageQuerySchema,
  type TenantContext,
} from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import { ConflictProblem, ForbiddenError, NotFoundError } from '../errors.ts';
import { newId } from '../ids.ts';
import { requireNetwork } from '../middleware/auth.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';

type NetworkTenant = TenantContext & { networkId: string };

const orgParam = z.object({
  networkId: z.string().max(100),
  organizationId: z.string().max(100),
});

const assessmentIn = named(capacityAssessmentSchema, 'CapacityAssessmentInput');
const assessmentOut = z
  .object(capacityAssessmentSchema.shape)
  .extend({
    id: z.string(),
    organizationId: z.string(),
    createdAt: z.string(),
    createdBy: z.string().describe('the id (as in /me) of who recorded it'),
  })
  .openapi('CapacityAssessment');
const assessmentPage = z.object({ items: z.array(assessmentOut), cursor: z.string().optional() });

const inventoryIn = assetInventorySchema
  .safeExtend({
    version: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('the version read; absent or 0 for the first save (a stale one → 409)'),
  })
  .openapi('AssetInventoryInput');
const inventoryContent = z.object(assetInventorySchema.shape).omit({ version: true }).strict();
const inventoryOut = z
  .object({
    version: z.number().int().min(1),
    content: inventoryContent,
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('AssetInventory');

const isAdmin = (t: TenantContext) => t.roles.includes('network-admin');
/** As for the organization itself: its admin, and its own people; anyone else gets 404. */
const canRead = (t: TenantContext, organizationId: string) =>
  isAdmin(t) || t.organizationId === organizationId;
const canWrite = (t: TenantContext, organizationId: string) =>
  isAdmin(t) || (t.roles.includes('coordinator') && t.organizationId === organizationId);

/**
 * What an organization needs and offers (DOMAIN.md "Organizations"; 001 "Mentors:
 * Inventory Your Assets" and Step 2 "Conduct Capacity Assessments"): dated capacity
 * assessments and the asset inventory. A network admin or the organization's coordinator
 * writes them; its people read them.
 */
export function capacityRoutes(deps: ApiDeps) {
  const repos = (t: NetworkTenant) => deps.store(t);

  /** The organization if the caller may read it (404 otherwise), and may write (403). */
  async function load(tenant: NetworkTenant, organizationId: string, write: boolean) {
    if (!canRead(tenant, organizationId)) throw new NotFoundError('organization');
    const org = await repos(tenant).organizations.get(organizationId);
    if (!org) throw new NotFoundError('organization');
    if (write && !canWrite(tenant, organizationId)) {
      throw new ForbiddenError(
        'only a network admin or the organization’s coordinator can do this',
      );
    }
    return org;
  }

  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/networks/{networkId}/organizations/{organizationId}/capacity-assessments',
        tags: ['Organizations'],
        summary: 'Record a dated capacity assessment: priority areas and learning objectives',
        security: bearer,
        request: { params: orgParam, body: jsonBody(assessmentIn) },
        responses: {
          201: jsonResponse(assessmentOut, 'The recorded assessment'),
          ...problems(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { networkId, organizationId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const assessment = c.req.valid('json');
        const org = await load(tenant, organizationId, true);
        const record: CapacityAssessmentRecord = {
          id: newId(),
          ...assessment,
          organizationId: org.id,
          createdAt: deps.clock.now().toISOString(),
          createdBy: tenant.userId,
        };
        await repos(tenant).capacity.addAssessment(record);
        return c.json(record, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/networks/{networkId}/organizations/{organizationId}/capacity-assessments',
        tags: ['Organizations'],
        summary: 'Capacity assessments of an organization, newest date first',
        security: bearer,
        request: { params: orgParam, query: pageQuerySchema },
        responses: {
          200: jsonResponse(assessmentPage, 'A page of assessments'),
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        const { networkId, organizationId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { limit, cursor } = c.req.valid('query');
        const org = await load(tenant, organizationId, false);
        const page = await repos(tenant).capacity.listAssessments(org.id, limit, cursor);
        return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/networks/{networkId}/organizations/{organizationId}/asset-inventory',
        tags: ['Organizations'],
        summary: 'The asset inventory: areas of expertise, internal experts, packaged resources',
        security: bearer,
        request: { params: orgParam },
        responses: {
          200: jsonResponse(inventoryOut, 'The inventory as last saved, with its version'),
          ...problems(401, 404),
        },
      }),
      async (c) => {
        const { networkId, organizationId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const org = await load(tenant, organizationId, false);
        const doc = await repos(tenant).capacity.getInventory(org.id);
        if (!doc) throw new NotFoundError('asset inventory');
        return c.json(doc, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/networks/{networkId}/organizations/{organizationId}/asset-inventory',
        tags: ['Organizations'],
        summary: 'Save the asset inventory; `version` must be the one read (else 409)',
        security: bearer,
        request: { params: orgParam, body: jsonBody(inventoryIn) },
        responses: {
          200: jsonResponse(inventoryOut, 'The inventory as stored, with its new version'),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { networkId, organizationId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { version = 0, ...content } = c.req.valid('json');
        const org = await load(tenant, organizationId, true);
        const doc: VersionedDocument<typeof content> = {
          version: version + 1,
          content,
          updatedAt: deps.clock.now().toISOString(),
          updatedBy: tenant.userId,
        };
        try {
          await repos(tenant).capacity.putInventory(org.id, version, doc);
        } catch (error) {
          if (error instanceof ConflictError) {
            throw new ConflictProblem(error.message, 'version', { cause: error });
          }
          throw error;
        }
        return c.json(doc, 200);
      },
    );
}
