import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '@sisi/local';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/server.ts';
import {
  accepts,
  externalAddresses,
  listeningAddresses,
  loopbackOnly,
} from '../support/sockets.ts';
import { streamUntilAnswered } from '../support/streams.ts';

const root = findRepoRoot();
const EMAIL = 'operator@shutdown.test';
const PASSWORD = 'shutdown-operator-password';

/** Java processes whose command line names this data folder. */
const javaFor = (dataDir: string): number[] => {
  try {
    return execFileSync('pgrep', ['-f', `^java .*${dataDir}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
};

/** `pnpm start` as a child process; resolves once it is ready, with what it printed. */
async function start(dataDir: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/local/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      SISI_DATA_DIR: dataDir,
      SISI_DEMO: '0',
      SISI_ADMIN_EMAIL: EMAIL,
      SISI_ADMIN_PASSWORD: PASSWORD,
    },
    stdio: 'pipe',
  }) as ChildProcessWithoutNullStreams;
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const ready = () => out.includes('Press Ctrl+C') && resolve();
    child.stdout.on('data', ready);
    child.stderr.on('data', ready);
    child.once('exit', (code) => reject(new Error(`runtime exited early (${code}):\n${out}`)));
  });
  return { child, output: () => out };
}

describe('the embedded runtime at the edge', () => {
  let dataDir: string;
  let port: number;
  let runtime: Awaited<ReturnType<typeof start>>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sisi-shutdown-'));
    port = await freePort();
    runtime = await start(dataDir, port);
  }, 120_000);
  afterAll(async () => {
    if (runtime?.child.exitCode === null) runtime.child.kill('SIGKILL');
    for (const pid of javaFor(dataDir)) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('listens on loopback only: the API and DynamoDB Local', async () => {
    const dynamoPort = Number(
      runtime.output().match(/DynamoDB Local: http:\/\/127\.0\.0\.1:(\d+)/)?.[1],
    );
    expect(dynamoPort).toBeGreaterThan(0);
    for (const p of [port, dynamoPort]) {
      const addresses = listeningAddresses(p);
      expect(loopbackOnly(addresses), `port ${p}: ${addresses.join(', ')}`).toBe(true);
      expect(await accepts('127.0.0.1', p)).toBe(true);
      for (const address of externalAddresses()) {
        expect(await accepts(address, p), `${address}:${p}`).toBe(false);
      }
    }
  });

  it('stays small under four concurrent 100 MB sign-ins: each refused with 413 early', async () => {
    const MB = 1024 * 1024;
    const rss = () =>
      Number(
        readFileSync(`/proc/${runtime.child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1],
      ) * 1024;
    const before = rss();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        streamUntilAnswered(
          `http://127.0.0.1:${port}/api/v1/auth/login`,
          { 'content-type': 'application/json' },
          Buffer.alloc(256 * 1024, 0x20),
          100 * MB,
          Buffer.from('{"email":"a@example.org","password":"'),
        ),
      ),
    );
    const grown = rss() - before;
    console.log(
      `4 × 100 MB sign-ins: ${answers.map((a) => `${a.status} after ${(a.sent / MB).toFixed(1)} MB`).join(', ')}; ` +
        `the runtime's RSS grew ${(grown / MB).toFixed(1)} MB`,
    );
    for (const a of answers) {
      expect(a.status, a.body).toBe(413);
      expect(a.sent).toBeLessThan(25 * MB);
    }
    expect(grown).toBeLessThan(64 * MB);
  });

  it('drains on SIGTERM under keep-alive load: no 5xx after the signal, exit within 15 s', async () => {
    const base = `http://127.0.0.1:${port}/api/v1`;
    const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 16, pipelining: 1 });
    const call = async (method: 'GET' | 'POST', path: string, token?: string, body?: unknown) => {
      const res = await request(`${base}${path}`, {
        method,
        dispatcher,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.body.text();
      return { status: res.statusCode, text };
    };
    const login = await call('POST', '/auth/login', undefined, {
      email: EMAIL,
      password: PASSWORD,
    });
    expect(login.status, login.text).toBe(200);
    const { token } = JSON.parse(login.text) as { token: string };

    let signalledAt = 0;
    let exitedAt = 0;
    const exit = new Promise<number | null>((resolve) =>
      runtime.child.once('exit', (code) => {
        exitedAt = Date.now();
        resolve(code);
      }),
    );
    const answers = { before: 0, after: 0 };
    const serverErrors: string[] = [];
    let refused = 0;
    // concurrent loops over keep-alive connections: reads, and writes that run workflow steps
    const unexpected: string[] = [];
    const loop = async (i: number) => {
      for (let n = 0; !exitedAt; n++) {
        const after = signalledAt > 0;
        let res: { status: number; text: string };
        try {
          res =
            (i + n) % 2 === 0
              ? await call('GET', '/networks', token)
              : await call('POST', '/dev/clock', token, { advanceDays: 0 });
        } catch (error) {
          // refused or reset once the server has closed: expected, and no answer at all
          refused++;
          if (!after) throw new Error(`a request failed before the signal: ${error}`);
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        if (after) answers.after++;
        else answers.before++;
        if (res.status >= 500) serverErrors.push(`${res.status} ${res.text.slice(0, 200)}`);
        else if (res.status !== 200) unexpected.push(`${res.status} ${res.text.slice(0, 200)}`);
      }
    };
    // a sign-in whose body is still coming in when the signal arrives: in progress, so it
    // must be answered, and told the connection closes
    const slow = httpRequest(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    const slowAnswer = new Promise<{ status: number; connection: string }>((resolve, reject) => {
      slow.on('response', (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, connection: String(res.headers.connection) }),
        );
      });
      slow.on('error', reject);
    });
    slow.write(`{"email":"${EMAIL}",`);
    const loops = Array.from({ length: 8 }, (_, i) => loop(i));
    await new Promise((r) => setTimeout(r, 2_000));
    expect(answers.before).toBeGreaterThan(10);
    signalledAt = Date.now();
    runtime.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1_000));
    slow.end(`"password":"${PASSWORD}"}`);
    expect(await slowAnswer).toEqual({ status: 200, connection: 'close' });
    const code = await exit;
    await Promise.all(loops);
    await dispatcher.close();
    const seconds = (exitedAt - signalledAt) / 1000;
    console.log(
      `shutdown: ${answers.before} answers before SIGTERM, ${answers.after} after, ` +
        `${serverErrors.length} of 5xx, ${refused} refused or reset; exit after ${seconds} s`,
    );
    expect(serverErrors).toEqual([]);
    expect(unexpected).toEqual([]);
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(15);
    expect(runtime.output()).toContain('Sisi: stopped');
    // DynamoDB Local went last, and went
    expect(javaFor(dataDir)).toEqual([]);
  }, 60_000);
});
