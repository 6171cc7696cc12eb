/**
 * The strings of the audit trail screen, registered when it loads. One root key,
 * `audit`.
 */
import type { TOptions } from 'i18next';
import { addNamespace, currentLanguage, i18n, type MessageKey, useTranslate } from './index.ts';
import type { Catalog, Leaves } from './keys.ts';

/** The shape of this namespace's catalog (`locales/<language>/audit.json`). */
type EnAudit = Catalog<typeof import('./locales/en/audit.json')>;

export type AuditMessageKey = Leaves<EnAudit>;
export type AuditTranslate = (key: AuditMessageKey | MessageKey, options?: TOptions) => string;

// Asked for when the first screen that imports this module loads, in the reader's language.
const tr = addNamespace<AuditTranslate>('audit');

/** The translate function of the audit trail screen. */
export function useAuditT(): AuditTranslate {
  return useTranslate(tr);
}

/**
 * The audit kinds' labels as the loaded catalog has them, in its order (the filter's); the
 * keys are the same in every language.
 */
export function auditKindLabels(): EnAudit['audit']['kinds'] {
  return i18n.getResource(
    currentLanguage(),
    'translation',
    'audit.kinds',
  ) as EnAudit['audit']['kinds'];
}
