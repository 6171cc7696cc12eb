import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@sisi/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_JPEG } from '../support/images.ts';
import { expectProblem } from '../support/problem.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { streamUntilAnswered } from '../support/streams.ts';

const MB = 1024 * 1024;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

describe('the SPA’s Content-Security-Policy', () => {
  it('allows scripts and styles from its own origin only: no inline, no CDN', async () => {
    for (const path of ['/', '/invitations/some-token', '/no/such/page']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = directives(res.headers.get('content-security-policy') ?? '');
      expect(csp.get('script-src'), path).toEqual(["'self'"]);
      expect(csp.get('style-src'), path).toEqual(["'self'"]);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('connect-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      for (const values of csp.values()) {
        for (const v of values) expect(v, path).not.toMatch(/unsafe|https?:|\*/);
      }
    }
  });

  it('has nothing inline for that policy to block: index.html, source and built', () => {
    const root = findRepoRoot();
    for (const file of ['web/index.html', 'web/dist/index.html']) {
      const html = readFileSync(join(root, file), 'utf8');
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, file).toMatch(/\ssrc="\/[^"]+"/);
      expect(html, file).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
      expect(html, file).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    }
  });

  it('leaves the API’s answers their own policy, the reference page’s included', async () => {
    const docs = await fetch(`${server.url}/api/v1/docs`);
    expect(docs.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'(;|$)/);
    const json = await fetch(`${server.url}/api/v1/health`);
    expect(json.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  });
});

describe('unknown routes through the runtime’s server', () => {
  it('answers problem+json for /api/v1 paths, not the SPA or plain text', async () => {
    const token = await server.operatorToken();
    const headers = { authorization: `Bearer ${token}` };
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await fetch(`${server.url}/api/v1/no-such-route`, { method, headers });
      await expectProblem(res, 404);
    }
    const wrong = await fetch(`${server.url}/api/v1/networks`, { method: 'DELETE', headers });
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, POST');
    await expectProblem(wrong, 405);
  });
});

describe('body limits while the body streams in', () => {
  it('answers 413 to an endless JSON sign-in long before its end, reading at most the limit', async () => {
    const total = 200 * MB;
    const res = await streamUntilAnswered(
      `${server.url}/api/v1/auth/login`,
      { 'content-type': 'application/json' },
      Buffer.alloc(64 * 1024, 0x20),
      total,
      Buffer.from('{"email":"a@example.org","password":"'),
    );
    expect(res.status, res.body).toBe(413);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({ errors: [{ path: 'body' }] });
    // answered while the client was still sending: what crossed the wire is far from all
    console.log(
      `streamed limit: answered ${res.status} after ${(res.sent / MB).toFixed(1)} MB of ${total / MB} MB sent`,
    );
    expect(res.sent).toBeLessThan(total / 4);
  });

  it('keeps photo uploads to 5 MB while they stream in, answering before the body ends', async () => {
    // the limit comes before anything else the route does: any signed-in caller sees it
    const token = await server.operatorToken();
    const boundary = 'sisiboundary';
    const head = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      SAMPLE_JPEG,
    ]);
    const total = 100 * MB;
    const res = await streamUntilAnswered(
      `${server.url}/api/v1/networks/some-network/mentorships/some-mentorship/photos`,
      {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      Buffer.alloc(256 * 1024, 0x41),
      total,
      head,
    );
    expect(res.status, res.body).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ errors: [{ path: 'file' }] });
    console.log(
      `streamed limit: answered ${res.status} after ${(res.sent / MB).toFixed(1)} MB of ${total / MB} MB sent`,
    );
    expect(res.sent).toBeLessThan(total / 4);
  });
});
