import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyContext, KeyProvider } from '@sisi/domain';
import { DataError } from './errors.ts';

/**
 * A confidential field as stored: AES-256-GCM under a data key that is itself wrapped by the
 * network's master key. Self-describing, so the key can rotate and the format can change.
 */
export interface EncryptedField {
  /** Format version. */
  v: 1;
  /** The wrapped data key. */
  k: string;
  /** 96-bit nonce, base64. */
  iv: string;
  /** Ciphertext followed by the 128-bit tag, base64. */
  ct: string;
}

/**
 * Binds a ciphertext to where it belongs: the key's context plus the item and field it was
 * written for (e.g. `learning-log#<session>#<author>`), so a stored value copied onto another
 * person's item does not decrypt.
 */
export interface FieldScope extends KeyContext {
  subject: string;
}

export class DecryptionError extends DataError {
  override name = 'DecryptionError';
}

interface DataKey {
  plaintext: Uint8Array;
  wrapped: string;
}

/** A data key being made or made: concurrent writers share one request to the provider. */
interface CachedKey {
  key: Promise<DataKey>;
  expiresAt: number;
  uses: number;
}

export interface FieldCipherOptions {
  /** How long one data key encrypts new fields (ms). Default 5 minutes. */
  keyReuseMs?: number;
  /** How many fields one data key encrypts at most. Default 1,000. */
  keyReuseCount?: number;
  /** How many unwrapped keys are kept for reading. Default 500. */
  unwrappedCacheSize?: number;
  now?: () => number;
}

const isEncrypted = (value: unknown): value is EncryptedField =>
  typeof value === 'object' &&
  value !== null &&
  (value as EncryptedField).v === 1 &&
  typeof (value as EncryptedField).k === 'string' &&
  typeof (value as EncryptedField).iv === 'string' &&
  typeof (value as EncryptedField).ct === 'string';

const aad = (scope: FieldScope) =>
  Buffer.from(JSON.stringify([scope.network, scope.purpose, scope.subject]), 'utf8');

/**
 * Per-field envelope encryption (DESIGN.md "Tenancy and isolation"). A data key encrypts
 * fields of one network and purpose for a few minutes, then a new one is made: KMS is asked
 * once per key, not once per field (as the AWS Encryption SDK's key caching does). Readers
 * keep unwrapped keys in a small cache for the same reason.
 *
 * @example
 * const cipher = new FieldCipher(keys);
 * const scope = { network: 'kp-x', purpose: 'coaching', subject: 'log#s1#u1' };
 * const stored = await cipher.encrypt('what I learned', scope);
 * await cipher.decrypt(stored, scope); // 'what I learned'
 */
export class FieldCipher {
  private readonly writing = new Map<string, CachedKey>();
  private readonly reading = new Map<string, Promise<Uint8Array>>();
  private readonly keyReuseMs: number;
  private readonly keyReuseCount: number;
  private readonly cacheSize: number;
  private readonly now: () => number;

  constructor(
    private readonly keys: KeyProvider,
    options: FieldCipherOptions = {},
  ) {
    this.keyReuseMs = options.keyReuseMs ?? 5 * 60_000;
    this.keyReuseCount = options.keyReuseCount ?? 1_000;
    this.cacheSize = options.unwrappedCacheSize ?? 500;
    this.now = options.now ?? Date.now;
  }

  async encrypt(plaintext: string, scope: FieldScope): Promise<EncryptedField> {
    const key = await this.keyFor(scope);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.plaintext, iv);
    cipher.setAAD(aad(scope));
    const ct = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    return { v: 1, k: key.wrapped, iv: iv.toString('base64'), ct: ct.toString('base64') };
  }

  async decrypt(stored: unknown, scope: FieldScope): Promise<string> {
    if (!isEncrypted(stored)) throw new DecryptionError('not an encrypted field');
    const key = await this.unwrap(stored.k, scope);
    const data = Buffer.from(stored.ct, 'base64');
    if (data.length < 16) throw new DecryptionError('ciphertext too short');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(stored.iv, 'base64'));
      decipher.setAAD(aad(scope));
      decipher.setAuthTag(data.subarray(data.length - 16));
      return Buffer.concat([
        decipher.update(data.subarray(0, data.length - 16)),
        decipher.final(),
      ]).toString('utf8');
    } catch (cause) {
      throw new DecryptionError('the field does not decrypt in this scope', { cause });
    }
  }

  /** Encrypts each present string of `fields`; absent ones stay absent. */
  async encryptAll<K extends string>(
    fields: Partial<Record<K, string>>,
    scope: (field: K) => FieldScope,
  ): Promise<Partial<Record<K, EncryptedField>>> {
    const out: Partial<Record<K, EncryptedField>> = {};
    for (const [field, value] of Object.entries(fields) as [K, string | undefined][]) {
      if (value !== undefined) out[field] = await this.encrypt(value, scope(field));
    }
    return out;
  }

  private async keyFor(scope: KeyContext): Promise<DataKey> {
    const id = `${scope.network}\u0000${scope.purpose}`;
    const cached = this.writing.get(id);
    if (cached && cached.expiresAt > this.now() && cached.uses < this.keyReuseCount) {
      cached.uses += 1;
      return cached.key;
    }
    const key = this.keys.generateDataKey({ network: scope.network, purpose: scope.purpose });
    const entry = { key, expiresAt: this.now() + this.keyReuseMs, uses: 1 };
    this.writing.set(id, entry);
    try {
      const made = await key;
      this.remember(this.cacheId(made.wrapped, scope), Promise.resolve(made.plaintext));
      return made;
    } catch (error) {
      if (this.writing.get(id) === entry) this.writing.delete(id);
      throw error;
    }
  }

  private cacheId(wrapped: string, scope: KeyContext) {
    return `${scope.network}\u0000${scope.purpose}\u0000${wrapped}`;
  }

  private async unwrap(wrapped: string, scope: KeyContext): Promise<Uint8Array> {
    const id = this.cacheId(wrapped, scope);
    let key = this.reading.get(id);
    if (!key) {
      key = this.keys.unwrapDataKey(wrapped, { network: scope.network, purpose: scope.purpose });
      this.remember(id, key);
    }
    try {
      return await key;
    } catch (cause) {
      if (this.reading.get(id) === key) this.reading.delete(id);
      throw new DecryptionError('the data key does not unwrap in this scope', { cause });
    }
  }

  private remember(id: string, key: Promise<Uint8Array>) {
    if (this.reading.size >= this.cacheSize) {
      const oldest = this.reading.keys().next().value;
      if (oldest !== undefined) this.reading.delete(oldest);
    }
    this.reading.set(id, key);
  }
}
