import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createApp, createPersonAccess, type PersonAccess } from '@sisi/api';
import {
  networkTableName,
  PlatformRepository,
  platformTableName,
  type UserRecord,
} from '@sisi/data';
import type { Role } from '@sisi/domain';
import {
  buildLocalDeps,
  type LocalDeps,
  type LocalDepsOptions,
  type OutboxItem,
} from '@sisi/local';
import { testDynamo } from './dynamo.ts';

export const BASE = 'http://localhost:3000';
/** The password `createNetwork` gives the admins it signs in. */
export const PASSWORD = 'a long enough password';

export interface TestApi {
  app: ReturnType<typeof createApp>;
  local: LocalDeps;
  prefix: string;
  /** The runtime's temporary data folder (issuer key in `keys/issuer.json`, the outbox). */
  dataDir: string;
  /**
   * A request to `/api/v1{path}`; `body` is sent as JSON. `ip` is the address of the
   * socket it comes from, as `@hono/node-server` tells it (default `127.0.0.1`).
   */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string>; ip?: string },
  ): Promise<Response>;
  /** A token for a made-up person with these claims (signed by the real local issuer). */
  tokenFor(user: {
    id?: string;
    roles: Role[];
    networkId?: string;
    organizationId?: string;
  }): Promise<string>;
  operatorToken: string;
  /** The API's revocation cache (ADR 0031): `forget` to see a change at once. */
  access: PersonAccess;
  /** Moves the revocation cache's clock on by `ms` (it trusts a read for 60 s). */
  passAccessTime(ms: number): void;
  /** The invitation token mailed to `email` (newest first). */
  invitationToken(email: string): Promise<string>;
  /** Onboards a network as the operator and signs its admin in through the invitation. */
  createNetwork(
    name?: string,
    options?: { defaultLanguage?: string },
  ): Promise<{ networkId: string; adminToken: string; adminEmail: string }>;
  /** Every item of the platform table and of the given networks' tables. */
  countItems(networkIds?: string[]): Promise<number>;
  /** The names of this test API's tables (its prefix only), sorted. */
  tables(): Promise<string[]>;
  /** Mail in the outbox, newest first; only `to`'s when given. */
  mails(to?: string): Promise<OutboxItem[]>;
  /** `POST /auth/login` from the socket address `ip` (the limiter's client address). */
  login(email: string, password: string, ip?: string): Promise<Response>;
  /**
   * Stops this runtime's wiring (the workflow steps in progress finish, the clients close)
   * and builds it anew over the same tables and data folder, as a process restart does.
   * `downForDays`: the virtual clock is that much further on when it comes back (time
   * passed while it was down; nothing ran meanwhile). `app` and `local` are the new ones
   * afterwards. Resolves once the new runner has resumed what came due.
   */
  restart(options?: { downForDays?: number }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The bindings `@hono/node-server` gives a request (what `getConnInfo` reads): a request
 * through `app.request` then comes from a socket at `address`, as a served one does.
 */
export const socketFrom = (address: string) => ({
  incoming: {
    socket: {
      remoteAddress: address,
      remotePort: 50_000,
      remoteFamily: address.includes(':') ? 'IPv6' : 'IPv4',
    },
  },
});

let counter = 0;
/** Where `VirtualClock` keeps its offset (apps/local/src/clock.ts). */
const CLOCK_OFFSET_SETTING = 'clock.offsetMs';

/**
 * The real API over the run's DynamoDB Local, wired exactly as `pnpm start` wires it,
 * with tables of its own (a fresh prefix) and a temporary data folder.
 *
 * @example
 * const api = await createTestApi();
 * const res = await api.call('GET', '/networks', { token: api.operatorToken });
 */
export async function createTestApi(overrides: Partial<LocalDepsOptions> = {}): Promise<TestApi> {
  const { endpoint, client, doc, prefix } = testDynamo();
  const dataDir = await mkdtemp(join(tmpdir(), 'sisi-test-'));
  const build = () =>
    buildLocalDeps({
      endpoint,
      tablePrefix: prefix,
      dataDir,
      baseUrl: BASE,
      workflowRetryDelayMs: 0,
      ...overrides,
    });
  let local = await build();
  // the revocation cache's own clock, moved by tests (`passAccessTime`) instead of sleeping
  let accessOffsetMs = 0;
  const access = createPersonAccess({
    read: (id) => local.platform.getUser(id),
    nowMs: () => Date.now() + accessOffsetMs,
  });
  local.deps.access = access;
  let app = createApp(local.deps);

  const call: TestApi['call'] = async (method, path, options = {}) =>
    app.request(
      `/api/v1${path}`,
      {
        method,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined
          ? {
              body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
            }
          : {}),
      },
      socketFrom(options.ip ?? '127.0.0.1'),
    );

  // The API takes roles and organization from the directory, not the token (ADR 0031): the
  // person is written there as given (an existing one keeps their email and name), active.
  const tokenFor: TestApi['tokenFor'] = async (user) => {
    const id = user.id ?? `person${++counter}x`;
    const existing = await local.platform.getUser(id);
    const person: UserRecord = {
      ...(existing ?? {
        id,
        email: `person${++counter}@example.org`,
        name: `Person ${counter}`,
        createdAt: new Date().toISOString(),
      }),
      id,
      roles: user.roles,
      status: 'active',
    };
    delete person.networkId;
    delete person.organizationId;
    if (user.networkId) person.networkId = user.networkId;
    if (user.organizationId) person.organizationId = user.organizationId;
    await doc.send(
      new PutCommand({
        TableName: platformTableName(prefix),
        Item: { PK: `USER#${id}`, SK: 'USER', entity: 'user', ...person },
      }),
    );
    access.forget(id);
    return local.issuer.sign(person);
  };

  const operator: UserRecord = {
    id: `operator${prefix}`,
    email: `operator-${prefix}@example.org`,
    name: 'Test operator',
    roles: ['operator'],
    status: 'active',
    createdAt: new Date().toISOString(),
  };
  await local.platform.transact(local.platform.createUserOps(operator));
  const operatorToken = await local.issuer.sign(operator);

  const invitationToken = async (email: string) => {
    const [mail] = await local.outbox.list(email);
    const token = mail?.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
    if (!token) throw new Error(`no invitation mailed to ${email}`);
    return token;
  };

  const createNetwork: TestApi['createNetwork'] = async (name = 'Test network', options = {}) => {
    const adminEmail = `admin${++counter}-${prefix}@example.org`;
    const res = await call('POST', '/networks', {
      token: operatorToken,
      body: { name, region: 'East Africa', adminEmail, adminName: 'Network Admin', ...options },
    });
    if (res.status !== 201) throw new Error(`create network: ${res.status} ${await res.text()}`);
    const { id } = (await res.json()) as { id: string };
    const accepted = await call(
      'POST',
      `/invitations/${await invitationToken(adminEmail)}/accept`,
      {
        body: { name: 'Network Admin', password: PASSWORD },
      },
    );
    if (accepted.status !== 200)
      throw new Error(`accept: ${accepted.status} ${await accepted.text()}`);
    const { token } = (await accepted.json()) as { token: string };
    return { networkId: id, adminToken: token, adminEmail };
  };

  const countItems = async (networkIds: string[] = []) => {
    let total = 0;
    for (const table of [
      platformTableName(prefix),
      ...networkIds.map((n) => networkTableName(prefix, n)),
    ]) {
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(
          new ScanCommand({ TableName: table, ExclusiveStartKey: start, Select: 'COUNT' }),
        );
        total += out.Count ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
    }
    return total;
  };

  const tables = async () => {
    const names: string[] = [];
    let start: string | undefined;
    do {
      const out = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
      names.push(...(out.TableNames ?? []).filter((n) => n.startsWith(`${prefix}-`)));
      start = out.LastEvaluatedTableName;
    } while (start);
    return names.sort();
  };

  const login: TestApi['login'] = (email, password, ip) =>
    call('POST', '/auth/login', { body: { email, password }, ...(ip ? { ip } : {}) });

  return {
    get app() {
      return app;
    },
    get local() {
      return local;
    },
    prefix,
    dataDir,
    call,
    tokenFor,
    operatorToken,
    access,
    passAccessTime: (ms) => {
      accessOffsetMs += ms;
    },
    invitationToken,
    createNetwork,
    countItems,
    tables,
    mails: (to) => local.outbox.list(to),
    login,
    async restart({ downForDays = 0 } = {}) {
      await local.close();
      if (downForDays) {
        // the virtual clock's offset as VirtualClock keeps it, moved without running anything
        const platform = new PlatformRepository(doc, platformTableName(prefix));
        const offset = (await platform.getSetting<number>(CLOCK_OFFSET_SETTING)) ?? 0;
        await platform.putSetting(CLOCK_OFFSET_SETTING, offset + downForDays * 86_400_000);
      }
      local = await build();
      local.deps.access = access;
      app = createApp(local.deps);
      await local.runner.resumeAll();
    },
    async close() {
      await local.close();
      client.destroy();
      doc.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
