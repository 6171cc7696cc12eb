import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
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

/** A newcomer's first `pnpm start`: the operator's generated password is not lost. */
describe('the first start without an operator set', () => {
  let dataDir: string;
  let port: number;
  let child: ChildProcessWithoutNullStreams | undefined;
  let out = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sisi-first-'));
    port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      SISI_DATA_DIR: dataDir,
      SISI_DEMO: '0',
    };
    delete env.SISI_ADMIN_EMAIL;
    delete env.SISI_ADMIN_PASSWORD;
    const started = spawn(
      process.execPath,
      ['--import', 'tsx', join(root, 'apps/local/src/main.ts')],
      { cwd: root, env, stdio: 'pipe' },
    ) as ChildProcessWithoutNullStreams;
    child = started;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Press Ctrl+C')) resolve();
      };
      started.stdout.on('data', onData);
      started.stderr.on('data', onData);
      started.once('exit', (code) => reject(new Error(`runtime exited early (${code}):\n${out}`)));
    });
  }, 120_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child?.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('prints the password, keeps it in a file only its owner reads, and it signs in', async () => {
    const file = join(dataDir, 'operator-credentials.json');
    const printed = out.match(/password: (\S+)/)?.[1];
    expect(printed).toBeTruthy();
    expect(out).toContain(`kept in ${file}`);
    const kept = JSON.parse(await readFile(file, 'utf8')) as { email: string; password: string };
    expect(kept).toEqual({ email: 'operator@sisi.local', password: printed });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(kept),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { token?: string }).token).toBeTruthy();
  });
});
