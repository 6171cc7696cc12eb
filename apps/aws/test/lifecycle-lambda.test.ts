import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import {
  ExecutionAlreadyExists,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { executionInput } from '@sisi/domain';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LifecycleWorld, lifecycleWorld } from '../../../test/lifecycle/world.ts';
import { BASE, createTestApi, type TestApi } from '../../../test/support/api.ts';
import { createLifecycleLambda } from '../src/lambdas.ts';
import { type LifecycleTask, readLifecycleSettings } from '../src/settings.ts';

/**
 * The lifecycle Lambda (`apps/aws/src/entries/lifecycle.ts`) over DynamoDB Local, with SES
 * and Step Functions mocked: the AWS composition root, called as Step Functions calls it.
 */

const STATE_MACHINE = 'arn:aws:states:eu-west-1:123456789012:stateMachine:sisi-lifecycle';
const ses = new SESv2Client({ region: 'eu-west-1' });
const sfn = new SFNClient({ region: 'eu-west-1' });
const sesMock = mockClient(ses);
const sfnMock = mockClient(sfn);

let api: TestApi;
let w: LifecycleWorld;
const env = (task: LifecycleTask) => ({
  SISI_LIFECYCLE_TASK: task,
  SISI_TABLE_PREFIX: api.prefix,
  SISI_BASE_URL: `${BASE}/`,
  SISI_MAIL_FROM: 'Sisi <no-reply@sisi.example.org>',
  SISI_STATE_MACHINE_ARN: STATE_MACHINE,
  AWS_REGION: 'eu-west-1',
});
const lambda = (task: LifecycleTask) =>
  createLifecycleLambda(env(task), { doc: api.local.doc, ses, sfn });
/** The subject of SES call `i`, Simple or raw MIME alike. */
async function subjectOf(i: number): Promise<string | undefined> {
  const content = sesMock.commandCalls(SendEmailCommand)[i]!.args[0].input.Content;
  if (content?.Simple) return content.Simple.Subject?.Data;
  return (await simpleParser(Buffer.from(content!.Raw!.Data!))).subject;
}
const recipients = () =>
  sesMock.commandCalls(SendEmailCommand).map((c) => c.args[0].input.Destination?.ToAddresses);

beforeAll(async () => {
  api = await createTestApi();
  w = await lifecycleWorld(api);
});
afterAll(() => api.close());
beforeEach(() => {
  sesMock.reset();
  sfnMock.reset();
  sesMock.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
  sfnMock.on(StartExecutionCommand).resolves({ executionArn: 'x', startDate: new Date() });
});

describe('the lifecycle Lambda', () => {
  it('RequestReview: mails the mentor’s coordinator through SES and starts the next review’s execution', async () => {
    const m = await w.start({ startDate: w.day(10), durationMonths: 12 });
    expect(await lambda('RequestReview')(executionInput(m, 1))).toEqual({ ended: false });
    expect(recipients()).toEqual([[w.mentor.coordinatorEmail]]);
    const mail = sesMock.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(mail.FromEmailAddress).toBe('Sisi <no-reply@sisi.example.org>');
    // the request carries the .ics of the next review: a raw MIME message
    const parsed = await simpleParser(Buffer.from(mail.Content!.Raw!.Data!));
    expect(parsed.subject).toMatch(/^The quarterly report for period 1 is due/);
    expect(parsed.attachments.map((a) => a.contentType)).toContain('text/calendar');
    const starts = sfnMock.commandCalls(StartExecutionCommand).map((c) => c.args[0].input);
    expect(starts).toEqual([
      {
        stateMachineArn: STATE_MACHINE,
        name: `${w.networkId}-${m.id}-p2`,
        input: JSON.stringify(executionInput(m, 2)),
      },
    ]);
    expect(sfnMock.commandCalls(StopExecutionCommand)).toHaveLength(0);
  });

  it('a retried RequestReview mails nobody twice, and a second start of the next is a no-op', async () => {
    const m = await w.start({ startDate: w.day(10), durationMonths: 12 });
    const handle = lambda('RequestReview');
    await handle(executionInput(m, 1));
    sfnMock
      .on(StartExecutionCommand)
      .rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    expect(await handle(executionInput(m, 1))).toEqual({ ended: false });
    expect(recipients()).toEqual([[w.mentor.coordinatorEmail]]);
    expect(sfnMock.commandCalls(StartExecutionCommand)).toHaveLength(2);
  });

  it('RemindIfMissing and EscalateIfMissing: one function each, chosen by SISI_LIFECYCLE_TASK', async () => {
    const m = await w.start({ startDate: w.day(10), durationMonths: 12 });
    const state = executionInput(m, 1);
    expect(await lambda('RemindIfMissing')(state)).toEqual({ submitted: false, ended: false });
    expect(recipients()).toEqual([[w.mentor.coordinatorEmail]]);
    expect(await lambda('EscalateIfMissing')(state)).toEqual({ submitted: false, ended: false });
    expect(recipients()).toEqual([[w.mentor.coordinatorEmail], [w.adminEmail]]);
    expect(await subjectOf(1)).toMatch(/^Overdue: the quarterly report for period 1/);
    expect(sfnMock.commandCalls(StartExecutionCommand)).toHaveLength(0);
  });

  it('fails a state that is not the lifecycle’s (the Task fails; nothing is sent)', async () => {
    await expect(lambda('RequestReview')({ hello: 'world' })).rejects.toThrow(
      /not a lifecycle state/,
    );
    expect(recipients()).toEqual([]);
  });
});

describe('readLifecycleSettings', () => {
  it('reads every setting, trimming the base URL’s slash', () => {
    expect(
      readLifecycleSettings({ ...env('RequestReview'), SISI_SES_CONFIGURATION_SET: 'sisi' }),
    ).toEqual({
      task: 'RequestReview',
      tablePrefix: api.prefix,
      baseUrl: BASE,
      mailFrom: 'Sisi <no-reply@sisi.example.org>',
      configurationSetName: 'sisi',
      stateMachineArn: STATE_MACHINE,
    });
  });

  it('refuses a bad or missing setting at the cold start, naming each one', () => {
    let message = '';
    try {
      createLifecycleLambda({
        ...env('RequestReview'),
        SISI_LIFECYCLE_TASK: 'SendFlowers',
        SISI_BASE_URL: '',
        SISI_STATE_MACHINE_ARN: 'arn:aws:lambda:eu-west-1:123456789012:function:x',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^invalid lifecycle settings/);
    for (const name of ['SISI_LIFECYCLE_TASK', 'SISI_BASE_URL', 'SISI_STATE_MACHINE_ARN']) {
      expect(message).toContain(name);
    }
    expect(message).not.toContain('SISI_TABLE_PREFIX');
  });
});
