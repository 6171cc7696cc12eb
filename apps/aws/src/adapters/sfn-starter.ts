import { type SFNClient, StartExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { executionName, type LifecycleInput, type WorkflowStarter } from '@sisi/workflows';

export interface SfnWorkflowStarterOptions {
  /** The lifecycle state machine (unqualified), e.g. `arn:aws:states:eu-west-1:123456789012:stateMachine:sisi-lifecycle`. */
  stateMachineArn: string;
  /** StopExecution calls in flight at once when a chain is stopped. Default 4. */
  concurrency?: number;
}

const STATE_MACHINE_ARN =
  /^arn:(aws[a-z-]*):states:([a-z0-9-]+):(\d{12}):stateMachine:([A-Za-z0-9_-]{1,80})$/;

const named = (error: unknown, name: string) =>
  !!error && typeof error === 'object' && (error as { name?: unknown }).name === name;

/**
 * The AWS adapter of `WorkflowStarter`: Step Functions Standard executions of the lifecycle
 * state machine, one per review, named by `executionName`.
 *
 * - `start` is StartExecution; `ExecutionAlreadyExists` (the name was used before with
 *   another input, or the execution has closed) means "already started" and is a no-op, as
 *   the port asks (docs/decisions/0006). A repeat with the same input while the execution
 *   runs succeeds on its own.
 * - `stopMentorship` is StopExecution of every execution the chain can have, p1…pN;
 *   `ExecutionDoesNotExist` (not started yet, or never) is skipped. A RequestReview already
 *   running may still start the next execution after this; that one finds the mentorship
 *   ended at its first step and sends nothing (the handlers read the mentorship each time).
 *
 * @example
 * const starter = new SfnWorkflowStarter(new SFNClient({}), { stateMachineArn });
 * await starter.start(executionName(networkId, id, 1), executionInput(mentorship, 1));
 */
export class SfnWorkflowStarter implements WorkflowStarter {
  private readonly stateMachineArn: string;
  private readonly executionArnPrefix: string;
  private readonly concurrency: number;

  constructor(
    private readonly client: SFNClient,
    options: SfnWorkflowStarterOptions,
  ) {
    const match = STATE_MACHINE_ARN.exec(options?.stateMachineArn ?? '');
    if (!match) {
      throw new Error(
        `SfnWorkflowStarter: not a state machine ARN: ${JSON.stringify(options?.stateMachineArn)}`,
      );
    }
    const [, partition, region, account, machine] = match;
    this.stateMachineArn = options.stateMachineArn;
    this.executionArnPrefix = `arn:${partition}:states:${region}:${account}:execution:${machine}:`;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
  }

  /** The ARN of execution `name` of this state machine. */
  executionArn(name: string): string {
    return `${this.executionArnPrefix}${name}`;
  }

  async start(name: string, input: LifecycleInput): Promise<void> {
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name,
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      if (named(error, 'ExecutionAlreadyExists')) return;
      throw error;
    }
  }

  async stopMentorship(networkId: string, mentorshipId: string, executions: number): Promise<void> {
    if (!Number.isInteger(executions) || executions < 0) {
      throw new RangeError(`not a number of executions: ${executions}`);
    }
    const arns = Array.from({ length: executions }, (_, i) =>
      this.executionArn(executionName(networkId, mentorshipId, i + 1)),
    );
    const failed: unknown[] = [];
    let next = 0;
    const worker = async () => {
      while (next < arns.length) {
        const executionArn = arns[next++] as string;
        try {
          await this.client.send(new StopExecutionCommand({ executionArn }));
        } catch (error) {
          if (!named(error, 'ExecutionDoesNotExist')) failed.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, arns.length) }, worker));
    // every execution was tried before failing, so one refusal does not leave the rest running
    if (failed.length === 1) throw failed[0];
    if (failed.length > 1)
      throw new AggregateError(failed, `${failed.length} executions not stopped`);
  }
}
