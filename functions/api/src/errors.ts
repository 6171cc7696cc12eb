import { ConflictError } from '@sisi/data';
import type { ErrorCode, ErrorParams } from '@sisi/domain';

/**
 * Errors of the API. Each carries the HTTP status and RFC 9457 fields it becomes at the
 * edge (`app.onError`); handlers throw, they never build error responses.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  /**
   * The catalog key (`locales/{lng}/errors.json`) and parameters of the detail in words
   * every language has: an English reader gets `message` as written at the throw, any other
   * reader these words (`problemResponse`).
   */
  wording: { key: string; params?: ErrorParams } = { key: 'problem_internal' };
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(detail, options);
  }

  get type(): string {
    return `https://sisi.dev/problems/${this.title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  }
}

/**
 * One field error: where, which rule (a stable code of `errorCodes`) and its parameters.
 * `message` is worded from `code` in the reader's language at the edge; a thrower gives one
 * only where the words are its own (a 409 or 422 naming a field: English, see ADR 0036).
 */
export interface FieldError {
  path: string;
  code: ErrorCode;
  params?: ErrorParams;
  message?: string;
}

export class ValidationError extends ApiError {
  override name = 'ValidationError';
  constructor(readonly errors: FieldError[]) {
    super(400, 'Invalid input', errors.map((e) => `${e.path}: ${e.code}`).join('; '), {
      errors,
    });
  }
}

export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
  constructor(detail = 'a valid bearer token is required') {
    super(401, 'Unauthorized', detail);
    this.wording = { key: 'problem_unauthorized' };
  }
}

export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
  constructor(detail = 'your role does not allow this') {
    super(403, 'Forbidden', detail);
    this.wording = { key: 'problem_forbidden' };
  }
}

/** Missing, or another network's: the two answers are the same on purpose. */
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
  constructor(what = 'resource') {
    super(404, 'Not found', `${what} not found`);
    this.wording = { key: 'problem_not_found' };
  }
}

/** A known route asked with a method it does not answer; `allow` becomes the `Allow` header. */
export class MethodNotAllowedError extends ApiError {
  override name = 'MethodNotAllowedError';
  constructor(readonly allow: string[]) {
    super(405, 'Method not allowed', `this route answers ${allow.join(', ')}`);
    this.wording = { key: 'problem_method_not_allowed', params: { allow: allow.join(', ') } };
  }
}

/** A body over the route's limit, refused before it is parsed. */
export class ContentTooLargeError extends ApiError {
  override name = 'ContentTooLargeError';
  constructor(readonly maxBytes: number) {
    const kilobytes = maxBytes / 1024;
    super(413, 'Content too large', `the body must be at most ${kilobytes} kB`, {
      errors: [{ path: 'body', code: 'too_large', params: { kilobytes } }],
    });
    this.wording = { key: 'problem_too_large', params: { kilobytes } };
  }
}

/** A body the route does not take (a JSON route sent text, a form, or no `Content-Type`). */
export class UnsupportedMediaTypeError extends ApiError {
  override name = 'UnsupportedMediaTypeError';
  constructor(contentType: string | undefined) {
    super(
      415,
      'Unsupported media type',
      `Content-Type ${contentType ? `"${contentType}"` : '(none)'}: the body must be application/json`,
      { errors: [{ path: 'Content-Type', code: 'unsupported_media_type' }] },
    );
    this.wording = { key: 'problem_unsupported_media_type' };
  }
}

/** The code of a storage conflict: an email already someone's is `email_taken`. */
const storageConflictCode = (cause: unknown): ErrorCode | undefined =>
  cause instanceof ConflictError && cause.field === 'email' ? 'email_taken' : undefined;

/**
 * A write that meets a state it cannot change: `code` is `version_conflict` on a `version`
 * field (someone saved in the meantime), `email_taken` for an email already someone's, else
 * `conflict`; the detail stays the thrower's.
 */
export class ConflictProblem extends ApiError {
  override name = 'ConflictProblem';
  constructor(detail: string, field?: string, options?: ErrorOptions) {
    const code: ErrorCode =
      field === 'version'
        ? 'version_conflict'
        : (storageConflictCode(options?.cause) ?? 'conflict');
    super(
      409,
      'Conflict',
      detail,
      { code, ...(field ? { errors: [{ path: field, code, message: detail }] } : {}) },
      options,
    );
    this.wording = { key: code };
  }
}

/**
 * For a write whose conflict means something more precise than the storage says: its
 * `ConflictError` becomes the problem `problem` makes (with `from`, only a conflict on that
 * storage field does); anything else goes on as it was (`app.onError` maps the rest).
 *
 * @example
 * await platform.transact(ops).catch(onConflict(() => new GoneError('already used')));
 */
export const onConflict =
  (problem: (error: ConflictError) => ApiError, options: { from?: string } = {}) =>
  (error: unknown): never => {
    if (
      error instanceof ConflictError &&
      (options.from === undefined || error.field === options.from)
    ) {
      throw problem(error);
    }
    throw error;
  };

/**
 * For a write whose conflict means a field the storage does not name (or names otherwise):
 * the storage's `ConflictError` becomes a 409 naming `field`; with `from`, only a conflict
 * on that storage field does.
 *
 * @example
 * await store.mentorships.replace(next, m.version).catch(conflictAs('version'));
 * await platform.transact(ops).catch(conflictAs('adminEmail', { from: 'email' }));
 */
export const conflictAs = (field: string, options: { from?: string } = {}) =>
  onConflict((error) => new ConflictProblem(error.message, field, { cause: error }), options);

export class GoneError extends ApiError {
  override name = 'GoneError';
  constructor(detail: string) {
    super(410, 'Gone', detail);
    this.wording = { key: 'problem_gone' };
  }
}

export class TooManyRequestsError extends ApiError {
  override name = 'TooManyRequestsError';
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'Too many requests', `try again in ${retryAfterSeconds} seconds`);
    this.wording = { key: 'problem_too_many_requests', params: { count: retryAfterSeconds } };
  }
}

/** A rule of the domain forbids the change (e.g. a stage move the lifecycle does not allow). */
export class DomainRuleError extends ApiError {
  override name = 'DomainRuleError';
  constructor(
    detail: string,
    readonly rule: string,
    field?: string,
  ) {
    super(422, 'Rule of the domain', detail, {
      code: 'domain_rule',
      rule,
      ...(field
        ? { errors: [{ path: field, code: 'domain_rule', params: { rule }, message: detail }] }
        : {}),
    });
    this.wording = { key: 'domain_rule', params: { rule } };
  }
}
