import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

interface Approach {
  id: string;
  name: string;
  definition: string;
  whenToUse: string[];
  virtual: 'yes' | 'no' | 'partly';
  virtualNote: string;
  scenarios: ('one-to-one' | 'one-to-many')[];
  gathering: boolean;
}

/** API.md's approach ids. */
const IDS = [
  'on-site',
  'twinning',
  'community-of-practice',
  'study-tour',
  'exchange-visit',
  'exchange-event',
  'internship-shadowing',
  'resource-referral',
  'telementoring',
];

let api: TestApi;
let networkId: string;
let adminToken: string;

beforeAll(async () => {
  api = await createTestApi();
  ({ networkId, adminToken } = await api.createNetwork('Approaches network'));
});
afterAll(() => api.close());

describe('GET /approaches', () => {
  it('serves the nine approaches, each with definition, when to use, virtual and scenarios', async () => {
    const { items } = await expectJson<{ items: Approach[] }>(
      await api.call('GET', '/approaches', { token: adminToken }),
      200,
    );
    expect(items.map((a) => a.id).sort()).toEqual([...IDS].sort());
    for (const a of items) {
      expect(a.name.length, a.id).toBeGreaterThan(0);
      expect(a.definition.length, a.id).toBeGreaterThan(20);
      expect(a.whenToUse.length, a.id).toBeGreaterThan(0);
      expect(['yes', 'no', 'partly'], a.id).toContain(a.virtual);
      expect(a.virtualNote.length, a.id).toBeGreaterThan(0);
      expect(a.scenarios.length, a.id).toBeGreaterThan(0);
      expect(typeof a.gathering, a.id).toBe('boolean');
    }
  });

  it('marks the face-to-face gatherings that need the safety check (001)', async () => {
    const { items } = await expectJson<{ items: Approach[] }>(
      await api.call('GET', '/approaches', { token: adminToken }),
      200,
    );
    const byId = Object.fromEntries(items.map((a) => [a.id, a]));
    for (const id of ['community-of-practice', 'study-tour', 'exchange-visit', 'exchange-event']) {
      expect(byId[id]?.gathering, id).toBe(true);
    }
    for (const id of ['telementoring', 'resource-referral']) {
      expect(byId[id]?.gathering, id).toBe(false);
    }
    // 001's table: on-site cannot be done virtually, telementoring is virtual by definition
    expect(byId['on-site']?.virtual).toBe('no');
    expect(byId.telementoring?.virtual).toBe('yes');
    expect(byId.twinning?.scenarios).toEqual(['one-to-many']);
  });

  it('answers every signed-in person of the platform or a network the same', async () => {
    const reference = await (await api.call('GET', '/approaches', { token: adminToken })).json();
    const tokens = [
      api.operatorToken,
      await api.tokenFor({ roles: ['member'], networkId, organizationId: 'someorganization' }),
      await api.tokenFor({ roles: ['coordinator'], networkId, organizationId: 'someorganization' }),
    ];
    for (const token of tokens) {
      expect(await expectJson(await api.call('GET', '/approaches', { token }), 200)).toEqual(
        reference,
      );
    }
  });

  it('is not for donors, who read summaries only (403)', async () => {
    const token = await api.tokenFor({ roles: ['donor'] });
    await expectProblem(await api.call('GET', '/approaches', { token }), 403);
  });

  it('answers 401 without a token', async () => {
    await expectProblem(await api.call('GET', '/approaches'), 401);
  });
});
