import { readFileSync } from 'node:fs';
import { networkTableName } from '@sisi/data';
import { z } from 'zod';

const networkId = z.string().refine(
  (id) => {
    try {
      networkTableName('sisi', id);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be a network id (lowercase letters, digits and dashes, 3 to 41)' },
);

const configSchema = z
  .object({
    /** Separates deployments in one account: tables, functions, roles and stacks carry it. */
    prefix: z.string().regex(/^[a-z][a-z0-9-]{0,20}$/, 'must be a table prefix'),
    mail: z
      .object({
        /** The verified sender, e.g. `Sisi <no-reply@sisi.example.org>`. */
        from: z.string().min(3),
        /** The SES domain identity the sender's address belongs to. */
        domain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain name'),
      })
      .strict(),
    /**
     * A custom domain for the SPA and API (`https://<name>`), with an ACM certificate in
     * us-east-1 for CloudFront. Without it, the CloudFront domain is used.
     */
    domain: z
      .object({
        name: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a domain name'),
        certificateArn: z.string().regex(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/.+$/, {
          message: 'must be an ACM certificate ARN in us-east-1',
        }),
      })
      .strict()
      .optional(),
    /** Days CloudWatch keeps logs of every function, API and state machine. */
    logRetentionDays: z.number().int().positive().default(90),
    /** Donor summaries withhold cells under this count (ADR 0013). */
    donorThreshold: z.number().int().min(2).max(100).default(5),
    /** The networks deployed by hand; networks onboarded through the API are added by CodeBuild. */
    networks: z.array(networkId).default([]),
  })
  .strict();

/** A deployment of Sisi, read from `infra/sisi.config.json`. */
export type SisiConfig = z.infer<typeof configSchema>;

/**
 * Parses a deployment's config, failing with every bad field named.
 *
 * @example const config = parseConfig({ prefix: 'sisi', mail: { from, domain }, networks: [] });
 */
export function parseConfig(input: unknown): SisiConfig {
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`invalid Sisi config:\n${lines.join('\n')}`);
  }
  const ids = parsed.data.networks;
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length) throw new Error(`invalid Sisi config:\n  networks: listed twice: ${twice}`);
  return parsed.data;
}

/** Reads and parses a config file. */
export function loadConfig(file: string): SisiConfig {
  return parseConfig(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * The networks to synthesize: the config's, plus the one named by context `network` (what
 * the provisioning build deploys for a network onboarded through the API).
 */
export function networksToDeploy(config: SisiConfig, contextNetwork: unknown): string[] {
  if (contextNetwork === undefined || contextNetwork === '') return config.networks;
  const id = networkId.safeParse(contextNetwork);
  if (!id.success) throw new Error(`context network: not a network id: ${String(contextNetwork)}`);
  return config.networks.includes(id.data) ? config.networks : [...config.networks, id.data];
}
