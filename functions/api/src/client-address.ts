import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * Where a runtime says who connected, and which proxies in front of it are trusted. The
 * runtimes fill it (apps/local: the socket; apps/aws: API Gateway's source address and the
 * CloudFront origin secret); `clientAddress` is the one rule that reads it.
 */
export interface ClientAddressSource {
  /**
   * The address of the peer of this connection, as the runtime knows it: the socket's
   * (Node), API Gateway's `sourceIp` (Lambda). `undefined` when there is none.
   */
  peer(c: Context): string | undefined;
  /**
   * CloudFront in front: the viewer's address it sends is the client's, but only on a
   * request that carries `header` with `secret` (CloudFront's origin adds it; nobody else
   * knows it). `viewerHeader` names where the address is: `CloudFront-Viewer-Address`
   * (address and port, CloudFront's own header) by default, or a header that a viewer-request
   * CloudFront Function sets to `event.viewer.ip` (the address alone).
   */
  cloudFront?: { header: string; secret: string; viewerHeader?: string };
  /** Proxy addresses whose `X-Forwarded-For` is believed (exact addresses). */
  trustedProxies?: readonly string[];
}

/** CloudFront's own header: `198.51.100.10:46532` (the viewer's address and port). */
export const CLOUDFRONT_VIEWER_ADDRESS = 'cloudfront-viewer-address';

/** What the rule answers when no address is known at all (never in a real runtime). */
export const UNKNOWN_CLIENT = 'unknown';

/** `::ffff:10.0.0.1` is IPv4's `10.0.0.1`; an IPv6 address is kept as its /64 network. */
function normalize(address: string | undefined): string | undefined {
  const trimmed = address?.trim();
  if (!trimmed) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  const ip = mapped?.[1] ?? trimmed;
  const version = isIP(ip);
  if (version === 4) return ip;
  if (version !== 6) return undefined;
  // One subscriber usually holds a whole /64: counting per address would let them rotate.
  return `${expandIpv6(ip).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(ip: string): string[] {
  const [head = '', tail] = ip.toLowerCase().split('::');
  const part = (s: string) => (s ? s.split(':') : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right].map(
    (g) => g.replace(/^0+(?=.)/, '') || '0',
  );
}

/** `198.51.100.10:46532` or `2001:db8::1:46532` (CloudFront's form): the address part. */
function withoutPort(viewer: string): string {
  const at = viewer.lastIndexOf(':');
  return at > 0 ? viewer.slice(0, at).replace(/^\[|\]$/g, '') : viewer;
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const sameSecret = (given: string, secret: string) =>
  timingSafeEqual(digest(given), digest(secret));

/**
 * Who is knocking: the client's address as far as it can be known without believing the
 * client. In order:
 * 1. behind CloudFront, with the origin's secret header: the viewer's address CloudFront
 *    sends (`CloudFront-Viewer-Address`, or the header its viewer-request function sets);
 * 2. from a trusted proxy: the right-most `X-Forwarded-For` entry that is not itself a
 *    trusted proxy (entries left of it were written by the client);
 * 3. the peer of the connection.
 * Anything a client sets on its own (`X-Forwarded-For` from an untrusted peer,
 * `CloudFront-Viewer-Address` without the secret) is ignored. IPv6 addresses are keyed by
 * their /64.
 *
 * @example
 * const address = clientAddress(c, deps.clientAddress); // '203.0.113.7'
 */
export function clientAddress(c: Context, source: ClientAddressSource): string {
  const peer = source.peer(c);
  if (source.cloudFront) {
    const { header, secret, viewerHeader = CLOUDFRONT_VIEWER_ADDRESS } = source.cloudFront;
    const given = c.req.header(header);
    const viewer = c.req.header(viewerHeader);
    if (given && viewer && sameSecret(given, secret)) {
      const isCloudFronts = viewerHeader.toLowerCase() === CLOUDFRONT_VIEWER_ADDRESS;
      const address = normalize(isCloudFronts ? withoutPort(viewer) : viewer);
      if (address) return address;
    }
  }
  const trusted = new Set((source.trustedProxies ?? []).map((p) => normalize(p)));
  const peerAddress = normalize(peer);
  if (peerAddress && trusted.has(peerAddress)) {
    const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map((h) => normalize(h));
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = hops[i];
      if (!hop) break; // a malformed entry: nothing left of it can be believed
      if (!trusted.has(hop)) return hop;
    }
  }
  return peerAddress ?? UNKNOWN_CLIENT;
}
