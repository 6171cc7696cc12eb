import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { ensureOperator, type OperatorResult } from './bootstrap.ts';
import { type DemoCredentials, seedDemo } from './demo.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.ts';
import { type LocalSettings, localUrl } from './env.ts';
import { buildLocalDeps, type LocalDeps } from './local-deps.ts';
import { startLocalRollups } from './rollups.ts';
import { createServerApp } from './server.ts';
import { findRepoRoot } from './vendor.ts';

/**
 * How often the runtime runs the workflow steps that came due by real time passing: the
 * virtual clock moves with real time too, not only when `POST /dev/clock` moves it.
 */
export const WORKFLOW_TICK_MS = 60_000;

export interface Runtime {
  url: string;
  operator: OperatorResult;
  demo?: DemoCredentials;
  local: LocalDeps;
  dynamo: DynamoDbLocal;
  /** Closes the HTTP server, then stops DynamoDB Local. Safe to call twice. */
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
  let local: LocalDeps | undefined;
  let tick: NodeJS.Timeout | undefined;
  const stop = async () => {
    clearInterval(tick);
    tick = undefined;
    if (server) {
      const s = server;
      server = undefined;
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
    const l = local;
    local = undefined;
    await l?.close();
    await dynamo.stop();
  };
  try {
    local = await buildLocalDeps({
      endpoint: dynamo.endpoint,
      tablePrefix: settings.tablePrefix,
      dataDir: settings.dataDir,
      baseUrl: settings.baseUrl,
      mailFrom: settings.mailFrom,
      donorThreshold: settings.donorThreshold,
      ...(settings.smtpUrl ? { smtpUrl: settings.smtpUrl } : {}),
    });
    // whatever came due while the process was down runs now, before anything else
    await local.runner.resumeAll();
    await startLocalRollups(local, settings.tablePrefix);
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
    const operator = await ensureOperator(local, settings);
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
