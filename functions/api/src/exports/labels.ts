/**
 * Coded columns for the exporters: the code in its column, its words in the reader's
 * language in the `<id>_label` column `toCsv` writes right after it.
 */
import { type CsvColumn, type CsvValue, csvList } from '@sisi/domain';

/** Code → words of a toolkit option list (`{id, label}`), e.g. the technical areas. */
export const optionWords = (
  options: readonly { id: string; label: string }[],
): ((code: string) => string | undefined) => {
  const words = new Map<string, string>(options.map((o) => [o.id, o.label]));
  return (code) => words.get(code);
};

/**
 * A column of one code, worded by `words` (a code without words stands for itself).
 *
 * @example coded('status', (a) => a.status, (s) => t(`followUpStatus.${s}`))
 */
export function coded<Row>(
  id: string,
  code: (row: Row) => string | undefined,
  words: (code: string) => string | undefined,
): CsvColumn<Row> {
  return {
    id,
    value: code,
    label: (row): CsvValue => {
      const c = code(row);
      return c === undefined ? undefined : (words(c) ?? c);
    },
  };
}

/** A column of several codes in one cell, `; `-separated, the words in the same order. */
export function codedList<Row>(
  id: string,
  codes: (row: Row) => readonly string[],
  words: (code: string) => string | undefined,
): CsvColumn<Row> {
  return {
    id,
    value: (row) => csvList(codes(row)),
    label: (row) => csvList(codes(row).map((c) => words(c) ?? c)),
  };
}
