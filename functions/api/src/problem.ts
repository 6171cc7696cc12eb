import {
  type DetailKey,
  detailText,
  type ErrorCode,
  errorText,
  fieldIssues,
  unsafeTextFields,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import { languageHeaders, requestLanguage } from './accept-language.ts';
import {
  ApiError,
  type FieldError,
  MethodNotAllowedError,
  TooManyRequestsError,
  ValidationError,
  type Wording,
} from './errors.ts';

export const PROBLEM_JSON = 'application/problem+json';

/**
 * Zod issues as field errors with stable codes (`{path, code, params}`), the path naming the
 * field (`keyPopulations.1`); with `input`, a value left out is `required`.
 */
export function fieldErrors(error: ZodError, prefix?: string, input?: unknown): FieldError[] {
  return fieldIssues(error.issues, { prefix, input });
}

/** A wording's words in `lng`, from the catalog it names (ADR 0040). */
const words = (w: Wording, lng: string) =>
  w.catalog === 'details'
    ? detailText(w.key as DetailKey, w.params, lng)
    : errorText(w.key as ErrorCode, w.params ?? {}, lng);

/**
 * A field error's words in `lng`: its detail's when it has one, else its own (English)
 * words for English, else its code's.
 */
const worded = (e: FieldError, lng: string) =>
  e.wording
    ? words(e.wording, lng)
    : e.message !== undefined && lng === 'en'
      ? e.message
      : errorText(e.code, e.params ?? {}, lng);

/**
 * Turns any thrown value into an RFC 9457 response; unknown errors say nothing inside. The
 * `title`, `detail` and each `errors[].message` are in the language `Accept-Language` asks
 * for (en, fr, es or pt; else English); `type` and each `errors[].code` are stable.
 */
export function problemResponse(c: Context, error: unknown): Response {
  const e =
    error instanceof ApiError
      ? error
      : new ApiError(500, 'Internal error', 'something went wrong; it has been logged');
  if (!(error instanceof ApiError)) console.error(error);
  const lng = requestLanguage(c.req.header('accept-language'));
  const fieldList = Array.isArray(e.extra.errors) ? (e.extra.errors as FieldError[]) : undefined;
  const errors = fieldList?.map((f) => ({
    path: f.path,
    code: f.code,
    ...(f.params ? { params: f.params } : {}),
    message: worded(f, lng),
  }));
  // a detail by key reads in every language, English included; any other keeps the
  // thrower's English sentence for an English reader
  const detail =
    e instanceof ValidationError && errors
      ? errors.map((f) => `${f.path}: ${f.message}`).join(' ')
      : lng === 'en' && e.wording.catalog !== 'details'
        ? e.message
        : words(e.wording, lng);
  const body = {
    type: e.type,
    title: lng === 'en' ? e.title : words({ key: `problem_title_${e.status}` }, lng),
    status: e.status,
    detail,
    instance: new URL(c.req.url).pathname,
    ...e.extra,
    ...(errors ? { errors } : {}),
  };
  const headers: Record<string, string> = {
    'content-type': PROBLEM_JSON,
    ...languageHeaders(lng),
  };
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
    throw new ValidationError([{ path: 'body', code: 'required', params: { expected: 'json' } }]);
  }
  // body, path and query fields are named as they are; only headers get a prefix
  const prefix = result.target === 'header' ? 'header' : undefined;
  // `data` is the parsed input, or the raw one when it failed: a NUL is named either way
  const unsafe = unsafeTextFields(result.data, prefix ? [prefix] : []);
  if (!result.success && result.error) {
    const errors = fieldErrors(result.error, prefix, result.data);
    const named = new Set(errors.map((e) => e.path));
    throw new ValidationError([...errors, ...unsafe.filter((u) => !named.has(u.path))]);
  }
  if (unsafe.length) throw new ValidationError(unsafe);
}
