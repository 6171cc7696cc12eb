/**
 * The AWS runtime of Sisi: its adapters (SES, S3, KMS, Cognito, CodeBuild, STS, Step
 * Functions), its settings, `buildAwsDeps` and one Lambda per handler (`entries/`, what
 * `infra/` bundles). The composition root on AWS, as `@sisi/local` is on one machine.
 *
 * @example
 * import { buildAwsDeps, readApiSettings } from '@sisi/aws';
 * const app = createApp(buildAwsDeps(readApiSettings(process.env)).api);
 */
export { CodeBuildProvisioner } from './adapters/codebuild-provisioner.ts';
export { CognitoIdentity, type CognitoIdentityOptions } from './adapters/cognito-identity.ts';
export { createCognitoTokenVerifier } from './adapters/cognito-tokens.ts';
export { KmsKeyProvider, type KmsKeyProviderOptions } from './adapters/kms-key-provider.ts';
export { NetworkClients, type NetworkClientsOptions } from './adapters/network-clients.ts';
export {
  NETWORK_SESSION_TAG,
  NetworkCredentials,
  type NetworkCredentialsOptions,
  type TemporaryCredentials,
} from './adapters/network-credentials.ts';
export { NetworkWorkflowStarter } from './adapters/network-workflows.ts';
export { S3BlobStore, type S3BlobStoreOptions } from './adapters/s3-blob-store.ts';
export {
  composeRawMessage,
  MailSendError,
  SesMailer,
  type SesMailerOptions,
} from './adapters/ses-mailer.ts';
export { SfnWorkflowStarter, type SfnWorkflowStarterOptions } from './adapters/sfn-starter.ts';
export { type AwsClients, type AwsDeps, buildAwsDeps } from './deps.ts';
export {
  type BatchResponse,
  createApiLambda,
  createLifecycleLambda,
  createMailQueueLambda,
  createProvisioningLambda,
  createRollupLambda,
  type DynamoDbStreamEvent,
  perInstance,
} from './lambdas.ts';
export {
  type ApiSettings,
  awsEnvSchema,
  LIFECYCLE_TASKS,
  type LifecycleSettings,
  type LifecycleTask,
  type MailQueueSettings,
  type MailSettings,
  readApiSettings,
  readLifecycleSettings,
  readMailQueueSettings,
  readTableSettings,
  type TableSettings,
} from './settings.ts';
