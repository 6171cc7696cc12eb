import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

/**
 * What a donor may call (paths relative to the base path): who they are, ending their own
 * sign-ins everywhere (ADR 0042), and summaries.
 */
const DONOR_PATHS = [/^\/me$/, /^\/me\/sign-out-everywhere$/, /^\/summary(\/quarters)?$/];

/**
 * Donors see aggregates only (DOMAIN.md "Who uses it"): a caller whose only role is
 * `donor` is refused every route but `/me`, signing out everywhere and the summaries, whatever a route itself
 * would allow, so a new route cannot open people's data to donors by mistake. Under a
 * network (`/networks/{id}/…`) the answer is 404, as for anyone who may not see a thing
 * there (a learning log, a pair's notes: issue 7) — it does not even confirm the thing
 * exists; elsewhere 403, which those routes' specs list.
 */
export function donorFence(basePath: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const tenant = c.get('tenant');
    if (tenant?.roles.length && tenant.roles.every((r) => r === 'donor')) {
      const path = c.req.path.slice(basePath.length) || '/';
      if (!DONOR_PATHS.some((p) => p.test(path))) {
        // a network itself too (`/networks/{id}`): its spec lists 404, not 403
        if (/^\/networks\/[^/]+(\/|$)/.test(path)) throw new NotFoundError('resource');
        throw new ForbiddenError('forbidden_donors_summaries_only');
      }
    }
    await next();
  };
}
