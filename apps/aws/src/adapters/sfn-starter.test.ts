import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { executionInput } from '@sisi/domain';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SfnWorkflowStarter } from './sfn-starter.ts';

const sfn = mockClient(SFNClient);
afterEach(() => sfn.reset());

const ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:sisi-lifecycle';
const EXECUTION = 'arn:aws:states:eu-west-1:123456789012:execution:sisi-lifecycle:';
const starter = () =>
  new SfnWorkflowStarter(new SFNClient({ region: 'eu-west-1' }), {
    stateMachineArn: ARN,
  });
const mentorship = {
  networkId: 'kp-alliance-x1',
  id: 'm_123456',
  reviews: [
    { kind: 'quarterly' as const, period: 1, dueDate: '2026-04-15' },
    { kind: 'quarterly' as const, period: 2, dueDate: '2026-07-15' },
    { kind: 'mid-term' as const, dueDate: '2026-07-15' },
    { kind: 'end' as const, dueDate: '2027-01-15' },
  ],
};
const input = executionInput(mentorship, 1);
const meta = { $metadata: {} };
const throttled = () => Object.assign(new Error('slow down'), { name: 'ThrottlingException' });

describe('SfnWorkflowStarter', () => {
  it('starts an execution of the state machine by name, with the input as JSON', async () => {
    sfn
      .on(StartExecutionCommand)
      .resolves({ executionArn: `${EXECUTION}x`, startDate: new Date() });
    await starter().start('kp-alliance-x1-m_123456-p1', input);
    const calls = sfn.commandCalls(StartExecutionCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      stateMachineArn: ARN,
      name: 'kp-alliance-x1-m_123456-p1',
      input: JSON.stringify(input),
    });
    expect(JSON.parse(calls[0]!.args[0].input.input!)).toEqual(input);
  });

  it('takes ExecutionAlreadyExists as "already started"', async () => {
    sfn
      .on(StartExecutionCommand)
      .rejects(new ExecutionAlreadyExists({ message: 'Execution Already Exists', ...meta }));
    await expect(starter().start('kp-alliance-x1-m_123456-p1', input)).resolves.toBeUndefined();
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(1);
  });

  it('passes any other error on (the caller, or the workflow’s Retry, tries again)', async () => {
    sfn.on(StartExecutionCommand).rejects(throttled());
    await expect(starter().start('kp-alliance-x1-m_123456-p1', input)).rejects.toThrow('slow down');
  });

  it('stops every execution the chain can have, p1…pN, skipping those that do not exist', async () => {
    sfn
      .on(StopExecutionCommand)
      .rejects(new ExecutionDoesNotExist({ message: 'Execution Does Not Exist', ...meta }))
      .on(StopExecutionCommand, { executionArn: `${EXECUTION}kp-alliance-x1-m_123456-p1` })
      .resolves({ stopDate: new Date() })
      .on(StopExecutionCommand, { executionArn: `${EXECUTION}kp-alliance-x1-m_123456-p2` })
      .resolves({ stopDate: new Date() });
    await starter().stopMentorship('kp-alliance-x1', 'm_123456', mentorship.reviews.length);
    const arns = sfn
      .commandCalls(StopExecutionCommand)
      .map((c) => c.args[0].input)
      .sort((a, b) => a.executionArn!.localeCompare(b.executionArn!));
    expect(arns).toEqual(
      [1, 2, 3, 4].map((n) => ({ executionArn: `${EXECUTION}kp-alliance-x1-m_123456-p${n}` })),
    );
    expect(sfn.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('fails a stop on any other error, after trying every execution', async () => {
    sfn
      .on(StopExecutionCommand)
      .resolves({ stopDate: new Date() })
      .on(StopExecutionCommand, { executionArn: `${EXECUTION}kp-alliance-x1-m_123456-p2` })
      .rejects(throttled());
    await expect(starter().stopMentorship('kp-alliance-x1', 'm_123456', 4)).rejects.toThrow(
      'slow down',
    );
    expect(sfn.commandCalls(StopExecutionCommand)).toHaveLength(4);
  });

  it('refuses an ARN that is not an unqualified state machine’s, up front', () => {
    const client = new SFNClient({ region: 'eu-west-1' });
    for (const stateMachineArn of ['', 'sisi-lifecycle', `${ARN}:prod`, EXECUTION]) {
      expect(() => new SfnWorkflowStarter(client, { stateMachineArn })).toThrow(
        /not a state machine ARN/,
      );
    }
    expect(starter().executionArn('n-m-p3')).toBe(`${EXECUTION}n-m-p3`);
  });
});
