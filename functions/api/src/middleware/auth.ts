import type { Role, TenantContext } from '@sisi/domain';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, NetworkTenant } from '../deps.ts';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../errors.ts';
import { accessRefusal, type PersonAccess } from '../person-access.ts';
import type { TokenVerifier } from '../ports.ts';

/**
 * Verifies the bearer token (signature, issuer, audience, expiry: never decode-only), then
 * checks it against the person's directory record (`access`, one cached read): someone
 * deactivated, or a token issued before their `tokensValidAfter`, is refused (401). The
 * caller's roles and organization are the record's, not the token's, so a change takes
 * effect within the cache's 60 s (ADR 0031). Puts the `TenantContext` in `c.var.tenant`.
 */
export function authenticate(
  tokens: TokenVerifier,
  access: PersonAccess,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1]) throw new UnauthorizedError();
    let claims: Awaited<ReturnType<TokenVerifier['verify']>>;
    try {
      claims = await tokens.verify(match[1]);
    } catch (cause) {
      throw cause instanceof Error
        ? new UnauthorizedError('unauthorized_token_reason', { reason: cause.message })
        : new UnauthorizedError('unauthorized_token');
    }
    const person = await access.get(claims.sub);
    const refused = accessRefusal(person, claims.iat);
    if (refused || !person) throw new UnauthorizedError(refused);
    const tenant: TenantContext = {
      userId: person.id,
      email: person.email,
      name: person.name,
      roles: person.roles,
      ...(person.networkId ? { networkId: person.networkId } : {}),
      ...(person.organizationId ? { organizationId: person.organizationId } : {}),
    };
    c.set('tenant', tenant);
    await next();
  };
}

/** The caller must hold one of `roles`, else 403. */
export function requireRole(c: Context<AppEnv>, ...roles: Role[]): TenantContext {
  const tenant = c.get('tenant');
  if (!roles.some((r) => tenant.roles.includes(r))) throw new ForbiddenError();
  return tenant;
}

const NETWORK_ROLES: Role[] = ['network-admin', 'coordinator', 'member'];

/**
 * The path's network must be the caller's own: another network's data answers 404,
 * exactly like a network that does not exist, so ids cannot be probed.
 */
export function requireNetwork(c: Context<AppEnv>, networkId: string): NetworkTenant {
  const tenant = c.get('tenant');
  if (tenant.networkId !== networkId || !NETWORK_ROLES.some((r) => tenant.roles.includes(r))) {
    throw new NotFoundError('network');
  }
  return tenant as NetworkTenant;
}

export type { NetworkTenant };
