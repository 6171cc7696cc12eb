/**
 * Every language's toolkit catalogs, for the servers (API, exports, mail), which answer in
 * several languages at once. The SPA never imports this module: it loads the reader's
 * language alone.
 */

import enCoachingGroups from '../../locales/en/toolkit-coaching-groups.json' with { type: 'json' };
import enCoachingPrograms from '../../locales/en/toolkit-coaching-programs.json' with {
  type: 'json',
};
import enMentorship from '../../locales/en/toolkit-mentorship.json' with { type: 'json' };
import enMonitoring from '../../locales/en/toolkit-monitoring.json' with { type: 'json' };
import enSisiKwaSisi from '../../locales/en/toolkit-sisi-kwa-sisi.json' with { type: 'json' };
import esCoachingGroups from '../../locales/es/toolkit-coaching-groups.json' with { type: 'json' };
import esCoachingPrograms from '../../locales/es/toolkit-coaching-programs.json' with {
  type: 'json',
};
import esMentorship from '../../locales/es/toolkit-mentorship.json' with { type: 'json' };
import esMonitoring from '../../locales/es/toolkit-monitoring.json' with { type: 'json' };
import esSisiKwaSisi from '../../locales/es/toolkit-sisi-kwa-sisi.json' with { type: 'json' };
import frCoachingGroups from '../../locales/fr/toolkit-coaching-groups.json' with { type: 'json' };
import frCoachingPrograms from '../../locales/fr/toolkit-coaching-programs.json' with {
  type: 'json',
};
import frMentorship from '../../locales/fr/toolkit-mentorship.json' with { type: 'json' };
import frMonitoring from '../../locales/fr/toolkit-monitoring.json' with { type: 'json' };
import frSisiKwaSisi from '../../locales/fr/toolkit-sisi-kwa-sisi.json' with { type: 'json' };
import ptCoachingGroups from '../../locales/pt/toolkit-coaching-groups.json' with { type: 'json' };
import ptCoachingPrograms from '../../locales/pt/toolkit-coaching-programs.json' with {
  type: 'json',
};
import ptMentorship from '../../locales/pt/toolkit-mentorship.json' with { type: 'json' };
import ptMonitoring from '../../locales/pt/toolkit-monitoring.json' with { type: 'json' };
import ptSisiKwaSisi from '../../locales/pt/toolkit-sisi-kwa-sisi.json' with { type: 'json' };
import { isLanguage, type Language } from '../languages.ts';
import { type ContentCatalog, localizedCopy } from './content.ts';
import { type ToolkitNamespace, toolkitModules } from './toolkit.ts';

/** A language the toolkit is written in: one of Sisi's `languages`. */
export type ToolkitLanguage = Language;

/** Language → namespace → catalog. */
export const toolkitCatalogs: Record<ToolkitLanguage, Record<ToolkitNamespace, ContentCatalog>> = {
  en: {
    'toolkit-mentorship': enMentorship,
    'toolkit-monitoring': enMonitoring,
    'toolkit-coaching-groups': enCoachingGroups,
    'toolkit-coaching-programs': enCoachingPrograms,
    'toolkit-sisi-kwa-sisi': enSisiKwaSisi,
  },
  fr: {
    'toolkit-mentorship': frMentorship,
    'toolkit-monitoring': frMonitoring,
    'toolkit-coaching-groups': frCoachingGroups,
    'toolkit-coaching-programs': frCoachingPrograms,
    'toolkit-sisi-kwa-sisi': frSisiKwaSisi,
  },
  es: {
    'toolkit-mentorship': esMentorship,
    'toolkit-monitoring': esMonitoring,
    'toolkit-coaching-groups': esCoachingGroups,
    'toolkit-coaching-programs': esCoachingPrograms,
    'toolkit-sisi-kwa-sisi': esSisiKwaSisi,
  },
  pt: {
    'toolkit-mentorship': ptMentorship,
    'toolkit-monitoring': ptMonitoring,
    'toolkit-coaching-groups': ptCoachingGroups,
    'toolkit-coaching-programs': ptCoachingPrograms,
    'toolkit-sisi-kwa-sisi': ptSisiKwaSisi,
  },
};

const copies = new Map<string, unknown>();

/**
 * A namespace's content in a language (English for any language the toolkit is not written
 * in), made once per language and kept: the modules' own objects stay English.
 *
 * @example toolkitIn('toolkit-mentorship', 'fr').approachById['on-site'].name // 'Mentorat sur site'
 */
export function toolkitIn<N extends ToolkitNamespace>(
  namespace: N,
  language: string,
): (typeof toolkitModules)[N] {
  const lng: ToolkitLanguage = isLanguage(language) ? language : 'en';
  if (lng === 'en') return toolkitModules[namespace];
  const key = `${lng}:${namespace}`;
  let copy = copies.get(key);
  if (!copy) {
    copy = localizedCopy(toolkitModules[namespace], toolkitCatalogs[lng][namespace]);
    copies.set(key, copy);
  }
  return copy as (typeof toolkitModules)[N];
}
