import type { Contribution } from '../contribution.ts';

/** An item as stored in a network table, keys included (`PK`, `SK`, `entity`, …). */
export type SourceItem = Record<string, unknown>;

/** What the rollup knows about a mentorship when another item needs it. */
export interface RollupMentorship {
  startDate: string;
  /** The mid-term review's date (the reflection questionnaire's). */
  midTermReview?: string;
}

/**
 * Facts about other items that a contribution depends on, looked up before the module
 * runs (by the stream handler in the table, by the rebuild in what it read), so modules
 * stay pure. Only facts that never change once written are asked for: a contribution
 * must not go stale when another item changes.
 */
export interface RollupFacts {
  mentorship(id: string): RollupMentorship | undefined;
}

/**
 * One kind of stored item and what it adds to the donor rollups. Each kind of item is
 * one small module; `contributionModules` lists them by `entity`.
 *
 * @example
 * const gatherings: ContributionModule = {
 *   entity: 'gathering',
 *   contribute: (item) => contributionBuilder().add(quarterOf(String(item.date)), 'events').build(),
 * };
 */
export interface ContributionModule {
  /** The item's `entity` attribute. */
  entity: string;
  /** Mentorships whose facts `contribute` reads. */
  mentorshipsNeeded?(item: SourceItem): string[];
  contribute(item: SourceItem, facts: RollupFacts): Contribution;
}

/** `MENTORSHIP#<id>` → `<id>` (children of a mentorship live in its partition). */
export function mentorshipIdOf(item: SourceItem): string | undefined {
  const pk = typeof item.PK === 'string' ? item.PK : '';
  return pk.startsWith('MENTORSHIP#') ? pk.slice('MENTORSHIP#'.length) : undefined;
}
