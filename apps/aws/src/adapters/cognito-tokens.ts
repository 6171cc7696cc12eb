import type { TokenClaims, TokenVerifier } from '@sisi/api';
import { createJwtVerifier } from '@sisi/api';
import type { JSONWebKeySet } from 'jose';

/**
 * Verifies Cognito ID tokens (signature against the pool's JWKS, `iss`, `aud` = the app
 * client, expiry, `token_use: id`) and names the person by their Sisi id: Cognito's own
 * `sub` is a UUID it chose, while the username is the id of the directory (ADR 0002), so
 * `sub` is taken from `cognito:username`.
 *
 * @example
 * const tokens = createCognitoTokenVerifier({ issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab12', clientId });
 */
export function createCognitoTokenVerifier(options: {
  issuer: string;
  clientId: string;
  /** The pool's keys when already known (tests); else fetched from the issuer's JWKS URL. */
  jwks?: JSONWebKeySet;
}): TokenVerifier {
  const verifier = createJwtVerifier({
    ...(options.jwks
      ? { jwks: options.jwks }
      : { jwksUrl: `${options.issuer}/.well-known/jwks.json` }),
    issuer: options.issuer,
    audience: options.clientId,
  });
  return {
    async verify(token) {
      const claims = (await verifier.verify(token)) as TokenClaims & Record<string, unknown>;
      if (claims.token_use !== 'id') throw new Error('not an ID token');
      const username = claims['cognito:username'];
      if (typeof username !== 'string' || !username) throw new Error('token lacks a username');
      return { ...claims, sub: username };
    },
  };
}
