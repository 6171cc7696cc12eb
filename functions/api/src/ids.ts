import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random id from an unambiguous lowercase alphabet (no 0/o, 1/l). */
export function newId(length = 16): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** A readable network id: `southern-africa-kp-alliance-x7k2p9`. */
export function newNetworkId(name: string): string {
  const slug = name
    .normalize('NFKD')
    // NFKD splits "é" into "e" and a combining accent; drop the accent, keep the letter
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 28)
    .replace(/-+$/g, '');
  return `${slug || 'network'}-${newId(6)}`;
}
