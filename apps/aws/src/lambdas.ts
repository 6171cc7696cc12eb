import { type BuildStateChangeEvent, createApp, recordBuildOutcome } from '@sisi/api';
import { type DynamoDbStreamRecord, toRollupRecord } from '@sisi/data';
import type { LifecycleState } from '@sisi/domain';
import { createLifecycleHandlers, type LifecycleHandlers } from '@sisi/lifecycle';
import { createRollupHandler } from '@sisi/rollup';
import { handle } from 'hono/aws-lambda';
import { type AwsClients, buildAwsDeps } from './deps.ts';
import {
  type LifecycleTask,
  readApiSettings,
  readLifecycleSettings,
  readMailQueueSettings,
  readTableSettings,
} from './settings.ts';

type Env = Record<string, string | undefined>;

/**
 * A Lambda handler that builds its real handler at its first event and keeps it for the
 * life of the instance: settings are read, and clients made, once per cold start.
 *
 * @example export const handler = perInstance(() => createRollupLambda(process.env));
 */
export function perInstance<F extends (...args: never[]) => unknown>(create: () => F): F {
  let built: F | undefined;
  return ((...args: Parameters<F>) => {
    built ??= create();
    return built(...args);
  }) as F;
}

/**
 * The API behind API Gateway's HTTP API (payload 2.0): Hono's Lambda adapter over
 * `createApp` with the AWS deps.
 *
 * @example export const handler = perInstance(() => createApiLambda(process.env));
 */
export function createApiLambda(env: Env, clients: AwsClients = {}): ReturnType<typeof handle> {
  return handle(createApp(buildAwsDeps(readApiSettings(env), clients).api));
}

const dispatch: Record<LifecycleTask, keyof LifecycleHandlers> = {
  RequestReview: 'requestReview',
  RemindIfMissing: 'remindIfMissing',
  EscalateIfMissing: 'escalateIfMissing',
};

/**
 * One Lambda handler for the three Task states: `SISI_LIFECYCLE_TASK` says which one this
 * function is. The event is the execution's state (the Task's input, as the ASL passes it
 * to a Lambda ARN resource); what the handler returns is the Task's result. A throw fails
 * the Task, and the state machine's Retry runs it again.
 *
 * @example
 * const handle = createLifecycleLambda(process.env);
 * await handle(executionInput(mentorship, 1)); // { ended: false }
 */
export function createLifecycleLambda(
  env: Env,
  clients: AwsClients = {},
): (event: unknown) => Promise<unknown> {
  const settings = readLifecycleSettings(env);
  const handlers = createLifecycleHandlers(buildAwsDeps(settings, clients).lifecycle);
  const handle = handlers[dispatch[settings.task]];
  return (event) => handle(event as LifecycleState);
}

/** The part of a DynamoDB Streams event the rollup reads (`NEW_AND_OLD_IMAGES`). */
export interface DynamoDbStreamEvent {
  Records: DynamoDbStreamRecord[];
}

/** Lambda's partial batch answer (`ReportBatchItemFailures`). */
export interface BatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

/**
 * The stream handler for a batch, subscribed to every network table's stream: records in
 * order; at the first failure, that record is reported failed, and with it (Lambda's rule
 * for streams) every later one, so Lambda retries them in order.
 *
 * @example
 * const handle = createRollupLambda(process.env);
 * await handle(event); // { batchItemFailures: [] }
 */
export function createRollupLambda(
  env: Env,
  clients: AwsClients = {},
): (event: DynamoDbStreamEvent) => Promise<BatchResponse> {
  const settings = readTableSettings(env, 'rollup settings');
  const rollup = createRollupHandler(buildAwsDeps(settings, clients).rollup);
  return async (event) => {
    for (const raw of event.Records) {
      const record = toRollupRecord(settings.tablePrefix, raw);
      if (!record) continue;
      try {
        await rollup.apply(record);
      } catch (error) {
        console.error('rollup failed', record.networkId, record.keys, error);
        return { batchItemFailures: [{ itemIdentifier: record.sequenceNumber }] };
      }
    }
    return { batchItemFailures: [] };
  };
}

/**
 * Run by the EventBridge rule on the provisioning project's final build states: moves the
 * network to `active` or `failed`. An event rather than the buildspec's last step: CodeBuild
 * emits it also when the build times out, is stopped or its container dies, when no step of
 * the build runs any more.
 *
 * @example await createProvisioningLambda(process.env)(event);
 */
export function createProvisioningLambda(
  env: Env,
  clients: AwsClients = {},
): (event: BuildStateChangeEvent) => Promise<void> {
  const { platform } = buildAwsDeps(readTableSettings(env, 'provisioning settings'), clients);
  return async (event) => {
    const outcome = await recordBuildOutcome(event, platform);
    console.log(JSON.stringify({ message: 'provisioning build ended', outcome: outcome ?? null }));
  };
}

/**
 * Run on a schedule (every minute): sends the mail a request queued with its data but could
 * not send itself (SES failed, or the Lambda ended between the commit and the send), and
 * takes over claims left by a sender that died (ADR 0023). A mail that fails again stays
 * queued for the next run; the run fails only when the table cannot be read.
 *
 * @example await createMailQueueLambda(process.env)(); // { sent: 1, skipped: 0, failed: 0 }
 */
export function createMailQueueLambda(
  env: Env,
  clients: AwsClients = {},
): () => Promise<{ sent: number; skipped: number; failed: number }> {
  const { mailQueue } = buildAwsDeps(readMailQueueSettings(env), clients);
  return async () => {
    const done = await mailQueue.deliverPending();
    if (done.sent || done.failed) console.log(JSON.stringify({ message: 'queued mail', ...done }));
    return done;
  };
}
