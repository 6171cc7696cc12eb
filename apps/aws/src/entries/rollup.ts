import { createRollupLambda, perInstance } from '../lambdas.ts';

/** The rollup Lambda, on every network table's stream with `ReportBatchItemFailures`. */
export const handler = perInstance(() => createRollupLambda(process.env));
