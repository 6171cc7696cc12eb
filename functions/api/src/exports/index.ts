/**
 * Every form's CSV export, by its path segment (`GET …/exports/{form}`). A form's exporter
 * lives beside this file (`FormExport` in `types.ts`); adding one here is all the export
 * routes need.
 */
import { evaluationsExport } from './evaluations.ts';
import { followUpActionsExport } from './follow-up-actions.ts';
import { quarterlyReportsExport } from './quarterly-reports.ts';
import { reflectionExport } from './reflection.ts';
import { summaryReportsExport } from './summary-reports.ts';
import type { AnyFormExport } from './types.ts';

export type { AnyFormExport, ExportScope, FormExport } from './types.ts';

/** The exports in the order the app lists them. */
export const formExports: readonly AnyFormExport[] = [
  summaryReportsExport,
  followUpActionsExport,
  quarterlyReportsExport,
  reflectionExport,
  evaluationsExport,
];

/** The export of a form, by its path segment; `undefined` for an unknown form. */
export const formExport = (form: string): AnyFormExport | undefined =>
  formExports.find((e) => e.form === form);
