import { z } from 'zod';

/** The lifecycle's Task states; each one is a Lambda function running this same entry. */
export const LIFECYCLE_TASKS = ['RequestReview', 'RemindIfMissing', 'EscalateIfMissing'] as const;
export type LifecycleTask = (typeof LIFECYCLE_TASKS)[number];

const envSchema = z.object({
  /** Which Task state this function is (set per function by the stack). */
  SISI_LIFECYCLE_TASK: z.enum(LIFECYCLE_TASKS),
  /** Table names come from it through `platformTableName` / `networkTableName`. */
  SISI_TABLE_PREFIX: z.string().regex(/^[a-z][a-z0-9-]{0,20}$/, 'must be a table prefix'),
  /** Where links in mail point (the SPA), e.g. `https://sisi.example.org`. */
  SISI_BASE_URL: z.url(),
  /** The verified SES sender, e.g. `Sisi <no-reply@sisi.example.org>`. */
  SISI_MAIL_FROM: z.string().min(3),
  SISI_SES_CONFIGURATION_SET: z.string().min(1).optional(),
  /** The lifecycle state machine: RequestReview starts the next review's execution in it. */
  SISI_STATE_MACHINE_ARN: z
    .string()
    .regex(/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]+$/, {
      message: 'must be a state machine ARN',
    }),
});

/** What a lifecycle Lambda is configured with. */
export interface LifecycleSettings {
  task: LifecycleTask;
  tablePrefix: string;
  baseUrl: string;
  mailFrom: string;
  configurationSetName?: string;
  stateMachineArn: string;
}

/**
 * Reads a lifecycle Lambda's settings from its environment, all at once: a missing or bad
 * value fails the cold start naming every such variable (empty counts as missing).
 *
 * @example const settings = readLifecycleSettings(process.env);
 */
export function readLifecycleSettings(env: Record<string, string | undefined>): LifecycleSettings {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid lifecycle settings:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    task: e.SISI_LIFECYCLE_TASK,
    tablePrefix: e.SISI_TABLE_PREFIX,
    baseUrl: e.SISI_BASE_URL.replace(/\/$/, ''),
    mailFrom: e.SISI_MAIL_FROM,
    ...(e.SISI_SES_CONFIGURATION_SET ? { configurationSetName: e.SISI_SES_CONFIGURATION_SET } : {}),
    stateMachineArn: e.SISI_STATE_MACHINE_ARN,
  };
}
