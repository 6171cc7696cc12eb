import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { networkTableName } from '@sisi/data';
import type { Role } from '@sisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, createTestApi, type TestApi } from '../support/api.ts';
import { allPages, uniqueEmail } from '../support/fixtures.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

interface Network {
  id: string;
  name: string;
  region: string;
  status: 'provisioning' | 'active' | 'failed';
  statusReason?: string;
  createdAt: string;
}

const networkBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Southern Africa KP Alliance',
  region: 'Southern Africa',
  adminEmail: uniqueEmail('admin'),
  adminName: 'Thandiwe Admin',
  ...overrides,
});

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

const post = (body: unknown, token = api.operatorToken, headers?: Record<string, string>) =>
  api.call('POST', '/networks', { token, body, ...(headers ? { headers } : {}) });

/** Everything a rejected create must leave as it was: items, tables and mail. */
async function snapshot() {
  return {
    items: await api.countItems(),
    tables: await api.tables(),
    mails: (await api.mails()).length,
  };
}

describe('POST /networks', () => {
  it('answers 201 {id, name, region, status: active}, provisions the table and mails the admin once', async () => {
    const body = networkBody();
    const network = await expectJson<Network>(await post(body), 201);
    expect(network).toMatchObject({
      id: expect.any(String),
      name: body.name,
      region: body.region,
      status: 'active',
    });

    const { Table } = await api.local.dynamo.send(
      new DescribeTableCommand({ TableName: networkTableName(api.prefix, network.id) }),
    );
    expect(Table?.TableStatus).toBe('ACTIVE');

    const mails = await api.mails(body.adminEmail);
    expect(mails).toHaveLength(1);
    const token = mails[0]?.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeDefined();
    const link = `${BASE}/invitations/${token}`;
    expect(mails[0]?.text).toContain(link);
    expect(mails[0]?.html).toContain(`href="${link}"`);
    // the link is a working invitation of this admin to this network
    const invitation = await expectJson<Record<string, unknown>>(
      await api.call('GET', `/invitations/${token}`),
      200,
    );
    expect(invitation).toMatchObject({
      email: body.adminEmail,
      roles: ['network-admin'],
      networkName: body.name,
    });

    const stored = await expectJson<Network>(
      await api.call('GET', `/networks/${network.id}`, { token: api.operatorToken }),
      200,
    );
    // the operator also reads how big it is: a new network holds nothing yet
    expect(stored).toEqual({
      ...network,
      counts: { organizations: 0, people: 0, mentorships: 0, coachingGroups: 0 },
    });
  });

  it('trims and lowercases what it stores: the email is matched case-insensitively', async () => {
    const email = uniqueEmail('mixed-case');
    const network = await expectJson<Network>(
      await post(networkBody({ name: '  Padded name  ', adminEmail: `  ${email.toUpperCase()} ` })),
      201,
    );
    expect(network.name).toBe('Padded name');
    expect(await api.mails(email)).toHaveLength(1);
  });

  describe('rejects bad input with 400 problem+json naming the field, writing nothing', () => {
    const { adminEmail: _omitted, ...withoutAdminEmail } = networkBody();
    const cases: { what: string; body: unknown; field: string }[] = [
      { what: 'missing name', body: { ...networkBody(), name: undefined }, field: 'name' },
      {
        what: 'bad adminEmail',
        body: networkBody({ adminEmail: 'not-an-email' }),
        field: 'adminEmail',
      },
      { what: 'missing adminEmail', body: withoutAdminEmail, field: 'adminEmail' },
      { what: 'region too short', body: networkBody({ region: 'E' }), field: 'region' },
      { what: 'blank adminName', body: networkBody({ adminName: '   ' }), field: 'adminName' },
      { what: 'name not a string', body: networkBody({ name: 42 }), field: 'name' },
      { what: 'an unknown extra field', body: networkBody({ status: 'active' }), field: 'status' },
      { what: 'a non-JSON body', body: '{"name": "Half a network', field: 'body' },
    ];
    for (const { what, body, field } of cases) {
      it(what, async () => {
        const before = await snapshot();
        await expectProblem(await post(body), 400, field);
        expect(await snapshot()).toEqual(before);
      });
    }

    it('an Idempotency-Key that is not a key', async () => {
      const before = await snapshot();
      await expectProblem(
        await post(networkBody(), api.operatorToken, { 'idempotency-key': 'a b' }),
        400,
        'Idempotency-Key',
      );
      expect(await snapshot()).toEqual(before);
    });
  });

  it('answers 409 naming adminEmail when the email already belongs to someone, writing nothing', async () => {
    const body = networkBody();
    await expectJson<Network>(await post(body), 201);
    const before = await snapshot();
    await expectProblem(
      await post(networkBody({ adminEmail: body.adminEmail })),
      409,
      'adminEmail',
    );
    await expectProblem(
      await post(networkBody({ adminEmail: body.adminEmail.toUpperCase() })),
      409,
      'adminEmail',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('answers a retry with the same Idempotency-Key with the first result: one network, one mail', async () => {
    const body = networkBody({ name: 'Idempotent network' });
    const headers = { 'idempotency-key': `create-network-${api.prefix}` };
    const first = await expectJson<Network>(await post(body, api.operatorToken, headers), 201);
    const before = await snapshot();

    const retry = await post(body, api.operatorToken, headers);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await expectJson<Network>(retry, 201)).toEqual(first);
    expect(await snapshot()).toEqual(before);

    const pages = await allPages<Network>(api, '/networks', api.operatorToken, 100);
    expect(pages.flatMap((p) => p.items).filter((n) => n.name === body.name)).toHaveLength(1);
    expect(await api.mails(body.adminEmail)).toHaveLength(1);
  });

  it('keeps Idempotency-Keys per caller: another operator with the same key creates its own', async () => {
    const key = { 'idempotency-key': `shared-key-${api.prefix}` };
    const mine = await expectJson<Network>(await post(networkBody(), api.operatorToken, key), 201);
    const otherOperator = await api.tokenFor({ roles: ['operator'] });
    const theirs = await expectJson<Network>(await post(networkBody(), otherOperator, key), 201);
    expect(theirs.id).not.toBe(mine.id);
  });
});

describe('GET /networks', () => {
  it('lists a new network', async () => {
    const created = await expectJson<Network>(
      await post(networkBody({ name: 'Listed network' })),
      201,
    );
    const listed = (await allPages<Network>(api, '/networks', api.operatorToken, 100)).flatMap(
      (p) => p.items,
    );
    expect(listed).toContainEqual(created);
  });

  it('pages with limit=2 through every network exactly once, oldest first', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        (await expectJson<Network>(await post(networkBody({ name: `Paged ${i}` })), 201)).id,
      );
    }
    const pages = await allPages<Network>(api, '/networks', api.operatorToken, 2);
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(2);
    const ids = pages.flatMap((p) => p.items.map((n) => n.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => created.includes(id))).toEqual(created);

    // the same sequence as one big page
    const [all] = await allPages<Network>(api, '/networks', api.operatorToken, 100);
    expect(ids).toEqual(all?.items.map((n) => n.id));
  });

  it('answers 400 naming cursor to a cursor it never gave', async () => {
    const forged = Buffer.from(
      JSON.stringify({ PK: 'USER#x', SK: 'USER', GSI1PK: 'ROLE#operator', GSI1SK: 'x' }),
    ).toString('base64url');
    for (const cursor of ['not-a-cursor', Buffer.from('{"PK":1}').toString('base64url'), forged]) {
      await expectProblem(
        await api.call('GET', `/networks?cursor=${encodeURIComponent(cursor)}`, {
          token: api.operatorToken,
        }),
        400,
        'cursor',
      );
    }
  });

  it('answers 400 to a limit out of bounds', async () => {
    for (const limit of ['0', '101', 'many']) {
      const problem = await expectProblem(
        await api.call('GET', `/networks?limit=${limit}`, { token: api.operatorToken }),
        400,
      );
      expect(problem.errors?.some((e) => /(^|\.)limit$/.test(e.path))).toBe(true);
    }
  });
});

describe('only the operator manages networks', () => {
  const roles: Role[] = ['network-admin', 'coordinator', 'member', 'donor'];
  for (const role of roles) {
    it(`answers 403 to a ${role} on POST and GET /networks, writing nothing`, async () => {
      const { networkId } = await api.createNetwork(`Network of a ${role}`);
      const token = await api.tokenFor({
        roles: [role],
        ...(role === 'donor' ? {} : { networkId }),
      });
      const before = await snapshot();
      await expectProblem(await post(networkBody(), token), 403);
      await expectProblem(await api.call('GET', '/networks', { token }), 403);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('answers 401 without a token', async () => {
    await expectProblem(await api.call('POST', '/networks', { body: networkBody() }), 401);
    await expectProblem(await api.call('GET', '/networks'), 401);
  });
});

describe('a failing provisioner', () => {
  let failing: TestApi;
  beforeAll(async () => {
    failing = await createTestApi({
      provisioner: {
        provisionNetwork: async () => {
          throw new Error('boom');
        },
      },
    });
  });
  afterAll(() => failing.close());

  it("marks the network failed, with the reason, in the answer and in what's stored", async () => {
    const networkBodyUsed = networkBody();
    const res = await failing.call('POST', '/networks', {
      token: failing.operatorToken,
      body: networkBodyUsed,
    });
    const body = networkBodyUsed;
    const network = await expectJson<Network>(res, 201);
    expect(network).toMatchObject({ status: 'failed', statusReason: 'boom' });
    // nobody is invited into a network without storage, not later by the mail worker either
    expect(await failing.local.outbox.list(body.adminEmail)).toEqual([]);
    await failing.local.mailQueue.deliverPending();
    expect(await failing.local.outbox.list(body.adminEmail)).toEqual([]);

    const stored = await expectJson<Network>(
      await failing.call('GET', `/networks/${network.id}`, { token: failing.operatorToken }),
      200,
    );
    expect(stored).toMatchObject({ id: network.id, status: 'failed', statusReason: 'boom' });
    const listed = (
      await allPages<Network>(failing, '/networks', failing.operatorToken, 100)
    ).flatMap((p) => p.items);
    expect(listed.find((n) => n.id === network.id)).toMatchObject({
      status: 'failed',
      statusReason: 'boom',
    });
    expect(await failing.tables()).not.toContain(networkTableName(failing.prefix, network.id));
  });
});
