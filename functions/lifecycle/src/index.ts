/**
 * The lifecycle workflow's Task handlers (review requests, reminders, escalation), the same
 * for Step Functions and the local runner; the runtime's composition root picks the adapters.
 *
 * @example
 * import { createLifecycleHandlers } from '@sisi/lifecycle';
 * const { requestReview } = createLifecycleHandlers(deps);
 * const { ended } = await requestReview(state);
 */
export {
  LifecycleError,
  LifecycleInputError,
  LifecycleMailError,
  LifecycleMailInFlightError,
} from './errors.ts';
export {
  createLifecycleHandlers,
  type FollowUpResult,
  type LifecycleDeps,
  type LifecycleHandlers,
  type LifecycleStore,
  type RequestReviewResult,
} from './handlers.ts';
