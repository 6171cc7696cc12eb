import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { matchedRoutes } from 'hono/route';
import type { RouterRoute } from 'hono/types';
import { ContentTooLargeError } from '../errors.ts';

/** The largest body a route takes unless it sets its own limit: 64 kB (JSON forms). */
export const BODY_LIMIT_BYTES = 64 * 1024;

/** The middleware `routeBodyLimit` made: a route holding one has its own limit. */
const own = new WeakSet<MiddlewareHandler>();

/**
 * A route's own body limit, in place of the default one (`defaultBodyLimit`): for the few
 * routes that need a larger body, such as photo uploads. Like the default, it counts the
 * bytes as they stream in (or trusts `Content-Length`, which Node holds the body to) and
 * stops reading at the limit.
 *
 * @example
 * createRoute({ ..., middleware: [routeBodyLimit(5 * MB, () => { throw tooBig; })] as const });
 */
export function routeBodyLimit(maxSize: number, onError: () => never): MiddlewareHandler {
  const limit = bodyLimit({ maxSize, onError });
  own.add(limit);
  return limit;
}

/**
 * The default body limit, for every route of the app: a body over `BODY_LIMIT_BYTES` is a
 * 413 problem before anything reads or parses it, signed in or not (`/auth/login`). A route
 * with its own `routeBodyLimit` is left to it. `routes` lists the app's routes; it is read
 * once, at the first request, when every route is registered.
 *
 * @example api.use('*', defaultBodyLimit(() => app.routes));
 */
export function defaultBodyLimit(routes: () => RouterRoute[]): MiddlewareHandler {
  let larger: Set<string> | undefined;
  const key = (r: RouterRoute) => `${r.method} ${r.path}`;
  const limit = bodyLimit({
    maxSize: BODY_LIMIT_BYTES,
    onError: () => {
      throw new ContentTooLargeError(BODY_LIMIT_BYTES);
    },
  });
  return async (c, next) => {
    larger ??= new Set(
      routes()
        .filter((r) => own.has(r.handler))
        .map(key),
    );
    if (matchedRoutes(c).some((r) => larger!.has(key(r)))) return next();
    return limit(c, next);
  };
}
