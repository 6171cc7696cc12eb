import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import type { UserRecord } from '@sisi/data';
import { buildLocalDeps, createServerApp, findRepoRoot, type LocalDeps } from '@sisi/local';
import { testDynamo } from './dynamo.ts';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });

export interface TestServer {
  url: string;
  local: LocalDeps;
  operator: { email: string; password: string };
  invitationLink(email: string): Promise<string>;
  /** A JSON call to `/api/v1{path}`; a non-2xx answer throws with its body. */
  api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T>;
  /** Accepts the invitation mailed to `email`; returns the new person's token. */
  accept(email: string, name: string, password: string): Promise<string>;
  /** The operator's token. */
  operatorToken(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The embedded runtime's HTTP server (API, SPA from `web/dist`, JWKS) on a free port, over
 * the run's shared DynamoDB Local with tables of its own, and an operator to sign in as.
 *
 * @example
 * const server = await startTestServer();
 * await page.goto(server.url);
 */
export async function startTestServer(): Promise<TestServer> {
  const { endpoint, prefix } = testDynamo();
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'sisi-e2e-'));
  const local = await buildLocalDeps({ endpoint, tablePrefix: prefix, dataDir, baseUrl: url });
  const operator = { email: `operator-${prefix}@example.org`, password: 'operator password e2e' };
  const now = new Date().toISOString();
  const user: UserRecord = {
    id: `op${prefix}`,
    email: operator.email,
    name: 'Olu Operator',
    roles: ['operator'],
    status: 'active',
    createdAt: now,
    activatedAt: now,
  };
  await local.platform.transact(local.platform.createUserOps(user));
  await local.deps.identity.setPassword(user, operator.password);
  const app = createServerApp({
    deps: local.deps,
    issuer: local.issuer,
    webDist: join(findRepoRoot(), 'web/dist'),
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  async function invitationLink(email: string) {
    const [mail] = await local.outbox.list(email);
    const link = mail?.text.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/)?.[0];
    if (!link) throw new Error(`no invitation mailed to ${email}`);
    return link;
  }
  async function api<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const res = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
  return {
    url,
    local,
    operator,
    invitationLink,
    api,
    async accept(email, name, password) {
      const token = (await invitationLink(email)).split('/invitations/')[1]!;
      return (
        await api<{ token: string }>('POST', `/invitations/${token}/accept`, undefined, {
          name,
          password,
        })
      ).token;
    },
    async operatorToken() {
      return (await api<{ token: string }>('POST', '/auth/login', undefined, operator)).token;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await local.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
