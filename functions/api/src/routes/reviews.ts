import { createRoute, z } from '@hono/zod-openapi';
import type { NetworkStore } from '@sisi/data';
import {
  isDue,
  type Mentorship,
  type ReviewKind,
  type ReviewWithState,
  reviewLink,
  reviewStates,
  reviewStateValues,
  type TenantContext,
} from '@sisi/domain';
import type { NetworkTenant } from '../middleware/auth.ts';
import { bearer, jsonResponse, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { canSee, involvedOrganizations, visibleMentorship } from '../services/mentorship-access.ts';
import { reviewStatesOf } from '../services/monitoring.ts';
import { mentorshipParam, networkParam } from './mentorship-params.ts';

const kindSchema = z.enum(['quarterly', 'mid-term', 'end']);
const stateSchema = z.enum(reviewStateValues);

const reviewOut = z
  .object({
    n: z.number().int().openapi({ description: '1-based index among the reviews in date order' }),
    kind: kindSchema,
    period: z.number().int().optional().openapi({ description: 'Quarterly only: its number' }),
    dueDate: z.string(),
    dueAt: z.string().openapi({ description: 'When it is asked for (08:00 UTC on its day)' }),
    remindAt: z.string().optional(),
    escalateAt: z.string().optional(),
    state: stateSchema,
  })
  .openapi('MentorshipReview');
const reviewList = z.object({ items: z.array(reviewOut) }).openapi('MentorshipReviews');

const dueOut = z
  .object({
    mentorshipId: z.string(),
    organizations: z.array(
      z.object({ id: z.string(), name: z.string(), role: z.enum(['mentor', 'mentee']) }),
    ),
    n: z.number().int(),
    kind: kindSchema,
    period: z.number().int().optional(),
    dueDate: z.string(),
    state: z.enum(['requested', 'reminded', 'overdue']),
    link: z.string().openapi({ description: 'The path of the form to fill, in the app' }),
  })
  .openapi('DueReview');
/** How many of the caller's mentorships `/reviews/due` looks at (newest first). */
export const DUE_MENTORSHIP_LIMIT = 500;

const dueList = z
  .object({
    items: z.array(dueOut),
    truncated: z.boolean().openapi({
      description: `True when the caller takes part in more than ${DUE_MENTORSHIP_LIMIT} mentorships: only the newest ${DUE_MENTORSHIP_LIMIT} were looked at`,
    }),
  })
  .openapi('DueReviews');
/** Mentorships whose mail and reports are read at once. */
const PARALLEL = 8;

/**
 * The app's path of the form a review asks for: the quarterly report of its period, the
 * reflection questionnaire (mid-term) or the evaluation form (end), as the review mail links.
 */
export function reviewFormPath(
  networkId: string,
  mentorshipId: string,
  review: { kind: ReviewKind; period?: number },
): string {
  if (review.kind === 'quarterly' && review.period === undefined) {
    return `/networks/${networkId}/mentorships/${mentorshipId}`;
  }
  return reviewLink('', networkId, mentorshipId, review);
}

/** Which of a mentorship's due reviews are the caller's to act on (DOMAIN: who is asked). */
function concerns(tenant: TenantContext, m: Mentorship, review: ReviewWithState): boolean {
  const admin = tenant.roles.includes('network-admin');
  const coordinatorOf = tenant.roles.includes('coordinator') ? tenant.organizationId : undefined;
  if (review.kind === 'quarterly') {
    // the mentor's coordinator writes it; admins hear of it once it is overdue
    return (
      (!!coordinatorOf && coordinatorOf === m.mentorOrganizationId) ||
      (admin && review.state === 'overdue')
    );
  }
  // mid-term and end: everyone in the mentorship is asked
  return (
    (!!coordinatorOf && involvedOrganizations(m).includes(coordinatorOf)) ||
    m.participantIds.includes(tenant.userId)
  );
}

/** Could any review of `m` the caller cares about be due by `now`? (Skips needless reads.) */
function mayHaveDue(tenant: TenantContext, m: Mentorship, now: number): boolean {
  if (m.ending || m.stage === 'end') return false;
  const states = reviewStates(m.reviews, {
    mailsSent: new Set(),
    reportsSubmitted: new Set(),
    now: new Date(now),
  });
  // mail is sent when its time comes: without any, the clock alone gives the latest state
  return states.some((r) => isDue(r.state) && concerns(tenant, m, r));
}

/** Runs `fn` over `items`, `limit` at a time, keeping their order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * The caller's mentorships (an admin: the network's; a coordinator: their organization's
 * and those they take part in; a member: those they take part in), newest first, at most
 * `DUE_MENTORSHIP_LIMIT`: Queries on the mentorship indexes, 100 a page.
 */
async function mentorshipsOf(store: NetworkStore, tenant: NetworkTenant) {
  const repo = store.mentorships;
  const found = new Map<string, Mentorship>();
  let truncated = false;
  const follow = async (load: (cursor?: string) => ReturnType<typeof repo.list>) => {
    let cursor: string | undefined;
    do {
      const page = await load(cursor);
      for (const m of page.items) {
        if (found.has(m.id)) continue;
        if (found.size === DUE_MENTORSHIP_LIMIT) truncated = true;
        else found.set(m.id, m);
      }
      cursor = page.cursor;
    } while (cursor && !truncated);
  };
  if (tenant.roles.includes('network-admin')) {
    await follow((cursor) => repo.list(100, cursor));
  } else {
    const org = tenant.roles.includes('coordinator') ? tenant.organizationId : undefined;
    if (org) await follow((cursor) => repo.listFor('organization', org, 100, cursor));
    await follow((cursor) => repo.listFor('person', tenant.userId, 100, cursor));
  }
  return { mentorships: [...found.values()].filter((m) => canSee(tenant, m)), truncated };
}

const listReviews = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/reviews',
  tags: ['Monitoring'],
  summary: 'The scheduled reviews of a mentorship and where each stands',
  description:
    'For everyone who sees the mentorship. `state`, first rule that holds: `submitted` (a quarterly review whose report is in; the mid-term review once both sides answered the reflection questionnaire; the end review once every organization signed its evaluation form), `past` (already past when the mentorship was recorded: never mailed), `overdue` (quarterly: the escalation went out, or 28 days have passed), `reminded` (the reminder went out, or 14 days have passed), `requested` (the request went out, or its day has come at 08:00 UTC), else `upcoming`. After a mentorship ends, its reviews stay as they were when it ended.',
  security: bearer,
  request: { params: mentorshipParam },
  responses: {
    200: jsonResponse(reviewList, 'The reviews in date order'),
    ...problems(401, 404),
  },
});
const listReviewsHandler: Handler<typeof listReviews> = async (c) => {
  const m = await visibleMentorship(c);
  return c.json({ items: await reviewStatesOf(network(c).store, m, c.var.deps.clock.now()) }, 200);
};

const listDue = createRoute({
  method: 'get',
  path: '/networks/{networkId}/reviews/due',
  tags: ['Monitoring'],
  summary: 'The reviews waiting for the caller (requested, reminded or overdue)',
  description: `A coordinator: the quarterly reports of the mentorships their organization mentors, and the mid-term and end reviews of every mentorship of their organization. A network admin: every mentorship's overdue quarterly reports. A member: the mid-term and end reviews of the mentorships they take part in. Whoever answered a mentorship's reflection questionnaire is no longer asked for its mid-term review. Ended mentorships ask for nothing. Oldest first; \`link\` is the app's path of the form to fill (mid-term: the reflection questionnaire; end: the evaluation form). Looks at the caller's ${DUE_MENTORSHIP_LIMIT} newest mentorships (\`truncated\` says when there are more).`,
  security: bearer,
  request: { params: networkParam },
  responses: {
    200: jsonResponse(dueList, 'The due reviews, oldest first'),
    ...problems(401, 404),
  },
});
/**
 * The reviews waiting for the caller across their mentorships (requested, reminded or
 * overdue, and theirs to act on), each with its mentorship: what `/reviews/due` and
 * `/me/tasks` list.
 */
export async function dueReviewsFor(
  store: NetworkStore,
  tenant: NetworkTenant,
  now: Date,
): Promise<{ due: { m: Mentorship; r: ReviewWithState }[]; truncated: boolean }> {
  const { mentorships, truncated } = await mentorshipsOf(store, tenant);
  const candidates = mentorships.filter((m) => mayHaveDue(tenant, m, now.getTime()));
  const reflection = store.reflection;
  const perMentorship = await mapLimited(candidates, PARALLEL, async (m) => {
    const due = (await reviewStatesOf(store, m, now)).filter(
      (r) => isDue(r.state) && concerns(tenant, m, r),
    );
    // whoever answered the reflection questionnaire is not asked for it again
    const answered =
      due.some((r) => r.kind === 'mid-term') && (await reflection.hasAnswered(m.id, tenant.userId));
    return due.filter((r) => !(answered && r.kind === 'mid-term')).map((r) => ({ m, r }));
  });
  return { due: perMentorship.flat(), truncated };
}

const listDueHandler: Handler<typeof listDue> = async (c) => {
  const { tenant, store } = network(c);
  const { networkId } = c.req.valid('param');
  const { due, truncated } = await dueReviewsFor(store, tenant, c.var.deps.clock.now());
  const orgs = await store.organizations.getMany([
    ...new Set(due.flatMap(({ m }) => involvedOrganizations(m))),
  ]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const items = due
    .map(({ m, r }) => ({
      mentorshipId: m.id,
      organizations: involvedOrganizations(m).map((id, i) => ({
        id,
        name: names.get(id) ?? '',
        role: i === 0 ? ('mentor' as const) : ('mentee' as const),
      })),
      n: r.n,
      kind: r.kind,
      ...(r.period === undefined ? {} : { period: r.period }),
      dueDate: r.dueDate,
      state: r.state as 'requested' | 'reminded' | 'overdue',
      link: reviewFormPath(networkId, m.id, r),
    }))
    .sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) ||
        a.mentorshipId.localeCompare(b.mentorshipId) ||
        a.n - b.n,
    );
  return c.json({ items, truncated }, 200);
};

/**
 * The scheduled reviews of a mentorship and where each stands (requested, reminded,
 * overdue… from the lifecycle's mail records, the quarterly reports and the clock), and
 * the reviews waiting for the caller across their mentorships.
 */
export const reviewRoutes = () =>
  router().openapi(listReviews, listReviewsHandler).openapi(listDue, listDueHandler);
