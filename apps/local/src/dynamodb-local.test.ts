import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { platformTable } from '@sisi/data';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type DynamoDbLocal,
  DynamoDbLocalStartError,
  dynamoDbLocalClientConfig,
  startDynamoDbLocal,
} from './dynamodb-local.ts';
import { ensureTable } from './tables.ts';
import { findRepoRoot } from './vendor.ts';

const scratch = await mkdtemp(join(tmpdir(), 'sisi-dynamodb-local-'));
const started: DynamoDbLocal[] = [];
const strayPids: number[] = [];

afterAll(async () => {
  await Promise.all(started.map((db) => db.stop()));
  // A failed orphan test must not leave its java behind for the next run.
  for (const pid of strayPids) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(scratch, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startDynamoDbLocal>[0]): Promise<DynamoDbLocal> {
  const db = await startDynamoDbLocal(options);
  started.push(db);
  return db;
}

/** `kill -0`, except that a zombie (dead, not yet reaped) counts as gone. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // No procfs (macOS): trust kill -0.
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

function clientFor(db: DynamoDbLocal): DynamoDBClient {
  return new DynamoDBClient({ ...dynamoDbLocalClientConfig(db.endpoint), maxAttempts: 1 });
}

// Each test starts one or two JVMs: generous, since a busy CI box makes each take seconds.
describe('startDynamoDbLocal', { timeout: 90_000 }, () => {
  it('starts on a free port, answers, and stops (idempotently)', async () => {
    const db = await start({ inMemory: true });
    expect(db.endpoint).toBe(`http://127.0.0.1:${db.port}`);
    expect(isAlive(db.pid)).toBe(true);

    const client = clientFor(db);
    await expect(client.send(new ListTablesCommand({}))).resolves.toMatchObject({ TableNames: [] });

    await Promise.all([db.stop(), db.stop()]);
    await db.stop();
    expect(isAlive(db.pid)).toBe(false);
    await expect(client.send(new ListTablesCommand({}))).rejects.toThrow();
    client.destroy();
  });

  it('listens on 127.0.0.1 only: no other address of the machine reaches it', async () => {
    const db = await start({ inMemory: true });
    // `ss` lists the listening sockets as `127.0.0.1:port` or `[::ffff:127.0.0.1]:port`
    const listening = execFileSync('ss', ['-ltnH', `sport = :${db.port}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((line) => line.trim().split(/\s+/)[3]);
    expect(listening.length).toBeGreaterThan(0);
    for (const local of listening)
      expect(local).toMatch(/^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]):/);
    const accepts = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: db.port, timeout: 2_000 });
        const done = (ok: boolean) => {
          socket.destroy();
          resolve(ok);
        };
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
        socket.once('timeout', () => done(false));
      });
    expect(await accepts('127.0.0.1')).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && !i.address.startsWith('fe80:'))
      .map((i) => i!.address);
    for (const address of others) expect(await accepts(address), address).toBe(false);
  });

  it('keeps data across a stop and a start with the same dataDir', async () => {
    const dataDir = join(scratch, 'data');
    const item = { PK: { S: 'NETWORK#n1' }, SK: { S: 'META' }, name: { S: 'KP Alliance' } };

    const first = await start({ dataDir });
    const writer = clientFor(first);
    await ensureTable(writer, platformTable, 'survives');
    await writer.send(new PutItemCommand({ TableName: 'survives', Item: item }));
    writer.destroy();
    await first.stop();

    const second = await start({ dataDir });
    const reader = clientFor(second);
    const { Item } = await reader.send(
      new GetItemCommand({ TableName: 'survives', Key: { PK: item.PK, SK: item.SK } }),
    );
    expect(Item).toEqual(item);
    reader.destroy();
    await second.stop();
  });

  it("fails with java's output when it cannot start", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const error = await startDynamoDbLocal({ inMemory: true, port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DynamoDbLocalStartError);
      expect((error as DynamoDbLocalStartError).message).toMatch(/failed during start/);
      expect((error as DynamoDbLocalStartError).output).toMatch(/already in use/i);
    } finally {
      blocker.close();
    }
  });

  it('rejects contradictory options up front', async () => {
    await expect(startDynamoDbLocal({ inMemory: true, dataDir: scratch })).rejects.toThrow(
      /either dataDir or inMemory/,
    );
  });

  it('leaves no java behind when its Node process is SIGKILLed', async () => {
    const moduleUrl = pathToFileURL(fileURLToPath(new URL('./dynamodb-local.ts', import.meta.url)));
    const script = join(scratch, 'start-and-hang.mts');
    await writeFile(
      script,
      [
        `import { startDynamoDbLocal } from ${JSON.stringify(moduleUrl.href)};`,
        'const db = await startDynamoDbLocal({ inMemory: true });',
        "console.log('java-pid=' + db.pid);",
        'setInterval(() => {}, 60_000);',
      ].join('\n'),
    );
    // `node --import tsx` keeps it one process; the tsx CLI would put a second Node in between.
    const node = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: findRepoRoot(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    node.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    node.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });

    const deadline = Date.now() + 30_000;
    let javaPid: number | undefined;
    while (javaPid === undefined && Date.now() < deadline && node.exitCode === null) {
      javaPid = Number(/java-pid=(\d+)/.exec(output)?.[1]) || undefined;
      await sleep(50);
    }
    if (javaPid === undefined) {
      node.kill('SIGKILL');
      throw new Error(`the child never reported a java pid:\n${output}`);
    }
    strayPids.push(javaPid);
    expect(isAlive(javaPid)).toBe(true);

    node.kill('SIGKILL');
    expect(await waitUntilGone(javaPid, 10_000)).toBe(true);
  });
});
