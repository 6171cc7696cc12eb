import { readFileSync } from 'node:fs';
import { csvHeader } from '@sisi/domain';
import { describe, expect, it } from 'vitest';
import { formExports } from './index.ts';

const doc = readFileSync(new URL('../../../../docs/exports.md', import.meta.url), 'utf8');
/** The part of docs/exports.md under the heading that starts with `## \`form\``. */
const section = (form: string) => {
  const start = doc.indexOf(`## \`${form}\``);
  expect(start, form).toBeGreaterThan(-1);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
};

describe('docs/exports.md', () => {
  it.each(formExports.map((e) => e.form))(
    'lists every column of %s, and marks coded ones',
    (form) => {
      const columns = formExports.find((e) => e.form === form)!.columns('en');
      const text = section(form);
      const missing = columns.map((c) => c.id).filter((id) => !text.includes(`\`${id}\``));
      expect(missing).toEqual([]);
      const header = csvHeader(columns);
      for (const c of columns.filter((x) => x.label)) {
        expect(header[header.indexOf(c.id) + 1]).toBe(`${c.id}_label`);
        const row = text.split('\n').find((line) => line.includes(`\`${c.id}\``))!;
        expect(row, c.id).toMatch(/coded/);
      }
    },
  );
});
