import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { KeyContext, KeyProvider } from '@sisi/domain';

const PREFIX = 'local:v1:';
const contextBytes = (c: KeyContext) => Buffer.from(JSON.stringify([c.network, c.purpose]));

/**
 * The embedded runtime's stand-in for KMS: one 256-bit master key in a file of the data folder
 * (mode 0600, made on first use) wraps data keys with AES-256-GCM, the context as associated
 * data — so a key wrapped for one network does not unwrap for another, as with KMS.
 *
 * @example
 * const keys = await LocalKeyProvider.load('.sisi/data/keys/master.key');
 */
export class LocalKeyProvider implements KeyProvider {
  private constructor(private readonly master: Buffer) {}

  static async load(file: string): Promise<LocalKeyProvider> {
    try {
      const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
      if (key.length !== 32) throw new Error(`${file} does not hold a 256-bit key`);
      return new LocalKeyProvider(key);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const key = randomBytes(32);
      await mkdir(dirname(file), { recursive: true });
      // `wx`: two processes starting at once must not each write a different key.
      await writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' }).catch(
        async (e: NodeJS.ErrnoException) => {
          if (e.code !== 'EEXIST') throw e;
        },
      );
      return LocalKeyProvider.load(file);
    }
  }

  async generateDataKey(context: KeyContext) {
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.master, iv);
    cipher.setAAD(contextBytes(context));
    const wrapped = Buffer.concat([
      iv,
      cipher.update(plaintext),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return { plaintext: new Uint8Array(plaintext), wrapped: PREFIX + wrapped.toString('base64') };
  }

  async unwrapDataKey(wrapped: string, context: KeyContext) {
    if (!wrapped.startsWith(PREFIX)) throw new Error('not a locally wrapped key');
    const data = Buffer.from(wrapped.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.master, data.subarray(0, 12));
    decipher.setAAD(contextBytes(context));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return new Uint8Array(
      Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]),
    );
  }
}
