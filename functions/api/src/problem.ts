import { unsafeTextFields } from '@sisi/domain';
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import {
  ApiError,
  type FieldError,
  MethodNotAllowedError,
  TooManyRequestsError,
  ValidationError,
} from './errors.ts';

export const PROBLEM_JSON = 'application/problem+json';

/** Zod issues as `{path, message}`, the path naming the field (`keyPopulations.1`). */
export function fieldErrors(error: ZodError, prefix?: string): FieldError[] {
  const at = (path: PropertyKey[]) =>
    [prefix, path.map(String).join('.')].filter(Boolean).join('.') || 'body';
  return error.issues.flatMap((issue) =>
    // an unknown field is named itself, not its parent object
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: at([...issue.path, key]),
          message: 'is not a known field',
        }))
      : [{ path: at(issue.path), message: issue.message }],
  );
}

/** Turns any thrown value into an RFC 9457 response; unknown errors say nothing inside. */
export function problemResponse(c: Context, error: unknown): Response {
  const e =
    error instanceof ApiError
      ? error
      : new ApiError(500, 'Internal error', 'something went wrong; it has been logged');
  if (!(error instanceof ApiError)) console.error(error);
  const body = {
    type: e.type,
    title: e.title,
    status: e.status,
    detail: e.message,
    instance: new URL(c.req.url).pathname,
    ...e.extra,
  };
  const headers: Record<string, string> = { 'content-type': PROBLEM_JSON };
  if (e instanceof TooManyRequestsError) headers['retry-after'] = String(e.retryAfterSeconds);
  if (e instanceof MethodNotAllowedError) headers.allow = e.allow.join(', ');
  return new Response(JSON.stringify(body), { status: e.status, headers });
}

/**
 * For `OpenAPIHono`'s `defaultHook`: an invalid request never reaches the handler, nor does
 * one holding a NUL or a lone surrogate in any of its strings (named beside the other
 * errors when there are any).
 */
export function validationHook(
  result: { success: boolean; error?: ZodError; data?: unknown; target?: string },
  c: Context,
): void {
  // A required JSON body not sent at all (no body, no Content-Type: a body with another type
  // is a 415 before this) reaches the schema as `{}`; an all-optional schema, such as a
  // versioned PUT's, would take it for a save.
  if (result.target === 'json' && !c.req.header('content-type')) {
    throw new ValidationError([
      { path: 'body', message: 'is required: a JSON object (Content-Type: application/json)' },
    ]);
  }
  // body, path and query fields are named as they are; only headers get a prefix
  const prefix = result.target === 'header' ? 'header' : undefined;
  // `data` is the parsed input, or the raw one when it failed: a NUL is named either way
  const unsafe = unsafeTextFields(result.data, prefix ? [prefix] : []);
  if (!result.success && result.error) {
    const errors = fieldErrors(result.error, prefix);
    const named = new Set(errors.map((e) => e.path));
    throw new ValidationError([...errors, ...unsafe.filter((u) => !named.has(u.path))]);
  }
  if (unsafe.length) throw new ValidationError(unsafe);
}
