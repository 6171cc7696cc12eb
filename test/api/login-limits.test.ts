import { accountDelaySeconds, createApp, LOGIN_LIMITS } from '@sisi/api';
import { buildLocalDeps } from '@sisi/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestApi, PASSWORD, socketFrom, type TestApi } from '../support/api.ts';
import { testDynamo } from '../support/dynamo.ts';
import { type Session, uniqueEmail } from '../support/fixtures.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { startTestServer } from '../support/server.ts';

// Who is knocking, and how often: the sign-in limiter against the attacks that beat the
// old one (a client-set X-Forwarded-For, one shared bucket, a 15-minute lock per email).

const LIMIT = LOGIN_LIMITS.addressAttempts;
let api: TestApi;
let person: { adminEmail: string };
let addresses = 0;
const freshIp = () => `10.77.${Math.floor(++addresses / 250)}.${addresses % 250}`;

const statuses = (responses: Response[]) => responses.map((r) => r.status);
const count = (values: number[], status: number) => values.filter((v) => v === status).length;

beforeAll(async () => {
  api = await createTestApi();
  person = await api.createNetwork('Limiter network');
});
afterAll(() => api.close());

describe('the client address', () => {
  it('is the socket, whatever X-Forwarded-For says: 30 attempts with a new header each get 429s', async () => {
    const ip = freshIp();
    const responses: Response[] = [];
    for (let i = 0; i < 30; i++) {
      responses.push(
        await api.call('POST', '/auth/login', {
          body: { email: uniqueEmail('rotating'), password: 'a guessed password' },
          headers: {
            'x-forwarded-for': `198.51.100.${i}`,
            'cloudfront-viewer-address': `203.0.113.${i}:443`,
          },
          ip,
        }),
      );
    }
    const seen = statuses(responses);
    expect(count(seen, 401)).toBe(LIMIT);
    expect(count(seen, 429)).toBe(30 - LIMIT);
    await expectProblem(responses.at(-1)!, 429);
  });

  it('is the real socket of the served runtime: rotated X-Forwarded-For over HTTP still gets 429s', async () => {
    const server = await startTestServer();
    try {
      const seen: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await fetch(`${server.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}` },
          body: JSON.stringify({ email: uniqueEmail('socket'), password: 'a guessed password' }),
        });
        await res.arrayBuffer();
        seen.push(res.status);
      }
      expect(count(seen, 401)).toBe(LIMIT);
      expect(count(seen, 429)).toBe(30 - LIMIT);
    } finally {
      await server.close();
    }
  });

  it('keys an IPv6 client by its /64: rotating the interface id does not escape', async () => {
    const responses: Response[] = [];
    for (let i = 1; i <= LIMIT + 2; i++) {
      responses.push(
        await api.login(uniqueEmail('v6'), 'a guessed password', `2001:db8:7:9::${i}`),
      );
    }
    expect(count(statuses(responses), 429)).toBe(2);
    // another /64 is another client
    await expectJson<Session>(await api.login(person.adminEmail, PASSWORD, '2001:db8:7:a::1'), 200);
  });

  it('believes X-Forwarded-For from a configured proxy only, and only the entry the proxy wrote', async () => {
    const proxy = '10.66.0.1';
    const proxied = await createTestApi({ trustedProxies: [proxy] });
    try {
      const admin = await proxied.createNetwork('Proxied network');
      const via = (client: string, spoofed: string) =>
        proxied.call('POST', '/auth/login', {
          body: { email: uniqueEmail('proxied'), password: 'a guessed password' },
          // the client wrote the left entry, the proxy appended the right one
          headers: { 'x-forwarded-for': `${spoofed}, ${client}` },
          ip: proxy,
        });
      const first: Response[] = [];
      for (let i = 0; i < LIMIT + 1; i++) first.push(await via('192.0.2.10', `198.51.100.${i}`));
      expect(count(statuses(first), 429)).toBe(1);
      // another client behind the same proxy has its own count
      await expectJson<Session>(
        await proxied.call('POST', '/auth/login', {
          body: { email: admin.adminEmail, password: PASSWORD },
          headers: { 'x-forwarded-for': '192.0.2.11' },
          ip: proxy,
        }),
        200,
      );
      // a peer that is not the proxy cannot pose as one
      const direct: Response[] = [];
      for (let i = 0; i < LIMIT + 1; i++) {
        direct.push(
          await proxied.call('POST', '/auth/login', {
            body: { email: uniqueEmail('direct'), password: 'a guessed password' },
            headers: { 'x-forwarded-for': `192.0.2.${100 + i}` },
            ip: '10.66.0.99',
          }),
        );
      }
      expect(count(statuses(direct), 429)).toBe(1);
    } finally {
      await proxied.close();
    }
  });
});

describe('per address', () => {
  it(`${LIMIT + 1} failed sign-ins for made-up emails from one address do not stop a real person with the right password at another`, async () => {
    const attacker = freshIp();
    for (let i = 0; i < LIMIT + 1; i++) {
      await api.login(uniqueEmail('made-up'), 'a guessed password', attacker);
    }
    await expectProblem(await api.login(uniqueEmail('made-up'), 'a guess', attacker), 429);
    await expectJson<Session>(await api.login(person.adminEmail, PASSWORD, freshIp()), 200);
  });

  it('is one count for every app over the same table (as every Lambda instance shares it)', async () => {
    const { endpoint } = testDynamo();
    const second = await buildLocalDeps({
      endpoint,
      tablePrefix: api.prefix,
      dataDir: api.dataDir,
      baseUrl: BASE,
      workflowRetryDelayMs: 0,
    });
    try {
      const other = createApp(second.deps);
      const ip = freshIp();
      const viaSecond = (email: string) =>
        other.request(
          '/api/v1/auth/login',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, password: 'a guessed password' }),
          },
          socketFrom(ip),
        );
      const seen: number[] = [];
      for (let i = 0; i < LIMIT; i++) {
        const res =
          i % 2 === 0
            ? await api.login(uniqueEmail('shared'), 'a guessed password', ip)
            : await viaSecond(uniqueEmail('shared'));
        seen.push(res.status);
      }
      expect(seen).toEqual(Array(LIMIT).fill(401));
      // the limit is reached over both apps together: each refuses the next attempt
      await expectProblem(await viaSecond(uniqueEmail('shared')), 429);
      await expectProblem(await api.login(uniqueEmail('shared'), 'a guess', ip), 429);
    } finally {
      await second.close();
    }
  });
});

describe('per account', () => {
  it('slows an account down after its failures, from any address, but never locks it', async () => {
    const victim = await api.createNetwork('Backoff network');
    // ten failures, each from an address of its own (a distributed guesser)
    let failed = 0;
    let braked = 0;
    while (failed < 10) {
      const status = (await api.login(victim.adminEmail, `wrong password ${failed}`, freshIp()))
        .status;
      if (status === 401) failed++;
      if (status === 429) {
        braked++;
        // waiting out the pause is what a person does; the guesser must do it too
        await api.local.clock.advance({
          advanceDays: LOGIN_LIMITS.accountMaxDelaySeconds / 86_400,
        });
      }
    }
    // paused once each failure past the free ones (the next attempt came at once)
    expect(braked).toBe(10 - LOGIN_LIMITS.accountFreeFailures - 1);
    // during the pause even the right password waits, from a new address: no free guesses
    const paused = await api.login(victim.adminEmail, PASSWORD, freshIp());
    await expectProblem(paused.clone(), 429);
    const retryAfter = Number(paused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.accountMaxDelaySeconds);
    // …but only that short while: no 15-minute lock
    await api.local.clock.advance({ advanceDays: retryAfter / 86_400 });
    await expectJson<Session>(await api.login(victim.adminEmail, PASSWORD, freshIp()), 200);
    // and the success forgets the failures: the next wrong password is not paused
    expect((await api.login(victim.adminEmail, 'wrong again', freshIp())).status).toBe(401);
    await expectJson<Session>(await api.login(victim.adminEmail, PASSWORD, freshIp()), 200);
  });

  it('pauses 1, 2, 4 … seconds after the free failures, never more than the cap', () => {
    const free = LOGIN_LIMITS.accountFreeFailures;
    expect(accountDelaySeconds(free)).toBe(0);
    expect(accountDelaySeconds(free + 1)).toBe(1);
    expect(accountDelaySeconds(free + 2)).toBe(2);
    expect(accountDelaySeconds(free + 3)).toBe(4);
    expect(accountDelaySeconds(1_000)).toBe(LOGIN_LIMITS.accountMaxDelaySeconds);
  });
});
