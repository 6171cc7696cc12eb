import { createRoute, z } from '@hono/zod-openapi';
import type { StoredCoachingGroup } from '@sisi/data';
import {
  type CoachingGroup,
  coachingGroupSchema,
  coachingGroupSummarySchema,
  createCoachingGroupSchema,
  facilitationChoiceProblems,
  type GroupAccess,
  groupReviewInputSchema,
  groupSizeGuidance,
  groupSpiritAgreementInputSchema,
  groupSpiritInputSchema,
  pageQuerySchema,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import {
  ConflictProblem,
  DomainRuleError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { depsOf, type Handler, network } from '../route-kit.ts';
import {
  type GroupScope,
  groupAccess,
  groupCipher,
  planOf,
  todayOf,
  visibleGroup,
  writableGroup,
} from '../services/coaching-group-access.ts';
import { groupViewOf, summaryOf } from '../services/coaching-group-views.ts';
import { sendNotices } from '../services/notices.ts';
import { confirmationPaths } from '../services/tasks.ts';
import { groupParam, networkParam, TAGS, WHO_SEES } from './coaching-group-common.ts';
import { coachingGroupPrivateRoutes } from './coaching-group-private.ts';
import { coachingGroupSessionRoutes } from './coaching-group-sessions.ts';
import { coachingGroupTurnRoutes } from './coaching-group-turns.ts';

const groupOut = named(coachingGroupSchema, 'CoachingGroup');
const groupPage = z.object({
  items: z.array(named(coachingGroupSummarySchema, 'CoachingGroupSummary')),
  cursor: z.string().optional(),
});

/** The group as the caller sees it with `access`; nothing (404) without. */
async function groupView(
  c: Context<AppEnv>,
  g: StoredCoachingGroup,
  access: GroupAccess | undefined,
): Promise<CoachingGroup> {
  if (!access) throw new NotFoundError('coaching group');
  const { tenant, store } = network(c);
  const deps = depsOf(c);
  const cipher = groupCipher(deps.cipher, tenant, g.id);
  return groupViewOf(g, access, todayOf(deps), store.people, cipher);
}

/** The group as stored after a write. */
async function reread({ repo, group }: GroupScope): Promise<StoredCoachingGroup> {
  const g = await repo.get(group.id);
  if (!g) throw new NotFoundError('coaching group');
  return g;
}

/** A POST's answer keeps no confidential text: it may be kept for an Idempotency-Key replay. */
function withoutText(g: CoachingGroup): CoachingGroup {
  if (!g.spirit) return g;
  const { text: _secret, ...spirit } = g.spirit;
  return { ...g, spirit };
}

const createGroup = createRoute({
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
});
const createGroupHandler: Handler<typeof createGroup> = async (c) => {
  const { tenant, store } = network(c);
  const isCoordinator = tenant.roles.includes('coordinator');
  if (!tenant.roles.includes('network-admin') && !isCoordinator) {
    throw new ForbiddenError('forbidden_create_groups');
  }
  const input = c.req.valid('json');
  const people = store.people;
  const [members, facilitator] = await Promise.all([
    Promise.all(input.memberIds.map((id) => people.get(id))),
    people.get(input.facilitatorId),
  ]);
  const errors = input.memberIds.flatMap((_, i) =>
    members[i]
      ? []
      : [
          {
            path: `memberIds.${i}`,
            code: 'unknown_reference' as const,
            params: { kind: 'person' },
          },
        ],
  );
  if (!facilitator) {
    errors.push({
      path: 'facilitatorId',
      code: 'unknown_reference' as const,
      params: { kind: 'person' },
    });
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
    createdAt: depsOf(c).clock.now().toISOString(),
    createdBy: tenant.userId,
    agreements: {},
    sessions: {},
    openCommitments: {},
    commitmentsMade: 0,
  };
  await store.coachingGroups.create(group);
  return c.json(await groupView(c, group, groupAccess(tenant, group)), 201);
};

const listGroups = createRoute({
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
});
const listGroupsHandler: Handler<typeof listGroups> = async (c) => {
  const { tenant, store } = network(c);
  const { limit, cursor } = c.req.valid('query');
  const repo = store.coachingGroups;
  const page = tenant.roles.includes('network-admin')
    ? await repo.list(limit, cursor)
    : tenant.roles.includes('coordinator') && tenant.organizationId
      ? await repo.listFor('organization', tenant.organizationId, limit, cursor)
      : await repo.listFor('person', tenant.userId, limit, cursor);
  const today = todayOf(depsOf(c));
  const items = page.items.flatMap((g) => {
    const access = groupAccess(tenant, g);
    return access ? [summaryOf(g, access, today)] : [];
  });
  return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

const getGroup = createRoute({
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
});
const getGroupHandler: Handler<typeof getGroup> = async (c) => {
  const { group, access } = await visibleGroup(c);
  return c.json(await groupView(c, group, access), 200);
};

const writeSpirit = createRoute({
  method: 'put',
  path: '/networks/{networkId}/coaching-groups/{groupId}/spirit',
  tags: TAGS,
  summary: 'Write the group\'s "Spirit in which we will work"',
  description: `By the group's members and facilitator (003: "The facilitator will help to develop the “Spirit in which we will work” for the group"). \`version\` is the spirit's version read (0 when there is none yet); a stale one is a 409 naming \`version\`. A new text is a new version: every member is asked to agree again, and each member but the writer is mailed a notice of it (once per version, in their language, unless they turned notices off: ADR 0046). The text is encrypted. ${WHO_SEES}`,
  security: bearer,
  request: { params: groupParam, body: jsonBody(groupSpiritInputSchema) },
  responses: {
    200: jsonResponse(groupOut, 'The group with its new spirit'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const writeSpiritHandler: Handler<typeof writeSpirit> = async (c) => {
  const { text, version } = c.req.valid('json');
  const scope = await writableGroup(c);
  const { tenant, group, repo, cipher } = scope;
  const next = version + 1;
  const encrypted = await cipher.encrypt(text, 'spirit', next);
  // a stale version is the storage's conflict on `version`
  await repo.setSpirit(
    group.id,
    {
      version: next,
      text: encrypted,
      updatedAt: depsOf(c).clock.now().toISOString(),
      updatedBy: tenant.userId,
    },
    version,
  );
  const fresh = await reread(scope);
  await sendNotices(
    depsOf(c),
    fresh.memberIds
      .filter((id) => id !== tenant.userId)
      .map((userId) => ({
        kind: 'group-spirit' as const,
        networkId: tenant.networkId,
        userId,
        about: `${group.id}#${next}`,
        path: confirmationPaths['group-spirit'](tenant.networkId, group.id),
        name: fresh.name,
      })),
  );
  return c.json(await groupView(c, fresh, groupAccess(tenant, fresh)), 200);
};

const agreeToSpirit = createRoute({
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
});
const agreeToSpiritHandler: Handler<typeof agreeToSpirit> = async (c) => {
  const { version } = c.req.valid('json');
  const scope = await visibleGroup(c);
  const { tenant, group, access, repo } = scope;
  if (access !== 'member') throw new ForbiddenError('forbidden_member_agrees');
  if (!group.spirit) throw new DomainRuleError('rule_no_spirit', 'no-spirit', 'version');
  // another version than the current one is the storage's conflict on `version`
  await repo.agree(group.id, tenant.userId, version, depsOf(c).clock.now().toISOString());
  const fresh = await reread(scope);
  return c.json(withoutText(await groupView(c, fresh, groupAccess(tenant, fresh))), 200);
};

const recordReview = createRoute({
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
});
const recordReviewHandler: Handler<typeof recordReview> = async (c) => {
  const choice = c.req.valid('json');
  const scope = await writableGroup(c);
  const { tenant, group, repo } = scope;
  const problemsFound = facilitationChoiceProblems(choice, planOf(group));
  if (problemsFound.length) throw new ValidationError(problemsFound);
  if (group.review) throw new ConflictProblem('conflict_review_recorded', 'mode');
  const held = Object.values(group.sessions).filter((s) => s.held).length;
  if (held < 3) throw new DomainRuleError('rule_review_too_early', 'review-too-early', 'mode');
  // one recorded meanwhile is the storage's conflict on `mode`
  await repo.setReview(group.id, {
    ...choice,
    at: depsOf(c).clock.now().toISOString(),
    by: tenant.userId,
  });
  // a first facilitator from outside whom the group did not choose has led their last
  // act: they are answered with the figures only, and no longer see the group after
  const fresh = await reread(scope);
  return c.json(
    withoutText(await groupView(c, fresh, groupAccess(tenant, fresh) ?? 'overview')),
    200,
  );
};

/**
 * Peer coaching groups (003, 004): groups, their spirit, the review after the third session
 * and their sessions. The turns of a session (issues, commitments, report-backs) and what
 * is private to each member (worksheet, learning log) are in the files beside this one.
 */
export const coachingGroupRoutes = () =>
  router()
    .openapi(createGroup, createGroupHandler)
    .openapi(listGroups, listGroupsHandler)
    .openapi(getGroup, getGroupHandler)
    .openapi(writeSpirit, writeSpiritHandler)
    .openapi(agreeToSpirit, agreeToSpiritHandler)
    .openapi(recordReview, recordReviewHandler)
    .route('/', coachingGroupSessionRoutes())
    .route('/', coachingGroupTurnRoutes())
    .route('/', coachingGroupPrivateRoutes());
