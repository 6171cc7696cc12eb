import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { createDocumentClient, PlatformRepository, platformTableName } from '@sisi/data';
import {
  type DynamoDbLocal,
  dynamoDbLocalClientConfig,
  startDynamoDbLocal,
} from './dynamodb-local.ts';
import { rebuildLocalRollups } from './rollups.ts';

const USAGE = `pnpm rollups:rebuild [--fix] [--endpoint URL | --aws] [--data-dir DIR] [--prefix sisi]

Recomputes every donor rollup from the network tables and prints where the stored rollups
differ. --fix writes the recomputed ones (run it while nothing writes).
  --endpoint  a running DynamoDB (the "DynamoDB Local:" line of pnpm start)
  --aws       DynamoDB of the AWS account and region of the environment
  neither     starts DynamoDB Local on the data folder (stop pnpm start first)
Exit code: 0 no drift (or fixed), 1 drift found, 2 failure.`;

/** `pnpm rollups:rebuild`: compare (and with `--fix` repair) the donor rollups. */
async function main(): Promise<number> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: {
      fix: { type: 'boolean', default: false },
      endpoint: { type: 'string' },
      aws: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      prefix: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const prefix = values.prefix ?? process.env.SISI_TABLE_PREFIX ?? 'sisi';
  let db: DynamoDbLocal | undefined;
  let config = {};
  if (values.endpoint) {
    config = dynamoDbLocalClientConfig(values.endpoint);
  } else if (!values.aws) {
    const dataDir = resolve(values['data-dir'] ?? process.env.SISI_DATA_DIR ?? '.sisi/data');
    db = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
    config = dynamoDbLocalClientConfig(db.endpoint);
  }
  const doc = createDocumentClient(config);
  try {
    try {
      await doc.send(new DescribeTableCommand({ TableName: platformTableName(prefix) }));
    } catch (error) {
      if ((error as Error).name !== 'ResourceNotFoundException') throw error;
      console.error(`no Sisi data here: table ${platformTableName(prefix)} does not exist`);
      return 2;
    }
    const platform = new PlatformRepository(doc, platformTableName(prefix));
    const result = await rebuildLocalRollups({ platform, doc }, prefix, { fix: values.fix });
    for (const d of result.drift.slice(0, 200)) {
      const what = d.name ? `${d.where} ${d.name}` : d.where;
      console.log(
        `${d.networkId}  ${d.kind}  ${what}: stored ${d.stored} → expected ${d.expected}`,
      );
    }
    if (result.drift.length > 200) console.log(`… and ${result.drift.length - 200} more`);
    console.log(
      `${result.networks} networks, ${result.items} items read; drift: ${result.drift.length}${result.fixed && result.drift.length ? ' (fixed)' : ''}`,
    );
    return result.drift.length && !result.fixed ? 1 : 0;
  } finally {
    doc.destroy();
    await db?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
