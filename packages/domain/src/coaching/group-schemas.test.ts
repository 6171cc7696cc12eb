import { describe, expect, it } from 'vitest';
import {
  createCoachingGroupSchema,
  groupLearningLogInputSchema,
  groupReportBackInputSchema,
  groupReviewInputSchema,
  keyQuestionsWorksheetInputSchema,
  updateGroupSessionSchema,
} from './group-schemas.ts';

const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

describe('createCoachingGroupSchema', () => {
  const ok = {
    name: ' Team leads ',
    memberIds: ['member001', 'member002'],
    facilitatorId: 'facil001',
  };

  it('takes a name, two or more members and a facilitator', () => {
    expect(createCoachingGroupSchema.parse(ok)).toEqual({ ...ok, name: 'Team leads' });
  });

  it('names each member listed twice, and a group of one', () => {
    expect(
      paths(
        createCoachingGroupSchema.safeParse({
          ...ok,
          memberIds: ['member001', 'member002', 'member001'],
        }),
      ),
    ).toEqual(['memberIds.2']);
    expect(paths(createCoachingGroupSchema.safeParse({ ...ok, memberIds: ['member001'] }))).toEqual(
      ['memberIds'],
    );
    expect(paths(createCoachingGroupSchema.safeParse({ ...ok, name: '  ' }))).toEqual(['name']);
    expect(paths(createCoachingGroupSchema.safeParse({ ...ok, extra: 1 }))).toEqual(['']);
  });
});

describe('groupLearningLogInputSchema', () => {
  it('takes the three fields of the log, one of them written', () => {
    expect(
      groupLearningLogInputSchema.parse({ content: ' x ', evaluation: '', actionPlan: '' }),
    ).toEqual({ content: 'x', evaluation: '', actionPlan: '' });
    expect(
      paths(
        groupLearningLogInputSchema.safeParse({ content: ' ', evaluation: '', actionPlan: '' }),
      ),
    ).toEqual(['content']);
    expect(paths(groupLearningLogInputSchema.safeParse({ content: 'x' }))).toEqual([
      'evaluation',
      'actionPlan',
    ]);
  });
});

describe('the other inputs', () => {
  it('tells the review modes apart', () => {
    expect(
      groupReviewInputSchema.safeParse({ mode: 'named', facilitatorId: 'member001' }).success,
    ).toBe(true);
    expect(paths(groupReviewInputSchema.safeParse({ mode: 'rotation', order: [] }))).toEqual([
      'order',
    ]);
    expect(groupReviewInputSchema.safeParse({ mode: 'lottery' }).success).toBe(false);
  });

  it('gives a new date only to a commitment carried forward', () => {
    const base = { sessionId: 'session01', outcome: 'Done it' };
    expect(
      groupReportBackInputSchema.safeParse({ ...base, done: false, reportBackBy: '2025-05-01' })
        .success,
    ).toBe(true);
    expect(
      paths(
        groupReportBackInputSchema.safeParse({ ...base, done: true, reportBackBy: '2025-05-01' }),
      ),
    ).toEqual(['reportBackBy']);
  });

  it('asks a session update for something to change', () => {
    expect(paths(updateGroupSessionSchema.safeParse({}))).toEqual(['presentIds']);
    expect(paths(updateGroupSessionSchema.safeParse({ held: false }))).toEqual(['held']);
    expect(
      paths(updateGroupSessionSchema.safeParse({ presentIds: ['member001', 'member001'] })),
    ).toEqual(['presentIds.1']);
  });

  it('takes answers to the key questions only', () => {
    expect(
      keyQuestionsWorksheetInputSchema.safeParse({ answers: { 'trying-to-do': 'x' } }).success,
    ).toBe(true);
    expect(paths(keyQuestionsWorksheetInputSchema.safeParse({ answers: { sixth: 'x' } }))).toEqual([
      'answers',
    ]);
  });
});
