import { coded } from '@sisi/domain';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import type { z } from 'zod';

/**
 * zxcvbn's score a password must reach: 3 is "safely unguessable" (about 10^8 guesses or
 * more), which every common password, keyboard walk, repeat, date or year pattern misses.
 */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;
/** Built at the first check, not at start: the dictionaries take about 0.1 s to index. */
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  }));

/**
 * Why a password that already has the length is still refused, as the end of a sentence
 * that starts with the field's label; `undefined` when it is fine. Checked with zxcvbn-ts
 * against its list of common and breached passwords (language-common) and the patterns
 * crackers try first (ADR 0021).
 *
 * @example weakPasswordReason('password1234') // 'is too easy to guess: …'
 */
export function weakPasswordReason(password: string): string | undefined {
  if (password.trim() === '') return undefined; // the schema's own rule says it
  if (zxcvbn().check(password).score >= MIN_PASSWORD_SCORE) return undefined;
  return 'is too easy to guess: it is a common password or follows a pattern (a word and a year, a keyboard row, a repeat); choose a longer phrase of your own';
}

/**
 * Adds the common-password check to a schema whose `password` field is a
 * `passwordSchema`: a refused one is a 400 naming `password`, like any other rule of it.
 *
 * @example const body = withStrongPassword(acceptInvitationSchema);
 */
export function withStrongPassword<S extends z.ZodType<{ password: string }>>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    const reason = typeof value?.password === 'string' && weakPasswordReason(value.password);
    if (reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['password'],
        message: reason,
        ...coded('weak_password'),
      });
    }
  }) as S;
}
