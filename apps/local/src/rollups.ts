import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { networkTableName, platformTableName, RollupRepository } from '@sisi/data';
import type { SourceItem } from '@sisi/domain';
import { type RebuildResult, rebuildRollups } from '@sisi/rollup';
import type { LocalDeps } from './local-deps.ts';

/** Set once the rollups have been built from the tables (first start with this feature). */
const INITIALIZED = 'rollups.initialized';

/**
 * `pnpm rollups:rebuild` on the embedded runtime's tables: every network of the platform
 * table, each table read whole (a Scan: this is no request path).
 *
 * @example const { drift } = await rebuildLocalRollups(local, 'sisi', { fix: false });
 */
export async function rebuildLocalRollups(
  local: Pick<LocalDeps, 'platform' | 'doc'>,
  tablePrefix: string,
  options: { fix: boolean },
): Promise<RebuildResult> {
  const { doc } = local;
  return rebuildRollups(
    {
      rollups: new RollupRepository(doc, platformTableName(tablePrefix)),
      async networkIds() {
        const ids: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await local.platform.listNetworks(100, cursor);
          ids.push(...page.items.filter((n) => n.status !== 'failed').map((n) => n.id));
          cursor = page.cursor;
        } while (cursor);
        return ids;
      },
      async *scan(networkId) {
        let start: Record<string, unknown> | undefined;
        do {
          const out = await doc.send(
            new ScanCommand({
              TableName: networkTableName(tablePrefix, networkId),
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

/**
 * The runtime's donor rollups: built from the tables on the first start that has them
 * (data from before, whose stream records are gone), then kept by the stream poller every
 * `intervalMs`, and brought up to date before `POST /dev/clock` answers.
 */
export async function startLocalRollups(
  local: LocalDeps,
  tablePrefix: string,
  intervalMs = 1000,
): Promise<void> {
  if (!(await local.platform.getSetting<boolean>(INITIALIZED))) {
    await local.rollups.drain();
    await rebuildLocalRollups(local, tablePrefix, { fix: true });
    await local.platform.putSetting(INITIALIZED, true);
  }
  local.clock.onAdvance(() => local.rollups.drain());
  local.rollups.start(intervalMs);
}
