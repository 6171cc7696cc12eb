import {
  type NetworkAggregates,
  padSequence,
  type RollupRepository,
  type SourceKey,
  type StoredContribution,
} from '@sisi/data';
import {
  type Contribution,
  contributionOf,
  emptyContribution,
  feedsRollups,
  mentorshipIdOf,
  normalize,
  type RollupMentorship,
  type SourceItem,
  sameContribution,
  sumContributions,
} from '@sisi/domain';

/** One difference between the stored rollups and what the source data gives. */
export interface Drift {
  networkId: string;
  kind: 'counter' | 'label' | 'contribution';
  /** The quarter (counters), the label key, or the source item (`PK SK`). */
  where: string;
  name?: string;
  stored: number | string | null;
  expected: number | string | null;
}

export interface RebuildDeps {
  rollups: RollupRepository;
  /** Every network whose table is read. */
  networkIds(): Promise<string[]>;
  /** Every item of a network's table, page by page (a Scan: the rebuild is no request path). */
  scan(networkId: string): AsyncIterable<SourceItem[]>;
}

export interface RebuildResult {
  networks: number;
  /** Items that feed the rollups, read from the tables. */
  items: number;
  drift: Drift[];
  fixed: boolean;
}

const ZERO_SEQ = padSequence('0');
const sourceOf = (item: SourceItem): SourceKey => ({ PK: String(item.PK), SK: String(item.SK) });
const sourceId = (s: SourceKey) => `${s.PK}#${s.SK}`;

/**
 * Recomputes every rollup from the source data and compares: each network's counters per
 * quarter and labels, and each item's stored contribution. With `fix`, the stored rollups
 * become the recomputed ones (sequence numbers kept, so stream records already applied
 * stay no-ops). Run the fix while nothing writes: it is not one transaction.
 *
 * @example
 * const { drift } = await rebuildRollups(deps, { fix: false });
 * for (const d of drift) console.log(d.networkId, d.kind, d.where, d.stored, '→', d.expected);
 */
export async function rebuildRollups(
  deps: RebuildDeps,
  options: { fix: boolean },
): Promise<RebuildResult> {
  const drift: Drift[] = [];
  let items = 0;
  const networkIds = await deps.networkIds();
  for (const networkId of networkIds) {
    const sources: SourceItem[] = [];
    const mentorships = new Map<string, RollupMentorship>();
    for await (const page of deps.scan(networkId)) {
      for (const item of page) {
        if (item.entity === 'mentorship' && typeof item.startDate === 'string') {
          const id = mentorshipIdOf(item);
          const schedule = item.schedule as { midTermReview?: string } | undefined;
          if (id) {
            mentorships.set(id, {
              startDate: item.startDate,
              ...(schedule?.midTermReview ? { midTermReview: schedule.midTermReview } : {}),
            });
          }
        }
        if (feedsRollups(item)) sources.push(item);
      }
    }
    items += sources.length;
    const facts = { mentorship: (id: string) => mentorships.get(id) };
    const expected = new Map<string, { source: SourceKey; contribution: Contribution }>();
    for (const item of sources) {
      const source = sourceOf(item);
      expected.set(sourceId(source), { source, contribution: contributionOf(item, facts) });
    }
    const total = sumContributions([...expected.values()].map((e) => e.contribution));
    const stored = await deps.rollups.getNetwork(networkId);
    drift.push(...compareAggregates(networkId, stored, total));

    const storedContributions = await deps.rollups.listContributions(networkId);
    const repairs: { source: SourceKey; stored: StoredContribution }[] = [];
    for (const [id, e] of expected) {
      const s = storedContributions.get(id);
      if (s && sameContribution(s.contribution, e.contribution)) continue;
      drift.push({
        networkId,
        kind: 'contribution',
        where: `${e.source.PK} ${e.source.SK}`,
        stored: s ? JSON.stringify(normalize(s.contribution).counters) : null,
        expected: JSON.stringify(normalize(e.contribution).counters),
      });
      repairs.push({
        source: e.source,
        stored: { seq: s?.seq ?? ZERO_SEQ, contribution: e.contribution },
      });
    }
    // contributions of items no longer in the table (deleted without a stream record)
    for (const [id, s] of storedContributions) {
      if (expected.has(id) || sameContribution(s.contribution, emptyContribution())) continue;
      drift.push({
        networkId,
        kind: 'contribution',
        where: `${s.source.PK} ${s.source.SK}`,
        stored: JSON.stringify(normalize(s.contribution).counters),
        expected: null,
      });
      repairs.push({ source: s.source, stored: { seq: s.seq, contribution: emptyContribution() } });
    }
    if (options.fix && (repairs.length || drift.some((d) => d.networkId === networkId))) {
      await deps.rollups.replaceNetwork(
        networkId,
        { quarters: total.counters, labels: total.labels },
        repairs,
      );
    }
  }
  return { networks: networkIds.length, items, drift, fixed: options.fix };
}

/** Counter and label differences between stored and recomputed aggregates. */
export function compareAggregates(
  networkId: string,
  stored: NetworkAggregates,
  expected: Contribution,
): Drift[] {
  const drift: Drift[] = [];
  const quarters = new Set([...Object.keys(stored.quarters), ...Object.keys(expected.counters)]);
  for (const quarter of [...quarters].sort()) {
    const s = stored.quarters[quarter] ?? {};
    const e = expected.counters[quarter] ?? {};
    for (const name of [...new Set([...Object.keys(s), ...Object.keys(e)])].sort()) {
      const a = s[name] ?? 0;
      const b = e[name] ?? 0;
      if (Math.abs(a - b) > 1e-9) {
        drift.push({ networkId, kind: 'counter', where: quarter, name, stored: a, expected: b });
      }
    }
  }
  for (const key of new Set([...Object.keys(stored.labels), ...Object.keys(expected.labels)])) {
    const a = stored.labels[key] ?? null;
    const b = expected.labels[key] ?? null;
    if (a !== b) drift.push({ networkId, kind: 'label', where: key, stored: a, expected: b });
  }
  return drift;
}
