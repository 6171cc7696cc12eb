/**
 * The rules of a peer coaching group (003, 004) as pure functions, zod-free so the SPA
 * applies the same ones: the size advice, who facilitates which session, when the review
 * is due, which commitments a session hears back on, and the figures a coordinator sees.
 * Dates are `YYYY-MM-DD` strings, which compare in calendar order.
 */

import type { FieldIssue } from '../errors/codes.ts';
import { FACILITATED_SESSIONS, groupSizeGuidance } from './group-content.ts';

export interface SizeAdvice {
  size: number;
  /** Inside 003's "usually 4-7". */
  within: boolean;
  direction: 'below' | 'within' | 'above';
  min: number;
  max: number;
}

/**
 * 003's advice on a group of `size` people. Outside 4-7 a group may still be made (004
 * describes groups of 5-8 and of eight and more): the advice is a warning, not a rule.
 *
 * @example groupSizeAdvice(9) // { size: 9, within: false, direction: 'above', min: 4, max: 7 }
 */
export function groupSizeAdvice(size: number): SizeAdvice {
  const { min, max } = groupSizeGuidance.recommended;
  const direction = size < min ? 'below' : size > max ? 'above' : 'within';
  return { size, within: direction === 'within', direction, min, max };
}

/** What the review after the third session decided for the sessions after it. */
export type FacilitationChoice =
  | { mode: 'named'; facilitatorId: string }
  | { mode: 'rotation'; order: string[] };

export interface FacilitationPlan {
  /** The facilitator of the first three sessions. */
  facilitatorId: string;
  memberIds: readonly string[];
  review?: FacilitationChoice | undefined;
}

export type SessionFacilitator =
  | { kind: 'initial' | 'named' | 'rotation'; personId: string }
  | { kind: 'pending-review' };

/**
 * Who facilitates session `number` (1-based, in date order): the first facilitator for
 * sessions 1-3 (003: "Groups will be facilitated for the first three sessions"); after
 * them, whoever the review chose — one person, or the members in turn.
 *
 * @example
 * const plan = { facilitatorId: 'f', memberIds: ['a', 'b'], review: { mode: 'rotation', order: ['a', 'b'] } };
 * facilitatorFor(5, plan) // { kind: 'rotation', personId: 'b' }
 */
export function facilitatorFor(number: number, plan: FacilitationPlan): SessionFacilitator {
  if (number <= FACILITATED_SESSIONS) return { kind: 'initial', personId: plan.facilitatorId };
  const review = plan.review;
  if (!review) return { kind: 'pending-review' };
  if (review.mode === 'named') return { kind: 'named', personId: review.facilitatorId };
  const personId = review.order[(number - FACILITATED_SESSIONS - 1) % review.order.length];
  return personId ? { kind: 'rotation', personId } : { kind: 'pending-review' };
}

/**
 * Whether a review's choice is one the group can make: a named facilitator is a member or
 * the first facilitator staying on; a rotation lists members only, each once.
 * Returns the problems by field (empty when it is fine).
 */
export function facilitationChoiceProblems(
  choice: FacilitationChoice,
  plan: Pick<FacilitationPlan, 'facilitatorId' | 'memberIds'>,
): FieldIssue[] {
  if (choice.mode === 'named') {
    return plan.memberIds.includes(choice.facilitatorId) ||
      choice.facilitatorId === plan.facilitatorId
      ? []
      : [
          {
            path: 'facilitatorId',
            code: 'unknown_reference' as const,
            params: { kind: 'person' },
          },
        ];
  }
  const seen = new Set<string>();
  return choice.order.flatMap((id, i): FieldIssue[] => {
    if (!plan.memberIds.includes(id)) {
      return [
        { path: `order.${i}`, code: 'unknown_reference' as const, params: { kind: 'person' } },
      ];
    }
    if (seen.has(id)) return [{ path: `order.${i}`, code: 'not_unique' as const }];
    seen.add(id);
    return [];
  });
}

/**
 * Who may read the group's content besides its members: the facilitator who is with the
 * group now — the first one until the review, then the one it named (a rotation is of
 * members only). A first facilitator from outside the group leaves it at a review that
 * chose someone else.
 */
export function facilitatorsWithAccess(plan: FacilitationPlan): string[] {
  const review = plan.review;
  if (!review) return [plan.facilitatorId];
  return review.mode === 'named' ? [review.facilitatorId] : [];
}

/** The part a person takes in a group, if any: members first, then the facilitator. */
export function groupRole(
  plan: FacilitationPlan,
  personId: string,
): 'member' | 'facilitator' | undefined {
  if (plan.memberIds.includes(personId)) return 'member';
  return facilitatorsWithAccess(plan).includes(personId) ? 'facilitator' : undefined;
}

/**
 * Sessions in date order with their 1-based number (ties, which the API refuses, by id).
 *
 * @example numberSessions([{ id: 'b', date: '2025-03-01' }, { id: 'a', date: '2025-02-01' }])
 * // [{ id: 'a', date: '2025-02-01', number: 1 }, { id: 'b', date: '2025-03-01', number: 2 }]
 */
export function numberSessions<S extends { id: string; date: string }>(
  sessions: readonly S[],
): (S & { number: number })[] {
  return [...sessions]
    .sort((a, b) => (a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? -1 : 1))
    .map((s, i) => ({ ...s, number: i + 1 }));
}

export type GroupReviewState = 'not-yet' | 'due' | 'done';

/**
 * 003: "The facilitator will lead a review after the third session". Due once three
 * sessions were held, until it is recorded.
 */
export function reviewState(sessionsHeld: number, reviewed: boolean): GroupReviewState {
  if (reviewed) return 'done';
  return sessionsHeld >= FACILITATED_SESSIONS ? 'due' : 'not-yet';
}

/**
 * A session after the third runs once the review chose its facilitator: the group
 * decides "who they would like in the role of facilitator" first.
 */
export const sessionNeedsReview = (number: number, reviewed: boolean): boolean =>
  number > FACILITATED_SESSIONS && !reviewed;

export type CommitmentState = 'open' | 'overdue' | 'reported';

/**
 * An open commitment is overdue once its report-back date has passed without a report.
 *
 * @example commitmentState({ status: 'open', reportBackBy: '2025-03-01' }, '2025-03-02') // 'overdue'
 */
export function commitmentState(
  c: { status: 'open' | 'reported'; reportBackBy: string },
  today: string,
): CommitmentState {
  if (c.status === 'reported') return 'reported';
  return c.reportBackBy < today ? 'overdue' : 'open';
}

export interface CommitmentForSession {
  status: 'open' | 'reported';
  /** The date of the session the commitment was made in. */
  sessionDate: string;
  reportBacks: readonly { sessionId: string }[];
}

/**
 * The report-backs a session starts with: every commitment made in an earlier session that
 * is still open (carried forward from session to session until reported back), and those
 * reported back in this very session. A commitment made in this session is not among them.
 */
export function reportBacksFor<C extends CommitmentForSession>(
  session: { id: string; date: string },
  commitments: readonly C[],
): C[] {
  return commitments.filter(
    (c) =>
      c.sessionDate < session.date &&
      (c.status === 'open' || c.reportBacks.some((r) => r.sessionId === session.id)),
  );
}

/** What a coordinator may know of a group: counts and dates, never its content. */
export interface GroupStatus {
  members: number;
  sessionsHeld: number;
  sessionsPlanned: number;
  lastSessionDate?: string;
  nextSessionDate?: string;
  commitmentsMade: number;
  commitmentsOpen: number;
  commitmentsOverdue: number;
  spirit: { set: boolean; agreed: number; of: number };
  review: GroupReviewState;
  facilitation: 'initial' | 'named' | 'rotation';
}

export interface GroupStatusInput {
  memberIds: readonly string[];
  sessions: readonly { date: string; held: boolean }[];
  /** The report-back date of each open commitment. */
  openCommitments: readonly string[];
  commitmentsMade: number;
  spiritSet: boolean;
  /** Members who agreed to the current spirit. */
  agreedBy: readonly string[];
  review?: FacilitationChoice | undefined;
}

/**
 * The figures of the coordinator's view of a group on `today`: sessions held and planned,
 * the last and next session, commitments open and overdue, the spirit agreed by n of m
 * members, where the review stands.
 *
 * @example groupStatus(input, '2025-06-01').commitmentsOverdue
 */
export function groupStatus(g: GroupStatusInput, today: string): GroupStatus {
  const held = g.sessions.filter((s) => s.held);
  const planned = g.sessions.filter((s) => !s.held);
  const last = held.map((s) => s.date).sort();
  const next = planned
    .map((s) => s.date)
    .filter((d) => d >= today)
    .sort();
  const lastSessionDate = last[last.length - 1];
  const nextSessionDate = next[0];
  return {
    members: g.memberIds.length,
    sessionsHeld: held.length,
    sessionsPlanned: planned.length,
    ...(lastSessionDate ? { lastSessionDate } : {}),
    ...(nextSessionDate ? { nextSessionDate } : {}),
    commitmentsMade: g.commitmentsMade,
    commitmentsOpen: g.openCommitments.length,
    commitmentsOverdue: g.openCommitments.filter((d) => d < today).length,
    spirit: {
      set: g.spiritSet,
      agreed: g.spiritSet ? g.agreedBy.filter((id) => g.memberIds.includes(id)).length : 0,
      of: g.memberIds.length,
    },
    review: reviewState(held.length, !!g.review),
    facilitation: g.review ? g.review.mode : 'initial',
  };
}
