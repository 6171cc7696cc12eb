import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  type NetworkAggregates,
  networkTableName,
  platformTableName,
  RollupRepository,
} from '@sisi/data';
import type { SourceItem } from '@sisi/domain';
import { type RebuildResult, rebuildRollups } from '@sisi/rollup';
import type { TestApi } from './api.ts';

/** The rollups of the test API's platform table. */
export const rollupsOf = (api: TestApi): RollupRepository =>
  new RollupRepository(api.local.doc, platformTableName(api.prefix));

/** A network's stored aggregates, with counters at 0 left out. */
export async function aggregatesOf(api: TestApi, networkId: string): Promise<NetworkAggregates> {
  return rollupsOf(api).getNetwork(networkId);
}

/** The rebuild over the given networks' tables (a Scan of each), as `pnpm rollups:rebuild`. */
export function rebuild(
  api: TestApi,
  networkIds: string[],
  options: { fix: boolean } = { fix: false },
): Promise<RebuildResult> {
  const doc = api.local.doc;
  return rebuildRollups(
    {
      rollups: rollupsOf(api),
      networkIds: async () => networkIds,
      async *scan(networkId) {
        let start: Record<string, unknown> | undefined;
        do {
          const out = await doc.send(
            new ScanCommand({
              TableName: networkTableName(api.prefix, networkId),
              ExclusiveStartKey: start,
            }),
          );
          yield (out.Items ?? []) as SourceItem[];
          start = out.LastEvaluatedKey;
        } while (start);
      },
    },
    options,
  );
}
