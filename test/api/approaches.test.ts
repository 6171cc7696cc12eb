import { toolkitIn } from '@sisi/domain';
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

  /** The approaches answered for `Accept-Language: header`, with the answer's language. */
  const approachesIn = async (header: string) => {
    const res = await api.call('GET', '/approaches', {
      token: adminToken,
      headers: { 'accept-language': header },
    });
    const { items } = await expectJson<{ items: Approach[] }>(res, 200);
    return { items, language: res.headers.get('content-language'), vary: res.headers.get('vary') };
  };
  /** The domain's approaches in `lng`, as JSON carries them. */
  const catalogued = (lng: string): Approach[] =>
    JSON.parse(JSON.stringify(toolkitIn('toolkit-mentorship', lng).approaches));

  for (const [header, lng] of [
    ['fr', 'fr'],
    ['pt-BR', 'pt'],
    ['es-MX, en;q=0.5', 'es'],
    ['de', 'en'],
  ] as const) {
    it(`answers \`Accept-Language: ${header}\` in ${lng}, and says so`, async () => {
      const answer = await approachesIn(header);
      expect(answer.language).toBe(lng);
      expect(answer.vary).toMatch(/accept-language/i);
      expect(answer.items).toEqual(catalogued(lng));
    });
  }

  it('keeps the ids and codes in every language, only the words change', async () => {
    const english = await approachesIn('en');
    const codes = (items: Approach[]) =>
      items.map(({ id, virtual, scenarios, gathering }) => ({ id, virtual, scenarios, gathering }));
    for (const lng of ['fr', 'es', 'pt']) {
      const { items } = await approachesIn(lng);
      expect(codes(items), lng).toEqual(codes(english.items));
      items.forEach((a, i) => {
        expect(a.definition, `${lng} ${a.id}`).not.toBe(english.items[i]!.definition);
      });
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
