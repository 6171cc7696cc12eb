import type { z } from 'zod';

/**
 * Reads settings from an environment through a zod schema, all at once: a missing or bad
 * value throws `invalid <what>:` with one line per variable (`  NAME: message`), so a
 * process fails at its start naming every such variable. An empty string counts as
 * missing, so a variable set to nothing takes its default or is reported. Pure: the
 * environment is a parameter (both runtimes pass `process.env`).
 *
 * @example
 * const e = readEnv(z.object({ SISI_TABLE_PREFIX: z.string() }), process.env, 'settings');
 * e.SISI_TABLE_PREFIX; // 'sisi'
 */
export function readEnv<T extends z.ZodType>(
  schema: T,
  env: Record<string, string | undefined>,
  what = 'settings',
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
