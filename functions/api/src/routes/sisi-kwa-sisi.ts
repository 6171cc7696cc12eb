import { createRoute, z } from '@hono/zod-openapi';
import type { CoachingRecord } from '@sisi/data';
import {
  type CoachingPlanContent,
  type CoachingSession,
  closeCoachingSchema,
  coachingPlanContentSchema,
  coachingSchema,
  coachingSessionInputSchema,
  coachingSessionSchema,
  coachingStatusSchema,
  createCoachingSchema,
  pageQuerySchema,
  planSteps,
  type TenantContext,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ConflictProblem, DomainRuleError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { depsOf, type Handler, network } from '../route-kit.ts';
import {
  coachingStatus,
  managesCoaching,
  mayLink,
  pairCoaching,
  pairRole,
  personIn,
  sessionNotesScope,
  visibleCoaching,
} from '../services/coaching-access.ts';
import { todayOf } from '../services/coaching-group-access.ts';
import { coachPoolRoutes } from './sisi-kwa-sisi-coaches.ts';

const networkParam = z.object({ networkId: z.string().max(100) });
const coachingParam = networkParam.extend({ coachingId: z.string().max(100) });

const statusOut = named(coachingStatusSchema, 'CoachingStatus');
const statusPage = z.object({ items: z.array(statusOut), cursor: z.string().optional() });
const coachingOut = named(coachingSchema, 'Coaching');
const coachingListQuery = pageQuerySchema.extend({
  status: z.enum(['active', 'closed']).optional(),
});

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

const now = (c: Context<AppEnv>) => depsOf(c).clock.now().toISOString();

/** A coaching as `tenant` may see it: the pair in full, managers its status only. */
function view(c: Context<AppEnv>, record: CoachingRecord, tenant: TenantContext) {
  const status = coachingStatus(record, todayOf(depsOf(c)), tenant);
  return {
    ...status,
    version: record.version,
    ...(pairRole(tenant, record) ? { needsAssessment: record.needsAssessment } : {}),
  };
}

const createCoaching = createRoute({
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
});
const createCoachingHandler: Handler<typeof createCoaching> = async (c) => {
  const { tenant, store } = network(c);
  const input = c.req.valid('json');
  const peer = await personIn(store, input.peerId, 'peerId');
  mayLink(tenant, peer.organizationId);
  const coach = await store.coaching.getCoach(input.coachId);
  if (!coach) {
    throw new ValidationError([
      { path: 'coachId', code: 'unknown_reference', params: { kind: 'coach' } },
    ]);
  }
  if (!coach.willing) {
    throw new DomainRuleError('rule_coach_not_willing', 'coach-not-willing', 'coachId');
  }
  if (coach.activeCoachings >= coach.maxPeers) {
    throw new DomainRuleError('rule_coach_full', 'coach-full', 'coachId', {
      count: coach.activeCoachings,
    });
  }
  const at = now(c);
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
  await store.coaching.createCoaching(record);
  return c.json(view(c, record, tenant), 201);
};

const listCoachings = createRoute({
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
});
const listCoachingsHandler: Handler<typeof listCoachings> = async (c) => {
  const { tenant, store } = network(c);
  const { limit, cursor, status } = c.req.valid('query');
  const repo = store.coaching;
  const page = tenant.roles.includes('network-admin')
    ? await repo.listCoachings(limit, cursor)
    : tenant.roles.includes('coordinator') && tenant.organizationId
      ? await repo.listCoachingsFor('organization', tenant.organizationId, limit, cursor)
      : await repo.listCoachingsFor('person', tenant.userId, limit, cursor);
  const day = todayOf(depsOf(c));
  const items = page.items
    .filter(
      (x) =>
        (pairRole(tenant, x) || managesCoaching(tenant, x)) && (!status || x.status === status),
    )
    .map((x) => coachingStatus(x, day, tenant));
  return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

const getCoaching = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coachings/{coachingId}',
  tags: ['Coaching'],
  summary: 'One coaching: its status, and for the coach and the peer its needs assessment',
  security: bearer,
  request: { params: coachingParam },
  responses: { 200: jsonResponse(coachingOut, 'The coaching'), ...problems(401, 404) },
});
const getCoachingHandler: Handler<typeof getCoaching> = async (c) => {
  const { tenant, record } = await visibleCoaching(c);
  return c.json(view(c, record, tenant), 200);
};

const closeCoaching = createRoute({
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
});
const closeCoachingHandler: Handler<typeof closeCoaching> = async (c) => {
  const { reason } = c.req.valid('json');
  const { tenant, repo, record } = await visibleCoaching(c);
  if (record.status === 'closed') {
    throw new ConflictProblem('conflict_coaching_closed', 'status');
  }
  const at = now(c);
  await repo.closeCoaching(record, { at, by: tenant.userId, reason });
  const closed: CoachingRecord = {
    ...record,
    status: 'closed',
    version: record.version + 1,
    closedAt: at,
    closedBy: tenant.userId,
    updatedAt: at,
    ...(reason ? { closeReason: reason } : {}),
  };
  return c.json(view(c, closed, tenant), 200);
};

const getPlan = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coachings/{coachingId}/plan',
  tags: ['Coaching'],
  summary: 'The coaching plan: its period and each skill’s Lead → Assist → Observe dates',
  description: 'The coach and the peer only (`null` before its first save); anyone else → 404.',
  security: bearer,
  request: { params: coachingParam },
  responses: {
    200: jsonResponse(planOut.nullable(), 'The plan as last saved, or `null`'),
    ...problems(401, 404),
  },
});
const getPlanHandler: Handler<typeof getPlan> = async (c) => {
  const { repo, record } = await pairCoaching(c);
  return c.json((await repo.getPlan<CoachingPlanContent>(record.id)) ?? null, 200);
};

const writePlan = createRoute({
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
});
const writePlanHandler: Handler<typeof writePlan> = async (c) => {
  const { version = 0, ...content } = c.req.valid('json');
  const { tenant, repo, record } = await pairCoaching(c);
  if (record.status === 'closed') {
    throw new DomainRuleError('rule_coaching_closed', 'coaching-closed');
  }
  const doc = { version: version + 1, content, updatedAt: now(c), updatedBy: tenant.userId };
  await repo.savePlan(record.id, version, doc, {
    steps: planSteps(content.skills),
    periodEnd: content.periodEnd,
  });
  return c.json(doc, 200);
};

const addSession = createRoute({
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
});
const addSessionHandler: Handler<typeof addSession> = async (c) => {
  const input = c.req.valid('json');
  const { tenant, repo, record } = await pairCoaching(c);
  if (record.status === 'closed') {
    throw new DomainRuleError('rule_coaching_closed', 'coaching-closed');
  }
  if (input.skillId) {
    const plan = await repo.getPlan<CoachingPlanContent>(record.id);
    if (!plan?.content.skills.some((s) => s.id === input.skillId)) {
      throw new ValidationError([
        { path: 'skillId', code: 'unknown_reference', params: { kind: 'skill' } },
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
    recordedAt: now(c),
  };
  const encrypted = notes
    ? await depsOf(c).cipher.encrypt(notes, sessionNotesScope(tenant.networkId, record.id, id))
    : undefined;
  await repo.addSession({ ...session, ...(encrypted ? { notes: encrypted } : {}) });
  return c.json({ ...session, hasNotes: !!notes }, 201);
};

const listSessions = createRoute({
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
});
const listSessionsHandler: Handler<typeof listSessions> = async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const { tenant, repo, record } = await pairCoaching(c);
  const page = await repo.listSessions(record.id, limit, cursor);
  const items = await Promise.all(
    page.items.map(async ({ notes, ...s }) => ({
      ...s,
      hasNotes: !!notes,
      ...(notes
        ? {
            notes: await depsOf(c).cipher.decrypt(
              notes,
              sessionNotesScope(tenant.networkId, record.id, s.id),
            ),
          }
        : {}),
    })),
  );
  return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

/**
 * Sisi Kwa Sisi coaching (seed 000): the pool of coaches, suggestions of coaches for a
 * peer's needs assessment, coachings between a coach and a peer with their Lead → Assist →
 * Observe plan and follow-up sessions. The pair reads the content; coordinators and admins
 * see where each coaching stands, never its content. Session notes are encrypted per field.
 */
export const sisiKwaSisiRoutes = () =>
  router()
    .route('/', coachPoolRoutes())
    .openapi(createCoaching, createCoachingHandler)
    .openapi(listCoachings, listCoachingsHandler)
    .openapi(getCoaching, getCoachingHandler)
    .openapi(closeCoaching, closeCoachingHandler)
    .openapi(getPlan, getPlanHandler)
    .openapi(writePlan, writePlanHandler)
    .openapi(addSession, addSessionHandler)
    .openapi(listSessions, listSessionsHandler);
