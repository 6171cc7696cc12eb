import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvList, toCsv } from './csv.ts';

describe('csv', () => {
  it('quotes only fields that need it and doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes empty cells for missing values and yes/no for booleans', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('yes');
    expect(csvList(['a', undefined, 2])).toBe('a; ; 2');
  });

  it('builds a header row and one row per item with CRLF line ends', () => {
    const csv = toCsv(
      [
        { id: 'date', value: (r: { d: string; h: number }) => r.d },
        { id: 'hours', value: (r) => r.h },
      ],
      [
        { d: '2026-01-01', h: 2.5 },
        { d: '2026-02-01', h: 1 },
      ],
    );
    expect(csv).toBe('date,hours\r\n2026-01-01,2.5\r\n2026-02-01,1\r\n');
  });

  it('puts a coded column’s words in a `<id>_label` column right after its code', () => {
    const words: Record<string, string> = { open: 'Ouverte, en cours', done: '=Faite' };
    const columns = [
      { id: 'what', value: (r: { what: string; status: string }) => r.what },
      {
        id: 'status',
        value: (r: { status: string }) => r.status,
        label: (r: { status: string }) => words[r.status],
      },
      { id: 'updated_at', value: () => '2026-01-01' },
    ];
    const rows = [
      { what: 'Share', status: 'open' },
      { what: 'Call', status: 'done' },
    ];
    expect(csvHeader(columns)).toEqual(['what', 'status', 'status_label', 'updated_at']);
    expect(toCsv(columns, rows)).toBe(
      'what,status,status_label,updated_at\r\n' +
        'Share,open,"Ouverte, en cours",2026-01-01\r\n' +
        // a label is guarded against formulas like any other cell
        "Call,done,'=Faite,2026-01-01\r\n",
    );
  });
});
