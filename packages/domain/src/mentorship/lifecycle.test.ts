import { describe, expect, it } from 'vitest';
import { executionInput, executionName, lifecycleReview, scheduledReviewFor } from './lifecycle.ts';
import { reviewSchedule, scheduledReviews } from './schedule.ts';

const mentorship = (start: string, months: number, recordedOn = '2025-12-01') => ({
  networkId: 'net-a1',
  id: 'm_123456',
  reviews: scheduledReviews(reviewSchedule(start, months), recordedOn),
});

describe('executionName', () => {
  it('is <network>-<mentorship>-p<n>', () => {
    expect(executionName('net-a1', 'm_123456', 3)).toBe('net-a1-m_123456-p3');
  });
  it('refuses what Step Functions would', () => {
    expect(() => executionName('net a1', 'm', 1)).toThrow(RangeError);
    expect(() => executionName('net-a1', 'm', 0)).toThrow(RangeError);
    expect(() => executionName('n'.repeat(40), 'm'.repeat(40), 1)).toThrow(/too long/);
  });
});

describe('lifecycleReview', () => {
  it('puts a quarterly review at 08:00 UTC, reminder at +14 days and escalation at +28', () => {
    expect(lifecycleReview({ kind: 'quarterly', period: 1, dueDate: '2026-04-15' })).toEqual({
      kind: 'quarterly',
      period: 1,
      dueAt: '2026-04-15T08:00:00Z',
      remindAt: '2026-04-29T08:00:00Z',
      escalateAt: '2026-05-13T08:00:00Z',
    });
    expect(lifecycleReview({ kind: 'end', dueDate: '2027-01-15' })).toEqual({
      kind: 'end',
      dueAt: '2027-01-15T08:00:00Z',
    });
  });
});

describe('executionInput', () => {
  it('gives review n and, as next, review n + 1 in date order', () => {
    const m = mentorship('2026-01-15', 12);
    // quarterly 1 (Apr 15), 2 (Jul 15 = mid-term), 3 (Oct 15), end (Jan 15)
    expect(m.reviews.map((r) => r.kind)).toEqual([
      'quarterly',
      'quarterly',
      'mid-term',
      'quarterly',
      'end',
    ]);
    expect(executionInput(m, 2)).toEqual({
      networkId: 'net-a1',
      mentorshipId: 'm_123456',
      period: 2,
      review: lifecycleReview(m.reviews[1]!),
      next: lifecycleReview(m.reviews[2]!),
    });
    expect(executionInput(m, 5)).toEqual({
      networkId: 'net-a1',
      mentorshipId: 'm_123456',
      period: 5,
      review: { kind: 'end', dueAt: '2027-01-15T08:00:00Z' },
    });
    expect(() => executionInput(m, 6)).toThrow(RangeError);
  });
});

describe('scheduledReviewFor', () => {
  it('finds the review of execution n, by index or else by kind and period', () => {
    const { reviews } = mentorship('2026-01-15', 12);
    expect(scheduledReviewFor(reviews, 3, { kind: 'mid-term' })?.kind).toBe('mid-term');
    expect(scheduledReviewFor(reviews, 1, { kind: 'quarterly', period: 3 })?.dueDate).toBe(
      '2026-10-15',
    );
    expect(scheduledReviewFor(reviews, 1, { kind: 'quarterly', period: 9 })).toBeUndefined();
  });
});
