import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from '@sisi/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = findRepoRoot();
const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

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

async function start(dataDir: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/local/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      SISI_DATA_DIR: dataDir,
      SISI_DEMO: '0',
      SISI_ADMIN_EMAIL: 'operator@restart.test',
      SISI_ADMIN_PASSWORD: 'restart-operator-password',
    },
    stdio: 'pipe',
  }) as ChildProcessWithoutNullStreams;
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Press Ctrl+C')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`runtime exited early (${code}):\n${out}`)));
  });
  return child;
}

const exited = (child: ChildProcessWithoutNullStreams) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

async function waitUntil(check: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

describe('the embedded runtime across restarts', () => {
  let dataDir: string;
  let port: number;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sisi-restart-'));
    port = await freePort();
  });
  afterAll(async () => {
    for (const pid of javaFor(dataDir)) process.kill(pid, 'SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  const api = async (
    path: string,
    init: { method?: string; token?: string; body?: unknown } = {},
  ) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const login = async () =>
    (
      await api('/auth/login', {
        method: 'POST',
        body: { email: 'operator@restart.test', password: 'restart-operator-password' },
      })
    ).body.token as string;

  it('keeps data, and leaves no Java process behind on SIGTERM or on a crash', async () => {
    const first = await start(dataDir, port);
    expect(javaFor(dataDir)).toHaveLength(1);
    const token = await login();
    const created = await api('/networks', {
      method: 'POST',
      token,
      body: {
        name: 'Kept Network',
        region: 'West Africa',
        adminEmail: 'a@restart.test',
        adminName: 'A',
      },
    });
    expect(created.status).toBe(201);
    first.kill('SIGTERM');
    await exited(first);
    expect(await waitUntil(() => javaFor(dataDir).length === 0, 10_000)).toBe(true);

    const second = await start(dataDir, port);
    const again = await login(); // the operator was not made twice: the same password works
    const list = await api('/networks', { token: again });
    expect((list.body.items as { id: string }[]).map((n) => n.id)).toEqual([created.body.id]);
    const outbox = await api('/dev/outbox?to=a@restart.test', { token: again });
    expect(outbox.body.items).toHaveLength(1);
    // a token from before the restart still verifies: the issuer's key is kept on disk
    expect((await api('/me', { token })).status).toBe(200);

    // a crash: the runtime dies without running any handler
    second.kill('SIGKILL');
    await exited(second);
    expect(await waitUntil(() => javaFor(dataDir).length === 0, 10_000)).toBe(true);
  }, 120_000);
});
