import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recoverableCells, type SumRelation, suppress } from './suppression.ts';

/** A rows × columns table with row, column and grand totals, as the donor grids have. */
function table(values: number[][]) {
  const cells = new Map<string, number>();
  const relations: SumRelation[] = [];
  const rows = values.length;
  const cols = values[0]!.length;
  values.forEach((row, r) => {
    row.forEach((v, c) => {
      cells.set(`${r},${c}`, v);
    });
  });
  for (let r = 0; r < rows; r++) {
    cells.set(
      `${r},T`,
      values[r]!.reduce((s, v) => s + v, 0),
    );
    relations.push({ total: `${r},T`, parts: values[r]!.map((_, c) => `${r},${c}`) });
  }
  for (let c = 0; c < cols; c++) {
    cells.set(
      `T,${c}`,
      values.reduce((s, row) => s + row[c]!, 0),
    );
    relations.push({ total: `T,${c}`, parts: values.map((_, r) => `${r},${c}`) });
  }
  cells.set(
    'T,T',
    values.flat().reduce((s, v) => s + v, 0),
  );
  relations.push({ total: 'T,T', parts: values.map((_, r) => `${r},T`) });
  relations.push({ total: 'T,T', parts: values[0]!.map((_, c) => `T,${c}`) });
  return { cells, relations };
}

/**
 * An attacker's check, written apart from `suppress`: integer values of the withheld
 * cells (each at least 1, as zeros are shown) that agree with the visible cells and every
 * published sum. A withheld cell is recovered when no such assignment gives it another
 * value than its own. `undefined` when the search would take too long.
 */
function recoveredByEnumeration(
  cells: Map<string, number>,
  relations: SumRelation[],
  withheld: Set<string>,
): string[] | undefined {
  const unknown = [...withheld];
  // a withheld part of a sum with a visible total is at most that total
  const upper = new Map(unknown.map((id) => [id, [...cells.values()].reduce((s, v) => s + v, 0)]));
  for (const r of relations) {
    if (withheld.has(r.total)) continue;
    for (const p of r.parts) {
      if (withheld.has(p)) upper.set(p, Math.min(upper.get(p)!, cells.get(r.total)!));
    }
  }
  const varies = new Set<string>();
  let budget = 300_000;
  const assigned = new Map<string, number>();
  const lookup = (id: string) => (withheld.has(id) ? assigned.get(id) : cells.get(id));
  const consistent = () =>
    relations.every((r) => {
      const t = lookup(r.total);
      const parts = r.parts.map(lookup);
      if (t === undefined || parts.some((p) => p === undefined)) return true;
      return t === parts.reduce((sum: number, p) => sum + p!, 0);
    });
  /** Finds one full assignment; true when found (then `assigned` holds it). */
  const search = (): boolean => {
    if (--budget < 0) throw new RangeError('search too large');
    if (!consistent()) return false;
    for (const r of relations) {
      const open = [r.total, ...r.parts].filter((id) => lookup(id) === undefined);
      if (open.length !== 1) continue;
      const id = open[0]!;
      const rest = r.parts.filter((p) => p !== id).reduce((sum, p) => sum + lookup(p)!, 0);
      const v = id === r.total ? rest : lookup(r.total)! - rest;
      if (v < 1 || v > upper.get(id)!) return false;
      assigned.set(id, v);
      if (search()) return true;
      assigned.delete(id);
      return false;
    }
    const next = unknown.find((id) => !assigned.has(id));
    if (!next) return true;
    for (let v = 1; v <= upper.get(next)!; v++) {
      assigned.set(next, v);
      if (search()) return true;
      assigned.delete(next);
    }
    return false;
  };
  try {
    for (const id of unknown) {
      if (varies.has(id)) continue;
      const own = cells.get(id)!;
      for (let v = 1; v <= upper.get(id)! && !varies.has(id); v++) {
        if (v === own) continue;
        assigned.clear();
        assigned.set(id, v);
        if (search()) for (const u of unknown) if (assigned.get(u) !== cells.get(u)) varies.add(u);
      }
    }
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
  return unknown.filter((id) => !varies.has(id));
}

/** Linear algebra, apart from `recoverableCells`: e_i in the row space of the sums. */
function recoveredByRank(relations: SumRelation[], withheld: Set<string>): string[] {
  const unknown = [...withheld];
  const index = new Map(unknown.map((id, i) => [id, i]));
  const matrix = relations.map((r) => {
    const row = new Array<number>(unknown.length).fill(0);
    if (index.has(r.total)) row[index.get(r.total)!]! += 1;
    for (const p of r.parts) if (index.has(p)) row[index.get(p)!]! -= 1;
    return row;
  });
  const rank = (m: number[][]) => {
    const a = m.map((row) => [...row]);
    let rk = 0;
    for (let c = 0; c < unknown.length; c++) {
      const p = a.findIndex((row, i) => i >= rk && Math.abs(row[c]!) > 1e-9);
      if (p < 0) continue;
      [a[rk], a[p]] = [a[p]!, a[rk]!];
      for (let i = 0; i < a.length; i++) {
        if (i === rk) continue;
        const f = a[i]![c]! / a[rk]![c]!;
        for (let j = 0; j < unknown.length; j++) a[i]![j]! -= f * a[rk]![j]!;
      }
      rk++;
    }
    return rk;
  };
  const base = rank(matrix);
  return unknown.filter((_id, i) => {
    const unit = new Array<number>(unknown.length).fill(0);
    unit[i] = 1;
    return rank([...matrix, unit]) === base;
  });
}

// Small counts are the point: most cells 0 to 6, some larger.
const count = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 7, max: 30 }) },
);
const grid = (maxRows: number, maxCols: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
    .chain(([r, c]) =>
      fc.array(fc.array(count, { minLength: c, maxLength: c }), {
        minLength: r,
        maxLength: r,
      }),
    );

let enumerated = 0;
describe('suppress', () => {
  it('withholds every small non-zero cell and shows zeros', () => {
    fc.assert(
      fc.property(grid(5, 5), fc.integer({ min: 2, max: 6 }), (values, threshold) => {
        const { cells, relations } = table(values);
        const withheld = suppress({
          threshold,
          relations,
          cells: [...cells].map(([id, support]) => ({ id, support })),
        });
        for (const [id, v] of cells) {
          if (v > 0 && v < threshold) expect(withheld.has(id), id).toBe(true);
          if (v === 0) expect(withheld.has(id), id).toBe(false);
          if (!withheld.has(id)) expect(v === 0 || v >= threshold).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no withheld cell that the visible cells and sums fix (linear algebra)', () => {
    fc.assert(
      fc.property(grid(6, 6), fc.integer({ min: 2, max: 6 }), (values, threshold) => {
        const { cells, relations } = table(values);
        const withheld = suppress({
          threshold,
          relations,
          cells: [...cells].map(([id, support]) => ({ id, support })),
        });
        expect(recoveredByRank(relations, withheld)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no withheld cell that a search of every possible count pins down', () => {
    fc.assert(
      fc.property(grid(3, 4), fc.integer({ min: 2, max: 5 }), (values, threshold) => {
        const { cells, relations } = table(values);
        const withheld = suppress({
          threshold,
          relations,
          cells: [...cells].map(([id, support]) => ({ id, support })),
        });
        const recovered = recoveredByEnumeration(cells, relations, withheld);
        fc.pre(recovered !== undefined);
        enumerated++;
        expect(recovered).toEqual([]);
      }),
      { numRuns: 500 },
    );
    // most tables are small enough to search: the check above really ran
    expect(enumerated).toBeGreaterThan(250);
  });

  it('withholds the total and a second part when one part of a sum is small', () => {
    const { cells, relations } = table([[3, 9, 14]]);
    const withheld = suppress({
      threshold: 5,
      relations,
      cells: [...cells].map(([id, support]) => ({ id, support })),
    });
    // the row is the only row: its cells are also the column totals
    expect(withheld.has('0,0')).toBe(true);
    expect(recoveredByRank(relations, withheld)).toEqual([]);
    expect(withheld.has('0,2') && withheld.has('0,1')).toBe(false);
  });

  it('does not let two withheld ones in a sum give themselves away', () => {
    // 1 and 1 in a row whose total is visible: the attacker knows both are at least 1
    const withheld = suppress({
      threshold: 5,
      cells: [
        { id: 'a', support: 1 },
        { id: 'b', support: 1 },
        { id: 'c', support: 8 },
        { id: 't', support: 10 },
      ],
      relations: [{ total: 't', parts: ['a', 'b', 'c'] }],
    });
    expect([...withheld].sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('recoverableCells', () => {
  it('finds a cell given away by subtraction', () => {
    expect(recoverableCells([{ total: 't', parts: ['a', 'b'] }], new Set(['a']))).toEqual(['a']);
  });

  it('finds a cell pinned by sums taken together', () => {
    // a + b = row total, a + c = column total, b + c … only a, b, c withheld, b visible? no:
    const relations = [
      { total: 'r', parts: ['a', 'b'] },
      { total: 's', parts: ['a', 'c'] },
      { total: 'u', parts: ['b', 'c'] },
    ];
    // three equations, three unknowns: all fixed
    expect(recoverableCells(relations, new Set(['a', 'b', 'c'])).sort()).toEqual(['a', 'b', 'c']);
  });

  it('passes two withheld cells that only their sum links', () => {
    expect(recoverableCells([{ total: 't', parts: ['a', 'b'] }], new Set(['a', 'b']))).toEqual([]);
  });
});
