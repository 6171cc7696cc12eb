/**
 * The strings of the peer coaching group screens (seeds 003 and 004): the groups
 * list, creating a group, the group page (spirit, sessions, the review after session 3),
 * the session runner with its turn timer, the key questions worksheet and the private
 * learning log. Registered into the SPA's i18next instance when one of those screens
 * loads, so the first page does not carry them. The sources' own words (the key questions,
 * the learning log's fields, the issue processing method…) come from `@sisi/domain/static`;
 * `tGroupSource` looks them up under `coachingGroupTexts.<id>` first, so another language
 * can translate them by id.
 *
 * Everything lives under one root key, `coachingGroups`, so it never collides with others.
 */
import { toolkitCoachingGroups } from '@sisi/domain';
import type { TOptions } from 'i18next';
import { addNamespace, i18n, type MessageKey, useTranslate } from './index.ts';
import type { Base, Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/coaching.json`). */
type EnCoaching = Catalog<typeof import('./locales/en/coaching.json')>;

/** Every key of this catalog, e.g. `'coachingGroups.runner.turns'`. */
export type CoachingMessageKey = Base<Leaves<EnCoaching>>;
export type CoachingTranslate = (
  key: CoachingMessageKey | MessageKey,
  options?: TOptions,
) => string;

// Asked for when the first screen that imports this module loads, in the reader's language.
const tc = addNamespace<CoachingTranslate>('coaching', {
  'toolkit-coaching-groups': toolkitCoachingGroups,
});

/** The translate function of the coaching group screens: this catalog's keys and the main one's. */
export function useCoachingT(): CoachingTranslate {
  return useTranslate(tc);
}

/** A text of a source (003, 004): its translation by id when a catalog has one, else its words. */
export function tGroupSource(id: string, text: string): string {
  return i18n.t(`coachingGroupTexts.${id}`, { defaultValue: text }) as string;
}
