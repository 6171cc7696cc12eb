/**
 * The toolkit's content modules, by catalog namespace. Each namespace's English catalog
 * (`locales/en/<namespace>.json`) is generated from these modules by `pnpm i18n:extract`;
 * a test fails when it is out of date. A screen imports only its namespace's file.
 */

import { toolkitCoachingGroups } from './toolkit-coaching-groups.ts';
import { toolkitCoachingPrograms } from './toolkit-coaching-programs.ts';
import { toolkitMentorship } from './toolkit-mentorship.ts';
import { toolkitMonitoring } from './toolkit-monitoring.ts';
import { toolkitSisiKwaSisi } from './toolkit-sisi-kwa-sisi.ts';

/** Namespace → the exports whose texts it holds. */
export const toolkitModules = {
  'toolkit-mentorship': toolkitMentorship,
  'toolkit-monitoring': toolkitMonitoring,
  'toolkit-coaching-groups': toolkitCoachingGroups,
  'toolkit-coaching-programs': toolkitCoachingPrograms,
  'toolkit-sisi-kwa-sisi': toolkitSisiKwaSisi,
} as const satisfies Record<string, Record<string, unknown>>;

export type ToolkitNamespace = keyof typeof toolkitModules;
export const toolkitNamespaces = Object.keys(toolkitModules) as ToolkitNamespace[];
