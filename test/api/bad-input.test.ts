import { errorCodes } from '@sisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';

interface Operation {
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Schema {
  $ref?: string;
  required?: string[];
  allOf?: Schema[];
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * Every write route of the spec under a network, called by the network's admin with a body
 * missing its required fields: 400 problem+json naming each missing field, and nothing
 * written anywhere. (Each feature's own tests also send wrong values on real resources;
 * this one makes sure no write route was left without the check.)
 */
describe('bad input on every write route', () => {
  let api: TestApi;
  let networkId: string;
  let adminToken: string;
  let spec: Spec;

  beforeAll(async () => {
    api = await createTestApi();
    ({ networkId, adminToken } = await api.createNetwork('Bad input'));
    spec = (await (await api.call('GET', '/openapi.json')).json()) as Spec;
  });
  afterAll(() => api?.close());

  const required = (schema: Schema | undefined): string[] => {
    if (!schema) return [];
    if (schema.$ref) return required(spec.components.schemas[schema.$ref.split('/').pop()!]);
    return [...(schema.required ?? []), ...(schema.allOf ?? []).flatMap(required)];
  };

  it('answers 400 naming the missing fields and writes nothing', async () => {
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      if (!path.startsWith('/networks/{networkId}/')) continue;
      for (const [method, op] of Object.entries(methods)) {
        if (!['post', 'put', 'patch'].includes(method)) continue;
        const fields = required(op.requestBody?.content['application/json']?.schema);
        if (fields.length === 0) continue;
        const url = path.replace('{networkId}', networkId).replace(/\{[^}]+\}/g, '1');
        const before = await api.countItems([networkId]);
        const res = await api.call(method.toUpperCase(), url, { token: adminToken, body: {} });
        const text = await res.text();
        expect(res.status, `${method} ${path}: ${text}`).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const problem = JSON.parse(text) as { errors?: { path: string; code: string }[] };
        const named = new Set((problem.errors ?? []).map((e) => e.path.split('.')[0]));
        expect(
          fields.filter((f) => !named.has(f)),
          `${method} ${path} does not name every missing field`,
        ).toEqual([]);
        // each with a stable code; a field left out is `required`, whatever its type
        for (const e of problem.errors ?? []) expect(errorCodes, text).toContain(e.code);
        const missing = (problem.errors ?? []).filter((e) => fields.includes(e.path));
        expect(
          missing.filter((e) => e.code !== 'required'),
          `${method} ${path}`,
        ).toEqual([]);
        expect(await api.countItems([networkId]), `${method} ${path} wrote`).toBe(before);
        checked.push(`${method} ${path}`);
      }
    }
    // the API has dozens of write routes with required fields; an empty walk proves nothing
    expect(checked.length).toBeGreaterThan(40);
  });
});
