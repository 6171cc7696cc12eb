import type { Quarter } from './quarter.ts';

/** Counter name → amount, within one quarter. */
export type Counters = Record<string, number>;

/**
 * What one stored item adds to the donor rollups of its network: amounts per quarter and
 * counter, and labels (an opted-in organization's name). Replacing an item's contribution
 * by a newer one is how every write reaches the rollups.
 */
export interface Contribution {
  counters: Record<Quarter, Counters>;
  labels: Record<string, string>;
}

export const emptyContribution = (): Contribution => ({ counters: {}, labels: {} });

/**
 * A contribution builder: `add` accumulates, zero amounts are dropped.
 *
 * @example
 * const c = contributionBuilder().add('2026-Q1', 'mentorships', 1).build();
 */
export function contributionBuilder() {
  const out = emptyContribution();
  const builder = {
    add(quarter: Quarter, counter: string, amount = 1) {
      if (amount === 0 || !Number.isFinite(amount)) return builder;
      const q = out.counters[quarter] ?? {};
      out.counters[quarter] = q;
      q[counter] = (q[counter] ?? 0) + amount;
      return builder;
    },
    label(key: string, value: string) {
      out.labels[key] = value;
      return builder;
    },
    build(): Contribution {
      return normalize(out);
    },
  };
  return builder;
}

/** Floating sums of quarter hours stay exact; anything else is rounded to 1e-9. */
const clean = (n: number) => Math.round(n * 1e9) / 1e9;

/** Drops zero counters and empty quarters (so equal contributions compare equal). */
export function normalize(c: Contribution): Contribution {
  const counters: Record<Quarter, Counters> = {};
  for (const [q, cs] of Object.entries(c.counters)) {
    const kept = Object.entries(cs)
      .map(([k, v]) => [k, clean(v)] as const)
      .filter(([, v]) => v !== 0);
    if (kept.length) counters[q] = Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : 1)));
  }
  return { counters, labels: { ...c.labels } };
}

/** `a + sign·b`, counter by counter. */
export function combine(a: Contribution, b: Contribution, sign: 1 | -1 = 1): Contribution {
  const counters: Record<Quarter, Counters> = {};
  for (const [src, s] of [
    [a, 1],
    [b, sign],
  ] as const) {
    for (const [q, cs] of Object.entries(src.counters)) {
      const into = counters[q] ?? {};
      counters[q] = into;
      for (const [k, v] of Object.entries(cs)) into[k] = (into[k] ?? 0) + s * v;
    }
  }
  return normalize({ counters, labels: sign === 1 ? { ...a.labels, ...b.labels } : a.labels });
}

/**
 * What changes in the rollups when an item's contribution goes from `previous` to `next`:
 * the counter increments (`next − previous`), labels to set and labels to remove.
 *
 * @example
 * const d = contributionDelta(next, stored);
 * // apply d.counters with ADD, d.setLabels with SET, d.removeLabels with REMOVE
 */
export function contributionDelta(next: Contribution, previous: Contribution | undefined) {
  const prev = previous ?? emptyContribution();
  const setLabels: Record<string, string> = {};
  for (const [k, v] of Object.entries(next.labels)) if (prev.labels[k] !== v) setLabels[k] = v;
  const removeLabels = Object.keys(prev.labels).filter((k) => !(k in next.labels));
  return { counters: combine(next, prev, -1).counters, setLabels, removeLabels };
}

/** Sums many contributions (the rebuild: every item's contribution, added up). */
export function sumContributions(all: Iterable<Contribution>): Contribution {
  const counters: Record<Quarter, Counters> = {};
  const labels: Record<string, string> = {};
  for (const c of all) {
    for (const [q, cs] of Object.entries(c.counters)) {
      const into = counters[q] ?? {};
      counters[q] = into;
      for (const [k, v] of Object.entries(cs)) into[k] = (into[k] ?? 0) + v;
    }
    Object.assign(labels, c.labels);
  }
  return normalize({ counters, labels });
}

/** Whether two contributions are the same (after normalizing). */
export function sameContribution(a: Contribution, b: Contribution): boolean {
  return JSON.stringify(sortedLabels(normalize(a))) === JSON.stringify(sortedLabels(normalize(b)));
}

function sortedLabels(c: Contribution): Contribution {
  const counters = Object.fromEntries(
    Object.entries(c.counters).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  const labels = Object.fromEntries(Object.entries(c.labels).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { counters, labels };
}
