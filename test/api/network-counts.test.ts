import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { createGroup, type GroupWorld, groupWorld } from '../support/coaching-groups.ts';
import { createMentorship } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

interface NetworkDetail {
  id: string;
  name: string;
  status: string;
  defaultLanguage: string;
  counts?: Record<string, number>;
}

/**
 * Issue 16, item 7: the operator's view of a network's size. `GET /networks/{networkId}`
 * adds `counts` for the operator only; the network's own people get the network without
 * them, and anyone of another network gets 404.
 */
describe('GET /networks/{networkId} counts', () => {
  let api: TestApi;
  let w: GroupWorld;
  beforeAll(async () => {
    api = await createTestApi();
    w = await groupWorld(api, 'Counted');
    await createMentorship(api, w.networkId, w.tokens.admin, {
      mentorOrganizationId: w.orgA.id,
      menteeOrganizationIds: [w.orgB.id],
    });
    await createGroup(api, w);
  }, 120_000);
  afterAll(() => api?.close());

  const get = (networkId: string, token: string) =>
    api.call('GET', `/networks/${networkId}`, { token });

  it('gives the operator organizations, people, mentorships and coaching groups', async () => {
    const network = await expectJson<NetworkDetail>(await get(w.networkId, api.operatorToken), 200);
    expect(network).toMatchObject({ id: w.networkId, status: 'active' });
    // four organizations; their four coordinators and six members
    expect(network.counts).toEqual({
      organizations: 4,
      people: 10,
      mentorships: 1,
      coachingGroups: 1,
    });
  });

  it('counts a network with nothing in it as zeros', async () => {
    const network = await expectJson<NetworkDetail>(
      await get(w.otherNetworkId, api.operatorToken),
      200,
    );
    expect(network.counts).toEqual({
      organizations: 0,
      people: 0,
      mentorships: 0,
      coachingGroups: 0,
    });
  });

  it('leaves a person who was deactivated out of the people', async () => {
    const res = await api.call(
      'PATCH',
      `/networks/${w.networkId}/organizations/${w.orgA.id}/members/${w.people.outsider}`,
      { token: w.tokens.admin, body: { status: 'deactivated' } },
    );
    if (res.status !== 200) {
      // the route's shape is its own test's business: only what it leaves matters here
      throw new Error(`deactivate: ${res.status} ${await res.text()}`);
    }
    const network = await expectJson<NetworkDetail>(await get(w.networkId, api.operatorToken), 200);
    expect(network.counts?.people).toBe(9);
  });

  for (const who of ['admin', 'coordinatorA', 'm1'] as const) {
    it(`gives the network's ${who} the network without counts`, async () => {
      const network = await expectJson<NetworkDetail>(await get(w.networkId, w.tokens[who]), 200);
      expect(network.id).toBe(w.networkId);
      expect(network).not.toHaveProperty('counts');
    });
  }

  it('is documented in the OpenAPI spec as an optional `counts` object', async () => {
    type Schema = { $ref?: string; properties?: Record<string, Schema>; required?: string[] };
    const spec = await expectJson<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, Schema> };
    }>(await api.call('GET', '/openapi.json'), 200);
    const ok = spec.paths['/networks/{networkId}']?.get?.responses['200'] as {
      content: { 'application/json': { schema: Schema } };
    };
    const ref = ok.content['application/json'].schema.$ref ?? '';
    const detail = spec.components.schemas[ref.replace('#/components/schemas/', '')];
    expect(detail?.properties).toHaveProperty('counts');
    expect(detail?.required ?? []).not.toContain('counts');
  });

  it('answers 404 to another network’s admin, and to the operator for a network that is not', async () => {
    await expectProblem(await get(w.networkId, w.tokens.otherAdmin), 404);
    await expectProblem(await get('no-such-network', api.operatorToken), 404);
  });
});
