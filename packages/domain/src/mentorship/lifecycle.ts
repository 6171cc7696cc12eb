/**
 * The lifecycle of a mentorship as its workflow sees it (DESIGN.md "Long lifecycles"): one
 * execution per review, in date order, each named deterministically and each starting the
 * next. Pure: the API starts the first execution with `executionInput(m, 1)`, the lifecycle
 * handler of review n starts n + 1 with `executionInput(m, n + 1)`, so both agree on every
 * name and input.
 */
import type { ReviewKind, ScheduledReview } from './schedule.ts';

/** Reviews are requested at 08:00 UTC on their day. */
export const REVIEW_TIME_UTC = 'T08:00:00Z';
/** A quarterly report still missing this many days after its date: the coordinator is reminded. */
export const REMIND_AFTER_DAYS = 14;
/** … and this many days after its date: the network's admins are told it is overdue. */
export const ESCALATE_AFTER_DAYS = 28;

const DAY_MS = 86_400_000;

/** One review as the lifecycle waits for it: instants, not days. */
export interface LifecycleReview {
  kind: ReviewKind;
  /** The quarterly report's number (1-based index into `quarterlyReviews`), quarterly only. */
  period?: number;
  /** When the review is requested (ISO instant). */
  dueAt: string;
  /** Quarterly only: the reminder, when the report is still missing (`dueAt` + 14 days). */
  remindAt?: string;
  /** Quarterly only: the network's admins are told (`dueAt` + 28 days). */
  escalateAt?: string;
}

/**
 * The input of the execution of one review, and the state its Task handlers receive (the
 * runner may add fields, e.g. `result`; handlers ignore them).
 */
export interface LifecycleState {
  networkId: string;
  mentorshipId: string;
  /** 1-based index of `review` among all the mentorship's reviews in date order. */
  period: number;
  review: LifecycleReview;
  /** Review `period + 1`; absent for the last. */
  next?: LifecycleReview;
}

const NAME_PART = /^[A-Za-z0-9_-]+$/;

/**
 * The execution of review `n` of a mentorship: the same name for every start, so a repeated
 * start is a no-op. Step Functions allows 80 characters of letters, digits, `-` and `_`.
 *
 * @example executionName('kp-alliance-x1', 'm_123456', 2) // 'kp-alliance-x1-m_123456-p2'
 */
export function executionName(networkId: string, mentorshipId: string, n: number): string {
  if (!NAME_PART.test(networkId) || !NAME_PART.test(mentorshipId)) {
    throw new RangeError(`not an id: ${networkId} / ${mentorshipId}`);
  }
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`not a review number: ${n}`);
  const name = `${networkId}-${mentorshipId}-p${n}`;
  if (name.length > 80) throw new RangeError(`execution name too long: ${name}`);
  return name;
}

const plusDays = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString().replace('.000Z', 'Z');

/**
 * A scheduled review as the lifecycle needs it.
 *
 * @example
 * lifecycleReview({ kind: 'quarterly', period: 1, dueDate: '2026-04-15' })
 * // { kind: 'quarterly', period: 1, dueAt: '2026-04-15T08:00:00Z',
 * //   remindAt: '2026-04-29T08:00:00Z', escalateAt: '2026-05-13T08:00:00Z' }
 */
export function lifecycleReview(
  review: Pick<ScheduledReview, 'kind' | 'period' | 'dueDate'>,
): LifecycleReview {
  const dueAt = `${review.dueDate}${REVIEW_TIME_UTC}`;
  if (Number.isNaN(Date.parse(dueAt))) throw new RangeError(`not a date: ${review.dueDate}`);
  if (review.kind !== 'quarterly') return { kind: review.kind, dueAt };
  return {
    kind: 'quarterly',
    ...(review.period === undefined ? {} : { period: review.period }),
    dueAt,
    remindAt: plusDays(dueAt, REMIND_AFTER_DAYS),
    escalateAt: plusDays(dueAt, ESCALATE_AFTER_DAYS),
  };
}

/**
 * The input of the execution of review `n` (1-based) of a mentorship, from its reviews in
 * date order (`mentorship.reviews`); `next` is review `n + 1` when there is one.
 *
 * @example
 * const input = executionInput(mentorship, 1);
 * await starter.start(executionName(mentorship.networkId, mentorship.id, 1), input);
 */
export function executionInput(
  mentorship: {
    networkId: string;
    id: string;
    reviews: readonly Pick<ScheduledReview, 'kind' | 'period' | 'dueDate'>[];
  },
  n: number,
): LifecycleState {
  executionName(mentorship.networkId, mentorship.id, n); // validates the parts
  const review = mentorship.reviews[n - 1];
  if (!review) throw new RangeError(`no review ${n} among ${mentorship.reviews.length}`);
  const next = mentorship.reviews[n];
  return {
    networkId: mentorship.networkId,
    mentorshipId: mentorship.id,
    period: n,
    review: lifecycleReview(review),
    ...(next ? { next: lifecycleReview(next) } : {}),
  };
}

/**
 * The scheduled review that execution `n` stands for: `reviews[n - 1]` when it is of the
 * same kind (and quarterly number), else found by kind and number.
 */
export function scheduledReviewFor<R extends Pick<ScheduledReview, 'kind' | 'period'>>(
  reviews: readonly R[],
  n: number,
  review: Pick<LifecycleReview, 'kind' | 'period'>,
): R | undefined {
  const same = (r: R) =>
    r.kind === review.kind &&
    (review.kind !== 'quarterly' || review.period === undefined || r.period === review.period);
  const byIndex = reviews[n - 1];
  return byIndex && same(byIndex) ? byIndex : reviews.find(same);
}
