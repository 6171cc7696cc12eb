/**
 * The mentorship lifecycle: its one ASL definition (run by Step Functions on AWS) and the
 * durable local runner that runs the same file in the embedded runtime.
 *
 * @example
 * import { executionName, lifecycleInput, LocalWorkflowRunner } from '@sisi/workflows';
 * await runner.start(executionName(networkId, id, 1), lifecycleInput(networkId, id, reviews, 1));
 */
export {
  type Checkpoint,
  type CheckpointStore,
  type FailedExecution,
  MemoryCheckpointStore,
} from './checkpoint-store.ts';
export {
  type AslDefinition,
  type AslState,
  aslViolations,
  chainName,
  chainOf,
  executionName,
  type Json,
  type LifecyclePlaceholder,
  lifecycleDefinition,
  lifecyclePlaceholders,
  localLifecycleResources,
  substitute,
} from './definition.ts';
export {
  ESCALATE_AFTER_DAYS,
  type LifecycleInput,
  type LifecycleReview,
  type LifecycleTaskInput,
  lifecycleInput,
  lifecycleReview,
  REMIND_AFTER_DAYS,
  REVIEW_TIME_UTC,
  type RemindIfMissingResult,
  type RequestReviewResult,
  type WorkflowStarter,
} from './input.ts';
export {
  LocalWorkflowRunner,
  type LocalWorkflowRunnerOptions,
  type RunReport,
  type TaskHandler,
} from './local-runner.ts';
