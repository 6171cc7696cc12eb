import { createRoute, z } from '@hono/zod-openapi';
import { ConflictError, type StoredCoachingGroup } from '@sisi/data';
import {
  type CoachingGroup,
  coachingGroupSchema,
  coachingGroupSummarySchema,
  createCoachingGroupSchema,
  createGroupSessionSchema,
  facilitationChoiceProblems,
  facilitatorFor,
  groupReviewInputSchema,
  groupSessionRunnerSchema,
  groupSessionSummarySchema,
  groupSizeGuidance,
  groupSpiritAgreementInputSchema,
  groupSpiritInputSchema,
  pageQuerySchema,
  updateGroupSessionSchema,
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
  coachingGroupRepository,
  groupAccess,
  groupCipher,
  loadGroupForReading,
  loadGroupForWriting,
  loadVisibleGroup,
  type NetworkTenant,
  planOf,
  todayOf,
} from '../services/coaching-group-access.ts';
import {
  groupViewOf,
  numberOf,
  runnerViewOf,
  summaryOf,
} from '../services/coaching-group-views.ts';
import { coachingGroupPrivateRoutes } from './coaching-group-private.ts';
import { coachingGroupTurnRoutes } from './coaching-group-turns.ts';

const groupOut = named(coachingGroupSchema, 'CoachingGroup');
const groupPage = z.object({
  items: z.array(named(coachingGroupSummarySchema, 'CoachingGroupSummary')),
  cursor: z.string().optional(),
});
const sessionOut = named(
  groupSessionSummarySchema.extend({ groupId: z.string() }),
  'CoachingGroupSession',
);
const runnerOut = named(groupSessionRunnerSchema, 'CoachingGroupSessionRunner');
const networkParam = z.object({ networkId: z.string().max(100) });
const groupParam = networkParam.extend({ groupId: z.string().max(100) });
const sessionParam = groupParam.extend({ sessionId: z.string().max(100) });

const TAGS = ['Peer coaching groups'];

/** The rule on who sees what, repeated in each route's description. */
const WHO_SEES =
  "A group's members and its facilitator (the first one until the review after session 3, then the one it named) are its people: they read and write its content. The network's admins, and coordinators of an organization whose people are in the group (or who made it), oversee it: they see its people, session dates and figures, never its content (404 on content they read, 403 on content they write). Anyone else: 404.";

const RULES = {
  reviewTooEarly: 'the review comes after the third session: hold three sessions first',
  sessionInFuture: 'a session is held on or after its date',
  noSpirit: 'the group has not written its spirit yet',
};

/**
 * Peer coaching groups (003, 004): groups, their spirit, the review after the third session
 * and their sessions. The turns of a session (issues, commitments, report-backs) and what
 * is private to each member (worksheet, learning log) are in the files beside this one.
 */
export function coachingGroupRoutes(deps: ApiDeps) {
  const view = async (tenant: NetworkTenant, g: StoredCoachingGroup) => {
    const access = groupAccess(tenant, g);
    if (!access) throw new NotFoundError('coaching group');
    return groupViewOf(
      g,
      access,
      todayOf(deps),
      deps.store(tenant).people,
      groupCipher(deps, tenant, g.id),
    );
  };
  const reread = async (tenant: NetworkTenant, groupId: string) => {
    const g = await coachingGroupRepository(deps, tenant).get(groupId);
    if (!g) throw new NotFoundError('coaching group');
    return g;
  };
  /** A POST's answer keeps no confidential text: it may be kept for an Idempotency-Key replay. */
  const withoutText = (g: CoachingGroup): CoachingGroup => {
    if (!g.spirit) return g;
    const { text: _secret, ...spirit } = g.spirit;
    return { ...g, spirit };
  };
  const conflictOn = (field: string) => (error: unknown) => {
    if (error instanceof ConflictError) {
      throw new ConflictProblem(error.message, error.field ?? field, { cause: error });
    }
    throw error;
  };

  const groups = router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/networks/{networkId}/coaching-groups',
        tags: TAGS,
        summary: 'Create a peer coaching group',
        description: `By a network admin or a coordinator. \`memberIds\` and \`facilitatorId\` are people of the network (ids as in \`/me\`); an unknown one is a 400 naming it (\`memberIds.<i>\`, \`facilitatorId\`). 2 to 20 members, each once. The facilitator of the first three sessions may be a member or someone from outside the group (003: "Groups will start with a facilitator who will be with the Group for the first three sessions"; 004's exercise picks one of the group). Size: 003 says "${groupSizeGuidance.recommended.text}"; 004 "${groupSizeGuidance.others.map((o) => o.text).join('" and "')}". A group outside 4-7 is created, and \`sizeAdvice.within\` is false: the warning to show. ${WHO_SEES}`,
        security: bearer,
        request: { params: networkParam, body: jsonBody(createCoachingGroupSchema) },
        responses: {
          201: jsonResponse(groupOut, 'The new group, with its size advice'),
          ...problems(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const tenant = requireNetwork(c, c.req.valid('param').networkId);
        const isCoordinator = tenant.roles.includes('coordinator');
        if (!tenant.roles.includes('network-admin') && !isCoordinator) {
          throw new ForbiddenError('network admins and coordinators create coaching groups');
        }
        const input = c.req.valid('json');
        const people = deps.store(tenant).people;
        const [members, facilitator] = await Promise.all([
          Promise.all(input.memberIds.map((id) => people.get(id))),
          people.get(input.facilitatorId),
        ]);
        const errors = input.memberIds.flatMap((_, i) =>
          members[i]
            ? []
            : [{ path: `memberIds.${i}`, message: 'is not a person of this network' }],
        );
        if (!facilitator) {
          errors.push({ path: 'facilitatorId', message: 'is not a person of this network' });
        }
        if (errors.length) throw new ValidationError(errors);
        const organizationIds = new Set(
          [...members, facilitator].flatMap((p) => (p ? [p.organizationId] : [])),
        );
        if (isCoordinator && tenant.organizationId) organizationIds.add(tenant.organizationId);
        const group: StoredCoachingGroup = {
          id: newId(),
          name: input.name,
          memberIds: input.memberIds,
          facilitatorId: input.facilitatorId,
          organizationIds: [...organizationIds],
          createdAt: deps.clock.now().toISOString(),
          createdBy: tenant.userId,
          agreements: {},
          sessions: {},
          openCommitments: {},
          commitmentsMade: 0,
        };
        await coachingGroupRepository(deps, tenant).create(group);
        return c.json(await view(tenant, group), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/networks/{networkId}/coaching-groups',
        tags: TAGS,
        summary: 'The coaching groups the caller sees, with where each stands',
        description: `Newest first. Members and facilitators: the groups they are in. Coordinators: the groups with people of their organization. Admins: every group of the network. Each with its figures (\`status\`): sessions held and planned, the last and next session, commitments made, open and overdue, the spirit agreed by n of m members, the review after session 3 (\`not-yet\`, \`due\`, \`done\`) — never any content. A page may hold fewer than \`limit\` items when a group is no longer the caller's (a first facilitator replaced at the review).`,
        security: bearer,
        request: { params: networkParam, query: pageQuerySchema },
        responses: {
          200: jsonResponse(groupPage, 'A page of groups'),
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        const tenant = requireNetwork(c, c.req.valid('param').networkId);
        const { limit, cursor } = c.req.valid('query');
        const repo = coachingGroupRepository(deps, tenant);
        const page = tenant.roles.includes('network-admin')
          ? await repo.list(limit, cursor)
          : tenant.roles.includes('coordinator') && tenant.organizationId
            ? await repo.listFor('organization', tenant.organizationId, limit, cursor)
            : await repo.listFor('person', tenant.userId, limit, cursor);
        const today = todayOf(deps);
        const items = page.items.flatMap((g) => {
          const access = groupAccess(tenant, g);
          return access ? [summaryOf(g, access, today)] : [];
        });
        return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/networks/{networkId}/coaching-groups/{groupId}',
        tags: TAGS,
        summary: 'A coaching group: its people, spirit, sessions, facilitation and figures',
        description: `Sessions are numbered in date order, each with its facilitator (\`initial\` for 1-3, then the review's \`named\` facilitator or \`rotation\`, \`pending-review\` until the review). The spirit's \`text\` is only for the group's people. ${WHO_SEES}`,
        security: bearer,
        request: { params: groupParam },
        responses: {
          200: jsonResponse(groupOut, 'The group'),
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        const { networkId, groupId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { group } = await loadVisibleGroup(deps, tenant, groupId);
        return c.json(await view(tenant, group), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/networks/{networkId}/coaching-groups/{groupId}/spirit',
        tags: TAGS,
        summary: 'Write the group\'s "Spirit in which we will work"',
        description: `By the group's members and facilitator (003: "The facilitator will help to develop the “Spirit in which we will work” for the group"). \`version\` is the spirit's version read (0 when there is none yet); a stale one is a 409 naming \`version\`. A new text is a new version: every member is asked to agree again. The text is encrypted. ${WHO_SEES}`,
        security: bearer,
        request: { params: groupParam, body: jsonBody(groupSpiritInputSchema) },
        responses: {
          200: jsonResponse(groupOut, 'The group with its new spirit'),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { networkId, groupId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { text, version } = c.req.valid('json');
        const { repo } = await loadGroupForWriting(deps, tenant, groupId);
        const next = version + 1;
        const encrypted = await groupCipher(deps, tenant, groupId).encrypt(text, 'spirit', next);
        await repo
          .setSpirit(
            groupId,
            {
              version: next,
              text: encrypted,
              updatedAt: deps.clock.now().toISOString(),
              updatedBy: tenant.userId,
            },
            version,
          )
          .catch(conflictOn('version'));
        return c.json(await view(tenant, await reread(tenant, groupId)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/networks/{networkId}/coaching-groups/{groupId}/spirit/agreements',
        tags: TAGS,
        summary: 'Agree to the group’s spirit (the caller, a member)',
        description: `Each member agrees for themselves to the spirit at \`version\` (003: "Ensure that you are happy with the agreement about the “Spirit in which we will work as a Peer Coaching Group” so that trust will flourish"). Only members (403 for anyone else who sees the group); no spirit yet → 422; a \`version\` that is not the current one → 409. Agreeing again is harmless. The answer leaves out the spirit's text (a POST's answer may be kept for an \`Idempotency-Key\` replay).`,
        security: bearer,
        request: { params: groupParam, body: jsonBody(groupSpiritAgreementInputSchema) },
        responses: {
          200: jsonResponse(groupOut, 'The group, with who agreed'),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const { networkId, groupId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { version } = c.req.valid('json');
        const { group, access, repo } = await loadVisibleGroup(deps, tenant, groupId);
        if (access !== 'member') throw new ForbiddenError('each member agrees for themselves');
        if (!group.spirit) throw new DomainRuleError(RULES.noSpirit, 'no-spirit', 'version');
        await repo
          .agree(groupId, tenant.userId, version, deps.clock.now().toISOString())
          .catch(conflictOn('version'));
        return c.json(withoutText(await view(tenant, await reread(tenant, groupId))), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/networks/{networkId}/coaching-groups/{groupId}/review',
        tags: TAGS,
        summary: 'Record the review after the third session: who facilitates from now on',
        description: `003: "The facilitator will lead a review after the third session for the group to decide who they would like in the role of facilitator and their options going forward." By the group's members and facilitator, once three sessions were held (before: 422). \`{mode: "named", facilitatorId}\`: one person for every later session — a member, or the first facilitator staying on; \`{mode: "rotation", order}\`: members in turn from session 4, starting again at the end of the list. Someone else → 400 naming them. Once only (a second review → 409). A first facilitator from outside the group who is not chosen leaves the group's people: their answer shows the group's figures only (\`access: "overview"\`), and the group is 404 to them afterwards. The answer leaves out the spirit's text.`,
        security: bearer,
        request: { params: groupParam, body: jsonBody(groupReviewInputSchema) },
        responses: {
          200: jsonResponse(groupOut, 'The group with its review'),
          ...problems(400, 401, 403, 404, 409, 422),
        },
      }),
      async (c) => {
        const { networkId, groupId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const choice = c.req.valid('json');
        const { group, repo } = await loadGroupForWriting(deps, tenant, groupId);
        const problemsFound = facilitationChoiceProblems(choice, planOf(group));
        if (problemsFound.length) throw new ValidationError(problemsFound);
        if (group.review) throw new ConflictProblem('the review was already recorded', 'mode');
        const held = Object.values(group.sessions).filter((s) => s.held).length;
        if (held < 3) throw new DomainRuleError(RULES.reviewTooEarly, 'review-too-early', 'mode');
        await repo
          .setReview(groupId, {
            ...choice,
            at: deps.clock.now().toISOString(),
            by: tenant.userId,
          })
          .catch(conflictOn('mode'));
        // a first facilitator from outside whom the group did not choose has led their last
        // act: they are answered with the figures only, and no longer see the group after
        const fresh = await reread(tenant, groupId);
        return c.json(
          withoutText(
            await groupViewOf(
              fresh,
              groupAccess(tenant, fresh) ?? 'overview',
              todayOf(deps),
              deps.store(tenant).people,
              groupCipher(deps, tenant, groupId),
            ),
          ),
          200,
        );
      },
    )
    .openapi(
      createRoute({
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
      }),
      async (c) => {
        const { networkId, groupId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { date } = c.req.valid('json');
        const { group, repo } = await loadVisibleGroup(deps, tenant, groupId);
        const id = newId();
        await repo
          .createSession({
            id,
            groupId,
            date,
            presentIds: [],
            createdAt: deps.clock.now().toISOString(),
            createdBy: tenant.userId,
          })
          .catch(conflictOn('date'));
        const after = { ...group, sessions: { ...group.sessions, [id]: { date, held: false } } };
        return c.json({ ...numberOf(after, id), groupId }, 201);
      },
    )
    .openapi(
      createRoute({
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
      }),
      async (c) => {
        const { networkId, groupId, sessionId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { group, repo } = await loadGroupForReading(deps, tenant, groupId);
        const session = await repo.getSession(groupId, sessionId);
        if (!session) throw new NotFoundError('coaching session');
        const [issues, commitments] = await Promise.all([
          repo.listIssues(groupId, sessionId),
          repo.listCommitments(groupId),
        ]);
        return c.json(
          await runnerViewOf(
            group,
            session,
            issues,
            commitments,
            todayOf(deps),
            groupCipher(deps, tenant, groupId),
          ),
          200,
        );
      },
    )
    .openapi(
      createRoute({
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
      }),
      async (c) => {
        const { networkId, groupId, sessionId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const changes = c.req.valid('json');
        const { group, repo } = await loadGroupForWriting(deps, tenant, groupId);
        const session = await repo.getSession(groupId, sessionId);
        if (!session) throw new NotFoundError('coaching session');
        const facilitator = facilitatorFor(numberOf(group, sessionId).number, planOf(group));
        const allowed = new Set([
          ...group.memberIds,
          group.facilitatorId,
          ...('personId' in facilitator ? [facilitator.personId] : []),
        ]);
        const errors = (changes.presentIds ?? []).flatMap((id, i) =>
          allowed.has(id)
            ? []
            : [{ path: `presentIds.${i}`, message: "is not one of the group's people" }],
        );
        if (errors.length) throw new ValidationError(errors);
        if (changes.held && session.date > todayOf(deps)) {
          throw new DomainRuleError(RULES.sessionInFuture, 'session-in-future', 'held');
        }
        if (changes.held && session.heldAt) {
          throw new ConflictProblem('the session was already marked held', 'held');
        }
        await repo
          .updateSession(groupId, sessionId, {
            ...(changes.presentIds ? { presentIds: changes.presentIds } : {}),
            ...(changes.held
              ? { held: { at: deps.clock.now().toISOString(), by: tenant.userId } }
              : {}),
          })
          .catch(conflictOn('held'));
        const [fresh, nextSession, issues, commitments] = await Promise.all([
          reread(tenant, groupId),
          repo.getSession(groupId, sessionId),
          repo.listIssues(groupId, sessionId),
          repo.listCommitments(groupId),
        ]);
        return c.json(
          await runnerViewOf(
            fresh,
            nextSession ?? session,
            issues,
            commitments,
            todayOf(deps),
            groupCipher(deps, tenant, groupId),
          ),
          200,
        );
      },
    );

  return groups
    .route('/', coachingGroupTurnRoutes(deps))
    .route('/', coachingGroupPrivateRoutes(deps));
}
