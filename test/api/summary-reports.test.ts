import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  type MentorshipWorld,
  mentorshipAt,
  mentorshipWorld,
} from '../support/mentorship-world.ts';
import { createMentorship, type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import {
  type FollowUpAction,
  fileSummaryReport,
  type SummaryReport,
  summaryBody,
  summaryReportsPath,
} from '../support/summary-reports.ts';

let api: TestApi;
let w: MentorshipWorld;

const items = () => api.countItems([w.networkId, w.otherNetworkId]);
const path = (m: { id: string }) => summaryReportsPath(w.networkId, m.id);
const post = (m: { id: string }, token: string, body: unknown) =>
  api.call('POST', path(m), { token, body });
/** A sheet about the world's mentee, with one follow-up action per owner given. */
const sheet = (over: Record<string, unknown> = {}, owners: string[] = []) =>
  summaryBody({
    organizationIds: [w.mentee.id],
    followUpActions: owners.map((ownerId, i) => ({
      what: `Action ${i + 1}`,
      ownerId,
      dueDate: `2025-02-1${i}`,
    })),
    ...over,
  });
/** A new mentorship of the world with its participant. */
async function fresh(): Promise<Mentorship> {
  const m = await createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: w.mentor.id,
    menteeOrganizationIds: [w.mentee.id],
  });
  return expectJson<Mentorship>(
    await api.call('PUT', `${mentorshipPath(w.networkId, m.id)}/participants`, {
      token: w.tokens.admin,
      body: { personIds: [w.participantId] },
    }),
    200,
  );
}

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Summary');
});
afterAll(() => api.close());

describe('POST /networks/{networkId}/mentorships/{mentorshipId}/summary-reports', () => {
  it('files every Annex 4 field and turns the follow-up actions into tracked items', async () => {
    const m = await fresh();
    const body = sheet({}, [w.mentee.coordinatorId, w.participantId]);
    const before = await items();
    const report = await fileSummaryReport(
      api,
      w.networkId,
      m.id,
      w.tokens.mentorCoordinator,
      body,
    );
    // the report and its two actions, in one go
    expect(await items()).toBe(before + 3);
    const { followUpActions: _rows, milestonesReached: _ms, ...rest } = body;
    expect(report).toEqual({
      ...rest,
      id: expect.stringMatching(/^2025-02-03-[a-z2-9]{10}$/),
      mentorshipId: m.id,
      milestonesReached: [],
      followUpActions: [
        {
          id: expect.stringMatching(/^2025-02-10-/),
          what: 'Action 1',
          ownerId: w.mentee.coordinatorId,
          ownerName: 'Coordinator',
          dueDate: '2025-02-10',
        },
        {
          id: expect.stringMatching(/^2025-02-11-/),
          what: 'Action 2',
          ownerId: w.participantId,
          ownerName: 'Participating Member',
          dueDate: '2025-02-11',
        },
      ],
      createdAt: expect.any(String),
      createdBy: w.mentor.coordinatorId,
      createdByName: expect.any(String),
    });
    expect(
      await expectJson(
        await api.call('GET', `${path(m)}/${report.id}`, { token: w.tokens.participant }),
        200,
      ),
    ).toEqual(report);
    expect(
      await expectJson(await api.call('GET', path(m), { token: w.tokens.menteeCoordinator }), 200),
    ).toEqual({ items: [report] });

    const actions = await expectJson<{ items: FollowUpAction[] }>(
      await api.call('GET', `${mentorshipPath(w.networkId, m.id)}/follow-up-actions`, {
        token: w.tokens.admin,
      }),
      200,
    );
    expect(actions.items).toEqual(
      report.followUpActions.map((a) => ({
        ...a,
        mentorshipId: m.id,
        summaryReportId: report.id,
        meetingDate: '2025-02-03',
        status: 'open',
        version: 1,
        // due in February 2025: long past
        overdue: true,
        createdAt: report.createdAt,
        createdBy: w.mentor.coordinatorId,
        updatedAt: report.createdAt,
        updatedBy: w.mentor.coordinatorId,
        updatedByName: report.createdByName,
      })),
    );
  });

  const filers = ['admin', 'mentorCoordinator', 'menteeCoordinator', 'participant'] as const;
  for (const caller of filers) {
    it(`is filed by the ${caller}: either party reports (mentor, mentee or both)`, async () => {
      const m = await fresh();
      const report = await fileSummaryReport(
        api,
        w.networkId,
        m.id,
        w.tokens[caller],
        sheet({ reportedBy: caller === 'mentorCoordinator' ? 'mentor' : 'mentee' }),
      );
      expect(report.mentorshipId).toBe(m.id);
    });
  }

  const strangers = ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const;
  for (const caller of strangers) {
    it(`answers 404 to the ${caller}, who does not see the mentorship; nothing written`, async () => {
      const before = await items();
      await expectProblem(await post(w.mentorship, w.tokens[caller], sheet()), 404);
      expect(await items()).toBe(before);
    });
  }

  it('answers 404 on another network’s path, and for a mentorship that does not exist', async () => {
    const before = await items();
    await expectProblem(
      await api.call('POST', summaryReportsPath(w.otherNetworkId, w.mentorship.id), {
        token: w.tokens.admin,
        body: sheet(),
      }),
      404,
    );
    await expectProblem(
      await api.call('POST', summaryReportsPath(w.networkId, 'nosuchmentorship'), {
        token: w.tokens.admin,
        body: sheet(),
      }),
      404,
    );
    expect(await items()).toBe(before);
  });

  const invalid: [string, () => unknown, string][] = [
    ['no organization', () => sheet({ organizationIds: [] }), 'organizationIds'],
    [
      'an organization outside the mentorship',
      () => sheet({ organizationIds: [w.outsider.id] }),
      'organizationIds.0',
    ],
    ['no meeting date', () => sheet({ meetingDate: undefined }), 'meetingDate'],
    ['a meeting date that is no day', () => sheet({ meetingDate: '2025-02-30' }), 'meetingDate'],
    ['a meeting after the report', () => sheet({ meetingDate: '2025-02-05' }), 'meetingDate'],
    ['no participant', () => sheet({ participants: [] }), 'participants'],
    ['a reporter not on the sheet', () => sheet({ reportedBy: 'donor' }), 'reportedBy'],
    ['no date', () => sheet({ date: undefined }), 'date'],
    [
      'a next meeting before this one',
      () => sheet({ nextMeetingDate: '2025-01-01' }),
      'nextMeetingDate',
    ],
    [
      'an action owned by someone outside the mentorship',
      () => sheet({}, [w.participantId, w.outsider.coordinatorId]),
      'followUpActions.1.ownerId',
    ],
    [
      'an action without what',
      () => sheet({ followUpActions: [{ ownerId: w.participantId, dueDate: '2025-02-10' }] }),
      'followUpActions.0.what',
    ],
    [
      'an action due before the meeting',
      () =>
        sheet({
          followUpActions: [{ what: 'x', ownerId: w.participantId, dueDate: '2025-02-01' }],
        }),
      'followUpActions.0.dueDate',
    ],
    [
      'an issue without what was raised',
      () => sheet({ issues: [{ pending: 'x' }] }),
      'issues.0.raised',
    ],
    [
      'a milestone the plan does not have',
      () => sheet({ milestonesReached: ['m9'] }),
      'milestonesReached.0',
    ],
    ['an unknown field', () => sheet({ rating: 5 }), 'rating'],
    ['a body that is not JSON', () => '{"organizationIds": [', 'body'],
  ];
  for (const [what, body, field] of invalid) {
    it(`answers 400 naming ${field} for ${what}; nothing written`, async () => {
      const before = await items();
      await expectProblem(await post(w.mentorship, w.tokens.mentorCoordinator, body()), 400, field);
      expect(await items()).toBe(before);
    });
  }

  it('answers 400 for an action owned by a member of the mentor who does not take part', async () => {
    const bystander = await expectJson<{ id: string }>(
      await api.call('POST', `/networks/${w.networkId}/organizations/${w.mentor.id}/members`, {
        token: w.tokens.admin,
        body: { email: `bystander-${Date.now()}@example.org`, name: 'Not Taking Part' },
      }),
      201,
    );
    const before = await items();
    await expectProblem(
      await post(w.mentorship, w.tokens.admin, sheet({}, [bystander.id])),
      400,
      'followUpActions.0.ownerId',
    );
    expect(await items()).toBe(before);
  });

  it('answers 422 once the mentorship has ended; nothing written', async () => {
    const ended = await mentorshipAt(api, w, 'end');
    const before = await items();
    const problem = await expectProblem(await post(ended, w.tokens.admin, sheet()), 422);
    expect(problem).toMatchObject({ rule: 'ended' });
    expect(await items()).toBe(before);
  });

  it('marks the plan’s milestones it names reached, once, in the same write', async () => {
    const m = await fresh();
    await expectJson(
      await api.call('PUT', `${mentorshipPath(w.networkId, m.id)}/plan`, {
        token: w.tokens.admin,
        body: {
          milestones: [
            { id: 'm1', description: 'Budget drafted', dueDate: '2025-03-01' },
            { id: 'm2', description: 'Budget adopted', dueDate: '2025-06-01' },
          ],
        },
      }),
      200,
    );
    const before = await items();
    const first = await fileSummaryReport(
      api,
      w.networkId,
      m.id,
      w.tokens.participant,
      sheet({ milestonesReached: ['m1'] }),
    );
    expect(first.milestonesReached).toEqual([{ id: 'm1', description: 'Budget drafted' }]);
    expect(await items()).toBe(before + 2);
    const milestones = await expectJson<{
      items: { id: string; reached: boolean; reachedOn?: string }[];
    }>(
      await api.call('GET', `${mentorshipPath(w.networkId, m.id)}/milestones`, {
        token: w.tokens.participant,
      }),
      200,
    );
    expect(milestones.items.map((ms) => [ms.id, ms.reached, ms.reachedOn])).toEqual([
      ['m1', true, '2025-02-03'],
      ['m2', false, undefined],
    ]);
    // named again: the report is filed, the milestone stays reached as it was
    await fileSummaryReport(
      api,
      w.networkId,
      m.id,
      w.tokens.participant,
      sheet({ meetingDate: '2025-02-04', milestonesReached: ['m1'] }),
    );
    expect(await items()).toBe(before + 3);
  });
});

describe('GET …/summary-reports', () => {
  it('lists by meeting date, a page at a time', async () => {
    const m = await fresh();
    for (const day of ['2025-02-03', '2025-01-20', '2025-01-27']) {
      await fileSummaryReport(api, w.networkId, m.id, w.tokens.admin, sheet({ meetingDate: day }));
    }
    const first = await expectJson<{ items: SummaryReport[]; cursor?: string }>(
      await api.call('GET', `${path(m)}?limit=2`, { token: w.tokens.participant }),
      200,
    );
    expect(first.items.map((r) => r.meetingDate)).toEqual(['2025-01-20', '2025-01-27']);
    const second = await expectJson<{ items: SummaryReport[]; cursor?: string }>(
      await api.call('GET', `${path(m)}?limit=2&cursor=${first.cursor}`, {
        token: w.tokens.participant,
      }),
      200,
    );
    expect(second.items.map((r) => r.meetingDate)).toEqual(['2025-02-03']);
  });

  it('answers 404 for a report that does not exist, and to those who do not see the mentorship', async () => {
    const m = await fresh();
    const report = await fileSummaryReport(api, w.networkId, m.id, w.tokens.admin, sheet());
    await expectProblem(
      await api.call('GET', `${path(m)}/2025-02-03-nosuchreprt`, { token: w.tokens.admin }),
      404,
    );
    for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
      await expectProblem(
        await api.call('GET', `${path(m)}/${report.id}`, { token: w.tokens[caller] }),
        404,
      );
      await expectProblem(await api.call('GET', path(m), { token: w.tokens[caller] }), 404);
    }
  });
});
