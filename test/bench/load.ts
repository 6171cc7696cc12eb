/** Latency and rate of `task` run `total` times with `concurrency` workers. */
export interface LoadResult {
  requests: number;
  seconds: number;
  rate: number;
  p50: number;
  p99: number;
}

export async function runLoad(
  task: () => Promise<void>,
  options: { total: number; concurrency: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < options.total) {
      next += 1;
      const t0 = performance.now();
      await task();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return {
    requests: latencies.length,
    seconds,
    rate: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
  };
}

/** Sums rounds of the same kind: total requests over total time, and the worst p99. */
export function combine(rounds: LoadResult[]): LoadResult {
  const requests = rounds.reduce((s, r) => s + r.requests, 0);
  const seconds = rounds.reduce((s, r) => s + r.seconds, 0);
  const sorted = (k: 'p50' | 'p99') => rounds.map((r) => r[k]).sort((a, b) => a - b);
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
  return {
    requests,
    seconds,
    rate: requests / seconds,
    p50: median(sorted('p50')),
    p99: median(sorted('p99')),
  };
}
