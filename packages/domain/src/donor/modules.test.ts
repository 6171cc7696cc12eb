import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Contribution,
  combine,
  contributionDelta,
  emptyContribution,
  normalize,
  sameContribution,
} from './contribution.ts';
import { contributionOf, feedsRollups, mentorshipsNeeded } from './modules/index.ts';
import { quarterOf } from './quarter.ts';

const noFacts = { mentorship: () => undefined };

describe('contribution modules', () => {
  it('counts an organization in its onboarding quarter, names it only when it opted in', () => {
    const org = {
      PK: 'ORG#o1',
      SK: 'ORG',
      entity: 'organization',
      id: 'o1',
      name: 'Amani Trans Initiative',
      createdAt: '2026-02-10T09:00:00.000Z',
      kpLed: true,
      keyPopulations: ['transgender', 'msm'],
      nameVisibleToDonors: false,
    };
    expect(contributionOf(org, noFacts)).toEqual({
      counters: {
        '2026-Q1': {
          organizations: 1,
          'organizations.keyPopulation:msm': 1,
          'organizations.keyPopulation:transgender': 1,
          'organizations.kpLed:yes': 1,
        },
      },
      labels: {},
    });
    const named = contributionOf({ ...org, nameVisibleToDonors: true }, noFacts);
    expect(named.labels).toEqual({ 'org:o1': 'Amani Trans Initiative' });
  });

  it('counts a mentorship in its start quarter and no review due after it ended', () => {
    const m = {
      PK: 'MENTORSHIP#m1',
      SK: 'MENTORSHIP',
      entity: 'mentorship',
      startDate: '2025-12-15',
      stage: 'end',
      type: 'one-to-many',
      approaches: ['twinning', 'twinning', 'on-site'],
      schedule: { quarterlyReviews: ['2026-03-15', '2026-06-15', '2026-09-15'] },
      ending: { endedAt: '2026-06-15T10:00:00.000Z' },
    };
    const c = contributionOf(m, noFacts);
    expect(c.counters['2025-Q4']).toEqual({
      mentorships: 1,
      'mentorships.approach:on-site': 1,
      'mentorships.approach:twinning': 1,
      'mentorships.stage:end': 1,
      'mentorships.type:one-to-many': 1,
    });
    expect(c.counters['2026-Q1']).toEqual({ 'quarterlyReports.due@2026-03-15': 1 });
    expect(c.counters['2026-Q2']).toEqual({ 'quarterlyReports.due@2026-06-15': 1 });
    expect(c.counters['2026-Q3']).toBeUndefined();
  });

  it("adds a plan's technical areas in its mentorship's start quarter", () => {
    const plan = {
      PK: 'MENTORSHIP#m1',
      SK: 'DOC#plan',
      entity: 'mentorship-plan',
      version: 2,
      content: { technicalAreas: ['advocacy', 'adherence'] },
    };
    expect(mentorshipsNeeded(plan)).toEqual(['m1']);
    expect(contributionOf(plan, noFacts)).toEqual(emptyContribution());
    const c = contributionOf(plan, {
      mentorship: (id) => (id === 'm1' ? { startDate: '2025-07-01' } : undefined),
    });
    expect(c.counters).toEqual({
      '2025-Q3': {
        'mentorships.technicalArea:adherence': 1,
        'mentorships.technicalArea:advocacy': 1,
      },
    });
  });

  it('tells a quarterly report on time from late at review date + 14 days', () => {
    const report = (submittedAt: string) => ({
      PK: 'MENTORSHIP#m1',
      SK: 'REPORT#001',
      entity: 'quarterly-report',
      dueDate: '2026-03-20',
      submittedAt,
      totalHours: 6.5,
    });
    expect(contributionOf(report('2026-04-03T23:00:00.000Z'), noFacts).counters['2026-Q1']).toEqual(
      {
        interactionHours: 6.5,
        'interactionHours#n': 1,
        'quarterlyReports.status:on-time': 1,
        'quarterlyReports.submitted@2026-03-20': 1,
      },
    );
    expect(
      contributionOf(report('2026-04-04T00:00:01.000Z'), noFacts).counters['2026-Q1']?.[
        'quarterlyReports.status:late'
      ],
    ).toBe(1);
  });

  it('counts an event in the quarter of its date, and ignores items no module covers', () => {
    const g = { PK: 'MENTORSHIP#m1', SK: 'GATHERING#x', entity: 'gathering', date: '2026-01-01' };
    expect(contributionOf(g, noFacts).counters).toEqual({
      '2026-Q1': { events: 1, 'events.kind:gathering': 1 },
    });
    expect(feedsRollups({ entity: 'review-mail' })).toBe(false);
    expect(contributionOf({ entity: 'person', name: 'Ama' }, noFacts)).toEqual(emptyContribution());
  });

  it('gives nothing for a malformed item instead of failing', () => {
    expect(contributionOf({ entity: 'mentorship', startDate: 'soon' }, noFacts)).toEqual(
      emptyContribution(),
    );
    expect(quarterOf('2026-11-30')).toBe('2026-Q4');
  });
});

describe('contribution modules of monitoring forms and coaching', () => {
  const facts = {
    mentorship: (id: string) =>
      id === 'm1' ? { startDate: '2025-07-01', midTermReview: '2026-01-01' } : undefined,
  };

  it('scores an anonymous reflection per section in its mentorship’s mid-term quarter', () => {
    const answer = {
      PK: 'MENTORSHIP#m1',
      SK: 'ANSWER#x',
      entity: 'reflection-answer',
      side: 'mentee',
      answers: {
        'synergy-a': 'extremely-well',
        'synergy-b': 'not-well-at-all',
        'learning-a': 'yes',
      },
    };
    expect(mentorshipsNeeded(answer)).toEqual(['m1']);
    const c = contributionOf(answer, facts).counters['2026-Q1']!;
    expect(c['reflection-synergy']).toBe(3); // (5 + 1) / 2
    expect(c['reflection-synergy#n']).toBe(1);
    expect(c['reflection-learning']).toBe(5);
    expect(c['reflection-trust-respect']).toBeUndefined();
    expect(contributionOf(answer, noFacts)).toEqual(emptyContribution());
  });

  it('counts a signed evaluation by its results, and a draft not at all', () => {
    const evaluation = {
      PK: 'MENTORSHIP#m1',
      SK: 'EVALUATION#o1',
      entity: 'mentorship-evaluation',
      content: { results: { support: 'true', services: 'dont-know' } },
    };
    expect(contributionOf(evaluation, noFacts)).toEqual(emptyContribution());
    expect(
      contributionOf({ ...evaluation, signedAt: '2026-08-02T10:00:00.000Z' }, noFacts).counters,
    ).toEqual({
      '2026-Q3': {
        evaluations: 1,
        'evaluations.services:dont-know': 1,
        'evaluations.support:true': 1,
      },
    });
  });

  it('tells a group’s coaching session from a Sisi Kwa Sisi one by its partition', () => {
    const s = (pk: string) => ({
      PK: pk,
      SK: 'SESSION#1',
      entity: 'coaching-session',
      date: '2026-02-02',
    });
    expect(contributionOf(s('CGROUP#g1'), noFacts).counters['2026-Q1']).toEqual({
      coachingSessions: 1,
      'coachingSessions.kind:group': 1,
    });
    expect(contributionOf(s('COACHING#c1'), noFacts).counters['2026-Q1']).toEqual({
      coachingSessions: 1,
      'coachingSessions.kind:sisi-kwa-sisi': 1,
    });
  });

  it('counts a round’s pairs, a follow-up action by status and a summary report as an event', () => {
    const roundItem = {
      entity: 'coaching-program-round',
      createdAt: '2026-01-05T00:00:00Z',
      startDate: '2026-04-01',
      pairs: [{}, {}, {}],
    };
    expect(contributionOf(roundItem, noFacts).counters).toEqual({
      '2026-Q2': { coachingPairs: 3 },
    });
    expect(
      contributionOf(
        { entity: 'follow-up-action', meetingDate: '2026-03-02', status: 'done' },
        noFacts,
      ).counters,
    ).toEqual({ '2026-Q1': { followUpActions: 1, 'followUpActions.status:done': 1 } });
    expect(
      contributionOf({ entity: 'summary-report', meetingDate: '2026-03-02' }, noFacts).counters,
    ).toEqual({
      '2026-Q1': { events: 1, 'events.kind:summary-report': 1 },
    });
  });
});

const contribution: fc.Arbitrary<Contribution> = fc
  .dictionary(
    fc.constantFrom('2025-Q4', '2026-Q1', '2026-Q2'),
    fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: -3, max: 5 })),
  )
  .map((counters) => normalize({ counters, labels: {} }));

describe('contributionDelta', () => {
  it('brings the aggregates to the last contribution whatever came before', () => {
    fc.assert(
      fc.property(fc.array(contribution, { minLength: 1, maxLength: 8 }), (history) => {
        let aggregates = emptyContribution();
        let stored: Contribution | undefined;
        for (const next of history) {
          const delta = contributionDelta(next, stored);
          aggregates = combine(aggregates, { counters: delta.counters, labels: {} });
          stored = next;
        }
        expect(sameContribution(aggregates, history.at(-1)!)).toBe(true);
        // a replay of the last one adds nothing
        expect(contributionDelta(history.at(-1)!, stored).counters).toEqual({});
      }),
    );
  });
});
