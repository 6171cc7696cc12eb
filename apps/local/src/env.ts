import { resolve } from 'node:path';
import { weakPasswordReason } from '@sisi/api';
import { passwordSchema, readEnv } from '@sisi/domain';
import { z } from 'zod';

/** The local runtime's settings (API.md, "Local runtime settings"), checked at start. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address the HTTP server listens on; loopback unless changed (README "Settings"). */
  SISI_HOST: z
    .union([z.ipv4(), z.ipv6(), z.literal('localhost')], {
      error: 'must be an IP address (such as 127.0.0.1 or 0.0.0.0) or localhost',
    })
    .default('127.0.0.1'),
  SISI_DATA_DIR: z.string().min(1).default('.sisi/data'),
  SISI_ADMIN_EMAIL: z.email().optional(),
  /** The same rules as a password chosen in the app (ADR 0021). */
  SISI_ADMIN_PASSWORD: passwordSchema
    .superRefine((password, ctx) => {
      const reason = weakPasswordReason(password);
      if (reason) ctx.addIssue({ code: 'custom', message: reason });
    })
    .optional(),
  SISI_DEMO: z.enum(['0', '1']).default('0'),
  SISI_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SISI_MAIL_FROM: z.string().default('Sisi <no-reply@sisi.local>'),
  SISI_BASE_URL: z.url().optional(),
  SISI_TABLE_PREFIX: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,20}$/)
    .default('sisi'),
  /** Donor view: cells counting fewer things are withheld. */
  SISI_DONOR_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
  /** Audit entries are kept this many days (their `ttl`, ADR 0032). */
  SISI_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
  /** Reverse proxies whose `X-Forwarded-For` is believed: comma-separated IP addresses. */
  SISI_TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.union([z.ipv4(), z.ipv6()], 'must be IP addresses, comma-separated'))),
});

export interface LocalSettings {
  port: number;
  /** The HTTP server's address (`SISI_HOST`); DynamoDB Local stays on 127.0.0.1 (ADR 0018). */
  host: string;
  dataDir: string;
  adminEmail?: string;
  adminPassword?: string;
  demo: boolean;
  smtpUrl?: string;
  mailFrom: string;
  baseUrl: string;
  tablePrefix: string;
  donorThreshold: number;
  auditRetentionDays: number;
  trustedProxies: string[];
}

/**
 * Parses the environment once; a bad value stops the start with the variable's name.
 *
 * @example const settings = readSettings(process.env);
 */
export function readSettings(env: Record<string, string | undefined>): LocalSettings {
  const e = readEnv(envSchema, env, 'settings');
  if (!!e.SISI_ADMIN_EMAIL !== !!e.SISI_ADMIN_PASSWORD) {
    throw new Error(
      'invalid settings: set both SISI_ADMIN_EMAIL and SISI_ADMIN_PASSWORD, or neither',
    );
  }
  return {
    port: e.PORT,
    host: e.SISI_HOST,
    dataDir: resolve(e.SISI_DATA_DIR),
    ...(e.SISI_ADMIN_EMAIL ? { adminEmail: e.SISI_ADMIN_EMAIL.toLowerCase() } : {}),
    ...(e.SISI_ADMIN_PASSWORD ? { adminPassword: e.SISI_ADMIN_PASSWORD } : {}),
    demo: e.SISI_DEMO === '1',
    ...(e.SISI_SMTP_URL ? { smtpUrl: e.SISI_SMTP_URL } : {}),
    mailFrom: e.SISI_MAIL_FROM,
    baseUrl: (e.SISI_BASE_URL ?? localUrl(e.SISI_HOST, e.PORT)).replace(/\/$/, ''),
    tablePrefix: e.SISI_TABLE_PREFIX,
    donorThreshold: e.SISI_DONOR_THRESHOLD,
    auditRetentionDays: e.SISI_AUDIT_RETENTION_DAYS,
    trustedProxies: e.SISI_TRUSTED_PROXIES,
  };
}

/** Whether `host` is a loopback address: only this machine reaches a server listening there. */
export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\./.test(host);

/**
 * The URL a browser on this machine opens for a server on `host:port`: `localhost` for a
 * loopback or wildcard address, else the address itself.
 *
 * @example localUrl('0.0.0.0', 3000) // 'http://localhost:3000'
 */
export function localUrl(host: string, port: number): string {
  if (isLoopback(host) || host === '0.0.0.0' || host === '::') return `http://localhost:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
