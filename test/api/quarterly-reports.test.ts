import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { createMentorship } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import {
  type QuarterlyReport,
  reportBody,
  reportsPath,
  submitReport,
} from '../support/quarterly-reports.ts';

let api: TestApi;
let w: MentorshipWorld;

const items = () => api.countItems([w.networkId, w.otherNetworkId]);
/** A fresh mentorship of the world: 12 months from 2025-01-15, so quarterly periods 1-3. */
const fresh = (durationMonths = 12) =>
  createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: w.mentor.id,
    menteeOrganizationIds: [w.mentee.id],
    durationMonths,
  });
const post = (mentorshipId: string, token: string, body: unknown) =>
  api.call('POST', reportsPath(w.networkId, mentorshipId), { token, body });

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Reports');
});
afterAll(() => api.close());

describe('POST /networks/{networkId}/mentorships/{mentorshipId}/quarterly-reports', () => {
  it("takes the mentor coordinator's report: every Annex 5 field, the total hours, who and when", async () => {
    const m = await fresh();
    const body = reportBody(1);
    const report = await submitReport(api, w.networkId, m.id, w.tokens.mentorCoordinator, body);
    expect(report).toEqual({
      ...body,
      mentorshipId: m.id,
      dueDate: '2025-04-15',
      mentorOrganizationId: w.mentor.id,
      menteeOrganizationIds: [w.mentee.id],
      totalHours: 8.25,
      submittedAt: expect.any(String),
      submittedBy: w.mentor.coordinatorId,
      submittedByName: expect.any(String),
    });
    expect(
      await expectJson(
        await api.call('GET', `${reportsPath(w.networkId, m.id)}/1`, { token: w.tokens.admin }),
        200,
      ),
    ).toEqual(report);
    expect(
      await expectJson(
        await api.call('GET', reportsPath(w.networkId, m.id), { token: w.tokens.admin }),
        200,
      ),
    ).toEqual({ items: [report] });
  });

  it('takes a network admin’s report, and fills the optional fields’ defaults', async () => {
    const m = await fresh();
    const report = await submitReport(api, w.networkId, m.id, w.tokens.admin, {
      period: 3,
      date: '2025-10-20',
      mentorNames: ['Ama Mensah'],
      technicalAreas: ['financial-management'],
      objectives: [{ objective: 'Monthly financial reports' }],
      interactions: [],
    });
    expect(report).toMatchObject({
      period: 3,
      dueDate: '2025-10-15',
      menteeNames: [],
      totalHours: 0,
    });
  });

  it('answers 409 naming period for a second report of the same period; nothing changes', async () => {
    const m = await fresh();
    const first = await submitReport(
      api,
      w.networkId,
      m.id,
      w.tokens.mentorCoordinator,
      reportBody(2),
    );
    const before = await items();
    await expectProblem(
      await post(m.id, w.tokens.admin, { ...reportBody(2), challenges: 'Overwritten?' }),
      409,
      'period',
    );
    expect(await items()).toBe(before);
    expect(
      await expectJson(
        await api.call('GET', `${reportsPath(w.networkId, m.id)}/2`, { token: w.tokens.admin }),
        200,
      ),
    ).toEqual(first);
  });

  it('lets one of two racing submissions of a period win; the other gets 409', async () => {
    const m = await fresh();
    const answers = await Promise.all([
      post(m.id, w.tokens.mentorCoordinator, reportBody(1)),
      post(m.id, w.tokens.admin, reportBody(1)),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  const invalid: [string, (body: Record<string, unknown>) => unknown, string][] = [
    ['a period past the schedule', (b) => ({ ...b, period: 4 }), 'period'],
    ['period 0', (b) => ({ ...b, period: 0 }), 'period'],
    ['a period that is not a number', (b) => ({ ...b, period: 'first' }), 'period'],
    ['no period', ({ period: _p, ...b }) => b, 'period'],
    ['no date', ({ date: _d, ...b }) => b, 'date'],
    ['a date that is not a day', (b) => ({ ...b, date: '2025-02-30' }), 'date'],
    ['no mentor name', (b) => ({ ...b, mentorNames: [] }), 'mentorNames'],
    ['no technical area', (b) => ({ ...b, technicalAreas: [] }), 'technicalAreas'],
    [
      'an area not on the form',
      (b) => ({ ...b, technicalAreas: ['program-management'] }),
      'technicalAreas.0',
    ],
    ['"other" without its text', ({ otherTechnicalArea: _o, ...b }) => b, 'otherTechnicalArea'],
    ['no objective', (b) => ({ ...b, objectives: [] }), 'objectives'],
    [
      'an objective without its text',
      (b) => ({ ...b, objectives: [{ progress: 'x' }] }),
      'objectives.0.objective',
    ],
    ['no interaction log', ({ interactions: _i, ...b }) => b, 'interactions'],
    [
      'hours that are not quarter hours',
      (b) => ({ ...b, interactions: [{ date: '2025-01-02', hours: 1.1, activity: 'Call' }] }),
      'interactions.0.hours',
    ],
    [
      'negative hours',
      (b) => ({ ...b, interactions: [{ date: '2025-01-02', hours: -1, activity: 'Call' }] }),
      'interactions.0.hours',
    ],
    [
      'an interaction without its activity',
      (b) => ({ ...b, interactions: [{ date: '2025-01-02', hours: 1 }] }),
      'interactions.0.activity',
    ],
    [
      'an interaction after the report',
      (b) => ({
        ...b,
        date: '2025-01-10',
        interactions: [{ date: '2025-01-20', hours: 1, activity: 'Visit' }],
      }),
      'interactions.0.date',
    ],
    ['a phone number that is not one', (b) => ({ ...b, phoneNumber: 'call me' }), 'phoneNumber'],
    ['an unknown field', (b) => ({ ...b, rating: 5 }), 'rating'],
  ];
  for (const [what, change, field] of invalid) {
    it(`answers 400 naming ${field} for ${what}; nothing written`, async () => {
      const before = await items();
      await expectProblem(
        await post(w.mentorship.id, w.tokens.mentorCoordinator, change(reportBody(1))),
        400,
        field,
      );
      expect(await items()).toBe(before);
    });
  }

  it('answers 400 naming period when the mentorship has no quarterly review at all', async () => {
    const m = await fresh(3);
    const before = await items();
    const problem = await expectProblem(
      await post(m.id, w.tokens.admin, reportBody(1)),
      400,
      'period',
    );
    expect(problem.detail).toMatch(/no quarterly review/);
    expect(await items()).toBe(before);
  });

  const forbidden = ['menteeCoordinator', 'participant'] as const;
  for (const caller of forbidden) {
    it(`answers 403 to the ${caller}, who sees the mentorship but does not file its reports`, async () => {
      const before = await items();
      await expectProblem(await post(w.mentorship.id, w.tokens[caller], reportBody(1)), 403);
      expect(await items()).toBe(before);
    });
  }

  const strangers = ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const;
  for (const caller of strangers) {
    it(`answers 404 to the ${caller}, who does not see the mentorship`, async () => {
      const before = await items();
      await expectProblem(await post(w.mentorship.id, w.tokens[caller], reportBody(1)), 404);
      expect(await items()).toBe(before);
    });
  }

  it('answers 404 for a mentorship that does not exist, and under another network', async () => {
    await expectProblem(await post('nosuchmentorship', w.tokens.admin, reportBody(1)), 404);
    await expectProblem(
      await api.call('POST', reportsPath(w.otherNetworkId, w.mentorship.id), {
        token: w.tokens.admin,
        body: reportBody(1),
      }),
      404,
    );
  });
});

describe('GET …/quarterly-reports and …/quarterly-reports/{period}', () => {
  it('are read by everyone who sees the mentorship, by period', async () => {
    const m = await fresh();
    const third = await submitReport(api, w.networkId, m.id, w.tokens.admin, reportBody(3));
    const first = await submitReport(
      api,
      w.networkId,
      m.id,
      w.tokens.mentorCoordinator,
      reportBody(1),
    );
    // participants see the mentorship through its participant list; this one is w.mentorship's
    for (const caller of ['admin', 'mentorCoordinator', 'menteeCoordinator'] as const) {
      const page = await expectJson<{ items: QuarterlyReport[] }>(
        await api.call('GET', reportsPath(w.networkId, m.id), { token: w.tokens[caller] }),
        200,
      );
      expect(page.items.map((r) => r.period)).toEqual([1, 3]);
      expect(page.items).toEqual([first, third]);
    }
  });

  it('pages with a cursor', async () => {
    const m = await fresh();
    for (const period of [1, 2, 3]) {
      await submitReport(api, w.networkId, m.id, w.tokens.admin, reportBody(period));
    }
    const one = await expectJson<{ items: QuarterlyReport[]; cursor?: string }>(
      await api.call('GET', `${reportsPath(w.networkId, m.id)}?limit=2`, { token: w.tokens.admin }),
      200,
    );
    expect(one.items.map((r) => r.period)).toEqual([1, 2]);
    const two = await expectJson<{ items: QuarterlyReport[]; cursor?: string }>(
      await api.call(
        'GET',
        `${reportsPath(w.networkId, m.id)}?limit=2&cursor=${encodeURIComponent(one.cursor!)}`,
        {
          token: w.tokens.admin,
        },
      ),
      200,
    );
    expect(two.items.map((r) => r.period)).toEqual([3]);
  });

  it('lets a participant read the reports of their mentorship', async () => {
    await expectJson(
      await api.call('GET', reportsPath(w.networkId, w.mentorship.id), {
        token: w.tokens.participant,
      }),
      200,
    );
  });

  it('answers null for a period of the schedule with no report, 404 past the schedule, 400 naming period for one that is not a number', async () => {
    const m = await fresh();
    const periods = m.schedule.quarterlyReviews.length;
    for (const token of [w.tokens.admin, w.tokens.mentorCoordinator, w.tokens.menteeCoordinator]) {
      expect(
        await expectJson<null>(
          await api.call('GET', `${reportsPath(w.networkId, m.id)}/2`, { token }),
          200,
        ),
      ).toBeNull();
    }
    const missing = await expectProblem(
      await api.call('GET', `${reportsPath(w.networkId, m.id)}/${periods + 1}`, {
        token: w.tokens.admin,
      }),
      404,
    );
    expect(missing.detail).toBe('quarterly report not found');
    await expectProblem(
      await api.call('GET', `${reportsPath(w.networkId, m.id)}/second`, { token: w.tokens.admin }),
      400,
      'period',
    );
  });

  for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
    it(`answer 404 to the ${caller}`, async () => {
      const m = w.mentorship;
      await expectProblem(
        await api.call('GET', reportsPath(w.networkId, m.id), { token: w.tokens[caller] }),
        404,
      );
      await expectProblem(
        await api.call('GET', `${reportsPath(w.networkId, m.id)}/1`, { token: w.tokens[caller] }),
        404,
      );
    });
  }
});
