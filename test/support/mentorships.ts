import { expect } from 'vitest';
import type { TestApi } from './api.ts';
import { expectJson, expectProblem, type Problem } from './problem.ts';

export const STAGES = [
  'build-relationship',
  'identify-expectations',
  'manage-process',
  'monitor',
  'end',
] as const;
export type Stage = (typeof STAGES)[number];

export interface StageChange {
  from: Stage | null;
  to: Stage;
  reason: string;
  by: string;
  byName: string;
  at: string;
}

export interface Agreement {
  organizationId: string;
  acceptedBy: string;
  acceptedByName: string;
  acceptedAt: string;
  textVersion: string;
  onBehalf?: boolean;
}

/** An organization's standing refusal, with who, when and why. */
export interface AgreementDecline {
  organizationId: string;
  declinedBy: string;
  declinedByName: string;
  declinedAt: string;
  reason: string;
}

export interface Schedule {
  quarterlyReviews: string[];
  midTermReview: string;
  endReview: string;
}

export interface Review {
  kind: 'quarterly' | 'mid-term' | 'end';
  period?: number;
  dueDate: string;
  state: 'upcoming' | 'past';
}

/** A mentorship as the API answers it. */
export interface Mentorship {
  id: string;
  networkId: string;
  version: number;
  type: 'one-to-one' | 'one-to-many';
  stage: Stage;
  mentorOrganizationId: string;
  menteeOrganizationIds: string[];
  peerMentoring: unknown[];
  participantIds: string[];
  startDate: string;
  durationMonths: number;
  schedule: Schedule;
  reviews: Review[];
  agreements: Agreement[];
  declines?: AgreementDecline[];
  departedMentees?: { organizationId: string; leftAt: string }[];
  history: StageChange[];
  approaches: string[];
  ending?: {
    kind: 'natural' | 'premature' | 'transition';
    reason: string;
    prematureReason?: string;
    transition?: { objectives: string[]; contactMode: string };
    endedAt: string;
    endedBy: string;
  };
  createdAt: string;
  updatedAt: string;
}

export const mentorshipsPath = (networkId: string) => `/networks/${networkId}/mentorships`;
export const mentorshipPath = (networkId: string, id: string) =>
  `${mentorshipsPath(networkId)}/${id}`;

/** Starts a mentorship (12 months from 2025-01-15 unless told); fails loudly unless 201. */
export async function createMentorship(
  api: TestApi,
  networkId: string,
  token: string,
  body: { mentorOrganizationId: string; menteeOrganizationIds: string[] } & Record<string, unknown>,
): Promise<Mentorship> {
  return expectJson<Mentorship>(
    await api.call('POST', mentorshipsPath(networkId), {
      token,
      body: { startDate: '2025-01-15', durationMonths: 12, ...body },
    }),
    201,
  );
}

/** Every organization of `m` accepts the rights and responsibilities (as `adminToken`). */
export async function agreeAll(
  api: TestApi,
  networkId: string,
  adminToken: string,
  m: Mentorship,
): Promise<Mentorship> {
  let last = m;
  for (const organizationId of [m.mentorOrganizationId, ...m.menteeOrganizationIds]) {
    last = await expectJson<Mentorship>(
      await api.call('POST', `${mentorshipPath(networkId, m.id)}/agreements`, {
        token: adminToken,
        body: { organizationId, onBehalf: true },
      }),
      201,
    );
  }
  return last;
}

/** `POST …/stage`; returns the response untouched. */
export const moveStage = (
  api: TestApi,
  networkId: string,
  token: string,
  id: string,
  stage: string,
  reason = `to ${stage}`,
) => api.call('POST', `${mentorshipPath(networkId, id)}/stage`, { token, body: { stage, reason } });

/** The mentorship as stored (read as `token`, which must see it). */
export async function getMentorship(
  api: TestApi,
  networkId: string,
  token: string,
  id: string,
): Promise<Mentorship> {
  return expectJson<Mentorship>(
    await api.call('GET', mentorshipPath(networkId, id), { token }),
    200,
  );
}

// --- Calendar arithmetic written independently of packages/domain, for expected values ---

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days in `month` (1-12) of `year`, by the Gregorian rule, no Date involved. */
export function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` + `months`, a day past the month's end falling back to its last day. */
export function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysIn(year, month)))}`;
}

/** `YYYY-MM-DD` + `days` (may be negative), counting day by day. */
export function plusDays(date: string, days: number): string {
  let [y, m, d] = date.split('-').map(Number) as [number, number, number];
  for (let i = 0; i < Math.abs(days); i++) {
    if (days > 0) {
      d += 1;
      if (d > daysIn(y, m)) {
        d = 1;
        m += 1;
        if (m > 12) {
          m = 1;
          y += 1;
        }
      }
    } else {
      d -= 1;
      if (d < 1) {
        m -= 1;
        if (m < 1) {
          m = 12;
          y -= 1;
        }
        d = daysIn(y, m);
      }
    }
  }
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Whole days from `a` to `b` (`a` ≤ `b`), counting day by day. */
export function daysBetween(a: string, b: string): number {
  let n = 0;
  for (let day = a; day < b; day = plusDays(day, 1)) n++;
  return n;
}

/** API.md's schedule rule, computed here without the code under test. */
export function expectedSchedule(startDate: string, durationMonths: number): Schedule {
  const endReview = plusMonths(startDate, durationMonths);
  const quarterlyReviews: string[] = [];
  for (let k = 3; plusMonths(startDate, k) < endReview; k += 3) {
    quarterlyReviews.push(plusMonths(startDate, k));
  }
  const midTermReview = plusDays(startDate, Math.floor(daysBetween(startDate, endReview) / 2));
  return { quarterlyReviews, midTermReview, endReview };
}

/** Asserts the reviews list the schedule's dates, each `past` exactly when not after `today`. */
export function expectReviews(m: Mentorship, today: string): void {
  const dates = [
    ...m.schedule.quarterlyReviews.map((d, i) => ({ kind: 'quarterly', period: i + 1, d })),
    { kind: 'mid-term', d: m.schedule.midTermReview },
    { kind: 'end', d: m.schedule.endReview },
  ];
  expect(m.reviews).toHaveLength(dates.length);
  for (const { kind, d, ...rest } of dates) {
    expect(m.reviews).toContainEqual({
      kind,
      ...rest,
      dueDate: d,
      state: d <= today ? 'past' : 'upcoming',
    });
  }
  const order = m.reviews.map((r) => r.dueDate);
  expect(order).toEqual([...order].sort());
}

/** A 422 problem naming the domain `rule` it broke. */
export async function expectRule(res: Response, rule: string): Promise<void> {
  const problem = (await expectProblem(res, 422)) as Problem & { rule?: string };
  expect(problem.rule, JSON.stringify(problem)).toBe(rule);
}
