/**
 * The words of the CSV exports' `<column>_label` columns that are not toolkit content
 * (statuses, sides, verdicts, roles, audit kinds, yes/no), in every language, for the API:
 * one catalog namespace, `exports`. Toolkit words (technical areas, scale answers…) come
 * from `toolkitIn`.
 */

import i18next, { type i18n, type TFunction } from 'i18next';
import en from '../../locales/en/exports.json' with { type: 'json' };
import es from '../../locales/es/exports.json' with { type: 'json' };
import fr from '../../locales/fr/exports.json' with { type: 'json' };
import pt from '../../locales/pt/exports.json' with { type: 'json' };
import { isLanguage, languages } from '../languages.ts';
import type { ToolkitLanguage } from './toolkit-catalogs.ts';

/** A language an export's labels are written in: one of Sisi's `languages`. */
export type ExportLanguage = ToolkitLanguage;

/** Language → the `exports` catalog. */
export const exportsCatalogs: Record<ExportLanguage, typeof en> = { en, fr, es, pt };

let instance: i18n | undefined;

/** The i18next instance, made on first use (importing this module has no side effect). */
function exportsI18n(): i18n {
  if (instance) return instance;
  instance = i18next.createInstance();
  // resources are inline: init completes synchronously
  void instance.init({
    resources: Object.fromEntries(
      Object.entries(exportsCatalogs).map(([lng, catalog]) => [lng, { exports: catalog }]),
    ),
    ns: ['exports'],
    defaultNS: 'exports',
    fallbackLng: 'en',
    supportedLngs: [...languages],
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/**
 * The `exports` catalog's translator for a language (English for any other).
 *
 * @example exportsT('fr')('followUpStatus.done') // 'Terminée'
 */
export function exportsT(language: string): TFunction {
  const lng = isLanguage(language) ? language : 'en';
  return exportsI18n().getFixedT(lng, 'exports');
}
