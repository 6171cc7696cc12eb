/**
 * The embedded runtime of Sisi: everything that replaces AWS on one machine.
 *
 * @example
 * import { LocalProvisioner, startDynamoDbLocal } from '@sisi/local';
 * const db = await startDynamoDbLocal({ dataDir: '.sisi/data/dynamodb' });
 */

export { ensureOperator, type OperatorResult } from './bootstrap.ts';
export { VirtualClock } from './clock.ts';
export { type DemoCredentials, seedDemo } from './demo.ts';
export {
  type DynamoDbLocal,
  type DynamoDbLocalOptions,
  DynamoDbLocalStartError,
  dynamoDbLocalClientConfig,
  LOCAL_CREDENTIALS,
  startDynamoDbLocal,
} from './dynamodb-local.ts';
export { type LocalSettings, readSettings } from './env.ts';
export { ChecksumMismatchError, DynamoDbLocalError } from './errors.ts';
export { FileBlobStore } from './file-blob-store.ts';
export { LOCAL_AUDIENCE, LocalIssuer } from './issuer.ts';
export { buildLocalDeps, type LocalDeps, type LocalDepsOptions } from './local-deps.ts';
export { LocalIdentityProvider } from './local-identity.ts';
export { LocalKeyProvider } from './local-keys.ts';
export { MAIL_TICK_MS, type MailWorker, startMailWorker } from './mail-worker.ts';
export { type OutboxItem, OutboxMailer } from './outbox.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { rebuildLocalRollups, startLocalRollups } from './rollups.ts';
export { type Runtime, startRuntime, WORKFLOW_TICK_MS } from './runtime.ts';
export { createServerApp } from './server.ts';
export { SmtpMailer } from './smtp-mailer.ts';
export { StreamPoller, type StreamPollerOptions } from './stream-poller.ts';
export { ensureTable, LocalProvisioner } from './tables.ts';
export {
  DYNAMODB_LOCAL_JAR_SHA256,
  DYNAMODB_LOCAL_VERSION,
  dynamoDbLocalDir,
  findRepoRoot,
  sha256File,
  verifySha256,
} from './vendor.ts';
