import { z } from 'zod';

const envSchema = z.object({
  /** Table names come from it through `platformTableName` / `networkIdOfTable`. */
  SISI_TABLE_PREFIX: z.string().regex(/^[a-z][a-z0-9-]{0,20}$/, 'must be a table prefix'),
});

/** What the rollup Lambda is configured with. */
export interface RollupSettings {
  tablePrefix: string;
}

/**
 * Reads the rollup Lambda's settings from its environment, all at once: a missing or bad
 * value fails the cold start naming every such variable (empty counts as missing).
 *
 * @example const settings = readRollupSettings(process.env);
 */
export function readRollupSettings(env: Record<string, string | undefined>): RollupSettings {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid rollup settings:\n${lines.join('\n')}`);
  }
  return { tablePrefix: parsed.data.SISI_TABLE_PREFIX };
}
