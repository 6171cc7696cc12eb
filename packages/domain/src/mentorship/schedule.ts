/**
 * Review schedules (API.md "Mentorships", DOMAIN.md "Monitoring"): pure functions of a
 * start date and a duration, used by the API, the lifecycle workflow and the SPA alike.
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → UTC midnight in ms; throws on anything that is not a real day. */
export function parseDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`not a date: ${date}`);
  }
  return ms;
}

export const formatDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const daysInMonth = (year: number, monthIndex: number) =>
  new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/**
 * `date` plus `months` calendar months; a day past the target month's end falls back to
 * its last day.
 *
 * @example addMonths('2025-01-31', 1) // '2025-02-28'
 * @example addMonths('2024-01-31', 1) // '2024-02-29' (leap year)
 */
export function addMonths(date: string, months: number): string {
  const start = new Date(parseDay(date));
  const total = start.getUTCMonth() + months;
  const year = start.getUTCFullYear() + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12;
  const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
  return formatDay(Date.UTC(year, month, day));
}

export interface ReviewSchedule {
  /** `startDate` + 3, 6, 9 … months, each counted from the start, strictly before the end. */
  quarterlyReviews: string[];
  /** The day halfway between start and end, rounded down. */
  midTermReview: string;
  /** `startDate` + `durationMonths` months. */
  endReview: string;
}

export const MIN_DURATION_MONTHS = 1;
export const MAX_DURATION_MONTHS = 60;

/**
 * The scheduled check points of a mentorship.
 *
 * @example
 * reviewSchedule('2025-01-31', 12)
 * // { quarterlyReviews: ['2025-04-30', '2025-07-31', '2025-10-31'],
 * //   midTermReview: '2025-08-01', endReview: '2026-01-31' }
 */
export function reviewSchedule(startDate: string, durationMonths: number): ReviewSchedule {
  if (
    !Number.isInteger(durationMonths) ||
    durationMonths < MIN_DURATION_MONTHS ||
    durationMonths > MAX_DURATION_MONTHS
  ) {
    throw new RangeError(`durationMonths must be an integer from 1 to 60, not ${durationMonths}`);
  }
  const start = parseDay(startDate);
  const endReview = addMonths(startDate, durationMonths);
  const end = parseDay(endReview);
  const quarterlyReviews: string[] = [];
  for (let months = 3; ; months += 3) {
    const due = addMonths(startDate, months);
    if (parseDay(due) >= end) break;
    quarterlyReviews.push(due);
  }
  const midTermReview = formatDay(start + Math.floor((end - start) / DAY_MS / 2) * DAY_MS);
  return { quarterlyReviews, midTermReview, endReview };
}

export type ReviewKind = 'quarterly' | 'mid-term' | 'end';

export interface ScheduledReview {
  kind: ReviewKind;
  /** 1-based index into `quarterlyReviews` for quarterly reviews. */
  period?: number;
  dueDate: string;
  /** `past` when the day had already come when the mentorship was recorded: never mailed late. */
  state: 'upcoming' | 'past';
}

/**
 * Every review in date order, each marked `past` when its day is not after `recordedOn`
 * (a mentorship entered after it began is not asked for reports already overdue).
 */
export function scheduledReviews(schedule: ReviewSchedule, recordedOn: string): ScheduledReview[] {
  const today = parseDay(recordedOn);
  const state = (d: string) => (parseDay(d) <= today ? 'past' : 'upcoming') as 'past' | 'upcoming';
  const reviews: ScheduledReview[] = [
    ...schedule.quarterlyReviews.map((dueDate, i) => ({
      kind: 'quarterly' as const,
      period: i + 1,
      dueDate,
      state: state(dueDate),
    })),
    { kind: 'mid-term', dueDate: schedule.midTermReview, state: state(schedule.midTermReview) },
    { kind: 'end', dueDate: schedule.endReview, state: state(schedule.endReview) },
  ];
  return reviews.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}
