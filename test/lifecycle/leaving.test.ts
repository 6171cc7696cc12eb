import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { getMentorship, type Mentorship } from '../support/mentorships.ts';
import { expectJson } from '../support/problem.ts';
import { moveClock, plusDays, sentMails, today } from './time-travel.ts';
import { type LifecycleWorld, lifecycleWorld } from './world.ts';

/**
 * A mentee organization leaves a one-to-many mentorship between two reviews (issue 17,
 * item 6): the mentorship goes on, and the next scheduled request goes to the remaining
 * active people only. Driven through the real API, the local workflow runner and the clock.
 */

let api: TestApi;
let w: LifecycleWorld;
let m: Mentorship;

beforeAll(async () => {
  api = await createTestApi();
  w = await lifecycleWorld(api);
  await moveClock(api, { to: `${plusDays(today(api), 1)}T12:00:00Z` });
  m = await w.start({
    startDate: w.day(10),
    durationMonths: 12,
    mentees: [w.mentee, w.secondMentee],
  });
});
afterAll(() => api.close());

describe('a mentee organization leaves between two reviews', () => {
  it('asks the mid-term reflection of the remaining people only', async () => {
    const q1 = m.reviews.find((r) => r.kind === 'quarterly')!.dueDate;
    const midTerm = m.reviews.find((r) => r.kind === 'mid-term')!.dueDate;
    await moveClock(api, { to: `${q1}T12:00:00Z` });
    expect((await sentMails(w, m)).filter((s) => s.kind === 'request q1').map((s) => s.to)).toEqual(
      [w.mentor.coordinatorEmail],
    );

    // the first mentee (its coordinator and participant were asked for everything so far) leaves
    const left = await api.call(
      'POST',
      `/networks/${w.networkId}/organizations/${w.mentee.id}/departure`,
      { token: w.adminToken, body: {} },
    );
    expect((await expectJson<{ status: string }>(left, 200)).status).toBe('archived');
    const after = await getMentorship(api, w.networkId, w.adminToken, m.id);
    expect(after.stage).toBe(m.stage);
    expect(after.menteeOrganizationIds).toEqual([w.secondMentee.id]);

    await moveClock(api, { to: `${midTerm}T12:00:00Z` });
    const asked = (await sentMails(w, m)).filter((s) => s.kind === 'mid-term').map((s) => s.to);
    expect(asked.sort()).toEqual(
      [w.mentor.coordinatorEmail, w.secondMentee.coordinatorEmail].sort(),
    );
    // nothing more for the departed organization's people
    const departed = [w.mentee.coordinatorEmail, w.participant.email];
    expect((await sentMails(w, m)).filter((s) => departed.includes(s.to) && s.on > q1)).toEqual([]);
  });
});
