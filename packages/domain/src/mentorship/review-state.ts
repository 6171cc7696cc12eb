/**
 * Where each scheduled review of a mentorship stands (issue "Durable lifecycle workflows",
 * item 6): what the lifecycle has mailed, which reports are in, and the time. Pure: the API
 * reads the facts (mail records and reports beside the mentorship) and asks this.
 */
import { type LifecycleReview, lifecycleReview } from './lifecycle.ts';
import type { ReviewKind, ScheduledReview } from './schedule.ts';

/** The states a review goes through, in the order they come. */
export const reviewStateValues = [
  'upcoming',
  'requested',
  'reminded',
  'overdue',
  'submitted',
  'past',
] as const;
export type ReviewState = (typeof reviewStateValues)[number];

/** The states in which a review waits for someone to act. */
export const dueReviewStates = [
  'requested',
  'reminded',
  'overdue',
] as const satisfies readonly ReviewState[];
export type DueReviewState = (typeof dueReviewStates)[number];

/** The mail the lifecycle sends for a review (`ReviewMailKind` of the mail templates). */
export type ReviewMailSent = 'request' | 'reminder' | 'escalation';

/**
 * The key of `mailsSent` for mail `kind` of review `n` (its execution number: the 1-based
 * index of the review in `mentorship.reviews`), whoever it went to.
 *
 * @example mailSentKey(2, 'reminder') // '2#reminder'
 */
export const mailSentKey = (n: number, kind: ReviewMailSent): string => `${n}#${kind}`;

export interface ReviewFacts {
  /** `mailSentKey(n, kind)` of every lifecycle mail that went out (status `sent`). */
  mailsSent: ReadonlySet<string>;
  /** The periods (1-based quarterly numbers) whose quarterly report is in. */
  reportsSubmitted: ReadonlySet<number>;
  /** The mid-term reflection questionnaire has answers from both sides (001 Annex 6). */
  reflectionAnswered?: boolean | undefined;
  /** Every organization of the mentorship signed its evaluation form (001 Annex 7). */
  evaluationsSigned?: boolean | undefined;
  /** The time now (the runtime's clock: virtual locally). */
  now: Date | string;
  /**
   * When the mentorship ended, if it did: no mail is sent after that, so its reviews are
   * judged as they stood then (the clock stops at the end).
   */
  endedAt?: string | undefined;
}

/** A scheduled review with its execution number, its instants and where it stands. */
export interface ReviewWithState {
  /** The execution number: 1-based index among the mentorship's reviews in date order. */
  n: number;
  kind: ReviewKind;
  /** The quarterly report's number, quarterly only. */
  period?: number;
  dueDate: string;
  /** When the review is asked for (ISO instant). */
  dueAt: string;
  /** Quarterly only: when a missing report is reminded. */
  remindAt?: string;
  /** Quarterly only: when a missing report is escalated to the network's admins. */
  escalateAt?: string;
  state: ReviewState;
}

const instant = (value: Date | string) =>
  typeof value === 'string' ? Date.parse(value) : value.getTime();

/**
 * Each review of `reviews` (a mentorship's `reviews`, in their stored date order: review
 * `n` is `reviews[n - 1]`, as the lifecycle numbers its executions) with its state. The
 * first rule that holds decides:
 *
 * 1. `submitted`: a quarterly review whose period is in `reportsSubmitted`; the mid-term
 *    review once `reflectionAnswered` (both sides answered the reflection questionnaire);
 *    the end review once `evaluationsSigned` (every organization signed its evaluation).
 *    A form filed for a review that was already past when the mentorship was recorded
 *    counts too.
 * 2. `past`: the review was recorded `past` (its day had come when the mentorship was
 *    entered: it is never mailed).
 * 3. `overdue`: a quarterly review whose escalation was sent, or now ≥ its `escalateAt`
 *    (due date + 28 days).
 * 4. `reminded`: its reminder was sent, or now ≥ its `remindAt` (+ 14 days; quarterly only).
 * 5. `requested`: its request was sent, or now ≥ its `dueAt` (08:00 UTC on its day).
 * 6. `upcoming`: otherwise.
 *
 * The mail records and the clock each suffice: the mail shows what happened, the clock
 * what should have (a runner that is late, or mail that failed, changes nothing here).
 * With `endedAt`, "now" is never later than the end.
 *
 * @example
 * reviewStates(
 *   [{ kind: 'quarterly', period: 1, dueDate: '2026-04-15', state: 'upcoming' }],
 *   { mailsSent: new Set(), reportsSubmitted: new Set(), now: '2026-04-30T00:00:00Z' },
 * )[0].state; // 'reminded' (14 days after 2026-04-15T08:00Z)
 */
export function reviewStates(
  reviews: readonly Pick<ScheduledReview, 'kind' | 'period' | 'dueDate' | 'state'>[],
  facts: ReviewFacts,
): ReviewWithState[] {
  const now = Math.min(
    instant(facts.now),
    facts.endedAt ? instant(facts.endedAt) : Number.POSITIVE_INFINITY,
  );
  const reached = (at: string | undefined) => at !== undefined && now >= Date.parse(at);
  return reviews.map((review, i) => {
    const n = i + 1;
    const times: LifecycleReview = lifecycleReview(review);
    const sent = (kind: ReviewMailSent) => facts.mailsSent.has(mailSentKey(n, kind));
    const quarterly = review.kind === 'quarterly';
    let state: ReviewState;
    const filed = quarterly
      ? review.period !== undefined && facts.reportsSubmitted.has(review.period)
      : review.kind === 'mid-term'
        ? !!facts.reflectionAnswered
        : !!facts.evaluationsSigned;
    if (filed) {
      state = 'submitted';
    } else if (review.state === 'past') {
      state = 'past';
    } else if (quarterly && (sent('escalation') || reached(times.escalateAt))) {
      state = 'overdue';
    } else if (sent('reminder') || reached(times.remindAt)) {
      state = 'reminded';
    } else if (sent('request') || reached(times.dueAt)) {
      state = 'requested';
    } else {
      state = 'upcoming';
    }
    return {
      n,
      kind: review.kind,
      ...(review.period === undefined ? {} : { period: review.period }),
      dueDate: review.dueDate,
      dueAt: times.dueAt,
      ...(times.remindAt ? { remindAt: times.remindAt } : {}),
      ...(times.escalateAt ? { escalateAt: times.escalateAt } : {}),
      state,
    };
  });
}

/** Whether a review in `state` waits for someone to act (requested, reminded or overdue). */
export const isDue = (state: ReviewState): state is DueReviewState =>
  (dueReviewStates as readonly string[]).includes(state);
