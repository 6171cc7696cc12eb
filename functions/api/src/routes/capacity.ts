import { createRoute, z } from '@hono/zod-openapi';
import type { CapacityAssessmentRecord, VersionedDocument } from '@sisi/data';
import { assetInventorySchema, capacityAssessmentSchema, pageQuerySchema } from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ForbiddenError } from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { canActForOrganization, readableOrganization } from '../services/organization-access.ts';

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

/**
 * The path's organization if the caller may read it (404 otherwise: its admin and its own
 * people), and, to `write`, act for it (403).
 */
async function load(c: Context<AppEnv>, write: boolean) {
  const org = await readableOrganization(c);
  if (write && !canActForOrganization(network(c).tenant, org.id)) {
    throw new ForbiddenError('forbidden_organization_managers');
  }
  return org;
}

const addAssessment = createRoute({
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
});
const addAssessmentHandler: Handler<typeof addAssessment> = async (c) => {
  const { tenant, store } = network(c);
  const assessment = c.req.valid('json');
  const org = await load(c, true);
  const record: CapacityAssessmentRecord = {
    id: newId(),
    ...assessment,
    organizationId: org.id,
    createdAt: c.var.deps.clock.now().toISOString(),
    createdBy: tenant.userId,
  };
  await store.capacity.addAssessment(record);
  return c.json(record, 201);
};

const listAssessments = createRoute({
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
});
const listAssessmentsHandler: Handler<typeof listAssessments> = async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const org = await load(c, false);
  const page = await network(c).store.capacity.listAssessments(org.id, limit, cursor);
  return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

const getInventory = createRoute({
  method: 'get',
  path: '/networks/{networkId}/organizations/{organizationId}/asset-inventory',
  tags: ['Organizations'],
  summary: 'The asset inventory: areas of expertise, internal experts, packaged resources',
  security: bearer,
  request: { params: orgParam },
  responses: {
    200: jsonResponse(
      inventoryOut.nullable(),
      'The inventory as last saved, with its version, or `null` before the first save',
    ),
    ...problems(401, 404),
  },
});
const getInventoryHandler: Handler<typeof getInventory> = async (c) => {
  const org = await load(c, false);
  return c.json((await network(c).store.capacity.getInventory(org.id)) ?? null, 200);
};

const putInventory = createRoute({
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
});
const putInventoryHandler: Handler<typeof putInventory> = async (c) => {
  const { tenant, store } = network(c);
  const { version = 0, ...content } = c.req.valid('json');
  const org = await load(c, true);
  const doc: VersionedDocument<typeof content> = {
    version: version + 1,
    content,
    updatedAt: c.var.deps.clock.now().toISOString(),
    updatedBy: tenant.userId,
  };
  await store.capacity.putInventory(org.id, version, doc);
  return c.json(doc, 200);
};

/**
 * What an organization needs and offers (DOMAIN.md "Organizations"; 001 "Mentors:
 * Inventory Your Assets" and Step 2 "Conduct Capacity Assessments"): dated capacity
 * assessments and the asset inventory. A network admin or the organization's coordinator
 * writes them; its people read them.
 */
export const capacityRoutes = () =>
  router()
    .openapi(addAssessment, addAssessmentHandler)
    .openapi(listAssessments, listAssessmentsHandler)
    .openapi(getInventory, getInventoryHandler)
    .openapi(putInventory, putInventoryHandler);
