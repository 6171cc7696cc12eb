import { reviewSchedule, scheduledReviews } from '@sisi/domain';
import { describe, expect, it } from 'vitest';
import { lifecycleInput, lifecycleReview } from './input.ts';

describe('lifecycle inputs', () => {
  it('a quarterly review is due at 08:00 UTC, reminded after 14 days, escalated after 28', () => {
    expect(lifecycleReview({ kind: 'quarterly', period: 1, dueDate: '2026-04-15' })).toEqual({
      kind: 'quarterly',
      period: 1,
      dueAt: '2026-04-15T08:00:00Z',
      remindAt: '2026-04-29T08:00:00Z',
      escalateAt: '2026-05-13T08:00:00Z',
    });
    expect(lifecycleReview({ kind: 'end', dueDate: '2028-01-15' })).toEqual({
      kind: 'end',
      dueAt: '2028-01-15T08:00:00Z',
    });
  });

  it('the execution of review n carries review n+1 as next, and the last none', () => {
    const reviews = scheduledReviews(reviewSchedule('2026-01-15', 24), '2026-01-10');
    expect(reviews).toHaveLength(9);
    const fourth = lifecycleInput('net-a', 'm1', reviews, 4);
    expect(fourth).toMatchObject({
      networkId: 'net-a',
      mentorshipId: 'm1',
      period: 4,
      review: { kind: 'quarterly', period: 4, dueAt: '2027-01-15T08:00:00Z' },
      next: { kind: 'mid-term', dueAt: '2027-01-15T08:00:00Z' },
    });
    const last = lifecycleInput('net-a', 'm1', reviews, 9);
    expect(last.review.kind).toBe('end');
    expect(last).not.toHaveProperty('next');
    expect(() => lifecycleInput('net-a', 'm1', reviews, 10)).toThrow(RangeError);
  });
});
