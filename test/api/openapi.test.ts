import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { expectJson, expectProblem, type Problem } from '../support/problem.ts';

interface Operation {
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
  security?: Record<string, string[]>[];
}

interface Spec {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Schema>;
    securitySchemes?: Record<string, Record<string, string>>;
  };
}

interface Schema {
  $ref?: string;
  type?: string;
  enum?: string[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}

/** API.md's routes implemented so far: [method, path, success status, public?]. */
const CONTRACT: { method: string; path: string; success: string; public?: boolean }[] = [
  { method: 'post', path: '/auth/login', success: '200', public: true },
  { method: 'get', path: '/me', success: '200' },
  { method: 'post', path: '/invitations/{token}/accept', success: '200', public: true },
  { method: 'post', path: '/networks', success: '201' },
  { method: 'get', path: '/networks', success: '200' },
  { method: 'post', path: '/networks/{networkId}/organizations', success: '201' },
  { method: 'get', path: '/networks/{networkId}/organizations', success: '200' },
  { method: 'get', path: '/networks/{networkId}/organizations/{organizationId}', success: '200' },
  { method: 'patch', path: '/networks/{networkId}/organizations/{organizationId}', success: '200' },
  {
    method: 'post',
    path: '/networks/{networkId}/organizations/{organizationId}/members',
    success: '201',
  },
  {
    method: 'get',
    path: '/networks/{networkId}/organizations/{organizationId}/members',
    success: '200',
  },
  { method: 'get', path: '/approaches', success: '200' },
  ...(['plan', 'orientation', 'closure'] as const).flatMap((doc) => [
    {
      method: 'get',
      path: `/networks/{networkId}/mentorships/{mentorshipId}/${doc}`,
      success: '200',
    },
    {
      method: 'put',
      path: `/networks/{networkId}/mentorships/{mentorshipId}/${doc}`,
      success: '200',
    },
  ]),
  {
    method: 'post',
    path: '/networks/{networkId}/mentorships/{mentorshipId}/gatherings',
    success: '201',
  },
  {
    method: 'get',
    path: '/networks/{networkId}/mentorships/{mentorshipId}/gatherings',
    success: '200',
  },
  {
    method: 'post',
    path: '/networks/{networkId}/organizations/{organizationId}/capacity-assessments',
    success: '201',
  },
  {
    method: 'get',
    path: '/networks/{networkId}/organizations/{organizationId}/capacity-assessments',
    success: '200',
  },
  {
    method: 'get',
    path: '/networks/{networkId}/organizations/{organizationId}/asset-inventory',
    success: '200',
  },
  {
    method: 'put',
    path: '/networks/{networkId}/organizations/{organizationId}/asset-inventory',
    success: '200',
  },
  // API.md "Mentorships", fixed
  { method: 'post', path: '/networks/{networkId}/mentorships', success: '201' },
  { method: 'get', path: '/networks/{networkId}/mentorships', success: '200' },
  { method: 'get', path: '/networks/{networkId}/mentorships/{mentorshipId}', success: '200' },
  ...(
    [
      ['agreements', '201'],
      ['stage', '200'],
      ['end', '200'],
      ['quarterly-reports', '201'],
    ] as const
  ).map(([action, success]) => ({
    method: 'post',
    path: `/networks/{networkId}/mentorships/{mentorshipId}/${action}`,
    success,
  })),
  {
    method: 'put',
    path: '/networks/{networkId}/mentorships/{mentorshipId}/participants',
    success: '200',
  },
  { method: 'post', path: '/decision-matrix', success: '200' },
  {
    method: 'get',
    path: '/networks/{networkId}/mentorships/{mentorshipId}/reviews',
    success: '200',
  },
  { method: 'get', path: '/networks/{networkId}/reviews/due', success: '200' },
  { method: 'post', path: '/networks/{networkId}/coaching-groups', success: '201' },
  {
    method: 'post',
    path: '/networks/{networkId}/coaching-groups/{groupId}/sessions',
    success: '201',
  },
  {
    method: 'put',
    path: '/networks/{networkId}/coaching-groups/{groupId}/sessions/{sessionId}/learning-log',
    success: '200',
  },
  {
    method: 'get',
    path: '/networks/{networkId}/coaching-groups/{groupId}/sessions/{sessionId}/learning-log',
    success: '200',
  },
  { method: 'post', path: '/donors', success: '201' },
  { method: 'get', path: '/summary', success: '200' },
];

const PROBLEM_JSON = 'application/problem+json';

let api: TestApi;
let spec: Spec;

const operation = (method: string, path: string) => spec.paths[path]?.[method];
const resolve = (schema: Schema): Schema =>
  schema.$ref
    ? resolve(spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {})
    : schema;

beforeAll(async () => {
  api = await createTestApi();
  spec = await expectJson<Spec>(await api.call('GET', '/openapi.json'), 200);
});
afterAll(() => api.close());

describe('GET /api/v1/openapi.json', () => {
  it('is OpenAPI 3.1, served without a token', () => {
    expect(spec.openapi).toMatch(/^3\.1\.\d+$/);
  });

  for (const { method, path, success, public: isPublic } of CONTRACT) {
    describe(`${method.toUpperCase()} ${path}`, () => {
      it(`is documented with its ${success} answer`, () => {
        const op = operation(method, path);
        expect(
          op,
          `${method} ${path} missing; documented: ${Object.keys(spec.paths).join(', ')}`,
        ).toBeDefined();
        expect(Object.keys(op!.responses)).toContain(success);
      });

      it(isPublic ? 'needs no token' : 'asks for the bearer token and documents 401', () => {
        const op = operation(method, path)!;
        if (isPublic) {
          expect(op.security ?? []).toEqual([]);
        } else {
          expect(op.security).toContainEqual({ bearerAuth: [] });
          expect(op.responses['401']?.content?.[PROBLEM_JSON]).toBeDefined();
        }
      });

      if (method !== 'get') {
        it('takes a JSON body and documents its 400 as problem+json with errors', () => {
          const op = operation(method, path)!;
          expect(op.requestBody?.content['application/json']).toBeDefined();
          const problem = op.responses['400']?.content?.[PROBLEM_JSON]?.schema as
            | Schema
            | undefined;
          expect(problem).toBeDefined();
          const resolved = resolve(problem!);
          expect(resolved.required).toEqual(
            expect.arrayContaining(['type', 'title', 'status', 'detail']),
          );
          const item = resolve(resolved.properties?.errors?.items ?? {});
          expect(Object.keys(item.properties ?? {})).toEqual(
            expect.arrayContaining(['path', 'code', 'params', 'message']),
          );
          expect(resolve(item.properties?.code ?? {}).enum).toEqual(
            expect.arrayContaining(['required', 'too_long', 'not_one_of', 'not_a_known_field']),
          );
        });
      }
    });
  }

  it('defines bearerAuth as an HTTP bearer JWT scheme', () => {
    expect(spec.components.securitySchemes?.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it("documents keyPopulations as API.md's four", () => {
    const body = operation('post', '/networks/{networkId}/organizations')?.requestBody?.content[
      'application/json'
    ];
    const schema = resolve((body?.schema ?? {}) as Schema);
    expect(resolve(schema.properties?.keyPopulations?.items ?? {}).enum?.sort()).toEqual(
      ['msm', 'people-who-inject-drugs', 'sex-workers', 'transgender'].sort(),
    );
  });

  it('documents only routes that exist', async () => {
    const unrouted = await expectProblem(
      await api.call('GET', '/no-such-route', { token: api.operatorToken }),
      404,
    );
    const strip = ({ instance: _instance, ...rest }: Problem) => rest;
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const method of Object.keys(ops)) {
        const concrete = path.replace(/\{[^}]+\}/g, 'some-id-123');
        const res = await api.call(method.toUpperCase(), concrete, {
          token: api.operatorToken,
          ...(method === 'get' ? {} : { body: {} }),
        });
        const body = res.headers.get('content-type')?.startsWith(PROBLEM_JSON)
          ? strip((await res.json()) as Problem)
          : undefined;
        expect(body, `${method} ${path}`).not.toEqual(strip(unrouted));
      }
    }
  });
});

describe('GET /api/v1/docs', () => {
  it('is an HTML page that loads the spec', async () => {
    const res = await api.call('GET', '/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<html/i);
    expect(html).toContain('/api/v1/openapi.json');
  });
});
