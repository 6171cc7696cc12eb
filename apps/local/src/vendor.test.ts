import { copyFile, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChecksumMismatchError } from './errors.ts';
import {
  DYNAMODB_LOCAL_JAR_SHA256,
  DYNAMODB_LOCAL_VERSION,
  dynamoDbLocalDir,
  findRepoRoot,
  sha256File,
  verifySha256,
} from './vendor.ts';

const scratch = await mkdtemp(join(tmpdir(), 'sisi-vendor-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('verifySha256', () => {
  it('accepts the vendored jar with the pinned hash', async () => {
    await expect(
      verifySha256(join(dynamoDbLocalDir(), 'DynamoDBLocal.jar'), DYNAMODB_LOCAL_JAR_SHA256),
    ).resolves.toBeUndefined();
  });

  it('rejects a jar with one byte changed', async () => {
    const tampered = join(scratch, 'DynamoDBLocal.jar');
    await copyFile(join(dynamoDbLocalDir(), 'DynamoDBLocal.jar'), tampered);
    const file = await open(tampered, 'r+');
    try {
      const byte = Buffer.alloc(1);
      await file.read(byte, 0, 1, 4096);
      byte[0] = (byte[0] ?? 0) ^ 0xff;
      await file.write(byte, 0, 1, 4096);
    } finally {
      await file.close();
    }
    const error = await verifySha256(tampered, DYNAMODB_LOCAL_JAR_SHA256).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect(error).toMatchObject({ expected: DYNAMODB_LOCAL_JAR_SHA256, file: tampered });
  });

  it('hashes like sha256sum', async () => {
    const file = join(scratch, 'abc.txt');
    await writeFile(file, 'abc');
    expect(await sha256File(file)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('vendor paths', () => {
  it('agree with scripts/setup.mjs, which installs what we run', async () => {
    const setup = await readFile(join(findRepoRoot(), 'scripts', 'setup.mjs'), 'utf8');
    expect(setup).toContain(`const DYNAMODB_LOCAL_VERSION = '${DYNAMODB_LOCAL_VERSION}';`);
    expect(setup).toContain(`const JAR_SHA256 = '${DYNAMODB_LOCAL_JAR_SHA256}';`);
    expect(setup).toContain("join(repoRoot, '.sisi', 'vendor')");
    expect(dynamoDbLocalDir('/repo')).toBe(
      `/repo/.sisi/vendor/dynamodb-local-${DYNAMODB_LOCAL_VERSION}`,
    );
  });

  it('finds the repo root by pnpm-workspace.yaml, and fails outside a repo', async () => {
    const root = findRepoRoot();
    await expect(readFile(join(root, 'pnpm-workspace.yaml'), 'utf8')).resolves.toContain(
      'packages',
    );
    expect(() => findRepoRoot(scratch)).toThrow(/pnpm-workspace\.yaml/);
  });
});
