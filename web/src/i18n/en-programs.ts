/**
 * The strings of the peer coaching program screens (seed 002): programs with their
 * objectives, KPIs, pilot flag and pairing; nominations and references; the consent form;
 * the pairs and rotation schedule; a pair's private session notes; the self-assessment; the
 * participant survey; and the coordinator's overview of all coaching. Registered into the
 * SPA's i18next instance when one of those screens loads, so the first page does not carry
 * them. The program's own texts (design elements, consent form, competencies, survey
 * questions) come from `@sisi/domain/static`; `tProgramText` looks them up under
 * `programTexts.<id>` first, so another language can translate them by id.
 *
 * Everything lives under one root key, `programs`, so it never collides with the others.
 */
import { toolkitCoachingPrograms } from '@sisi/domain';
import type { TOptions } from 'i18next';
import { addNamespace, i18n, type MessageKey, useTranslate } from './index.ts';
import type { Base, Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/programs.json`). */
type EnPrograms = Catalog<typeof import('./locales/en/programs.json')>;

/** Every key of this catalog, e.g. `'programs.form.title'`. */
export type ProgramMessageKey = Base<Leaves<EnPrograms>>;
export type ProgramTranslate = (key: ProgramMessageKey | MessageKey, options?: TOptions) => string;

// Asked for when the first screen that imports this module loads, in the reader's language.
const tp = addNamespace<ProgramTranslate>('programs', {
  'toolkit-coaching-programs': toolkitCoachingPrograms,
});

/** The translate function of the program screens: this catalog's keys and the main one's. */
export function useProgramT(): ProgramTranslate {
  return useTranslate(tp);
}

/** A text of the program's content (seed 002 or Sisi's): its translation by id, else its own words. */
export function tProgramText(id: string, text: string): string {
  return i18n.t(`programTexts.${id}`, { defaultValue: text }) as string;
}
