import { ConflictError } from '@sisi/data';
import {
  type DetailKey,
  detailText,
  type ErrorCode,
  type ErrorParams,
  isDetailKey,
} from '@sisi/domain';

/**
 * Where the words of a problem's detail (or of a field error's message) come from: a key of
 * `locales/{lng}/errors.json` (the default: an English reader keeps the thrower's sentence,
 * any other reader gets the key's words), or of `locales/{lng}/details.json`
 * (`catalog: 'details'`: every reader, English included, gets the key's words; ADR 0040).
 */
export interface Wording {
  key: string;
  params?: ErrorParams;
  catalog?: 'details';
}

/** A detail key's wording, and its English words (the `Error`'s message, for logs). */
const detail = (key: DetailKey, params?: ErrorParams) => ({
  wording: { key, ...(params ? { params } : {}), catalog: 'details' } satisfies Wording,
  english: detailText(key, params, 'en'),
});

/**
 * Errors of the API. Each carries the HTTP status and RFC 9457 fields it becomes at the
 * edge (`app.onError`); handlers throw, they never build error responses.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  /**
   * The catalog key and parameters of the detail in words every language has (`Wording`):
   * worded in the reader's language by `problemResponse`.
   */
  wording: Wording = { key: 'problem_internal' };
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
 * `message` is worded from `code` in the reader's language at the edge; a 409 or 422 naming
 * a field words it from its detail instead (`wording`, never sent as such; ADR 0040). A
 * `message` given at the throw is English words of its own, for an English reader only.
 */
export interface FieldError {
  path: string;
  code: ErrorCode;
  params?: ErrorParams;
  message?: string;
  wording?: Wording;
}

export class ValidationError extends ApiError {
  override name = 'ValidationError';
  constructor(readonly errors: FieldError[]) {
    super(400, 'Invalid input', errors.map((e) => `${e.path}: ${e.code}`).join('; '), {
      errors,
    });
  }
}

/** No valid sign-in: with a detail key, why (in the reader's language), else the general words. */
export class UnauthorizedError extends ApiError {
  override name = 'UnauthorizedError';
  constructor(key?: DetailKey, params?: ErrorParams) {
    const said = key ? detail(key, params) : undefined;
    super(401, 'Unauthorized', said?.english ?? 'a valid bearer token is required');
    this.wording = said?.wording ?? { key: 'problem_unauthorized' };
  }
}

/**
 * A role that does not allow the request: with a detail key, the precise sentence in the
 * reader's language (`new ForbiddenError('forbidden_audit_trail')`), else the general one.
 */
export class ForbiddenError extends ApiError {
  override name = 'ForbiddenError';
  constructor(key?: DetailKey, params?: ErrorParams) {
    const said = key ? detail(key, params) : undefined;
    super(403, 'Forbidden', said?.english ?? 'your role does not allow this');
    this.wording = said?.wording ?? { key: 'problem_forbidden' };
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
 * `conflict`. A detail key words the detail, and the field's message, in the reader's
 * language (ADR 0040); a storage conflict (`ConflictProblem.ofStorage`) reads its own key's
 * words when it has one, else keeps the storage's English sentence for an English reader
 * and gives the others its code's words.
 */
export class ConflictProblem extends ApiError {
  override name = 'ConflictProblem';
  constructor(key: DetailKey, field?: string, options?: ErrorOptions & { params?: ErrorParams }) {
    const said = detail(key, options?.params);
    super(
      409,
      'Conflict',
      said.english,
      ConflictProblem.extra(field, options, said.wording),
      options,
    );
    this.wording = said.wording;
  }

  /** The storage's conflict as a 409 naming `field` (its own field when none is given). */
  static ofStorage(error: ConflictError, field = error.field): ApiError {
    // a conflict the storage gives words of its own reads them in every language
    if (error.key && isDetailKey(error.key)) {
      return new ConflictProblem(error.key, field, { cause: error, params: error.params });
    }
    const extra = ConflictProblem.extra(field, { cause: error });
    const problem = new ApiError(409, 'Conflict', error.message, extra, { cause: error });
    problem.name = 'ConflictProblem';
    problem.wording = { key: extra.code };
    if (Array.isArray(extra.errors)) extra.errors[0]!.message = error.message;
    return problem;
  }

  private static extra(field: string | undefined, options?: ErrorOptions, wording?: Wording) {
    const code: ErrorCode =
      field === 'version'
        ? 'version_conflict'
        : (storageConflictCode(options?.cause) ?? 'conflict');
    const errors: FieldError[] | undefined = field
      ? [{ path: field, code, ...(wording ? { wording } : {}) }]
      : undefined;
    return { code, ...(errors ? { errors } : {}) };
  }
}

/**
 * For a write whose conflict means something more precise than the storage says: its
 * `ConflictError` becomes the problem `problem` makes (with `from`, only a conflict on that
 * storage field does); anything else goes on as it was (`app.onError` maps the rest).
 *
 * @example
 * await platform.transact(ops).catch(onConflict(() => new GoneError('gone_invitation_used_meanwhile')));
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
  onConflict((error) => ConflictProblem.ofStorage(error, field), options);

/** A link or invitation no longer valid, worded from its detail key. */
export class GoneError extends ApiError {
  override name = 'GoneError';
  constructor(key: DetailKey, params?: ErrorParams) {
    const said = detail(key, params);
    super(410, 'Gone', said.english);
    this.wording = said.wording;
  }
}

export class TooManyRequestsError extends ApiError {
  override name = 'TooManyRequestsError';
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'Too many requests', `try again in ${retryAfterSeconds} seconds`);
    this.wording = { key: 'problem_too_many_requests', params: { count: retryAfterSeconds } };
  }
}

/**
 * A rule of the domain forbids the change (e.g. a stage move the lifecycle does not allow):
 * `rule` is its stable name, the detail key its precise sentence (and the field's message)
 * in the reader's language.
 */
export class DomainRuleError extends ApiError {
  override name = 'DomainRuleError';
  constructor(
    key: DetailKey,
    readonly rule: string,
    field?: string,
    params?: ErrorParams,
  ) {
    const said = detail(key, params);
    const errors: FieldError[] = field
      ? [{ path: field, code: 'domain_rule', params: { rule }, wording: said.wording }]
      : [];
    super(422, 'Rule of the domain', said.english, {
      code: 'domain_rule',
      rule,
      ...(errors.length ? { errors } : {}),
    });
    this.wording = said.wording;
  }
}
