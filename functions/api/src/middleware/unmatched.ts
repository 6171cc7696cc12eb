import type { Handler } from 'hono';
import type { RouterRoute } from 'hono/types';
import { MethodNotAllowedError, NotFoundError } from '../errors.ts';

/** A route's path (`/a/:id/b`, `/a/*`) as a regular expression over request paths. */
function pattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * The answer for a request no route took: 405 with `Allow` when the path is a route's
 * under another method, else 404; both as problems (`onError` renders them). `routes` lists
 * the app's routes; it is read once, at the first such request.
 *
 * @example app.all(`${API_BASE}/*`, unmatched(() => app.routes));
 */
export function unmatched(routes: () => RouterRoute[]): Handler {
  let known: { match: RegExp; methods: Set<string> }[] | undefined;
  const load = () => {
    const byPath = new Map<string, Set<string>>();
    for (const r of routes()) {
      if (r.method === 'ALL') continue; // middleware and this fallback, not routes
      const methods = byPath.get(r.path) ?? new Set<string>();
      methods.add(r.method.toUpperCase());
      byPath.set(r.path, methods);
    }
    return [...byPath].map(([path, methods]) => ({ match: pattern(path), methods }));
  };
  return (c) => {
    known ??= load();
    const allowed = new Set<string>();
    for (const route of known) {
      if (route.match.test(c.req.path)) for (const m of route.methods) allowed.add(m);
    }
    if (allowed.size === 0) throw new NotFoundError('route');
    // Hono answers HEAD with the GET route
    if (allowed.has('GET')) allowed.add('HEAD');
    throw new MethodNotAllowedError([...allowed].sort());
  };
}
