/**
 * The stable codes of the API's field errors (`errors[].code`), and how a schema's issues
 * become them. Zod-free: the SPA words its own checks' issues through the same mapping, so
 * a form says the same thing whether the browser or the API found the mistake (ADR 0036).
 */

/**
 * Every code an `errors[]` item may carry. Clients word a message from `code` + `params`;
 * `message` is the same words in the language `Accept-Language` asked for.
 */
export const errorCodes = [
  // the value itself
  'required',
  'blank',
  'invalid_type',
  'not_an_integer',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'not_greater',
  'not_less',
  'too_few_items',
  'too_many_items',
  'not_multiple_of',
  'quarter_hours',
  'not_one_of',
  'must_accept',
  'invalid_format',
  'not_a_known_field',
  'unsafe_text',
  'not_unique',
  'invalid',
  // dates
  'date_order',
  'not_in_future',
  'too_far_ahead',
  // fields that go together
  'one_needed',
  'other_unexplained',
  'not_applicable',
  'must_differ',
  'already_paired',
  'on_behalf_required',
  'safety_item_not_done',
  // references to other things
  'unknown_reference',
  'organization_left',
  'invalid_cursor',
  'outdated_form',
  'weak_password',
  // the request
  'invalid_json',
  'invalid_multipart',
  'file_type',
  'unreadable_image',
  'too_large',
  'unsupported_media_type',
  'idempotency_mismatch',
  // answers that are not about the value's form (409, 422)
  'conflict',
  'version_conflict',
  'email_taken',
  'domain_rule',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** What a code's words may use: numbers, dates (`YYYY-MM-DD`), stable ids, lists of ids. */
export type ErrorParams = Record<string, string | number | boolean | readonly unknown[]>;

/** One field error of a problem: where, which rule (stable), and its parameters. */
export interface FieldIssue {
  path: string;
  code: ErrorCode;
  params?: ErrorParams;
}

/**
 * The `params` a refinement passes to zod so its issue carries a code
 * (`.refine(unique, { message: 'must not repeat an area', ...coded('not_unique') })`).
 *
 * @example ctx.addIssue({ code: 'custom', path: ['date'], message: '…', ...coded('date_order', { max }) })
 */
export function coded(
  code: ErrorCode,
  params: ErrorParams = {},
): { params: { code: ErrorCode } & ErrorParams } {
  return { params: { ...params, code } };
}

/** The part of a zod (v4) issue the mapping reads; structural, so no zod import is needed. */
export interface IssueLike {
  code?: string | undefined;
  path: readonly PropertyKey[];
  message: string;
}

const isCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (errorCodes as readonly string[]).includes(value);

/** The value at a dotted path of `input` (`undefined` when any step is missing). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Array and set origins of zod's size issues: counted items, not characters. */
const COUNTED = new Set(['array', 'set', 'map', 'file']);

function codeOf(
  { path, message, ...issue }: IssueLike & Record<string, unknown>,
  input: unknown,
): { code: ErrorCode; params?: ErrorParams } {
  const n = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));
  // a value left out is `required`, whatever it should have been (type, option, format);
  // zod says "received undefined" when it was not given the input, the input says it too
  const leftOut =
    (input !== undefined && path.length > 0 && valueAt(input, path) === undefined) ||
    / received undefined$/.test(message) ||
    message === 'is required';
  if (leftOut && ['invalid_type', 'invalid_value', 'invalid_format'].includes(String(issue.code))) {
    return { code: 'required' };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { code: 'not_an_integer' };
      return { code: 'invalid_type', params: { expected: String(issue.expected) } };
    case 'too_small': {
      const minimum = n(issue.minimum);
      if (issue.origin === 'string') {
        return minimum <= 1 ? { code: 'required' } : { code: 'too_short', params: { minimum } };
      }
      if (COUNTED.has(String(issue.origin))) {
        return minimum <= 1 && issue.inclusive !== false
          ? { code: 'required' }
          : { code: 'too_few_items', params: { minimum } };
      }
      return issue.inclusive === false
        ? { code: 'not_greater', params: { minimum } }
        : { code: 'too_small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = n(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', params: { maximum } };
      if (COUNTED.has(String(issue.origin))) return { code: 'too_many_items', params: { maximum } };
      return issue.inclusive === false
        ? { code: 'not_less', params: { maximum } }
        : { code: 'too_big', params: { maximum } };
    }
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: { divisor: n(issue.divisor) } };
    case 'invalid_value': {
      const values = (issue.values as unknown[] | undefined) ?? [];
      if (values.length === 1 && values[0] === true) return { code: 'must_accept' };
      return { code: 'not_one_of', params: { options: values.map(String) } };
    }
    case 'invalid_format': {
      // a regex names what it checks through the schema's own format name, when it has one
      if (issue.format === undefined) return { code: 'invalid_format' };
      const format = issue.format === 'regex' ? 'pattern' : String(issue.format);
      return { code: 'invalid_format', params: { format } };
    }
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, unknown>;
      const { code, ...rest } = params;
      if (isCode(code)) {
        return Object.keys(rest).length ? { code, params: rest as ErrorParams } : { code };
      }
      return { code: 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}

/**
 * A schema's issues as field errors with stable codes, each path naming the field
 * (`keyPopulations.1`); an unknown field is named itself, not its parent. With `input`
 * (what was parsed), a value left out is `required` whatever type it should have had.
 *
 * @example
 * fieldIssues(schema.safeParse(body).error.issues, { input: body })
 * // [{ path: 'name', code: 'too_long', params: { maximum: 200 } }]
 */
export function fieldIssues(
  issues: readonly IssueLike[],
  options: { input?: unknown; prefix?: string | undefined } = {},
): FieldIssue[] {
  const at = (path: readonly PropertyKey[]) =>
    [options.prefix, path.map(String).join('.')].filter(Boolean).join('.') || 'body';
  return issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      const { keys } = issue as { keys?: string[] };
      return (keys ?? []).map((key) => ({
        path: at([...issue.path, key]),
        code: 'not_a_known_field',
      }));
    }
    const { code, params } = codeOf(issue as IssueLike & Record<string, unknown>, options.input);
    return [params ? { path: at(issue.path), code, params } : { path: at(issue.path), code }];
  });
}
