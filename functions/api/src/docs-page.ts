import { Scalar } from '@scalar/hono-api-reference';
import type { Handler } from 'hono';

/** The reference viewer: one pinned file, checked by the browser against its hash (SRI). */
const VIEWER_URL =
  'https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.76.4/dist/browser/standalone.js';
/** sha384 of that file as published on npm (`npm pack @scalar/api-reference@1.76.4`). */
const VIEWER_SRI = 'sha384-hwB9WroDTpZaI38gr+u9CXA6ksz5gUYgD2GxXazKl/agT1L2GWUiRFWGJYNiFu4Q';

/**
 * What every API answer may do in a browser: nothing. JSON and problems need no script,
 * style or frame; the reference page has its own (`docsPolicy`).
 */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The reference page's own policy: scripts only with this answer's nonce (the pinned viewer
 * and the line that starts it), no `'unsafe-inline'` script; the viewer's injected styles;
 * the spec and "try it" requests to this origin only.
 */
const docsPolicy = (nonce: string) =>
  [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

/**
 * The API reference page (`GET /docs`): Scalar's viewer over the spec at `specUrl`, loaded
 * from a pinned URL with its hash, and served with a policy of its own (ADR 0019); the SPA's
 * stays strict.
 *
 * @example api.get('/docs', docsPage('/api/v1/openapi.json'));
 */
export function docsPage(specUrl: string): Handler {
  return async (c, next) => {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
    const render = Scalar({
      url: specUrl,
      pageTitle: 'Sisi API reference',
      cdn: VIEWER_URL,
      nonce,
      withDefaultFonts: false,
    });
    const page = await (await render(c, next))!.text();
    const tag = `<script src="${VIEWER_URL}"`;
    if (!page.includes(tag))
      throw new Error('the reference page no longer loads its pinned viewer');
    const html = page.replace(tag, `${tag} integrity="${VIEWER_SRI}" crossorigin="anonymous"`);
    return c.html(html, 200, { 'content-security-policy': docsPolicy(nonce) });
  };
}
