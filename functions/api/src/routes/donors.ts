import { createRoute, z } from '@hono/zod-openapi';
import type { UserRecord } from '@sisi/data';
import {
  createDonorSchema,
  DEFAULT_DONOR_THRESHOLD,
  DEFAULT_LANGUAGE,
  type Donor,
  donorSchema,
  donorSummary,
  donorSummarySchema,
  donorTrends,
  donorTrendsQuerySchema,
  donorTrendsSchema,
  type NetworkRollup,
  pageQuerySchema,
  type TenantContext,
} from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { requireRole } from '../middleware/auth.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import type { Handler } from '../route-kit.ts';
import { audit, auditOp } from '../services/audit.ts';
import { prepareInvitation } from '../services/invitations.ts';

const donorOut = named(donorSchema, 'Donor');
const donorPage = z.object({ items: z.array(donorOut), cursor: z.string().optional() });
const summaryOut = named(donorSummarySchema, 'DonorSummary');
const trendsOut = named(donorTrendsSchema, 'DonorTrends');

const publicDonor = (u: UserRecord): Donor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  networkIds: u.donorNetworkIds ?? [],
  status: u.status,
  createdAt: u.createdAt,
});

const SUPPRESSION = `Every cell is \`{"value": n}\` or \`{"withheld": true}\`. A cell counting 1 to threshold − 1 things (organizations, mentorships, reports, answers…) is withheld, and so are further cells (complementary suppression) so that no withheld cell can be worked out from the visible cells and totals; zeros are shown. A network's cells are suppressed on its own data alone; a total over several networks is shown only when every network's part is. Only closed quarters count (the last one is \`through\`). No names of people, no free text; \`organizationNames\` lists only organizations that agreed to be named to donors. Each group has a \`total\` (for \`interactionHours\` the hours, with \`count\` the reports behind them) and \`tables\` of breakdowns. The quarter of each thing: an organization's onboarding, a mentorship's start date (its plan's technical areas too), a quarterly report's review date (on time when submitted by the review date + 14 days, late after; missing when still absent 28 days after the review date, decided when read), an event's date.`;

/** Cells counting fewer things than this are withheld. */
const thresholdOf = (deps: ApiDeps) => deps.donorThreshold ?? DEFAULT_DONOR_THRESHOLD;

/** The networks the caller may see: a donor's own, or every one for the operator. */
async function visibleNetworks(deps: ApiDeps, tenant: TenantContext): Promise<string[]> {
  if (tenant.roles.includes('operator')) {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.platform.listNetworks(100, cursor);
      ids.push(...page.items.map((n) => n.id));
      cursor = page.cursor;
    } while (cursor);
    return ids;
  }
  if (!tenant.roles.includes('donor')) throw new ForbiddenError();
  const user = await deps.platform.getUser(tenant.userId);
  return user?.status === 'active' ? (user.donorNetworkIds ?? []) : [];
}

/**
 * A summary read goes in the trail of every network it showed, so each network's admins see
 * which donor read their figures; the operator's reads (of every network) are the
 * platform's. A network without a table (its provisioning failed) has no trail.
 */
async function recordRead(
  c: Parameters<typeof audit>[0],
  networkIds: string[],
  targets: Record<string, string>,
): Promise<void> {
  if (c.get('tenant').roles.includes('operator')) {
    await audit(c, { kind: 'donor-summary.read', targets, networkId: null });
    return;
  }
  await Promise.all(
    networkIds.map((networkId) =>
      audit(c, { kind: 'donor-summary.read', targets, networkId }).catch((error: unknown) => {
        if ((error as Error).name !== 'ResourceNotFoundException') throw error;
      }),
    ),
  );
}

/** Each network's name and aggregates. */
async function rollupsOf(deps: ApiDeps, networkIds: string[]): Promise<NetworkRollup[]> {
  return Promise.all(
    networkIds.map(async (networkId) => {
      const [network, aggregates] = await Promise.all([
        deps.platform.getNetwork(networkId),
        deps.rollups.getNetwork(networkId),
      ]);
      return { networkId, name: network?.name ?? networkId, ...aggregates };
    }),
  );
}

const inviteDonor = createRoute({
  method: 'post',
  path: '/donors',
  tags: ['Donors'],
  summary: 'Invite a donor and link them to the networks they fund (operator)',
  description:
    'The donor gets an invitation by email, like a network admin, in `language` (default en), which stays the donor’s language. A donor belongs to no network: they read `GET /summary` for the networks named here. An unknown network id is a 400 naming `networkIds.<i>`; an email already in use is a 409 naming `email`.',
  security: bearer,
  request: { body: jsonBody(createDonorSchema) },
  responses: {
    201: jsonResponse(donorOut, 'The invited donor'),
    ...problems(400, 401, 403, 409),
  },
});
const inviteDonorHandler: Handler<typeof inviteDonor> = async (c) => {
  const operator = requireRole(c, 'operator');
  const deps = c.var.deps;
  const input = c.req.valid('json');
  const networks = await Promise.all(input.networkIds.map((id) => deps.platform.getNetwork(id)));
  const unknown = input.networkIds.flatMap((_, i) =>
    networks[i]
      ? []
      : [
          {
            path: `networkIds.${i}`,
            code: 'unknown_reference' as const,
            params: { kind: 'network' },
          },
        ],
  );
  if (unknown.length) throw new ValidationError(unknown);
  const donor: UserRecord = {
    id: newId(),
    email: input.email,
    name: input.name,
    roles: ['donor'],
    donorNetworkIds: input.networkIds,
    status: 'invited',
    language: input.language ?? DEFAULT_LANGUAGE,
    createdAt: deps.clock.now().toISOString(),
  };
  const invitation = prepareInvitation(deps, { user: donor, inviterName: operator.name });
  await deps.platform.transact([
    ...deps.platform.createUserOps(donor),
    ...invitation.ops,
    auditOp(c, { kind: 'invitation.sent', subjectId: donor.id, networkId: null }),
  ]);
  await invitation.send();
  return c.json(publicDonor(donor), 201);
};

const listDonors = createRoute({
  method: 'get',
  path: '/donors',
  tags: ['Donors'],
  summary: 'List donors and their networks (operator)',
  security: bearer,
  request: { query: pageQuerySchema },
  responses: {
    200: jsonResponse(donorPage, 'A page of donors'),
    ...problems(400, 401, 403),
  },
});
const listDonorsHandler: Handler<typeof listDonors> = async (c) => {
  requireRole(c, 'operator');
  const { limit, cursor } = c.req.valid('query');
  const page = await c.var.deps.donors.list(limit, cursor);
  return c.json(
    { items: page.items.map(publicDonor), ...(page.cursor ? { cursor: page.cursor } : {}) },
    200,
  );
};

const getSummary = createRoute({
  method: 'get',
  path: '/summary',
  tags: ['Donors'],
  summary: 'Per network and in total: what the funded networks do (donor, operator)',
  description: `A donor sees the networks linked to them, the operator every network. Groups: organizations (by KP-led, by key population served), mentorships (by stage, type, approach, technical area), quarterly-report compliance (on time, late, missing), interaction hours, events. ${SUPPRESSION}`,
  security: bearer,
  responses: {
    200: jsonResponse(summaryOut, 'The summary, small cells withheld'),
    ...problems(401, 403),
  },
});
const getSummaryHandler: Handler<typeof getSummary> = async (c) => {
  const deps = c.var.deps;
  const networkIds = await visibleNetworks(deps, c.get('tenant'));
  const [rollups] = await Promise.all([
    rollupsOf(deps, networkIds),
    recordRead(c, networkIds, { view: 'summary' }),
  ]);
  const summary = donorSummary(rollups, {
    now: deps.clock.now(),
    threshold: thresholdOf(deps),
  });
  return c.json(summary, 200);
};

const getTrends = createRoute({
  method: 'get',
  path: '/summary/quarters',
  tags: ['Donors'],
  summary: 'The summary quarter by quarter, for trends (donor, operator)',
  description: `The same groups per closed quarter: over all the caller's networks together, or for one of them with \`networkId\` (another network answers 404). ${SUPPRESSION}`,
  security: bearer,
  request: { query: donorTrendsQuerySchema },
  responses: {
    200: jsonResponse(trendsOut, 'One entry per quarter, oldest first'),
    ...problems(400, 401, 403, 404),
  },
});
const getTrendsHandler: Handler<typeof getTrends> = async (c) => {
  const { networkId } = c.req.valid('query');
  const deps = c.var.deps;
  const networkIds = await visibleNetworks(deps, c.get('tenant'));
  if (networkId && !networkIds.includes(networkId)) throw new NotFoundError('network');
  const [rollups] = await Promise.all([
    rollupsOf(deps, networkIds),
    recordRead(c, networkId ? [networkId] : networkIds, { view: 'quarters' }),
  ]);
  const trends = donorTrends(rollups, {
    now: deps.clock.now(),
    threshold: thresholdOf(deps),
    ...(networkId ? { networkId } : {}),
  });
  return c.json(trends, 200);
};

/**
 * Donors (DESIGN.md "Tenancy"): the operator invites them; they read cross-network
 * summaries built from the platform table's aggregates only, small cells withheld.
 */
export const donorRoutes = () =>
  router()
    .openapi(inviteDonor, inviteDonorHandler)
    .openapi(listDonors, listDonorsHandler)
    .openapi(getSummary, getSummaryHandler)
    .openapi(getTrends, getTrendsHandler);
