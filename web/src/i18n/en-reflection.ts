/**
 * The strings of the mid-term and end screens: the reflection questionnaire (001
 * Annex 6) with its anonymity notice, pooled results and comparison view, and the evaluation
 * forms (001 Annex 7) side by side. Registered into the SPA's i18next instance when a screen
 * that needs them loads, so the first page does not carry them. The forms' own words are the
 * source's and come from `@sisi/domain`; `tPaper` looks them up under `paperTexts.<id>`
 * first, so another language can translate them by id.
 *
 * Everything lives under one root key, `reflection`, so it never collides with the others.
 */
import { toolkitMonitoring } from '@sisi/domain';
import type { TOptions } from 'i18next';
import { addNamespace, i18n, type MessageKey, useTranslate } from './index.ts';
import type { Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/reflection.json`). */
type EnReflection = Catalog<typeof import('./locales/en/reflection.json')>;

/** Every key of this catalog, e.g. `'reflection.notice.heading'`. */
export type ReflectionMessageKey = Leaves<EnReflection>;
export type ReflectionTranslate = (
  key: ReflectionMessageKey | MessageKey,
  options?: TOptions,
) => string;

// Asked for when the first screen that imports this module loads, in the reader's language.
const tr = addNamespace<ReflectionTranslate>('reflection', {
  'toolkit-monitoring': toolkitMonitoring,
});

/** The translate function of the mid-term and end screens: this catalog's keys and the main one's. */
export function useReflectionT(): ReflectionTranslate {
  return useTranslate(tr);
}

/** A text of Annex 6 or 7: its translation by id when a catalog has one, else the paper's. */
export function tPaper(id: string, text: string): string {
  return i18n.t(`paperTexts.${id}`, { defaultValue: text }) as string;
}
