import type { AddressInfo } from 'node:net';
import type { Mailer } from '@sisi/api';
import { buildLocalDeps, type LocalDeps, startMailWorker } from '@sisi/local';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestApi, PASSWORD, type TestApi } from '../support/api.ts';
import { testDynamo } from '../support/dynamo.ts';
import { organizationBody } from '../support/fixtures.ts';
import { expectJson } from '../support/problem.ts';

/** Mail the real SMTP server received, in order. */
const received: ParsedMail[] = [];
let server: SMTPServer;
let smtpUrl: string;

/**
 * What the API's mailer does: hand mail to the outbox (to set a network up), or fail as a
 * process that stops between the commit and the send would leave it: not sent.
 */
let mode: 'outbox' | 'crash' = 'outbox';
let api: TestApi;
const mailer: Mailer = {
  async send(message) {
    if (mode === 'crash') throw new Error('the process stopped before the mail went out');
    return api.local.outbox.send(message);
  },
};
/** Runtimes built after the "crash" over the same tables, with real SMTP. */
const restarted: LocalDeps[] = [];
const restart = async () => {
  const local = await buildLocalDeps({
    endpoint: testDynamo().endpoint,
    tablePrefix: api.prefix,
    dataDir: api.dataDir,
    baseUrl: BASE,
    smtpUrl,
    workflowRetryDelayMs: 0,
  });
  restarted.push(local);
  return local;
};
const toOf = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : [m.to]).flatMap((t) => t?.value.map((v) => v.address));
const receivedBy = (email: string) => received.filter((m) => toOf(m).includes(email));

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  api = await createTestApi({ mailer });
});
afterAll(async () => {
  for (const local of restarted) await local.close();
  await api.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('mail decided in a request survives a crash', () => {
  it('an invitation whose send failed after the commit is delivered once, by SMTP, after a restart', async () => {
    const { networkId, adminToken } = await api.createNetwork('Queue network');
    mode = 'crash';
    const body = organizationBody();
    const coordinatorEmail = body.coordinatorEmail as string;
    // the write succeeds: the organization, its coordinator, the invitation and its mail
    await expectJson(
      await api.call('POST', `/networks/${networkId}/organizations`, { token: adminToken, body }),
      201,
    );
    expect(await api.mails(coordinatorEmail)).toEqual([]);
    const pending = (await api.local.mailQueue.listPending()).filter(
      (m) => m.message?.to === coordinatorEmail,
    );
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ status: 'pending', lastError: expect.any(String) });

    // new processes (two at once, as two instances may be): their workers send what was
    // pending as they start, and the mail goes out once
    const [first, second] = [await restart(), await restart()];
    const workers = await Promise.all([
      startMailWorker(first.mailQueue, 60_000),
      startMailWorker(second.mailQueue, 60_000),
    ]);
    await Promise.all(workers.map((w) => w.stop()));
    expect(receivedBy(coordinatorEmail)).toHaveLength(1);

    // later rounds send nothing again
    await Promise.all([first.mailQueue.deliverPending(), second.mailQueue.deliverPending()]);
    expect(receivedBy(coordinatorEmail)).toHaveLength(1);

    // the mail is the invitation, and its link works
    const [mail] = receivedBy(coordinatorEmail);
    const token = mail?.text?.match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeDefined();
    await expectJson(
      await api.call('POST', `/invitations/${token}/accept`, {
        body: { name: 'Coordinator', password: PASSWORD },
      }),
      200,
    );
    // once sent, the queue keeps no copy of the link
    const kept = await first.mailQueue.get(pending[0]!.id);
    expect(kept).toMatchObject({ status: 'sent', messageId: expect.any(String) });
    expect(kept?.message).toBeUndefined();
    expect(JSON.stringify(kept)).not.toContain(token!);
  });

  it('a mail claimed by a sender that died is left alone during its lease, then sent once', async () => {
    mode = 'outbox';
    const { networkId, adminToken } = await api.createNetwork('Lease network');
    const { id: orgId } = await expectJson<{ id: string }>(
      await api.call('POST', `/networks/${networkId}/organizations`, {
        token: adminToken,
        body: organizationBody(),
      }),
      201,
    );
    mode = 'crash';
    const body = { email: `lease-${api.prefix}@example.org`, name: 'Lease Member' };
    await expectJson(
      await api.call('POST', `/networks/${networkId}/organizations/${orgId}/members`, {
        token: adminToken,
        body,
      }),
      201,
    );
    const [queued] = (await api.local.mailQueue.listPending()).filter(
      (m) => m.message?.to === body.email,
    );
    expect(queued).toBeDefined();
    // a sender claims it and dies mid-send (its mailer never answers)
    const dying = api.local.mailQueue.withMailer({ send: () => new Promise(() => {}) });
    void dying.deliver(queued!.id);
    await expect
      .poll(async () => (await api.local.mailQueue.get(queued!.id))?.status)
      .toBe('sending');

    const early = await restart();
    await early.mailQueue.deliverPending();
    expect(receivedBy(body.email)).toHaveLength(0);
    expect(await early.mailQueue.get(queued!.id)).toMatchObject({ status: 'sending' });

    // the lease (60 s) runs out
    await expectJson(
      await api.call('POST', '/dev/clock', { token: api.operatorToken, body: { advanceDays: 1 } }),
      200,
    );
    const later = await restart();
    await later.mailQueue.deliverPending();
    await later.mailQueue.deliverPending();
    expect(receivedBy(body.email)).toHaveLength(1);
    // tried by the request, by the sender that died, then sent by the later worker
    expect(await later.mailQueue.get(queued!.id)).toMatchObject({ status: 'sent', attempt: 3 });
  });
});
