import { describe, expect, it } from 'vitest';
import {
  type ApproachId,
  approachIds,
  type MatrixAnswers,
  type MatrixQuestion,
  matrixMarks,
  matrixQuestions,
  rankApproaches,
} from './matrix.ts';

// DOMAIN.md "Approach decision-making matrix" (001 p. 40), typed in again by hand so the
// test does not share a transcription with the code it checks.
const columns: Record<string, ApproachId> = {
  TW: 'twinning',
  ST: 'study-tour',
  COP: 'community-of-practice',
  OS: 'on-site',
  TM: 'telementoring',
  IS: 'internship-shadowing',
  RR: 'resource-referral',
  PLE: 'exchange-event',
  EV: 'exchange-visit',
};
const header = 'TW ST COP OS TM IS RR PLE EV';
const table: Record<string, Record<string, string>> = {
  //                   TW ST COP OS TM IS RR PLE EV
  organizations: {
    one: '             .  .  .   x  x  x  x  .   .',
    several: '         x  x  x   .  .  .  .  x   x',
  },
  areas: {
    one: '             .  x  .   .  .  .  x  x   x',
    multiple: '        x  .  .   x  .  .  .  .   .',
  },
  experience: {
    yes: '             x  .  .   .  .  .  .  .   .',
    no: '              x  x  .   x  .  x  x  x   .',
  },
  travelBudget: {
    yes: '             x  x  x   x  .  x  .  x   x',
    no: '              .  .  .   .  x  .  x  .   .',
  },
  term: {
    long: '            x  .  x   x  x  x  .  .   x',
    short: '           .  x  .   .  .  .  x  x   x',
  },
  internet: {
    yes: '             x  x  .   .  x  .  .  .   .',
    no: '              .  x  .   x  .  x  x  x   x',
  },
};

const headerIds = header.split(' ').map((c) => columns[c] as ApproachId);
/** The marked approaches of one row, as column → marked. */
const expectedRow = (question: string, answer: string) => {
  const cells = (table[question]?.[answer] ?? '').trim().split(/\s+/);
  expect(cells).toHaveLength(9);
  return Object.fromEntries(headerIds.map((id, i) => [id, cells[i] === 'x']));
};
const rows = Object.entries(table).flatMap(([question, answers]) =>
  Object.keys(answers).map((answer) => [question, answer] as const),
);

describe('matrixMarks', () => {
  it('has the six questions and twelve answers of the table, and nothing else', () => {
    expect(Object.keys(matrixQuestions)).toEqual(Object.keys(table));
    for (const [q, answers] of Object.entries(matrixQuestions)) {
      expect([...answers]).toEqual(Object.keys(table[q] ?? {}));
      expect(Object.keys(matrixMarks[q as MatrixQuestion])).toEqual([...answers]);
    }
    expect(rows).toHaveLength(12);
    expect(new Set(headerIds)).toEqual(new Set(approachIds));
  });

  it.each(rows)('%s = %s: every one of the nine cells matches the table', (question, answer) => {
    const marked = (matrixMarks[question as MatrixQuestion] as Record<string, ApproachId[]>)[
      answer
    ];
    expect(marked).toBeDefined();
    expect(new Set(marked).size).toBe(marked?.length);
    const actual = Object.fromEntries(headerIds.map((id) => [id, marked?.includes(id) ?? false]));
    expect(actual).toEqual(expectedRow(question, answer));
  });
});

const allAnswerSets = (): MatrixAnswers[] => {
  let sets: Record<string, string>[] = [{}];
  for (const [q, answers] of Object.entries(matrixQuestions)) {
    sets = sets.flatMap((s) => answers.map((a) => ({ ...s, [q]: a })));
  }
  return sets as MatrixAnswers[];
};

describe('rankApproaches', () => {
  it('scores every approach one point per marked answer, for all 64 answer sets', () => {
    const sets = allAnswerSets();
    expect(sets).toHaveLength(64);
    for (const answers of sets) {
      const ranking = rankApproaches(answers);
      expect(ranking.map((r) => r.approach).sort()).toEqual([...approachIds].sort());
      for (const r of ranking) {
        const reasons = Object.entries(answers)
          .filter(([q, a]) => expectedRow(q, a)[r.approach])
          .map(([q, a]) => `${q}:${a}`);
        expect(r.reasons).toEqual(reasons);
        expect(r.score).toBe(reasons.length);
      }
    }
  });

  it('orders by score, highest first, and breaks ties in approachIds order', () => {
    for (const answers of allAnswerSets()) {
      const ranking = rankApproaches(answers);
      for (let i = 1; i < ranking.length; i++) {
        const [a, b] = [ranking[i - 1], ranking[i]];
        if (!a || !b) throw new Error('unreachable');
        expect(a.score).toBeGreaterThanOrEqual(b.score);
        if (a.score === b.score) {
          expect(approachIds.indexOf(a.approach)).toBeLessThan(approachIds.indexOf(b.approach));
        }
      }
    }
  });

  it('ranks on-site first with all six reasons for one organization in need of much', () => {
    const ranking = rankApproaches({
      organizations: 'one',
      areas: 'multiple',
      experience: 'no',
      travelBudget: 'yes',
      term: 'long',
      internet: 'no',
    });
    expect(ranking[0]).toEqual({
      approach: 'on-site',
      score: 6,
      reasons: [
        'organizations:one',
        'areas:multiple',
        'experience:no',
        'travelBudget:yes',
        'term:long',
        'internet:no',
      ],
    });
    // Internship/shadowing scores 5 (not "areas: multiple"), ahead of twinning's 4.
    expect(ranking.slice(1, 3).map((r) => [r.approach, r.score])).toEqual([
      ['internship-shadowing', 5],
      ['twinning', 4],
    ]);
  });

  it('keeps approachIds order among approaches tied at the same score', () => {
    const ranking = rankApproaches({
      organizations: 'several',
      areas: 'one',
      experience: 'yes',
      travelBudget: 'no',
      term: 'short',
      internet: 'yes',
    });
    // study-tour: several, one, short, yes = 4; exchange-event and exchange-visit: several,
    // one, short = 3 each (visit before event in approachIds); resource-referral: one, no,
    // short = 3; twinning: several, yes, yes = 3; telementoring: no, yes = 2.
    expect(ranking.map((r) => [r.approach, r.score])).toEqual([
      ['study-tour', 4],
      ['twinning', 3],
      ['exchange-visit', 3],
      ['exchange-event', 3],
      ['resource-referral', 3],
      ['telementoring', 2],
      ['community-of-practice', 1],
      ['on-site', 0],
      ['internship-shadowing', 0],
    ]);
  });
});
