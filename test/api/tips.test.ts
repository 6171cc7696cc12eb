import { addMonths, toolkitIn } from '@sisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  type MentorshipWorld,
  mentorshipAt,
  mentorshipWorld,
} from '../support/mentorship-world.ts';
import { createMentorship, type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { reportBody } from '../support/quarterly-reports.ts';
import { type FollowUpAction, fileSummaryReport, summaryBody } from '../support/summary-reports.ts';

interface Tips {
  symptoms: ({ id: string; challengeIds: string[] } & Record<string, unknown>)[];
  challenges: { id: string; title: string; tips: string[] }[];
}

let api: TestApi;
let w: MentorshipWorld;
let m: Mentorship;
let started: string;
let firstQuarter: string;

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = () => api.local.clock.now().toISOString().slice(0, 10);
const tipsPath = (id: string) => `${mentorshipPath(w.networkId, id)}/tips`;
const tips = async (token = w.tokens.mentorCoordinator, id = m.id) =>
  expectJson<Tips>(await api.call('GET', tipsPath(id), { token }), 200);

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Tips');
  // started two months ago: its first quarterly review is still to come, so it is mailed
  started = addMonths(today(), -2);
  const created = await createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: w.mentor.id,
    menteeOrganizationIds: [w.mentee.id],
    startDate: started,
    durationMonths: 12,
  });
  m = await expectJson<Mentorship>(
    await api.call('PUT', `${mentorshipPath(w.networkId, created.id)}/participants`, {
      token: w.tokens.admin,
      body: { personIds: [w.participantId] },
    }),
    200,
  );
  firstQuarter = m.schedule.quarterlyReviews[0]!;
  await expectJson(
    await api.call('PUT', `${mentorshipPath(w.networkId, m.id)}/plan`, {
      token: w.tokens.admin,
      body: {
        milestones: [{ id: 'm1', description: 'Budget adopted', dueDate: firstQuarter }],
      },
    }),
    200,
  );
  // one meeting, the day after the start, with an action due ten days later
  await fileSummaryReport(
    api,
    w.networkId,
    m.id,
    w.tokens.mentorCoordinator,
    summaryBody({
      organizationIds: [w.mentee.id],
      meetingDate: addDays(started, 1),
      date: addDays(started, 1),
      nextMeetingDate: undefined,
      followUpActions: [
        { what: 'Share the template', ownerId: w.participantId, dueDate: addDays(started, 11) },
      ],
    }),
  );
  // 16 days after the first quarterly review: it is reminded, and no meeting for months
  expect(
    await api.local.clock.advance({ to: `${addDays(firstQuarter, 16)}T09:00:00Z` }),
  ).toBeDefined();
}, 120_000);
afterAll(() => api.close());

describe('GET …/tips', () => {
  it('shows each symptom and the source’s tips that answer it', async () => {
    const { symptoms, challenges } = await tips();
    expect(symptoms.map((s) => s.id)).toEqual([
      'no-recent-event',
      'milestones-overdue',
      'reports-late',
      'follow-ups-overdue',
    ]);
    expect(symptoms[0]).toMatchObject({ lastEventDate: addDays(started, 1) });
    expect(symptoms[0]!.days as number).toBeGreaterThanOrEqual(90);
    expect(symptoms[1]).toMatchObject({
      milestones: [{ id: 'm1', description: 'Budget adopted', dueDate: firstQuarter }],
    });
    expect(symptoms[2]).toMatchObject({
      reviews: [{ period: 1, dueDate: firstQuarter, state: 'reminded' }],
    });
    expect(symptoms[3]).toMatchObject({ count: 1 });
    expect(challenges.map((c) => c.id)).toEqual([
      'mentees-lose-interest',
      'lack-of-progress',
      'mentor-motivation',
      'time-distance',
      'monitoring-evaluation',
    ]);
    const progress = challenges.find((c) => c.id === 'lack-of-progress');
    expect(progress?.tips).toContain('Collaboratively develop clear and achievable milestones.');
  });

  for (const [header, lng] of [
    ['fr', 'fr'],
    ['pt-BR', 'pt'],
    ['es', 'es'],
    ['de', 'en'],
  ] as const) {
    it(`words the tips in ${lng} for \`Accept-Language: ${header}\`, ids unchanged`, async () => {
      const english = await tips();
      const res = await api.call('GET', tipsPath(m.id), {
        token: w.tokens.mentorCoordinator,
        headers: { 'accept-language': header },
      });
      const answer = await expectJson<Tips>(res, 200);
      expect(res.headers.get('content-language')).toBe(lng);
      expect(res.headers.get('vary')).toMatch(/accept-language/i);
      expect(answer.symptoms).toEqual(english.symptoms);
      expect(answer.challenges.map((c) => c.id)).toEqual(english.challenges.map((c) => c.id));
      const source = toolkitIn('toolkit-monitoring', lng).practicalChallenges;
      const expected = answer.challenges.map((c) =>
        JSON.parse(JSON.stringify(source.find((s) => s.id === c.id))),
      );
      expect(answer.challenges).toEqual(expected);
      if (lng !== 'en') {
        answer.challenges.forEach((c, i) => {
          expect(c.title, c.id).not.toBe(english.challenges[i]!.title);
        });
      }
    });
  }

  for (const caller of ['admin', 'menteeCoordinator'] as const) {
    it(`shows them to the ${caller}, who runs the mentorship too`, async () => {
      expect((await tips(w.tokens[caller])).symptoms).toHaveLength(4);
    });
  }

  it('answers 403 to a participant: the tips are for who coordinates it', async () => {
    await expectProblem(
      await api.call('GET', tipsPath(m.id), { token: w.tokens.participant }),
      403,
    );
  });

  for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
    it(`answers 404 to the ${caller}, who does not see it`, async () => {
      await expectProblem(await api.call('GET', tipsPath(m.id), { token: w.tokens[caller] }), 404);
    });
  }

  it('lets each symptom go once its cause is dealt with', async () => {
    const base = mentorshipPath(w.networkId, m.id);
    const now = today();
    // a meeting today
    await fileSummaryReport(
      api,
      w.networkId,
      m.id,
      w.tokens.participant,
      summaryBody({
        organizationIds: [w.mentee.id],
        meetingDate: now,
        date: now,
        nextMeetingDate: undefined,
        reportedBy: 'mentee',
      }),
    );
    expect((await tips()).symptoms.map((s) => s.id)).not.toContain('no-recent-event');
    await expectJson(
      await api.call('POST', `${base}/milestones/m1/reached`, {
        token: w.tokens.participant,
        body: { reachedOn: now },
      }),
      201,
    );
    await expectJson(
      await api.call('POST', `${base}/quarterly-reports`, {
        token: w.tokens.mentorCoordinator,
        body: { ...reportBody(1), date: now },
      }),
      201,
    );
    const actions = await expectJson<{ items: FollowUpAction[] }>(
      await api.call('GET', `${base}/follow-up-actions`, { token: w.tokens.participant }),
      200,
    );
    for (const a of actions.items.filter((x) => x.overdue)) {
      await expectJson(
        await api.call('PATCH', `${base}/follow-up-actions/${a.id}`, {
          token: w.tokens.participant,
          body: { status: 'done', version: a.version },
        }),
        200,
      );
    }
    expect(await tips()).toEqual({ symptoms: [], challenges: [] });
  });

  it('shows nothing for an ended mentorship', async () => {
    const ended = await mentorshipAt(api, w, 'end');
    expect(await tips(w.tokens.admin, ended.id)).toEqual({ symptoms: [], challenges: [] });
  });
});
