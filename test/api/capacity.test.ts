import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  allPages,
  createOrganization,
  type Member,
  type Organization,
  uniqueEmail,
} from '../support/fixtures.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

interface Assessment {
  id: string;
  organizationId: string;
  date: string;
  kind: 'self' | 'joint';
  priorityAreas: unknown[];
  notes?: string;
  createdAt: string;
  createdBy: string;
}

interface InventoryDocument {
  version: number;
  content: Record<string, unknown>;
  updatedAt: string;
  updatedBy: string;
}

let api: TestApi;
let networkId: string;
let otherNetworkId: string;
let org: Organization;
let neighbour: Organization;
const tokens = {} as {
  admin: string;
  coordinator: string;
  member: string;
  neighbourCoordinator: string;
  neighbourMember: string;
  otherAdmin: string;
  /** A coordinator of the other network claiming `org`'s id as their organization. */
  otherCoordinatorSameId: string;
};

const assessmentsPath = (orgId = org.id, net = networkId) =>
  `/networks/${net}/organizations/${orgId}/capacity-assessments`;
const inventoryPath = (orgId = org.id, net = networkId) =>
  `/networks/${net}/organizations/${orgId}/asset-inventory`;
const items = () => api.countItems([networkId, otherNetworkId]);

const assessment = (date: string, overrides: Record<string, unknown> = {}) => ({
  date,
  kind: 'self',
  priorityAreas: [
    {
      area: 'financial-management',
      objectives: [
        { id: 'o1', knowledge: 'Know donor reporting rules', skills: 'Prepare a budget' },
        { attitudes: 'Treat audits as learning' },
      ],
    },
    { area: 'other', otherArea: 'Legal literacy', objectives: [] },
  ],
  notes: 'Assessed with the board',
  ...overrides,
});

const inventory = () => ({
  areasOfExpertise: ['peer-navigation', 'advocacy', 'other'],
  otherAreaOfExpertise: 'Paralegal support',
  internalExperts: [
    {
      name: 'Wanjiru Expert',
      expertise: 'Peer navigation for sex workers',
      skillTypes: ['technical', 'facilitation'],
      availability: 'Two days a month',
    },
  ],
  packagedResources: [
    { title: 'Peer navigator manual', kind: 'manual', language: 'sw' },
    { title: 'Paralegal training', kind: 'training', description: 'Five days', language: 'en' },
  ],
});

beforeAll(async () => {
  api = await createTestApi();
  const own = await api.createNetwork('Capacity network');
  networkId = own.networkId;
  tokens.admin = own.adminToken;
  org = await createOrganization(api, networkId, own.adminToken, { name: 'Assessed' });
  neighbour = await createOrganization(api, networkId, own.adminToken, { name: 'Neighbour' });
  const member = await expectJson<Member>(
    await api.call('POST', `/networks/${networkId}/organizations/${org.id}/members`, {
      token: own.adminToken,
      body: { email: uniqueEmail('member'), name: 'A Member' },
    }),
    201,
  );
  tokens.coordinator = await api.tokenFor({
    id: org.coordinatorId,
    roles: ['coordinator'],
    networkId,
    organizationId: org.id,
  });
  tokens.member = await api.tokenFor({
    id: member.id,
    roles: ['member'],
    networkId,
    organizationId: org.id,
  });
  tokens.neighbourCoordinator = await api.tokenFor({
    id: neighbour.coordinatorId,
    roles: ['coordinator'],
    networkId,
    organizationId: neighbour.id,
  });
  tokens.neighbourMember = await api.tokenFor({
    roles: ['member'],
    networkId,
    organizationId: neighbour.id,
  });
  const other = await api.createNetwork('Other capacity network');
  otherNetworkId = other.networkId;
  tokens.otherAdmin = other.adminToken;
  tokens.otherCoordinatorSameId = await api.tokenFor({
    roles: ['coordinator'],
    networkId: otherNetworkId,
    organizationId: org.id,
  });
});
afterAll(() => api.close());

describe('capacity assessments', () => {
  it('records a dated assessment with its priority areas and KSA objectives', async () => {
    const body = assessment('2025-01-10');
    const created = await expectJson<Assessment>(
      await api.call('POST', assessmentsPath(), { token: tokens.coordinator, body }),
      201,
    );
    expect(created).toEqual({
      id: expect.any(String),
      organizationId: org.id,
      ...body,
      createdAt: expect.any(String),
      createdBy: org.coordinatorId,
    });
    const list = await expectJson<{ items: Assessment[] }>(
      await api.call('GET', assessmentsPath(), { token: tokens.member }),
      200,
    );
    expect(list.items).toContainEqual(created);
  });

  it('lists them newest date first, page by page, whatever order they were recorded in', async () => {
    const fresh = await createOrganization(api, networkId, tokens.admin, { name: 'Dated' });
    const dates = ['2024-06-01', '2025-03-15', '2023-11-30', '2025-03-16', '2024-12-31'];
    for (const date of dates) {
      await expectJson(
        await api.call('POST', assessmentsPath(fresh.id), {
          token: tokens.admin,
          body: assessment(date, { kind: 'joint' }),
        }),
        201,
      );
    }
    const pages = await allPages<Assessment>(api, assessmentsPath(fresh.id), tokens.admin, 2);
    expect(pages).toHaveLength(3);
    const listed = pages.flatMap((p) => p.items);
    expect(listed.map((a) => a.date)).toEqual([...dates].sort().reverse());
    expect(new Set(listed.map((a) => a.id)).size).toBe(dates.length);
    expect(listed.every((a) => a.organizationId === fresh.id)).toBe(true);
  });

  it('answers a retry with the same Idempotency-Key with the first assessment, recording one', async () => {
    const fresh = await createOrganization(api, networkId, tokens.admin, { name: 'Retried' });
    const send = () =>
      api.call('POST', assessmentsPath(fresh.id), {
        token: tokens.admin,
        body: assessment('2025-04-01'),
        headers: { 'idempotency-key': `assessment-${fresh.id}` },
      });
    const first = await expectJson<Assessment>(await send(), 201);
    const before = await items();
    expect(await expectJson<Assessment>(await send(), 201)).toEqual(first);
    expect(await items()).toBe(before);
    const list = await expectJson<{ items: Assessment[] }>(
      await api.call('GET', assessmentsPath(fresh.id), { token: tokens.admin }),
      200,
    );
    expect(list.items).toEqual([first]);
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    const cases: [string, unknown, string][] = [
      ['no date', { ...assessment('2025-01-01'), date: undefined }, 'date'],
      ['an impossible date', assessment('2025-02-30'), 'date'],
      ['an unknown kind', assessment('2025-01-01', { kind: 'peer' }), 'kind'],
      ['no priority area', assessment('2025-01-01', { priorityAreas: [] }), 'priorityAreas'],
      [
        'an unknown area',
        assessment('2025-01-01', { priorityAreas: [{ area: 'knitting', objectives: [] }] }),
        'priorityAreas.0.area',
      ],
      [
        'a repeated area',
        assessment('2025-01-01', {
          priorityAreas: [
            { area: 'advocacy', objectives: [] },
            { area: 'advocacy', objectives: [] },
          ],
        }),
        'priorityAreas',
      ],
      [
        'an objective with no knowledge, skills or attitudes',
        assessment('2025-01-01', {
          priorityAreas: [{ area: 'advocacy', objectives: [{ id: 'empty' }] }],
        }),
        'priorityAreas.0.objectives.0',
      ],
      [
        '"other" without its text',
        assessment('2025-01-01', { priorityAreas: [{ area: 'other', objectives: [] }] }),
        'priorityAreas.0.otherArea',
      ],
      ['an unknown field', assessment('2025-01-01', { score: 3 }), 'score'],
    ];
    for (const [what, body, field] of cases) {
      it(`${what} → 400 naming ${field}`, async () => {
        const before = await items();
        await expectProblem(
          await api.call('POST', assessmentsPath(), { token: tokens.admin, body }),
          400,
          field,
        );
        expect(await items()).toBe(before);
      });
    }

    it('a bad limit → 400 naming limit', async () => {
      await expectProblem(
        await api.call('GET', `${assessmentsPath()}?limit=0`, { token: tokens.admin }),
        400,
        'limit',
      );
    });
  });
});

describe('asset inventory', () => {
  it('answers 200 with null before the first save, then stores and versions it', async () => {
    const fresh = await createOrganization(api, networkId, tokens.admin, { name: 'Inventoried' });
    expect(
      await expectJson<null>(
        await api.call('GET', inventoryPath(fresh.id), { token: tokens.admin }),
        200,
      ),
    ).toBeNull();
    // another organization's coordinator, another network's admin: not theirs to see, saved or not
    for (const token of [tokens.neighbourCoordinator, tokens.otherAdmin]) {
      await expectProblem(await api.call('GET', inventoryPath(fresh.id), { token }), 404);
    }

    const v1 = await expectJson<InventoryDocument>(
      await api.call('PUT', inventoryPath(fresh.id), { token: tokens.admin, body: inventory() }),
      200,
    );
    expect(v1).toEqual({
      version: 1,
      content: inventory(),
      updatedAt: expect.any(String),
      updatedBy: expect.any(String),
    });
    expect(
      await expectJson(
        await api.call('GET', inventoryPath(fresh.id), { token: tokens.admin }),
        200,
      ),
    ).toEqual(v1);

    const v2 = await expectJson<InventoryDocument>(
      await api.call('PUT', inventoryPath(fresh.id), {
        token: tokens.admin,
        body: { ...inventory(), version: 1, packagedResources: [] },
      }),
      200,
    );
    expect(v2).toMatchObject({ version: 2, content: { packagedResources: [] } });
  });

  it('answers 409 naming version to a stale save and keeps the stored inventory', async () => {
    const first = await expectJson<InventoryDocument>(
      await api.call('PUT', inventoryPath(), {
        token: tokens.coordinator,
        body: { ...inventory(), version: 0 },
      }),
      200,
    );
    expect(first).toMatchObject({ version: 1, updatedBy: org.coordinatorId });
    const before = await items();
    for (const version of [undefined, 0, 2, 5]) {
      await expectProblem(
        await api.call('PUT', inventoryPath(), {
          token: tokens.admin,
          body: {
            ...inventory(),
            internalExperts: [],
            ...(version === undefined ? {} : { version }),
          },
        }),
        409,
        'version',
      );
    }
    expect(await items()).toBe(before);
    expect(
      await expectJson(await api.call('GET', inventoryPath(), { token: tokens.member }), 200),
    ).toEqual(first);
  });

  it('lets exactly one of concurrent saves from the same version win', async () => {
    const fresh = await createOrganization(api, networkId, tokens.admin, { name: 'Raced' });
    const answers = await Promise.all(
      [1, 2, 3].map((n) =>
        api.call('PUT', inventoryPath(fresh.id), {
          token: tokens.admin,
          body: { ...inventory(), otherAreaOfExpertise: `writer ${n}` },
        }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const won = await answers.find((r) => r.status === 200)!.json();
    expect(
      await expectJson(
        await api.call('GET', inventoryPath(fresh.id), { token: tokens.admin }),
        200,
      ),
    ).toEqual(won);
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    const cases: [string, unknown, string][] = [
      [
        'no areas of expertise',
        { ...inventory(), areasOfExpertise: undefined },
        'areasOfExpertise',
      ],
      [
        '"other" without its text',
        { ...inventory(), otherAreaOfExpertise: undefined },
        'otherAreaOfExpertise',
      ],
      [
        'an expert without expertise',
        { ...inventory(), internalExperts: [{ name: 'Someone', expertise: '' }] },
        'internalExperts.0.expertise',
      ],
      [
        'an unknown resource kind',
        { ...inventory(), packagedResources: [{ title: 'Video', kind: 'film' }] },
        'packagedResources.0.kind',
      ],
      [
        'a bad language code',
        {
          ...inventory(),
          packagedResources: [{ title: 'Manual', kind: 'manual', language: 'Swahili' }],
        },
        'packagedResources.0.language',
      ],
      ['a negative version', { ...inventory(), version: -1 }, 'version'],
    ];
    for (const [what, body, field] of cases) {
      it(`${what} → 400 naming ${field}`, async () => {
        const before = await items();
        await expectProblem(
          await api.call('PUT', inventoryPath(neighbour.id), { token: tokens.admin, body }),
          400,
          field,
        );
        expect(await items()).toBe(before);
        // still none saved
        expect(
          await expectJson<null>(
            await api.call('GET', inventoryPath(neighbour.id), { token: tokens.admin }),
            200,
          ),
        ).toBeNull();
      });
    }
  });
});

describe('who may read and write capacity', () => {
  const write = (token: string, orgId = org.id, net = networkId) => [
    api.call('POST', assessmentsPath(orgId, net), { token, body: assessment('2025-02-01') }),
    api.call('PUT', inventoryPath(orgId, net), { token, body: { ...inventory(), version: 9 } }),
  ];
  const read = (token: string, orgId = org.id, net = networkId) => [
    api.call('GET', assessmentsPath(orgId, net), { token }),
    api.call('GET', inventoryPath(orgId, net), { token }),
  ];

  beforeAll(async () => {
    // the organization has an inventory, so the reads below are never "none saved yet"
    const res = await api.call('GET', inventoryPath(), { token: tokens.admin });
    if ((await res.json()) === null) {
      await expectJson(
        await api.call('PUT', inventoryPath(), { token: tokens.admin, body: inventory() }),
        200,
      );
    }
  });

  it("lets the organization's member read but not write (403), writing nothing", async () => {
    for (const res of await Promise.all(read(tokens.member))) await expectJson(res, 200);
    const before = await items();
    for (const res of await Promise.all(write(tokens.member))) await expectProblem(res, 403);
    expect(await items()).toBe(before);
  });

  it("answers 404 to another organization's coordinator and member, writing nothing", async () => {
    const before = await items();
    for (const token of [tokens.neighbourCoordinator, tokens.neighbourMember]) {
      for (const res of await Promise.all([...read(token), ...write(token)])) {
        const problem = await expectProblem(res, 404);
        expect(problem.detail).toBe('organization not found');
      }
    }
    expect(await items()).toBe(before);
  });

  it('answers 404 to another network, on its path or this one, writing nothing', async () => {
    const before = await items();
    for (const token of [tokens.otherAdmin, tokens.otherCoordinatorSameId]) {
      for (const res of await Promise.all([...read(token), ...write(token)])) {
        await expectProblem(res, 404);
      }
      for (const res of await Promise.all([
        ...read(token, org.id, otherNetworkId),
        ...write(token, org.id, otherNetworkId),
      ])) {
        await expectProblem(res, 404);
      }
    }
    expect(await items()).toBe(before);
  });

  it('answers 404 to an organization that does not exist, even for the admin; nothing written', async () => {
    const before = await items();
    for (const res of await Promise.all([
      ...read(tokens.admin, 'nosuchorganization'),
      ...write(tokens.admin, 'nosuchorganization'),
    ])) {
      await expectProblem(res, 404);
    }
    expect(await items()).toBe(before);
  });

  it('answers 401 without a token', async () => {
    await expectProblem(await api.call('GET', assessmentsPath()), 401);
    await expectProblem(await api.call('GET', inventoryPath()), 401);
  });
});
