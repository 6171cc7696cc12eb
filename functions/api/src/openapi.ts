import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './deps.ts';
import { PROBLEM_JSON, validationHook } from './problem.ts';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` names each field',
  401: 'Missing or invalid token',
  403: 'The role does not allow this',
  404: 'Not found, or another network’s',
  409: 'Conflict: stale version or a value already taken',
  410: 'Used or expired',
  422: 'A rule of the domain forbids it',
  429: 'Too many attempts',
};

/** Problem responses for a route's OpenAPI description. */
export function problems(...statuses: (keyof typeof DESCRIPTIONS)[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: DESCRIPTIONS[s]!, content: { [PROBLEM_JSON]: { schema: problemSchema } } },
    ]),
  ) as Record<
    number,
    { description: string; content: Record<string, { schema: typeof problemSchema }> }
  >;
}

export const jsonBody = <T extends z.ZodType>(schema: T, description = 'JSON body') => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const bearer = [{ bearerAuth: [] }];

/** A router whose invalid requests become 400 problem+json before any handler runs. */
export const router = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

type Named = <T extends z.ZodType>(schema: T, refId: string) => T;

/**
 * Names a schema in the OpenAPI document. `schema.openapi(…)` exists only on schemas made
 * after `@hono/zod-openapi` patched zod, and `@sisi/domain` may well be loaded first; the
 * prototype's method works on any schema.
 *
 * @example const organizationOut = named(organizationSchema, 'Organization');
 */
export const named: Named = (schema, refId) =>
  (
    z.ZodType.prototype as unknown as { openapi: (this: unknown, id: string) => unknown }
  ).openapi.call(schema, refId) as typeof schema;
