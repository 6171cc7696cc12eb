import { createRoute, z } from '@hono/zod-openapi';
import {
  type PracticalChallenge,
  practicalChallenges,
  practicalTipsFor,
  symptomIds,
  toolkitIn,
} from '@sisi/domain';
import { readerLanguage } from '../accept-language.ts';
import { ForbiddenError } from '../errors.ts';
import { bearer, jsonResponse, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { canManage, visibleMentorship } from '../services/mentorship-access.ts';
import { milestonesOf, reviewStatesOf, todayOf } from '../services/monitoring.ts';
import { mentorshipParam } from './mentorship-params.ts';

const challengeIds = practicalChallenges.map((c) => c.id) as [string, ...string[]];

const symptomOut = z
  .object({
    id: z.enum(symptomIds),
    challengeIds: z.array(z.enum(challengeIds)),
    lastEventDate: z.string().optional(),
    days: z.number().int().optional(),
    milestones: z
      .array(z.object({ id: z.string(), description: z.string(), dueDate: z.string() }))
      .optional(),
    reviews: z
      .array(z.object({ period: z.number().int(), dueDate: z.string(), state: z.string() }))
      .optional(),
    count: z.number().int().optional(),
  })
  .openapi('Symptom');
const challengeOut = z
  .object({
    id: z.enum(challengeIds),
    title: z.string(),
    tips: z.array(z.string()),
    case: z
      .object({
        title: z.string(),
        parts: z.array(z.object({ title: z.string(), text: z.string() })),
      })
      .optional(),
  })
  .openapi('PracticalChallenge');
const tipsOut = z
  .object({ symptoms: z.array(symptomOut), challenges: z.array(challengeOut) })
  .openapi('PracticalTips');

const getTips = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/tips',
  tags: ['Monitoring'],
  summary: 'The symptoms a mentorship shows and the practical tips that answer them',
  description:
    'For its coordinators and the network’s admins (others who see it: 403). Symptoms: `no-recent-event` (no summary-report meeting or gathering for 90 days, counted from the start when none was held), `milestones-overdue` (plan milestones past their date and not reached), `reports-late` (quarterly reports reminded or overdue), `follow-ups-overdue` (open follow-up actions past their date). An ended mentorship shows none. The tips are 001’s “Practical Challenges and Tips” word for word, each challenge once, in the language `Accept-Language` asks for (en, fr, es or pt; else English), which `Content-Language` names; ids are the same in every language.',
  security: bearer,
  request: { params: mentorshipParam },
  responses: {
    200: jsonResponse(tipsOut, 'The symptoms and the matching challenges with their tips'),
    ...problems(401, 403, 404),
  },
});
const getTipsHandler: Handler<typeof getTips> = async (c) => {
  const { tenant, store } = network(c);
  const m = await visibleMentorship(c);
  if (!canManage(tenant, m)) {
    throw new ForbiddenError('forbidden_tips');
  }
  const { clock } = c.var.deps;
  const gatherings: { date: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.mentorships.listChildren<{ date: string }>(
      m.id,
      'GATHERING#',
      100,
      cursor,
    );
    gatherings.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  const [reports, milestones, reviews, followUps] = await Promise.all([
    store.summaryReports.listAll(m.id),
    milestonesOf(store, m, todayOf(clock)),
    reviewStatesOf(store, m, clock.now()),
    store.summaryReports.listAllActions(m.id),
  ]);
  const tips = practicalTipsFor({
    today: todayOf(clock),
    startDate: m.startDate,
    ended: !!m.ending || m.stage === 'end',
    eventDates: [...reports.map((r) => r.meetingDate), ...gatherings.map((g) => g.date)],
    milestones,
    reviews,
    followUps,
  });
  const lng = readerLanguage(c);
  const worded = new Map<string, PracticalChallenge>(
    toolkitIn('toolkit-monitoring', lng).practicalChallenges.map((ch) => [ch.id, ch]),
  );
  return c.json(
    {
      symptoms: tips.symptoms.map((s) => ({ ...s, challengeIds: [...s.challengeIds] })),
      challenges: tips.challenges
        .map((english) => worded.get(english.id) ?? english)
        .map((ch) => ({
          id: ch.id,
          title: ch.title,
          tips: [...ch.tips],
          ...(ch.case
            ? { case: { title: ch.case.title, parts: ch.case.parts.map((p) => ({ ...p })) } }
            : {}),
        })),
    },
    200,
  );
};

/**
 * 001 "Practical Challenges and Tips" shown where they help: a mentorship that shows a
 * symptom gets the matching tips, for whoever runs it.
 */
export const tipsRoutes = () => router().openapi(getTips, getTipsHandler);
