/**
 * `pnpm test` samples what is exhaustive; `pnpm test:full` (`SISI_FULL=1`) runs it all.
 * Only repetitions of one check over more inputs are sampled (the same screen in each of
 * the four languages, say), never a distinct behaviour.
 */
export const FULL = process.env.SISI_FULL === '1';

/** Days since 1970 (UTC) today, or `SISI_SAMPLE_DAY` to replay another day's draw. */
function sampleDay(): number {
  const day = Number(process.env.SISI_SAMPLE_DAY);
  return Number.isInteger(day) ? day : Math.floor(Date.now() / 86_400_000);
}

/**
 * `count` of `items`, consecutive from a start that moves by `count` each day, so that every
 * item is drawn within `ceil(items.length / count)` days; all of them under `SISI_FULL=1`.
 * `offset` shifts the draw: a loop that samples for each of its rows passes the row's index,
 * so that one run covers every item across the rows. The draw is in the test's name, so a
 * failure says what to replay (`SISI_SAMPLE_DAY` replays a day).
 *
 * @example
 * it.each(sample(languages, 2))('%s is axe-clean', …) // ['en', 'fr'] one day, ['es', 'pt'] the next
 * routes.forEach((route, i) => { for (const caller of sample(callers, 1, i)) it(…) });
 */
export function sample<T>(items: readonly T[], count: number, offset = 0): T[] {
  if (FULL || count >= items.length) return [...items];
  const start = (sampleDay() * count + offset) % items.length;
  return Array.from({ length: count }, (_, i) => items[(start + i) % items.length]!);
}
