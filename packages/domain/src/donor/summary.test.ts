import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterName, donorGroups } from './catalog.ts';
import type { Counters } from './contribution.ts';
import { nextQuarter, quarterRange } from './quarter.ts';
import {
  cellsOf,
  type DonorCell,
  type DonorGroupsView,
  donorSummary,
  donorTrends,
  type NetworkRollup,
} from './summary.ts';

const NOW = new Date('2026-05-20T12:00:00Z'); // the last closed quarter is 2026-Q1
const QUARTERS = quarterRange('2025-Q2', '2026-Q1');

const small = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 7, max: 40 }) },
);

/** Counters of one quarter that hang together: stage and type add up to the total. */
const quarterCounters = fc
  .record({
    stages: fc.array(small, { minLength: 5, maxLength: 5 }),
    oneToMany: fc.nat(),
    approaches: fc.array(small, { minLength: 3, maxLength: 3 }),
    kpLed: fc.array(small, { minLength: 2, maxLength: 2 }),
    onTime: small,
    late: small,
    dueUnanswered: small,
    reports: small,
    hours: fc.integer({ min: 0, max: 400 }),
  })
  .map((r) => {
    const total = r.stages.reduce((s, v) => s + v, 0);
    const many = total ? r.oneToMany % (total + 1) : 0;
    const c: Counters = {
      mentorships: total,
      'mentorships.type:one-to-one': total - many,
      'mentorships.type:one-to-many': many,
      organizations: r.kpLed[0]! + r.kpLed[1]!,
      'organizations.kpLed:yes': r.kpLed[0]!,
      'organizations.kpLed:no': r.kpLed[1]!,
      'quarterlyReports.status:on-time': r.onTime,
      'quarterlyReports.status:late': r.late,
    };
    const stages = [
      'build-relationship',
      'identify-expectations',
      'manage-process',
      'monitor',
      'end',
    ];
    stages.forEach((s, i) => {
      c[`mentorships.stage:${s}`] = r.stages[i]!;
    });
    ['on-site', 'twinning', 'telementoring'].forEach((a, i) => {
      c[`mentorships.approach:${a}`] = r.approaches[i]!;
    });
    // reviews due early in the quarter: past the 28 days by NOW
    c['quarterlyReports.due@DATE'] = r.onTime + r.late + r.dueUnanswered;
    c['quarterlyReports.submitted@DATE'] = r.onTime + r.late;
    if (r.reports > 0 && r.hours > 0) {
      c.interactionHours = r.hours;
      c['interactionHours#n'] = r.reports;
    }
    return c;
  });

const firstDayOf = (q: string) =>
  `${q.slice(0, 4)}-${String((Number(q.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-05`;

const rollup = (i: number) =>
  fc.array(quarterCounters, { minLength: QUARTERS.length, maxLength: QUARTERS.length }).map(
    (per): NetworkRollup => ({
      networkId: `net-${i}`,
      name: `Network ${i}`,
      labels: {},
      quarters: Object.fromEntries(
        QUARTERS.map((q, k) => {
          const d = firstDayOf(q);
          const c = Object.fromEntries(
            Object.entries(per[k]!).map(([name, v]) => [name.replace('DATE', d), v]),
          );
          return [q, c];
        }),
      ),
    }),
  );
const networks = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => rollup(i))));

/**
 * Every published cell of the summary and the trends as `network|quarter|path` (network
 * `*` for totals over networks, quarter `*` for all of them), with the sums that hold
 * among them, for an attacker's linear algebra.
 */
function published(rollups: NetworkRollup[], threshold: number) {
  const summary = donorSummary(rollups, { now: NOW, threshold });
  const views = new Map<string, DonorGroupsView>();
  for (const n of summary.networks) views.set(`${n.networkId}|*`, n.groups);
  views.set('*|*', summary.total.groups);
  for (const r of rollups) {
    for (const q of donorTrends(rollups, { now: NOW, threshold, networkId: r.networkId })
      .quarters) {
      views.set(`${r.networkId}|${q.quarter}`, q.groups);
    }
  }
  for (const q of donorTrends(rollups, { now: NOW, threshold }).quarters) {
    views.set(`*|${q.quarter}`, q.groups);
  }
  const cells = new Map<string, DonorCell>();
  for (const [where, view] of views) {
    for (const [path, cell] of cellsOf(view)) cells.set(`${where}|${path}`, cell);
  }
  const relations: { total: string; parts: string[] }[] = [];
  const nets = [...rollups.map((r) => r.networkId), '*'];
  const quarters = summary.quarters;
  const paths = [...new Set(cellsOf(summary.total.groups).map(([p]) => p))].filter(
    (p) => p !== 'interactionHours.total', // an amount: its count is what is protected
  );
  for (const n of nets) {
    for (const p of paths) {
      relations.push({ total: `${n}|*|${p}`, parts: quarters.map((q) => `${n}|${q}|${p}`) });
    }
    for (const q of [...quarters, '*']) {
      for (const g of donorGroups) {
        for (const t of g.tables.filter((t) => t.additive)) {
          relations.push({
            total: `${n}|${q}|${g.id}.total`,
            parts: t.values.map((v) => `${n}|${q}|${g.id}.${t.id}.${v}`),
          });
        }
      }
    }
  }
  for (const q of [...quarters, '*']) {
    for (const p of paths) {
      relations.push({
        total: `*|${q}|${p}`,
        parts: rollups.map((r) => `${r.networkId}|${q}|${p}`),
      });
    }
  }
  return { summary, cells, relations };
}

/** Withheld cells fixed by the visible ones and the sums (rank test, exact enough here). */
function recoverable(
  cells: Map<string, DonorCell>,
  relations: { total: string; parts: string[] }[],
): string[] {
  const unknown = [...cells].filter(([, c]) => 'withheld' in c).map(([id]) => id);
  const index = new Map(unknown.map((id, i) => [id, i]));
  const rows = relations
    .map((r) => {
      const row = new Map<number, number>();
      const add = (id: string, f: number) => {
        const i = index.get(id);
        if (i !== undefined) row.set(i, (row.get(i) ?? 0) + f);
      };
      add(r.total, 1);
      for (const p of r.parts) add(p, -1);
      return row;
    })
    .filter((r) => r.size > 0);
  // dense elimination over the withheld columns
  const m = rows.map((r) => {
    const a = new Array<number>(unknown.length).fill(0);
    for (const [i, v] of r) a[i] = v;
    return a;
  });
  const pivotOf = new Map<number, number>();
  let rank = 0;
  for (let c = 0; c < unknown.length && rank < m.length; c++) {
    const p = m.findIndex((row, i) => i >= rank && Math.abs(row[c]!) > 1e-9);
    if (p < 0) continue;
    [m[rank], m[p]] = [m[p]!, m[rank]!];
    const pv = m[rank]![c]!;
    for (let j = 0; j < unknown.length; j++) m[rank]![j]! /= pv;
    for (let i = 0; i < m.length; i++) {
      if (i === rank || Math.abs(m[i]![c]!) < 1e-12) continue;
      const f = m[i]![c]!;
      for (let j = 0; j < unknown.length; j++) m[i]![j]! -= f * m[rank]![j]!;
    }
    pivotOf.set(c, rank);
    rank++;
  }
  return unknown.filter((_, c) => {
    const r = pivotOf.get(c);
    if (r === undefined) return false;
    return m[r]!.every((v, j) => j === c || Math.abs(v) < 1e-9);
  });
}

describe('donorSummary and donorTrends', () => {
  it('show no cell under the threshold, anywhere', () => {
    fc.assert(
      fc.property(networks, fc.integer({ min: 2, max: 6 }), (rollups, threshold) => {
        const { summary, cells } = published(rollups, threshold);
        expect(summary.through).toBe('2026-Q1');
        for (const [id, cell] of cells) {
          if (!('value' in cell)) continue;
          // hours are an amount: what must not be small is the number of reports behind them
          const count = id.endsWith('interactionHours.total')
            ? cells.get(id.replace(/total$/, 'count'))!
            : cell;
          expect('value' in count, id).toBe(true);
          if ('value' in count)
            expect(count.value === 0 || count.value >= threshold, id).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('leave no withheld cell recoverable from the visible cells and totals of both views', () => {
    fc.assert(
      fc.property(networks, fc.integer({ min: 2, max: 6 }), (rollups, threshold) => {
        const { cells, relations } = published(rollups, threshold);
        expect(recoverable(cells, relations)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('counts a report missing only once 28 days have passed since its review date', () => {
    const base: NetworkRollup = {
      networkId: 'net-a',
      name: 'A',
      labels: {},
      quarters: {
        '2026-Q1': {
          [counterName.due('2026-03-01')]: 6,
          [counterName.due('2026-03-31')]: 7,
          [counterName.submitted('2026-03-01')]: 0,
        },
      },
    };
    const at = (iso: string) =>
      donorSummary([base], { now: new Date(iso), threshold: 5 }).total.groups.quarterlyReports!
        .tables.status!.missing;
    expect(at('2026-04-20T00:00:00Z')).toEqual({ value: 6 }); // Mar 1 + 28 passed, Mar 31 not
    expect(at('2026-04-28T00:00:00Z')).toEqual({ value: 13 });
  });

  it('shows closed quarters only, and opted-in names only', () => {
    const r: NetworkRollup = {
      networkId: 'net-a',
      name: 'A',
      labels: { 'org:o1': 'Thandeka Collective' },
      quarters: { '2026-Q1': { organizations: 9 }, '2026-Q2': { organizations: 30 } },
    };
    const s = donorSummary([r], { now: NOW, threshold: 5 });
    expect(s.quarters).toEqual(['2026-Q1']);
    expect(s.networks[0]!.groups.organizations!.total).toEqual({ value: 9 });
    expect(s.networks[0]!.organizationNames).toEqual(['Thandeka Collective']);
    expect(nextQuarter(s.through!)).toBe('2026-Q2');
  });
});
