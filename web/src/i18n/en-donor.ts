/**
 * The strings of the donor dashboard, registered into the SPA's i18next instance
 * when the page loads, so the first page does not carry them. One root key, `donorView`.
 */
import { toolkitMentorship } from '@sisi/domain';
import type { TOptions } from 'i18next';
import { addNamespace, i18n, type MessageKey, useTranslate } from './index.ts';
import type { Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/donor.json`). */
type EnDonor = Catalog<typeof import('./locales/en/donor.json')>;

export type DonorMessageKey = Leaves<EnDonor>;
export type DonorTranslate = (key: DonorMessageKey | MessageKey, options?: TOptions) => string;

// Asked for when the first screen that imports this module loads, in the reader's language.
const tr = addNamespace<DonorTranslate>('donor', { 'toolkit-mentorship': toolkitMentorship });

/** The translate function of the donor dashboard. */
export function useDonorT(): DonorTranslate {
  return useTranslate(tr);
}

/**
 * A label from this catalog when it has one, else `fallback` (the id made readable): the
 * groups and breakdowns come from the API, and a new one must still show.
 */
export function donorLabel(key: string, fallback: string): string {
  return i18n.t(key, { defaultValue: fallback }) as string;
}
