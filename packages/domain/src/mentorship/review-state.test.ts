import { describe, expect, it } from 'vitest';
import { isDue, mailSentKey, type ReviewFacts, reviewStates } from './review-state.ts';
import { reviewSchedule, scheduledReviews } from './schedule.ts';

// 2026-01-15 for 12 months: quarterly 1 (Apr 15), quarterly 2 (Jul 15), mid-term (Jul 16),
// quarterly 3 (Oct 15), end (2027-01-15)
const reviews = scheduledReviews(reviewSchedule('2026-01-15', 12), '2026-01-10');

const facts = (now: Date | string, more: Partial<ReviewFacts> = {}): ReviewFacts => ({
  mailsSent: new Set(),
  reportsSubmitted: new Set(),
  now,
  ...more,
});
const states = (f: ReviewFacts) => reviewStates(reviews, f).map((r) => r.state);

describe('reviewStates', () => {
  it('numbers the reviews in their stored order and gives their instants', () => {
    expect(reviewStates(reviews, facts('2026-01-10T00:00:00Z'))).toEqual([
      {
        n: 1,
        kind: 'quarterly',
        period: 1,
        dueDate: '2026-04-15',
        dueAt: '2026-04-15T08:00:00Z',
        remindAt: '2026-04-29T08:00:00Z',
        escalateAt: '2026-05-13T08:00:00Z',
        state: 'upcoming',
      },
      {
        n: 2,
        kind: 'quarterly',
        period: 2,
        dueDate: '2026-07-15',
        dueAt: '2026-07-15T08:00:00Z',
        remindAt: '2026-07-29T08:00:00Z',
        escalateAt: '2026-08-12T08:00:00Z',
        state: 'upcoming',
      },
      {
        n: 3,
        kind: 'mid-term',
        dueDate: '2026-07-16',
        dueAt: '2026-07-16T08:00:00Z',
        state: 'upcoming',
      },
      {
        n: 4,
        kind: 'quarterly',
        period: 3,
        dueDate: '2026-10-15',
        dueAt: '2026-10-15T08:00:00Z',
        remindAt: '2026-10-29T08:00:00Z',
        escalateAt: '2026-11-12T08:00:00Z',
        state: 'upcoming',
      },
      {
        n: 5,
        kind: 'end',
        dueDate: '2027-01-15',
        dueAt: '2027-01-15T08:00:00Z',
        state: 'upcoming',
      },
    ]);
  });

  it('moves a quarterly review on with the clock: requested, reminded, overdue', () => {
    const first = (now: string) => states(facts(now))[0];
    expect(first('2026-04-15T07:59:59Z')).toBe('upcoming');
    expect(first('2026-04-15T08:00:00Z')).toBe('requested');
    expect(first('2026-04-29T07:59:59Z')).toBe('requested');
    expect(first('2026-04-29T08:00:00Z')).toBe('reminded');
    expect(first('2026-05-13T07:59:59Z')).toBe('reminded');
    expect(first('2026-05-13T08:00:00Z')).toBe('overdue');
    expect(first('2027-06-01T00:00:00Z')).toBe('overdue');
  });

  it('takes a Date as well as an ISO string', () => {
    expect(states(facts(new Date('2026-04-16T00:00:00Z')))[0]).toBe('requested');
  });

  it('believes the mail records before the clock', () => {
    const now = '2026-01-20T00:00:00Z';
    expect(states(facts(now, { mailsSent: new Set([mailSentKey(1, 'request')]) }))[0]).toBe(
      'requested',
    );
    expect(states(facts(now, { mailsSent: new Set(['1#request', '1#reminder']) }))[0]).toBe(
      'reminded',
    );
    expect(states(facts(now, { mailsSent: new Set(['1#escalation']) }))[0]).toBe('overdue');
    // the mail of review 2 says nothing about review 1
    expect(states(facts(now, { mailsSent: new Set(['2#escalation']) })).slice(0, 2)).toEqual([
      'upcoming',
      'overdue',
    ]);
  });

  it('marks a quarterly review with its report submitted, whatever mail went out', () => {
    expect(
      states(
        facts('2026-06-01T00:00:00Z', {
          mailsSent: new Set(['1#request', '1#reminder', '1#escalation']),
          reportsSubmitted: new Set([1]),
        }),
      )[0],
    ).toBe('submitted');
    // a report filed before its day
    expect(states(facts('2026-02-01T00:00:00Z', { reportsSubmitted: new Set([2]) }))[1]).toBe(
      'submitted',
    );
  });

  it('marks the mid-term review submitted once both sides reflected, the end once every evaluation is signed', () => {
    const late = '2027-02-01T00:00:00Z';
    const kinds = (f: ReviewFacts) =>
      reviewStates(reviews, f)
        .filter((r) => r.kind !== 'quarterly')
        .map((r) => `${r.kind}:${r.state}`);
    expect(kinds(facts(late))).toEqual(['mid-term:requested', 'end:requested']);
    expect(kinds(facts(late, { reflectionAnswered: true }))).toEqual([
      'mid-term:submitted',
      'end:requested',
    ]);
    expect(kinds(facts(late, { evaluationsSigned: true }))).toEqual([
      'mid-term:requested',
      'end:submitted',
    ]);
    // neither fact makes a quarterly review submitted
    expect(
      states(facts(late, { reflectionAnswered: true, evaluationsSigned: true })).filter(
        (s) => s === 'submitted',
      ),
    ).toHaveLength(2);
  });

  it('never makes mid-term or end reviews submitted without their forms, nor overdue', () => {
    const late = facts('2027-12-31T00:00:00Z', {
      reportsSubmitted: new Set([1, 2, 3]),
      mailsSent: new Set(['3#escalation', '5#escalation']),
    });
    const out = reviewStates(reviews, late);
    expect(out.filter((r) => r.kind !== 'quarterly').map((r) => r.state)).toEqual([
      'requested',
      'requested',
    ]);
    expect(out.filter((r) => r.kind === 'quarterly').map((r) => r.state)).toEqual([
      'submitted',
      'submitted',
      'submitted',
    ]);
    // a reminder mail for a mid-term review (none is sent today) would still say reminded
    expect(
      reviewStates(
        reviews,
        facts('2026-07-17T00:00:00Z', { mailsSent: new Set(['3#reminder']) }),
      )[2]?.state,
    ).toBe('reminded');
  });

  it('keeps a review recorded as past past, unless its report came in', () => {
    const recordedLate = scheduledReviews(reviewSchedule('2026-01-15', 12), '2026-08-01');
    expect(recordedLate.map((r) => r.state)).toEqual([
      'past',
      'past',
      'past',
      'upcoming',
      'upcoming',
    ]);
    expect(
      reviewStates(
        recordedLate,
        facts('2026-11-20T00:00:00Z', { reportsSubmitted: new Set([2]) }),
      ).map((r) => r.state),
    ).toEqual(['past', 'submitted', 'past', 'overdue', 'upcoming']);
  });

  it('stops the clock when the mentorship ended', () => {
    const ended = facts('2027-06-01T00:00:00Z', { endedAt: '2026-05-01T00:00:00Z' });
    // quarterly 1 was reminded (Apr 29) but not yet overdue (May 13) when it ended
    expect(states(ended)).toEqual(['reminded', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    // mail sent before the end still counts
    expect(states({ ...ended, mailsSent: new Set(['1#escalation']) })[0]).toBe('overdue');
  });

  it('says which states wait for someone', () => {
    expect(
      (['upcoming', 'requested', 'reminded', 'overdue', 'submitted', 'past'] as const).filter(
        isDue,
      ),
    ).toEqual(['requested', 'reminded', 'overdue']);
  });

  it('gives nothing for no reviews', () => {
    expect(reviewStates([], facts('2026-01-01T00:00:00Z'))).toEqual([]);
  });
});
