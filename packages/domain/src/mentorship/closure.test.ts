import { describe, expect, it } from 'vitest';
import { closureAnswersSchema, closureQuestions } from './closure.ts';

const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('closureQuestions', () => {
  it('are the seven questions of 001 "Closure", ids unique and kebab-case', () => {
    expect(closureQuestions.map((q) => q.id)).toEqual([
      'how-far',
      'goals-achieved',
      'most-impact',
      'worked-well',
      'learned-outside-objectives',
      'even-better-if',
      'lessons-learned',
    ]);
    for (const q of closureQuestions) {
      expect(q.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(q.text).toMatch(/\?$/);
    }
  });
});

describe('closureAnswersSchema', () => {
  it('accepts any subset of answers, trimmed', () => {
    expect(
      closureAnswersSchema.parse({
        answers: { 'how-far': ' A long way. ', 'even-better-if': 'More site visits.' },
      }),
    ).toEqual({ answers: { 'how-far': 'A long way.', 'even-better-if': 'More site visits.' } });
  });

  it('accepts every question answered', () => {
    const answers = Object.fromEntries(closureQuestions.map((q) => [q.id, 'yes']));
    expect(closureAnswersSchema.safeParse({ answers }).success).toBe(true);
  });

  it('asks for at least one answer that is not blank', () => {
    for (const answers of [{}, { 'how-far': '   ' }]) {
      const result = closureAnswersSchema.safeParse({ answers });
      expect(result.success).toBe(false);
      expect(paths(result)).toEqual(['answers']);
    }
  });

  it('refuses unknown questions, long answers and unknown fields, naming the field', () => {
    expect(
      paths(closureAnswersSchema.safeParse({ answers: { 'how-far': 'x', 'made-up': 'y' } })),
    ).toEqual(['answers']);
    expect(
      paths(closureAnswersSchema.safeParse({ answers: { 'how-far': 'x'.repeat(4001) } })),
    ).toEqual(['answers.how-far']);
    expect(
      closureAnswersSchema.safeParse({ answers: { 'how-far': 'x'.repeat(4000) } }).success,
    ).toBe(true);
    const extra = closureAnswersSchema.safeParse({ answers: { 'how-far': 'x' }, score: 5 });
    expect(extra.success).toBe(false);
    expect(extra.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['score'] });
    expect(paths(closureAnswersSchema.safeParse({}))).toEqual(['answers']);
    expect(paths(closureAnswersSchema.safeParse({ answers: { 'how-far': 3 } }))).toEqual([
      'answers.how-far',
    ]);
  });
});
