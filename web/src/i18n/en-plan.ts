/**
 * UI strings of the mentoring forms (plan, orientation meeting, gatherings, capacity). They
 * are registered into the SPA's i18next instance when a screen that needs them loads, so
 * the first page does not carry them. The forms' questions themselves are the source's
 * words and come from `@sisi/domain` (translated later by id).
 *
 * Everything lives under one root key, `s2s`, so it never collides with the main catalog (`common`).
 */
import { toolkitMentorship } from '@sisi/domain';
import type { TOptions } from 'i18next';
import { addNamespace, useTranslate } from './index.ts';
import type { Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/plan.json`). */
type EnPlan = Catalog<typeof import('./locales/en/plan.json')>;

/** Every key of this catalog, e.g. `'s2s.plan.title'`. */
export type PlanMessageKey = Leaves<EnPlan>;
export type PlanTranslate = (key: PlanMessageKey, options?: TOptions) => string;

// Asked for when the first screen that imports this module loads, in the reader's language.
/** Translate a key of this catalog. */
export const tp = addNamespace<PlanTranslate>('plan', { 'toolkit-mentorship': toolkitMentorship });

/** The translate function of the mentoring forms, as `useT()` is for the rest of the SPA. */
export function usePlanT(): PlanTranslate {
  return useTranslate(tp);
}
