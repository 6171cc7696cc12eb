import type { Role } from '@sisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  allPages,
  createOrganization,
  type Member,
  type Organization,
  type Page,
  type User,
  uniqueEmail,
} from '../support/fixtures.ts';
import {
  agreeAll,
  createMentorship,
  expectedSchedule,
  expectReviews,
  expectRule,
  getMentorship,
  type Mentorship,
  mentorshipPath,
  mentorshipsPath,
  moveStage,
  plusMonths,
  type Stage,
} from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

let api: TestApi;
type Five = [Organization, Organization, Organization, Organization, Organization];

/** The network most tests work in: a mentor, three mentees, an outsider. */
let networkId: string;
let adminToken: string;
let adminId: string;
let mentor: Organization;
let e1: Organization;
let e2: Organization;
let e3: Organization;
let outsider: Organization;
/** Coordinator tokens by organization id (the organization's real coordinator id). */
const coordinator: Record<string, string> = {};
/** A member of e1 and a member of the outsider, with their tokens. */
let memberE1: { id: string; token: string };
let memberOutsider: { id: string; token: string };

/** Another network, whose ids must never be accepted here. */
let otherNetworkId: string;
let otherOrg: Organization;
let otherAdminToken: string;

const today = () => api.local.clock.now().toISOString().slice(0, 10);
const path = (id?: string) => (id ? mentorshipPath(networkId, id) : mentorshipsPath(networkId));
const post = (suffix: string, token: string, body: unknown, headers?: Record<string, string>) =>
  api.call('POST', `${path()}${suffix}`, { token, body, ...(headers ? { headers } : {}) });
const items = () => api.countItems([networkId, otherNetworkId]);
const start = (body: Record<string, unknown> = {}, token = adminToken) =>
  createMentorship(api, networkId, token, {
    mentorOrganizationId: mentor.id,
    menteeOrganizationIds: [e1.id],
    ...body,
  });
/** A network admin accepts on the organization's behalf, saying so; a coordinator as before. */
const agree = (id: string, organizationId: string, token: string) =>
  post(`/${id}/agreements`, token, {
    organizationId,
    ...(token === adminToken ? { onBehalf: true } : {}),
  });
const end = (id: string, body: unknown, token = adminToken) => post(`/${id}/end`, token, body);

async function addMember(orgId: string, roles: Role[] = ['member']) {
  const member = await expectJson<Member>(
    await api.call('POST', `/networks/${networkId}/organizations/${orgId}/members`, {
      token: adminToken,
      body: { email: uniqueEmail('member'), name: 'A Member' },
    }),
    201,
  );
  const token = await api.tokenFor({ id: member.id, roles, networkId, organizationId: orgId });
  return { id: member.id, token };
}

/** An instant within a minute of the virtual clock. */
const nowish = () => ({
  asymmetricMatch: (at: unknown) =>
    typeof at === 'string' && Math.abs(Date.parse(at) - api.local.clock.now().getTime()) < 60_000,
  toString: () => 'an instant close to the virtual clock',
});

beforeAll(async () => {
  api = await createTestApi();
  ({ networkId, adminToken } = await api.createNetwork('Mentorships network'));
  adminId = (await expectJson<User>(await api.call('GET', '/me', { token: adminToken }), 200)).id;
  const orgs = await Promise.all(
    ['Mentor', 'Mentee one', 'Mentee two', 'Mentee three', 'Outsider'].map((name) =>
      createOrganization(api, networkId, adminToken, { name }),
    ),
  );
  [mentor, e1, e2, e3, outsider] = orgs as unknown as Organization[] & Five;
  for (const org of [mentor, e1, e2, e3, outsider]) {
    coordinator[org.id] = await api.tokenFor({
      id: org.coordinatorId,
      roles: ['coordinator'],
      networkId,
      organizationId: org.id,
    });
  }
  memberE1 = await addMember(e1.id);
  memberOutsider = await addMember(outsider.id);

  const other = await api.createNetwork('Another network');
  otherNetworkId = other.networkId;
  otherAdminToken = other.adminToken;
  otherOrg = await createOrganization(api, otherNetworkId, other.adminToken);
});
afterAll(() => api.close());

describe('POST /networks/{networkId}/mentorships', () => {
  it('starts a one-to-one mentorship in build-relationship at version 1, with its schedule and history', async () => {
    const before = await items();
    const m = await start({ startDate: '2025-03-15', durationMonths: 12 });
    expect(m).toMatchObject({
      id: expect.any(String),
      networkId,
      version: 1,
      stage: 'build-relationship',
      type: 'one-to-one',
      mentorOrganizationId: mentor.id,
      menteeOrganizationIds: [e1.id],
      startDate: '2025-03-15',
      durationMonths: 12,
      agreements: [],
      participantIds: [],
      schedule: {
        quarterlyReviews: ['2025-06-15', '2025-09-15', '2025-12-15'],
        midTermReview: '2025-09-13',
        endReview: '2026-03-15',
      },
    });
    expect(m.history).toEqual([
      {
        from: null,
        to: 'build-relationship',
        reason: expect.any(String),
        by: adminId,
        byName: expect.any(String),
        at: nowish(),
      },
    ]);
    expect(await items()).toBeGreaterThan(before);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
  });

  it('is one-to-many with several mentees, and keeps their order', async () => {
    const m = await start({ menteeOrganizationIds: [e2.id, e1.id, e3.id] });
    expect(m).toMatchObject({ type: 'one-to-many', menteeOrganizationIds: [e2.id, e1.id, e3.id] });
  });

  it('keeps peer mentoring between mentees of a one-to-many mentorship', async () => {
    const peerMentoring = [
      { mentorOrganizationId: e2.id, menteeOrganizationId: e1.id, areas: ['advocacy'] },
    ];
    const m = await start({ menteeOrganizationIds: [e1.id, e2.id], peerMentoring });
    expect(m.peerMentoring).toEqual(peerMentoring);
    expect((await getMentorship(api, networkId, adminToken, m.id)).peerMentoring).toEqual(
      peerMentoring,
    );
  });

  describe('the review schedule follows API.md', () => {
    // Worked out by hand: end = start + months (clamped to the month's last day),
    // quarterlies at +3, +6 … months from the start strictly before the end, mid-term the
    // day halfway (rounded down).
    const CASES: [string, number, string[], string, string][] = [
      ['2025-01-31', 3, [], '2025-03-16', '2025-04-30'],
      ['2025-01-31', 12, ['2025-04-30', '2025-07-31', '2025-10-31'], '2025-08-01', '2026-01-31'],
      ['2025-03-15', 12, ['2025-06-15', '2025-09-15', '2025-12-15'], '2025-09-13', '2026-03-15'],
      ['2024-01-31', 1, [], '2024-02-14', '2024-02-29'],
      ['2025-08-31', 7, ['2025-11-30', '2026-02-28'], '2025-12-15', '2026-03-31'],
      ['2025-01-01', 6, ['2025-04-01'], '2025-04-01', '2025-07-01'],
    ];
    for (const [startDate, durationMonths, quarterlyReviews, midTermReview, endReview] of CASES) {
      it(`${startDate} for ${durationMonths} months`, async () => {
        const expected = { quarterlyReviews, midTermReview, endReview };
        // the independent calculation agrees with the hand-worked one
        expect(expectedSchedule(startDate, durationMonths)).toEqual(expected);
        const m = await start({ startDate, durationMonths });
        expect(m.schedule).toEqual(expected);
      });
    }

    it('60 months from 2023-11-30: nineteen quarterlies, the last before the end', async () => {
      const m = await start({ startDate: '2023-11-30', durationMonths: 60 });
      expect(m.schedule).toEqual(expectedSchedule('2023-11-30', 60));
      expect(m.schedule.quarterlyReviews).toHaveLength(19);
      expect(m.schedule.quarterlyReviews.at(-1)).toBe('2028-08-30');
      expect(m.schedule.endReview).toBe('2028-11-30');
      expect(m.schedule.quarterlyReviews.at(1)).toBe('2024-05-30');
    });
  });

  it('marks the reviews already due as past when the mentorship started 8 months ago', async () => {
    const startDate = plusMonths(today(), -8);
    const m = await start({ startDate, durationMonths: 12 });
    expect(m.schedule).toEqual(expectedSchedule(startDate, 12));
    const quarterlies = m.reviews.filter((r) => r.kind === 'quarterly');
    expect(quarterlies.map((r) => [r.period, r.state])).toEqual([
      [1, 'past'],
      [2, 'past'],
      [3, 'upcoming'],
    ]);
    expect(m.reviews.find((r) => r.kind === 'mid-term')?.state).toBe('past');
    expect(m.reviews.find((r) => r.kind === 'end')?.state).toBe('upcoming');
    expectReviews(m, today());
  });

  it('marks every review upcoming for a mentorship that starts today', async () => {
    const m = await start({ startDate: today(), durationMonths: 9 });
    expect(m.reviews.every((r) => r.state === 'upcoming')).toBe(true);
    expectReviews(m, today());
  });

  describe('who may start one', () => {
    it("the coordinator of the mentor organization, or of a mentee's", async () => {
      const byMentor = await start({}, coordinator[mentor.id]);
      expect(byMentor.history[0]?.by).toBe(mentor.coordinatorId);
      const byMentee = await start({ menteeOrganizationIds: [e2.id, e1.id] }, coordinator[e1.id]);
      expect(byMentee).toMatchObject({ type: 'one-to-many', version: 1 });
    });

    const body = () => ({
      mentorOrganizationId: mentor.id,
      menteeOrganizationIds: [e1.id],
      startDate: '2025-01-15',
      durationMonths: 12,
    });

    it('not the coordinator of an organization outside it (403), nothing written', async () => {
      const before = await items();
      await expectProblem(await post('', coordinator[outsider.id]!, body()), 403);
      expect(await items()).toBe(before);
    });

    it('not a member, even of an organization in it (403)', async () => {
      const before = await items();
      await expectProblem(await post('', memberE1.token, body()), 403);
      expect(await items()).toBe(before);
    });

    it('the operator and a donor are outside the network (404)', async () => {
      const donor = await api.tokenFor({ roles: ['donor'], networkId });
      const before = await items();
      for (const token of [api.operatorToken, donor]) {
        await expectProblem(await post('', token, body()), 404);
        await expectProblem(await api.call('GET', path(), { token }), 404);
      }
      expect(await items()).toBe(before);
    });

    it('nobody without a token (401)', async () => {
      const res = await api.call('POST', path(), { body: body() });
      await expectProblem(res, 401);
    });
  });

  describe('bad input → 400 naming the field, nothing written', () => {
    const base = () => ({
      mentorOrganizationId: mentor.id,
      menteeOrganizationIds: [e1.id],
      startDate: '2025-01-15',
      durationMonths: 12,
    });
    const CASES: [string, () => Record<string, unknown>, string][] = [
      ['durationMonths 0', () => ({ ...base(), durationMonths: 0 }), 'durationMonths'],
      ['durationMonths 61', () => ({ ...base(), durationMonths: 61 }), 'durationMonths'],
      ['durationMonths 1.5', () => ({ ...base(), durationMonths: 1.5 }), 'durationMonths'],
      ['durationMonths as text', () => ({ ...base(), durationMonths: '12' }), 'durationMonths'],
      ['startDate 2025-02-30', () => ({ ...base(), startDate: '2025-02-30' }), 'startDate'],
      ['startDate 2023-02-29', () => ({ ...base(), startDate: '2023-02-29' }), 'startDate'],
      ['startDate 15/01/2025', () => ({ ...base(), startDate: '15/01/2025' }), 'startDate'],
      [
        'no startDate',
        () => {
          const { startDate: _s, ...rest } = base();
          return rest;
        },
        'startDate',
      ],
      [
        'the mentor among the mentees',
        () => ({ ...base(), menteeOrganizationIds: [e1.id, mentor.id] }),
        'menteeOrganizationIds',
      ],
      [
        'a mentee twice',
        () => ({ ...base(), menteeOrganizationIds: [e1.id, e2.id, e1.id] }),
        'menteeOrganizationIds',
      ],
      ['no mentees', () => ({ ...base(), menteeOrganizationIds: [] }), 'menteeOrganizationIds'],
      [
        'an unknown mentee',
        () => ({ ...base(), menteeOrganizationIds: ['nosuchorganization1'] }),
        'menteeOrganizationIds.0',
      ],
      [
        "another network's organization as second mentee",
        () => ({ ...base(), menteeOrganizationIds: [e1.id, otherOrg.id] }),
        'menteeOrganizationIds.1',
      ],
      [
        'an unknown mentor',
        () => ({ ...base(), mentorOrganizationId: 'nosuchorganization1' }),
        'mentorOrganizationId',
      ],
      [
        "another network's organization as mentor",
        () => ({ ...base(), mentorOrganizationId: otherOrg.id }),
        'mentorOrganizationId',
      ],
      [
        'a malformed mentor id',
        () => ({ ...base(), mentorOrganizationId: 'a/b' }),
        'mentorOrganizationId',
      ],
      [
        'peer mentoring naming a non-mentee as mentee',
        () => ({
          ...base(),
          menteeOrganizationIds: [e1.id, e2.id],
          peerMentoring: [
            { mentorOrganizationId: e1.id, menteeOrganizationId: outsider.id, areas: ['advocacy'] },
          ],
        }),
        'peerMentoring.0.menteeOrganizationId',
      ],
      [
        'peer mentoring naming the mentor as peer mentor',
        () => ({
          ...base(),
          menteeOrganizationIds: [e1.id, e2.id],
          peerMentoring: [
            { mentorOrganizationId: mentor.id, menteeOrganizationId: e2.id, areas: ['advocacy'] },
          ],
        }),
        'peerMentoring.0.mentorOrganizationId',
      ],
      ['an unknown field', () => ({ ...base(), stage: 'monitor' }), 'stage'],
      ['another unknown field', () => ({ ...base(), budget: 1000 }), 'budget'],
    ];
    for (const [name, body, field] of CASES) {
      it(`${name} → 400 naming ${field}`, async () => {
        const before = await items();
        await expectProblem(await post('', adminToken, body()), 400, field);
        expect(await items()).toBe(before);
      });
    }

    it('a body that is not JSON → 400', async () => {
      const before = await items();
      await expectProblem(await post('', adminToken, '{"mentorOrganizationId":'), 400);
      expect(await items()).toBe(before);
    });
  });

  describe('Idempotency-Key', () => {
    it('the same key twice gives the same mentorship and writes it once', async () => {
      const body = {
        mentorOrganizationId: mentor.id,
        menteeOrganizationIds: [e3.id],
        startDate: '2025-05-05',
        durationMonths: 6,
      };
      const headers = { 'idempotency-key': `mentorship-${Date.now()}` };
      const before = await items();
      const first = await expectJson<Mentorship>(await post('', adminToken, body, headers), 201);
      const afterFirst = await items();
      expect(afterFirst).toBeGreaterThan(before);
      const second = await expectJson<Mentorship>(await post('', adminToken, body, headers), 201);
      expect(second).toEqual(first);
      expect(await items()).toBe(afterFirst);

      const mine = await api.call('GET', `${path()}?organizationId=${e3.id}&limit=100`, {
        token: adminToken,
      });
      const page = await expectJson<Page<Mentorship>>(mine, 200);
      expect(page.items.filter((m) => m.startDate === '2025-05-05').map((m) => m.id)).toEqual([
        first.id,
      ]);

      // another key is another mentorship
      const third = await expectJson<Mentorship>(
        await post('', adminToken, body, { 'idempotency-key': `other-${Date.now()}` }),
        201,
      );
      expect(third.id).not.toBe(first.id);
    });
  });
});

describe('names of its organizations', () => {
  it("a mentee's coordinator and a participant read every organization's name, not only their own", async () => {
    const m = await start({ menteeOrganizationIds: [e1.id, e2.id] });
    const expected = [
      { id: mentor.id, name: mentor.name, role: 'mentor' },
      { id: e1.id, name: e1.name, role: 'mentee' },
      { id: e2.id, name: e2.name, role: 'mentee' },
    ];
    const asCoordinator = await expectJson<Mentorship & { organizations: unknown }>(
      await api.call('GET', `/networks/${networkId}/mentorships/${m.id}`, {
        token: coordinator[e1.id]!,
      }),
      200,
    );
    expect(asCoordinator.organizations).toEqual(expected);
    // the coordinator still cannot read the partner's profile itself
    await expectProblem(
      await api.call('GET', `/networks/${networkId}/organizations/${e2.id}`, {
        token: coordinator[e1.id]!,
      }),
      404,
    );
    const listed = await expectJson<{ items: (Mentorship & { organizations: unknown })[] }>(
      await api.call('GET', `/networks/${networkId}/mentorships?limit=100`, {
        token: coordinator[e1.id]!,
      }),
      200,
    );
    expect(listed.items.find((x) => x.id === m.id)?.organizations).toEqual(expected);
  });
});

describe('POST …/agreements', () => {
  let m: Mentorship;
  beforeAll(async () => {
    m = await start({ menteeOrganizationIds: [e1.id, e2.id] });
  });

  it("an organization's coordinator accepts for it → 201, recorded with who, when and which text", async () => {
    const res = await agree(m.id, e1.id, coordinator[e1.id]!);
    const after = await expectJson<Mentorship>(res, 201);
    expect(after.version).toBe(m.version + 1);
    expect(after.stage).toBe('build-relationship');
    expect(after.agreements).toEqual([
      {
        organizationId: e1.id,
        acceptedBy: e1.coordinatorId,
        acceptedByName: expect.any(String),
        acceptedAt: nowish(),
        textVersion: expect.stringMatching(/\S/),
      },
    ]);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(after);
    m = after;
  });

  it('a coordinator cannot accept for another organization of the mentorship (403), nothing written', async () => {
    const before = await items();
    await expectProblem(await agree(m.id, e2.id, coordinator[e1.id]!), 403);
    await expectProblem(await agree(m.id, mentor.id, coordinator[e2.id]!), 403);
    expect(await items()).toBe(before);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
  });

  it("a member of one of its organizations cannot accept (403); an outsider's coordinator is told it does not exist (404)", async () => {
    await expectJson(
      await api.call('PUT', `${path(m.id)}/participants`, {
        token: adminToken,
        body: { personIds: [memberE1.id] },
      }),
      200,
    );
    m = await getMentorship(api, networkId, adminToken, m.id);
    await expectProblem(await agree(m.id, e1.id, memberE1.token), 403);
    await expectProblem(await agree(m.id, outsider.id, coordinator[outsider.id]!), 404);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
  });

  it('an organization not in the mentorship → 400 naming organizationId', async () => {
    for (const organizationId of [outsider.id, otherOrg.id, 'nosuchorganization1']) {
      await expectProblem(await agree(m.id, organizationId, adminToken), 400, 'organizationId');
    }
    await expectProblem(await post(`/${m.id}/agreements`, adminToken, {}), 400, 'organizationId');
    await expectProblem(
      await post(`/${m.id}/agreements`, adminToken, { organizationId: e2.id, signed: true }),
      400,
      'signed',
    );
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
  });

  it('accepting twice → 409, the first acceptance kept', async () => {
    await expectProblem(await agree(m.id, e1.id, coordinator[e1.id]!), 409);
    await expectProblem(await agree(m.id, e1.id, adminToken), 409);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
  });

  it('leaving build-relationship before every organization accepted → 422 agreements-missing, stage unchanged', async () => {
    await expectRule(
      await moveStage(api, networkId, adminToken, m.id, 'identify-expectations'),
      'agreements-missing',
    );
    // the mentor (by a network admin) accepts; one mentee still missing
    m = await expectJson<Mentorship>(await agree(m.id, mentor.id, adminToken), 201);
    expect(m.agreements.at(-1)).toMatchObject({ organizationId: mentor.id, acceptedBy: adminId });
    await expectRule(
      await moveStage(api, networkId, coordinator[mentor.id]!, m.id, 'identify-expectations'),
      'agreements-missing',
    );
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
  });

  it('once all have accepted, it moves on → 200', async () => {
    m = await expectJson<Mentorship>(await agree(m.id, e2.id, coordinator[e2.id]!), 201);
    expect(m.agreements.map((a) => a.organizationId)).toEqual([e1.id, mentor.id, e2.id]);
    const moved = await expectJson<Mentorship>(
      await moveStage(api, networkId, coordinator[e2.id]!, m.id, 'identify-expectations'),
      200,
    );
    expect(moved).toMatchObject({ stage: 'identify-expectations', version: m.version + 1 });
    expect(moved.agreements).toEqual(m.agreements);
  });

  it('two organizations accepting at the same moment: neither acceptance is lost', async () => {
    const fresh = await start({ menteeOrganizationIds: [e1.id, e2.id, e3.id] });
    const results = await Promise.all(
      [e1, e2, e3].map((org) => agree(fresh.id, org.id, coordinator[org.id]!)),
    );
    const statuses = results.map((r) => r.status);
    for (const s of statuses) expect([201, 409]).toContain(s);
    const stored = await getMentorship(api, networkId, adminToken, fresh.id);
    const accepted = [e1, e2, e3].filter((_, i) => statuses[i] === 201).map((o) => o.id);
    expect(stored.agreements.map((a) => a.organizationId).sort()).toEqual(accepted.sort());
    expect(stored.version).toBe(1 + accepted.length);
  });
});

describe('POST …/stage', () => {
  let m: Mentorship;
  beforeAll(async () => {
    m = await agreeAll(api, networkId, adminToken, await start());
  });
  const move = (stage: string, token = adminToken, reason?: string) =>
    moveStage(api, networkId, token, m.id, stage, reason);

  it('moves forward one stage at a time and back to any earlier one, keeping the history in order', async () => {
    const steps: [Stage, string][] = [
      ['identify-expectations', adminToken],
      ['manage-process', coordinator[mentor.id]!],
      ['monitor', coordinator[e1.id]!],
      ['identify-expectations', adminToken],
      ['manage-process', adminToken],
      ['build-relationship', coordinator[mentor.id]!],
      ['identify-expectations', adminToken],
    ];
    const who: Record<string, string> = {
      [adminToken]: adminId,
      [coordinator[mentor.id]!]: mentor.coordinatorId,
      [coordinator[e1.id]!]: e1.coordinatorId,
    };
    let version = m.version;
    let from = m.stage;
    const expectedHistory: unknown[] = [...m.history];
    for (const [i, [stage, token]] of steps.entries()) {
      const reason = `step ${i}: why we go to ${stage}`;
      const after = await expectJson<Mentorship>(await move(stage, token, reason), 200);
      version += 1;
      expect(after).toMatchObject({ stage, version });
      expectedHistory.push({
        from,
        to: stage,
        reason,
        by: who[token]!,
        byName: expect.any(String),
        at: nowish(),
      });
      expect(after.history).toEqual(expectedHistory);
      from = stage;
    }
    m = await getMentorship(api, networkId, adminToken, m.id);
    expect(m.stage).toBe('identify-expectations');
    expect(m.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'build-relationship'],
      ['build-relationship', 'identify-expectations'],
      ['identify-expectations', 'manage-process'],
      ['manage-process', 'monitor'],
      ['monitor', 'identify-expectations'],
      ['identify-expectations', 'manage-process'],
      ['manage-process', 'build-relationship'],
      ['build-relationship', 'identify-expectations'],
    ]);
  });

  it('refuses skipping a stage, staying put and ending through /stage → 422, nothing written', async () => {
    const before = await getMentorship(api, networkId, adminToken, m.id);
    expect(before.stage).toBe('identify-expectations');
    await expectRule(await move('monitor'), 'skips-stages');
    await expectRule(await move('identify-expectations'), 'same-stage');
    await expectRule(await move('end'), 'use-end');
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(before);

    const fresh = await agreeAll(api, networkId, adminToken, await start());
    await expectRule(
      await moveStage(api, networkId, adminToken, fresh.id, 'manage-process'),
      'skips-stages',
    );
    await expectRule(
      await moveStage(api, networkId, adminToken, fresh.id, 'build-relationship'),
      'same-stage',
    );
    expect(await getMentorship(api, networkId, adminToken, fresh.id)).toEqual(fresh);
  });

  it('a bad body → 400 naming the field, nothing written', async () => {
    const before = await getMentorship(api, networkId, adminToken, m.id);
    const count = await items();
    const stagePath = `/${m.id}/stage`;
    await expectProblem(
      await post(stagePath, adminToken, { stage: 'manage-process' }),
      400,
      'reason',
    );
    await expectProblem(
      await post(stagePath, adminToken, { stage: 'manage-process', reason: '   ' }),
      400,
      'reason',
    );
    await expectProblem(
      await post(stagePath, adminToken, { stage: 'celebrate', reason: 'why not' }),
      400,
      'stage',
    );
    await expectProblem(await post(stagePath, adminToken, { reason: 'no stage' }), 400, 'stage');
    await expectProblem(
      await post(stagePath, adminToken, { stage: 'manage-process', reason: 'ok', version: 1 }),
      400,
      'version',
    );
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(before);
    expect(await items()).toBe(count);
  });

  it('only the admins and the coordinators of its organizations move it', async () => {
    const before = await getMentorship(api, networkId, adminToken, m.id);
    await expectProblem(await move('manage-process', coordinator[outsider.id]!), 404);
    await expectProblem(await move('manage-process', memberOutsider.token), 404);
    await expectProblem(await move('manage-process', api.operatorToken), 404);
    await expectProblem(
      await api.call('POST', `${path(m.id)}/stage`, {
        body: { stage: 'manage-process', reason: 'x' },
      }),
      401,
    );
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(before);
  });

  it('a missing mentorship → 404', async () => {
    await expectProblem(
      await moveStage(api, networkId, adminToken, 'nosuchmentorship1', 'identify-expectations'),
      404,
    );
  });
});

describe('concurrent changes: a stale write is a 409, never a lost update', () => {
  type Repos = ReturnType<TestApi['local']['deps']['store']>;

  /**
   * Runs `request` while another change (`meanwhile`) lands between the handler's read of
   * the mentorship and its write.
   */
  async function withChangeBetweenReadAndWrite(
    meanwhile: () => Promise<void>,
    request: () => Promise<Response>,
  ): Promise<Response> {
    const deps = api.local.deps;
    const original = deps.store;
    let pending: (() => Promise<void>) | undefined = meanwhile;
    deps.store = (tenant) => {
      const repos: Repos = original.call(deps, tenant);
      const get = repos.mentorships.get.bind(repos.mentorships);
      repos.mentorships.get = async (id) => {
        const read = await get(id);
        const run = pending;
        pending = undefined;
        if (run) await run();
        return read;
      };
      return repos;
    };
    try {
      const res = await request();
      expect(pending, 'the change in between ran').toBeUndefined();
      return res;
    } finally {
      deps.store = original;
    }
  }

  let m: Mentorship;
  beforeAll(async () => {
    m = await agreeAll(
      api,
      networkId,
      adminToken,
      await start({ menteeOrganizationIds: [e1.id, e2.id] }),
    );
    m = await expectJson<Mentorship>(
      await moveStage(api, networkId, adminToken, m.id, 'identify-expectations'),
      200,
    );
  });

  /** Someone else moves the mentorship back to build-relationship meanwhile. */
  const otherMove = async () => {
    await expectJson(
      await moveStage(
        api,
        networkId,
        coordinator[e2.id]!,
        m.id,
        'build-relationship',
        'the other change',
      ),
      200,
    );
  };

  const WRITES: [string, () => Promise<Response>][] = [
    ['a stage move', () => moveStage(api, networkId, adminToken, m.id, 'manage-process', 'stale')],
    ['an end', () => end(m.id, { kind: 'natural', reason: 'stale' })],
    [
      'participants',
      () =>
        api.call('PUT', `${path(m.id)}/participants`, {
          token: adminToken,
          body: { personIds: [memberE1.id] },
        }),
    ],
  ];
  for (const [name, write] of WRITES) {
    it(`${name} over a mentorship changed meanwhile → 409; the other change stays`, async () => {
      const res = await withChangeBetweenReadAndWrite(otherMove, write);
      await expectProblem(res, 409);
      const stored = await getMentorship(api, networkId, adminToken, m.id);
      expect(stored).toMatchObject({
        stage: 'build-relationship',
        version: m.version + 1,
        participantIds: m.participantIds,
      });
      expect(stored.ending).toBeUndefined();
      expect(stored.history).toHaveLength(m.history.length + 1);
      expect(stored.history.at(-1)).toMatchObject({
        to: 'build-relationship',
        reason: 'the other change',
      });
      // put it back where the next case expects it
      m = await expectJson<Mentorship>(
        await moveStage(api, networkId, adminToken, m.id, 'identify-expectations'),
        200,
      );
    });
  }

  it('an agreement over a mentorship changed meanwhile → 409; the other change stays', async () => {
    const fresh = await start({ menteeOrganizationIds: [e1.id, e2.id] });
    const res = await withChangeBetweenReadAndWrite(
      async () => {
        await expectJson(await agree(fresh.id, e2.id, coordinator[e2.id]!), 201);
      },
      () => agree(fresh.id, e1.id, coordinator[e1.id]!),
    );
    await expectProblem(res, 409);
    const stored = await getMentorship(api, networkId, adminToken, fresh.id);
    expect(stored.agreements.map((a) => a.organizationId)).toEqual([e2.id]);
    expect(stored.version).toBe(2);
  });

  it('six stage moves sent at once: every success is in the history, the rest are 409/422', async () => {
    const before = await getMentorship(api, networkId, adminToken, m.id);
    expect(before.stage).toBe('identify-expectations');
    const targets: Stage[] = ['manage-process', 'build-relationship'];
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        moveStage(api, networkId, adminToken, m.id, targets[i % 2]!, `parallel ${i}`),
      ),
    );
    const bodies = await Promise.all(results.map((r) => r.clone().text()));
    const statuses = results.map((r) => r.status);
    for (const [i, s] of statuses.entries()) expect([200, 409, 422], bodies[i]).toContain(s);
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    const okBodies = await Promise.all(ok.map((r) => r.json() as Promise<Mentorship>));
    const stored = await getMentorship(api, networkId, adminToken, m.id);
    expect(stored.version).toBe(before.version + ok.length);
    expect(stored.history).toHaveLength(before.history.length + ok.length);
    expect(new Set(okBodies.map((b) => b.version)).size).toBe(ok.length);
    const last = okBodies.reduce((a, b) => (a.version > b.version ? a : b));
    expect(stored).toEqual(last);
    // the history chains: each move starts where the one before ended
    for (let i = 1; i < stored.history.length; i++) {
      expect(stored.history[i]?.from).toBe(stored.history[i - 1]?.to);
    }
  });
});

describe('POST …/end', () => {
  it('a natural end → 200, stage end, with how, why, who and when', async () => {
    const m = await start();
    const ended = await expectJson<Mentorship>(
      await end(m.id, { kind: 'natural', reason: 'Goals met and the time line reached' }),
      200,
    );
    expect(ended).toMatchObject({
      stage: 'end',
      version: m.version + 1,
      ending: {
        kind: 'natural',
        reason: 'Goals met and the time line reached',
        endedAt: nowish(),
        endedBy: adminId,
      },
    });
    expect(ended.history.at(-1)).toMatchObject({
      from: 'build-relationship',
      to: 'end',
      by: adminId,
      reason: 'Goals met and the time line reached',
    });
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(ended);
  });

  it('a premature end needs prematureReason (400 naming it), then keeps it', async () => {
    const m = await agreeAll(api, networkId, adminToken, await start());
    const before = await items();
    await expectProblem(
      await end(m.id, { kind: 'premature', reason: 'The mentee lost interest' }),
      400,
      'prematureReason',
    );
    await expectProblem(
      await end(m.id, { kind: 'premature', reason: 'x', prematureReason: 'boredom' }),
      400,
      'prematureReason',
    );
    expect(await items()).toBe(before);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
    const ended = await expectJson<Mentorship>(
      await end(
        m.id,
        {
          kind: 'premature',
          reason: 'The mentee lost interest',
          prematureReason: 'loss-of-interest',
        },
        coordinator[mentor.id],
      ),
      200,
    );
    expect(ended.ending).toMatchObject({
      kind: 'premature',
      prematureReason: 'loss-of-interest',
      endedBy: mentor.coordinatorId,
    });
  });

  it('a transition needs `transition` (400 naming it), then keeps the new objectives', async () => {
    const m = await start();
    await expectProblem(
      await end(m.id, { kind: 'transition', reason: 'Going on with new goals' }),
      400,
      'transition',
    );
    await expectProblem(
      await end(m.id, {
        kind: 'transition',
        reason: 'Going on',
        transition: { objectives: [], contactMode: 'monthly calls' },
      }),
      400,
      'transition.objectives',
    );
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
    const transition = {
      objectives: ['Run a peer-led budget review'],
      contactMode: 'monthly calls',
    };
    const ended = await expectJson<Mentorship>(
      await end(m.id, { kind: 'transition', reason: 'Going on with new goals', transition }),
      200,
    );
    expect(ended).toMatchObject({ stage: 'end', ending: { kind: 'transition', transition } });
  });

  it('a bad body → 400 naming the field, nothing written', async () => {
    const m = await start();
    const before = await items();
    await expectProblem(await end(m.id, { kind: 'natural' }), 400, 'reason');
    await expectProblem(await end(m.id, { kind: 'natural', reason: ' ' }), 400, 'reason');
    await expectProblem(await end(m.id, { kind: 'abandoned', reason: 'x' }), 400, 'kind');
    await expectProblem(await end(m.id, { reason: 'x' }), 400, 'kind');
    await expectProblem(
      await end(m.id, { kind: 'natural', reason: 'x', when: 'now' }),
      400,
      'when',
    );
    expect(await items()).toBe(before);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
  });

  it('only its admins and the mentor organization’s coordinators end it (ADR 0026)', async () => {
    const m = await start();
    // the mentee's coordinator runs it but does not end it alone: 403, nothing changed
    const before = await items();
    await expectProblem(await end(m.id, { kind: 'natural', reason: 'x' }, coordinator[e1.id]), 403);
    expect(await items()).toBe(before);
    await expectProblem(
      await end(m.id, { kind: 'natural', reason: 'x' }, coordinator[outsider.id]),
      404,
    );
    await expectProblem(await end(m.id, { kind: 'natural', reason: 'x' }, memberE1.token), 404);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
  });

  it('after the end: stage moves, agreements and a second end → 422, nothing written', async () => {
    const m = await start({ menteeOrganizationIds: [e1.id, e2.id] });
    await expectJson(await agree(m.id, e1.id, adminToken), 201);
    const ended = await expectJson<Mentorship>(
      await end(m.id, { kind: 'natural', reason: 'done' }),
      200,
    );
    const before = await items();
    for (const stage of ['build-relationship', 'identify-expectations', 'monitor', 'end']) {
      await expectRule(await moveStage(api, networkId, adminToken, m.id, stage), 'ended');
    }
    const agreement = await agree(m.id, e2.id, coordinator[e2.id]!);
    await expectProblem(agreement, 422);
    await expectProblem(await end(m.id, { kind: 'natural', reason: 'again' }), 422);
    await expectProblem(
      await end(m.id, { kind: 'premature', reason: 'again', prematureReason: 'mismatch' }),
      422,
    );
    expect(await items()).toBe(before);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(ended);
  });
});

describe('who sees which mentorship, and the list', () => {
  /** A network of its own, so the lists are exactly these five mentorships. */
  let vNetwork: string;
  let vAdmin: string;
  let p: Organization;
  let q: Organization;
  let r: Organization;
  let s: Organization;
  const vCoordinator: Record<string, string> = {};
  let memberQ: { id: string; token: string };
  let memberR: { id: string; token: string };
  /** m1 P→Q, m2 P→R, m3 Q→R,S, m4 R→S, m5 S→P; oldest first. */
  let ms: Mentorship[];

  const vPath = (id?: string) => (id ? mentorshipPath(vNetwork, id) : mentorshipsPath(vNetwork));
  const list = async (token: string, query = '') =>
    expectJson<Page<Mentorship>>(await api.call('GET', `${vPath()}${query}`, { token }), 200);
  /** Every item of a (filtered) list, following the cursor. */
  async function everything(token: string, query: Record<string, string>, limit = 2) {
    const seen: Mentorship[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages++) {
      const params = new URLSearchParams({
        ...query,
        limit: String(limit),
        ...(cursor ? { cursor } : {}),
      });
      const page = await list(token, `?${params}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items);
      cursor = page.cursor;
      if (!cursor) return seen.map((m) => m.id);
    }
    throw new Error('the cursor never ends');
  }
  const ids = (...indexes: number[]) => indexes.map((i) => ms[i - 1]!.id);
  const newestFirst = (...indexes: number[]) => ids(...indexes.sort((a, b) => b - a));
  const putParticipants = (id: string, personIds: string[], token = vAdmin) =>
    api.call('PUT', `${vPath(id)}/participants`, { token, body: { personIds } });

  beforeAll(async () => {
    ({ networkId: vNetwork, adminToken: vAdmin } = await api.createNetwork('Visibility network'));
    const orgs = await Promise.all(
      ['P', 'Q', 'R', 'S'].map((name) =>
        createOrganization(api, vNetwork, vAdmin, { name: `Org ${name}` }),
      ),
    );
    [p, q, r, s] = orgs as unknown as Organization[] & Five;
    for (const org of [p, q, r, s]) {
      vCoordinator[org.id] = await api.tokenFor({
        id: org.coordinatorId,
        roles: ['coordinator'],
        networkId: vNetwork,
        organizationId: org.id,
      });
    }
    const person = async (org: Organization) => {
      const member = await expectJson<Member>(
        await api.call('POST', `/networks/${vNetwork}/organizations/${org.id}/members`, {
          token: vAdmin,
          body: { email: uniqueEmail('member'), name: 'Member' },
        }),
        201,
      );
      return {
        id: member.id,
        token: await api.tokenFor({
          id: member.id,
          roles: ['member'],
          networkId: vNetwork,
          organizationId: org.id,
        }),
      };
    };
    memberQ = await person(q);
    memberR = await person(r);
    const pairs: [Organization, Organization[]][] = [
      [p, [q]],
      [p, [r]],
      [q, [r, s]],
      [r, [s]],
      [s, [p]],
    ];
    ms = [];
    for (const [mentorOrg, mentees] of pairs) {
      ms.push(
        await createMentorship(api, vNetwork, vAdmin, {
          mentorOrganizationId: mentorOrg.id,
          menteeOrganizationIds: mentees.map((o) => o.id),
        }),
      );
    }
    // m2 goes on to identify-expectations; m4 ends
    await agreeAll(api, vNetwork, vAdmin, ms[1]!);
    await expectJson(
      await moveStage(api, vNetwork, vAdmin, ms[1]!.id, 'identify-expectations'),
      200,
    );
    await expectJson(
      await api.call('POST', `${vPath(ms[3]!.id)}/end`, {
        token: vAdmin,
        body: { kind: 'natural', reason: 'done' },
      }),
      200,
    );
  });

  it('an admin lists all five, newest first; limit=2 pages give each exactly once', async () => {
    expect((await list(vAdmin)).items.map((m) => m.id)).toEqual(newestFirst(1, 2, 3, 4, 5));
    const pages = await allPages<Mentorship>(api, vPath(), vAdmin, 2);
    const seen = pages.flatMap((page) => page.items.map((m) => m.id));
    expect(seen).toEqual(newestFirst(1, 2, 3, 4, 5));
    expect(pages.every((page) => page.items.length <= 2)).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it('filters by stage', async () => {
    expect(await everything(vAdmin, { stage: 'build-relationship' })).toEqual(newestFirst(1, 3, 5));
    expect(await everything(vAdmin, { stage: 'identify-expectations' })).toEqual(ids(2));
    expect(await everything(vAdmin, { stage: 'end' })).toEqual(ids(4));
    expect(await everything(vAdmin, { stage: 'monitor' })).toEqual([]);
  });

  it('filters by organization (mentor or mentee), and by both', async () => {
    expect(await everything(vAdmin, { organizationId: r.id })).toEqual(newestFirst(2, 3, 4));
    expect(await everything(vAdmin, { organizationId: p.id })).toEqual(newestFirst(1, 2, 5));
    expect(await everything(vAdmin, { organizationId: s.id }, 1)).toEqual(newestFirst(3, 4, 5));
    expect(await everything(vAdmin, { organizationId: r.id, stage: 'end' })).toEqual(ids(4));
    expect(await everything(vAdmin, { organizationId: r.id, stage: 'build-relationship' })).toEqual(
      ids(3),
    );
    expect(await everything(vAdmin, { organizationId: otherOrg.id })).toEqual([]);
  });

  it('filters by approach: none until approaches are chosen', async () => {
    expect(await everything(vAdmin, { approach: 'twinning' })).toEqual([]);
    await expectProblem(
      await api.call('GET', `${vPath()}?approach=carrier-pigeon`, { token: vAdmin }),
      400,
      'approach',
    );
  });

  it('a bad query → 400 naming the parameter', async () => {
    for (const [query, field] of [
      ['stage=finished', 'stage'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=two', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
    ] as const) {
      await expectProblem(
        await api.call('GET', `${vPath()}?${query}`, { token: vAdmin }),
        400,
        field,
      );
    }
  });

  it("a coordinator sees only their organization's mentorships, in the list and by id", async () => {
    const coordinatorR = vCoordinator[r.id]!;
    expect((await list(coordinatorR)).items.map((m) => m.id)).toEqual(newestFirst(2, 3, 4));
    expect(await everything(coordinatorR, {})).toEqual(newestFirst(2, 3, 4));
    expect(await everything(coordinatorR, { stage: 'end' })).toEqual(ids(4));
    expect(await everything(coordinatorR, { organizationId: r.id })).toEqual(newestFirst(2, 3, 4));
    for (const i of [2, 3, 4]) {
      await expectJson(await api.call('GET', vPath(ids(i)[0]), { token: coordinatorR }), 200);
    }
    for (const i of [1, 5]) {
      await expectProblem(await api.call('GET', vPath(ids(i)[0]), { token: coordinatorR }), 404);
    }
    expect((await list(vCoordinator[p.id]!)).items.map((m) => m.id)).toEqual(newestFirst(1, 2, 5));
  });

  it("a coordinator's organization filter names a partner: their shared mentorships only", async () => {
    // Q is in m1 (with P) and m3 (with R and S): Q filtering by R sees m3, by P sees m1
    expect(await everything(vCoordinator[q.id]!, { organizationId: r.id })).toEqual(ids(3));
    expect(await everything(vCoordinator[q.id]!, { organizationId: p.id })).toEqual(ids(1));
    expect(await everything(vCoordinator[q.id]!, { organizationId: otherOrg.id })).toEqual([]);
  });

  it('a member sees none until taking part; then that one, in the list and by id', async () => {
    expect((await list(memberQ.token)).items).toEqual([]);
    await expectProblem(await api.call('GET', vPath(ids(1)[0]), { token: memberQ.token }), 404);
    const itemsBefore = await api.countItems([vNetwork]);

    const updated = await expectJson<Mentorship>(
      await putParticipants(ids(1)[0]!, [memberQ.id], vCoordinator[q.id]!),
      200,
    );
    expect(updated.participantIds).toEqual([memberQ.id]);
    expect(updated.version).toBe(ms[0]!.version + 1);

    expect((await list(memberQ.token)).items.map((m) => m.id)).toEqual(ids(1));
    expect(await everything(memberQ.token, { stage: 'build-relationship' })).toEqual(ids(1));
    expect(await everything(memberQ.token, { stage: 'end' })).toEqual([]);
    const seen = await expectJson<Mentorship>(
      await api.call('GET', vPath(ids(1)[0]), { token: memberQ.token }),
      200,
    );
    expect(seen.id).toBe(ids(1)[0]);
    // m3 has Q in it, but this member does not take part
    await expectProblem(await api.call('GET', vPath(ids(3)[0]), { token: memberQ.token }), 404);
    // a member cannot run it
    await expectProblem(
      await moveStage(api, vNetwork, memberQ.token, ids(1)[0]!, 'identify-expectations'),
      403,
    );
    await expectProblem(await putParticipants(ids(1)[0]!, [], memberQ.token), 403);
    // and sees it no more once taken off
    await expectJson(await putParticipants(ids(1)[0]!, []), 200);
    expect((await list(memberQ.token)).items).toEqual([]);
    await expectProblem(await api.call('GET', vPath(ids(1)[0]), { token: memberQ.token }), 404);
    // taking someone off leaves nothing of them behind (no stale index item)
    expect(await api.countItems([vNetwork])).toBe(itemsBefore);
  });

  it('participants come from its organizations: anyone else → 400 naming personIds.<i>, nothing written', async () => {
    const m3 = await getMentorship(api, vNetwork, vAdmin, ids(3)[0]!);
    const before = await api.countItems([vNetwork]);
    // memberR is of R, in m3; p's coordinator is not
    await expectProblem(
      await putParticipants(m3.id, [memberR.id, p.coordinatorId]),
      400,
      'personIds.1',
    );
    await expectProblem(await putParticipants(m3.id, ['nosuchperson1']), 400, 'personIds.0');
    await expectProblem(await putParticipants(m3.id, [otherOrg.coordinatorId]), 400, 'personIds.0');
    await expectProblem(await putParticipants(m3.id, [memberR.id, memberR.id]), 400, 'personIds');
    await expectProblem(
      await api.call('PUT', `${vPath(m3.id)}/participants`, {
        token: vAdmin,
        body: { people: [] },
      }),
      400,
      'people',
    );
    expect(await api.countItems([vNetwork])).toBe(before);
    expect(await getMentorship(api, vNetwork, vAdmin, m3.id)).toEqual(m3);

    // people of mentor and mentee organizations together are fine (for an admin: ADR 0026)
    const ok = await expectJson<Mentorship>(
      await putParticipants(m3.id, [memberR.id, q.coordinatorId, memberQ.id]),
      200,
    );
    expect(ok.participantIds).toEqual([memberR.id, q.coordinatorId, memberQ.id]);
    expect((await list(memberR.token)).items.map((m) => m.id)).toEqual(ids(3));
    await expectJson(await putParticipants(m3.id, [memberR.id]), 200);
    expect((await list(memberQ.token)).items).toEqual([]);
    expect((await list(memberR.token)).items.map((m) => m.id)).toEqual(ids(3));
  });

  it('a coordinator chooses their own organization’s people only: else 403, nothing changed (ADR 0026)', async () => {
    // m3: mentor q, mentees r and s; memberR takes part
    const m3 = await expectJson<Mentorship>(await putParticipants(ids(3)[0]!, [memberR.id]), 200);
    const before = await api.countItems([vNetwork]);
    // s's coordinator takes r's member off, or puts q's people on: 403
    await expectProblem(await putParticipants(m3.id, [], vCoordinator[s.id]!), 403);
    await expectProblem(
      await putParticipants(m3.id, [memberR.id, memberQ.id], vCoordinator[s.id]!),
      403,
    );
    // the mentor's coordinator may not choose a mentee's people either
    await expectProblem(
      await putParticipants(m3.id, [memberR.id, r.coordinatorId], vCoordinator[q.id]!),
      403,
    );
    expect(await api.countItems([vNetwork])).toBe(before);
    expect(await getMentorship(api, vNetwork, vAdmin, m3.id)).toEqual(m3);
    // each adds their own, sending the others' as they are
    const withQ = await expectJson<Mentorship>(
      await putParticipants(m3.id, [memberR.id, memberQ.id], vCoordinator[q.id]!),
      200,
    );
    expect(withQ.participantIds).toEqual([memberR.id, memberQ.id]);
    const withS = await expectJson<Mentorship>(
      await putParticipants(m3.id, [memberR.id, memberQ.id, s.coordinatorId], vCoordinator[s.id]!),
      200,
    );
    expect(withS.participantIds).toEqual([memberR.id, memberQ.id, s.coordinatorId]);
    // r's coordinator takes their own member off
    const withoutR = await expectJson<Mentorship>(
      await putParticipants(m3.id, [memberQ.id, s.coordinatorId], vCoordinator[r.id]!),
      200,
    );
    expect(withoutR.participantIds).toEqual([memberQ.id, s.coordinatorId]);
    await expectJson(await putParticipants(m3.id, [memberR.id]), 200);
  });

  it('an outsider coordinator cannot set participants (404)', async () => {
    await expectProblem(await putParticipants(ids(1)[0]!, [memberQ.id], vCoordinator[r.id]!), 404);
  });

  it('people of the main network see nothing of this one (404)', async () => {
    await expectProblem(await api.call('GET', vPath(), { token: adminToken }), 404);
    await expectProblem(await api.call('GET', vPath(ids(1)[0]), { token: adminToken }), 404);
    // and ids of this network are unknown in the other
    await expectProblem(await api.call('GET', path(ids(1)[0]), { token: adminToken }), 404);
  });
});

describe('agreements by the organization itself: on behalf, and declines', () => {
  type Entry = { kind: string; actorId?: string; subjectId?: string; targets?: object };
  const trail = async (kind: string) =>
    (
      await expectJson<{ items: Entry[] }>(
        await api.call('GET', `/networks/${networkId}/audit?kind=${kind}`, { token: adminToken }),
        200,
      )
    ).items;
  const decline = (id: string, body: unknown, token: string) =>
    post(`/${id}/declines`, token, body);
  let m: Mentorship;
  beforeAll(async () => {
    m = await start({ menteeOrganizationIds: [e1.id] });
  });

  it('a network admin without onBehalf: true → 400 naming onBehalf, nothing written', async () => {
    const before = await items();
    for (const body of [
      { organizationId: e1.id },
      { organizationId: e1.id, onBehalf: false },
      { organizationId: e1.id, onBehalf: 'yes' },
    ]) {
      await expectProblem(await post(`/${m.id}/agreements`, adminToken, body), 400, 'onBehalf');
    }
    expect(await items()).toBe(before);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
  });

  it('a decline needs a reason (400 naming reason) and a known organization, nothing written', async () => {
    const before = await items();
    const token = coordinator[e1.id]!;
    await expectProblem(await decline(m.id, { organizationId: e1.id }, token), 400, 'reason');
    await expectProblem(
      await decline(m.id, { organizationId: e1.id, reason: '   ' }, token),
      400,
      'reason',
    );
    await expectProblem(await decline(m.id, { reason: 'no' }, token), 400, 'organizationId');
    await expectProblem(
      await decline(m.id, { organizationId: outsider.id, reason: 'no' }, token),
      400,
      'organizationId',
    );
    expect(await items()).toBe(before);
  });

  it('only the organization’s coordinator declines: admin, other coordinator, member → 403; other network → 404', async () => {
    const before = await items();
    const body = { organizationId: e1.id, reason: 'not now' };
    await expectProblem(await decline(m.id, body, adminToken), 403);
    await expectProblem(await decline(m.id, body, coordinator[mentor.id]!), 403);
    await expectProblem(await decline(m.id, body, coordinator[outsider.id]!), 404);
    await expectProblem(await decline(m.id, body, memberOutsider.token), 404);
    await expectProblem(
      await api.call('POST', `${mentorshipPath(otherNetworkId, m.id)}/declines`, {
        token: otherAdminToken,
        body,
      }),
      404,
    );
    expect(await items()).toBe(before);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
  });

  it('the coordinator declines → 201, shown with who, when and why, and in the audit trail', async () => {
    const res = await decline(
      m.id,
      { organizationId: e1.id, reason: 'Our board has not agreed yet' },
      coordinator[e1.id]!,
    );
    const after = await expectJson<Mentorship>(res, 201);
    expect(after.declines).toEqual([
      {
        organizationId: e1.id,
        declinedBy: e1.coordinatorId,
        declinedByName: expect.any(String),
        declinedAt: nowish(),
        reason: 'Our board has not agreed yet',
      },
    ]);
    expect(after.version).toBe(m.version + 1);
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(after);
    const entries = await trail('agreement.declined');
    expect(entries).toContainEqual(
      expect.objectContaining({
        actorId: e1.coordinatorId,
        subjectId: m.id,
        targets: { mentorshipId: m.id, organizationId: e1.id },
      }),
    );
    // never the reason itself
    expect(JSON.stringify(entries)).not.toContain('board');
    m = after;
    await expectProblem(
      await decline(m.id, { organizationId: e1.id, reason: 'again' }, coordinator[e1.id]!),
      409,
    );
  });

  it('while the decline stands the mentorship cannot leave its first stage (422 agreements-missing)', async () => {
    m = await expectJson<Mentorship>(await agree(m.id, mentor.id, coordinator[mentor.id]!), 201);
    await expectRule(
      await moveStage(api, networkId, adminToken, m.id, 'identify-expectations'),
      'agreements-missing',
    );
    expect(await getMentorship(api, networkId, adminToken, m.id)).toEqual(m);
  });

  it('an admin accepts on behalf → recorded as such, replaces the decline, audited; then it moves on', async () => {
    const after = await expectJson<Mentorship>(
      await post(`/${m.id}/agreements`, adminToken, { organizationId: e1.id, onBehalf: true }),
      201,
    );
    expect(after.declines).toEqual([]);
    expect(after.agreements.find((a) => a.organizationId === e1.id)).toEqual({
      organizationId: e1.id,
      acceptedBy: adminId,
      acceptedByName: expect.any(String),
      acceptedAt: nowish(),
      textVersion: expect.stringMatching(/\S/),
      onBehalf: true,
    });
    // the coordinator's own acceptance is not "on behalf"
    expect(after.agreements.find((a) => a.organizationId === mentor.id)?.onBehalf).toBeUndefined();
    expect(await trail('agreement.accepted-on-behalf')).toContainEqual(
      expect.objectContaining({
        actorId: adminId,
        subjectId: m.id,
        targets: { mentorshipId: m.id, organizationId: e1.id },
      }),
    );
    // a decline once accepted → 409
    await expectProblem(
      await decline(m.id, { organizationId: e1.id, reason: 'late' }, coordinator[e1.id]!),
      409,
    );
    await expectJson(
      await moveStage(api, networkId, adminToken, m.id, 'identify-expectations'),
      200,
    );
  });

  it("the coordinator's own later acceptance replaces the decline too, no onBehalf needed", async () => {
    const fresh = await start({ menteeOrganizationIds: [e2.id] });
    await expectJson(
      await decline(fresh.id, { organizationId: e2.id, reason: 'wait' }, coordinator[e2.id]!),
      201,
    );
    const after = await expectJson<Mentorship>(
      await agree(fresh.id, e2.id, coordinator[e2.id]!),
      201,
    );
    expect(after.declines).toEqual([]);
    expect(after.agreements).toEqual([
      expect.objectContaining({ organizationId: e2.id, acceptedBy: e2.coordinatorId }),
    ]);
    expect(after.agreements[0]).not.toHaveProperty('onBehalf');
  });
});

describe('the virtual clock (runs last: it moves time forward)', () => {
  it('decides which reviews are past and stamps the history', async () => {
    const realToday = new Date().toISOString().slice(0, 10);
    await api.local.clock.advance({ advanceDays: 200 });
    const m = await start({ startDate: realToday, durationMonths: 12 });
    // 200 days on: quarterlies 1 and 2 (≈90 and ≈182 days) and the mid-term are due
    const past = m.reviews.filter((r) => r.state === 'past');
    expect(past.map((r) => `${r.kind}${r.period ?? ''}`).sort()).toEqual([
      'mid-term',
      'quarterly1',
      'quarterly2',
    ]);
    expectReviews(m, today());
    expect(Date.parse(m.history[0]!.at) - Date.now()).toBeGreaterThan(199 * 86_400_000);
    expect(m.createdAt).toBe(m.history[0]!.at);
  });
});
