/**
 * The donor rollups: a stream handler that keeps per-network, per-quarter aggregates in the
 * platform table (DynamoDB Streams on AWS, the local poller in the embedded runtime), and
 * the rebuild that recomputes them from the source data.
 *
 * @example
 * import { createRollupHandler } from '@sisi/rollup';
 * const rollup = createRollupHandler({ rollups, mentorshipFacts });
 * await rollup.handle(records);
 */
export { RollupContentionError, RollupError } from './errors.ts';
export { mentorshipFactsFrom } from './facts.ts';
export {
  createRollupHandler,
  type RollupDeps,
  type RollupHandler,
  type RollupOutcome,
  type RollupRecord,
} from './handler.ts';
export {
  compareAggregates,
  type Drift,
  type RebuildDeps,
  type RebuildResult,
  rebuildRollups,
} from './rebuild.ts';
