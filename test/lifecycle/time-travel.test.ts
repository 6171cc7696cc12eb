import { platformTableName, WorkflowCheckpointRepository } from '@sisi/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson } from '../support/problem.ts';
import { reportBody, submitReport } from '../support/quarterly-reports.ts';
import {
  expectedMails,
  line,
  moveClock,
  plusDays,
  recipientsOf,
  type Scenario,
  sentMails,
  today,
} from './time-travel.ts';
import { type LifecycleWorld, lifecycleWorld } from './world.ts';

/**
 * Time travel through the real API and the embedded runtime's own wiring (issue 4,
 * "Tests"): mentorships created with `POST …/mentorships` start their review chain in the
 * local workflow runner, `POST /dev/clock` moves the virtual clock, and the outbox shows
 * what the lifecycle sent — checked mail by mail (day, kind, recipient) against what the
 * schedule says over 24 months.
 */

const checkpoints = (api: TestApi) =>
  new WorkflowCheckpointRepository(api.local.doc, platformTableName(api.prefix));

/** Noon of the next virtual day: from then on each step of one day lands at noon. */
async function alignToNoon(api: TestApi): Promise<void> {
  await moveClock(api, { to: `${plusDays(today(api), 1)}T12:00:00Z` });
}

const lastReviewDay = (ms: Mentorship[]) =>
  ms
    .map((m) => m.schedule.endReview)
    .sort()
    .at(-1)!;

describe('24-month mentorships, day by day through POST /dev/clock', () => {
  let api: TestApi;
  let w: LifecycleWorld;
  let full: Mentorship;
  let reported: Mentorship;
  let ended: Mentorship;
  const scenarios = new Map<string, Scenario>();
  let reminderRequests = 0;
  let endedChainsChecked = 0;

  beforeAll(async () => {
    api = await createTestApi();
    w = await lifecycleWorld(api);
    await alignToNoon(api);
    full = await w.start({ startDate: w.day(10), durationMonths: 24 });
    reported = await w.start({ startDate: w.day(12), durationMonths: 24 });
    ended = await w.start({
      startDate: w.day(15),
      durationMonths: 24,
      mentees: [w.mentee, w.secondMentee],
    });
    const q = (m: Mentorship, period: number) =>
      m.reviews.find((r) => r.kind === 'quarterly' && r.period === period)!.dueDate;
    scenarios.set(full.id, {});
    scenarios.set(reported.id, {
      // in between its request and its reminder; and one in before it was even asked for
      reports: { 2: plusDays(q(reported, 2), 3), 5: plusDays(q(reported, 5), -5) },
    });
    scenarios.set(ended.id, { endedOn: plusDays(q(ended, 2), 5) });

    const actions = new Map<string, (() => Promise<void>)[]>();
    const on = (day: string, action: () => Promise<void>) =>
      actions.set(day, [...(actions.get(day) ?? []), action]);
    const coordinator = await w.mentorCoordinatorToken();
    for (const [period, day] of Object.entries(scenarios.get(reported.id)!.reports!)) {
      on(day, async () => {
        await submitReport(api, w.networkId, reported.id, coordinator, reportBody(Number(period)));
      });
    }
    on(scenarios.get(ended.id)!.endedOn!, async () => {
      await expectJson(
        await api.call('POST', `${mentorshipPath(w.networkId, ended.id)}/end`, {
          token: w.adminToken,
          body: {
            kind: 'premature',
            prematureReason: 'loss-of-interest',
            reason: 'The mentee organization closed its programme',
          },
        }),
        200,
      );
      // its chain is gone from the runner at once: nothing of it waits any more
      const pending = await checkpoints(api).due('9999-12-31T00:00:00.000Z', 1000);
      expect(pending.map((c) => c.executionName)).not.toEqual(
        expect.arrayContaining([expect.stringContaining(ended.id)]),
      );
      endedChainsChecked++;
    });
    // each reminder day: the reminders are already out when the clock's answer comes back
    const reminderDays = new Set(
      [full, reported, ended].flatMap((m) =>
        expectedMails(m, recipientsOf(w), scenarios.get(m.id))
          .filter((s) => s.kind.startsWith('reminder'))
          .map((s) => s.on),
      ),
    );

    const last = plusDays(lastReviewDay([full, reported, ended]), 40);
    while (today(api) < last) {
      await moveClock(api, { advanceDays: 1 });
      const day = today(api);
      if (reminderDays.has(day)) {
        const out = await api.local.outbox.list();
        expect(
          out.filter((m) => m.sentAt.startsWith(day) && /^Reminder/.test(m.subject)).length,
        ).toBeGreaterThan(0);
        reminderRequests++;
      }
      for (const action of actions.get(day) ?? []) await action();
    }
  }, 300_000);
  afterAll(() => api?.close());

  it('a mentorship left alone: every request, reminder, escalation, mid-term and end, once, on its day, to its people', async () => {
    const expected = expectedMails(full, recipientsOf(w));
    expect((await sentMails(w, full)).map(line)).toEqual(expected.map(line));
    // 7 quarterly reviews × (request, reminder, escalation) + mid-term and end to 3 people each
    expect(full.reviews.filter((r) => r.kind === 'quarterly')).toHaveLength(7);
    expect(expected).toHaveLength(7 * 3 + 2 * 3);
    const first = full.schedule.quarterlyReviews[0]!;
    expect(expected.slice(0, 3).map(line)).toEqual([
      `${first} request q1 → ${w.mentor.coordinatorEmail}`,
      `${plusDays(first, 14)} reminder q1 → ${w.mentor.coordinatorEmail}`,
      `${plusDays(first, 28)} escalation q1 → ${w.adminEmail}`,
    ]);
    expect(expected.filter((s) => s.kind === 'end').map((s) => s.on)).toEqual(
      Array(3).fill(full.schedule.endReview),
    );
  });

  it('a report in before its reminder: no reminder and no escalation for that period; one in before its date: not even asked', async () => {
    const sent = await sentMails(w, reported);
    expect(sent.map(line)).toEqual(
      expectedMails(reported, recipientsOf(w), scenarios.get(reported.id)).map(line),
    );
    const kinds = sent.map((s) => s.kind);
    expect(kinds).toContain('request q2');
    expect(kinds).not.toContain('reminder q2');
    expect(kinds).not.toContain('escalation q2');
    expect(kinds.filter((k) => k.endsWith(' q5'))).toEqual([]);
    expect(kinds).toContain('escalation q3');
  });

  it('an early end: no more mail at all after it', async () => {
    const { endedOn } = scenarios.get(ended.id)!;
    const sent = await sentMails(w, ended);
    expect(sent.map(line)).toEqual(
      expectedMails(ended, recipientsOf(w), scenarios.get(ended.id)).map(line),
    );
    expect(sent.map((s) => s.kind)).toEqual([
      'request q1',
      'reminder q1',
      'escalation q1',
      'request q2',
    ]);
    expect(sent.every((s) => s.on <= endedOn!)).toBe(true);
    expect(endedChainsChecked).toBe(1);
  });

  it('leaves nothing behind: no step failed, no checkpoint waits, every clock move answered after its mail', async () => {
    expect(await checkpoints(api).failures()).toEqual([]);
    expect(await checkpoints(api).due('9999-12-31T00:00:00.000Z', 1000)).toEqual([]);
    expect(reminderRequests).toBeGreaterThan(10);
  });
});

describe('a runtime restart half-way', () => {
  let api: TestApi;
  let w: LifecycleWorld;

  beforeAll(async () => {
    api = await createTestApi();
    w = await lifecycleWorld(api);
    await alignToNoon(api);
  });
  afterAll(() => api?.close());

  it('loses nothing and duplicates nothing: what fell due while it was down goes out once on its return', async () => {
    const one = await w.start({ startDate: w.day(10), durationMonths: 24 });
    const two = await w.start({ startDate: w.day(25), durationMonths: 24 });
    const to = recipientsOf(w);
    // step by step: the clock goes to each day something is due, at noon
    const days = [
      ...new Set([one, two].flatMap((m) => expectedMails(m, to).map((s) => s.on))),
    ].sort();
    const q4 = one.schedule.quarterlyReviews[3]!;
    // down after `one`'s quarterly 4 was asked for, back 16 days later: its reminder (day
    // +14) fell due while the runtime was down
    const downtime = { after: q4, until: plusDays(q4, 16) };
    const reportsTwo: Record<number, string> = {};
    for (const day of days) {
      if (day > downtime.after && !reportsTwo[4]) {
        await api.restart({ downForDays: 16 });
        expect(today(api)).toBe(downtime.until);
        // `two`'s report 4 comes in right after the restart, before its reminder
        reportsTwo[4] = today(api);
        const token = await w.mentorCoordinatorToken();
        await submitReport(api, w.networkId, two.id, token, reportBody(4));
      }
      if (day <= today(api)) continue;
      await moveClock(api, { to: `${day}T12:00:00Z` });
    }
    await moveClock(api, { advanceDays: 40 });
    expect(reportsTwo[4]).toBe(downtime.until);

    const sentOne = await sentMails(w, one);
    expect(sentOne.map(line)).toEqual(expectedMails(one, to, { downtime }).map(line));
    expect(sentOne.map(line)).toContain(
      `${downtime.until} reminder q4 → ${w.mentor.coordinatorEmail}`,
    );
    const sentTwo = await sentMails(w, two);
    expect(plusDays(two.schedule.quarterlyReviews[3]!, 14) > reportsTwo[4]!).toBe(true);
    expect(sentTwo.map(line)).toEqual(
      expectedMails(two, to, { downtime, reports: reportsTwo }).map(line),
    );
    expect(sentTwo.map((s) => s.kind)).not.toContain('reminder q4');
    expect(sentTwo.map((s) => s.kind)).toContain('escalation q3');
    expect(await checkpoints(api).failures()).toEqual([]);
    expect(await checkpoints(api).due('9999-12-31T00:00:00.000Z', 1000)).toEqual([]);
  }, 120_000);
});

describe('POST /dev/clock', () => {
  let api: TestApi;
  let w: LifecycleWorld;

  beforeAll(async () => {
    api = await createTestApi();
    w = await lifecycleWorld(api);
  });
  afterAll(() => api?.close());

  it('answers only after every step due by the new time has run (a slow mailer included)', async () => {
    const m = await w.start({ startDate: w.day(10), durationMonths: 24 });
    // every mail now takes a while to send: an answer that did not wait would come first
    const outbox = api.local.outbox;
    const send = outbox.send.bind(outbox);
    outbox.send = async (message) => {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return send(message);
    };
    const midTerm = m.schedule.midTermReview;
    // one jump over half the mentorship: 4 quarterly reviews and the mid-term at once
    const now = await moveClock(api, { to: `${plusDays(midTerm, 29)}T12:00:00Z` });
    expect(now.slice(0, 10)).toBe(plusDays(midTerm, 29));
    const sent = await sentMails(w, m);
    const kinds = sent.map((s) => s.kind);
    for (const period of [1, 2, 3, 4]) {
      expect(kinds).toContain(`request q${period}`);
      expect(kinds).toContain(`reminder q${period}`);
      expect(kinds).toContain(`escalation q${period}`);
    }
    expect(kinds.filter((k) => k === 'mid-term')).toHaveLength(3);
    // sent at the moment the clock reached, not on their own days
    expect(new Set(sent.map((s) => s.on))).toEqual(new Set([now.slice(0, 10)]));
    // and nothing of the next review has run yet
    expect(kinds).not.toContain('request q5');
  });
});
