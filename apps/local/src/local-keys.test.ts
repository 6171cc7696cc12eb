import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalKeyProvider } from './local-keys.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
const keyFile = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sisi-keys-'));
  dirs.push(dir);
  return join(dir, 'keys', 'master.key');
};

describe('LocalKeyProvider', () => {
  it('makes a private master key once and unwraps across restarts', async () => {
    const file = await keyFile();
    const first = await LocalKeyProvider.load(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const context = { network: 'kp-one', purpose: 'coaching' };
    const { plaintext, wrapped } = await first.generateDataKey(context);
    expect(wrapped).not.toContain(Buffer.from(plaintext).toString('base64'));
    const content = await readFile(file, 'utf8');
    const again = await LocalKeyProvider.load(file);
    expect(await readFile(file, 'utf8')).toBe(content);
    expect(await again.unwrapDataKey(wrapped, context)).toEqual(plaintext);
  });

  it('does not unwrap a key for another network or purpose', async () => {
    const keys = await LocalKeyProvider.load(await keyFile());
    const { wrapped } = await keys.generateDataKey({ network: 'kp-one', purpose: 'coaching' });
    await expect(
      keys.unwrapDataKey(wrapped, { network: 'kp-two', purpose: 'coaching' }),
    ).rejects.toThrow();
    await expect(
      keys.unwrapDataKey(wrapped, { network: 'kp-one', purpose: 'notes' }),
    ).rejects.toThrow();
  });

  it('does not unwrap with another master key', async () => {
    const a = await LocalKeyProvider.load(await keyFile());
    const b = await LocalKeyProvider.load(await keyFile());
    const context = { network: 'kp-one', purpose: 'coaching' };
    const { wrapped } = await a.generateDataKey(context);
    await expect(b.unwrapDataKey(wrapped, context)).rejects.toThrow();
  });
});
