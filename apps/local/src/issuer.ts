import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { IdentityUser, TokenClaims } from '@sisi/api';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';

export const LOCAL_AUDIENCE = 'sisi';
/**
 * Bearer tokens are short-lived, as Cognito's are (15 minutes): a sign-in lasts through the
 * refresh cookie, exchanged for a new one (ADR 0042).
 */
export const BEARER_TTL_SECONDS = 15 * 60;

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

/**
 * The local stand-in for Cognito: an ES256 key pair kept on disk (so tokens survive a
 * restart), a published JWKS, and tokens with Cognito's claim names.
 *
 * @example
 * const issuer = await LocalIssuer.load('.sisi/data/keys/issuer.json', 'http://localhost:3000');
 * const token = await issuer.sign(user);
 */
export class LocalIssuer {
  private constructor(
    private readonly privateKey: SigningKey,
    private readonly publicJwk: JWK,
    readonly issuer: string,
    readonly ttlSeconds: number,
  ) {}

  static async load(
    keyFile: string,
    issuer: string,
    ttlSeconds = BEARER_TTL_SECONDS,
  ): Promise<LocalIssuer> {
    let jwk: JWK;
    try {
      jwk = JSON.parse(await readFile(keyFile, 'utf8')) as JWK;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      jwk = {
        ...(await exportJWK(privateKey)),
        alg: 'ES256',
        kid: `local-${Date.now().toString(36)}`,
      };
      await mkdir(dirname(keyFile), { recursive: true });
      await writeFile(keyFile, JSON.stringify(jwk), { mode: 0o600 });
    }
    const privateKey = await importJWK(jwk, 'ES256');
    const { d: _private, ...publicJwk } = jwk;
    return new LocalIssuer(privateKey, { ...publicJwk, use: 'sig' }, issuer, ttlSeconds);
  }

  jwks(): JSONWebKeySet {
    return { keys: [this.publicJwk] };
  }

  async sign(user: IdentityUser): Promise<string> {
    const claims: Omit<TokenClaims, 'sub'> & { token_use: 'id' } = {
      email: user.email,
      name: user.name,
      'cognito:groups': user.roles,
      ...(user.networkId ? { 'custom:network': user.networkId } : {}),
      ...(user.organizationId ? { 'custom:organization': user.organizationId } : {}),
      token_use: 'id',
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: this.publicJwk.kid!, typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(this.issuer)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.privateKey);
  }
}
