import { z } from 'zod';

const arn = (service: string, resource: string) =>
  new RegExp(`^arn:aws[a-z-]*:${service}:[a-z0-9-]*:\\d{12}:${resource}`);

/** Table names come from it through `platformTableName` / `networkTableName`. */
const tablePrefix = z.string().regex(/^[a-z][a-z0-9-]{0,20}$/, 'must be a table prefix');

const envSchema = z.object({
  SISI_TABLE_PREFIX: tablePrefix,
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
  /** Donor summaries withhold cells under this count (ADR 0013); one value per deployment. */
  SISI_DONOR_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
});

/** What the API Lambda is configured with (set by the platform stack). */
export interface ApiLambdaSettings {
  tablePrefix: string;
  baseUrl: string;
  mailFrom: string;
  configurationSetName?: string;
  userPoolId: string;
  userPoolClientId: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<pool>`: the tokens' `iss`. */
  issuer: string;
  networkAccessRoleArn: string;
  provisioningProject: string;
  lifecycleArnPrefix: string;
  uploadsBucket: string;
  donorThreshold: number;
}

/**
 * Reads the API Lambda's settings from its environment, all at once: a missing or bad value
 * fails the cold start naming every such variable (empty counts as missing).
 *
 * @example const settings = readApiSettings(process.env);
 */
export function readApiSettings(env: Record<string, string | undefined>): ApiLambdaSettings {
  const e = parseEnv(envSchema, env, 'API settings');
  const region = e.SISI_USER_POOL_ID.split('_')[0];
  return {
    tablePrefix: e.SISI_TABLE_PREFIX,
    baseUrl: e.SISI_BASE_URL.replace(/\/$/, ''),
    mailFrom: e.SISI_MAIL_FROM,
    ...(e.SISI_SES_CONFIGURATION_SET ? { configurationSetName: e.SISI_SES_CONFIGURATION_SET } : {}),
    userPoolId: e.SISI_USER_POOL_ID,
    userPoolClientId: e.SISI_USER_POOL_CLIENT_ID,
    issuer: `https://cognito-idp.${region}.amazonaws.com/${e.SISI_USER_POOL_ID}`,
    networkAccessRoleArn: e.SISI_NETWORK_ACCESS_ROLE_ARN,
    provisioningProject: e.SISI_PROVISIONING_PROJECT,
    lifecycleArnPrefix: e.SISI_LIFECYCLE_ARN_PREFIX,
    uploadsBucket: e.SISI_UPLOADS_BUCKET,
    donorThreshold: e.SISI_DONOR_THRESHOLD,
  };
}

/**
 * The table prefix alone: what the provisioning-status Lambda needs.
 *
 * @example const prefix = readTablePrefix(process.env); // 'sisi'
 */
export function readTablePrefix(env: Record<string, string | undefined>): string {
  return parseEnv(z.object({ SISI_TABLE_PREFIX: tablePrefix }), env, 'settings').SISI_TABLE_PREFIX;
}

function parseEnv<T extends z.ZodType>(
  schema: T,
  env: Record<string, string | undefined>,
  what: string,
): z.infer<T> {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid ${what}:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
