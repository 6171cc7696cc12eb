import { randomBytes } from 'node:crypto';
import type { KeyContext, KeyProvider } from '@sisi/domain';
import { describe, expect, it } from 'vitest';
import { DecryptionError, FieldCipher, type FieldScope } from './field-cipher.ts';

/** A key provider that wraps by tagging the key with its context (enough to test the cipher). */
function countingKeys() {
  const calls = { generate: 0, unwrap: 0 };
  const store = new Map<string, { key: Uint8Array; context: string }>();
  const provider: KeyProvider = {
    async generateDataKey(context: KeyContext) {
      calls.generate += 1;
      const key = new Uint8Array(randomBytes(32));
      const wrapped = `w${store.size}`;
      store.set(wrapped, { key, context: JSON.stringify(context) });
      return { plaintext: key, wrapped };
    },
    async unwrapDataKey(wrapped: string, context: KeyContext) {
      calls.unwrap += 1;
      const found = store.get(wrapped);
      if (!found || found.context !== JSON.stringify(context)) throw new Error('wrong context');
      return found.key;
    },
  };
  return { provider, calls };
}

const scope: FieldScope = { network: 'kp-one', purpose: 'coaching', subject: 'log#s1#u1' };

describe('FieldCipher', () => {
  it('round-trips text and stores no plaintext', async () => {
    const cipher = new FieldCipher(countingKeys().provider);
    const stored = await cipher.encrypt('I was afraid to speak — ça va', scope);
    expect(JSON.stringify(stored)).not.toContain('afraid');
    expect(await cipher.decrypt(stored, scope)).toBe('I was afraid to speak — ça va');
  });

  it('uses a fresh nonce each time', async () => {
    const cipher = new FieldCipher(countingKeys().provider);
    const a = await cipher.encrypt('same', scope);
    const b = await cipher.encrypt('same', scope);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ct).not.toBe(b.ct);
  });

  it('refuses a value moved to another subject, network or purpose', async () => {
    const { provider } = countingKeys();
    const cipher = new FieldCipher(provider);
    const stored = await cipher.encrypt('private', scope);
    await expect(cipher.decrypt(stored, { ...scope, subject: 'log#s1#u2' })).rejects.toThrow(
      DecryptionError,
    );
    // a fresh reader has no cached key, so the provider's own context check is reached
    const reader = new FieldCipher(provider);
    await expect(reader.decrypt(stored, { ...scope, network: 'kp-two' })).rejects.toThrow(
      DecryptionError,
    );
    await expect(reader.decrypt(stored, { ...scope, purpose: 'other' })).rejects.toThrow(
      DecryptionError,
    );
  });

  it('refuses tampered ciphertext and values that are not encrypted fields', async () => {
    const cipher = new FieldCipher(countingKeys().provider);
    const stored = await cipher.encrypt('private', scope);
    const bytes = Buffer.from(stored.ct, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await expect(
      cipher.decrypt({ ...stored, ct: bytes.toString('base64') }, scope),
    ).rejects.toThrow(DecryptionError);
    await expect(cipher.decrypt('private', scope)).rejects.toThrow(DecryptionError);
  });

  it('asks for one data key per network and purpose while it may be reused', async () => {
    let now = 0;
    const { provider, calls } = countingKeys();
    const cipher = new FieldCipher(provider, {
      keyReuseMs: 1000,
      keyReuseCount: 3,
      now: () => now,
    });
    for (let i = 0; i < 3; i++) await cipher.encrypt(`t${i}`, scope);
    expect(calls.generate).toBe(1);
    await cipher.encrypt('t3', scope); // 4th use: count exhausted
    expect(calls.generate).toBe(2);
    now = 5000; // time exhausted
    await cipher.encrypt('t4', scope);
    expect(calls.generate).toBe(3);
    await cipher.encrypt('other network', { ...scope, network: 'kp-two' });
    expect(calls.generate).toBe(4);
  });

  it('reads with cached unwrapped keys', async () => {
    const { provider, calls } = countingKeys();
    const writer = new FieldCipher(provider);
    const values = await Promise.all(['a', 'b', 'c'].map((t) => writer.encrypt(t, scope)));
    const reader = new FieldCipher(provider);
    for (const v of values) await reader.decrypt(v, scope);
    expect(calls.unwrap).toBe(1);
  });

  it('encrypts only the fields present', async () => {
    const cipher = new FieldCipher(countingKeys().provider);
    const out = await cipher.encryptAll<'content' | 'actionPlan'>({ content: 'x' }, (field) => ({
      ...scope,
      subject: `${scope.subject}#${field}`,
    }));
    expect(Object.keys(out)).toEqual(['content']);
    expect(
      await cipher.decrypt(out.content, { ...scope, subject: `${scope.subject}#content` }),
    ).toBe('x');
  });
});
