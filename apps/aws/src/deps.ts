import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { STSClient } from '@aws-sdk/client-sts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  CapacityRepository,
  createDocumentClient,
  FieldCipher,
  MentorshipRepository,
  OrganizationRepository,
  PeopleRepository,
  PlatformRepository,
  platformTableName,
  S3BlobStore,
  SesMailer,
} from '@sisi/data';
import { handle } from 'hono/aws-lambda';
import { createApp } from './app.ts';
import { CodeBuildProvisioner } from './aws/codebuild-provisioner.ts';
import { CognitoIdentity } from './aws/cognito-identity.ts';
import { createCognitoTokenVerifier } from './aws/cognito-tokens.ts';
import { NetworkClients } from './aws/network-clients.ts';
import { NetworkCredentials } from './aws/network-credentials.ts';
import { NetworkWorkflowStarter } from './aws/network-workflows.ts';
import { type ApiLambdaSettings, readApiSettings } from './aws/settings.ts';
import type { ApiDeps } from './deps.ts';
import { createRateLimiter } from './rate-limit.ts';

/** AWS clients a test may replace; each defaults to one configured from the environment. */
export interface ApiLambdaClients {
  doc?: DynamoDBDocumentClient;
  sts?: STSClient;
  cognito?: CognitoIdentityProviderClient;
  codebuild?: CodeBuildClient;
  ses?: SESv2Client;
  sfn?: SFNClient;
  s3?: S3Client;
}

/**
 * The AWS composition root of the API: the platform table with the Lambda's own role;
 * every network's table and key only through per-network credentials (ABAC, ADR 0011);
 * Cognito for passwords and tokens, CodeBuild for provisioning, SES for mail, Step Functions
 * (one state machine per network) for review lifecycles, S3 for uploads, real time. No
 * `dev` tools.
 *
 * @example const app = createApp(apiLambdaDeps(readApiSettings(process.env)));
 */
export function apiLambdaDeps(
  settings: ApiLambdaSettings,
  clients: ApiLambdaClients = {},
): ApiDeps {
  const credentials = new NetworkCredentials(clients.sts ?? new STSClient({}), {
    roleArn: settings.networkAccessRoleArn,
  });
  const network = new NetworkClients({ tablePrefix: settings.tablePrefix, credentials });
  const platform = new PlatformRepository(
    clients.doc ?? createDocumentClient(),
    platformTableName(settings.tablePrefix),
  );
  return {
    platform,
    networkRepositories({ networkId }) {
      if (!networkId) throw new Error('no network in this context');
      const { doc, table } = network.table(networkId);
      return {
        organizations: new OrganizationRepository(doc, table),
        people: new PeopleRepository(doc, table),
        mentorships: new MentorshipRepository(doc, table),
        capacity: new CapacityRepository(doc, table),
      };
    },
    clock: { now: () => new Date() },
    mailer: new SesMailer(clients.ses ?? new SESv2Client({}), {
      from: settings.mailFrom,
      ...(settings.configurationSetName
        ? { configurationSetName: settings.configurationSetName }
        : {}),
    }),
    provisioner: new CodeBuildProvisioner(
      clients.codebuild ?? new CodeBuildClient({}),
      settings.provisioningProject,
    ),
    tokens: createCognitoTokenVerifier({
      issuer: settings.issuer,
      clientId: settings.userPoolClientId,
    }),
    identity: new CognitoIdentity(clients.cognito ?? new CognitoIdentityProviderClient({}), {
      userPoolId: settings.userPoolId,
      clientId: settings.userPoolClientId,
    }),
    // Per Lambda instance only: AWS WAF's rate rule on the login path backs it (ADR 0002).
    loginLimiter: createRateLimiter({ limit: 10, windowSeconds: 900 }),
    baseUrl: settings.baseUrl,
    workflows: new NetworkWorkflowStarter(
      clients.sfn ?? new SFNClient({}),
      settings.lifecycleArnPrefix,
    ),
    cipher: new FieldCipher(network),
    blobs: new S3BlobStore(clients.s3 ?? new S3Client({}), { bucket: settings.uploadsBucket }),
    donorThreshold: settings.donorThreshold,
  };
}

let lambda: ReturnType<typeof handle> | undefined;

/**
 * The Lambda entry (`functions/api/src/lambda.ts`, export `handler`) behind API Gateway's
 * HTTP API (payload 2.0). Settings are read and the app built once per instance.
 */
export const handler: ReturnType<typeof handle> = (event, context) => {
  lambda ??= handle(createApp(apiLambdaDeps(readApiSettings(process.env))));
  return lambda(event, context);
};
