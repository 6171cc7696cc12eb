import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { type Blob, type BlobStore, isBlobKey } from '@sisi/domain';

/** Beside each file, its content type (a key segment has no `.`, so no key can clash). */
const TYPE_SUFFIX = '.type';

/**
 * The embedded runtime's uploads: one file per key under `root` (`SISI_DATA_DIR/uploads`),
 * its content type in a file beside it. Only `isBlobKey` keys are taken, and the resolved
 * path must stay under `root`, so no key reaches a file outside it. A put writes a
 * temporary file and renames it, so a reader never sees half a photo.
 *
 * @example
 * const blobs = new FileBlobStore(join(dataDir, 'uploads'));
 * await blobs.put('kp-x/photos/m1/p1', bytes, 'image/jpeg');
 */
export class FileBlobStore implements BlobStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The file of a key; throws for anything that is not a key or would leave `root`. */
  path(key: string): string {
    if (!isBlobKey(key)) throw new Error(`not a blob key: ${JSON.stringify(key)}`);
    const file = resolve(this.root, ...key.split('/'));
    if (!file.startsWith(this.root + sep)) throw new Error(`blob key leaves the store: ${key}`);
    return file;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const file = this.path(key);
    await mkdir(dirname(file), { recursive: true });
    const temp = join(
      dirname(file),
      `.${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    );
    await writeFile(`${temp}${TYPE_SUFFIX}`, contentType);
    await writeFile(temp, bytes);
    await rename(`${temp}${TYPE_SUFFIX}`, `${file}${TYPE_SUFFIX}`);
    await rename(temp, file);
  }

  async get(key: string): Promise<Blob | undefined> {
    const file = this.path(key);
    try {
      const [bytes, contentType] = await Promise.all([
        readFile(file),
        readFile(`${file}${TYPE_SUFFIX}`, 'utf8'),
      ]);
      return { bytes: new Uint8Array(bytes), contentType };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.path(key);
    await rm(file, { force: true });
    await rm(`${file}${TYPE_SUFFIX}`, { force: true });
  }
}
