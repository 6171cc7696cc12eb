import type { SFNClient } from '@aws-sdk/client-sfn';
import type { LifecycleInput, WorkflowStarter } from '@sisi/workflows';
import { SfnWorkflowStarter } from './sfn-starter.ts';

/**
 * The `WorkflowStarter` port when every network has its own lifecycle state machine (its
 * network stack): the machine is `<arnPrefix><networkId>`, picked from the execution's
 * input or the mentorship's network. Each network's task functions can reach only that
 * network's table, so an execution started in the wrong machine would fail, not leak.
 *
 * @example
 * const workflows = new NetworkWorkflowStarter(new SFNClient({}), 'arn:aws:states:eu-west-1:123456789012:stateMachine:sisi-lifecycle-');
 */
export class NetworkWorkflowStarter implements WorkflowStarter {
  private readonly starters = new Map<string, SfnWorkflowStarter>();

  constructor(
    private readonly client: SFNClient,
    private readonly arnPrefix: string,
  ) {}

  /** The state machine of one network. */
  stateMachineArn(networkId: string): string {
    if (!networkId) throw new Error('NetworkWorkflowStarter: no network');
    return `${this.arnPrefix}${networkId}`;
  }

  private starter(networkId: string): SfnWorkflowStarter {
    let starter = this.starters.get(networkId);
    if (!starter) {
      starter = new SfnWorkflowStarter(this.client, {
        stateMachineArn: this.stateMachineArn(networkId),
      });
      this.starters.set(networkId, starter);
    }
    return starter;
  }

  start(name: string, input: LifecycleInput): Promise<void> {
    return this.starter(input.networkId).start(name, input);
  }

  stopMentorship(networkId: string, mentorshipId: string, executions: number): Promise<void> {
    return this.starter(networkId).stopMentorship(networkId, mentorshipId, executions);
  }
}
