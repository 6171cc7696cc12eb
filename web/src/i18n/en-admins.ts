/**
 * The strings of the network admins' screen, registered into the SPA's i18next
 * instance when the screen loads. One root key, `networkAdmins`.
 */
import type { TOptions } from 'i18next';
import { addNamespace, type MessageKey, useTranslate } from './index.ts';
import type { Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/admins.json`). */
type EnAdmins = Catalog<typeof import('./locales/en/admins.json')>;

export type AdminsMessageKey = Leaves<EnAdmins>;
export type AdminsTranslate = (key: AdminsMessageKey | MessageKey, options?: TOptions) => string;

// Asked for when the first screen that imports this module loads, in the reader's language.
const tr = addNamespace<AdminsTranslate>('admins');

/** The translate function of the network admins' screen. */
export function useAdminsT(): AdminsTranslate {
  return useTranslate(tr);
}
