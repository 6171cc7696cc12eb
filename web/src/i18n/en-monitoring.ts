/**
 * The strings of the monitoring screens: the mentoring summary report (Annex 4), its
 * follow-up actions, the progress timeline with photos and milestones, the practical tips,
 * the CSV exports and the print views. Registered into the SPA's i18next instance when a
 * screen that needs them loads, so the first page does not carry them. The forms' own words
 * and the tips are the source's and come from `@sisi/domain/static`; `tSheetText` and
 * `tTipText` look them up by id first, so another language can translate them.
 *
 * Everything lives under one root key, `monitor`, so it never collides with the others.
 */
import { toolkitMonitoring } from '@sisi/domain';
import type { TOptions } from 'i18next';
import { addNamespace, i18n, type MessageKey, useTranslate } from './index.ts';
import type { Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/monitoring.json`). */
type EnMonitoring = Catalog<typeof import('./locales/en/monitoring.json')>;

type Keys = Leaves<EnMonitoring>;
/** `a.b` for the plural forms `a.b_one` and `a.b_other`, as i18next is asked for them. */
type PluralBase<K> = K extends `${infer Base}_${'one' | 'other'}` ? Base : never;
/** Every key of this catalog, e.g. `'monitor.followUps.heading'`. */
export type MonitorMessageKey = Keys | PluralBase<Keys>;
export type MonitorTranslate = (key: MonitorMessageKey | MessageKey, options?: TOptions) => string;

// Asked for when the first screen that imports this module loads, in the reader's language.
const tm = addNamespace<MonitorTranslate>('monitoring', {
  'toolkit-monitoring': toolkitMonitoring,
});

/** The translate function of the monitoring screens: this catalog's keys and the main one's. */
export function useMonitorT(): MonitorTranslate {
  return useTranslate(tm);
}

/** A text of the Annex 4 sheet: its translation by id when a catalog has one, else the sheet's. */
export function tSheetText(id: string, text: string): string {
  return i18n.t(`summaryReportTexts.${id}`, { defaultValue: text }) as string;
}

/** A practical challenge's title or tip (by id), else the source's words. */
export function tTipText(id: string, text: string): string {
  return i18n.t(`practicalTipTexts.${id}`, { defaultValue: text }) as string;
}
