import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChecksumMismatchError, DynamoDbLocalError } from './errors.ts';

// Repeated in scripts/setup.mjs, which must run before TypeScript can; vendor.test.ts
// fails when the two disagree.
export const DYNAMODB_LOCAL_VERSION = '2.9.30';
export const DYNAMODB_LOCAL_JAR_SHA256 =
  '454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7';

/**
 * The monorepo root: the nearest folder above `from` holding `pnpm-workspace.yaml`.
 *
 * @example findRepoRoot() // '/srv/sisi'
 */
export function findRepoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new DynamoDbLocalError(`no pnpm-workspace.yaml in ${from} or any folder above it`);
    }
    dir = parent;
  }
  return dir;
}

/**
 * Where `scripts/setup.mjs` extracts DynamoDB Local (the jar, its native libraries and
 * AWS's license).
 *
 * @example dynamoDbLocalDir() // '/srv/sisi/.sisi/vendor/dynamodb-local-2.9.30'
 */
export function dynamoDbLocalDir(repoRoot: string = findRepoRoot()): string {
  return join(repoRoot, '.sisi', 'vendor', `dynamodb-local-${DYNAMODB_LOCAL_VERSION}`);
}

/**
 * Hex sha256 of a file, streamed so a large jar does not sit in memory.
 *
 * @example await sha256File('package.json') // 'e3b0c442…'
 */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Resolves when `file` has the pinned hash, rejects with `ChecksumMismatchError` otherwise.
 *
 * @example await verifySha256(jarPath, DYNAMODB_LOCAL_JAR_SHA256)
 */
export async function verifySha256(file: string, expected: string): Promise<void> {
  const actual = await sha256File(file);
  if (actual !== expected.toLowerCase()) throw new ChecksumMismatchError(file, expected, actual);
}
