import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  type MentorshipWorld,
  mentorshipAt,
  mentorshipWorld,
} from '../support/mentorship-world.ts';
import { expectRule, type Mentorship, mentorshipPath, STAGES } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

interface ClosureDocument {
  version: number;
  content: { answers: Record<string, string> };
  updatedAt: string;
  updatedBy: string;
}

let api: TestApi;
let w: MentorshipWorld;
/** A mentorship in stage `monitor`, with the world's participant taking part. */
let monitored: Mentorship;

const closurePath = (id: string, networkId = w.networkId) =>
  `${mentorshipPath(networkId, id)}/closure`;
const items = () => api.countItems([w.networkId, w.otherNetworkId]);
const put = (id: string, token: string, body: unknown) =>
  api.call('PUT', closurePath(id), { token, body });
const get = (id: string, token = w.tokens.admin) => api.call('GET', closurePath(id), { token });

/** Every closure question of 001 answered. */
const allAnswers = {
  'how-far': 'From no case files to 80% of clients linked to care.',
  'goals-achieved': 'Two of three.',
  'most-impact': 'The second on-site visit.',
  'worked-well': 'Weekly WhatsApp check-ins.',
  'learned-outside-objectives': 'The mentor learned the mentee’s advocacy tactics.',
  'even-better-if': 'Even better if we had started with the budget.',
  'lessons-learned': 'Plan the hand-over early.',
};

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Closure');
  monitored = await mentorshipAt(api, w, 'monitor');
  await expectJson(
    await api.call('PUT', `${mentorshipPath(w.networkId, monitored.id)}/participants`, {
      token: w.tokens.admin,
      body: { personIds: [w.participantId] },
    }),
    200,
  );
});
afterAll(() => api.close());

describe('PUT/GET /networks/{networkId}/mentorships/{mentorshipId}/closure', () => {
  it('answers 200 with null before the first save; 404 to who does not see the mentorship', async () => {
    for (const token of [w.tokens.admin, w.tokens.mentorCoordinator, w.tokens.menteeCoordinator]) {
      expect(await expectJson<null>(await get(monitored.id, token), 200)).toBeNull();
    }
    expect(
      (await expectProblem(await get(monitored.id, w.tokens.outsiderCoordinator), 404)).detail,
    ).toBe('mentorship not found');
    // another network's admin: 404 as well
    await expectProblem(await get(monitored.id, w.tokens.otherAdmin), 404);
  });

  for (const stage of ['build-relationship', 'identify-expectations', 'manage-process'] as const) {
    it(`answers 422 closure-too-early in stage ${stage}, writing nothing`, async () => {
      const m = await mentorshipAt(api, w, stage);
      const before = await items();
      await expectRule(
        await put(m.id, w.tokens.admin, { answers: { 'how-far': 'Not far yet' } }),
        'closure-too-early',
      );
      expect(await items()).toBe(before);
      expect(await expectJson<null>(await get(m.id), 200)).toBeNull();
    });
  }

  it('stores the answers of an ended mentorship at version 1', async () => {
    const ended = await mentorshipAt(api, w, 'end');
    expect(ended.stage).toBe(STAGES[4]);
    const saved = await expectJson<ClosureDocument>(
      await put(ended.id, w.tokens.mentorCoordinator, { answers: allAnswers }),
      200,
    );
    expect(saved).toEqual({
      version: 1,
      content: { answers: allAnswers },
      updatedAt: expect.any(String),
      updatedBy: w.mentor.coordinatorId,
    });
    expect(await expectJson<ClosureDocument>(await get(ended.id), 200)).toEqual(saved);
  });

  it('versions each save of a mentorship being monitored; a stale one → 409, stored answers kept', async () => {
    const v1 = await expectJson<ClosureDocument>(
      await put(monitored.id, w.tokens.menteeCoordinator, {
        answers: { 'how-far': 'Halfway', 'worked-well': '' },
      }),
      200,
    );
    expect(v1).toMatchObject({ version: 1, content: { answers: { 'how-far': 'Halfway' } } });
    const v2 = await expectJson<ClosureDocument>(
      await put(monitored.id, w.tokens.admin, { version: 1, answers: allAnswers }),
      200,
    );
    expect(v2.version).toBe(2);
    const before = await items();
    await expectProblem(
      await put(monitored.id, w.tokens.admin, { version: 1, answers: { 'how-far': 'lost?' } }),
      409,
      'version',
    );
    await expectProblem(
      await put(monitored.id, w.tokens.admin, { answers: { 'how-far': 'first again?' } }),
      409,
      'version',
    );
    expect(await items()).toBe(before);
    expect(await expectJson<ClosureDocument>(await get(monitored.id), 200)).toEqual(v2);
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    const cases: [string, unknown, string][] = [
      ['no answer at all', { answers: {} }, 'answers'],
      ['only blank answers', { answers: { 'how-far': '   ' } }, 'answers'],
      ['an unknown question', { answers: { 'best-meal': 'Pilau' } }, 'answers.best-meal'],
      ['an unknown field', { answers: { 'how-far': 'x' }, signedBy: 'me' }, 'signedBy'],
      ['a version that is not a number', { version: '2', answers: { 'how-far': 'x' } }, 'version'],
      ['no answers object', {}, 'answers'],
    ];
    for (const [what, body, field] of cases) {
      it(`${what} → 400 naming ${field}`, async () => {
        const before = await items();
        const stored = await get(monitored.id);
        await expectProblem(await put(monitored.id, w.tokens.admin, body), 400, field);
        expect(await items()).toBe(before);
        expect(await (await get(monitored.id)).text()).toBe(await stored.text());
      });
    }
  });

  describe('who may read and write it', () => {
    it('lets everyone who sees the mentorship read it', async () => {
      const stored = await (await get(monitored.id)).json();
      for (const token of [w.tokens.mentorCoordinator, w.tokens.participant]) {
        expect(await expectJson(await get(monitored.id, token), 200)).toEqual(stored);
      }
    });

    it('answers 403 to a participant, 404 to the rest and to another network; nothing written', async () => {
      const before = await items();
      const stored = await (await get(monitored.id)).text();
      const body = { version: 2, answers: { 'how-far': 'taken over' } };
      await expectProblem(await put(monitored.id, w.tokens.participant, body), 403);
      for (const token of [w.tokens.outsiderCoordinator, w.tokens.bystander, w.tokens.otherAdmin]) {
        await expectProblem(await get(monitored.id, token), 404);
        await expectProblem(await put(monitored.id, token, body), 404);
      }
      await expectProblem(
        await api.call('GET', closurePath(monitored.id, w.otherNetworkId), {
          token: w.tokens.otherAdmin,
        }),
        404,
      );
      expect(await items()).toBe(before);
      expect(await (await get(monitored.id)).text()).toBe(stored);
    });
  });
});
