import { readEnv } from '@sisi/domain';
import { z } from 'zod';

const arn = (service: string, resource: string) =>
  new RegExp(`^arn:aws[a-z-]*:${service}:[a-z0-9-]*:\\d{12}:${resource}`);

/** The lifecycle's Task states; each one is a Lambda function running the same entry. */
export const LIFECYCLE_TASKS = ['RequestReview', 'RemindIfMissing', 'EscalateIfMissing'] as const;
export type LifecycleTask = (typeof LIFECYCLE_TASKS)[number];

/**
 * Every variable an AWS handler of Sisi is configured with (set by the stacks in `infra/`).
 * Each handler reads the part it needs (`readApiSettings`, `readLifecycleSettings`, …), so a
 * variable means the same, and is checked the same way, wherever it is set.
 */
export const awsEnvSchema = z.object({
  /** Table names come from it through `platformTableName` / `networkTableName`. */
  SISI_TABLE_PREFIX: z.string().regex(/^[a-z][a-z0-9-]{0,20}$/, 'must be a table prefix'),
  /** Where links in mail point (the SPA), e.g. `https://sisi.example.org`. */
  SISI_BASE_URL: z.url(),
  /** The verified SES sender, e.g. `Sisi <no-reply@sisi.example.org>`. */
  SISI_MAIL_FROM: z.string().min(3),
  SISI_SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** The Cognito user pool, e.g. `eu-west-1_AbCdEf123`; its region is the id's prefix. */
  SISI_USER_POOL_ID: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d_[A-Za-z0-9]+$/, 'must be a user pool id'),
  SISI_USER_POOL_CLIENT_ID: z.string().regex(/^[a-z0-9]{10,128}$/, 'must be an app client id'),
  /** The role assumed per network with session tag `network` (ABAC, ADR 0011). */
  SISI_NETWORK_ACCESS_ROLE_ARN: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, {
    message: 'must be an IAM role ARN',
  }),
  /** The CodeBuild project that deploys a network's stack. */
  SISI_PROVISIONING_PROJECT: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/, {
    message: 'must be a CodeBuild project name',
  }),
  /** A network's lifecycle state machine is this ARN followed by the network id. */
  SISI_LIFECYCLE_ARN_PREFIX: z.string().regex(arn('states', 'stateMachine:[A-Za-z0-9_-]+$'), {
    message: 'must be a state machine ARN without the network id',
  }),
  /** The private bucket of uploaded photos. */
  SISI_UPLOADS_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'must be a bucket name',
  }),
  /**
   * The secret CloudFront's API origin adds as `ORIGIN_SECRET_HEADER` (a Secrets Manager
   * value the platform stack generates): only a request carrying it may name its viewer
   * with `CloudFront-Viewer-Address` (ADR 0020).
   */
  SISI_ORIGIN_SECRET: z.string().min(32, 'must be the origin secret (32 characters or more)'),
  /** Donor summaries withhold cells under this count (ADR 0013); one value per deployment. */
  SISI_DONOR_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
  /** Audit entries are kept this many days (their `ttl`, ADR 0032). */
  SISI_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  /** Which Task state a lifecycle function is (set per function by the network stack). */
  SISI_LIFECYCLE_TASK: z.enum(LIFECYCLE_TASKS),
  /** The lifecycle state machine: RequestReview starts the next review's execution in it. */
  SISI_STATE_MACHINE_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]+$/, {
      message: 'must be a state machine ARN',
    }),
});

type AwsEnv = z.infer<typeof awsEnvSchema>;
type Env = Record<string, string | undefined>;

/** The variables `keys` of the environment, checked all at once (`readEnv`). */
function readPart<K extends keyof AwsEnv>(
  keys: readonly K[],
  env: Env,
  what: string,
): Pick<AwsEnv, K> {
  const mask: Partial<Record<keyof AwsEnv, true>> = Object.fromEntries(keys.map((k) => [k, true]));
  // zod types a pick by a literal mask only; the keys are what the caller names
  return readEnv(awsEnvSchema.pick(mask), env, what) as unknown as Pick<AwsEnv, K>;
}

/** The header CloudFront's API origin carries the origin secret in (infra/src/names.ts too). */
export const ORIGIN_SECRET_HEADER = 'x-sisi-origin-secret';
/**
 * The header CloudFront's viewer-request function on `/api/*` sets to the viewer's address
 * (`event.viewer.ip`), overwriting whatever the client sent (infra/src/names.ts too).
 */
export const VIEWER_ADDRESS_HEADER = 'x-sisi-viewer-address';

const MAIL = ['SISI_BASE_URL', 'SISI_MAIL_FROM', 'SISI_SES_CONFIGURATION_SET'] as const;

/** Every AWS handler's settings: table names come from the prefix. */
export interface TableSettings {
  tablePrefix: string;
}

/** What a handler that sends mail is configured with. */
export interface MailSettings {
  /** Where links in mail point, without a trailing slash. */
  baseUrl: string;
  mailFrom: string;
  configurationSetName?: string;
}

const mailOf = (e: Pick<AwsEnv, (typeof MAIL)[number]>): MailSettings => ({
  baseUrl: e.SISI_BASE_URL.replace(/\/$/, ''),
  mailFrom: e.SISI_MAIL_FROM,
  ...(e.SISI_SES_CONFIGURATION_SET ? { configurationSetName: e.SISI_SES_CONFIGURATION_SET } : {}),
});

/** What the API Lambda is configured with (set by the platform stack). */
export interface ApiSettings extends TableSettings, MailSettings {
  userPoolId: string;
  userPoolClientId: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<pool>`: the tokens' `iss`. */
  issuer: string;
  networkAccessRoleArn: string;
  provisioningProject: string;
  lifecycleArnPrefix: string;
  uploadsBucket: string;
  donorThreshold: number;
  auditRetentionDays: number;
  /** What CloudFront's origin sends in `ORIGIN_SECRET_HEADER`. */
  originSecret: string;
}

/**
 * Reads the API Lambda's settings from its environment, all at once: a missing or bad value
 * fails the cold start naming every such variable (empty counts as missing).
 *
 * @example const settings = readApiSettings(process.env);
 */
export function readApiSettings(env: Env): ApiSettings {
  const e = readPart(
    [
      'SISI_TABLE_PREFIX',
      ...MAIL,
      'SISI_USER_POOL_ID',
      'SISI_USER_POOL_CLIENT_ID',
      'SISI_NETWORK_ACCESS_ROLE_ARN',
      'SISI_PROVISIONING_PROJECT',
      'SISI_LIFECYCLE_ARN_PREFIX',
      'SISI_UPLOADS_BUCKET',
      'SISI_DONOR_THRESHOLD',
      'SISI_AUDIT_RETENTION_DAYS',
      'SISI_ORIGIN_SECRET',
    ],
    env,
    'API settings',
  );
  const region = e.SISI_USER_POOL_ID.split('_')[0];
  return {
    tablePrefix: e.SISI_TABLE_PREFIX,
    ...mailOf(e),
    userPoolId: e.SISI_USER_POOL_ID,
    userPoolClientId: e.SISI_USER_POOL_CLIENT_ID,
    issuer: `https://cognito-idp.${region}.amazonaws.com/${e.SISI_USER_POOL_ID}`,
    networkAccessRoleArn: e.SISI_NETWORK_ACCESS_ROLE_ARN,
    provisioningProject: e.SISI_PROVISIONING_PROJECT,
    lifecycleArnPrefix: e.SISI_LIFECYCLE_ARN_PREFIX,
    uploadsBucket: e.SISI_UPLOADS_BUCKET,
    donorThreshold: e.SISI_DONOR_THRESHOLD,
    auditRetentionDays: e.SISI_AUDIT_RETENTION_DAYS,
    originSecret: e.SISI_ORIGIN_SECRET,
  };
}

/** What a lifecycle Lambda is configured with (set per function by the network stack). */
export interface LifecycleSettings extends TableSettings, MailSettings {
  task: LifecycleTask;
  stateMachineArn: string;
}

/**
 * Reads a lifecycle Lambda's settings from its environment, all at once: a missing or bad
 * value fails the cold start naming every such variable (empty counts as missing).
 *
 * @example const settings = readLifecycleSettings(process.env);
 */
export function readLifecycleSettings(env: Env): LifecycleSettings {
  const e = readPart(
    ['SISI_LIFECYCLE_TASK', 'SISI_TABLE_PREFIX', ...MAIL, 'SISI_STATE_MACHINE_ARN'],
    env,
    'lifecycle settings',
  );
  return {
    task: e.SISI_LIFECYCLE_TASK,
    tablePrefix: e.SISI_TABLE_PREFIX,
    ...mailOf(e),
    stateMachineArn: e.SISI_STATE_MACHINE_ARN,
  };
}

/** What the mail queue's worker is configured with: the platform table and SES. */
export interface MailQueueSettings extends TableSettings, MailSettings {}

/**
 * Reads the mail queue worker's settings (ADR 0023), all at once.
 *
 * @example const settings = readMailQueueSettings(process.env);
 */
export function readMailQueueSettings(env: Env): MailQueueSettings {
  const e = readPart(['SISI_TABLE_PREFIX', ...MAIL], env, 'mail queue settings');
  return { tablePrefix: e.SISI_TABLE_PREFIX, ...mailOf(e) };
}

/**
 * Reads the table prefix alone: all the rollup Lambda (`what`: rollup settings) and the
 * provisioning-status Lambda need. Fails naming the variable when it is missing or bad.
 *
 * @example const settings = readTableSettings(process.env, 'rollup settings'); // { tablePrefix: 'sisi' }
 */
export function readTableSettings(env: Env, what = 'settings'): TableSettings {
  return { tablePrefix: readPart(['SISI_TABLE_PREFIX'], env, what).SISI_TABLE_PREFIX };
}
