import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ApiDeps, AppEnv, NetworkScope } from './deps.ts';
import { requireNetwork } from './middleware/auth.ts';

/**
 * What a route module is made of: one `createRoute` definition and one named handler per
 * route, reading what it needs from the context, never from a closure.
 *
 * @example
 * const getGroup = createRoute({ method: 'get', path: '/networks/{networkId}/coaching-groups/{groupId}', ... });
 * const getGroupHandler: Handler<typeof getGroup> = async (c) => {
 *   const { store } = network(c);
 *   return c.json(await store.coachingGroups.get(c.req.valid('param').groupId), 200);
 * };
 * export const groupRoutes = () => router().openapi(getGroup, getGroupHandler);
 */
export type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

/** The API's dependencies, put on every request's context by `createApp`. */
export const depsOf = (c: Context<AppEnv>): ApiDeps => c.var.deps;

/**
 * The path's network checked against the caller's (another network's answers 404, exactly
 * like a missing one), and its store: once per request, memoized on the context.
 */
export function network(c: Context<AppEnv>): NetworkScope {
  const known = c.var.network;
  if (known) return known;
  const tenant = requireNetwork(c, c.req.param('networkId') ?? '');
  const scope = { tenant, store: c.var.deps.store(tenant) };
  c.set('network', scope);
  return scope;
}

/**
 * A loader whose answer is found once per request: the handler and the helpers it calls
 * share one lookup (and one access check) instead of each making their own.
 *
 * @example
 * export const visibleGroup = perRequest(async (c) => {
 *   const { tenant, store } = network(c);
 *   ...
 * });
 */
export function perRequest<T>(
  load: (c: Context<AppEnv>) => Promise<T>,
): (c: Context<AppEnv>) => Promise<T> {
  const found = new WeakMap<Context<AppEnv>, Promise<T>>();
  return (c) => {
    let answer = found.get(c);
    if (!answer) {
      answer = load(c);
      found.set(c, answer);
    }
    return answer;
  };
}

export { conflictAs } from './errors.ts';
export type { NetworkScope };
