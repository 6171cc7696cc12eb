import { ConflictError, padSequence, type RollupRepository, type SourceKey } from '@sisi/data';
import {
  contributionDelta,
  contributionOf,
  feedsRollups,
  mentorshipsNeeded,
  type RollupMentorship,
  type SourceItem,
} from '@sisi/domain';
import { RollupContentionError } from './errors.ts';

/** One write to a network table, as both runtimes' streams report it. */
export interface RollupRecord {
  networkId: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  /** The stream's sequence number (a decimal string): later writes of an item have larger ones. */
  sequenceNumber: string;
  keys: SourceKey;
  /** The item after the write (absent for REMOVE), keys included. */
  newImage?: SourceItem;
  oldImage?: SourceItem;
}

export interface RollupDeps {
  rollups: RollupRepository;
  /** Facts of some mentorships of a network, read from its table (missing ones left out). */
  mentorshipFacts(networkId: string, ids: string[]): Promise<Map<string, RollupMentorship>>;
}

/** What became of a record: applied, older than (or the same as) what is stored, or not ours. */
export type RollupOutcome = 'applied' | 'stale' | 'skipped';

export interface RollupHandler {
  /** One record: its item's contribution replaces the stored one, the aggregates follow. */
  apply(record: RollupRecord): Promise<RollupOutcome>;
  /** Records of one shard, in order; stops at the first failure (the rest are retried). */
  handle(records: RollupRecord[]): Promise<RollupOutcome[]>;
}

const RETRIES = 8;

/**
 * The rollup handler, the same behind DynamoDB Streams on AWS and the local poller. A
 * record's new image gives its item's whole contribution; the stored contribution is
 * subtracted and the new one added in one transaction that also records the sequence
 * number. A record at or below the stored sequence number changes nothing, so replays and
 * out-of-order deliveries are harmless by construction.
 *
 * @example
 * const rollup = createRollupHandler({ rollups, mentorshipFacts });
 * await rollup.apply(record); // 'applied'
 * await rollup.apply(record); // 'stale': a replay changes nothing
 */
export function createRollupHandler(deps: RollupDeps): RollupHandler {
  async function apply(record: RollupRecord): Promise<RollupOutcome> {
    if (!feedsRollups(record.newImage) && !feedsRollups(record.oldImage)) return 'skipped';
    const seq = padSequence(record.sequenceNumber);
    const needed = mentorshipsNeeded(record.newImage);
    const facts = needed.length
      ? await deps.mentorshipFacts(record.networkId, needed)
      : new Map<string, RollupMentorship>();
    const next = contributionOf(record.newImage, { mentorship: (id) => facts.get(id) });
    for (let attempt = 1; ; attempt++) {
      const stored = await deps.rollups.getContribution(record.networkId, record.keys);
      if (stored && stored.seq >= seq) return 'stale';
      try {
        await deps.rollups.applyContribution({
          networkId: record.networkId,
          source: record.keys,
          previousSeq: stored?.seq,
          next: { seq, contribution: next },
          delta: contributionDelta(next, stored?.contribution),
        });
        return 'applied';
      } catch (error) {
        // another record of the same item won the race: read again (it may be newer)
        if (!(error instanceof ConflictError)) throw error;
        if (attempt >= RETRIES) {
          throw new RollupContentionError(record.networkId, record.keys, { cause: error });
        }
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
      }
    }
  }
  return {
    apply,
    async handle(records) {
      const outcomes: RollupOutcome[] = [];
      for (const r of records) outcomes.push(await apply(r));
      return outcomes;
    },
  };
}
