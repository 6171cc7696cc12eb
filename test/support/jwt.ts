import {
  createPrivateKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  sign,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A compact JWS signed with ES256 (ECDSA P-256, SHA-256, raw `r||s` signature), built by
 * hand so tests can forge tokens the issuer never would: another key, past expiry, other
 * audience. `alg: 'none'` gives an unsigned token.
 *
 * @example
 * const forged = signJwt({ alg: 'ES256', kid }, claims, otherEs256Key().privateKey);
 */
export function signJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  key?: KeyObject,
): string {
  const input = `${b64(header)}.${b64(payload)}`;
  if (header.alg === 'none') return `${input}.`;
  if (!key) throw new Error('signJwt: a key is required unless alg is none');
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/** The claims of a token, unverified. */
export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
} {
  const [header, payload] = token.split('.');
  if (!header || !payload) throw new Error('not a JWT');
  const parse = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { header: parse(header), payload: parse(payload) };
}

/** A fresh P-256 key pair that no issuer of Sisi knows. */
export const otherEs256Key = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

/** The local issuer's own signing key, read from a runtime's data folder. */
export async function issuerKey(dataDir: string): Promise<{ key: KeyObject; kid: string }> {
  const jwk = JSON.parse(
    await readFile(join(dataDir, 'keys', 'issuer.json'), 'utf8'),
  ) as JsonWebKey & {
    kid: string;
  };
  return { key: createPrivateKey({ key: jwk, format: 'jwk' }), kid: jwk.kid };
}
