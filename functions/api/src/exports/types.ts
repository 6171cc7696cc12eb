import type { CsvColumn, ExportLanguage, Mentorship } from '@sisi/domain';
import type { NetworkScope } from '../route-kit.ts';

/**
 * What an exporter reads with: the caller (already checked against the path's network), the
 * network's store, and today (`YYYY-MM-DD`).
 */
export interface ExportScope extends NetworkScope {
  today: string;
}

/**
 * One form type's CSV export (e.g. `quarterly-reports`, `summary-reports`, `reflection`,
 * `evaluations`). The export routes (`routes/exports.ts`) serve it per mentorship at
 * `GET /networks/{networkId}/mentorships/{mentorshipId}/exports/{form}` and per network at
 * `GET /networks/{networkId}/exports/{form}` (every mentorship the caller sees, with the
 * mentorship's id and organizations in front of each row).
 *
 * The route has already applied who-sees-the-mentorship; `rows` applies whatever narrower
 * rule its form has (an exporter of anonymous answers returns pooled rows, never one
 * person's), and returns rows in the form's order.
 *
 * @example
 * export const quarterlyReportsExport: FormExport<QuarterlyReport> = {
 *   form: 'quarterly-reports',
 *   columns: () => [{ id: 'period', value: (r) => r.period }],
 *   rows: ({ store }, m) => listAllReports(store.reviews, m.id),
 * };
 */
export interface FormExport<Row> {
  /** The path segment, kebab-case. */
  form: string;
  /**
   * The columns, headed with stable snake_case ids (the same in every language); a coded
   * value's column has a `label` in `lng`, written as `<id>_label` right after it.
   */
  columns(lng: ExportLanguage): readonly CsvColumn<Row>[];
  rows(scope: ExportScope, mentorship: Mentorship): Promise<Row[]>;
}

/** Any form's export, for the registry. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds exports of different row types
export type AnyFormExport = FormExport<any>;
