import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { STSClient } from '@aws-sdk/client-sts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApiDeps } from '@sisi/api';
import {
  createDocumentClient,
  createNetworkStore,
  DonorRepository,
  FieldCipher,
  LoginAttemptRepository,
  MailQueue,
  networkTableName,
  PlatformRepository,
  platformTableName,
  RollupRepository,
} from '@sisi/data';
import type { LifecycleDeps } from '@sisi/lifecycle';
import { mentorshipFactsFrom, type RollupDeps } from '@sisi/rollup';
import { CodeBuildProvisioner } from './adapters/codebuild-provisioner.ts';
import { CognitoIdentity } from './adapters/cognito-identity.ts';
import { createCognitoTokenVerifier } from './adapters/cognito-tokens.ts';
import { NetworkClients } from './adapters/network-clients.ts';
import { NetworkCredentials } from './adapters/network-credentials.ts';
import { NetworkWorkflowStarter } from './adapters/network-workflows.ts';
import { S3BlobStore } from './adapters/s3-blob-store.ts';
import { SesMailer } from './adapters/ses-mailer.ts';
import { SfnWorkflowStarter } from './adapters/sfn-starter.ts';
import {
  type ApiSettings,
  type LifecycleSettings,
  type MailSettings,
  ORIGIN_SECRET_HEADER,
  type TableSettings,
  VIEWER_ADDRESS_HEADER,
} from './settings.ts';

/** AWS clients a test may replace; each defaults to one configured from the environment. */
export interface AwsClients {
  doc?: DynamoDBDocumentClient;
  sts?: STSClient;
  cognito?: CognitoIdentityProviderClient;
  codebuild?: CodeBuildClient;
  ses?: SESv2Client;
  sfn?: SFNClient;
  s3?: S3Client;
}

/**
 * What each AWS handler is built from. `platform` and `rollup` need only the table prefix;
 * `api` exists when the settings are the API's, `lifecycle` when they are a lifecycle
 * function's, so a handler cannot ask for a part its settings do not configure.
 */
export type AwsDeps<S extends TableSettings> = {
  /** The platform table with the Lambda's own role (the provisioning handler's one need). */
  readonly platform: PlatformRepository;
  /** The rollup handler's ports: the platform table and mentorship facts from network tables. */
  readonly rollup: RollupDeps;
} & (S extends ApiSettings ? { readonly api: ApiDeps } : unknown) &
  (S extends MailSettings ? { readonly mailQueue: MailQueue } : unknown) &
  (S extends LifecycleSettings ? { readonly lifecycle: LifecycleDeps } : unknown);

/** What `hono/aws-lambda` binds to a request: API Gateway's request context. */
interface LambdaBindings {
  requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } };
}

/** `make()` at the first call, the same value after. */
function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/**
 * The AWS composition root, one for every Lambda: the api, lifecycle, rollup and
 * provisioning handlers each take their part. A part and the clients it uses are made when
 * first read, so a Lambda pays only for what its handler uses, and the same one after.
 *
 * - `api`: the platform table with the Lambda's own role; every network's table and key
 *   only through per-network credentials (ABAC, ADR 0011); Cognito for passwords and tokens,
 *   CodeBuild for provisioning, SES for mail, Step Functions (one state machine per network)
 *   for review lifecycles, S3 for uploads, real time. No `dev` tools.
 * - `lifecycle`: the tables named from the prefix with the function's own role (a network
 *   stack's functions reach only its table), SES for mail, the network's state machine to
 *   start the next review's execution, real time.
 * - `rollup`: the platform table's rollups, mentorship facts read from the network tables.
 * - `mailQueue`: mail queued by requests in the platform table, sent through SES (the API
 *   sends after its commit; the mail queue Lambda sends what is left).
 *
 * @example
 * const app = createApp(buildAwsDeps(readApiSettings(process.env)).api);
 * const handlers = createLifecycleHandlers(buildAwsDeps(readLifecycleSettings(process.env)).lifecycle);
 */
export function buildAwsDeps<S extends TableSettings>(
  settings: S,
  clients: AwsClients = {},
): AwsDeps<S> {
  const { tablePrefix } = settings;
  const doc = lazy(() => clients.doc ?? createDocumentClient());
  const platform = lazy(() => new PlatformRepository(doc(), platformTableName(tablePrefix)));
  const clock = { now: () => new Date() };
  const mailer = lazy(() => {
    const mail = settings as unknown as MailSettings;
    return new SesMailer(clients.ses ?? new SESv2Client({}), {
      from: mail.mailFrom,
      ...(mail.configurationSetName ? { configurationSetName: mail.configurationSetName } : {}),
    });
  });

  // mail decided in a request: queued with its data, sent by the request or the worker
  const mailQueue = lazy(
    () => new MailQueue(doc(), platformTableName(tablePrefix), { mailer: mailer(), clock }),
  );

  const api = lazy((): ApiDeps => {
    const s = settings as unknown as ApiSettings;
    const credentials = new NetworkCredentials(clients.sts ?? new STSClient({}), {
      roleArn: s.networkAccessRoleArn,
    });
    const network = new NetworkClients({ tablePrefix, credentials });
    return {
      platform: platform(),
      rollups: new RollupRepository(doc(), platformTableName(tablePrefix)),
      donors: new DonorRepository(doc(), platformTableName(tablePrefix)),
      store({ networkId }) {
        if (!networkId) throw new Error('no network in this context');
        const { doc, table } = network.table(networkId);
        return createNetworkStore(doc, table);
      },
      clock,
      mailer: mailer(),
      mailQueue: mailQueue(),
      provisioner: new CodeBuildProvisioner(
        clients.codebuild ?? new CodeBuildClient({}),
        s.provisioningProject,
      ),
      tokens: createCognitoTokenVerifier({ issuer: s.issuer, clientId: s.userPoolClientId }),
      identity: new CognitoIdentity(clients.cognito ?? new CognitoIdentityProviderClient({}), {
        userPoolId: s.userPoolId,
        clientId: s.userPoolClientId,
      }),
      // In the platform table, so every Lambda instance counts the same attempts (ADR 0020);
      // WAF's rate rule brakes floods before they reach the API.
      loginAttempts: new LoginAttemptRepository(doc(), platformTableName(tablePrefix)),
      clientAddress: {
        // API Gateway's source address (CloudFront's edge, or whoever called the API
        // directly); never a header, unlike hono's getConnInfo when it has none
        peer: (c) => {
          const context = (c.env as LambdaBindings | undefined)?.requestContext;
          return context?.http?.sourceIp ?? context?.identity?.sourceIp;
        },
        cloudFront: {
          header: ORIGIN_SECRET_HEADER,
          secret: s.originSecret,
          viewerHeader: VIEWER_ADDRESS_HEADER,
        },
      },
      baseUrl: s.baseUrl,
      workflows: new NetworkWorkflowStarter(clients.sfn ?? new SFNClient({}), s.lifecycleArnPrefix),
      cipher: new FieldCipher(network),
      blobs: new S3BlobStore(clients.s3 ?? new S3Client({}), { bucket: s.uploadsBucket }),
      donorThreshold: s.donorThreshold,
      auditRetentionDays: s.auditRetentionDays,
    };
  });

  const lifecycle = lazy((): LifecycleDeps => {
    const s = settings as unknown as LifecycleSettings;
    const starter = new SfnWorkflowStarter(clients.sfn ?? new SFNClient({}), {
      stateMachineArn: s.stateMachineArn,
    });
    return {
      store: (networkId) => createNetworkStore(doc(), networkTableName(tablePrefix, networkId)),
      platform: platform(),
      mailer: mailer(),
      clock,
      baseUrl: s.baseUrl,
      startExecution: (name, input) => starter.start(name, input),
    };
  });

  const rollup = lazy(
    (): RollupDeps => ({
      rollups: new RollupRepository(doc(), platformTableName(tablePrefix)),
      mentorshipFacts: mentorshipFactsFrom((n) =>
        createNetworkStore(doc(), networkTableName(tablePrefix, n)),
      ),
    }),
  );

  return {
    get platform() {
      return platform();
    },
    get rollup() {
      return rollup();
    },
    get api() {
      return api();
    },
    get mailQueue() {
      return mailQueue();
    },
    get lifecycle() {
      return lifecycle();
    },
  } as AwsDeps<S>;
}
