import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { createMentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

interface Operation {
  requestBody?: { required?: boolean; content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, unknown> }>;
}
interface Spec {
  info: { description: string };
  paths: Record<string, Record<string, Operation>>;
}

const KB = 1024;
const WRITES = ['post', 'put', 'patch', 'delete'];

let api: TestApi;
let w: MentorshipWorld;
let spec: Spec;

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Edge');
  spec = await expectJson<Spec>(await api.call('GET', '/openapi.json'), 200);
});
afterAll(() => api?.close());

const items = () => api.countItems([w.networkId, w.otherNetworkId]);

/** Every operation of the spec that takes a JSON body, with a concrete path in `w`'s network. */
function jsonWrites(): { method: string; path: string; url: string; op: Operation }[] {
  const out = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!WRITES.includes(method) || !op.requestBody?.content['application/json']) continue;
      const url = path.replace('{networkId}', w.networkId).replace(/\{[^}]+\}/g, 'x123');
      out.push({ method: method.toUpperCase(), path, url, op });
    }
  }
  return out;
}

/** A raw request: `body` goes as given, with exactly the headers given (no `Content-Type` added). */
const send = (method: string, url: string, headers: Record<string, string>, body?: Uint8Array) =>
  api.app.request(`/api/v1${url}`, {
    method,
    headers: { authorization: `Bearer ${w.tokens.admin}`, ...headers },
    ...(body ? { body } : {}),
  });
const bytes = (text: string) => new TextEncoder().encode(text);

describe('unknown routes and methods', () => {
  it('answers 404 problem+json to a path that is no route, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      for (const path of ['/no-such-route', '/networks/x/no-such-thing', '']) {
        const problem = await expectProblem(
          await api.call(method, path, { token: api.operatorToken }),
          404,
        );
        expect(problem.detail).toBe('route not found');
      }
    }
  });

  it('answers 405 problem+json with Allow to a route asked with another method', async () => {
    const cases: [string, string, string][] = [
      ['DELETE', '/networks', 'GET, HEAD, POST'],
      ['PATCH', `/networks/${w.networkId}/mentorships`, 'GET, HEAD, POST'],
      ['POST', `${mentorshipPath(w.networkId, 'x123')}/plan`, 'GET, HEAD, PUT'],
      ['PUT', '/auth/login', 'POST'],
      ['GET', '/auth/login', 'POST'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await api.call(method, path, { token: api.operatorToken });
      expect(res.headers.get('allow'), `${method} ${path}`).toBe(allow);
      const problem = await expectProblem(res, 405);
      expect(problem.detail).toBe(`this route answers ${allow}`);
    }
  });

  it('still asks for a token first on routes that need one', async () => {
    await expectProblem(await api.call('GET', '/no-such-route'), 401);
  });
});

describe('a wrong Content-Type on every JSON write route', () => {
  const json = bytes('{"name":"Sent as something else"}');
  const wrong: [string, Record<string, string>, Uint8Array][] = [
    ['no Content-Type', {}, json],
    ['text/plain', { 'content-type': 'text/plain' }, json],
    ['text/plain; charset=utf-8', { 'content-type': 'text/plain; charset=utf-8' }, json],
    [
      'application/x-www-form-urlencoded',
      { 'content-type': 'application/x-www-form-urlencoded' },
      bytes('name=Form&region=East'),
    ],
    [
      'multipart/form-data',
      { 'content-type': 'multipart/form-data; boundary=edge' },
      bytes('--edge\r\nContent-Disposition: form-data; name="name"\r\n\r\nForm\r\n--edge--\r\n'),
    ],
    ['application/xml', { 'content-type': 'application/xml' }, bytes('<name>x</name>')],
    ['text/json', { 'content-type': 'text/json' }, json],
    ['application/octet-stream', { 'content-type': 'application/octet-stream' }, json],
  ];

  it('answers 415 problem+json naming Content-Type, and writes nothing', async () => {
    const routes = jsonWrites();
    // the API has dozens of JSON write routes, public ones among them; an empty walk proves nothing
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/auth/login', '/invitations/{token}/accept']),
    );
    const before = await items();
    for (const { method, path, url } of routes) {
      for (const [what, headers, body] of wrong) {
        const res = await send(method, url, headers, body);
        const problem = await expectProblem(res, 415, 'Content-Type');
        expect(problem.title, `${method} ${path} with ${what}`).toBe('Unsupported media type');
      }
    }
    expect(await items()).toBe(before);
  });

  it('lists 413 and 415 on every JSON write route of the spec', () => {
    for (const { method, path, op } of jsonWrites()) {
      for (const status of ['413', '415']) {
        expect(
          op.responses[status]?.content?.['application/problem+json'],
          `${method} ${path} ${status}`,
        ).toBeDefined();
      }
    }
    expect(spec.info.description).toContain('at most 64 kB');
  });
});

describe('a JSON write route sent no body at all', () => {
  it('answers 400 naming body on every route whose body is required, and writes nothing', async () => {
    const before = await items();
    let checked = 0;
    for (const { method, path, url, op } of jsonWrites()) {
      if (!op.requestBody?.required) continue;
      await expectProblem(await send(method, url, {}), 400, 'body').catch((error: Error) => {
        throw new Error(`${method} ${path}: ${error.message}`);
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
    expect(await items()).toBe(before);
  });

  it('answers 400, not 409, to a versioned PUT without a body, and keeps the document', async () => {
    const m = await createMentorship(api, w.networkId, w.tokens.admin, {
      mentorOrganizationId: w.mentor.id,
      menteeOrganizationIds: [w.mentee.id],
    });
    const plan = `${mentorshipPath(w.networkId, m.id)}/plan`;
    const saved = await expectJson<{ version: number }>(
      await api.call('PUT', plan, { token: w.tokens.admin, body: { intendedOutcome: 'Kept' } }),
      200,
    );
    const before = await items();
    await expectProblem(await send('PUT', plan, {}), 400, 'body');
    // an empty body declared as JSON is no JSON
    await expectProblem(
      await send('PUT', plan, { 'content-type': 'application/json' }),
      400,
      'body',
    );
    await expectProblem(
      await send('PUT', plan, { 'content-type': 'application/json' }, new Uint8Array(0)),
      400,
      'body',
    );
    expect(await items()).toBe(before);
    const kept = await expectJson<{ version: number; content: { intendedOutcome?: string } }>(
      await api.call('GET', plan, { token: w.tokens.admin }),
      200,
    );
    expect(kept.version).toBe(saved.version);
    expect(kept.content.intendedOutcome).toBe('Kept');
  });
});

describe('the JSON body limit (64 kB)', () => {
  /** A JSON object of exactly `size` bytes. */
  const jsonOf = (size: number) => {
    const head = '{"name":"';
    const tail = '"}';
    return bytes(head + 'x'.repeat(size - head.length - tail.length) + tail);
  };

  it('answers 413 problem+json naming body on every JSON write route, and writes nothing', async () => {
    const before = await items();
    const body = jsonOf(64 * KB + 1);
    for (const { method, path, url } of jsonWrites()) {
      const res = await send(method, url, { 'content-type': 'application/json' }, body);
      const problem = await expectProblem(res, 413, 'body');
      expect(problem.detail, `${method} ${path}`).toBe('the body must be at most 64 kB');
    }
    expect(await items()).toBe(before);
  });

  it('refuses a large body declared by Content-Length before reading it, signed in or not', async () => {
    for (const url of ['/auth/login', '/invitations/no-such-token/accept']) {
      const res = await api.app.request(`/api/v1${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(100 * KB * KB) },
        body: jsonOf(100),
      });
      await expectProblem(res, 413, 'body');
    }
  });

  it('takes a body of exactly 64 kB to the route', async () => {
    // not 413: the route itself reads it (and finds a name far too long, or a wrong sign-in)
    const login = await api.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bytes(
        JSON.stringify({ email: 'nobody@example.org', password: 'p'.repeat(64 * KB - 100) }).padEnd(
          64 * KB,
          ' ',
        ),
      ),
    });
    expect(login.status).not.toBe(413);
    expect([400, 401]).toContain(login.status);
  });
});

describe('Content-Security-Policy of the API', () => {
  it('forbids everything in a browser on JSON answers and problems', async () => {
    for (const res of [
      await api.call('GET', '/networks', { token: api.operatorToken }),
      await api.call('GET', '/no-such-route', { token: api.operatorToken }),
      await api.call('GET', '/me'),
    ]) {
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
    }
  });

  it('gives the reference page its own: scripts by nonce only, the viewer pinned with its hash', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const res = await api.call('GET', '/docs');
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
      const nonce = scriptSrc.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
      expect(nonce, csp).toBeDefined();
      nonces.add(nonce!);
      // the nonce and nothing else: no inline script, no eval, no host
      expect(scriptSrc.trim()).toBe(`script-src 'nonce-${nonce}'`);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      const external = scripts.filter((t) => t.includes(' src='));
      expect(external).toHaveLength(1);
      expect(external[0]).toMatch(
        /src="https:\/\/cdn\.jsdelivr\.net\/npm\/@scalar\/api-reference@\d+\.\d+\.\d+\//,
      );
      expect(external[0]).toMatch(/integrity="sha384-[A-Za-z0-9+/=]{64}"/);
      expect(external[0]).toContain('crossorigin="anonymous"');
      expect(html).toContain('/api/v1/openapi.json');
    }
    expect(nonces.size).toBe(2); // a new nonce for every answer
  });
});
