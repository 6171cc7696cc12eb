import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { createOrganization, uniqueEmail } from '../support/fixtures.ts';
import { createMentorship } from '../support/mentorships.ts';
import {
  badInputs,
  hash,
  type Operation,
  prng,
  resolve,
  type Spec,
  sample,
} from '../support/openapi-inputs.ts';

/**
 * The attack kept as tests, driven by the API's OpenAPI document so that a new route is
 * covered without anyone writing a test for it:
 * - the cross-tenant matrix: every route with a `{networkId}`, called by network A's admin,
 *   coordinator and member with network B's ids, answers 404 (a 400 only where the same body
 *   is refused on A's own network too: the body was refused before any tenant was looked
 *   at) and writes nothing in either network;
 * - the bad-input generator: every JSON write route gets seeded bad inputs (wrong types,
 *   missing fields, huge strings, deep nesting, bad dates, NUL and lone surrogates, broken
 *   bodies): a 400 problem+json naming the spoilt field (413 allowed for a body over the JSON
 *   limit), never a 5xx, nothing written.
 *
 * `pnpm test` draws 20 inputs per route; `pnpm test:attack` (`SISI_ATTACK=full`) draws 200.
 * `SISI_ATTACK_SEED` changes the draw; a failure prints the seed, the route and the input.
 */
const FULL = process.env.SISI_ATTACK === 'full';
const PER_ROUTE = FULL ? 200 : 20;
const SEED = Number(process.env.SISI_ATTACK_SEED ?? 13);

/** Routes reached without a token. */
const PUBLIC = [/^\/auth\//, /^\/invitations\//, /^\/password-reset\//];

interface Tenant {
  networkId: string;
  organizationId: string;
  mentorshipId: string;
  memberId: string;
  tokens: { admin: string; coordinator: string; member: string };
}

let api: TestApi;
let spec: Spec;
let a: Tenant;
let b: Tenant;

async function tenant(name: string): Promise<Tenant> {
  const { networkId, adminToken } = await api.createNetwork(name);
  const org = await createOrganization(api, networkId, adminToken, { name: `${name} mentor` });
  const partner = await createOrganization(api, networkId, adminToken, { name: `${name} mentee` });
  const member = (await (
    await api.call('POST', `/networks/${networkId}/organizations/${org.id}/members`, {
      token: adminToken,
      body: { email: uniqueEmail('member'), name: 'A Member' },
    })
  ).json()) as { id: string };
  const mentorship = await createMentorship(api, networkId, adminToken, {
    mentorOrganizationId: org.id,
    menteeOrganizationIds: [partner.id],
  });
  return {
    networkId,
    organizationId: org.id,
    mentorshipId: mentorship.id,
    memberId: member.id,
    tokens: {
      admin: adminToken,
      coordinator: await api.tokenFor({
        id: org.coordinatorId,
        roles: ['coordinator'],
        networkId,
        organizationId: org.id,
      }),
      member: await api.tokenFor({
        id: member.id,
        roles: ['member'],
        networkId,
        organizationId: org.id,
      }),
    },
  };
}

beforeAll(async () => {
  api = await createTestApi();
  spec = (await (await api.call('GET', '/openapi.json')).json()) as Spec;
  a = await tenant('Attack A');
  b = await tenant('Attack B');
}, 120_000);
afterAll(() => api?.close());

const operations = () =>
  Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

/** The path with each `{param}` filled: the tenant's ids where it has them, else a sample. */
function fill(path: string, op: Operation, t: Tenant): string {
  const known: Record<string, string> = {
    networkId: t.networkId,
    organizationId: t.organizationId,
    mentorshipId: t.mentorshipId,
    personId: t.memberId,
  };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (known[name]) return known[name];
    const param = op.parameters?.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(String(sample(spec, param?.schema)));
  });
}

/** The required query parameters, sampled from their schemas. */
function query(op: Operation): string {
  const required = (op.parameters ?? []).filter((p) => p.in === 'query' && p.required);
  if (!required.length) return '';
  const params = new URLSearchParams(
    required.map((p): [string, string] => [p.name, String(sample(spec, p.schema))]),
  );
  return `?${params}`;
}

const jsonSchemaOf = (op: Operation) => op.requestBody?.content['application/json']?.schema;

/** Sends a raw JSON text body (so `\u` escapes arrive as written). */
const send = (method: string, path: string, token: string | undefined, body?: string) =>
  api.app.request(`/api/v1${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body } : {}),
  });

const isProblem = (res: Response) =>
  /^application\/problem\+json/.test(res.headers.get('content-type') ?? '');

describe('the cross-tenant matrix (every route with a {networkId})', () => {
  it('answers 404 to network A’s people on network B’s ids, and writes nothing', async () => {
    const checked: string[] = [];
    const failures: string[] = [];
    for (const { path, method, op } of operations()) {
      if (!path.includes('{networkId}')) continue;
      const schema = jsonSchemaOf(op);
      const multipart = !schema && op.requestBody;
      // the whole sample, or only its required fields when those make a valid body (a
      // refinement across optional fields may refuse the whole one)
      const bodies = schema
        ? [JSON.stringify(sample(spec, schema)), JSON.stringify(sample(spec, schema, false))]
        : [undefined];
      const before = await api.countItems([a.networkId, b.networkId]);
      for (const caller of ['admin', 'coordinator', 'member'] as const) {
        const url = `${fill(path, op, b)}${query(op)}`;
        let body = bodies[0];
        let res = await send(method.toUpperCase(), url, a.tokens[caller], body);
        if (res.status === 400 && bodies[1] !== undefined) {
          body = bodies[1];
          res = await send(method.toUpperCase(), url, a.tokens[caller], body);
        }
        const label = `${caller} of A: ${method.toUpperCase()} ${path} → ${res.status}`;
        if (res.status === 404 && isProblem(res)) continue;
        if (res.status === 400 && (schema || multipart)) {
          // refused for its body, before any network was looked at: so is it on A's own
          const mine = await send(
            method.toUpperCase(),
            `${fill(path, op, a)}${query(op)}`,
            a.tokens[caller],
            body,
          );
          if (mine.status === 400) continue;
          failures.push(`${label}, but ${mine.status} on A's own network`);
          continue;
        }
        failures.push(`${label}: ${(await res.text()).slice(0, 300)}`);
      }
      expect(await api.countItems([a.networkId, b.networkId]), `${method} ${path} wrote`).toBe(
        before,
      );
      checked.push(`${method} ${path}`);
    }
    expect(failures).toEqual([]);
    // dozens of network routes exist; an empty walk proves nothing
    expect(checked.length).toBeGreaterThan(100);
  }, 300_000);
});

describe(`the bad-input generator (${PER_ROUTE} seeded inputs per write route, seed ${SEED})`, () => {
  it('answers every bad body with a 400 naming the field (or 413), never a 5xx, nothing written', async () => {
    const failures: string[] = [];
    let routes = 0;
    let inputs = 0;
    for (const { path, method, op } of operations()) {
      if (!['post', 'put', 'patch'].includes(method)) continue;
      const schema = jsonSchemaOf(op);
      if (!schema) continue; // multipart uploads have their own tests
      const token = PUBLIC.some((p) => p.test(path))
        ? undefined
        : path.startsWith('/networks/{networkId}')
          ? a.tokens.admin
          : api.operatorToken;
      const url = `${fill(path, op, a)}${query(op)}`;
      const rng = prng(hash(`${SEED} ${method} ${path}`));
      const drawn = badInputs(spec, resolve(spec, schema), PER_ROUTE, rng);
      expect(drawn.length, `${method} ${path}: too few inputs drawn`).toBeGreaterThanOrEqual(
        Math.min(PER_ROUTE, 20),
      );
      const before = await api.countItems([a.networkId, b.networkId]);
      for (const input of drawn) {
        inputs++;
        const res = await send(method.toUpperCase(), url, token, input.body);
        const text = await res.text();
        const where = `${method.toUpperCase()} ${path} [${input.kind}${input.field ? ` at ${input.field}` : ''}] seed ${SEED}`;
        const ok =
          res.status === 400 || (input.mayBeTooLarge && res.status === 413)
            ? isProblem(res)
            : false;
        if (!ok) {
          failures.push(
            `${where} (${input.body.length} characters) → ${res.status}: ${text.slice(0, 200)}`,
          );
          continue;
        }
        if (res.status === 400 && input.field) {
          const paths = ((JSON.parse(text) as { errors?: { path: string }[] }).errors ?? []).map(
            (e) => e.path,
          );
          const names = paths.some(
            (p) =>
              p === input.field ||
              p.startsWith(`${input.field}.`) ||
              (input.field!.startsWith(`${p}.`) && p !== 'body'),
          );
          if (!names) failures.push(`${where} → 400 naming ${paths.join(', ') || 'nothing'}`);
        }
      }
      const after = await api.countItems([a.networkId, b.networkId]);
      if (after !== before) failures.push(`${method} ${path}: ${after - before} items written`);
      routes++;
    }
    expect(failures.slice(0, 40), `${failures.length} failures`).toEqual([]);
    expect(routes).toBeGreaterThan(50);
    expect(inputs).toBeGreaterThanOrEqual(routes * 20);
  }, 600_000);
});
