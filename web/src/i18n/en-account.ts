/**
 * The strings of the account screen (staying signed in, signing out everywhere), registered
 * when it loads. One root key, `account`.
 */
import type { TOptions } from 'i18next';
import { addNamespace, type MessageKey, useTranslate } from './index.ts';
import type { Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/account.json`). */
type EnAccount = Catalog<typeof import('./locales/en/account.json')>;

export type AccountMessageKey = Leaves<EnAccount>;
export type AccountTranslate = (key: AccountMessageKey | MessageKey, options?: TOptions) => string;

// Asked for when the account screen loads, in the reader's language.
const tr = addNamespace<AccountTranslate>('account');

/** The translate function of the account screen. */
export function useAccountT(): AccountTranslate {
  return useTranslate(tr);
}
