/**
 * Calendar quarters (UTC), the time unit of the donor view: `2026-Q2` is April to June 2026.
 * Labels sort as strings in time order.
 */
export type Quarter = string;

const QUARTER = /^(\d{4})-Q([1-4])$/;

/**
 * The quarter a date or instant falls in (its first ten characters, read as a UTC day).
 *
 * @example quarterOf('2026-05-14') // '2026-Q2'
 * @example quarterOf('2026-12-31T23:59:59.000Z') // '2026-Q4'
 */
export function quarterOf(date: string): Quarter {
  const m = /^(\d{4})-(\d{2})-\d{2}/.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new RangeError(`not a date: ${date}`);
  return `${m[1]}-Q${Math.ceil(month / 3)}`;
}

/** Whether `value` is a quarter label such as `2026-Q2`. */
export const isQuarter = (value: string): boolean => QUARTER.test(value);

function parts(q: Quarter): [number, number] {
  const m = QUARTER.exec(q);
  if (!m) throw new RangeError(`not a quarter: ${q}`);
  return [Number(m[1]), Number(m[2])];
}

/** @example nextQuarter('2025-Q4') // '2026-Q1' */
export function nextQuarter(q: Quarter): Quarter {
  const [y, n] = parts(q);
  return n === 4 ? `${y + 1}-Q1` : `${y}-Q${n + 1}`;
}

/** @example previousQuarter('2026-Q1') // '2025-Q4' */
export function previousQuarter(q: Quarter): Quarter {
  const [y, n] = parts(q);
  return n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`;
}

/**
 * Every quarter from `from` to `to`, both included (empty when `from` is later).
 *
 * @example quarterRange('2025-Q3', '2026-Q1') // ['2025-Q3', '2025-Q4', '2026-Q1']
 */
export function quarterRange(from: Quarter, to: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let q = from; q <= to; q = nextQuarter(q)) out.push(q);
  return out;
}

/**
 * The last quarter that has ended by `now`: the donor view shows closed quarters only.
 *
 * @example lastClosedQuarter(new Date('2026-05-14T10:00:00Z')) // '2026-Q1'
 */
export function lastClosedQuarter(now: Date): Quarter {
  return previousQuarter(quarterOf(now.toISOString()));
}

/** `date` (YYYY-MM-DD) plus `days` days, as YYYY-MM-DD (UTC). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
