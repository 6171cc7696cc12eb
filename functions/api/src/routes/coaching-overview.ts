import { createRoute, z } from '@hono/zod-openapi';
import {
  coachingStatusSchema,
  groupStatusSchema,
  pairingModeSchema,
  programFiguresSchema,
} from '@sisi/domain';
import { ForbiddenError } from '../errors.ts';
import { bearer, jsonResponse, named, problems, router } from '../openapi.ts';
import { depsOf, type Handler, network } from '../route-kit.ts';
import { coachingStatus } from '../services/coaching-access.ts';
import { todayOf } from '../services/coaching-group-access.ts';
import { statusOf } from '../services/coaching-group-views.ts';
import { figuresOf } from '../services/coaching-program-views.ts';

/** How many of each (newest first) the overview reads; `truncated` says when there were more. */
export const OVERVIEW_LIMIT = 50;

const overviewOut = named(
  z.object({
    programs: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        organizationId: z.string(),
        organizationName: z.string(),
        pilot: z.boolean(),
        pairingMode: pairingModeSchema,
        figures: programFiguresSchema,
      }),
    ),
    groups: z.array(z.object({ id: z.string(), name: z.string(), status: groupStatusSchema })),
    coachings: z.array(coachingStatusSchema),
    truncated: z.object({ programs: z.boolean(), groups: z.boolean(), coachings: z.boolean() }),
  }),
  'CoachingOverview',
);

const getOverview = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-overview',
  tags: ['Coaching programs'],
  summary: 'Where every coaching program, group and Sisi Kwa Sisi coaching stands',
  description: `For network admins (the whole network) and coordinators (their organization's programs, and the groups and coachings with its people); members: 403. Status figures only: never notes, issues, logs or answers. The ${OVERVIEW_LIMIT} newest of each kind; \`truncated\` says when there are more.`,
  security: bearer,
  request: { params: z.object({ networkId: z.string().max(100) }) },
  responses: {
    200: jsonResponse(overviewOut, 'The overview'),
    ...problems(400, 401, 403, 404),
  },
});
const getOverviewHandler: Handler<typeof getOverview> = async (c) => {
  const { tenant, store } = network(c);
  const admin = tenant.roles.includes('network-admin');
  const org = tenant.roles.includes('coordinator') ? tenant.organizationId : undefined;
  if (!admin && !org) {
    throw new ForbiddenError('forbidden_coaching_overview');
  }
  const today = todayOf(depsOf(c));
  const programs = store.coachingPrograms;
  const groups = store.coachingGroups;
  const coachings = store.coaching;
  const [programPage, groupPage, coachingPage] = await Promise.all([
    admin ? programs.list(OVERVIEW_LIMIT) : programs.listByOrganization(org!, OVERVIEW_LIMIT),
    admin ? groups.list(OVERVIEW_LIMIT) : groups.listFor('organization', org!, OVERVIEW_LIMIT),
    admin
      ? coachings.listCoachings(OVERVIEW_LIMIT)
      : coachings.listCoachingsFor('organization', org!, OVERVIEW_LIMIT),
  ]);
  const organizations = await store.organizations.getMany(
    programPage.items.map((p) => p.organizationId),
  );
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const programRows = await Promise.all(
    programPage.items.map(async (p) => ({
      id: p.id,
      name: p.name,
      organizationId: p.organizationId,
      organizationName: names.get(p.organizationId) ?? '',
      pilot: p.pilot,
      pairingMode: p.pairingMode,
      figures: await figuresOf(programs, p, today),
    })),
  );
  return c.json(
    {
      programs: programRows,
      groups: groupPage.items.map((g) => ({ id: g.id, name: g.name, status: statusOf(g, today) })),
      coachings: coachingPage.items.map((x) => coachingStatus(x, today, tenant)),
      truncated: {
        programs: Boolean(programPage.cursor),
        groups: Boolean(groupPage.cursor),
        coachings: Boolean(coachingPage.cursor),
      },
    },
    200,
  );
};

/**
 * The coordinator's view of all coaching (issue 7, "coordinator views"): where every peer
 * coaching program, peer coaching group and Sisi Kwa Sisi coaching stands — sessions held,
 * commitments open, plans on track. Figures only, never confidential text.
 */
export const coachingOverviewRoutes = () => router().openapi(getOverview, getOverviewHandler);
