import { describe, expect, it } from 'vitest';
import { reflectionAnswerRecord, reflectionAnswersSchema } from './reflection.ts';
import {
  reflectionCommentBoxes,
  reflectionForm,
  reflectionItems,
  reflectionScales,
} from './reflection-form.ts';
import {
  anonymityNotice,
  compareItem,
  compareSides,
  poolSide,
  type ReflectionAnswerSet,
  sideResultsShown,
} from './reflection-scoring.ts';

/** Every item answered with the option at `index` of its scale (clamped). */
const uniform = (index: number): Record<string, string> =>
  Object.fromEntries(
    reflectionItems.map((item) => {
      const options = reflectionScales[item.scale].options;
      return [item.id, options[Math.min(index, options.length - 1)]!.id];
    }),
  );

const paths = (input: unknown) =>
  reflectionAnswersSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('the Annex 6 questionnaire', () => {
  it('has every section and item of the paper, in order', () => {
    expect(reflectionForm.sections.map((s) => [s.title, s.items.length])).toEqual([
      ['SYNERGY', 5],
      ['TRUST AND RESPECT', 5],
      ['EFFICIENCY', 2],
      ['COMMUNICATION AND COORDINATION', 4],
      ['MUTUAL CONTRIBUTION', 3],
      ['DECISION MAKING', 3],
      ['LEARNING', 9],
      ['DRAWBACKS OF PARTICIPATION', 5],
      ['COMPARING BENEFITS AND DRAWBACKS', 1],
      ['SATISFACTION WITH PARTICIPATION', 5],
    ]);
    expect(new Set(reflectionItems.map((i) => i.id)).size).toBe(42);
    expect(reflectionItems[0]?.text).toBe(
      'By participating in the mentoring relationship, how well are mentees able to identify new and creative ways to solve problems?',
    );
    expect(reflectionItems.at(-1)?.text).toBe(
      'How satisfied are you with the way the mentorship is implementing its plans?',
    );
  });

  it('has a comment box under each section the paper gives one, and the overall box', () => {
    expect(reflectionCommentBoxes.map((b) => b.text)).toEqual([
      'COMMENTS ON SYNERGY',
      'COMMENTS ON TRUST AND RESPECT',
      'COMMENTS ON EFFICIENCY',
      'COMMENTS ON COMMUNICATION AND COORDINATION',
      'COMMENTS ON MUTUAL CONTRIBUTION',
      'COMMENTS ON DECISION MAKING',
      'COMMENTS ON LEARNING',
      'COMMENTS ON DRAWBACKS OF PARTICIPATION',
      'OVERALL COMMENTS ON THE PARTNERSHIP',
    ]);
  });

  it('keeps the scales as printed, "don\'t know" without a score', () => {
    expect(reflectionScales.rating.options.map((o) => [o.label, o.score])).toEqual([
      ['EXCELLENT', 5],
      ['VERY GOOD', 4],
      ['GOOD', 3],
      ['FAIR', 2],
      ['POOR', 1],
      ["DON'T KNOW", null],
    ]);
    expect(reflectionScales.needs.options.map((o) => o.label)).toEqual([
      'ALL OF WHAT IT NEEDS',
      'MOST OF WHAT IT NEEDS',
      'SOME OF WHAT IT NEEDS',
      'ALMOST NONE OF WHAT IT NEEDS',
      'NONE OF WHAT IT NEEDS',
      "DON'T KNOW",
    ]);
    // a drawback experienced is weak, a benefit received strong
    expect(reflectionScales['drawback-experienced'].options.map((o) => o.score)).toEqual([1, 5]);
    expect(reflectionScales['benefit-received'].options.map((o) => o.score)).toEqual([5, 1]);
    // the paper puts the comfort scale under decision making b and c: kept as printed
    expect(
      reflectionForm.sections.find((s) => s.id === 'decision-making')?.items.map((i) => i.scale),
    ).toEqual(['comfort', 'comfort', 'comfort']);
  });
});

describe('reflectionAnswersSchema', () => {
  it('takes every item answered, with "don\'t know" where the paper offers it', () => {
    const answers = { ...uniform(0), 'trust-respect-c': 'dont-know' };
    const parsed = reflectionAnswersSchema.parse({ answers, comments: { synergy: '  Good  ' } });
    expect(parsed.answers['trust-respect-c']).toBe('dont-know');
    expect(parsed.comments.synergy).toBe('Good');
  });

  it('names each item left out, an option the item does not have and an unknown box', () => {
    const { 'synergy-b': _b, ...missing } = uniform(0);
    expect(paths({ answers: missing })).toEqual(['answers.synergy-b']);
    // "don't know" is not on the synergy scale
    expect(paths({ answers: { ...uniform(0), 'synergy-a': 'dont-know' } })).toEqual([
      'answers.synergy-a',
    ]);
    expect(paths({ answers: uniform(0), comments: { satisfaction: 'x' } })).toEqual(['comments']);
    expect(paths({ answers: uniform(0), name: 'Ama' })).toEqual(['']);
  });

  it('stores no person: the record is the mentorship, the side and the answers', () => {
    const parsed = reflectionAnswersSchema.parse({
      answers: uniform(1),
      comments: { overall: 'Fine', synergy: '' },
    });
    expect(reflectionAnswerRecord('m123456', 'mentor', parsed)).toEqual({
      mentorshipId: 'm123456',
      side: 'mentor',
      answers: uniform(1),
      comments: { overall: 'Fine' },
    });
  });
});

describe('poolSide', () => {
  it('counts, averages the strengths, keeps "don\'t know" apart and sorts the comments', () => {
    const sets: ReflectionAnswerSet[] = [
      { answers: { ...uniform(0), 'trust-respect-a': 'dont-know' }, comments: { synergy: 'b' } },
      { answers: { ...uniform(1), 'learning-a': 'no' }, comments: { synergy: 'a' } },
      { answers: { ...uniform(3), 'drawbacks-a': 'yes' } },
    ];
    const pool = poolSide('mentee', sets);
    expect(pool.answers).toBe(3);
    const item = (id: string) => pool.items.find((i) => i.itemId === id)!;
    // extremely well (5), very well (4), not so well (2)
    expect(item('synergy-a')).toEqual({
      itemId: 'synergy-a',
      count: 3,
      dontKnow: 0,
      mean: 3.67,
      distribution: [
        { optionId: 'extremely-well', count: 1 },
        { optionId: 'very-well', count: 1 },
        { optionId: 'somewhat-well', count: 0 },
        { optionId: 'not-so-well', count: 1 },
        { optionId: 'not-well-at-all', count: 0 },
      ],
    });
    // don't know is counted, not scored: very good (4), fair (2)
    expect(item('trust-respect-a')).toMatchObject({ count: 2, dontKnow: 1, mean: 3 });
    // yes, no, no (uniform(3) clamps to the last option): 5, 1, 1
    expect(item('learning-a').mean).toBe(2.33);
    // drawbacks: yes (weak), no, yes
    expect(item('drawbacks-a').mean).toBe(2.33);
    expect(pool.comments.find((c) => c.boxId === 'synergy')?.texts).toEqual(['a', 'b']);
    expect(pool.comments.find((c) => c.boxId === 'overall')?.texts).toEqual([]);
  });

  it('has no mean for an item without a scored answer', () => {
    const pool = poolSide('mentor', [
      { answers: { ...uniform(0), 'mutual-contribution-a': 'dont-know' } },
    ]);
    expect(pool.items.find((i) => i.itemId === 'mutual-contribution-a')).toMatchObject({
      count: 0,
      dontKnow: 1,
      mean: null,
    });
    expect(poolSide('mentor', []).items.every((i) => i.mean === null && i.count === 0)).toBe(true);
  });
});

describe('compareItem: the comparison rule on hand-made cases', () => {
  const s = (mean: number | null, count = 3) => ({ count, mean });
  const cases: [string, number | null, number | null, string][] = [
    ['both strong', 4.5, 4, 'agree-strong'],
    ['both exactly at the strong edge', 4, 4, 'agree-strong'],
    ['both weak', 2, 2.9, 'agree-weak'],
    ['both very weak, far apart: still both weak', 1, 2.67, 'agree-weak'],
    ['one strong, one weak', 4, 2.9, 'disagree'],
    ['strong and middle, 1.5 apart', 4.5, 3, 'disagree'],
    ['middle and weak, 1.5 apart', 3.9, 2.4, 'disagree'],
    ['strong and middle, 1.49 apart', 4.49, 3, 'mixed'],
    ['both in the middle', 3, 3.5, 'mixed'],
    ['just under strong on one side', 3.99, 4.5, 'mixed'],
    ['weak edge: 3 is not weak', 3, 2.5, 'mixed'],
    ['no scored answer on one side', 4, null, 'not-enough-answers'],
  ];
  for (const [what, mentor, mentee, verdict] of cases) {
    it(`${what}: ${mentor} vs ${mentee} → ${verdict}`, () => {
      expect(compareItem(s(mentor), s(mentee))).toBe(verdict);
      // the rule does not care which side is which
      expect(compareItem(s(mentee), s(mentor))).toBe(verdict);
    });
  }

  it('needs minAnswers scored answers on each side, and both sides shown', () => {
    const rule = { strongAtLeast: 4, weakBelow: 3, apartAtLeast: 1.5, minAnswers: 2 };
    expect(compareItem(s(5, 1), s(5, 4), rule)).toBe('not-enough-answers');
    expect(compareItem(s(5, 2), s(5, 4), rule)).toBe('agree-strong');
    expect(compareItem(undefined, s(5))).toBe('not-enough-answers');
  });
});

describe('compareSides', () => {
  it('compares every item from the pooled sides', () => {
    const mentor = poolSide('mentor', [{ answers: uniform(0) }, { answers: uniform(1) }]);
    const mentee = poolSide('mentee', [{ answers: uniform(4) }, { answers: uniform(3) }]);
    const out = compareSides(mentor, mentee);
    expect(out).toHaveLength(42);
    expect(out[0]).toEqual({
      itemId: 'synergy-a',
      mentor: 4.5,
      mentee: 1.5,
      verdict: 'disagree',
    });
    // yes/no: the mentor side said yes and yes (5), the mentee side no and no (1)
    expect(out.find((c) => c.itemId === 'learning-a')?.verdict).toBe('disagree');
    const same = compareSides(mentor, poolSide('mentee', [{ answers: uniform(0) }]));
    expect(same.find((c) => c.itemId === 'synergy-a')?.verdict).toBe('agree-strong');
    expect(compareSides(mentor, undefined).every((c) => c.verdict === 'not-enough-answers')).toBe(
      true,
    );
  });
});

describe('anonymity', () => {
  it('shows a side once it has 3 answers, or the one answer of a side of one (ADR 0025)', () => {
    expect(sideResultsShown(0, 0)).toBe(false);
    expect(sideResultsShown(0, 3)).toBe(false);
    expect(sideResultsShown(1, 3)).toBe(false);
    // two answers: each of the two would read the other's, even when both of a side of two
    expect(sideResultsShown(2, 3)).toBe(false);
    expect(sideResultsShown(2, 2)).toBe(false);
    expect(sideResultsShown(3, 3)).toBe(true);
    expect(sideResultsShown(3, 7)).toBe(true);
    expect(sideResultsShown(1, 1)).toBe(true);
    // someone left the side after answering and its new member answered: two answers,
    // each of which the other could read
    expect(sideResultsShown(2, 1)).toBe(false);
  });

  it('tells a respondent how anonymous their answer is', () => {
    expect(anonymityNotice(1, 0)).toBe('only-respondent');
    expect(anonymityNotice(0, 0)).toBe('only-respondent');
    expect(anonymityNotice(3, 0)).toBe('first');
    expect(anonymityNotice(3, 1)).toBe('first');
    expect(anonymityNotice(2, 1)).toBe('first');
    expect(anonymityNotice(3, 2)).toBe('pooled');
    expect(anonymityNotice(5, 4)).toBe('pooled');
  });
});
