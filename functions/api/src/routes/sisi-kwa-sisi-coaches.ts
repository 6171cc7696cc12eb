import { createRoute, z } from '@hono/zod-openapi';
import type { CoachRecord } from '@sisi/data';
import {
  coachSchema,
  coachSuggestionsInputSchema,
  coachWillingnessSchema,
  createCoachSchema,
  DEFAULT_MAX_PEERS,
  MATCH_WEIGHTS,
  pageQuerySchema,
  rankCoaches,
  thematicAreaSchema,
  updateCoachSchema,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { depsOf, type Handler, network } from '../route-kit.ts';
import { mayLink, personIn, runsOrganization } from '../services/coaching-access.ts';
import { sendNotices } from '../services/notices.ts';
import { confirmationPaths } from '../services/tasks.ts';

const networkParam = z.object({ networkId: z.string().max(100) });
const coachParam = networkParam.extend({ personId: z.string().max(100) });

const coachOut = named(coachSchema, 'Coach');
const coachPage = z.object({ items: z.array(coachOut), cursor: z.string().optional() });
const coachListQuery = pageQuerySchema.extend({
  area: thematicAreaSchema.optional().describe('only coaches competent in this area'),
});

const reasonOut = z.object({
  kind: z.enum(['area', 'evidence', 'tci-model', 'same-city', 'same-organization', 'load']),
  points: z.number().int(),
  text: z.string(),
  area: thematicAreaSchema.optional(),
  priority: z.enum(['high', 'medium', 'low']).optional(),
  city: z.string().optional(),
  activeCoachings: z.number().int().optional(),
});
const suggestionsOut = z
  .object({
    suggestions: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        organizationId: z.string(),
        score: z.number().int(),
        reasons: z.array(reasonOut),
        coveredAreas: z.array(thematicAreaSchema),
        freePlaces: z.number().int(),
      }),
    ),
    excluded: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        reason: z.enum(['is-the-peer', 'not-willing', 'no-free-place', 'no-needed-area']),
      }),
    ),
    weights: z.record(z.string(), z.unknown()).describe('the points each reason is worth'),
  })
  .openapi('CoachSuggestions');

const now = (c: Context<AppEnv>) => depsOf(c).clock.now().toISOString();

const listCoaches = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaches',
  tags: ['Coaching'],
  summary: 'The pool of Sisi Kwa Sisi coaches, by name',
  description:
    'Everyone in the network reads the pool: competency areas with their evidence, whether the coach has confirmed they are willing, and how many peers they coach. Filtered by `area`, a page may hold fewer than `limit` items while `cursor` is still given.',
  security: bearer,
  request: { params: networkParam, query: coachListQuery },
  responses: {
    200: jsonResponse(coachPage, 'A page of coaches'),
    ...problems(400, 401, 404),
  },
});
const listCoachesHandler: Handler<typeof listCoaches> = async (c) => {
  const { store } = network(c);
  const { limit, cursor, area } = c.req.valid('query');
  const page = await store.coaching.listCoaches(limit, cursor);
  const items = area ? page.items.filter((x) => x.areas.some((a) => a.area === area)) : page.items;
  return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

const addCoach = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaches',
  tags: ['Coaching'],
  summary: 'Add a person of the network to the pool of coaches (Step 1)',
  description:
    'By a network admin, or the coordinator of the person’s organization. The coach is not `willing` until they confirm it themself (`PUT …/coaches/{personId}/willingness`); until then they are never suggested. The coach is mailed a notice (once, in their language, unless they turned notices off: ADR 0046) linking to the pool’s page. A person already in the pool → 409 naming `personId`.',
  security: bearer,
  request: { params: networkParam, body: jsonBody(named(createCoachSchema, 'CoachInput')) },
  responses: {
    201: jsonResponse(coachOut, 'The coach, not yet confirmed willing'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const addCoachHandler: Handler<typeof addCoach> = async (c) => {
  const { tenant, store } = network(c);
  const input = c.req.valid('json');
  const p = await personIn(store, input.personId, 'personId');
  if (!runsOrganization(tenant, p.organizationId)) {
    throw new ForbiddenError('forbidden_add_coach');
  }
  const at = now(c);
  const coach: CoachRecord = {
    personId: p.id,
    name: p.name,
    organizationId: p.organizationId,
    ...(input.city ? { city: input.city } : {}),
    areas: input.areas,
    coachedOnTciModel: input.coachedOnTciModel,
    willing: false,
    maxPeers: input.maxPeers ?? DEFAULT_MAX_PEERS,
    activeCoachings: 0,
    version: 1,
    createdAt: at,
    createdBy: tenant.userId,
    updatedAt: at,
  };
  await store.coaching.createCoach(coach);
  await sendNotices(depsOf(c), [
    {
      kind: 'coach-willingness',
      networkId: tenant.networkId,
      userId: p.id,
      about: p.id,
      path: confirmationPaths['coach-willingness'](tenant.networkId),
      by: tenant.name,
    },
  ]);
  return c.json(coach, 201);
};

const getCoach = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaches/{personId}',
  tags: ['Coaching'],
  summary: 'One coach of the pool',
  security: bearer,
  request: { params: coachParam },
  responses: { 200: jsonResponse(coachOut, 'The coach'), ...problems(401, 404) },
});
const getCoachHandler: Handler<typeof getCoach> = async (c) => {
  const { personId } = c.req.valid('param');
  const { store } = network(c);
  const coach = await store.coaching.getCoach(personId);
  if (!coach) throw new NotFoundError('coach');
  return c.json(coach, 200);
};

const updateCoach = createRoute({
  method: 'patch',
  path: '/networks/{networkId}/coaches/{personId}',
  tags: ['Coaching'],
  summary: "Change a coach's competency areas, evidence, city or number of places",
  description:
    'By the coach, a network admin or the coordinator of the coach’s organization. `version` is the one read; a stale one → 409 and nothing changed.',
  security: bearer,
  request: {
    params: coachParam,
    body: jsonBody(named(updateCoachSchema, 'CoachUpdate')),
  },
  responses: {
    200: jsonResponse(coachOut, 'The coach with its new version'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const updateCoachHandler: Handler<typeof updateCoach> = async (c) => {
  const { personId } = c.req.valid('param');
  const { tenant, store } = network(c);
  const { version, ...changes } = c.req.valid('json');
  const current = await store.coaching.getCoach(personId);
  if (!current) throw new NotFoundError('coach');
  if (tenant.userId !== personId && !runsOrganization(tenant, current.organizationId)) {
    throw new ForbiddenError('forbidden_coach_profile');
  }
  const next = await store.coaching.updateCoach(personId, version, changes, now(c));
  if (!next) throw new NotFoundError('coach');
  return c.json(next, 200);
};

const setWillingness = createRoute({
  method: 'put',
  path: '/networks/{networkId}/coaches/{personId}/willingness',
  tags: ['Coaching'],
  summary: 'The coach says whether they are able and interested in coaching their peers',
  description:
    'Only the coach themself (anyone else → 403): nobody can volunteer another person. A coach who withdraws keeps the peers they coach but is no longer suggested.',
  security: bearer,
  request: {
    params: coachParam,
    body: jsonBody(named(coachWillingnessSchema, 'CoachWillingness')),
  },
  responses: {
    200: jsonResponse(coachOut, 'The coach'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const setWillingnessHandler: Handler<typeof setWillingness> = async (c) => {
  const { personId } = c.req.valid('param');
  const { tenant, store } = network(c);
  const { willing } = c.req.valid('json');
  const current = await store.coaching.getCoach(personId);
  if (!current) throw new NotFoundError('coach');
  if (tenant.userId !== personId) {
    throw new ForbiddenError('forbidden_coach_willing');
  }
  const at = now(c);
  const next = await store.coaching.updateCoach(
    personId,
    current.version,
    { willing, willingAt: at },
    at,
  );
  if (!next) throw new NotFoundError('coach');
  return c.json(next, 200);
};

const suggestCoaches = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coach-suggestions',
  tags: ['Coaching'],
  summary: 'Coaches suggested for a peer’s needs assessment, ranked by fit, with the reasons',
  description: `Nothing is stored. Each needed area a coach is competent in earns its priority's points (high ${MATCH_WEIGHTS.area.high}, medium ${MATCH_WEIGHTS.area.medium}, low ${MATCH_WEIGHTS.area.low}); evidence of competency in it ${MATCH_WEIGHTS.evidence} more; coached on the TCI model ${MATCH_WEIGHTS.tciModel}; the peer's city ${MATCH_WEIGHTS.sameCity}; the peer's organization ${MATCH_WEIGHTS.sameOrganization}; each peer the coach already coaches ${MATCH_WEIGHTS.perActivePeer}. Ties: fewer peers first, then name, then id. Coaches not willing, without a free place or without a needed area are listed in \`excluded\` with the reason. By a network admin or the coordinator of the peer's organization.`,
  security: bearer,
  request: {
    params: networkParam,
    body: jsonBody(named(coachSuggestionsInputSchema, 'CoachSuggestionsInput')),
  },
  responses: {
    200: jsonResponse(suggestionsOut, 'The ranked coaches'),
    ...problems(400, 401, 403, 404),
  },
});
const suggestCoachesHandler: Handler<typeof suggestCoaches> = async (c) => {
  const { tenant, store } = network(c);
  const { peerId, needsAssessment } = c.req.valid('json');
  const peer = await personIn(store, peerId, 'peerId');
  mayLink(tenant, peer.organizationId);
  const pool = await store.coaching.allCoaches();
  const result = rankCoaches(
    {
      peerId: peer.id,
      peerOrganizationId: peer.organizationId,
      city: needsAssessment.city,
      areas: needsAssessment.areas,
    },
    pool,
  );
  return c.json({ ...result, weights: MATCH_WEIGHTS }, 200);
};

/**
 * The pool of Sisi Kwa Sisi coaches (seed 000): coaches with their competency areas and
 * evidence, each confirming for themself that they are willing, and the coaches suggested
 * for a peer's needs assessment.
 */
export const coachPoolRoutes = () =>
  router()
    .openapi(listCoaches, listCoachesHandler)
    .openapi(addCoach, addCoachHandler)
    .openapi(getCoach, getCoachHandler)
    .openapi(updateCoach, updateCoachHandler)
    .openapi(setWillingness, setWillingnessHandler)
    .openapi(suggestCoaches, suggestCoachesHandler);
