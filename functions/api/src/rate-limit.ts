/**
 * A fixed-window counter per key. In memory: enough for the embedded runtime and a
 * per-instance brake on Lambda (WAF's rate rule is the real guard there).
 */
export interface RateLimiter {
  /** Counts a hit; returns seconds to wait when over the limit, else 0. */
  hit(key: string, nowMs: number): number;
  /** Takes back one hit of the current window, e.g. an attempt that turned out legitimate. */
  refund(key: string): void;
  reset(key: string): void;
}

/**
 * @example
 * const limiter = createRateLimiter({ limit: 5, windowSeconds: 900 });
 * if (limiter.hit(`login:${email}`, Date.now()) > 0) throw new TooManyRequestsError(…);
 */
export function createRateLimiter(options: { limit: number; windowSeconds: number }): RateLimiter {
  if (options.limit < 1 || options.windowSeconds < 1)
    throw new Error('rate limit must be positive');
  const windows = new Map<string, { start: number; count: number }>();
  const windowMs = options.windowSeconds * 1000;
  return {
    hit(key, nowMs) {
      let w = windows.get(key);
      if (!w || nowMs - w.start >= windowMs) {
        if (windows.size > 10_000) {
          for (const [k, v] of windows) if (nowMs - v.start >= windowMs) windows.delete(k);
        }
        w = { start: nowMs, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count > options.limit ? Math.ceil((w.start + windowMs - nowMs) / 1000) : 0;
    },
    refund(key) {
      const w = windows.get(key);
      if (w && w.count > 0) w.count -= 1;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
