import { executionInput, type LifecycleState, type ScheduledReview } from '@sisi/domain';
import type { Json } from './definition.ts';

export {
  ESCALATE_AFTER_DAYS,
  type LifecycleReview,
  lifecycleReview,
  REMIND_AFTER_DAYS,
  REVIEW_TIME_UTC,
} from '@sisi/domain';

/** The input of the execution of one review: the domain's `LifecycleState`. */
export type LifecycleInput = LifecycleState;

/**
 * What every lifecycle Task handler receives: the execution's state, i.e. its input plus
 * `result`, the previous task's answer (absent for `RequestReview`).
 */
export type LifecycleTaskInput = LifecycleInput & { result?: Json };

/**
 * `RequestReview`'s answer. The handler asks for the review (once, whatever retries happen)
 * and starts the execution of `next` unless the mentorship has ended.
 */
export interface RequestReviewResult {
  ended: boolean;
}

/** `RemindIfMissing`'s answer: either true ends the execution without escalation. */
export interface RemindIfMissingResult {
  submitted: boolean;
  ended: boolean;
}

/**
 * The execution input for review `period` (1-based) of `reviews`, the mentorship's reviews
 * in date order (`scheduledReviews(reviewSchedule(start, months), recordedOn)`).
 *
 * @example
 * const reviews = scheduledReviews(reviewSchedule('2026-01-15', 24), '2026-01-10');
 * const first = lifecycleInput('net-a', 'm1', reviews, 1);
 * starter.start(executionName('net-a', 'm1', 1), first);
 */
export function lifecycleInput(
  networkId: string,
  mentorshipId: string,
  reviews: readonly Pick<ScheduledReview, 'kind' | 'period' | 'dueDate'>[],
  period: number,
): LifecycleInput {
  return executionInput({ networkId, id: mentorshipId, reviews }, period);
}

/**
 * Starts and stops lifecycle executions: `SfnWorkflowStarter` on AWS (`apps/aws`), the local
 * runner in the embedded runtime. The API starts a mentorship's first execution and stops its
 * chain when it ends; the `RequestReview` handler starts each next one.
 */
export interface WorkflowStarter {
  /** Starts `name` unless an execution of that name was started before (then a no-op). */
  start(name: string, input: LifecycleInput): Promise<void>;
  /**
   * Ends a mentorship's chain: nothing of it runs or starts any more. `executions` is the
   * number of executions the chain can have (`mentorship.reviews.length`): Step Functions
   * stops executions by name, p1…pN, and has no query by mentorship.
   */
  stopMentorship(networkId: string, mentorshipId: string, executions: number): Promise<void>;
}
