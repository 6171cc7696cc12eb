/**
 * The strings of the Sisi Kwa Sisi coaching screens (seed 000): the pool of coaches,
 * the needs assessment with its suggested coaches, a coaching with its Lead → Assist →
 * Observe plan and follow-up sessions, and the best-practice library. Registered into the
 * SPA's i18next instance when one of those screens loads, so the first page does not carry
 * them. The source's own words (steps, thematic areas, tips, the questions) come from
 * `@sisi/domain/static`; `tSource` looks them up under `sisiKwaSisiTexts.<id>` first, so
 * another language can translate them by id.
 *
 * Everything lives under one root key, `sisiKwaSisi`, so it never collides with the others.
 */
import { toolkitSisiKwaSisi } from '@sisi/domain';
import type { TOptions } from 'i18next';
import { addNamespace, i18n, type MessageKey, useTranslate } from './index.ts';
import type { Base, Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/sisi-kwa-sisi.json`). */
type EnSisiKwaSisi = Catalog<typeof import('./locales/en/sisi-kwa-sisi.json')>;

/** Every key of this catalog, e.g. `'sisiKwaSisi.plan.heading'`. */
export type SisiKwaSisiMessageKey = Base<Leaves<EnSisiKwaSisi>>;
export type SisiKwaSisiTranslate = (
  key: SisiKwaSisiMessageKey | MessageKey,
  options?: TOptions,
) => string;

// Asked for when the first screen that imports this module loads, in the reader's language.
const ts = addNamespace<SisiKwaSisiTranslate>('sisi-kwa-sisi', {
  'toolkit-sisi-kwa-sisi': toolkitSisiKwaSisi,
});

/** The translate function of the coaching screens: this catalog's keys and the main one's. */
export function useSisiT(): SisiKwaSisiTranslate {
  return useTranslate(ts);
}

/** A text of the source (seed 000): its translation by id when a catalog has one, else its own words. */
export function tSource(id: string, text: string): string {
  return i18n.t(`sisiKwaSisiTexts.${id}`, { defaultValue: text }) as string;
}
