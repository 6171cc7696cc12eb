import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer } from '@sisi/api';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BASE, createTestApi, type TestApi } from '../../../test/support/api.ts';
import { organizationBody } from '../../../test/support/fixtures.ts';
import { createMailQueueLambda } from '../src/lambdas.ts';

/**
 * The mail queue Lambda (`apps/aws/src/entries/mail-queue.ts`) over DynamoDB Local with SES
 * mocked: what a request queued and could not send goes out through SES once.
 */

const ses = new SESv2Client({ region: 'eu-west-1' });
const sesMock = mockClient(ses);
let api: TestApi;
let sending = true;
/** The API's own mailer: it fails once the test says so, as a crash after the commit would. */
const mailer: Mailer = {
  async send(message) {
    if (!sending) throw new Error('the Lambda ended before the mail went out');
    return api.local.outbox.send(message);
  },
};
const env = () => ({
  SISI_TABLE_PREFIX: api.prefix,
  SISI_BASE_URL: `${BASE}/`,
  SISI_MAIL_FROM: 'Sisi <no-reply@sisi.example.org>',
  AWS_REGION: 'eu-west-1',
});

beforeAll(async () => {
  api = await createTestApi({ mailer });
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await api.close();
});
beforeEach(() => {
  sesMock.reset();
  sesMock.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
});

describe('the mail queue Lambda', () => {
  it('sends through SES the invitation a request queued but could not send, once', async () => {
    const { networkId, adminToken } = await api.createNetwork('SES queue network');
    sending = false;
    const body = organizationBody();
    const res = await api.call('POST', `/networks/${networkId}/organizations`, {
      token: adminToken,
      body,
    });
    expect(res.status).toBe(201);

    const run = createMailQueueLambda(env(), { doc: api.local.doc, ses });
    expect(await run()).toMatchObject({ sent: 1, failed: 0 });
    const calls = sesMock.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]!.args[0].input;
    expect(input.Destination?.ToAddresses).toEqual([body.coordinatorEmail]);
    expect(input.FromEmailAddress).toBe('Sisi <no-reply@sisi.example.org>');
    expect(input.Content?.Simple?.Body?.Text?.Data).toMatch(
      new RegExp(`${BASE}/invitations/[A-Za-z0-9_-]+`),
    );

    // the next minute's run finds nothing left
    expect(await run()).toMatchObject({ sent: 0 });
    expect(sesMock.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it('keeps a mail SES refused for the next run, then sends it', async () => {
    sending = true;
    const { networkId, adminToken } = await api.createNetwork('SES retry network');
    sending = false;
    await api.call('POST', `/networks/${networkId}/organizations`, {
      token: adminToken,
      body: organizationBody(),
    });
    sesMock
      .on(SendEmailCommand)
      .rejectsOnce(new Error('Throttling'))
      .resolves({ MessageId: 'ses-2' });
    const run = createMailQueueLambda(env(), { doc: api.local.doc, ses });
    expect(await run()).toMatchObject({ sent: 0, failed: 1 });
    expect(await run()).toMatchObject({ sent: 1, failed: 0 });
    expect(await run()).toMatchObject({ sent: 0, failed: 0 });
    expect(sesMock.commandCalls(SendEmailCommand)).toHaveLength(2);
  });

  it('refuses to start without its settings, naming each variable', () => {
    expect(() => createMailQueueLambda({ SISI_TABLE_PREFIX: 'sisi' })).toThrow(/SISI_MAIL_FROM/);
  });
});
