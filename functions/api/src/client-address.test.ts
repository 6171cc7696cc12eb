import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type ClientAddressSource, clientAddress, UNKNOWN_CLIENT } from './client-address.ts';

const SECRET = 'k3Jr8VtQ1nXw5ZyB0cM7pL2sD9fG4hA6';
const HEADER = 'x-origin-secret';

/** The address the rule gives a request with `headers` from a peer at `peer`. */
async function addressOf(
  source: Omit<ClientAddressSource, 'peer'>,
  peer: string | undefined,
  headers: Record<string, string> = {},
): Promise<string> {
  const app = new Hono<{ Bindings: { peer?: string } }>();
  app.get('/', (c) => c.text(clientAddress(c, { ...source, peer: (ctx) => ctx.env.peer })));
  const res = await app.request('/', { headers }, { peer });
  return res.text();
}

const cloudFront = { cloudFront: { header: HEADER, secret: SECRET } };
const EDGE = '130.176.1.9';

describe('clientAddress', () => {
  it("is the peer's address when no proxy is trusted, whatever the headers say", async () => {
    const headers = {
      'x-forwarded-for': '198.51.100.1',
      'cloudfront-viewer-address': '198.51.100.2:443',
      'x-real-ip': '198.51.100.3',
    };
    expect(await addressOf({}, '203.0.113.7', headers)).toBe('203.0.113.7');
    expect(await addressOf({}, '::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(await addressOf({}, undefined, headers)).toBe(UNKNOWN_CLIENT);
  });

  it("takes CloudFront's viewer address only with the origin's secret", async () => {
    const viewer = { 'cloudfront-viewer-address': '198.51.100.2:46532' };
    expect(await addressOf(cloudFront, EDGE, { ...viewer, [HEADER]: SECRET })).toBe('198.51.100.2');
    expect(await addressOf(cloudFront, EDGE, viewer)).toBe(EDGE);
    expect(await addressOf(cloudFront, EDGE, { ...viewer, [HEADER]: `${SECRET}x` })).toBe(EDGE);
    expect(await addressOf(cloudFront, EDGE, { ...viewer, [HEADER]: '' })).toBe(EDGE);
    // a viewer address that is no address falls back to the peer
    expect(
      await addressOf(cloudFront, EDGE, {
        'cloudfront-viewer-address': 'nonsense',
        [HEADER]: SECRET,
      }),
    ).toBe(EDGE);
  });

  it("reads the viewer's address from the header a CloudFront Function sets, when so configured", async () => {
    const viaFunction = { cloudFront: { ...cloudFront.cloudFront, viewerHeader: 'x-viewer' } };
    expect(
      await addressOf(viaFunction, EDGE, { 'x-viewer': '198.51.100.2', [HEADER]: SECRET }),
    ).toBe('198.51.100.2');
    expect(
      await addressOf(viaFunction, EDGE, { 'x-viewer': '2001:db8::1', [HEADER]: SECRET }),
    ).toBe('2001:db8:0:0::/64');
    // CloudFront's own header is not read then, and neither header without the secret
    expect(
      await addressOf(viaFunction, EDGE, {
        'cloudfront-viewer-address': '198.51.100.3:443',
        [HEADER]: SECRET,
      }),
    ).toBe(EDGE);
    expect(await addressOf(viaFunction, EDGE, { 'x-viewer': '198.51.100.2' })).toBe(EDGE);
  });

  it('keys an IPv6 viewer by its /64 network', async () => {
    const headers = { 'cloudfront-viewer-address': '2001:db8:a:b:1:2:3:4:443', [HEADER]: SECRET };
    expect(await addressOf(cloudFront, EDGE, headers)).toBe('2001:db8:a:b::/64');
    expect(await addressOf({}, '2001:0db8:000a:000b::9')).toBe('2001:db8:a:b::/64');
  });

  it('believes X-Forwarded-For from a trusted proxy: the right-most entry that is not a proxy', async () => {
    const proxies = { trustedProxies: ['10.0.0.1', '10.0.0.2'] };
    const xff = (value: string) => ({ 'x-forwarded-for': value });
    expect(await addressOf(proxies, '10.0.0.1', xff('192.0.2.9'))).toBe('192.0.2.9');
    // the client's own entries (left) are not believed; the proxies' chain is walked
    expect(await addressOf(proxies, '10.0.0.1', xff('198.51.100.1, 192.0.2.9, 10.0.0.2'))).toBe(
      '192.0.2.9',
    );
    // a malformed entry stops the walk: the proxy itself is the client then
    expect(await addressOf(proxies, '10.0.0.1', xff('192.0.2.9, garbage'))).toBe('10.0.0.1');
    expect(await addressOf(proxies, '10.0.0.1')).toBe('10.0.0.1');
    // from any other peer the header is ignored
    expect(await addressOf(proxies, '10.0.0.3', xff('192.0.2.9'))).toBe('10.0.0.3');
  });
});
