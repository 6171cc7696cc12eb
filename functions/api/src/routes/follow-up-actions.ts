import { createRoute, z } from '@hono/zod-openapi';
import {
  type FollowUpAction,
  followUpActionSchema,
  followUpStatusChangeSchema,
  followUpStatuses,
  isOverdue,
} from '@sisi/domain';
import { ConflictProblem, ForbiddenError, NotFoundError } from '../errors.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import {
  canManage,
  canSee,
  involvedOrganizations,
  visibleMentorship,
} from '../services/mentorship-access.ts';
import { mentorshipPeople, organizationNames, todayOf } from '../services/monitoring.ts';
import { mentorshipParam, networkParam } from './mentorship-params.ts';

const actionParam = mentorshipParam.extend({ actionId: z.string().max(100) });

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
});
const mineQuery = listQuery.extend({
  owner: z
    .literal('me')
    .optional()
    .openapi({ description: 'Whose actions: `me`, the caller (the default, and the only one)' }),
  status: z.enum(followUpStatuses).optional(),
});

const actionOut = followUpActionSchema
  .extend({
    overdue: z.boolean().openapi({ description: 'Still open and its due date is before today' }),
  })
  .openapi('FollowUpAction');
const actionPage = z
  .object({ items: z.array(actionOut), cursor: z.string().optional() })
  .openapi('FollowUpActions');
const myActionOut = actionOut
  .extend({
    organizations: z.array(
      z.object({ id: z.string(), name: z.string(), role: z.enum(['mentor', 'mentee']) }),
    ),
  })
  .openapi('MyFollowUpAction');
const myActionPage = z
  .object({ items: z.array(myActionOut), cursor: z.string().optional() })
  .openapi('MyFollowUpActions');
const personOut = z
  .object({
    id: z.string(),
    name: z.string(),
    organizationId: z.string(),
    role: z.enum(['coordinator', 'participant']),
  })
  .openapi('MentorshipPerson');
const statusIn = named(followUpStatusChangeSchema, 'FollowUpStatusChange');

const withOverdue = (a: FollowUpAction, today: string) => ({ ...a, overdue: isOverdue(a, today) });

const listActions = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/follow-up-actions',
  tags: ['Monitoring'],
  summary: 'The follow-up actions of a mentorship, by due date',
  description:
    'Everyone who sees the mentorship reads them. `overdue`: still `open` and due before today (on the runtime’s clock, UTC).',
  security: bearer,
  request: { params: mentorshipParam, query: listQuery },
  responses: {
    200: jsonResponse(actionPage, 'A page of follow-up actions'),
    ...problems(400, 401, 404),
  },
});
const listActionsHandler: Handler<typeof listActions> = async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const m = await visibleMentorship(c);
  const page = await network(c).store.summaryReports.listActions(m.id, limit, cursor);
  const today = todayOf(c.var.deps.clock);
  return c.json(
    {
      items: page.items.map((a) => withOverdue(a, today)),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    200,
  );
};

const listMyActions = createRoute({
  method: 'get',
  path: '/networks/{networkId}/follow-up-actions',
  tags: ['Monitoring'],
  summary: "The caller's own follow-up actions, across the mentorships they see",
  description:
    'A Query on the owner index: by status (`dropped`, `done`, `open` in key order, or only `status` when given), then due date, soonest first. Each action carries its mentorship’s organizations. Actions of a mentorship the caller no longer sees are left out.',
  security: bearer,
  request: { params: networkParam, query: mineQuery },
  responses: {
    200: jsonResponse(myActionPage, 'A page of the caller’s follow-up actions'),
    ...problems(400, 401, 404),
  },
});
const listMyActionsHandler: Handler<typeof listMyActions> = async (c) => {
  const { tenant, store } = network(c);
  const { limit, cursor, status } = c.req.valid('query');
  const page = await store.summaryReports.listByOwner(tenant.userId, {
    limit,
    cursor,
    ...(status ? { status } : {}),
  });
  const ms = await store.mentorships.getMany([...new Set(page.items.map((a) => a.mentorshipId))]);
  const visible = new Map(ms.filter((m) => canSee(tenant, m)).map((m) => [m.id, m]));
  const names = await organizationNames(
    store,
    [...visible.values()].flatMap(involvedOrganizations),
  );
  const today = todayOf(c.var.deps.clock);
  const items = page.items.flatMap((a) => {
    const m = visible.get(a.mentorshipId);
    if (!m) return [];
    return [
      {
        ...withOverdue(a, today),
        organizations: involvedOrganizations(m).map((id, i) => ({
          id,
          name: names.get(id) ?? '',
          role: i === 0 ? ('mentor' as const) : ('mentee' as const),
        })),
      },
    ];
  });
  return c.json({ items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

const changeStatus = createRoute({
  method: 'patch',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/follow-up-actions/{actionId}',
  tags: ['Monitoring'],
  summary: 'Change where a follow-up action stands (open, done, dropped)',
  description:
    'By its owner, a coordinator of the mentorship’s organizations or a network admin (others who see the mentorship: 403). `version` is the one read; a stale one is a 409 naming `version` and nothing changes.',
  security: bearer,
  request: { params: actionParam, body: jsonBody(statusIn) },
  responses: {
    200: jsonResponse(actionOut, 'The action with its new status and version'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const changeStatusHandler: Handler<typeof changeStatus> = async (c) => {
  const { tenant, store } = network(c);
  const { clock } = c.var.deps;
  const { actionId } = c.req.valid('param');
  const { status, version } = c.req.valid('json');
  const m = await visibleMentorship(c);
  const action = await store.summaryReports.getAction(m.id, actionId);
  if (!action) throw new NotFoundError('follow-up action');
  if (action.ownerId !== tenant.userId && !canManage(tenant, m)) {
    throw new ForbiddenError('forbidden_follow_up_action');
  }
  if (action.version !== version) {
    throw new ConflictProblem('conflict_follow_up_action_changed', 'version');
  }
  const next: FollowUpAction = {
    ...action,
    status,
    version: action.version + 1,
    updatedAt: clock.now().toISOString(),
    updatedBy: tenant.userId,
    updatedByName: tenant.name,
  };
  await store.summaryReports.updateAction(next, version);
  return c.json(withOverdue(next, todayOf(clock)), 200);
};

const listPeople = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/people',
  tags: ['Monitoring'],
  summary: 'The people of a mentorship: who can own its follow-up actions',
  description:
    'The coordinators of its organizations and its participants, by name. Everyone who sees the mentorship may know who is in it.',
  security: bearer,
  request: { params: mentorshipParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(personOut) }), 'The people, by name'),
    ...problems(401, 404),
  },
});
const listPeopleHandler: Handler<typeof listPeople> = async (c) => {
  const m = await visibleMentorship(c);
  return c.json({ items: await mentorshipPeople(network(c).store, m) }, 200);
};

/**
 * Follow-up actions agreed in summary reports: each has what, who (its owner), by when and a
 * status (`open`, `done`, `dropped`). They show on the mentorship and on their owner's own
 * list; an open one past its due date is overdue.
 */
export const followUpActionRoutes = () =>
  router()
    .openapi(listActions, listActionsHandler)
    .openapi(listMyActions, listMyActionsHandler)
    .openapi(changeStatus, changeStatusHandler)
    .openapi(listPeople, listPeopleHandler);
