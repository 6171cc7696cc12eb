import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commitmentState,
  type FacilitationPlan,
  facilitationChoiceProblems,
  facilitatorFor,
  facilitatorsWithAccess,
  groupRole,
  groupSizeAdvice,
  groupStatus,
  numberSessions,
  reportBacksFor,
  reviewState,
  sessionNeedsReview,
} from './group-rules.ts';

const plan = (review?: FacilitationPlan['review']): FacilitationPlan => ({
  facilitatorId: 'fac',
  memberIds: ['a', 'b', 'c', 'd'],
  review,
});

describe('groupSizeAdvice', () => {
  it('is within for 4 to 7 people (003), below and above outside', () => {
    expect([2, 3, 4, 5, 6, 7, 8, 12].map((n) => groupSizeAdvice(n).direction)).toEqual([
      'below',
      'below',
      'within',
      'within',
      'within',
      'within',
      'above',
      'above',
    ]);
    expect(groupSizeAdvice(8)).toEqual({
      size: 8,
      within: false,
      direction: 'above',
      min: 4,
      max: 7,
    });
  });
});

describe('facilitatorFor', () => {
  it('gives sessions 1-3 to the first facilitator, whatever the review said', () => {
    const reviews: FacilitationPlan['review'][] = [
      undefined,
      { mode: 'named', facilitatorId: 'a' },
      { mode: 'rotation', order: ['b'] },
    ];
    for (const review of reviews) {
      for (const n of [1, 2, 3]) {
        expect(facilitatorFor(n, plan(review))).toEqual({ kind: 'initial', personId: 'fac' });
      }
    }
  });

  it('leaves session 4 on waits for the review', () => {
    expect(facilitatorFor(4, plan())).toEqual({ kind: 'pending-review' });
    expect(facilitatorFor(9, plan())).toEqual({ kind: 'pending-review' });
  });

  it("gives every later session to the review's named facilitator", () => {
    const p = plan({ mode: 'named', facilitatorId: 'c' });
    expect([4, 5, 10].map((n) => facilitatorFor(n, p))).toEqual([
      { kind: 'named', personId: 'c' },
      { kind: 'named', personId: 'c' },
      { kind: 'named', personId: 'c' },
    ]);
  });

  it('rotates through the order from session 4, starting again at its end', () => {
    const p = plan({ mode: 'rotation', order: ['b', 'd', 'a'] });
    expect([4, 5, 6, 7, 8].map((n) => facilitatorFor(n, p))).toEqual(
      ['b', 'd', 'a', 'b', 'd'].map((personId) => ({ kind: 'rotation', personId })),
    );
  });

  it('always names someone of the rotation for any later session (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1 }),
        fc.integer({ min: 4, max: 500 }),
        (order, n) => {
          const f = facilitatorFor(n, plan({ mode: 'rotation', order }));
          return f.kind === 'rotation' && (order as string[]).includes(f.personId);
        },
      ),
    );
  });
});

describe('facilitationChoiceProblems', () => {
  it('accepts a member or the first facilitator as the named facilitator', () => {
    expect(facilitationChoiceProblems({ mode: 'named', facilitatorId: 'b' }, plan())).toEqual([]);
    expect(facilitationChoiceProblems({ mode: 'named', facilitatorId: 'fac' }, plan())).toEqual([]);
    expect(
      facilitationChoiceProblems({ mode: 'named', facilitatorId: 'x' }, plan()).map((p) => p.path),
    ).toEqual(['facilitatorId']);
  });

  it('names each rotation entry that is no member or a repeat', () => {
    expect(
      facilitationChoiceProblems({ mode: 'rotation', order: ['a', 'fac', 'b', 'a'] }, plan()),
    ).toEqual([
      { path: 'order.1', code: 'unknown_reference', params: { kind: 'person' } },
      { path: 'order.3', code: 'not_unique' },
    ]);
  });
});

describe('who the group is', () => {
  it('counts members first, then the facilitator with the group now', () => {
    expect(groupRole(plan(), 'a')).toBe('member');
    expect(groupRole(plan(), 'fac')).toBe('facilitator');
    expect(groupRole(plan(), 'stranger')).toBeUndefined();
  });

  it('lets a first facilitator from outside go when the review chose someone else', () => {
    expect(facilitatorsWithAccess(plan({ mode: 'named', facilitatorId: 'a' }))).toEqual(['a']);
    expect(groupRole(plan({ mode: 'named', facilitatorId: 'a' }), 'fac')).toBeUndefined();
    expect(groupRole(plan({ mode: 'rotation', order: ['a'] }), 'fac')).toBeUndefined();
    expect(groupRole(plan({ mode: 'named', facilitatorId: 'fac' }), 'fac')).toBe('facilitator');
  });

  it('keeps a member who facilitated a member', () => {
    const p = { ...plan({ mode: 'named', facilitatorId: 'b' }), facilitatorId: 'a' };
    expect(groupRole(p, 'a')).toBe('member');
  });
});

describe('numberSessions', () => {
  it('numbers by date, whatever order they were made in', () => {
    expect(
      numberSessions([
        { id: 's3', date: '2025-03-05' },
        { id: 's1', date: '2025-01-10' },
        { id: 's2', date: '2025-02-01' },
      ]).map((s) => [s.id, s.number]),
    ).toEqual([
      ['s1', 1],
      ['s2', 2],
      ['s3', 3],
    ]);
  });
});

describe('the review after the third session', () => {
  it('is due once three sessions were held, until done', () => {
    expect([0, 1, 2, 3, 4].map((n) => reviewState(n, false))).toEqual([
      'not-yet',
      'not-yet',
      'not-yet',
      'due',
      'due',
    ]);
    expect(reviewState(1, true)).toBe('done');
  });

  it('holds back sessions after the third until it is done', () => {
    expect([1, 2, 3, 4, 5].map((n) => sessionNeedsReview(n, false))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(sessionNeedsReview(4, true)).toBe(false);
  });
});

describe('commitments', () => {
  it('are overdue after their report-back date while open', () => {
    const c = { status: 'open' as const, reportBackBy: '2025-03-01' };
    expect(commitmentState(c, '2025-02-28')).toBe('open');
    expect(commitmentState(c, '2025-03-01')).toBe('open');
    expect(commitmentState(c, '2025-03-02')).toBe('overdue');
    expect(commitmentState({ ...c, status: 'reported' }, '2030-01-01')).toBe('reported');
  });

  it('are carried forward to every later session until reported back', () => {
    const made = (id: string, sessionDate: string, extra = {}) => ({
      id,
      sessionDate,
      status: 'open' as 'open' | 'reported',
      reportBacks: [] as { sessionId: string }[],
      ...extra,
    });
    const commitments = [
      made('c1', '2025-01-10'),
      made('c2', '2025-01-10', { status: 'reported', reportBacks: [{ sessionId: 's2' }] }),
      made('c3', '2025-02-01'),
      made('c4', '2025-01-10', { reportBacks: [{ sessionId: 's2' }] }),
    ];
    const ids = (session: { id: string; date: string }) =>
      reportBacksFor(session, commitments).map((c) => c.id);
    // session 2: the first session's commitments, including the one reported back there
    expect(ids({ id: 's2', date: '2025-02-01' })).toEqual(['c1', 'c2', 'c4']);
    // session 3: what is still open (c1 and c4 carried forward, c3 made in session 2)
    expect(ids({ id: 's3', date: '2025-03-01' })).toEqual(['c1', 'c3', 'c4']);
    // the first session has nothing to hear back on
    expect(ids({ id: 's1', date: '2025-01-10' })).toEqual([]);
  });
});

describe('groupStatus', () => {
  it('counts sessions, commitments, agreement and the review: no content', () => {
    const status = groupStatus(
      {
        memberIds: ['a', 'b', 'c', 'd', 'e'],
        sessions: [
          { date: '2025-01-10', held: true },
          { date: '2025-02-10', held: true },
          { date: '2025-03-10', held: true },
          { date: '2025-04-10', held: false },
          { date: '2025-01-01', held: false },
        ],
        openCommitments: ['2025-03-10', '2025-03-20', '2025-04-10'],
        commitmentsMade: 7,
        spiritSet: true,
        agreedBy: ['a', 'c', 'fac'],
      },
      '2025-03-15',
    );
    expect(status).toEqual({
      members: 5,
      sessionsHeld: 3,
      sessionsPlanned: 2,
      lastSessionDate: '2025-03-10',
      nextSessionDate: '2025-04-10',
      commitmentsMade: 7,
      commitmentsOpen: 3,
      commitmentsOverdue: 1,
      spirit: { set: true, agreed: 2, of: 5 },
      review: 'due',
      facilitation: 'initial',
    });
  });

  it('has no dates for a new group, and says how facilitation was chosen', () => {
    const status = groupStatus(
      {
        memberIds: ['a', 'b'],
        sessions: [],
        openCommitments: [],
        commitmentsMade: 0,
        spiritSet: false,
        agreedBy: ['a'],
        review: { mode: 'rotation', order: ['a', 'b'] },
      },
      '2025-03-15',
    );
    expect(status.lastSessionDate).toBeUndefined();
    expect(status.nextSessionDate).toBeUndefined();
    expect(status.spirit).toEqual({ set: false, agreed: 0, of: 2 });
    expect(status.review).toBe('done');
    expect(status.facilitation).toBe('rotation');
  });
});
