import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { getConnInfo } from '@hono/node-server/conninfo';
import {
  type ApiDeps,
  createJwtVerifier,
  type Mailer,
  type Provisioner,
  ValidationError,
} from '@sisi/api';
import {
  createDocumentClient,
  createNetworkStore,
  DonorRepository,
  FieldCipher,
  LoginAttemptRepository,
  MailQueue,
  networkTableName,
  PlatformRepository,
  platformTable,
  platformTableName,
  RollupRepository,
  WorkflowCheckpointRepository,
} from '@sisi/data';
import type { LifecycleState } from '@sisi/domain';
import { createLifecycleHandlers } from '@sisi/lifecycle';
import { createRollupHandler, mentorshipFactsFrom } from '@sisi/rollup';
import {
  LocalWorkflowRunner,
  lifecycleDefinition,
  localLifecycleResources,
  substitute,
} from '@sisi/workflows';
import { VirtualClock } from './clock.ts';
import { dynamoDbLocalClientConfig } from './dynamodb-local.ts';
import { FileBlobStore } from './file-blob-store.ts';
import { LOCAL_AUDIENCE, LocalIssuer } from './issuer.ts';
import { LocalIdentityProvider } from './local-identity.ts';
import { LocalKeyProvider } from './local-keys.ts';
import { OutboxMailer } from './outbox.ts';
import { SmtpMailer } from './smtp-mailer.ts';
import { StreamPoller } from './stream-poller.ts';
import { ensureTable, LocalProvisioner } from './tables.ts';

export interface LocalDepsOptions {
  /** DynamoDB Local's endpoint, e.g. `http://127.0.0.1:8000`. */
  endpoint: string;
  tablePrefix: string;
  dataDir: string;
  baseUrl: string;
  smtpUrl?: string;
  mailFrom?: string;
  /** Replaces the provisioner (tests of a failing or slow provisioning). */
  provisioner?: Provisioner;
  /** Replaces the mailer (tests). */
  mailer?: Mailer;
  /**
   * Pause before each retry of a failed lifecycle step (the ASL's own intervals are not
   * used locally). Default 20 s: the four retries then outlast the 60 s mail lease, so a
   * mail claim left by a crash is taken over instead of the step being parked as failed.
   */
  workflowRetryDelayMs?: number;
  /** Donor view threshold (default 5). */
  donorThreshold?: number;
  /** How long audit entries are kept, in days (default 400). */
  auditRetentionDays?: number;
  /**
   * Addresses of reverse proxies in front of the runtime whose `X-Forwarded-For` is
   * believed (`SISI_TRUSTED_PROXIES`); from anyone else the header is ignored.
   */
  trustedProxies?: string[];
}

export interface LocalDeps {
  deps: ApiDeps;
  issuer: LocalIssuer;
  clock: VirtualClock;
  outbox: OutboxMailer;
  platform: PlatformRepository;
  /** Mail queued by requests (ADR 0023); the runtime runs `deliverPending` on a timer. */
  mailQueue: MailQueue;
  dynamo: DynamoDBClient;
  /** The document client of every table here (tools and tests that read items directly). */
  doc: DynamoDBDocumentClient;
  /**
   * Runs the mentorships' review lifecycles (`deps.workflows` starts and stops them); its
   * checkpoints live in the platform table. Moving `clock` runs what is due by then.
   */
  runner: LocalWorkflowRunner;
  /**
   * The donor rollups: the stream poller feeding the rollup handler. Nothing polls until
   * `start` (the runtime does); `drain()` handles every write made so far (tests).
   */
  rollups: StreamPoller;
  /** Waits for the workflow steps in progress, then closes the clients. */
  close(): Promise<void>;
}

/**
 * The embedded runtime's adapters for every API port. Used by `pnpm start` and by the
 * tests, so both run exactly the same wiring.
 *
 * @example
 * const { deps } = await buildLocalDeps({ endpoint, tablePrefix: 'sisi', dataDir, baseUrl });
 * const app = createApp(deps);
 */
export async function buildLocalDeps(options: LocalDepsOptions): Promise<LocalDeps> {
  const clientConfig = { ...dynamoDbLocalClientConfig(options.endpoint), maxAttempts: 3 };
  const dynamo = new DynamoDBClient(clientConfig);
  const doc = createDocumentClient(clientConfig);
  await ensureTable(dynamo, platformTable, platformTableName(options.tablePrefix));
  const platform = new PlatformRepository(doc, platformTableName(options.tablePrefix));
  const clock = await VirtualClock.load(platform);
  const issuer = await LocalIssuer.load(
    join(options.dataDir, 'keys', 'issuer.json'),
    options.baseUrl,
  );
  const cipher = new FieldCipher(
    await LocalKeyProvider.load(join(options.dataDir, 'keys', 'master.key')),
  );
  const outbox = new OutboxMailer(join(options.dataDir, 'outbox'), clock);
  const smtp = options.smtpUrl
    ? new SmtpMailer(options.smtpUrl, options.mailFrom ?? 'Sisi <no-reply@sisi.local>')
    : undefined;

  const mailer = options.mailer ?? smtp ?? outbox;
  // mail decided inside a request: queued with its data, sent after the commit or by the
  // runtime's worker (`deliverPending`) — at start and every few seconds
  const mailQueue = new MailQueue(doc, platformTableName(options.tablePrefix), {
    mailer,
    clock,
  });

  // The lifecycle: the same ASL as on AWS, its Task states run by the lifecycle handlers
  // in-process. A handler starts the next review's execution through the runner itself.
  const lifecycle = createLifecycleHandlers({
    store: (networkId) => deps.store({ networkId }),
    platform,
    mailer,
    clock,
    baseUrl: options.baseUrl,
    startExecution: async (name, input) => {
      await runner.start(name, input);
    },
  });
  const task =
    (handler: (state: LifecycleState) => Promise<unknown>) =>
    (input: unknown): Promise<unknown> =>
      handler(input as LifecycleState);
  const runner: LocalWorkflowRunner = new LocalWorkflowRunner({
    definition: substitute(lifecycleDefinition, localLifecycleResources),
    handlers: {
      [localLifecycleResources.RequestReviewFunctionArn]: task(lifecycle.requestReview),
      [localLifecycleResources.RemindIfMissingFunctionArn]: task(lifecycle.remindIfMissing),
      [localLifecycleResources.EscalateIfMissingFunctionArn]: task(lifecycle.escalateIfMissing),
    },
    checkpoints: new WorkflowCheckpointRepository(doc, platformTableName(options.tablePrefix)),
    now: () => clock.now(),
    retryDelayMs: options.workflowRetryDelayMs ?? 20_000,
  });
  // Donor rollups: every network table's stream → the same handler as the rollup Lambda.
  const streams = new DynamoDBStreamsClient(clientConfig);
  const rollupRepository = new RollupRepository(doc, platformTableName(options.tablePrefix));
  const rollups = new StreamPoller({
    dynamo,
    streams,
    tablePrefix: options.tablePrefix,
    checkpoints: rollupRepository,
    rollup: createRollupHandler({
      rollups: rollupRepository,
      mentorshipFacts: mentorshipFactsFrom((networkId) => deps.store({ networkId })),
    }),
    onError: (error) => console.error('donor rollups: stream poll failed:', error),
  });

  // `POST /dev/clock` answers only once every step due by the new time has run.
  clock.onAdvance(async (now) => {
    await runner.runDue(now);
  });

  const deps: ApiDeps = {
    platform,
    store({ networkId }) {
      if (!networkId) throw new Error('no network in this context');
      return createNetworkStore(doc, networkTableName(options.tablePrefix, networkId));
    },
    rollups: rollupRepository,
    donors: new DonorRepository(doc, platformTableName(options.tablePrefix)),
    clock,
    mailer,
    mailQueue,
    blobs: new FileBlobStore(join(options.dataDir, 'uploads')),
    cipher,
    provisioner: options.provisioner ?? new LocalProvisioner(dynamo, options.tablePrefix),
    tokens: createJwtVerifier({
      jwks: issuer.jwks(),
      issuer: issuer.issuer,
      audience: LOCAL_AUDIENCE,
    }),
    identity: new LocalIdentityProvider(platform, issuer),
    // Shared by every app over this table, as on AWS (ADR 0020).
    loginAttempts: new LoginAttemptRepository(doc, platformTableName(options.tablePrefix)),
    clientAddress: {
      // the socket's peer (`@hono/node-server`); a request without one (never served) has none
      peer: (c) => {
        try {
          return getConnInfo(c).remote.address;
        } catch {
          return undefined;
        }
      },
      trustedProxies: options.trustedProxies ?? [],
    },
    baseUrl: options.baseUrl,
    ...(options.donorThreshold ? { donorThreshold: options.donorThreshold } : {}),
    ...(options.auditRetentionDays ? { auditRetentionDays: options.auditRetentionDays } : {}),
    workflows: {
      start: async (name, input) => {
        await runner.start(name, input);
      },
      stopMentorship: (networkId, mentorshipId) => runner.stopMentorship(networkId, mentorshipId),
    },
    dev: {
      async setClock(input) {
        const now = await clock.advance(input);
        if (!now) {
          throw new ValidationError([
            { path: input.to ? 'to' : 'advanceDays', code: 'date_order' },
          ]);
        }
        return { now: now.toISOString() };
      },
      listOutbox: (to) => outbox.list(to),
    },
  };
  return {
    deps,
    issuer,
    clock,
    outbox,
    platform,
    mailQueue,
    dynamo,
    doc,
    runner,
    rollups,
    async close() {
      await runner.idle();
      await rollups.stop();
      streams.destroy();
      smtp?.close();
      dynamo.destroy();
      doc.destroy();
    },
  };
}
