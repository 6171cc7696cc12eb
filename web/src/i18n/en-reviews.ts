/**
 * The strings of the review screens: the states of a mentorship's scheduled
 * reviews, the "Reviews due" list and the mentor's quarterly report form. Registered into
 * the SPA's i18next instance when a screen that needs them loads, so the first page does
 * not carry them. The form's own questions are the source's words (Annex 5) and come from
 * `@sisi/domain`; `tReportText` looks them up under `quarterlyReportTexts.<id>` first, so
 * another language can translate them by id.
 *
 * Everything lives under one root key, `monitoring`, so it never collides with the others.
 */
import { toolkitMonitoring } from '@sisi/domain';
import type { TOptions } from 'i18next';
import { addNamespace, i18n, type MessageKey, useTranslate } from './index.ts';
import type { Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/reviews.json`). */
type EnReviews = Catalog<typeof import('./locales/en/reviews.json')>;

/** Every key of this catalog, e.g. `'monitoring.due.heading'`. */
export type ReviewMessageKey = Leaves<EnReviews>;
export type ReviewTranslate = (key: ReviewMessageKey | MessageKey, options?: TOptions) => string;

// Asked for when the first screen that imports this module loads, in the reader's language.
const tr = addNamespace<ReviewTranslate>('reviews', { 'toolkit-monitoring': toolkitMonitoring });

/** The translate function of the review screens: this catalog's keys and the main one's. */
export function useReviewT(): ReviewTranslate {
  return useTranslate(tr);
}

/** A text of the Annex 5 form: its translation by id when a catalog has one, else the form's. */
export function tReportText(id: string, text: string): string {
  return i18n.t(`quarterlyReportTexts.${id}`, { defaultValue: text }) as string;
}
