import { type ErrorLanguage, errorLanguage, isLanguage } from '@sisi/domain';
import type { Context } from 'hono';

/**
 * The reader's language from an `Accept-Language` header (RFC 9110 §12.5.4): the range with
 * the highest `q` whose primary subtag is one of Sisi's languages (`pt-BR` → `pt`); ranges
 * with `q=0` are refused; `*` or nothing usable → English.
 *
 * @example requestLanguage('de-DE, fr;q=0.8, en;q=0.5') // 'fr'
 */
export function requestLanguage(header: string | undefined): ErrorLanguage {
  if (!header) return 'en';
  const ranges = header
    .split(',')
    .slice(0, 32) // a header is a few ranges; a long one is not worth reading
    .map((part, order) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((p) => p.trim()).find((p) => /^q=/i.test(p));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const { tag } of ranges) {
    if (tag === '*') return 'en';
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return errorLanguage(tag);
  }
  return 'en';
}

/**
 * The headers of an answer worded in `lng`: `Content-Language` names it, and `Vary` tells
 * caches the answer changes with `Accept-Language`.
 */
export function languageHeaders(lng: ErrorLanguage): Record<string, string> {
  return { 'content-language': lng, vary: 'Accept-Language' };
}

/**
 * The language a route answers in (see `requestLanguage`), with the answer's
 * `Content-Language` and `Vary: Accept-Language` set on the context.
 *
 * @example const lng = readerLanguage(c); // 'fr' for `Accept-Language: fr-CA`
 */
export function readerLanguage(c: Context): ErrorLanguage {
  const lng = requestLanguage(c.req.header('accept-language'));
  for (const [name, value] of Object.entries(languageHeaders(lng))) c.header(name, value);
  return lng;
}
