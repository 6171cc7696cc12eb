import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileBlobStore } from './file-blob-store.ts';

let dir: string;
let store: FileBlobStore;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sisi-blobs-'));
  store = new FileBlobStore(join(dir, 'uploads'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

describe('FileBlobStore', () => {
  it('keeps the bytes and content type under its root, by key', async () => {
    await store.put('kp-net-x1/photos/m1/p1', bytes, 'image/png');
    expect(await store.get('kp-net-x1/photos/m1/p1')).toEqual({ bytes, contentType: 'image/png' });
    expect(await readFile(join(dir, 'uploads', 'kp-net-x1', 'photos', 'm1', 'p1'))).toEqual(
      Buffer.from(bytes),
    );
    // no temporary file is left behind
    expect((await readdir(join(dir, 'uploads', 'kp-net-x1', 'photos', 'm1'))).sort()).toEqual([
      'p1',
      'p1.type',
    ]);
  });

  it('answers undefined for a missing key, and deletes quietly', async () => {
    expect(await store.get('kp-net-x1/photos/m1/none')).toBeUndefined();
    await store.put('kp-net-x1/photos/m1/p1', bytes, 'image/png');
    await store.delete('kp-net-x1/photos/m1/p1');
    await store.delete('kp-net-x1/photos/m1/p1');
    expect(await store.get('kp-net-x1/photos/m1/p1')).toBeUndefined();
  });

  it('refuses keys that could leave its folder, and writes nothing', async () => {
    await writeFile(join(dir, 'secret'), 'outside');
    for (const key of [
      '../secret',
      'kp-net-x1/../../secret',
      '/etc/passwd',
      'kp-net-x1/photos/..',
      'kp-net-x1\\..\\secret',
      'kp-net-x1/photos/m1/p1.type',
      'kp-net-x1/./p',
      '',
    ]) {
      await expect(store.put(key, bytes, 'image/png'), key).rejects.toThrow(/blob key/);
      await expect(store.get(key), key).rejects.toThrow(/blob key/);
    }
    expect(await readdir(dir)).toEqual(['secret']);
    expect(await readFile(join(dir, 'secret'), 'utf8')).toBe('outside');
  });
});
