import type { Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { ensureOperator, type OperatorResult } from './bootstrap.ts';
import { type DemoCredentials, seedDemo } from './demo.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.ts';
import { type LocalSettings, localUrl } from './env.ts';
import { buildLocalDeps, type LocalDeps } from './local-deps.ts';
import { type MailWorker, startMailWorker } from './mail-worker.ts';
import { startLocalRollups } from './rollups.ts';
import { createServerApp } from './server.ts';
import { findRepoRoot } from './vendor.ts';

/**
 * How often the runtime runs the workflow steps that came due by real time passing: the
 * virtual clock moves with real time too, not only when `POST /dev/clock` moves it.
 */
export const WORKFLOW_TICK_MS = 60_000;

/** How long a stop waits for the requests in progress before it cuts their connections. */
export const DRAIN_MS = 10_000;

export interface Runtime {
  url: string;
  operator: OperatorResult;
  demo?: DemoCredentials;
  local: LocalDeps;
  dynamo: DynamoDbLocal;
  /**
   * Stops gracefully: the HTTP server takes no new connection and closes the idle ones,
   * the requests in progress finish (at most `DRAIN_MS`), the workflow runner stops between
   * steps and the stream poller after its pass, and DynamoDB Local stops last. Safe to call
   * twice.
   */
  stop(): Promise<void>;
}

/**
 * Starts the whole embedded runtime: DynamoDB Local with its files in the data folder,
 * the platform table, the operator, the demo network when asked, and the HTTP server.
 *
 * @example
 * const runtime = await startRuntime(readSettings(process.env));
 * console.log(runtime.url);
 */
export async function startRuntime(settings: LocalSettings): Promise<Runtime> {
  const dynamo = await startDynamoDbLocal({ dataDir: join(settings.dataDir, 'dynamodb') });
  let server: ServerType | undefined;
  let close: ((graceMs: number) => Promise<void>) | undefined;
  let local: LocalDeps | undefined;
  let tick: NodeJS.Timeout | undefined;
  let mail: MailWorker | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      clearInterval(tick);
      tick = undefined;
      await close?.(DRAIN_MS);
      await mail?.stop();
      mail = undefined;
      server = undefined;
      const l = local;
      local = undefined;
      await l?.runner.stop();
      await l?.close();
      await dynamo.stop();
    })();
    return stopping;
  };
  try {
    local = await buildLocalDeps({
      endpoint: dynamo.endpoint,
      tablePrefix: settings.tablePrefix,
      dataDir: settings.dataDir,
      baseUrl: settings.baseUrl,
      mailFrom: settings.mailFrom,
      donorThreshold: settings.donorThreshold,
      auditRetentionDays: settings.auditRetentionDays,
      ...(settings.smtpUrl ? { smtpUrl: settings.smtpUrl } : {}),
      trustedProxies: settings.trustedProxies,
    });
    // whatever came due while the process was down runs now, before anything else
    await local.runner.resumeAll();
    await startLocalRollups(local, settings.tablePrefix);
    // mail queued before a crash or a stop goes out now; then every few seconds
    mail = await startMailWorker(local.mailQueue);
    const { runner, clock } = local;
    let running = false;
    tick = setInterval(() => {
      if (running) return; // a long run is still going: the next tick catches up
      running = true;
      runner
        .runDue(clock.now())
        .catch((error: unknown) => console.error('workflow steps failed to run:', error))
        .finally(() => {
          running = false;
        });
    }, WORKFLOW_TICK_MS);
    tick.unref();
    const operator = await ensureOperator(
      local,
      settings,
      join(settings.dataDir, 'operator-credentials.json'),
    );
    const demo = settings.demo
      ? await seedDemo(local, join(settings.dataDir, 'demo-credentials.json'))
      : undefined;
    const app = createServerApp({
      deps: local.deps,
      issuer: local.issuer,
      webDist: join(findRepoRoot(), 'web', 'dist'),
    });
    await new Promise<void>((resolve, reject) => {
      server = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host }, () =>
        resolve(),
      );
      server.once('error', reject);
    });
    close = graceful(server as Server);
    return {
      url: localUrl(settings.host, settings.port),
      operator,
      ...(demo ? { demo } : {}),
      local,
      dynamo,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Makes `server` closable gracefully, by the function returned: the server stops listening
 * at once; idle keep-alive connections are closed; every response from then on, those of
 * the requests in progress included, says `Connection: close`, so each busy connection
 * closes after its request; after `graceMs` the rest are cut. Resolves when all are closed.
 */
function graceful(server: Server): (graceMs: number) => Promise<void> {
  const open = new Set<ServerResponse>();
  let draining = false;
  const markClose = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  server.on('request', (_req, res: ServerResponse) => {
    if (draining) return markClose(res);
    open.add(res);
    res.once('close', () => open.delete(res));
  });
  return async (graceMs) => {
    draining = true;
    for (const res of open) markClose(res);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // a connection turns idle once its response is sent: close those as they come
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, graceMs, 'timeout'));
    try {
      if ((await Promise.race([closed, timeout])) === 'timeout') {
        console.error(`Sisi: requests still running after ${graceMs} ms are cut`);
        server.closeAllConnections();
        await closed;
      }
    } finally {
      clearInterval(sweep);
    }
  };
}
