/**
 * Small-cell suppression for the donor view (ADR 0009 says why it is built this way).
 *
 * A table is a set of cells (each with its `support`: how many things it counts) and
 * published sums among them (`total = Σ parts`). A cell whose support is 1 to
 * `threshold − 1` is withheld (primary suppression). Then more cells are withheld
 * (complementary suppression) until no withheld cell can be worked out from the visible
 * cells and the sums:
 *  - no sum has exactly one withheld cell among its total and parts;
 *  - no sum with a visible total has withheld parts that are all 1 (zeros are shown, so
 *    a withheld cell is known to be at least 1, and k withheld parts adding up to k would
 *    each be 1);
 *  - no withheld cell is fixed by the sums taken together (solved exactly as a linear
 *    system over the withheld cells).
 * Zeros are shown and never withheld: a zero names no one. Complements are the smallest
 * visible non-zero cells, parts before totals, so the margins donors read stay visible.
 */

export interface SuppressionCell {
  id: string;
  /** How many things the cell counts (for an amount: how many things it adds up). */
  support: number;
}

/** A published sum: `total` is the sum of `parts`. */
export interface SumRelation {
  total: string;
  parts: string[];
}

export interface SuppressionInput {
  cells: SuppressionCell[];
  relations: SumRelation[];
  /** Cells with support 1 to threshold − 1 are withheld. */
  threshold: number;
}

const EPS = 1e-9;

/**
 * The ids of the cells to withhold.
 *
 * @example
 * suppress({
 *   threshold: 5,
 *   cells: [{ id: 'a', support: 3 }, { id: 'b', support: 9 }, { id: 't', support: 12 }],
 *   relations: [{ total: 't', parts: ['a', 'b'] }],
 * }); // Set { 'a', 'b' }: 'a' is small, and 'b' would give it away as 12 − 9
 */
export function suppress(input: SuppressionInput): Set<string> {
  const support = new Map(input.cells.map((c) => [c.id, c.support]));
  const sup = (id: string) => support.get(id) ?? 0;
  const withheld = new Set<string>();
  for (const c of input.cells) if (c.support > 0 && c.support < input.threshold) withheld.add(c.id);

  const relationsOf = new Map<string, SumRelation[]>();
  for (const r of input.relations) {
    for (const id of [r.total, ...r.parts]) {
      const list = relationsOf.get(id) ?? [];
      list.push(r);
      relationsOf.set(id, list);
    }
  }

  /** Withholds the best visible non-zero cell of `r`; false when there is none. */
  const complement = (r: SumRelation): boolean => {
    const candidates = r.parts.filter((id) => !withheld.has(id) && sup(id) > 0);
    const pick = candidates.sort((a, b) => sup(a) - sup(b) || (a < b ? -1 : 1))[0];
    if (pick) {
      withheld.add(pick);
      return true;
    }
    if (!withheld.has(r.total) && sup(r.total) > 0) {
      withheld.add(r.total);
      return true;
    }
    return false;
  };

  /**
   * Withholds one more cell near an exposed one: in the sums around it (the one with the
   * fewest withheld cells first), else in the sums around the withheld cells those reach,
   * and so on outwards: what pins a cell down may be several sums away.
   */
  const strengthenAround = (id: string): boolean => {
    const seenCells = new Set([id]);
    const seenRelations = new Set<SumRelation>();
    let layer = [id];
    while (layer.length) {
      const relations = layer
        .flatMap((c) => relationsOf.get(c) ?? [])
        .filter((r) => !seenRelations.has(r));
      for (const r of relations) seenRelations.add(r);
      const ordered = relations
        .map((r) => ({ r, n: [r.total, ...r.parts].filter((m) => withheld.has(m)).length }))
        .sort((a, b) => a.n - b.n);
      if (ordered.some(({ r }) => complement(r))) return true;
      layer = relations
        .flatMap((r) => [r.total, ...r.parts])
        .filter((c) => withheld.has(c) && !seenCells.has(c));
      for (const c of layer) seenCells.add(c);
    }
    return false;
  };

  const weak = (r: SumRelation): boolean => {
    const members = [r.total, ...r.parts];
    const hidden = members.filter((id) => withheld.has(id));
    if (hidden.length === 1) return true;
    if (hidden.length >= 2 && !withheld.has(r.total)) {
      const sum = hidden.reduce((s, id) => s + sup(id), 0);
      if (sum <= hidden.length) return true;
    }
    return false;
  };

  for (let guard = 0; guard < 10_000; guard++) {
    let changed = false;
    for (const r of input.relations) {
      if (weak(r) && complement(r)) changed = true;
    }
    if (changed) continue;
    const exposed = recoverableCells(input.relations, withheld, sup);
    if (exposed.length === 0) break;
    for (const id of exposed) {
      if (strengthenAround(id)) {
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return withheld;
}

/**
 * Withheld cells an attacker could pin down from the visible cells and the sums, knowing
 * too that a withheld count is at least 1 (zeros are shown). The sums are a linear system
 * over the withheld cells. A withheld 1 is safe when it can grow while the other 1s stay
 * put (the cells above 1 making up for it): its column lies in the span of their columns.
 * A withheld cell above 1 is safe when it can move while every withheld 1 stays put (it
 * is not fixed by the system with those 1s taken as known), or when a 1 that can grow
 * moves it. Both are sufficient for real values; for the
 * donor grids, whose sums are those of tables with margins, they hold for whole counts too
 * (ADR 0009). Without `supportOf`, only exact linear recovery is looked for.
 *
 * @example recoverableCells([{ total: 't', parts: ['a', 'b'] }], new Set(['a'])) // ['a']
 */
export function recoverableCells(
  relations: SumRelation[],
  withheld: ReadonlySet<string>,
  supportOf?: (id: string) => number,
): string[] {
  const ones = new Set(supportOf ? [...withheld].filter((id) => supportOf(id) === 1) : []);
  // cells above 1 first: only they take pivots; the 1s' columns follow along
  const free = [...withheld].filter((id) => !ones.has(id)).sort();
  const fixedOnes = [...ones].sort();
  const unknowns = [...free, ...fixedOnes];
  const rows = relationRows(relations, unknowns);
  const pivots = gaussJordan(rows, free.length, unknowns.length);
  const pivotRows = new Set(pivots.map(([r]) => r));
  // a withheld 1 can grow (the cells above 1 making up for it) when its column is in their
  // span: after elimination, the rows without a pivot are zero in its column
  const canGrow = fixedOnes.map((_, k) =>
    rows.every((row, r) => pivotRows.has(r) || Math.abs(row[free.length + k]!) < EPS),
  );
  const suspects: number[] = [];
  for (const [rowIndex, c] of pivots) {
    const row = rows[rowIndex]!;
    let alone = true;
    for (let j = 0; j < free.length; j++) if (j !== c && Math.abs(row[j]!) > EPS) alone = false;
    // pinned by the cells above 1, unless a 1 in its row can grow and move it
    const movedByAOne = canGrow.some((ok, k) => ok && Math.abs(row[free.length + k]!) > EPS);
    if (alone && !movedByAOne) suspects.push(c);
  }
  fixedOnes.forEach((_, k) => {
    if (!canGrow[k]) suspects.push(free.length + k);
  });
  if (!suspects.length) return [];
  // The quick tests above hold the 1s still, or let one grow alone; 1s that must grow
  // together (a quarter's cell and its all-time total) need the exact question, a small LP:
  // is there a change of the withheld cells that keeps every sum, lowers no 1, and moves
  // this cell?
  const original = relationRows(relations, unknowns);
  const isOne = unknowns.map((id) => ones.has(id));
  return suspects
    .filter(
      (c) => !movable(original, isOne, c, 1) && (isOne[c] || !movable(original, isOne, c, -1)),
    )
    .map((c) => unknowns[c]!);
}

/**
 * Gauss-Jordan elimination of `rows` in place, taking pivots in the first `pivotColumns`
 * columns only and carrying every row operation across all `columns`. Returns the
 * [row, pivot column] pairs; rows without a pivot end up with zeros in pivot columns.
 */
function gaussJordan(rows: number[][], pivotColumns: number, columns: number): [number, number][] {
  const pivots: [number, number][] = [];
  let r = 0;
  for (let c = 0; c < pivotColumns && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) {
      if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    }
    if (Math.abs(rows[best]![c]!) < EPS) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivotRow = rows[r]!;
    const p = pivotRow[c]!;
    for (let j = c; j < columns; j++) pivotRow[j]! /= p;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const row = rows[i]!;
      const f = row[c]!;
      if (Math.abs(f) < EPS) continue;
      for (let j = c; j < columns; j++) row[j]! -= f * pivotRow[j]!;
    }
    pivots.push([r, c]);
    r++;
  }
  return pivots;
}

/** The sums as rows over `unknowns` (`total − Σ parts`), visible cells left out. */
function relationRows(relations: SumRelation[], unknowns: string[]): number[][] {
  const col = new Map(unknowns.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const r of relations) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    const put = (id: string, coefficient: number) => {
      const c = col.get(id);
      if (c === undefined) return;
      row[c]! += coefficient;
      any = true;
    };
    put(r.total, 1);
    for (const p of r.parts) put(p, -1);
    if (any) rows.push(row);
  }
  return rows;
}

/**
 * Whether some change z of the withheld cells keeps every sum (rows · z = 0), lowers no
 * withheld 1 (z ≥ 0 there) and moves `target` by `sign` (z = sign there). Phase 1 of the
 * simplex method (Bland's rule) over the sums that reach `target`. Too long a search
 * answers false: the cell is then treated as exposed, which only withholds more.
 */
function movable(rows: number[][], isOne: boolean[], target: number, sign: 1 | -1): boolean {
  // only the sums connected to the target matter
  const columns = new Set([target]);
  const used = new Set<number>();
  for (let grew = true; grew; ) {
    grew = false;
    rows.forEach((row, r) => {
      if (used.has(r) || !row.some((v, j) => Math.abs(v) > EPS && columns.has(j))) return;
      used.add(r);
      row.forEach((v, j) => {
        if (Math.abs(v) > EPS && !columns.has(j)) {
          columns.add(j);
          grew = true;
        }
      });
    });
  }
  const cols = [...columns];
  // variables: a 1 moves up only (one variable), any other cell either way (z = p − n)
  const vars: { col: number; coefficient: 1 | -1 }[] = [];
  for (const c of cols) {
    vars.push({ col: c, coefficient: 1 });
    if (!isOne[c]) vars.push({ col: c, coefficient: -1 });
  }
  const constraints: { a: number[]; b: number }[] = [...used].map((r) => ({
    a: vars.map((v) => rows[r]![v.col]! * v.coefficient),
    b: 0,
  }));
  constraints.push({ a: vars.map((v) => (v.col === target ? v.coefficient : 0)), b: sign });
  for (const c of constraints) {
    if (c.b < 0) {
      c.b = -c.b;
      c.a = c.a.map((v) => -v);
    }
  }
  const m = constraints.length;
  const n = vars.length;
  // tableau: n variables, m artificials, right-hand side
  const t = constraints.map((c, i) => {
    const row = new Array<number>(n + m + 1).fill(0);
    c.a.forEach((v, j) => {
      row[j] = v;
    });
    row[n + i] = 1;
    row[n + m] = c.b;
    return row;
  });
  const basis = constraints.map((_, i) => n + i);
  const cost = new Array<number>(n + m + 1).fill(0);
  for (const row of t)
    for (let j = 0; j <= n + m; j++) if (j < n || j === n + m) cost[j]! -= row[j]!;
  for (let iteration = 0; iteration < 5000; iteration++) {
    let enter = -1;
    for (let j = 0; j < n + m; j++) {
      if (cost[j]! < -EPS) {
        enter = j;
        break;
      }
    }
    if (enter < 0) return Math.abs(cost[n + m]!) < 1e-7;
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < m; i++) {
      const a = t[i]![enter]!;
      if (a <= EPS) continue;
      const ratio = t[i]![n + m]! / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i]! < basis[leave]!)) {
        best = ratio;
        leave = i;
      }
    }
    if (leave < 0) return false;
    const pivot = t[leave]!;
    const p = pivot[enter]!;
    for (let j = 0; j <= n + m; j++) pivot[j]! /= p;
    for (let i = 0; i < m; i++) {
      if (i === leave) continue;
      const f = t[i]![enter]!;
      if (Math.abs(f) < EPS) continue;
      for (let j = 0; j <= n + m; j++) t[i]![j]! -= f * pivot[j]!;
    }
    const f = cost[enter]!;
    for (let j = 0; j <= n + m; j++) cost[j]! -= f * pivot[j]!;
    basis[leave] = enter;
  }
  return false;
}
