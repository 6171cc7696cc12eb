import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import type { TokenClaims, TokenVerifier } from './ports.ts';

/**
 * Verifies ID tokens against a JWKS, locally published (`jwks`) or remote (`jwksUrl`, e.g.
 * Cognito's). Checks signature, `iss`, `aud` and expiry; rejects `alg: none`, a token
 * without `exp` (it would never expire) and any token whose `token_use` is not `id` (an
 * access token of the same issuer names no person's email or roles, and must not pass for one).
 *
 * @example
 * const tokens = createJwtVerifier({ jwks, issuer: 'http://localhost:3000', audience: 'sisi' });
 * const claims = await tokens.verify(bearer);
 */
export function createJwtVerifier(options: {
  jwks?: JSONWebKeySet;
  jwksUrl?: string;
  issuer: string;
  audience: string;
}): TokenVerifier {
  if (!options.jwks === !options.jwksUrl) throw new Error('give exactly one of jwks or jwksUrl');
  if (!options.issuer || !options.audience) throw new Error('issuer and audience are required');
  const keys = options.jwks
    ? createLocalJWKSet(options.jwks)
    : createRemoteJWKSet(new URL(options.jwksUrl!));
  // A token already verified is not verified again until it expires: the signature check
  // is most of a request's CPU. Only verified tokens enter; expiry is re-checked on hit.
  const verified = new Map<string, { claims: TokenClaims; expiresAtMs: number }>();
  const CACHE_SIZE = 5_000;
  return {
    async verify(token) {
      const hit = verified.get(token);
      if (hit && hit.expiresAtMs > Date.now()) return hit.claims;
      if (hit) verified.delete(token);
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['ES256', 'RS256'],
        requiredClaims: ['exp'],
      });
      if (payload.token_use !== 'id') throw new Error('not an ID token');
      if (typeof payload.sub !== 'string' || typeof payload.email !== 'string') {
        throw new Error('token lacks sub or email');
      }
      const claims = payload as unknown as TokenClaims;
      if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value!);
      verified.set(token, { claims, expiresAtMs: payload.exp! * 1000 });
      return claims;
    },
  };
}
