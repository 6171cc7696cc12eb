import { createRoute, z } from '@hono/zod-openapi';
import {
  type Gathering,
  gatheringSchema,
  isGathering,
  missingSafetyItems,
  pageQuerySchema,
  safetyChecklist,
} from '@sisi/domain';
import { DomainRuleError } from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { managedMentorship, visibleMentorship } from '../services/mentorship-access.ts';
import { mentorshipParam } from './mentorship-params.ts';

const gatheringIn = named(gatheringSchema, 'GatheringInput');
const gatheringOut = gatheringSchema
  .extend({
    id: z.string(),
    createdAt: z.string(),
    createdBy: z.string().describe('the id (as in /me) of who scheduled it'),
  })
  .openapi('Gathering');
const gatheringPage = z.object({ items: z.array(gatheringOut), cursor: z.string().optional() });

type GatheringRecord = z.output<typeof gatheringOut>;

const PREFIX = 'GATHERING#';

const scheduleGathering = createRoute({
  method: 'post',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/gatherings',
  tags: ['Mentorships'],
  summary: 'Schedule a mentoring event; a face-to-face gathering needs the safety check done',
  description: `On-site mentoring, a community of practice, a study tour, an exchange visit or an exchange event is refused (422, rule \`safety-check-incomplete\`, one \`errors\` entry \`safety.<item>\` per item not done) until every item of the safety and security checklist is done: ${safetyChecklist.map((i) => `\`${i.id}\``).join(', ')}. An ended mentorship takes no new events (422, rule \`ended\`).`,
  security: bearer,
  request: { params: mentorshipParam, body: jsonBody(gatheringIn) },
  responses: {
    201: jsonResponse(gatheringOut, 'The scheduled event'),
    ...problems(400, 401, 403, 404, 422),
  },
});
const scheduleGatheringHandler: Handler<typeof scheduleGathering> = async (c) => {
  const { tenant, store } = network(c);
  const gathering: Gathering = c.req.valid('json');
  const m = await managedMentorship(c);
  if (m.stage === 'end') {
    throw new DomainRuleError('rule_ended', 'ended');
  }
  if (isGathering(gathering.approach)) {
    const missing = missingSafetyItems(gathering);
    if (missing.length) {
      const problem = new DomainRuleError(
        'rule_safety_check_incomplete',
        'safety-check-incomplete',
      );
      // one entry per item not done, each worded in the reader's language from its code
      problem.extra.errors = missing.map((id) => ({
        path: `safety.${id}`,
        code: 'safety_item_not_done',
      }));
      throw problem;
    }
  }
  const record: GatheringRecord = {
    id: newId(),
    ...gathering,
    createdAt: c.var.deps.clock.now().toISOString(),
    createdBy: tenant.userId,
  };
  await store.mentorships.putChild(
    m.id,
    `${PREFIX}${record.date}#${record.id}`,
    'gathering',
    record,
  );
  return c.json(record, 201);
};

const listGatherings = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/gatherings',
  tags: ['Mentorships'],
  summary: 'Mentoring events of a mentorship, by date (earliest first)',
  security: bearer,
  request: { params: mentorshipParam, query: pageQuerySchema },
  responses: {
    200: jsonResponse(gatheringPage, 'A page of events'),
    ...problems(400, 401, 404),
  },
});
const listGatheringsHandler: Handler<typeof listGatherings> = async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const m = await visibleMentorship(c);
  const page = await network(c).store.mentorships.listChildren<GatheringRecord>(
    m.id,
    PREFIX,
    limit,
    cursor,
  );
  return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

/**
 * Mentoring events of a mentorship (001 "Safety first"). Key populations are criminalized
 * in many countries, so an event that gathers people face to face is refused until its
 * safety and security checklist is complete.
 */
export const gatheringRoutes = () =>
  router()
    .openapi(scheduleGathering, scheduleGatheringHandler)
    .openapi(listGatherings, listGatheringsHandler);
