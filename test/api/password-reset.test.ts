import { createHash } from 'node:crypto';
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PASSWORD_RESET_LIMITS } from '@sisi/api';
import { platformTableName } from '@sisi/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestApi, PASSWORD, type TestApi } from '../support/api.ts';
import { testDynamo } from '../support/dynamo.ts';
import {
  acceptInvitation,
  createOrganization,
  type Session,
  uniqueEmail,
} from '../support/fixtures.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

const NEW_PASSWORD = 'a brand new passphrase of mine';
const ANSWER = {
  message:
    'If this email belongs to an active account, a link to choose a new password is on its way. It works once, for one hour.',
};

let api: TestApi;
let admin: { networkId: string; adminToken: string; adminEmail: string };
let addresses = 0;
/** A client address of its own, so one test's requests never brake another's. */
const freshIp = () => `10.17.${Math.floor(++addresses / 250)}.${addresses % 250}`;
let doc: ReturnType<typeof testDynamo>['doc'];

const askReset = (email: unknown, ip = freshIp()) =>
  api.call('POST', '/auth/password-reset', { body: { email }, ip });
const reset = (token: string, password: unknown) =>
  api.call('POST', `/password-reset/${token}`, { body: { password } });

interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}
/** The reset mails `GET /dev/outbox` lists for `email`, newest first. */
async function resetMails(email: string): Promise<OutboxMail[]> {
  const res = await api.call('GET', `/dev/outbox?to=${encodeURIComponent(email)}`, {
    token: api.operatorToken,
  });
  const { items } = await expectJson<{ items: OutboxMail[] }>(res, 200);
  return items.filter((m) => m.text.includes('/password-reset/'));
}
/** Waits for the `count`-th reset mail to `email` (sent beside the answer) and its token. */
async function resetToken(email: string, count = 1): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const mails = await resetMails(email);
    if (mails.length >= count) {
      const token = mails[0]!.text.match(/\/password-reset\/([A-Za-z0-9_-]+)/)?.[1];
      if (!token) throw new Error(`no link in ${mails[0]!.text}`);
      return token;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no reset mail ${count} to ${email}`);
}
/** The platform table's items of one entity. */
async function platformItems(entity: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(
      new ScanCommand({
        TableName: platformTableName(api.prefix),
        FilterExpression: 'entity = :e',
        ExpressionAttributeValues: { ':e': entity },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
/** The mail queue holds nothing unsent. */
const queueDrained = async () => (await api.local.deps.mailQueue.listPending()).length === 0;

/** A coordinator who accepted their invitation (password `PASSWORD`). */
async function activePerson(): Promise<{ email: string; session: Session }> {
  const org = await createOrganization(api, admin.networkId, admin.adminToken);
  const session = await acceptInvitation(api, org.coordinatorEmail, 'Reset Person');
  return { email: org.coordinatorEmail, session };
}

beforeAll(async () => {
  api = await createTestApi();
  doc = testDynamo().doc;
  admin = await api.createNetwork('Password reset network');
});
afterAll(async () => {
  doc.destroy();
  await api.close();
});

describe('POST /auth/password-reset', () => {
  it('answers an unknown email exactly as a known one, and sends and writes nothing for it', async () => {
    const { email } = await activePerson();
    const unknown = uniqueEmail('nobody');
    const resetsBefore = (await platformItems('password-reset')).length;
    const mailsBefore = (await platformItems('queued-mail')).length;

    const known = await askReset(email);
    const stranger = await askReset(unknown);
    expect(known.status).toBe(202);
    expect(stranger.status).toBe(202);
    expect(stranger.headers.get('content-type')).toBe(known.headers.get('content-type'));
    const [knownBody, strangerBody] = [await known.text(), await stranger.text()];
    expect(strangerBody).toBe(knownBody);
    expect(JSON.parse(knownBody)).toEqual(ANSWER);

    await resetToken(email);
    await expect.poll(queueDrained).toBe(true);
    expect(await resetMails(unknown)).toEqual([]);
    expect(await api.mails(unknown)).toEqual([]);
    // one link and one mail: the known email's; nothing at all for the unknown one
    expect((await platformItems('password-reset')).length).toBe(resetsBefore + 1);
    expect((await platformItems('queued-mail')).length).toBe(mailsBefore + 1);
  });

  it('takes at least the same floor for both answers, so the extra write of a known email does not show', async () => {
    const { email } = await activePerson();
    const times = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 3; i++) {
      for (const [kind, address] of [
        ['known', email],
        ['unknown', uniqueEmail('nobody')],
      ] as const) {
        const started = performance.now();
        expect((await askReset(address)).status).toBe(202);
        times[kind].push(performance.now() - started);
      }
    }
    for (const t of [...times.known, ...times.unknown]) {
      expect(t).toBeGreaterThanOrEqual(PASSWORD_RESET_LIMITS.answerFloorMs - 1);
    }
  });

  it('mails an active person a single-use link to {baseUrl}/password-reset/{token}, storing only its hash', async () => {
    const { email } = await activePerson();
    expect((await askReset(email)).status).toBe(202);
    const token = await resetToken(email);
    const [mail] = await resetMails(email);
    expect(mail!.subject).toBe('Choose a new password for Sisi');
    expect(mail!.text).toContain(`${BASE}/password-reset/${token}`);
    expect(mail!.html).toContain(`${BASE}/password-reset/${token}`);
    expect(mail!.text).toContain('expires in one hour');

    const hash = createHash('sha256').update(token).digest('base64url');
    const stored = (await platformItems('password-reset')).find((r) => r.tokenHash === hash);
    expect(stored).toMatchObject({ PK: `PASSWORD_RESET#${hash}`, userId: expect.any(String) });
    expect(Date.parse(String(stored!.expiresAt)) - Date.parse(String(stored!.createdAt))).toBe(
      3_600_000,
    );
    // purged by TTL a day after it expires; no email kept on it
    expect(stored!.ttl).toBe(Math.floor(Date.parse(String(stored!.expiresAt)) / 1000) + 86_400);
    expect(JSON.stringify(stored)).not.toContain(email);
    // the token itself is nowhere in the table: the sent mail lost its text
    await expect.poll(queueDrained).toBe(true);
    const everything = JSON.stringify([
      ...(await platformItems('password-reset')),
      ...(await platformItems('queued-mail')),
      ...(await platformItems('rate-window')),
    ]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(email);
  });

  it('sends no mail to a deactivated person or to one who has not accepted their invitation yet, with the same answer', async () => {
    const { email, session } = await activePerson();
    await doc.send(
      new UpdateCommand({
        TableName: platformTableName(api.prefix),
        Key: { PK: `USER#${session.user.id}`, SK: 'USER' },
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'deactivated' },
      }),
    );
    const org = await createOrganization(api, admin.networkId, admin.adminToken);
    for (const address of [email, org.coordinatorEmail]) {
      const res = await askReset(address);
      expect(await expectJson(res, 202)).toEqual(ANSWER);
    }
    await expect.poll(queueDrained).toBe(true);
    expect(await resetMails(email)).toEqual([]);
    expect(await resetMails(org.coordinatorEmail)).toEqual([]);
  });

  it('refuses a bad body with a 400 naming the field, and writes nothing', async () => {
    const before = await api.countItems([admin.networkId]);
    await expectProblem(await askReset('not an email'), 400, 'email');
    await expectProblem(await askReset(''), 400, 'email');
    await expectProblem(await askReset(42), 400, 'email');
    await expectProblem(
      await api.call('POST', '/auth/password-reset', { body: {}, ip: freshIp() }),
      400,
      'email',
    );
    await expectProblem(
      await api.call('POST', '/auth/password-reset', {
        body: { email: admin.adminEmail, extra: 1 },
        ip: freshIp(),
      }),
      400,
    );
    expect(await api.countItems([admin.networkId])).toBe(before);
  });

  it('sends an email at most 3 mails an hour (still 202 after), and answers 429 to an address past 10 requests', async () => {
    const { email } = await activePerson();
    for (let i = 0; i < PASSWORD_RESET_LIMITS.emailMails + 2; i++) {
      expect(await expectJson(await askReset(email), 202)).toEqual(ANSWER);
    }
    await resetToken(email, PASSWORD_RESET_LIMITS.emailMails);
    await expect.poll(queueDrained).toBe(true);
    expect(await resetMails(email)).toHaveLength(PASSWORD_RESET_LIMITS.emailMails);

    const ip = freshIp();
    for (let i = 0; i < PASSWORD_RESET_LIMITS.addressRequests; i++) {
      expect((await askReset(uniqueEmail('nobody'), ip)).status).toBe(202);
    }
    const refused = await askReset(uniqueEmail('nobody'), ip);
    await expectProblem(refused, 429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    // another address is not braked by it
    expect((await askReset(uniqueEmail('nobody'))).status).toBe(202);
  });
});

describe('POST /password-reset/{token}', () => {
  it('sets the new password end to end through the outbox: the new one signs in, the old one no longer', async () => {
    const { email } = await activePerson();
    expect((await askReset(email)).status).toBe(202);
    const token = await resetToken(email);
    expect(await expectJson(await reset(token, NEW_PASSWORD), 200)).toEqual({ email });

    const session = await expectJson<Session>(await api.login(email, NEW_PASSWORD, freshIp()), 200);
    expect(session.user.email).toBe(email);
    await expectProblem(await api.login(email, PASSWORD, freshIp()), 401);
  });

  it('answers 410 to a used link, and keeps the password set by its first use', async () => {
    const { email } = await activePerson();
    await askReset(email);
    const token = await resetToken(email);
    expect((await reset(token, NEW_PASSWORD)).status).toBe(200);
    await expectProblem(await reset(token, 'another passphrase entirely'), 410);
    expect((await api.login(email, NEW_PASSWORD, freshIp())).status).toBe(200);
    expect((await api.login(email, 'another passphrase entirely', freshIp())).status).toBe(401);
  });

  it('voids a link made before the last reset', async () => {
    const { email } = await activePerson();
    await askReset(email);
    const first = await resetToken(email, 1);
    await askReset(email);
    const second = await resetToken(email, 2);
    expect(second).not.toBe(first);
    expect((await reset(second, NEW_PASSWORD)).status).toBe(200);
    await expectProblem(await reset(first, 'another passphrase entirely'), 410);
  });

  it('answers 410 to a link older than an hour (dev clock), not to one of 59 minutes', async () => {
    const { email } = await activePerson();
    await askReset(email);
    const early = await resetToken(email, 1);
    const moveTo = async (ms: number) => {
      const now = api.local.deps.clock.now().getTime();
      const res = await api.call('POST', '/dev/clock', {
        token: api.operatorToken,
        body: { to: new Date(now + ms).toISOString() },
      });
      expect(res.status).toBe(200);
    };
    await moveTo(30 * 60_000);
    await askReset(email);
    const late = await resetToken(email, 2);
    await moveTo(31 * 60_000); // early: 61 minutes old; late: 31
    await expectProblem(await reset(early, NEW_PASSWORD), 410);
    await moveTo(28 * 60_000); // late: 59 minutes old
    expect((await reset(late, NEW_PASSWORD)).status).toBe(200);
    expect((await api.login(email, NEW_PASSWORD, freshIp())).status).toBe(200);
  });

  it('answers 404 to a link that was never made', async () => {
    await expectProblem(await reset('no-such-link-token', NEW_PASSWORD), 404);
  });

  it('refuses a missing, short or common password with a 400 naming password, writes nothing, and the link still works', async () => {
    const { email } = await activePerson();
    await askReset(email);
    const token = await resetToken(email);
    await expect.poll(queueDrained).toBe(true);
    const before = await api.countItems([admin.networkId]);
    await expectProblem(
      await api.call('POST', `/password-reset/${token}`, { body: {} }),
      400,
      'password',
    );
    await expectProblem(await reset(token, 'short'), 400, 'password');
    await expectProblem(await reset(token, 42), 400, 'password');
    const weak = await expectProblem(await reset(token, 'password1234'), 400, 'password');
    expect(weak.errors?.[0]).toMatchObject({ code: 'weak_password' });
    expect(weak.errors?.[0]?.message).toMatch(/too easy to guess/i);
    await expectProblem(await reset(token, 'qwertyuiop123'), 400, 'password');
    expect(await api.countItems([admin.networkId])).toBe(before);
    expect((await reset(token, NEW_PASSWORD)).status).toBe(200);
  });

  it('answers 410 when the person was deactivated after the link was mailed', async () => {
    const { email, session } = await activePerson();
    await askReset(email);
    const token = await resetToken(email);
    await doc.send(
      new UpdateCommand({
        TableName: platformTableName(api.prefix),
        Key: { PK: `USER#${session.user.id}`, SK: 'USER' },
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'deactivated' },
      }),
    );
    await expectProblem(await reset(token, NEW_PASSWORD), 410);
  });
});
