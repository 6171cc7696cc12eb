import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { API_BASE, type ApiDeps, createApp } from '@sisi/api';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { LocalIssuer } from './issuer.ts';

/**
 * The SPA's Content-Security-Policy: its own origin only, no inline script or style, no
 * CDN (infra/src/platform-stack.ts sets the same on CloudFront).
 */
export const SPA_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  // photos are fetched with the bearer token and shown from object URLs
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The one Node app of the embedded runtime: the API, the issuer's JWKS, and the built SPA
 * (any other path gets `index.html`, so deep links such as `/invitations/…` work).
 *
 * @example
 * serve({ fetch: createServerApp({ deps, issuer, webDist }).fetch, port: 3000 });
 */
export function createServerApp(options: { deps: ApiDeps; issuer: LocalIssuer; webDist: string }) {
  const api = createApp(options.deps);
  const app = new Hono();
  // The API's answers carry their own policy (its reference page has one of its own);
  // everything else is the SPA, whose policy is strict: the same as CloudFront's on AWS.
  const apiHeaders = secureHeaders();
  const spaHeaders = secureHeaders({ contentSecurityPolicy: SPA_CSP });
  app.use('*', (c, next) =>
    (c.req.path === API_BASE || c.req.path.startsWith(`${API_BASE}/`) ? apiHeaders : spaHeaders)(
      c,
      next,
    ),
  );
  app.get('/.well-known/jwks.json', (c) => c.json(options.issuer.jwks()));
  app.route('/', api);

  const root = relative(process.cwd(), options.webDist) || '.';
  const indexFile = join(options.webDist, 'index.html');
  app.use(
    '/assets/*',
    async (c, next) => {
      await next();
      if (c.res.status === 200)
        c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
    },
    serveStatic({ root }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', async (c) => {
    if (c.req.path.startsWith(API_BASE)) return c.notFound();
    if (!existsSync(indexFile)) {
      return c.text('The web app is not built: run `pnpm build:web` (pnpm start does it).', 503);
    }
    c.header('cache-control', 'no-cache');
    return c.html(await readFile(indexFile, 'utf8'));
  });
  return app;
}
