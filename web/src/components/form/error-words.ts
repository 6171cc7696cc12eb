/**
 * A field error's words in the reader's language, from its stable `code` and `params`
 * (ADR 0036): the same words whether the browser's own check or the API found the
 * mistake. Only the reader's catalog is fetched, lazily (`loadErrorWords`).
 */
import type { ErrorCode } from '@sisi/domain/errors/codes';
import { errorText, hasErrorCatalog, loadErrorCatalog } from '@sisi/domain/errors/text';
import { i18n } from '../../i18n/index.ts';

/** A field error as the API (or a local check) reports it. */
export interface CodedError {
  path: string;
  code?: string | undefined;
  params?: Record<string, unknown> | undefined;
  message: string;
}

/**
 * Codes whose message is the API's own, already in the reader's language (a 409 or 422):
 * in English it is more precise than the code's words.
 */
const OWN_WORDS = new Set(['conflict', 'version_conflict', 'domain_rule']);

const language = () => i18n.language;

/**
 * Fetches the error words of the page's language (one small chunk); call once at start, and
 * again when the language changes. Until they are there, the API's `message` is shown.
 *
 * @example void loadErrorWords();
 */
export function loadErrorWords(): Promise<unknown> {
  return loadErrorCatalog(language()).catch(() => undefined);
}

/**
 * The words for a field error: from its code in the reader's language, else its message.
 *
 * @example errorWords({ path: 'name', code: 'too_long', params: { maximum: 160 }, message: '…' })
 * // 'Use at most 160 characters.'
 */
export function errorWords(error: CodedError): string {
  const { code } = error;
  if (!code || OWN_WORDS.has(code)) return error.message;
  if (!hasErrorCatalog(language())) {
    // the language changed since the start: fetch its words for the next time
    void loadErrorWords();
    return error.message;
  }
  return errorText(code as ErrorCode, (error.params ?? {}) as never, language());
}
