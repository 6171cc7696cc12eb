import { describe, expect, it } from 'vitest';
import {
  aggregateCompetencyChange,
  competencyChange,
  MIN_AGGREGATE_COUNT,
  overallMeanChange,
  type SelfAssessmentLike,
} from './program-assessment.ts';
import { programDesignElements, programSections } from './program-content.ts';
import {
  type CoachingPair,
  consentComplete,
  currentPairs,
  kpiReached,
  nominationState,
  programFigures,
} from './program-rules.ts';
import {
  consentInputSchema,
  createCoachingProgramSchema,
  fixedPairsSchema,
  nominationInputSchema,
  selfAssessmentInputSchema,
  surveyResponseInputSchema,
} from './program-schemas.ts';
import { surveyResults } from './program-survey.ts';

const at = (day: string) => `${day}T10:00:00.000Z`;
const assess = (
  kind: 'baseline' | 'follow-up',
  day: string,
  ratings: SelfAssessmentLike['ratings'],
): SelfAssessmentLike => ({ kind, ratings, submittedAt: at(day) });

describe('seed 002 as data', () => {
  it('covers every paragraph of the framework, training, implementation and monitoring sections', () => {
    expect(programDesignElements.map((e) => e.id)).toEqual([
      'objectives',
      'buy-in',
      'selection',
      'pairing',
      'roles',
      'baseline',
      'resources',
      'pilot',
      'rollout',
      'kpis',
      'improvement',
    ]);
    const sections = programSections.map((s) => s.id as string);
    for (const e of programDesignElements) expect(sections).toContain(e.section);
  });
});

describe('nominationState', () => {
  it('needs one confirmed reference before the nominee can be accepted', () => {
    const referees = [
      { personId: 'r1', name: 'R1' },
      { personId: 'r2', name: 'R2' },
    ];
    expect(nominationState({ status: 'open', referees })).toBe('awaiting-reference');
    expect(
      nominationState({
        status: 'open',
        referees: [referees[0]!, { ...referees[1]!, confirmedAt: at('2025-02-01') }],
      }),
    ).toBe('referenced');
    expect(nominationState({ status: 'accepted', referees })).toBe('accepted');
  });
});

describe('consentComplete', () => {
  const people = [
    { personId: 'a', consent: { textVersion: 'v', signature: 'A', signedAt: at('2025-01-01') } },
    { personId: 'b' },
  ];
  it('is true only when every member of the pair signed', () => {
    expect(consentComplete(people, ['a'])).toBe(true);
    expect(consentComplete(people, ['a', 'b'])).toBe(false);
    expect(consentComplete(people, ['a', 'nobody'])).toBe(false);
  });
});

describe('kpiReached', () => {
  it('reads the direction of the target; no current value means not known yet', () => {
    expect(kpiReached({ target: 10, direction: 'at-least', current: 10 })).toBe(true);
    expect(kpiReached({ target: 10, direction: 'at-least', current: 9.5 })).toBe(false);
    expect(kpiReached({ target: 2, direction: 'at-most', current: 3 })).toBe(false);
    expect(kpiReached({ target: 2, direction: 'at-most', current: 1 })).toBe(true);
    expect(kpiReached({ target: 2, direction: 'at-most' })).toBeUndefined();
  });
});

describe('competencyChange and its aggregate', () => {
  it('compares the latest follow-up with the baseline, per competency', () => {
    const changes = competencyChange([
      assess('follow-up', '2025-06-01', { 'active-listening': 5 }),
      assess('baseline', '2025-01-01', { 'active-listening': 2, 'effective-feedback': 3 }),
      assess('follow-up', '2025-03-01', { 'active-listening': 3, 'effective-feedback': 4 }),
    ]);
    expect(changes.find((c) => c.competencyId === 'active-listening')).toEqual({
      competencyId: 'active-listening',
      baseline: 2,
      latest: 5,
      change: 3,
    });
    // the latest follow-up did not rate it: no change shown from an older one
    expect(changes.find((c) => c.competencyId === 'effective-feedback')).toEqual({
      competencyId: 'effective-feedback',
      baseline: 3,
    });
  });

  it(`withholds means until ${MIN_AGGREGATE_COUNT} people have both, and never shows one person`, () => {
    const person = (b: number, l: number) => [
      assess('baseline', '2025-01-01', { 'self-reflection': b }),
      assess('follow-up', '2025-04-01', { 'self-reflection': l }),
    ];
    const two = aggregateCompetencyChange([person(1, 3), person(2, 2)]);
    const row = two.find((a) => a.competencyId === 'self-reflection')!;
    expect(row).toEqual({ competencyId: 'self-reflection', baselineCount: 2, changeCount: 2 });
    expect(overallMeanChange(two)).toBeUndefined();

    const three = aggregateCompetencyChange([person(1, 3), person(2, 2), person(3, 5)]);
    expect(three.find((a) => a.competencyId === 'self-reflection')).toEqual({
      competencyId: 'self-reflection',
      baselineCount: 3,
      changeCount: 3,
      baselineMean: 2,
      latestMean: 3.33,
      meanChange: 1.33,
    });
    expect(overallMeanChange(three)).toBe(1.33);
  });
});

describe('surveyResults', () => {
  const response = (value: number, improve?: string) => ({
    answers: { skills: value, growth: 6 - value },
    ...(improve ? { improve } : {}),
  });

  it('gives counts only while fewer than three answered', () => {
    const r = surveyResults(1, 5, [response(4, 'More time')]);
    expect(r).toMatchObject({ round: 1, participants: 5, responses: 1, responseRate: 0.2 });
    expect(r.withheld).toBe(true);
    expect(r.comments).toEqual([]);
    expect(r.questions.find((q) => q.questionId === 'skills')).toEqual({
      questionId: 'skills',
      count: 1,
    });
  });

  it('gives distributions, means and sorted comments from three answers', () => {
    const r = surveyResults(2, 4, [
      response(5, 'Shorter rounds'),
      response(4),
      response(4, 'A guide for the first session'),
    ]);
    expect(r.withheld).toBe(false);
    expect(r.responseRate).toBe(0.75);
    expect(r.questions.find((q) => q.questionId === 'skills')).toEqual({
      questionId: 'skills',
      count: 3,
      distribution: [0, 0, 0, 2, 1],
      mean: 4.33,
    });
    expect(r.questions.find((q) => q.questionId === 'team')).toEqual({
      questionId: 'team',
      count: 0,
      distribution: [0, 0, 0, 0, 0],
    });
    expect(r.comments).toEqual(['A guide for the first session', 'Shorter rounds']);
  });
});

describe('programFigures', () => {
  const pair = (
    id: string,
    round: number,
    held: number,
    dates?: [string, string],
  ): CoachingPair => ({
    id,
    programId: 'p',
    round,
    ...(dates ? { startDate: dates[0], endDate: dates[1] } : {}),
    memberIds: ['a', 'b'],
    memberNames: ['A', 'B'],
    sessionsHeld: held,
    createdAt: at('2025-01-01'),
  });
  const pairs = [
    pair('x', 1, 2, ['2025-01-06', '2025-02-02']),
    pair('y', 1, 0, ['2025-01-06', '2025-02-02']),
    pair('z', 2, 1, ['2025-02-03', '2025-03-02']),
  ];

  it('counts what a coordinator follows, from the records alone', () => {
    const figures = programFigures({
      program: {
        id: 'p',
        surveyRound: 1,
        kpis: [
          { id: 'k1', name: 'Sessions', target: 10, unit: '', direction: 'at-least', current: 12 },
          { id: 'k2', name: 'Drop-outs', target: 1, unit: '', direction: 'at-most', current: 2 },
          { id: 'k3', name: 'Later', target: 1, unit: '', direction: 'at-least' },
        ],
      },
      participants: [
        {
          personId: 'a',
          consent: { textVersion: 'v', signature: 'A', signedAt: at('2025-01-02') },
        },
        { personId: 'b' },
        { personId: 'c' },
        { personId: 'd' },
      ],
      nominations: [
        { status: 'open', referees: [{ personId: 'r', name: 'R' }] },
        { status: 'open', referees: [{ personId: 'r', name: 'R', confirmedAt: at('2025-01-01') }] },
        { status: 'accepted', referees: [] },
      ],
      pairs,
      rounds: [
        { round: 1, startDate: '2025-01-06', endDate: '2025-02-02' },
        { round: 2, startDate: '2025-02-03', endDate: '2025-03-02' },
      ],
      assessments: [
        { personId: 'a', kind: 'baseline', ratings: {}, submittedAt: at('2025-01-03') },
        { personId: 'a', kind: 'follow-up', ratings: {}, submittedAt: at('2025-03-03') },
        { personId: 'b', kind: 'baseline', ratings: {}, submittedAt: at('2025-01-03') },
      ],
      surveyResponses: 3,
      today: '2025-02-10',
    });
    expect(figures).toEqual({
      programId: 'p',
      participants: 4,
      nominationsAwaitingReference: 1,
      nominationsReferenced: 1,
      consentSigned: 1,
      pairs: 3,
      rounds: 2,
      currentRound: 2,
      sessionsHeld: 3,
      pairsWithSessions: 2,
      selfAssessment: { baseline: 2, followUp: 1 },
      survey: { round: 1, responses: 3, participants: 4, responseRate: 0.75 },
      kpis: { total: 3, reached: 1, withValue: 2 },
    });
    expect(currentPairs(pairs, '2025-02-10').map((p) => p.id)).toEqual(['z']);
    expect(currentPairs([pair('f', 0, 0)], '2030-01-01').map((p) => p.id)).toEqual(['f']);
  });
});

describe('schemas', () => {
  const program = {
    organizationId: 'org123456',
    name: 'Peer coaching pilot',
    objectives: ['Improve active listening'],
    pairingMode: 'rotational',
    rotationWeeks: 4,
  };
  const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => [
    ...new Set(r.error?.issues.map((i) => i.path.join('.')) ?? []),
  ];

  it('fills a program’s defaults and asks rotational pairing for its weeks', () => {
    expect(createCoachingProgramSchema.parse(program)).toEqual({
      ...program,
      kpis: [],
      pilot: false,
    });
    const { rotationWeeks: _w, ...noWeeks } = program;
    expect(paths(createCoachingProgramSchema.safeParse(noWeeks))).toEqual(['rotationWeeks']);
    expect(
      paths(createCoachingProgramSchema.safeParse({ ...program, pairingMode: 'fixed' })),
    ).toEqual(['rotationWeeks']);
    expect(paths(createCoachingProgramSchema.safeParse({ ...program, rotationWeeks: 27 }))).toEqual(
      ['rotationWeeks'],
    );
    expect(paths(createCoachingProgramSchema.safeParse({ ...program, objectives: [] }))).toEqual([
      'objectives',
    ]);
    expect(
      paths(
        createCoachingProgramSchema.safeParse({
          ...program,
          kpis: [{ name: 'Sessions held', target: 'ten' }],
        }),
      ),
    ).toEqual(['kpis.0.target']);
  });

  it('refuses a nominee among the referees and a repeated referee', () => {
    expect(
      paths(nominationInputSchema.safeParse({ nomineeId: 'person01', refereeIds: ['person01'] })),
    ).toEqual(['refereeIds.0']);
    expect(
      paths(
        nominationInputSchema.safeParse({
          nomineeId: 'person01',
          refereeIds: ['person02', 'person02'],
        }),
      ),
    ).toEqual(['refereeIds']);
    expect(
      paths(nominationInputSchema.safeParse({ nomineeId: 'person01', refereeIds: [] })),
    ).toEqual(['refereeIds']);
  });

  it('asks the consent to be ticked and signed', () => {
    expect(
      paths(
        consentInputSchema.safeParse({ textVersion: 'v', signature: ' ', agree: false }),
      ).sort(),
    ).toEqual(['agree', 'signature']);
  });

  it('refuses a person in two fixed pairs or paired with themself', () => {
    expect(
      paths(
        fixedPairsSchema.safeParse({
          pairs: [
            ['person01', 'person02'],
            ['person02', 'person03'],
            ['person04', 'person04'],
          ],
        }),
      ).sort(),
    ).toEqual(['pairs.1.0', 'pairs.2.1']);
  });

  it('takes ratings from 1 to 5 for known competencies and questions only', () => {
    expect(
      paths(
        selfAssessmentInputSchema.safeParse({
          kind: 'baseline',
          ratings: { 'active-listening': 6, 'effective-feedback': 2.5 },
        }),
      ).sort(),
    ).toEqual(['ratings.active-listening', 'ratings.effective-feedback']);
    expect(
      paths(selfAssessmentInputSchema.safeParse({ kind: 'baseline', ratings: { charisma: 3 } })),
    ).toEqual(['ratings']);
    expect(paths(selfAssessmentInputSchema.safeParse({ kind: 'baseline', ratings: {} }))).toEqual([
      'ratings',
    ]);
    expect(paths(surveyResponseInputSchema.safeParse({ answers: { skills: 0 } }))).toEqual([
      'answers.skills',
    ]);
  });
});
