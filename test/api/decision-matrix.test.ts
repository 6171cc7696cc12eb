import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

interface Ranked {
  approach: string;
  score: number;
  reasons: string[];
}

type Answers = Record<string, string>;

const APPROACHES = [
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

/**
 * DOMAIN.md's matrix (001 p.40), transcribed by hand for this test — independent of the
 * code's own marks. Columns TW ST COP OS TM IS RR PLE EV; PLE is `exchange-event`.
 */
const COLUMNS = [
  'twinning',
  'study-tour',
  'community-of-practice',
  'on-site',
  'telementoring',
  'internship-shadowing',
  'resource-referral',
  'exchange-event',
  'exchange-visit',
];
const TABLE = [
  // question     answer    TW ST COP OS TM IS RR PLE EV
  'organizations  one       .  .  .   x  x  x  x  .   .',
  'organizations  several   x  x  x   .  .  .  .  x   x',
  'areas          one       .  x  .   .  .  .  x  x   x',
  'areas          multiple  x  .  .   x  .  .  .  .   .',
  'experience     yes       x  .  .   .  .  .  .  .   .',
  'experience     no        x  x  .   x  .  x  x  x   .',
  'travelBudget   yes       x  x  x   x  .  x  .  x   x',
  'travelBudget   no        .  .  .   .  x  .  x  .   .',
  'term           long      x  .  x   x  x  x  .  .   x',
  'term           short     .  x  .   .  .  .  x  x   x',
  'internet       yes       x  x  .   .  x  .  .  .   .',
  'internet       no        .  x  .   x  .  x  x  x   x',
].map((row) => row.split(/\s+/));
const QUESTIONS = [...new Set(TABLE.map(([q]) => q!))];
const answersOf = (question: string) => TABLE.filter(([q]) => q === question).map(([, a]) => a!);
const marked = (question: string, answer: string): string[] => {
  const row = TABLE.find(([q, a]) => q === question && a === answer);
  if (!row) throw new Error(`no row for ${question}:${answer}`);
  expect(row).toHaveLength(11);
  return COLUMNS.filter((_, i) => row[i + 2] === 'x');
};

/** Expected score and reasons per approach, from the transcription above. */
function expectedScores(answers: Answers): Record<string, { score: number; reasons: string[] }> {
  return Object.fromEntries(
    APPROACHES.map((approach) => {
      const reasons = Object.entries(answers)
        .filter(([q, a]) => marked(q, a).includes(approach))
        .map(([q, a]) => `${q}:${a}`);
      return [approach, { score: reasons.length, reasons }];
    }),
  );
}

let api: TestApi;
let token: string;

const rank = (body: unknown, bearer = token) =>
  api.call('POST', '/decision-matrix', { token: bearer, body });

/** Checks the shape and order API.md fixes, and returns the ranking by approach. */
async function ranking(answers: Answers) {
  const body = await expectJson<{ ranking: Ranked[] }>(await rank({ answers }), 200);
  expect(Object.keys(body)).toEqual(['ranking']);
  expect(body.ranking).toHaveLength(9);
  expect(body.ranking.map((r) => r.approach).sort()).toEqual([...APPROACHES].sort());
  for (const r of body.ranking)
    expect(Object.keys(r).sort()).toEqual(['approach', 'reasons', 'score']);
  const scores = body.ranking.map((r) => r.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  return {
    order: body.ranking,
    by: Object.fromEntries(
      body.ranking.map((r) => [r.approach, { score: r.score, reasons: r.reasons }]),
    ),
  };
}

const ALL_ANSWERS: Answers = {
  organizations: 'one',
  areas: 'multiple',
  experience: 'no',
  travelBudget: 'yes',
  term: 'long',
  internet: 'no',
};

beforeAll(async () => {
  api = await createTestApi();
  const { networkId } = await api.createNetwork('Matrix network');
  token = await api.tokenFor({
    roles: ['coordinator'],
    networkId,
    organizationId: 'someorganization',
  });
});
afterAll(() => api.close());

describe('POST /decision-matrix', () => {
  // Three answer sets scored by hand from DOMAIN.md's table.
  const HAND: [string, Answers, Record<string, number>][] = [
    [
      'one organization, multiple areas, no experience, travel budget, long term, no internet',
      ALL_ANSWERS,
      {
        'on-site': 6,
        'internship-shadowing': 5,
        twinning: 4,
        'study-tour': 3,
        'resource-referral': 3,
        'exchange-event': 3,
        'exchange-visit': 3,
        'community-of-practice': 2,
        telementoring: 2,
      },
    ],
    [
      'several organizations, one area, experienced, no travel budget, short term, internet',
      {
        organizations: 'several',
        areas: 'one',
        experience: 'yes',
        travelBudget: 'no',
        term: 'short',
        internet: 'yes',
      },
      {
        'study-tour': 4,
        twinning: 3,
        'resource-referral': 3,
        'exchange-event': 3,
        'exchange-visit': 3,
        telementoring: 2,
        'community-of-practice': 1,
        'on-site': 0,
        'internship-shadowing': 0,
      },
    ],
    [
      'several organizations, multiple areas, no experience, travel budget, long term, internet',
      {
        organizations: 'several',
        areas: 'multiple',
        experience: 'no',
        travelBudget: 'yes',
        term: 'long',
        internet: 'yes',
      },
      {
        twinning: 6,
        'study-tour': 4,
        'on-site': 4,
        'community-of-practice': 3,
        'internship-shadowing': 3,
        'exchange-event': 3,
        'exchange-visit': 3,
        telementoring: 2,
        'resource-referral': 1,
      },
    ],
  ];

  for (const [name, answers, scores] of HAND) {
    it(`ranks by hand-counted points: ${name}`, async () => {
      const { order, by } = await ranking(answers);
      expect(Object.fromEntries(Object.entries(by).map(([a, r]) => [a, r.score]))).toEqual(scores);
      const top = Math.max(...Object.values(scores));
      expect(order[0]?.score).toBe(top);
      for (const r of order) expect(r.reasons).toHaveLength(r.score);
      expect(by).toEqual(expectedScores(answers));
    });
  }

  it('gives the reasons as the answers that earned each point', async () => {
    const { by } = await ranking(ALL_ANSWERS);
    expect(by.twinning?.reasons).toEqual([
      'areas:multiple',
      'experience:no',
      'travelBudget:yes',
      'term:long',
    ]);
    expect(by.telementoring?.reasons).toEqual(['organizations:one', 'term:long']);
  });

  it('agrees with the transcribed matrix for all 64 answer sets', async () => {
    expect(QUESTIONS).toHaveLength(6);
    for (let bits = 0; bits < 64; bits++) {
      const answers = Object.fromEntries(
        QUESTIONS.map((q, i) => [q, answersOf(q)[(bits >> i) & 1]!]),
      );
      const { by } = await ranking(answers);
      expect(by, JSON.stringify(answers)).toEqual(expectedScores(answers));
    }
  });

  it('is open to any signed-in person (a member here)', async () => {
    const member = await api.tokenFor({ roles: ['member'] });
    await expectJson(await rank({ answers: ALL_ANSWERS }, member), 200);
  });

  it('without a token → 401', async () => {
    await expectProblem(
      await api.call('POST', '/decision-matrix', { body: { answers: ALL_ANSWERS } }),
      401,
    );
    await expectProblem(await rank({ answers: ALL_ANSWERS }, 'not.a.token'), 401);
  });

  describe('bad answers → 400 naming answers.<question>', () => {
    const without = (q: string) => {
      const { [q]: _dropped, ...rest } = ALL_ANSWERS;
      return rest;
    };
    const CASES: [string, unknown, string][] = [
      ['a missing question', { answers: without('internet') }, 'answers.internet'],
      ['another missing question', { answers: without('organizations') }, 'answers.organizations'],
      ['a bad value', { answers: { ...ALL_ANSWERS, term: 'medium' } }, 'answers.term'],
      [
        'a value of the wrong type',
        { answers: { ...ALL_ANSWERS, experience: true } },
        'answers.experience',
      ],
      [
        'an answer of another question',
        { answers: { ...ALL_ANSWERS, areas: 'several' } },
        'answers.areas',
      ],
      ['an unknown question', { answers: { ...ALL_ANSWERS, budget: 'yes' } }, 'answers.budget'],
      ['no answers at all', {}, 'answers'],
      ['answers that are not an object', { answers: ['one'] }, 'answers'],
      ['an unknown field beside answers', { answers: ALL_ANSWERS, weights: {} }, 'weights'],
    ];
    for (const [name, body, field] of CASES) {
      it(`${name} → 400 naming ${field}`, async () => {
        await expectProblem(await rank(body), 400, field);
      });
    }
  });
});
