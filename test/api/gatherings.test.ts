import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { allPages } from '../support/fixtures.ts';
import {
  type MentorshipWorld,
  mentorshipAt,
  mentorshipWorld,
} from '../support/mentorship-world.ts';
import { createMentorship, expectRule, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem, type Problem } from '../support/problem.ts';

interface Gathering {
  id: string;
  approach: string;
  title: string;
  date: string;
  location?: string;
  safety?: Record<string, { done: boolean; note?: string }>;
  createdAt: string;
  createdBy: string;
}

/** 001's checklist items, written out here rather than taken from the code under test. */
const CHECKLIST = ['participants-safety', 'hostile-environment', 'law-enforcement'];
/** Approaches that bring people together face to face (001: COPs, study tours, visits…). */
const GATHERINGS = [
  'on-site',
  'community-of-practice',
  'study-tour',
  'exchange-visit',
  'exchange-event',
];
const NOT_GATHERINGS = ['telementoring', 'resource-referral', 'twinning', 'internship-shadowing'];

const checked = () =>
  Object.fromEntries(CHECKLIST.map((id) => [id, { done: true, note: `${id} handled` }]));

let api: TestApi;
let w: MentorshipWorld;

const gatheringsPath = (id: string, networkId = w.networkId) =>
  `${mentorshipPath(networkId, id)}/gatherings`;
const items = () => api.countItems([w.networkId, w.otherNetworkId]);
const post = (id: string, token: string, body: unknown) =>
  api.call('POST', gatheringsPath(id), { token, body });
const fresh = () =>
  createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: w.mentor.id,
    menteeOrganizationIds: [w.mentee.id],
  });

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Gatherings');
});
afterAll(() => api.close());

describe('POST /networks/{networkId}/mentorships/{mentorshipId}/gatherings', () => {
  it('schedules a study tour whose safety checklist is complete, and lists it', async () => {
    const m = await fresh();
    const body = {
      approach: 'study-tour',
      title: 'Visit to the drop-in centre',
      date: '2025-04-10',
      location: 'Mombasa',
      safety: checked(),
    };
    const created = await expectJson<Gathering>(
      await post(m.id, w.tokens.mentorCoordinator, body),
      201,
    );
    expect(created).toEqual({
      id: expect.any(String),
      ...body,
      createdAt: expect.any(String),
      createdBy: w.mentor.coordinatorId,
    });
    const list = await expectJson<{ items: Gathering[]; cursor?: string }>(
      await api.call('GET', gatheringsPath(m.id), { token: w.tokens.admin }),
      200,
    );
    expect(list).toEqual({ items: [created] });
  });

  for (const approach of GATHERINGS) {
    it(`refuses ${approach} without the checklist: 422 naming every item, nothing written`, async () => {
      const before = await items();
      const res = await post(w.mentorship.id, w.tokens.admin, {
        approach,
        title: 'Regional gathering',
        date: '2025-05-01',
      });
      const problem = (await expectProblem(res.clone(), 422)) as Problem & { rule?: string };
      expect(problem.rule).toBe('safety-check-incomplete');
      expect(problem.errors?.map((e) => e.path)).toEqual(CHECKLIST.map((id) => `safety.${id}`));
      expect(await items()).toBe(before);
    });
  }

  it('words the refusal and each item not done in the reader’s language, from their codes', async () => {
    const fr = (await import('../../packages/domain/locales/fr/errors.json')).default as Record<
      string,
      string
    >;
    const res = await api.call('POST', gatheringsPath(w.mentorship.id), {
      token: w.tokens.admin,
      body: { approach: 'study-tour', title: 'Visite', date: '2025-05-01' },
      headers: { 'accept-language': 'fr' },
    });
    const problem = (await expectProblem(res, 422)) as Problem & { rule?: string; code?: string };
    expect(problem.code).toBe('domain_rule');
    const details = (await import('../../packages/domain/locales/fr/details.json')).default;
    expect(problem.detail).toBe(details.rule_safety_check_incomplete);
    expect(problem.errors?.map((e) => e.code)).toEqual(CHECKLIST.map(() => 'safety_item_not_done'));
    expect(problem.errors?.map((e) => e.message)).toEqual(
      CHECKLIST.map(() => fr.safety_item_not_done),
    );
  });

  it('names only the items not done (unticked or missing), in checklist order', async () => {
    const before = await items();
    const res = await post(w.mentorship.id, w.tokens.admin, {
      approach: 'community-of-practice',
      title: 'COP meeting',
      date: '2025-05-01',
      safety: {
        'law-enforcement': { done: false, note: 'Not yet: the liaison is away' },
        'participants-safety': { done: true },
      },
    });
    const problem = (await expectProblem(res, 422)) as Problem & { rule?: string };
    expect(problem.rule).toBe('safety-check-incomplete');
    expect(problem.errors?.map((e) => e.path)).toEqual([
      'safety.hostile-environment',
      'safety.law-enforcement',
    ]);
    expect(await items()).toBe(before);
  });

  for (const approach of NOT_GATHERINGS) {
    it(`schedules ${approach} without any checklist`, async () => {
      const m = await fresh();
      const created = await expectJson<Gathering>(
        await post(m.id, w.tokens.menteeCoordinator, {
          approach,
          title: 'Monthly call',
          date: '2025-03-01',
        }),
        201,
      );
      expect(created).toMatchObject({ approach, createdBy: w.mentee.coordinatorId });
      expect(created).not.toHaveProperty('safety');
    });
  }

  it('answers 422 ended to an ended mentorship, even with the checklist done; nothing written', async () => {
    const ended = await mentorshipAt(api, w, 'end');
    const before = await items();
    for (const approach of ['telementoring', 'on-site']) {
      await expectRule(
        await post(ended.id, w.tokens.admin, {
          approach,
          title: 'After the end',
          date: '2026-03-01',
          safety: checked(),
        }),
        'ended',
      );
    }
    expect(await items()).toBe(before);
  });

  it('answers a retry with the same Idempotency-Key with the first event, scheduling one', async () => {
    const m = await fresh();
    const send = () =>
      api.call('POST', gatheringsPath(m.id), {
        token: w.tokens.admin,
        body: { approach: 'telementoring', title: 'Retried call', date: '2025-03-05' },
        headers: { 'idempotency-key': `gathering-${m.id}` },
      });
    const first = await expectJson<Gathering>(await send(), 201);
    const before = await items();
    expect(await expectJson<Gathering>(await send(), 201)).toEqual(first);
    expect(await items()).toBe(before);
    const list = await expectJson<{ items: Gathering[] }>(
      await api.call('GET', gatheringsPath(m.id), { token: w.tokens.admin }),
      200,
    );
    expect(list.items).toEqual([first]);
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an unknown approach', { approach: 'picnic', title: 'x', date: '2025-03-01' }, 'approach'],
      ['no title', { approach: 'on-site', date: '2025-03-01', safety: checked() }, 'title'],
      ['a blank title', { approach: 'telementoring', title: '  ', date: '2025-03-01' }, 'title'],
      ['an impossible date', { approach: 'telementoring', title: 'x', date: '2025-02-29' }, 'date'],
      [
        'an unknown checklist item',
        {
          approach: 'on-site',
          title: 'x',
          date: '2025-03-01',
          safety: { ...checked(), 'bring-snacks': { done: true } },
        },
        'safety.bring-snacks',
      ],
      [
        'a checklist item that is not ticked or unticked',
        {
          approach: 'on-site',
          title: 'x',
          date: '2025-03-01',
          safety: { ...checked(), 'law-enforcement': { done: 'yes' } },
        },
        'safety.law-enforcement.done',
      ],
      [
        'an unknown field',
        { approach: 'telementoring', title: 'x', date: '2025-03-01', budget: 10 },
        'budget',
      ],
    ];
    for (const [what, body, field] of cases) {
      it(`${what} → 400 naming ${field}`, async () => {
        const before = await items();
        await expectProblem(await post(w.mentorship.id, w.tokens.admin, body), 400, field);
        expect(await items()).toBe(before);
      });
    }
  });
});

describe('GET /networks/{networkId}/mentorships/{mentorshipId}/gatherings', () => {
  it('lists by date, earliest first, page by page', async () => {
    const m = await fresh();
    const dates = ['2025-09-01', '2025-02-15', '2025-06-30', '2025-02-14', '2025-12-31'];
    for (const date of dates) {
      await expectJson(
        await post(m.id, w.tokens.admin, {
          approach: 'telementoring',
          title: `Call ${date}`,
          date,
        }),
        201,
      );
    }
    const pages = await allPages<Gathering>(
      api,
      gatheringsPath(m.id),
      w.tokens.menteeCoordinator,
      2,
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.flatMap((p) => p.items).map((g) => g.date)).toEqual([...dates].sort());
  });

  it('answers 400 naming limit or cursor to a bad page request', async () => {
    await expectProblem(
      await api.call('GET', `${gatheringsPath(w.mentorship.id)}?limit=1000`, {
        token: w.tokens.admin,
      }),
      400,
      'limit',
    );
    await expectProblem(
      await api.call('GET', `${gatheringsPath(w.mentorship.id)}?cursor=bm90LWEtY3Vyc29y`, {
        token: w.tokens.admin,
      }),
      400,
      'cursor',
    );
  });
});

describe('who may schedule and see gatherings', () => {
  const telementoring = { approach: 'telementoring', title: 'Check-in', date: '2025-03-03' };

  it('lets the admin and both coordinators schedule, and the participant read', async () => {
    const m = w.mentorship;
    for (const token of [w.tokens.admin, w.tokens.mentorCoordinator, w.tokens.menteeCoordinator]) {
      await expectJson(await post(m.id, token, telementoring), 201);
    }
    const list = await expectJson<{ items: Gathering[] }>(
      await api.call('GET', `${gatheringsPath(m.id)}?limit=100`, { token: w.tokens.participant }),
      200,
    );
    expect(list.items.length).toBeGreaterThanOrEqual(3);
  });

  it('answers 403 to a participant, 404 to those who do not see it and to another network; nothing written', async () => {
    const m = w.mentorship;
    const before = await items();
    await expectProblem(await post(m.id, w.tokens.participant, telementoring), 403);
    for (const token of [w.tokens.outsiderCoordinator, w.tokens.bystander, w.tokens.otherAdmin]) {
      await expectProblem(await post(m.id, token, telementoring), 404);
      await expectProblem(await api.call('GET', gatheringsPath(m.id), { token }), 404);
    }
    await expectProblem(
      await api.call('POST', gatheringsPath(m.id, w.otherNetworkId), {
        token: w.tokens.otherAdmin,
        body: telementoring,
      }),
      404,
    );
    await expectProblem(await post('nosuchmentorship', w.tokens.admin, telementoring), 404);
    expect(await items()).toBe(before);
  });
});
