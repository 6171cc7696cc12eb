/**
 * CSV (RFC 4180) for the forms' exports: one header row, CRLF line ends, fields quoted when
 * they hold a comma, quote or line break. Spreadsheets run a cell that starts with `=`, `+`,
 * `-`, `@`, tab or CR as a formula, so such text cells get a leading `'` (OWASP's advice
 * against CSV injection); numbers are written as numbers.
 */

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  /** The header cell, e.g. the form's question. */
  header: string;
  value: (row: Row) => CsvValue;
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
 * toCsv([{ header: 'Date', value: (r: { d: string }) => r.d }], [{ d: '2026-01-01' }]);
 * // 'Date\r\n2026-01-01\r\n'
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Several values in one cell (a list answer), separated by `; `. */
export const csvList = (values: readonly CsvValue[] | undefined): string =>
  (values ?? []).map((v) => (v === null || v === undefined ? '' : String(v))).join('; ');
