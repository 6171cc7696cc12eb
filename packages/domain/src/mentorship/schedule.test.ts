import { describe, expect, it } from 'vitest';
import {
  addMonths,
  formatDay,
  MAX_DURATION_MONTHS,
  MIN_DURATION_MONTHS,
  parseDay,
  reviewSchedule,
  scheduledReviews,
} from './schedule.ts';

const invalidDates = ['2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '', 'x'];

describe('parseDay / formatDay', () => {
  it('round-trips real days, leap days included', () => {
    for (const d of ['2025-01-01', '2024-02-29', '2000-02-29', '2099-12-31']) {
      expect(formatDay(parseDay(d))).toBe(d);
    }
  });

  it.each(invalidDates)('throws on %j', (d) => {
    expect(() => parseDay(d)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('falls back to the last day of a shorter month (API.md: Jan 31 + 3 months = Apr 30)', () => {
    expect(addMonths('2025-01-31', 3)).toBe('2025-04-30');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', 6)).toBe('2025-09-30');
  });

  it('knows leap years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    expect(addMonths('2100-01-31', 1)).toBe('2100-02-28');
  });

  it('crosses year ends both ways and keeps the day when it exists', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-01-15', 60)).toBe('2030-01-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(addMonths('2025-01-15', 0)).toBe('2025-01-15');
  });

  it.each(invalidDates)('throws on %j', (d) => {
    expect(() => addMonths(d, 1)).toThrow(RangeError);
  });
});

describe('reviewSchedule', () => {
  // Start 2025-01-15; mid-term = start + floor(days / 2).
  it.each([
    [1, [], '2025-01-30', '2025-02-15'], // 31 days → 15
    [2, [], '2025-02-13', '2025-03-15'], // 59 → 29
    [3, [], '2025-03-01', '2025-04-15'], // 90 → 45; the 3-month review is the end, not a quarterly
    [4, ['2025-04-15'], '2025-03-16', '2025-05-15'], // 120 → 60
    [6, ['2025-04-15'], '2025-04-15', '2025-07-15'], // 181 → 90
    [12, ['2025-04-15', '2025-07-15', '2025-10-15'], '2025-07-16', '2026-01-15'], // 365 → 182
    [
      24,
      [
        '2025-04-15',
        '2025-07-15',
        '2025-10-15',
        '2026-01-15',
        '2026-04-15',
        '2026-07-15',
        '2026-10-15',
      ],
      '2026-01-15', // 730 → 365
      '2027-01-15',
    ],
  ])('%i months', (months, quarterlyReviews, midTermReview, endReview) => {
    expect(reviewSchedule('2025-01-15', months)).toEqual({
      quarterlyReviews,
      midTermReview,
      endReview,
    });
  });

  it('60 months: 19 quarterlies, strictly before the end', () => {
    const s = reviewSchedule('2025-01-15', 60);
    expect(s.endReview).toBe('2030-01-15');
    expect(s.quarterlyReviews).toHaveLength(19);
    expect(s.quarterlyReviews[0]).toBe('2025-04-15');
    expect(s.quarterlyReviews.at(-1)).toBe('2029-10-15');
    expect(s.midTermReview).toBe('2027-07-17'); // 1826 days (2028 is leap) → 913
  });

  it('counts every quarterly from the start, not from the previous one', () => {
    // Jan 31 + 3 = Apr 30, but + 6 = Jul 31 (not Apr 30 + 3 = Jul 30).
    expect(reviewSchedule('2025-01-31', 12)).toEqual({
      quarterlyReviews: ['2025-04-30', '2025-07-31', '2025-10-31'],
      midTermReview: '2025-08-01', // 365 days → 182
      endReview: '2026-01-31',
    });
    expect(reviewSchedule('2025-01-31', 3)).toEqual({
      quarterlyReviews: [],
      midTermReview: '2025-03-16', // 89 days → 44
      endReview: '2025-04-30',
    });
  });

  it('rounds the mid-term down (2025-01-01 + 1 month: 31 days → 2025-01-16)', () => {
    expect(reviewSchedule('2025-01-01', 1)).toEqual({
      quarterlyReviews: [],
      midTermReview: '2025-01-16',
      endReview: '2025-02-01',
    });
  });

  it('starts on a leap day', () => {
    expect(reviewSchedule('2024-02-29', 12)).toEqual({
      quarterlyReviews: ['2024-05-29', '2024-08-29', '2024-11-29'],
      midTermReview: '2024-08-29', // 365 days → 182
      endReview: '2025-02-28',
    });
    expect(reviewSchedule('2024-02-29', 1)).toEqual({
      quarterlyReviews: [],
      midTermReview: '2024-03-14', // 29 days → 14
      endReview: '2024-03-29',
    });
  });

  it('exports the duration bounds 1 and 60', () => {
    expect(MIN_DURATION_MONTHS).toBe(1);
    expect(MAX_DURATION_MONTHS).toBe(60);
  });

  it.each([0, 61, 1.5, -3, Number.NaN, Number.POSITIVE_INFINITY])(
    'throws on a duration of %d months',
    (months) => {
      expect(() => reviewSchedule('2025-01-15', months)).toThrow(RangeError);
    },
  );

  it.each(invalidDates)('throws on the start date %j', (d) => {
    expect(() => reviewSchedule(d, 12)).toThrow(RangeError);
  });
});

describe('scheduledReviews', () => {
  const schedule = reviewSchedule('2025-01-15', 12);

  it('lists every review in date order, quarterlies numbered from 1', () => {
    expect(scheduledReviews(schedule, '2025-01-15')).toEqual([
      { kind: 'quarterly', period: 1, dueDate: '2025-04-15', state: 'upcoming' },
      { kind: 'quarterly', period: 2, dueDate: '2025-07-15', state: 'upcoming' },
      { kind: 'mid-term', dueDate: '2025-07-16', state: 'upcoming' },
      { kind: 'quarterly', period: 3, dueDate: '2025-10-15', state: 'upcoming' },
      { kind: 'end', dueDate: '2026-01-15', state: 'upcoming' },
    ]);
  });

  it('marks reviews due on or before the recorded day past', () => {
    const states = scheduledReviews(schedule, '2025-07-15').map((r) => [r.dueDate, r.state]);
    expect(states).toEqual([
      ['2025-04-15', 'past'],
      ['2025-07-15', 'past'],
      ['2025-07-16', 'upcoming'],
      ['2025-10-15', 'upcoming'],
      ['2026-01-15', 'upcoming'],
    ]);
    expect(scheduledReviews(schedule, '2026-01-15').every((r) => r.state === 'past')).toBe(true);
    expect(scheduledReviews(schedule, '2026-01-14').at(-1)?.state).toBe('upcoming');
  });

  it('keeps a quarterly ahead of a mid-term due the same day', () => {
    const reviews = scheduledReviews(reviewSchedule('2025-01-15', 6), '2025-01-15');
    expect(reviews.map((r) => [r.kind, r.dueDate])).toEqual([
      ['quarterly', '2025-04-15'],
      ['mid-term', '2025-04-15'],
      ['end', '2025-07-15'],
    ]);
  });

  it('throws on an invalid recorded day', () => {
    expect(() => scheduledReviews(schedule, '2025-02-30')).toThrow(RangeError);
  });
});
