import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, networkTableName } from '@sisi/data';
import { dynamoDbLocalClientConfig, findRepoRoot } from '@sisi/local';
import { Agent, fetch as undiciFetch } from 'undici';
import { combine, type LoadResult, runLoad } from './load.ts';

const CONCURRENCY = 32;
const PER_ROUND = 4000;
const ROUNDS = 3;

export interface GetOrganizationResult {
  raw: LoadResult;
  stack: LoadResult;
  rateRatio: number;
  p99Ratio: number;
}

/**
 * GET one organization through the whole stack (HTTP, token verification, validation,
 * tenant scoping, DynamoDB Local) against a raw SDK GetItem of the same item on the same
 * DynamoDB Local, same concurrency, rounds interleaved so drift hits both alike.
 */
export async function benchGetOrganization(): Promise<GetOrganizationResult> {
  const root = findRepoRoot();
  const dataDir = await mkdtemp(join(tmpdir(), 'sisi-bench-'));
  const port = 3700 + Math.floor(Math.random() * 200);
  const password = 'bench-operator-password';
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/local/src/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      SISI_DATA_DIR: dataDir,
      SISI_DEMO: '0',
      SISI_ADMIN_EMAIL: 'bench@example.org',
      SISI_ADMIN_PASSWORD: password,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = out.match(/DynamoDB Local: (\S+)/);
        if (m?.[1] && out.includes('Press Ctrl+C')) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`runtime exited ${code}: ${out}`)));
    });
    const base = `http://127.0.0.1:${port}/api/v1`;
    const json = async (path: string, init: RequestInit & { token?: string } = {}) => {
      const res = await fetch(`${base}${path}`, {
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const login = (email: string, pw: string) =>
      json('/auth/login', { method: 'POST', body: JSON.stringify({ email, password: pw }) });
    const operator = (await login('bench@example.org', password)).token as string;
    const network = await json('/networks', {
      method: 'POST',
      token: operator,
      body: JSON.stringify({
        name: 'Bench network',
        region: 'Bench',
        adminEmail: 'admin@bench.org',
        adminName: 'Admin',
      }),
    });
    const outbox = (await json('/dev/outbox?to=admin@bench.org', { token: operator })).items as {
      text: string;
    }[];
    const invite = outbox[0]?.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
    const admin = (
      await json(`/invitations/${invite}/accept`, {
        method: 'POST',
        body: JSON.stringify({ name: 'Admin', password: 'bench-admin-password' }),
      })
    ).token as string;
    const org = await json(`/networks/${network.id}/organizations`, {
      method: 'POST',
      token: admin,
      body: JSON.stringify({
        name: 'Bench org',
        country: 'KE',
        keyPopulations: ['msm'],
        kpLed: true,
        coordinatorEmail: 'coord@bench.org',
        coordinatorName: 'Coord',
      }),
    });

    const doc = createDocumentClient({ ...dynamoDbLocalClientConfig(endpoint) });
    const table = networkTableName('sisi', network.id as string);
    const raw = async () => {
      const out = await doc.send(
        new GetCommand({ TableName: table, Key: { PK: `ORG#${org.id}`, SK: 'ORG' } }),
      );
      if (!out.Item) throw new Error('raw GetItem found nothing');
    };
    const dispatcher = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 10_000 });
    const url = `${base}/networks/${network.id}/organizations/${org.id}`;
    const headers = { authorization: `Bearer ${admin}` };
    const stack = async () => {
      const res = await undiciFetch(url, { headers, dispatcher });
      if (res.status !== 200) throw new Error(`stack GET: ${res.status}`);
      await res.arrayBuffer();
    };

    await runLoad(raw, { total: 1000, concurrency: CONCURRENCY });
    await runLoad(stack, { total: 1000, concurrency: CONCURRENCY });
    const rawRounds: LoadResult[] = [];
    const stackRounds: LoadResult[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      rawRounds.push(await runLoad(raw, { total: PER_ROUND, concurrency: CONCURRENCY }));
      stackRounds.push(await runLoad(stack, { total: PER_ROUND, concurrency: CONCURRENCY }));
    }
    await dispatcher.close();
    doc.destroy();
    const r = combine(rawRounds);
    const s = combine(stackRounds);
    return { raw: r, stack: s, rateRatio: s.rate / r.rate, p99Ratio: s.p99 / r.p99 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}
