import { counterName, type DonorGroup, donorGroups } from './catalog.ts';
import type { Counters } from './contribution.ts';
import { MISSING_AFTER_DAYS } from './modules/monitoring.ts';
import { organizationLabel } from './modules/organization.ts';
import { addDays, lastClosedQuarter, type Quarter, quarterRange } from './quarter.ts';
import { type SumRelation, type SuppressionCell, suppress } from './suppression.ts';

/** The threshold of the donor view unless the deployment sets another. */
export const DEFAULT_DONOR_THRESHOLD = 5;

/** What the rollups hold for one network: counters per quarter, and labels. */
export interface NetworkRollup {
  networkId: string;
  name: string;
  quarters: Record<Quarter, Counters>;
  labels: Record<string, string>;
}

/** A cell as a donor sees it: a number, or withheld because it is small or gives one away. */
export type DonorCell = { value: number } | { withheld: true };

/** One group's cells: its total, (for sums and means) how many things, and breakdowns. */
export interface DonorGroupCells {
  total: DonorCell;
  count?: DonorCell;
  tables: Record<string, Record<string, DonorCell>>;
}
export type DonorGroupsView = Record<string, DonorGroupCells>;

/** `GET /summary`: per network and in total, over every closed quarter. */
export interface DonorSummary {
  threshold: number;
  /** The last quarter counted (the last one that has ended); `null` before any data. */
  through: Quarter | null;
  quarters: Quarter[];
  networks: {
    networkId: string;
    name: string;
    /** Names of the organizations that agreed to be named to donors. */
    organizationNames: string[];
    groups: DonorGroupsView;
  }[];
  total: { groups: DonorGroupsView };
}

/** `GET /summary/quarters`: the same cells quarter by quarter, for trends. */
export interface DonorTrends {
  threshold: number;
  through: Quarter | null;
  networkId?: string;
  quarters: { quarter: Quarter; groups: DonorGroupsView }[];
}

const ALL = '*';
/** A cell's id in a network's grid: the quarter (or `*` for all of them) and the counter. */
const cellId = (quarter: string, counter: string) => `${quarter}|${counter}`;

interface Grid {
  /** Counter values (a count, an amount or a sum of scores) by cell id. */
  value: Map<string, number>;
  /** Number of things behind each cell, by cell id. */
  support: Map<string, number>;
  withheld: Set<string>;
}

/** The counters a group shows: its total (and support), and each table's values. */
function groupCounters(g: DonorGroup): { total: string; support?: string; cells: string[] } {
  return {
    total: counterName.total(g.id),
    ...(g.measure === 'count' ? {} : { support: counterName.support(g.id) }),
    cells: g.tables.flatMap((t) => t.values.map((v) => counterName.cell(g.id, t.id, v))),
  };
}

/**
 * The counters of one quarter as shown: compliance's `missing` and total are worked out
 * here, because "missing" depends on today (review date + 28 days passed, no report).
 */
function shownCounters(stored: Counters | undefined, today: string): Counters {
  const c: Counters = { ...stored };
  let missing = 0;
  for (const [name, due] of Object.entries(c)) {
    if (!name.startsWith('quarterlyReports.due@')) continue;
    const date = name.slice('quarterlyReports.due@'.length);
    if (addDays(date, MISSING_AFTER_DAYS) > today) continue;
    missing += Math.max(0, due - (c[counterName.submitted(date)] ?? 0));
  }
  const status = (s: string) => c[counterName.cell('quarterlyReports', 'status', s)] ?? 0;
  c[counterName.cell('quarterlyReports', 'status', 'missing')] = missing;
  c[counterName.total('quarterlyReports')] = status('on-time') + status('late') + missing;
  return c;
}

/**
 * A network's grid (its quarters and all-time margins) with its own suppression. It
 * depends on the network's data alone, never on who asks or which other networks they see,
 * so two donors comparing their views learn nothing more than each alone.
 */
function networkGrid(
  rollup: NetworkRollup,
  quarters: Quarter[],
  today: string,
  threshold: number,
): Grid {
  const value = new Map<string, number>();
  const support = new Map<string, number>();
  const withheld = new Set<string>();
  const shown = new Map(quarters.map((q) => [q, shownCounters(rollup.quarters[q], today)]));
  for (const g of donorGroups) {
    const { total, support: supportCounter, cells: cellCounters } = groupCounters(g);
    const cells: SuppressionCell[] = [];
    const relations: SumRelation[] = [];
    const put = (id: string, v: number, s: number) => {
      value.set(id, v);
      support.set(id, s);
      cells.push({ id, support: s });
    };
    for (const counter of [total, ...cellCounters]) {
      let allValue = 0;
      let allSupport = 0;
      for (const q of quarters) {
        const c = shown.get(q)!;
        const v = c[counter] ?? 0;
        // a table cell counts things; the total of a sum or mean is backed by its support
        const s = counter === total && supportCounter ? (c[supportCounter] ?? 0) : v;
        put(cellId(q, counter), v, s);
        allValue += v;
        allSupport += s;
      }
      put(cellId(ALL, counter), allValue, allSupport);
      relations.push({
        total: cellId(ALL, counter),
        parts: quarters.map((q) => cellId(q, counter)),
      });
    }
    for (const t of g.tables.filter((t) => t.additive)) {
      for (const q of [...quarters, ALL]) {
        relations.push({
          total: cellId(q, total),
          parts: t.values.map((v) => cellId(q, counterName.cell(g.id, t.id, v))),
        });
      }
    }
    for (const id of suppress({ cells, relations, threshold })) withheld.add(id);
  }
  return { value, support, withheld };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The shown number of a cell: a count, an amount, or a mean of scores. */
function shownValue(g: DonorGroup, counter: string, value: number, support: number): number {
  if (g.measure === 'mean' && counter === counterName.total(g.id)) {
    return support > 0 ? round(value / support) : 0;
  }
  return round(value);
}

/** Cells of one column (a quarter or `*`) of several grids, summed; withheld if any part is. */
function groupsView(grids: Grid[], column: string): DonorGroupsView {
  const cell = (g: DonorGroup, counter: string, asSupport = false): DonorCell => {
    let v = 0;
    let s = 0;
    for (const grid of grids) {
      const id = cellId(column, counter);
      // a sum over networks is shown only when every part is: it then reveals nothing new
      if (grid.withheld.has(id)) return { withheld: true };
      v += grid.value.get(id) ?? 0;
      s += grid.support.get(id) ?? 0;
    }
    return { value: asSupport ? s : shownValue(g, counter, v, s) };
  };
  const out: DonorGroupsView = {};
  for (const g of donorGroups) {
    const total = counterName.total(g.id);
    out[g.id] = {
      total: cell(g, total),
      ...(g.measure === 'count' ? {} : { count: cell(g, total, true) }),
      tables: Object.fromEntries(
        g.tables.map((t) => [
          t.id,
          Object.fromEntries(t.values.map((v) => [v, cell(g, counterName.cell(g.id, t.id, v))])),
        ]),
      ),
    };
  }
  return out;
}

/** Every quarter from the first one with data in any of `rollups` to the last closed one. */
function quartersOf(rollups: NetworkRollup[], through: Quarter): Quarter[] {
  const first = rollups
    .flatMap((r) => Object.keys(r.quarters))
    .filter((q) => q <= through)
    .sort()[0];
  return first ? quarterRange(first, through) : [];
}

export interface SummaryOptions {
  now: Date;
  threshold?: number;
}

function grids(rollups: NetworkRollup[], options: SummaryOptions) {
  const threshold = options.threshold ?? DEFAULT_DONOR_THRESHOLD;
  const through = lastClosedQuarter(options.now);
  const quarters = quartersOf(rollups, through);
  const today = options.now.toISOString().slice(0, 10);
  return {
    threshold,
    through: quarters.length ? through : null,
    quarters,
    grids: rollups.map((r) => networkGrid(r, quarters, today, threshold)),
  };
}

/**
 * The donor summary of `rollups` (the networks one donor may see, or all of them for the
 * operator): every closed quarter added up, per network and in total, small cells withheld.
 *
 * @example
 * const summary = donorSummary(rollups, { now: clock.now(), threshold: 5 });
 * summary.total.groups.mentorships.total; // { value: 42 } or { withheld: true }
 */
export function donorSummary(rollups: NetworkRollup[], options: SummaryOptions): DonorSummary {
  const { threshold, through, quarters, grids: gs } = grids(rollups, options);
  return {
    threshold,
    through,
    quarters,
    networks: rollups.map((r, i) => ({
      networkId: r.networkId,
      name: r.name,
      organizationNames: Object.entries(r.labels)
        .filter(([k]) => k.startsWith(organizationLabel('')))
        .map(([, name]) => name)
        .sort((a, b) => a.localeCompare(b, 'en')),
      groups: groupsView([gs[i]!], ALL),
    })),
    total: { groups: groupsView(gs, ALL) },
  };
}

/**
 * The same cells quarter by quarter: for all of `rollups` together, or for one network
 * when `networkId` names it.
 *
 * @example donorTrends(rollups, { now }).quarters[0]; // { quarter: '2025-Q3', groups: {…} }
 */
export function donorTrends(
  rollups: NetworkRollup[],
  options: SummaryOptions & { networkId?: string },
): DonorTrends {
  const { threshold, through, quarters, grids: gs } = grids(rollups, options);
  const picked = options.networkId
    ? gs.filter((_, i) => rollups[i]!.networkId === options.networkId)
    : gs;
  return {
    threshold,
    through,
    ...(options.networkId ? { networkId: options.networkId } : {}),
    quarters: quarters.map((q) => ({ quarter: q, groups: groupsView(picked, q) })),
  };
}

/** Every cell of a groups view (for checks: `[path, cell]` pairs). */
export function cellsOf(view: DonorGroupsView): [string, DonorCell][] {
  const out: [string, DonorCell][] = [];
  for (const [g, cells] of Object.entries(view)) {
    out.push([`${g}.total`, cells.total]);
    if (cells.count) out.push([`${g}.count`, cells.count]);
    for (const [t, values] of Object.entries(cells.tables)) {
      for (const [v, c] of Object.entries(values)) out.push([`${g}.${t}.${v}`, c]);
    }
  }
  return out;
}
