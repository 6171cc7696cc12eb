import { createRoute, z } from '@hono/zod-openapi';
import { type CoachingRecord, type CoachRecord, ConflictError } from '@sisi/data';
import {
  type CoachingPlanContent,
  type CoachingSession,
  closeCoachingSchema,
  coachingPlanContentSchema,
  coachingSchema,
  coachingSessionInputSchema,
  coachingSessionSchema,
  coachingStatusSchema,
  coachSchema,
  coachSuggestionsInputSchema,
  coachWillingnessSchema,
  createCoachingSchema,
  createCoachSchema,
  DEFAULT_MAX_PEERS,
  MATCH_WEIGHTS,
  pageQuerySchema,
  planSteps,
  rankCoaches,
  type TenantContext,
  thematicAreaSchema,
  updateCoachSchema,
} from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import {
  ConflictProblem,
  DomainRuleError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../errors.ts';
import { newId } from '../ids.ts';
import { requireNetwork } from '../middleware/auth.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import {
  coachingRepository,
  coachingStatus,
  loadPairCoaching,
  loadVisibleCoaching,
  managesCoaching,
  pairRole,
  sessionNotesScope,
} from '../services/coaching-access.ts';

type NetworkTenant = TenantContext & { networkId: string };

const networkParam = z.object({ networkId: z.string().max(100) });
const coachParam = networkParam.extend({ personId: z.string().max(100) });
const coachingParam = networkParam.extend({ coachingId: z.string().max(100) });

const coachOut = named(coachSchema, 'Coach');
const coachPage = z.object({ items: z.array(coachOut), cursor: z.string().optional() });
const coachListQuery = pageQuerySchema.extend({
  area: thematicAreaSchema.optional().describe('only coaches competent in this area'),
});
const statusOut = named(coachingStatusSchema, 'CoachingStatus');
const statusPage = z.object({ items: z.array(statusOut), cursor: z.string().optional() });
const coachingOut = named(coachingSchema, 'Coaching');
const coachingListQuery = pageQuerySchema.extend({
  status: z.enum(['active', 'closed']).optional(),
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

/** The version the client read: absent or 0 for the first save of the plan. */
const readVersion = z
  .number()
  .int()
  .min(0)
  .optional()
  .describe('the version read; absent or 0 for the first save (a stale one → 409)');
const planBody = coachingPlanContentSchema
  .safeExtend({ version: readVersion })
  .openapi('CoachingPlanInput');
const planOut = z
  .object({
    version: z.number().int().min(1),
    content: z.object(coachingPlanContentSchema.shape),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .openapi('CoachingPlan');
const sessionIn = named(coachingSessionInputSchema, 'CoachingSessionInput');
const sessionOut = coachingSessionSchema
  .extend({
    hasNotes: z.boolean(),
  })
  .openapi('CoachingSession');
const sessionPage = z.object({ items: z.array(sessionOut), cursor: z.string().optional() });

const NOT_A_PERSON = 'is not a person of this network';

/**
 * Sisi Kwa Sisi coaching (seed 000): the pool of coaches, suggestions of coaches for a
 * peer's needs assessment, coachings between a coach and a peer with their Lead → Assist →
 * Observe plan and follow-up sessions. The pair reads the content; coordinators and admins
 * see where each coaching stands, never its content. Session notes are encrypted per field.
 */
export function sisiKwaSisiRoutes(deps: ApiDeps) {
  const coaching = (t: NetworkTenant) => coachingRepository(deps, t);
  const people = (t: NetworkTenant) => deps.store(t).people;
  const now = () => deps.clock.now().toISOString();
  const today = () => now().slice(0, 10);
  const isAdmin = (t: TenantContext) => t.roles.includes('network-admin');
  const coordinatorOf = (t: TenantContext, organizationId: string) =>
    t.roles.includes('coordinator') && t.organizationId === organizationId;

  /** A person of the network named in a body; 400 naming `path` otherwise. */
  async function person(tenant: NetworkTenant, id: string, path: string) {
    const p = await people(tenant).get(id);
    if (!p) throw new ValidationError([{ path, message: NOT_A_PERSON }]);
    return p;
  }

  /** Admins link any peer; a coordinator the peers of their own organization. */
  function mayLink(tenant: TenantContext, peerOrganizationId: string) {
    if (!isAdmin(tenant) && !coordinatorOf(tenant, peerOrganizationId)) {
      throw new ForbiddenError(
        "a network admin, or the coordinator of the peer's organization, links a peer to a coach",
      );
    }
  }

  const asConflict = (error: unknown): never => {
    if (error instanceof ConflictError) {
      throw new ConflictProblem(error.message, error.field, { cause: error });
    }
    throw error;
  };

  return router()
    .openapi(
      createRoute({
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
      }),
      async (c) => {
        const tenant = requireNetwork(c, c.req.valid('param').networkId);
        const { limit, cursor, area } = c.req.valid('query');
        const page = await coaching(tenant).listCoaches(limit, cursor);
        const items = area
          ? page.items.filter((x) => x.areas.some((a) => a.area === area))
          : page.items;
        return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/networks/{networkId}/coaches',
        tags: ['Coaching'],
        summary: 'Add a person of the network to the pool of coaches (Step 1)',
        description:
          'By a network admin, or the coordinator of the person’s organization. The coach is not `willing` until they confirm it themself (`PUT …/coaches/{personId}/willingness`); until then they are never suggested. A person already in the pool → 409 naming `personId`.',
        security: bearer,
        request: { params: networkParam, body: jsonBody(named(createCoachSchema, 'CoachInput')) },
        responses: {
          201: jsonResponse(coachOut, 'The coach, not yet confirmed willing'),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const tenant = requireNetwork(c, c.req.valid('param').networkId);
        const input = c.req.valid('json');
        const p = await person(tenant, input.personId, 'personId');
        if (!isAdmin(tenant) && !coordinatorOf(tenant, p.organizationId)) {
          throw new ForbiddenError(
            'a network admin, or the coordinator of their organization, adds a coach',
          );
        }
        const at = now();
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
        await coaching(tenant).createCoach(coach).catch(asConflict);
        return c.json(coach, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/networks/{networkId}/coaches/{personId}',
        tags: ['Coaching'],
        summary: 'One coach of the pool',
        security: bearer,
        request: { params: coachParam },
        responses: { 200: jsonResponse(coachOut, 'The coach'), ...problems(401, 404) },
      }),
      async (c) => {
        const { networkId, personId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const coach = await coaching(tenant).getCoach(personId);
        if (!coach) throw new NotFoundError('coach');
        return c.json(coach, 200);
      },
    )
    .openapi(
      createRoute({
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
      }),
      async (c) => {
        const { networkId, personId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { version, ...changes } = c.req.valid('json');
        const current = await coaching(tenant).getCoach(personId);
        if (!current) throw new NotFoundError('coach');
        if (
          tenant.userId !== personId &&
          !isAdmin(tenant) &&
          !coordinatorOf(tenant, current.organizationId)
        ) {
          throw new ForbiddenError(
            'the coach, a network admin or the coordinator of their organization changes the profile',
          );
        }
        const next = await coaching(tenant)
          .updateCoach(personId, version, changes, now())
          .catch(asConflict);
        if (!next) throw new NotFoundError('coach');
        return c.json(next, 200);
      },
    )
    .openapi(
      createRoute({
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
      }),
      async (c) => {
        const { networkId, personId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { willing } = c.req.valid('json');
        const current = await coaching(tenant).getCoach(personId);
        if (!current) throw new NotFoundError('coach');
        if (tenant.userId !== personId) {
          throw new ForbiddenError('only the coach says whether they are willing');
        }
        const at = now();
        const next = await coaching(tenant)
          .updateCoach(personId, current.version, { willing, willingAt: at }, at)
          .catch(asConflict);
        if (!next) throw new NotFoundError('coach');
        return c.json(next, 200);
      },
    )
    .openapi(
      createRoute({
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
      }),
      async (c) => {
        const tenant = requireNetwork(c, c.req.valid('param').networkId);
        const { peerId, needsAssessment } = c.req.valid('json');
        const peer = await person(tenant, peerId, 'peerId');
        mayLink(tenant, peer.organizationId);
        const pool = await coaching(tenant).allCoaches();
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
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/networks/{networkId}/coachings',
        tags: ['Coaching'],
        summary: 'Link a coach to a peer on the basis of the peer’s needs assessment (Step 2)',
        description:
          'By a network admin or the coordinator of the peer’s organization. The coach must be in the pool (else 400 naming `coachId`), have confirmed they are willing (422, rule `coach-not-willing`) and have a free place (422, rule `coach-full`); if that changes while the coaching is written → 409 naming `coachId`.',
        security: bearer,
        request: {
          params: networkParam,
          body: jsonBody(named(createCoachingSchema, 'CoachingInput')),
        },
        responses: {
          201: jsonResponse(coachingOut, 'The coaching, as the caller may see it'),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const tenant = requireNetwork(c, c.req.valid('param').networkId);
        const input = c.req.valid('json');
        const peer = await person(tenant, input.peerId, 'peerId');
        mayLink(tenant, peer.organizationId);
        const coach = await coaching(tenant).getCoach(input.coachId);
        if (!coach) {
          throw new ValidationError([{ path: 'coachId', message: 'is not a coach of the pool' }]);
        }
        if (!coach.willing) {
          throw new DomainRuleError(
            'the coach has not confirmed they are able and interested in coaching',
            'coach-not-willing',
            'coachId',
          );
        }
        if (coach.activeCoachings >= coach.maxPeers) {
          throw new DomainRuleError(
            `the coach already coaches ${coach.activeCoachings} peers, all their places`,
            'coach-full',
            'coachId',
          );
        }
        const at = now();
        const record: CoachingRecord = {
          id: newId(),
          networkId: tenant.networkId,
          version: 1,
          coach: { id: coach.personId, name: coach.name, organizationId: coach.organizationId },
          peer: { id: peer.id, name: peer.name, organizationId: peer.organizationId },
          status: 'active',
          needsAssessment: input.needsAssessment,
          createdAt: at,
          createdBy: tenant.userId,
          updatedAt: at,
          sessionsHeld: 0,
          qualitySum: 0,
          planSteps: [],
        };
        await coaching(tenant).createCoaching(record).catch(asConflict);
        return c.json(view(record, tenant), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/networks/{networkId}/coachings',
        tags: ['Coaching'],
        summary: 'Where each coaching the caller may see stands, newest first',
        description:
          'Admins see every coaching of the network, coordinators those of their organization’s people, members their own. Each item is status only: sessions held, last session, average quality, the plan on track or behind and its open steps — never notes or the needs assessment. A filtered page may hold fewer than `limit` items while `cursor` is still given.',
        security: bearer,
        request: { params: networkParam, query: coachingListQuery },
        responses: {
          200: jsonResponse(statusPage, 'A page of coachings'),
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        const tenant = requireNetwork(c, c.req.valid('param').networkId);
        const { limit, cursor, status } = c.req.valid('query');
        const repo = coaching(tenant);
        const page = isAdmin(tenant)
          ? await repo.listCoachings(limit, cursor)
          : tenant.roles.includes('coordinator') && tenant.organizationId
            ? await repo.listCoachingsFor('organization', tenant.organizationId, limit, cursor)
            : await repo.listCoachingsFor('person', tenant.userId, limit, cursor);
        const day = today();
        const items = page.items
          .filter(
            (x) =>
              (pairRole(tenant, x) || managesCoaching(tenant, x)) &&
              (!status || x.status === status),
          )
          .map((x) => coachingStatus(x, day, tenant));
        return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/networks/{networkId}/coachings/{coachingId}',
        tags: ['Coaching'],
        summary: 'One coaching: its status, and for the coach and the peer its needs assessment',
        security: bearer,
        request: { params: coachingParam },
        responses: { 200: jsonResponse(coachingOut, 'The coaching'), ...problems(401, 404) },
      }),
      async (c) => {
        const { networkId, coachingId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const record = await loadVisibleCoaching(deps, tenant, coachingId);
        return c.json(view(record, tenant), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/networks/{networkId}/coachings/{coachingId}/close',
        tags: ['Coaching'],
        summary: 'Close a coaching; the coach’s place is freed',
        description:
          'By the coach, the peer, a network admin or a coordinator of their organizations. A closed coaching takes no plan changes or sessions; closing it again → 409.',
        security: bearer,
        request: {
          params: coachingParam,
          body: jsonBody(named(closeCoachingSchema, 'CloseCoaching')),
        },
        responses: {
          200: jsonResponse(coachingOut, 'The closed coaching'),
          ...problems(400, 401, 404, 409),
        },
      }),
      async (c) => {
        const { networkId, coachingId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { reason } = c.req.valid('json');
        const record = await loadVisibleCoaching(deps, tenant, coachingId);
        if (record.status === 'closed') {
          throw new ConflictProblem('the coaching is already closed', 'status');
        }
        const at = now();
        await coaching(tenant)
          .closeCoaching(record, { at, by: tenant.userId, reason })
          .catch(asConflict);
        const closed: CoachingRecord = {
          ...record,
          status: 'closed',
          version: record.version + 1,
          closedAt: at,
          closedBy: tenant.userId,
          updatedAt: at,
          ...(reason ? { closeReason: reason } : {}),
        };
        return c.json(view(closed, tenant), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/networks/{networkId}/coachings/{coachingId}/plan',
        tags: ['Coaching'],
        summary: 'The coaching plan: its period and each skill’s Lead → Assist → Observe dates',
        description: 'The coach and the peer only; anyone else → 404.',
        security: bearer,
        request: { params: coachingParam },
        responses: { 200: jsonResponse(planOut, 'The plan as last saved'), ...problems(401, 404) },
      }),
      async (c) => {
        const { networkId, coachingId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const record = await loadPairCoaching(deps, tenant, coachingId);
        const plan = await coaching(tenant).getPlan<CoachingPlanContent>(record.id);
        if (!plan) throw new NotFoundError('plan');
        return c.json(plan, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/networks/{networkId}/coachings/{coachingId}/plan',
        tags: ['Coaching'],
        summary: 'Save the coaching plan; `version` must be the one read (else 409)',
        description:
          'The coach or the peer. Per skill the Lead date ≤ the Assist date ≤ the Observe date, each within the period (else 400 naming the date, e.g. `skills.0.assist.date`). Marking a step done is a save too. A closed coaching → 422 (rule `coaching-closed`).',
        security: bearer,
        request: { params: coachingParam, body: jsonBody(planBody) },
        responses: {
          200: jsonResponse(planOut, 'The plan as stored, with its new version'),
          ...problems(400, 401, 404, 409, 422),
        },
      }),
      async (c) => {
        const { networkId, coachingId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { version = 0, ...content } = c.req.valid('json');
        const record = await loadPairCoaching(deps, tenant, coachingId);
        if (record.status === 'closed') {
          throw new DomainRuleError('the coaching is closed', 'coaching-closed');
        }
        const doc = { version: version + 1, content, updatedAt: now(), updatedBy: tenant.userId };
        await coaching(tenant)
          .savePlan(record.id, version, doc, {
            steps: planSteps(content.skills),
            periodEnd: content.periodEnd,
          })
          .catch(asConflict);
        return c.json(doc, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/networks/{networkId}/coachings/{coachingId}/sessions',
        tags: ['Coaching'],
        summary: 'Record a follow-up session: its date, step, quality rating and private notes',
        description:
          'The coach or the peer. `notes` are encrypted before they are stored and only the coach and the peer can read them back (`GET …/sessions`); the answer says `hasNotes` but does not repeat them, so no copy of the text is kept anywhere else (an `Idempotency-Key` replay included). `skillId` must be a skill of the plan (else 400). A closed coaching → 422 (rule `coaching-closed`).',
        security: bearer,
        request: { params: coachingParam, body: jsonBody(sessionIn) },
        responses: {
          201: jsonResponse(sessionOut, 'The session, without its notes'),
          ...problems(400, 401, 404, 422),
        },
      }),
      async (c) => {
        const { networkId, coachingId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const input = c.req.valid('json');
        const record = await loadPairCoaching(deps, tenant, coachingId);
        if (record.status === 'closed') {
          throw new DomainRuleError('the coaching is closed', 'coaching-closed');
        }
        if (input.skillId) {
          const plan = await coaching(tenant).getPlan<CoachingPlanContent>(record.id);
          if (!plan?.content.skills.some((s) => s.id === input.skillId)) {
            throw new ValidationError([
              { path: 'skillId', message: 'is not a skill of the coaching plan' },
            ]);
          }
        }
        const id = newId();
        const { notes, ...rest } = input;
        const session: Omit<CoachingSession, 'notes'> = {
          ...rest,
          id,
          coachingId: record.id,
          recordedBy: tenant.userId,
          recordedByName: tenant.name,
          recordedAt: now(),
        };
        const encrypted = notes
          ? await deps.cipher.encrypt(notes, sessionNotesScope(tenant.networkId, record.id, id))
          : undefined;
        await coaching(tenant)
          .addSession({ ...session, ...(encrypted ? { notes: encrypted } : {}) })
          .catch(asConflict);
        return c.json({ ...session, hasNotes: !!notes }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/networks/{networkId}/coachings/{coachingId}/sessions',
        tags: ['Coaching'],
        summary: 'The follow-up sessions with their notes, oldest first',
        description:
          'The coach and the peer only. Anyone else — another member, a coordinator, an admin, an operator, a donor — is answered 404: they see sessions held and the average quality in the coaching’s status, never the notes.',
        security: bearer,
        request: { params: coachingParam, query: pageQuerySchema },
        responses: {
          200: jsonResponse(sessionPage, 'A page of sessions'),
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        const { networkId, coachingId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { limit, cursor } = c.req.valid('query');
        const record = await loadPairCoaching(deps, tenant, coachingId);
        const page = await coaching(tenant).listSessions(record.id, limit, cursor);
        const items = await Promise.all(
          page.items.map(async ({ notes, ...s }) => ({
            ...s,
            hasNotes: !!notes,
            ...(notes
              ? {
                  notes: await deps.cipher.decrypt(
                    notes,
                    sessionNotesScope(tenant.networkId, record.id, s.id),
                  ),
                }
              : {}),
          })),
        );
        return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
      },
    );

  /** A coaching as `tenant` may see it: the pair in full, managers its status only. */
  function view(record: CoachingRecord, tenant: TenantContext) {
    const status = coachingStatus(record, today(), tenant);
    return {
      ...status,
      version: record.version,
      ...(pairRole(tenant, record) ? { needsAssessment: record.needsAssessment } : {}),
    };
  }
}
