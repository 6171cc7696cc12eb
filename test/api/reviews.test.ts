import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { createMentorship, type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { reportBody, submitReport } from '../support/quarterly-reports.ts';

/** A review as `GET …/mentorships/{id}/reviews` answers it. */
interface ReviewItem {
  n: number;
  kind: 'quarterly' | 'mid-term' | 'end';
  period?: number;
  dueDate: string;
  dueAt: string;
  remindAt?: string;
  escalateAt?: string;
  state: string;
}

/** A review as `GET /reviews/due` answers it. */
interface DueItem {
  mentorshipId: string;
  organizations: { id: string; name: string; role: 'mentor' | 'mentee' }[];
  n: number;
  kind: string;
  period?: number;
  dueDate: string;
  state: string;
  link: string;
}

type Caller = keyof MentorshipWorld['tokens'];

let api: TestApi;
let w: MentorshipWorld;

const DAY_MS = 86_400_000;
/** Today on the runtime's (virtual) clock. */
const clockDay = () => api.local.clock.now().toISOString().slice(0, 10);
/** Moves the virtual clock to `iso` plus `ms` (never back). */
async function advanceTo(iso: string, ms = 60_000) {
  const target = new Date(Date.parse(iso) + ms);
  if (target > api.local.clock.now()) {
    expect(await api.local.clock.advance({ to: target.toISOString() })).toBeDefined();
  }
}

/**
 * A mentorship starting today on the clock (so no review is past), mentored by `mentor`,
 * with the world's participating member in it when the world's mentee is.
 */
async function fresh(
  mentor = w.mentor.id,
  mentee = w.mentee.id,
  durationMonths = 12,
): Promise<Mentorship> {
  const m = await createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: mentor,
    menteeOrganizationIds: [mentee],
    startDate: clockDay(),
    durationMonths,
  });
  if (mentor !== w.mentee.id && mentee !== w.mentee.id) return m;
  return expectJson<Mentorship>(
    await api.call('PUT', `${mentorshipPath(w.networkId, m.id)}/participants`, {
      token: w.tokens.admin,
      body: { personIds: [w.participantId] },
    }),
    200,
  );
}

const reviewsPath = (m: { id: string }, networkId = w.networkId) =>
  `${mentorshipPath(networkId, m.id)}/reviews`;

async function reviewsOf(m: { id: string }, caller: Caller = 'admin'): Promise<ReviewItem[]> {
  const body = await expectJson<{ items: ReviewItem[] }>(
    await api.call('GET', reviewsPath(m), { token: w.tokens[caller] }),
    200,
  );
  return body.items;
}
const statesOf = async (m: { id: string }) => (await reviewsOf(m)).map((r) => r.state);

/** The caller's due reviews of the given mentorships only (others' tests leave theirs). */
async function dueFor(caller: Caller, ...ms: { id: string }[]): Promise<DueItem[]> {
  const body = await expectJson<{ items: DueItem[]; truncated: boolean }>(
    await api.call('GET', `/networks/${w.networkId}/reviews/due`, { token: w.tokens[caller] }),
    200,
  );
  expect(body.truncated).toBe(false);
  const ids = new Set(ms.map((m) => m.id));
  return body.items.filter((i) => ids.has(i.mentorshipId));
}
const dueKeys = async (caller: Caller, ...ms: { id: string }[]) =>
  (await dueFor(caller, ...ms)).map((i) => `${i.n}:${i.kind}:${i.state}`);

/** Records lifecycle mail of review `n` as the lifecycle handlers do. */
async function seedMail(
  m: { id: string },
  n: number,
  kind: 'request' | 'reminder' | 'escalation',
  status: 'sent' | 'sending' = 'sent',
  recipientId = w.mentor.coordinatorId,
) {
  const repo = api.local.deps.store({ networkId: w.networkId }).reviews;
  const key = { period: n, kind, recipientId };
  const now = api.local.clock.now().toISOString();
  expect(await repo.claimMail(m.id, key, now)).toBe('claimed');
  if (status === 'sent') await repo.markMailSent(m.id, key, { at: now, messageId: 'seeded' });
}

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Reviews');
});
afterAll(() => api.close());

describe('GET /networks/{networkId}/mentorships/{mentorshipId}/reviews', () => {
  it('lists every review in date order with its number, instants and state', async () => {
    const m = await fresh();
    const items = await reviewsOf(m);
    expect(items.map((r) => [r.n, r.kind, r.period, r.dueDate])).toEqual(
      m.reviews.map((r, i) => [i + 1, r.kind, r.period, r.dueDate]),
    );
    expect(items.every((r) => r.state === 'upcoming')).toBe(true);
    const q1 = items[0]!;
    expect(q1).toEqual({
      n: 1,
      kind: 'quarterly',
      period: 1,
      dueDate: m.schedule.quarterlyReviews[0],
      dueAt: `${q1.dueDate}T08:00:00Z`,
      remindAt: new Date(Date.parse(q1.dueAt) + 14 * DAY_MS).toISOString().replace('.000', ''),
      escalateAt: new Date(Date.parse(q1.dueAt) + 28 * DAY_MS).toISOString().replace('.000', ''),
      state: 'upcoming',
    });
    const end = items.at(-1)!;
    expect(end).toEqual({
      n: items.length,
      kind: 'end',
      dueDate: m.schedule.endReview,
      dueAt: `${m.schedule.endReview}T08:00:00Z`,
      state: 'upcoming',
    });
  });

  it('follows the virtual clock: requested on its day, reminded at +14 days, overdue at +28', async () => {
    const m = await fresh();
    const q1 = (await reviewsOf(m))[0]!;
    await advanceTo(q1.dueAt, -60_000);
    expect((await statesOf(m))[0]).toBe('upcoming');
    await advanceTo(q1.dueAt);
    expect((await statesOf(m))[0]).toBe('requested');
    await advanceTo(q1.remindAt!);
    expect((await statesOf(m))[0]).toBe('reminded');
    await advanceTo(q1.escalateAt!);
    expect((await statesOf(m)).slice(0, 2)).toEqual(['overdue', 'upcoming']);
  });

  it('reads the mail records the lifecycle left (sent ones only) and the reports in', async () => {
    const m = await fresh();
    // nothing is due by the clock yet: the mail alone moves the states
    await seedMail(m, 1, 'request');
    await seedMail(m, 2, 'request');
    await seedMail(m, 2, 'reminder');
    await seedMail(m, 3, 'request', 'sending');
    const q = m.reviews.findIndex((r, i) => i > 2 && r.kind === 'quarterly') + 1;
    await seedMail(m, q, 'escalation');
    const states = await statesOf(m);
    expect(states[0]).toBe('requested');
    expect(states[1]).toBe('reminded');
    expect(states[2]).toBe('upcoming'); // claimed but not sent
    expect(states[q - 1]).toBe('overdue');

    await submitReport(api, w.networkId, m.id, w.tokens.mentorCoordinator, reportBody(1));
    expect((await statesOf(m))[0]).toBe('submitted');
  });

  it('keeps reviews recorded as past past, and mid-term and end reviews never overdue', async () => {
    const m = await fresh(w.mentor.id, w.mentee.id, 6);
    // 6 months: quarterly 1 at +3 months, the mid-term the day after, the end at +6
    expect(m.reviews.map((r) => r.kind)).toEqual(['quarterly', 'mid-term', 'end']);
    await advanceTo(m.reviews[2]!.dueDate, 60 * DAY_MS);
    expect(await statesOf(m)).toEqual(['overdue', 'requested', 'requested']);

    // a mentorship entered after it began: its reviews so far are past, never chased
    const late = await createMentorship(api, w.networkId, w.tokens.admin, {
      mentorOrganizationId: w.mentor.id,
      menteeOrganizationIds: [w.mentee.id],
      startDate: m.startDate,
      durationMonths: 12,
    });
    const lateStates = await statesOf(late);
    expect(lateStates.slice(0, 2)).toEqual(['past', 'past']);
    expect(lateStates.at(-1)).toBe('upcoming');
  });

  it('stops the clock when the mentorship ends', async () => {
    const m = await fresh();
    const q1 = (await reviewsOf(m))[0]!;
    await advanceTo(q1.remindAt!);
    await expectJson(
      await api.call('POST', `${mentorshipPath(w.networkId, m.id)}/end`, {
        token: w.tokens.admin,
        body: { kind: 'premature', reason: 'the mentee closed', prematureReason: 'other' },
      }),
      200,
    );
    await advanceTo(m.schedule.endReview, 60 * DAY_MS);
    const states = await statesOf(m);
    expect(states[0]).toBe('reminded');
    expect(states.slice(1).every((s) => s === 'upcoming')).toBe(true);
    expect(await dueFor('mentorCoordinator', m)).toEqual([]);
  });

  it('answers everyone who sees the mentorship, and 404 to anyone else', async () => {
    const m = w.mentorship;
    for (const caller of [
      'admin',
      'mentorCoordinator',
      'menteeCoordinator',
      'participant',
    ] as const) {
      expect(await reviewsOf(m, caller), caller).toHaveLength(m.reviews.length);
    }
    for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
      await expectProblem(await api.call('GET', reviewsPath(m), { token: w.tokens[caller] }), 404);
    }
    // the other network's admin on their own network, with this network's mentorship id
    await expectProblem(
      await api.call('GET', reviewsPath(m, w.otherNetworkId), { token: w.tokens.otherAdmin }),
      404,
    );
    await expectProblem(
      await api.call('GET', reviewsPath({ id: 'nosuchmentorship' }), { token: w.tokens.admin }),
      404,
    );
    await expectProblem(await api.call('GET', reviewsPath(m)), 401);
  });
});

describe('GET /networks/{networkId}/reviews/due', () => {
  it("gives each caller the reviews that wait for them, with names and the form's link", async () => {
    // mentored by the world's mentor, and one it only takes part in as a mentee
    const mentored = await fresh(w.mentor.id, w.mentee.id);
    const partner = await fresh(w.outsider.id, w.mentor.id);
    const q1 = (await reviewsOf(mentored))[0]!;

    for (const caller of [
      'admin',
      'mentorCoordinator',
      'menteeCoordinator',
      'participant',
    ] as const) {
      expect(await dueFor(caller, mentored, partner), caller).toEqual([]);
    }

    await advanceTo(q1.dueAt);
    const mine = await dueFor('mentorCoordinator', mentored, partner);
    expect(mine).toEqual([
      {
        mentorshipId: mentored.id,
        organizations: [
          { id: w.mentor.id, name: 'Reviews mentor', role: 'mentor' },
          { id: w.mentee.id, name: 'Reviews mentee', role: 'mentee' },
        ],
        n: 1,
        kind: 'quarterly',
        period: 1,
        dueDate: q1.dueDate,
        state: 'requested',
        link: `/networks/${w.networkId}/mentorships/${mentored.id}/quarterly-reports/new?period=1`,
      },
    ]);
    // the partner's quarterly report is its mentor's (the outsider's coordinator) to write
    expect(await dueKeys('outsiderCoordinator', mentored, partner)).toEqual([
      '1:quarterly:requested',
    ]);
    expect((await dueFor('outsiderCoordinator', partner))[0]?.link).toContain(
      `/mentorships/${partner.id}/quarterly-reports/new?period=1`,
    );
    // the mentee's coordinator, the member and the admin have nothing to do yet
    for (const caller of ['menteeCoordinator', 'participant', 'admin', 'bystander'] as const) {
      expect(await dueFor(caller, mentored, partner), caller).toEqual([]);
    }

    // a reminder went out: reminded
    await seedMail(mentored, 1, 'reminder');
    expect(await dueKeys('mentorCoordinator', mentored)).toEqual(['1:quarterly:reminded']);

    // overdue: now the admin hears of both
    await advanceTo(q1.escalateAt!);
    expect(await dueKeys('mentorCoordinator', mentored, partner)).toEqual(['1:quarterly:overdue']);
    expect((await dueFor('admin', mentored, partner)).map((i) => i.mentorshipId).sort()).toEqual(
      [mentored.id, partner.id].sort(),
    );

    // the report comes in: no longer due for anyone
    await submitReport(api, w.networkId, mentored.id, w.tokens.mentorCoordinator, reportBody(1));
    expect(await dueFor('mentorCoordinator', mentored)).toEqual([]);
    expect(await dueKeys('admin', mentored, partner)).toEqual(['1:quarterly:overdue']);
    expect((await dueFor('admin', partner)).length).toBe(1);

    // the mid-term review: everyone in the mentorship, both sides
    const midTerm = (await reviewsOf(mentored)).find((r) => r.kind === 'mid-term')!;
    await advanceTo(midTerm.dueAt);
    const both = [mentored, partner];
    expect(
      (await dueFor('menteeCoordinator', ...both)).map((i) => [i.mentorshipId, i.kind, i.state]),
    ).toEqual([[mentored.id, 'mid-term', 'requested']]);
    // the member takes part in `mentored` only, and writes no quarterly report
    expect(
      (await dueFor('participant', ...both)).map((i) => [i.mentorshipId, i.kind, i.link]),
    ).toEqual([
      [mentored.id, 'mid-term', `/networks/${w.networkId}/mentorships/${mentored.id}/reflection`],
    ]);
    // the mentor's coordinator: quarterly 2 of the one it mentors, both mid-terms
    const mentorDue = (await dueFor('mentorCoordinator', ...both)).map(
      (i) => `${i.mentorshipId === mentored.id ? 'mentored' : 'partner'}:${i.kind}`,
    );
    expect(mentorDue.sort()).toEqual([
      'mentored:mid-term',
      'mentored:quarterly',
      'partner:mid-term',
    ]);
    // oldest first
    const all = await dueFor('mentorCoordinator', ...both);
    expect(all.map((i) => i.dueDate)).toEqual([...all.map((i) => i.dueDate)].sort());
    // an admin sees overdue quarterly reports only
    expect((await dueFor('admin', ...both)).every((i) => i.kind === 'quarterly')).toBe(true);
    expect((await dueFor('admin', ...both)).every((i) => i.state === 'overdue')).toBe(true);
  });

  it("is the caller's network's only: another network's people get 404", async () => {
    await expectProblem(
      await api.call('GET', `/networks/${w.networkId}/reviews/due`, {
        token: w.tokens.otherAdmin,
      }),
      404,
    );
    await expectProblem(
      await api.call('GET', '/networks/no-such-network-zz9/reviews/due', {
        token: w.tokens.admin,
      }),
      404,
    );
    await expectProblem(await api.call('GET', `/networks/${w.networkId}/reviews/due`), 401);
    // on their own network, nothing of this one
    const own = await expectJson<{ items: DueItem[] }>(
      await api.call('GET', `/networks/${w.otherNetworkId}/reviews/due`, {
        token: w.tokens.otherAdmin,
      }),
      200,
    );
    expect(own.items).toEqual([]);
  });
});
