import { deactivatePerson } from '@sisi/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { type Member, uniqueEmail } from '../support/fixtures.ts';
import type { Mentorship } from '../support/mentorships.ts';
import { setRolesInStore } from '../support/people.ts';
import { expectJson } from '../support/problem.ts';
import { line, moveClock, plusDays, type Sent, sentMails, today } from './time-travel.ts';
import { type LifecycleWorld, lifecycleWorld } from './world.ts';

/**
 * Mail follows the role, not the person (issue 17): every scheduled mail is addressed when
 * it is sent, to whoever holds the role then and is not deactivated. Driven through the
 * real API, the local workflow runner and `POST /dev/clock`, as the other lifecycle tests.
 */

let api: TestApi;
let w: LifecycleWorld;
let m: Mentorship;
/** The quarterly reviews' due days, by period. */
const quarterly = new Map<number, string>();

/** A member of the mentor organization (invited, never signed in: still reachable by mail). */
async function mentorMember(label: string): Promise<Member> {
  return expectJson<Member>(
    await api.call('POST', `/networks/${w.networkId}/organizations/${w.mentor.id}/members`, {
      token: w.adminToken,
      body: { email: uniqueEmail(label), name: `Member ${label}` },
    }),
    201,
  );
}

/** Moves the virtual clock to noon of `day`, running what came due (mail dated that day). */
async function goTo(...days: string[]): Promise<void> {
  for (const day of days) await moveClock(api, { to: `${day}T12:00:00Z` });
}

const requestsAndReminders = (sent: Sent[], period: number) =>
  sent.filter((s) => s.kind === `request q${period}` || s.kind === `reminder q${period}`);

beforeAll(async () => {
  api = await createTestApi();
  w = await lifecycleWorld(api);
  await moveClock(api, { to: `${plusDays(today(api), 1)}T12:00:00Z` });
  m = await w.start({ startDate: w.day(10), durationMonths: 24 });
  for (const r of m.reviews) {
    if (r.kind === 'quarterly' && r.period !== undefined) quarterly.set(r.period, r.dueDate);
  }
});
afterAll(() => api.close());

describe('a coordinator handover between two reviews', () => {
  let next: Member;
  let second: Member;

  it('sends the next request and its reminder to the new coordinator only', async () => {
    const q1 = quarterly.get(1)!;
    const q2 = quarterly.get(2)!;
    // review 1 asked for and reminded, to the coordinator of then
    await goTo(q1, plusDays(q1, 14), plusDays(q1, 15));
    const old = w.mentor.coordinatorEmail;
    expect(requestsAndReminders(await sentMails(w, m), 1).map(line)).toEqual([
      `${q1} request q1 → ${old}`,
      `${plusDays(q1, 14)} reminder q1 → ${old}`,
    ]);

    // the handover: a member becomes the coordinator, the coordinator a member
    next = await mentorMember('next-coordinator');
    await setRolesInStore(api, w.networkId, next.id, ['coordinator']);
    await setRolesInStore(api, w.networkId, w.mentor.coordinatorId, ['member']);
    const handoverDay = today(api);

    await goTo(plusDays(q1, 28), q2, plusDays(q2, 14), plusDays(q2, 15));
    const sent = await sentMails(w, m);
    expect(requestsAndReminders(sent, 2).map(line)).toEqual([
      `${q2} request q2 → ${next.email}`,
      `${plusDays(q2, 14)} reminder q2 → ${next.email}`,
    ]);
    // the old coordinator got nothing more; the mail of review 1 was not sent again to the new one
    expect(sent.filter((s) => s.to === old && s.on > handoverDay).map(line)).toEqual([]);
    expect(sent.filter((s) => s.to === next.email && s.on <= q2)).toEqual([
      { on: q2, kind: 'request q2', to: next.email },
    ]);
    // the escalation of review 1 (due after the handover) still went to the admins
    expect(sent.filter((s) => s.kind === 'escalation q1').map((s) => s.to)).toEqual([w.adminEmail]);
  });

  it('asks every active coordinator when there are several', async () => {
    const q3 = quarterly.get(3)!;
    second = await mentorMember('second-coordinator');
    await setRolesInStore(api, w.networkId, second.id, ['coordinator']);
    await goTo(plusDays(quarterly.get(2)!, 28), q3);
    const asked = (await sentMails(w, m)).filter((s) => s.kind === 'request q3');
    expect(asked.map((s) => s.to).sort()).toEqual([next.email, second.email].sort());
  });

  it('sends nothing more to a deactivated coordinator', async () => {
    const q3 = quarterly.get(3)!;
    await deactivatePerson(api.local.deps, next.id);
    await goTo(plusDays(q3, 14));
    const reminded = (await sentMails(w, m)).filter((s) => s.kind === 'reminder q3');
    expect(reminded.map((s) => s.to)).toEqual([second.email]);
  });

  it('leaves a deactivated admin out of the escalation', async () => {
    const q3 = quarterly.get(3)!;
    const admin = await api.local.platform.getUserByEmail(w.adminEmail);
    await deactivatePerson(api.local.deps, admin!.id);
    await goTo(plusDays(q3, 28));
    const sent = await sentMails(w, m);
    expect(sent.filter((s) => s.kind === 'escalation q2').map((s) => s.to)).toEqual([w.adminEmail]);
    // the network's only admin left: nobody is told of review 3, not them
    expect(sent.filter((s) => s.kind === 'escalation q3')).toEqual([]);
  });

  it('asks for the mid-term reflection the coordinators of then, the deactivated left out', async () => {
    const midTerm = m.reviews.find((r) => r.kind === 'mid-term')!.dueDate;
    await goTo(midTerm);
    const asked = (await sentMails(w, m)).filter((s) => s.kind === 'mid-term').map((s) => s.to);
    expect(asked.sort()).toEqual(
      [second.email, w.mentee.coordinatorEmail, w.participant.email].sort(),
    );
  });
});
