/**
 * The strings of the mentorship screens (list, new mentorship, mentorship page,
 * decision matrix). Only those lazy screens import this module, and importing it adds the
 * strings to the shared i18next instance: the sign-in page does not carry them.
 *
 * The toolkit's long texts (approach definitions and "when to use", the rights and
 * responsibilities) come with the data (`GET /approaches`, `@sisi/domain`); `tData` looks
 * them up under `mentorshipTexts.…` first, so another language can translate them without
 * the English being copied here.
 */
import { toolkitMentorship } from '@sisi/domain';
import type { TOptions } from 'i18next';
import { addNamespace, i18n, type MessageKey, useTranslate } from './index.ts';
import type { Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/mentorships.json`). */
type EnMentorships = Catalog<typeof import('./locales/en/mentorships.json')>;

/** A key of this catalog, e.g. `'mentorships.list.title'`; plural forms by their base key. */
export type MentorshipKey =
  | Leaves<EnMentorships>
  | (Leaves<EnMentorships> extends infer K
      ? K extends `${infer B}_${'one' | 'other'}`
        ? B
        : never
      : never);

export type MentorshipTranslate = (key: MentorshipKey | MessageKey, options?: TOptions) => string;

// Asked for when the first screen that imports this module loads, in the reader's language.
const tm = addNamespace<MentorshipTranslate>('mentorships', {
  'toolkit-mentorship': toolkitMentorship,
});

/**
 * The translate function of the mentorship screens: the keys of this catalog and of the
 * main one.
 */
export function useMT(): MentorshipTranslate {
  return useTranslate(tm);
}

/**
 * A text that comes with the data (the toolkit's words): its translation under
 * `mentorshipTexts.<key>` when a catalog has one, else the data's own text.
 */
export function tData(key: string, text: string): string {
  return i18n.t(`mentorshipTexts.${key}`, { defaultValue: text }) as string;
}
