/**
 * CSV (RFC 4180) for the forms' exports: one header row of stable column ids (the same in
 * every language), CRLF line ends, fields quoted when they hold a comma, quote or line break.
 * A coded value keeps its code in its column and has its words in the reader's language in
 * a `<id>_label` column right after it. Spreadsheets run a cell that starts with `=`, `+`,
 * `-`, `@`, tab or CR as a formula, so such text cells get a leading `'` (OWASP's advice
 * against CSV injection); numbers are written as numbers.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  /** The header cell: a stable snake_case id, e.g. `due_date`, the same in every language. */
  id: string;
  value: (row: Row) => CsvValue;
  /** For a coded value: its words in the reader's language, in a `<id>_label` column. */
  label?: (row: Row) => CsvValue;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, escaped. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The CSV text of rows under columns.
 *
 * @example
 * toCsv([{ id: 'status', value: (r: { s: string }) => r.s, label: () => 'Open' }], [{ s: 'open' }]);
 * // 'status,status_label\r\nopen,Open\r\n'
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): string {
  const cells = columns.flatMap((c) =>
    c.label ? [c.value, c.label as (row: Row) => CsvValue] : [c.value],
  );
  const lines = [csvHeader(columns).map(csvCell).join(',')];
  for (const row of rows) lines.push(cells.map((cell) => csvCell(cell(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The header row's ids: each column's, and `<id>_label` after each coded one. */
export const csvHeader = <Row>(columns: readonly CsvColumn<Row>[]): string[] =>
  columns.flatMap((c) => (c.label ? [c.id, `${c.id}_label`] : [c.id]));

/** Several values in one cell (a list answer, or its labels in the same order), separated by `; `. */
export const csvList = (values: readonly CsvValue[] | undefined): string =>
  (values ?? []).map((v) => (v === null || v === undefined ? '' : String(v))).join('; ');
