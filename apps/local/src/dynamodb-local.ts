import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { createServer, isIPv6 } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  DynamoDBClient,
  type DynamoDBClientConfig,
  ListTablesCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDbLocalError } from './errors.ts';
import { dynamoDbLocalDir, findRepoRoot } from './vendor.ts';

export { ChecksumMismatchError, DynamoDbLocalError } from './errors.ts';

export interface DynamoDbLocalOptions {
  /**
   * Folder of the database file, created when missing. Defaults to
   * `<repo>/.sisi/data/dynamodb`. Not allowed together with `inMemory`.
   */
  dataDir?: string;
  /** Keep everything in memory: fast, and gone on stop. For tests. */
  inMemory?: boolean;
  /** A free port is picked when omitted. */
  port?: number;
  /**
   * The address it listens on: `127.0.0.1` unless given. It has no authentication, so
   * whoever reaches this address reads and writes every table (ADR 0018).
   */
  host?: string;
  /** How long to wait for the first answered request. Default 30 s. */
  startTimeoutMs?: number;
}

export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>` (or the host it was given), for the SDK's `endpoint` option. */
  endpoint: string;
  port: number;
  /** The java process that serves (not the shell wrapper around it). */
  pid: number;
  /** Stops java and waits for it to exit. Safe to call more than once. */
  stop(): Promise<void>;
}

/** Thrown when DynamoDB Local does not come up; `output` is the tail of what java printed. */
export class DynamoDbLocalStartError extends DynamoDbLocalError {
  override name = 'DynamoDbLocalStartError';

  constructor(
    message: string,
    readonly output: string,
    options?: { cause?: unknown },
  ) {
    super(
      output ? `${message}\n--- DynamoDB Local output (tail) ---\n${output}` : message,
      options,
    );
  }
}

/** DynamoDB Local accepts any credentials and region; the SDK just needs some. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/**
 * SDK client settings for a DynamoDB Local endpoint.
 *
 * @example new DynamoDBClient(dynamoDbLocalClientConfig(db.endpoint))
 */
export function dynamoDbLocalClientConfig(endpoint: string): DynamoDBClientConfig {
  return { endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS };
}

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'bin');
const WRAPPER = join(BIN, 'dynamodb-local.sh');
/** DynamoDB Local's main with a host: its own command line has only a port (ADR 0018). */
const LAUNCHER = 'SisiDynamoDbLocal';
const PID_LINE = /^sisi-dynamodb-local java-pid=(\d+)\n/m;
const FATAL = /Exception in thread "main"/;
const STOP_GRACE_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;

/**
 * Starts DynamoDB Local (installed by `node scripts/setup.mjs`) and resolves once it
 * answers requests. Java never outlives this process: see `bin/dynamodb-local.sh`.
 *
 * @example
 * const db = await startDynamoDbLocal({ inMemory: true });
 * const client = new DynamoDBClient(dynamoDbLocalClientConfig(db.endpoint));
 * // …
 * await db.stop();
 */
export async function startDynamoDbLocal(
  options: DynamoDbLocalOptions = {},
): Promise<DynamoDbLocal> {
  if (options.inMemory && options.dataDir !== undefined) {
    throw new DynamoDbLocalError('pass either dataDir or inMemory, not both');
  }
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port > 0)) {
    throw new DynamoDbLocalError(`not a port: ${options.port}`);
  }
  const vendorDir = dynamoDbLocalDir();
  if (!existsSync(join(vendorDir, 'DynamoDBLocal.jar'))) {
    throw new DynamoDbLocalError(
      `DynamoDB Local is not installed in ${vendorDir}: run \`node scripts/setup.mjs\``,
    );
  }
  const host = options.host ?? '127.0.0.1';
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const classes = await compileLauncher(java, vendorDir);
  const dataDir = options.inMemory
    ? undefined
    : resolve(options.dataDir ?? join(findRepoRoot(), '.sisi', 'data', 'dynamodb'));
  if (dataDir) mkdirSync(dataDir, { recursive: true });

  // A port we picked can be taken by someone else before java binds it: pick again.
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launch({
        java,
        vendorDir,
        classes,
        dataDir,
        host,
        port,
        timeoutMs: options.startTimeoutMs ?? 30_000,
      });
    } catch (error) {
      const portTaken =
        error instanceof DynamoDbLocalStartError && /address already in use/i.test(error.output);
      if (!portTaken || attempt >= attempts) throw error;
    }
  }
}

interface Instance {
  child: ChildProcessWithoutNullStreams;
  javaPid: number | undefined;
  exited: boolean;
}

const running = new Set<Instance>();
let handlersInstalled = false;

/** Best effort and synchronous, because `exit` handlers cannot wait. */
function killAllSync(): void {
  for (const instance of running) {
    if (instance.exited) continue;
    instance.child.kill('SIGTERM');
    if (instance.javaPid !== undefined) {
      try {
        process.kill(instance.javaPid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}

function installProcessHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllSync);
  // The monitor variant: a plain `uncaughtException` listener would swallow the crash. And
  // only when nobody handles it, as then the process is about to die.
  process.on('uncaughtExceptionMonitor', () => {
    if (process.listenerCount('uncaughtException') === 0) killAllSync();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      // Someone else handles it (the runtime's graceful stop): they stop java in their own
      // order, last; if this process dies first, the wrapper's pipe takes java along.
      if (process.listenerCount(signal) > 1) return;
      killAllSync();
      // Listening to a signal disables Node's default of dying from it. Nobody else handles
      // it: restore the default and die the usual way.
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

const compiled = new Map<string, Promise<string>>();

/**
 * The folder of the compiled launcher (`bin/SisiDynamoDbLocal.java`), compiled against the
 * jar once and kept next to it, under the source's hash. It uses the compiler module of the
 * Java runtime (`jdk.compiler`, also in Debian's `openjdk-17-jre-headless`), not `javac`.
 */
function compileLauncher(java: string, vendorDir: string): Promise<string> {
  const source = join(BIN, `${LAUNCHER}.java`);
  const hash = createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16);
  const out = join(vendorDir, 'sisi-launcher', hash);
  let done = compiled.get(out);
  if (!done) {
    done = (async () => {
      if (existsSync(join(out, `${LAUNCHER}.class`))) return out;
      mkdirSync(dirname(out), { recursive: true });
      // compiled aside and renamed: another process may be compiling the same at this moment
      const tmp = await mkdtemp(`${out}.tmp-`);
      try {
        await promisify(execFile)(java, [
          '-m',
          'jdk.compiler/com.sun.tools.javac.Main',
          '-nowarn',
          '-cp',
          join(vendorDir, 'DynamoDBLocal.jar'),
          '-d',
          tmp,
          source,
        ]);
        await rename(tmp, out).catch((error: NodeJS.ErrnoException) => {
          if (!existsSync(join(out, `${LAUNCHER}.class`))) throw error;
        });
      } catch (error) {
        const output = (error as { stderr?: string }).stderr ?? '';
        throw new DynamoDbLocalStartError(
          `could not compile ${source}: Java 17 with its jdk.compiler module is needed (a JDK, or Debian's openjdk-17-jre-headless)`,
          output.trim(),
          { cause: error },
        );
      } finally {
        await rm(tmp, { recursive: true, force: true });
      }
      return out;
    })();
    compiled.set(out, done);
    done.catch(() => compiled.delete(out));
  }
  return done;
}

/** How a client on this machine reaches `host`: the wildcard addresses by loopback. */
function endpointFor(host: string, port: number): string {
  const reach = ['0.0.0.0', '::', 'localhost'].includes(host) ? '127.0.0.1' : host;
  return `http://${isIPv6(reach) ? `[${reach}]` : reach}:${port}`;
}

async function launch(args: {
  java: string;
  vendorDir: string;
  classes: string;
  dataDir: string | undefined;
  host: string;
  port: number;
  timeoutMs: number;
}): Promise<DynamoDbLocal> {
  const { java, vendorDir, classes, dataDir, host, port, timeoutMs } = args;
  const javaArgs = [
    `-Djava.library.path=${join(vendorDir, 'DynamoDBLocal_lib')}`,
    `-Dsisi.host=${host}`,
    '-cp',
    [join(vendorDir, 'DynamoDBLocal.jar'), classes].join(delimiter),
    LAUNCHER,
    '-disableTelemetry',
    ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
    '-sharedDb',
    '-port',
    String(port),
  ];

  installProcessHandlers();
  // stdin stays an open pipe for the child's whole life: closing it is how the wrapper
  // learns that we are gone.
  // Its own process group: a Ctrl+C in the terminal goes to Node alone, which drains its
  // requests before it stops java (the pipe still ends java if Node dies).
  const child = spawn('/bin/sh', [WRAPPER, java, ...javaArgs], {
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const instance: Instance = { child, javaPid: undefined, exited: false };
  running.add(instance);

  let output = '';
  let stderrHead = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', (chunk: Buffer) => {
    collect(chunk);
    // The wrapper's pid line comes first on stderr, possibly split across chunks.
    if (instance.javaPid === undefined && stderrHead.length < OUTPUT_TAIL_CHARS) {
      stderrHead += chunk.toString('utf8');
      const match = PID_LINE.exec(stderrHead);
      if (match) instance.javaPid = Number(match[1]);
    }
  });
  // EPIPE once the wrapper is gone is expected, not a crash.
  child.stdin.on('error', () => {});

  let spawnError: Error | undefined;
  const exit = new Promise<void>((resolveExit) => {
    child.once('exit', () => {
      instance.exited = true;
      resolveExit();
    });
    child.once('error', (error) => {
      spawnError = error;
      instance.exited = true;
      resolveExit();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (!instance.exited) {
        child.kill('SIGTERM');
        const escalate = setTimeout(() => {
          child.kill('SIGKILL');
          if (instance.javaPid !== undefined) {
            try {
              process.kill(instance.javaPid, 'SIGKILL');
            } catch {
              // Already gone.
            }
          }
        }, STOP_GRACE_MS);
        await exit;
        clearTimeout(escalate);
      }
      child.stdin.destroy();
      running.delete(instance);
    })();
    return stopping;
  };

  const endpoint = endpointFor(host, port);
  try {
    // A failed bind kills java's main thread but not the JVM, so watch the output too.
    await waitUntilReady(endpoint, timeoutMs, () => instance.exited || FATAL.test(output));
  } catch (cause) {
    await stop();
    const tail = output.trim();
    if (spawnError) {
      throw new DynamoDbLocalStartError(`could not start ${WRAPPER}`, tail, { cause: spawnError });
    }
    const message =
      instance.exited || FATAL.test(output)
        ? `DynamoDB Local failed during start (port ${port})`
        : `DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`;
    throw new DynamoDbLocalStartError(message, tail, { cause });
  }
  if (instance.javaPid === undefined) {
    await stop();
    throw new DynamoDbLocalStartError('the wrapper did not report the java pid', output.trim());
  }
  return { endpoint, port, pid: instance.javaPid, stop };
}

async function waitUntilReady(
  endpoint: string,
  timeoutMs: number,
  hasFailed: () => boolean,
): Promise<void> {
  const client = new DynamoDBClient({
    ...dynamoDbLocalClientConfig(endpoint),
    maxAttempts: 1,
    requestHandler: {
      connectionTimeout: 1_000,
      requestTimeout: 2_000,
      throwOnRequestTimeout: true,
    },
  });
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  try {
    while (Date.now() < deadline) {
      if (hasFailed()) throw new DynamoDbLocalError('failed', { cause: lastError });
      try {
        // Whatever else holds the port may accept and never answer: bound every attempt.
        await client.send(new ListTablesCommand({ Limit: 1 }), {
          abortSignal: AbortSignal.timeout(2_000),
        });
        return;
      } catch (error) {
        lastError = error;
      }
      await sleep(100);
    }
    throw new DynamoDbLocalError('timed out', { cause: lastError });
  } finally {
    client.destroy();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
