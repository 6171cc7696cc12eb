/**
 * What a form shows after a failed submit, and how API problems and local checks become it.
 * Pure: the translations come in as arguments, so this is unit-tested without a browser.
 */
import { fieldIssues } from '@sisi/domain/errors/codes';
import type { ApiProblem } from '../../api/client.ts';
import type { Translate } from '../../i18n/index.ts';
import { type CodedError, errorWords } from './error-words.ts';
import { keyedPath, valueAt } from './path.ts';

/** Field path → message. */
export type FieldErrors = Record<string, string>;

/** What a form shows after a failed submit: one message and/or errors per field. */
export interface FormErrors {
  /** One message for the whole form (network failure, 403…). */
  message?: string | undefined;
  /** Field path → message. */
  fields: FieldErrors;
  /** Errors the API reported for paths no field of the form shows ("path: message"). */
  other?: string[] | undefined;
}

export const noErrors: FormErrors = { fields: {} };

export const hasErrors = (e: FormErrors) =>
  Boolean(e.message) || (e.other?.length ?? 0) > 0 || Object.keys(e.fields).length > 0;

/** An `ApiProblem` (checked by name, so this module needs no client at run time). */
export const isProblem = (error: unknown): error is ApiProblem =>
  error instanceof Error && error.name === 'ApiProblem';

/** The message for a problem that is not about one field (status 0: unreachable). */
export function problemMessage(error: unknown, t: Translate): string {
  if (!isProblem(error) || error.status >= 500) return t('errors.server');
  if (error.status === 0) return t('errors.network');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  return error.message || error.title;
}

/**
 * "Email" + "is required" → "Email is required"; other messages follow a colon
 * ("Key populations served: choose at least one"). A message worded from an error code is
 * a sentence of its own ("Use at most 160 characters."): under its field it stands alone
 * (`where: 'field'`), in the summary it follows the label and a colon.
 */
export function fieldSentence(
  label: string,
  message: string,
  where: 'field' | 'summary' = 'field',
): string {
  if (/^(is|are|must|has|have|should) /.test(message)) return `${label} ${message}`;
  if (where === 'field' && /^\p{Lu}/u.test(message)) return message;
  return `${label}: ${message}`;
}

/**
 * `{path, code?, params?, message}` errors (from a schema or the API) as field errors of the
 * submitted value, worded from their code in the reader's language when they have one.
 */
export function fieldErrorsOf(errors: readonly CodedError[], submitted: unknown): FieldErrors {
  const fields: FieldErrors = {};
  for (const e of errors) fields[keyedPath(submitted, e.path)] ??= errorWords(e);
  return fields;
}

export interface ProblemOptions {
  /** The value that was sent, to turn row indices in error paths into row keys. */
  submitted?: unknown;
  /**
   * The form's top-level field names, for forms whose fields are not nested: an error at
   * `menteeOrganizationIds.0` goes to `menteeOrganizationIds`, an error at a path none of
   * them starts goes to `other`. Without it, every error goes to its (keyed) path.
   */
  fields?: readonly string[];
}

/**
 * Turns an API problem into form errors: validation errors (400) and conflicts on a field
 * (409, e.g. an email already taken) go next to their field; anything else is one message.
 * @example problemToErrors(error, t, { submitted: value })
 */
export function problemToErrors(
  error: unknown,
  t: Translate,
  { submitted, fields }: ProblemOptions = {},
): FormErrors {
  if (!isProblem(error) || error.errors.length === 0) {
    return { message: problemMessage(error, t), fields: {} };
  }
  const result: FormErrors = { fields: {} };
  if (fields) {
    const other: string[] = [];
    for (const e of error.errors) {
      const field = e.path.split('.')[0] ?? '';
      if (fields.includes(field)) result.fields[field] ??= errorWords(e);
      else other.push(`${e.path}: ${errorWords(e)}`);
    }
    result.other = other;
  } else {
    result.fields = fieldErrorsOf(error.errors, submitted);
  }
  if (error.status !== 400 && Object.keys(result.fields).length === 0) {
    result.message = problemMessage(error, t);
  }
  return result;
}

/** A schema with zod's `safeParse` (the domain's schemas, or a wrapper around one). */
export interface SafeParser {
  safeParse(value: unknown): {
    success: boolean;
    error?: { issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[] };
  };
}

/**
 * The schema's complaints about a body, with paths and codes as the API reports them
 * (`fieldIssues`, the API's own mapping). A value left out is `required` (the "is
 * required" message), whatever the schema would say about a wrong one ("must be a date");
 * any other is worded from its code in the reader's language, its message kept for when
 * those words are not loaded.
 */
export function schemaProblems(schema: SafeParser, body: unknown, required: string): CodedError[] {
  const result = schema.safeParse(body);
  if (result.success || !result.error) return [];
  return result.error.issues.flatMap((issue) =>
    fieldIssues([issue], { input: body }).map((coded) =>
      coded.code === 'required' && valueAt(body, coded.path) === undefined
        ? { path: coded.path, message: required }
        : { ...coded, message: issue.message },
    ),
  );
}

/**
 * Client-side check of required values (blank strings, empty lists, absent); the API checks
 * everything again.
 * @example requireValues(value, ['name', 'country'], t('errors.isRequired'))
 */
export function requireValues(
  value: Record<string, unknown>,
  paths: readonly string[],
  required: string,
): FormErrors {
  const fields: FieldErrors = {};
  for (const path of paths) {
    const v = valueAt(value, path);
    const blank =
      v === undefined ||
      v === null ||
      (typeof v === 'string' && v.trim() === '') ||
      (Array.isArray(v) && v.length === 0);
    if (blank) fields[path] = required;
  }
  return { fields };
}

/** Trimmed text, or `undefined` when empty (optional fields are then left out). */
export const optional = (value: string | undefined): string | undefined => {
  const v = value?.trim();
  return v ? v : undefined;
};

/**
 * The text of an "other" choice: sent only while "other" is chosen, and only when filled in.
 * @example otherText(d.services, d.otherService)
 */
export const otherText = (chosen: readonly string[], text: string): string | undefined =>
  chosen.includes('other') ? optional(text) : undefined;

/**
 * A required value: trimmed, or left out when empty so that the schema (and the API) say
 * "is required" rather than "must be a date" or "must be one of …". Typed as present
 * because the schema, not the type, is what checks it.
 */
export const present = <T extends string = string>(value: string): T =>
  (value.trim() || undefined) as T;
