/** The strings of the operator's outbox screen (local runtime), registered when it loads. */
import type { TOptions } from 'i18next';
import { addNamespace, type MessageKey, useTranslate } from './index.ts';
import type { Catalog, Leaves } from './keys.ts';

type EnOutbox = Catalog<typeof import('./locales/en/outbox.json')>;

export type OutboxMessageKey = Leaves<EnOutbox>;
export type OutboxTranslate = (key: OutboxMessageKey | MessageKey, options?: TOptions) => string;

// Asked for when the outbox screen's chunk loads, in the reader's language.
const tr = addNamespace<OutboxTranslate>('outbox');

/** The translate function of the outbox screen. */
export function useOutboxT(): OutboxTranslate {
  return useTranslate(tr);
}
