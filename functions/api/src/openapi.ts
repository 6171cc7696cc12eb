import { OpenAPIHono, z } from '@hono/zod-openapi';
import { errorCodes } from '@sisi/domain';
import type { AppEnv } from './deps.ts';
import { BODY_LIMIT_BYTES } from './middleware/body-limit.ts';
import { PROBLEM_JSON, validationHook } from './problem.ts';

/** One field error of a problem: the stable `code` is what a client words (ADR 0036). */
export const fieldErrorSchema = z
  .object({
    path: z.string().openapi({ description: 'The field, dotted (`keyPopulations.1`).' }),
    code: z.enum(errorCodes).openapi({
      description:
        'Stable: what is wrong, for a client to word in its reader’s language. New codes may be added.',
    }),
    params: z.record(z.string(), z.unknown()).optional().openapi({
      description:
        'What the words of `code` use, e.g. `{maximum: 200}` (too_long), `{options: [...]}` (not_one_of), `{format: "email"}` (invalid_format), `{min, max, after}` (date_order, dates `YYYY-MM-DD`), `{kind}` (unknown_reference), `{rule}` (domain_rule).',
    }),
    message: z.string().openapi({
      description:
        'The same, in words that stand alone under the field, in the language `Accept-Language` asks for (en, fr, es, pt; else English).',
    }),
  })
  .openapi('FieldError');

export const problemSchema = z
  .object({
    type: z.string(),
    title: z
      .string()
      .openapi({ description: 'In the language `Accept-Language` asks for; `type` is stable.' }),
    status: z.number().int(),
    detail: z.string().openapi({ description: 'In the language `Accept-Language` asks for.' }),
    instance: z.string().optional(),
    code: z.string().optional().openapi({
      description: 'On a 409 or 422: `conflict`, `version_conflict`, `email_taken`, `domain_rule`.',
    }),
    rule: z
      .string()
      .optional()
      .openapi({ description: 'On a 422 `domain_rule`: which rule (stable id).' }),
    errors: z.array(fieldErrorSchema).optional(),
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
  413: `The body is over the route's limit (${BODY_LIMIT_BYTES / 1024} kB for JSON)`,
  415: 'The body is not `application/json` (or is sent without `Content-Type`)',
  429: 'Too many attempts',
};

/** What every route answers before its handler runs; the spec's description says it once. */
export const EDGE_RULES = `Request bodies are JSON (\`Content-Type: application/json\`) of at most ${BODY_LIMIT_BYTES / 1024} kB, unless a route says otherwise: a larger one is refused with 413 before it is read, another content type (or a body without one) with 415, a missing body with 400 naming \`body\`. A path that is no route answers 404; a route asked with a method it does not answer, 405 with \`Allow\`. Every one of these is a problem too.`;

type Document = { paths?: Record<string, object> };
type Operation = { requestBody?: { content?: Record<string, unknown> }; responses?: object };

/**
 * The generated document with 413 and 415 listed on every operation that takes a JSON body,
 * since the edge answers them for each (a route with a body of another type has its own).
 */
export function withEdgeProblems<T extends Document>(doc: T): T {
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(item) as (Operation | undefined)[]) {
      if (!op?.requestBody?.content?.['application/json']) continue;
      const problem = (status: 413 | 415) => ({
        description: DESCRIPTIONS[status],
        content: { [PROBLEM_JSON]: { schema: { $ref: '#/components/schemas/Problem' } } },
      });
      op.responses = { 413: problem(413), 415: problem(415), ...op.responses };
    }
  }
  return doc;
}

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
