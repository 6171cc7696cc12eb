import { createRoute, z } from '@hono/zod-openapi';
import type { StoredGroupSession } from '@sisi/data';
import {
  createGroupSessionSchema,
  facilitatorFor,
  groupSessionRunnerSchema,
  groupSessionSummarySchema,
  updateGroupSessionSchema,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import {
  ConflictProblem,
  DomainRuleError,
  type FieldError,
  NotFoundError,
  ValidationError,
} from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { conflictAs, depsOf, type Handler } from '../route-kit.ts';
import {
  type GroupScope,
  planOf,
  readableGroup,
  todayOf,
  visibleGroup,
  writableGroup,
} from '../services/coaching-group-access.ts';
import { numberOf, runnerViewOf } from '../services/coaching-group-views.ts';
import { groupParam, sessionParam, TAGS, WHO_SEES } from './coaching-group-common.ts';

const sessionOut = named(
  groupSessionSummarySchema.extend({ groupId: z.string() }),
  'CoachingGroupSession',
);
const runnerOut = named(groupSessionRunnerSchema, 'CoachingGroupSessionRunner');

/** The path's session of the group. */
async function sessionOf({ repo, group }: GroupScope, sessionId: string) {
  const session = await repo.getSession(group.id, sessionId);
  if (!session) throw new NotFoundError('coaching session');
  return session;
}

/** The session runner's state, read from the group as `scope` holds it. */
async function runnerOf(c: Context<AppEnv>, scope: GroupScope, session: StoredGroupSession) {
  const { repo, group, cipher } = scope;
  const [issues, commitments] = await Promise.all([
    repo.listIssues(group.id, session.id),
    repo.listCommitments(group.id),
  ]);
  return runnerViewOf(group, session, issues, commitments, todayOf(depsOf(c)), cipher);
}

const createSession = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-groups/{groupId}/sessions',
  tags: TAGS,
  summary: 'Schedule a session of the group on a date',
  description: `By the group's members and facilitator, and by whoever oversees the group (admins, coordinators). One session a date (another on the same date → 409 naming \`date\`). Sessions are numbered in date order; the answer says who facilitates it. ${WHO_SEES}`,
  security: bearer,
  request: { params: groupParam, body: jsonBody(createGroupSessionSchema) },
  responses: {
    201: jsonResponse(sessionOut, 'The session, its number and facilitator'),
    ...problems(400, 401, 404, 409),
  },
});
const createSessionHandler: Handler<typeof createSession> = async (c) => {
  const { date } = c.req.valid('json');
  const { tenant, group, repo } = await visibleGroup(c);
  const id = newId();
  await repo
    .createSession({
      id,
      groupId: group.id,
      date,
      presentIds: [],
      createdAt: depsOf(c).clock.now().toISOString(),
      createdBy: tenant.userId,
    })
    .catch(conflictAs('date'));
  const after = { ...group, sessions: { ...group.sessions, [id]: { date, held: false } } };
  return c.json({ ...numberOf(after, id), groupId: group.id }, 201);
};

const getSession = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-groups/{groupId}/sessions/{sessionId}',
  tags: TAGS,
  summary: 'The session runner: report-backs first, then the turns',
  description: `For the group's people only (anyone else: 404). \`reportBacks\`: every commitment made in an earlier session and still open — carried forward until reported back — and those reported back in this session; \`issues\`: this session's turns, each through the issue processing method (004). \`needsReview\`: a session after the third waits for the review. ${WHO_SEES}`,
  security: bearer,
  request: { params: sessionParam },
  responses: {
    200: jsonResponse(runnerOut, "The session's state"),
    ...problems(400, 401, 404),
  },
});
const getSessionHandler: Handler<typeof getSession> = async (c) => {
  const scope = await readableGroup(c);
  const session = await sessionOf(scope, c.req.valid('param').sessionId);
  return c.json(await runnerOf(c, scope, session), 200);
};

const updateSession = createRoute({
  method: 'patch',
  path: '/networks/{networkId}/coaching-groups/{groupId}/sessions/{sessionId}',
  tags: TAGS,
  summary: 'Record who is present, or that the session was held',
  description: `By the group's people. \`presentIds\`: members and the session's facilitator (anyone else → 400 naming \`presentIds.<i>\`); they are the learning log's "Members Present". \`held: true\` closes the session: on or after its date only (422), once (409); a held session takes no more turns, commitments or report-backs. ${WHO_SEES}`,
  security: bearer,
  request: { params: sessionParam, body: jsonBody(updateGroupSessionSchema) },
  responses: {
    200: jsonResponse(runnerOut, "The session's state"),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const updateSessionHandler: Handler<typeof updateSession> = async (c) => {
  const { sessionId } = c.req.valid('param');
  const changes = c.req.valid('json');
  const scope = await writableGroup(c);
  const { tenant, group, repo } = scope;
  const session = await sessionOf(scope, sessionId);
  const facilitator = facilitatorFor(numberOf(group, sessionId).number, planOf(group));
  const allowed = new Set([
    ...group.memberIds,
    group.facilitatorId,
    ...('personId' in facilitator ? [facilitator.personId] : []),
  ]);
  const errors = (changes.presentIds ?? []).flatMap((id, i): FieldError[] =>
    allowed.has(id)
      ? []
      : [{ path: `presentIds.${i}`, code: 'unknown_reference', params: { kind: 'person' } }],
  );
  if (errors.length) throw new ValidationError(errors);
  const deps = depsOf(c);
  if (changes.held && session.date > todayOf(deps)) {
    throw new DomainRuleError('rule_session_in_future', 'session-in-future', 'held');
  }
  if (changes.held && session.heldAt) {
    throw new ConflictProblem('conflict_session_held', 'held');
  }
  await repo
    .updateSession(group.id, sessionId, {
      ...(changes.presentIds ? { presentIds: changes.presentIds } : {}),
      ...(changes.held ? { held: { at: deps.clock.now().toISOString(), by: tenant.userId } } : {}),
    })
    .catch(conflictAs('held'));
  const [fresh, nextSession] = await Promise.all([
    repo.get(group.id),
    repo.getSession(group.id, sessionId),
  ]);
  if (!fresh) throw new NotFoundError('coaching group');
  return c.json(await runnerOf(c, { ...scope, group: fresh }, nextSession ?? session), 200);
};

/** The sessions of a group: scheduled on a date, run (the runner's state), held. */
export const coachingGroupSessionRoutes = () =>
  router()
    .openapi(createSession, createSessionHandler)
    .openapi(getSession, getSessionHandler)
    .openapi(updateSession, updateSessionHandler);
