import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

const T0 = Date.UTC(2026, 0, 1);
const seconds = (s: number) => T0 + s * 1000;

describe('createRateLimiter', () => {
  it('lets `limit` hits through, then answers the seconds left in the window', () => {
    const limiter = createRateLimiter({ limit: 3, windowSeconds: 60 });
    expect([1, 2, 3].map(() => limiter.hit('k', T0))).toEqual([0, 0, 0]);
    expect(limiter.hit('k', T0)).toBe(60);
    expect(limiter.hit('k', seconds(10))).toBe(50);
    // rounded up: a client told "0" would retry at once
    expect(limiter.hit('k', seconds(59.2))).toBe(1);
  });

  it('opens a new window once the old one has passed', () => {
    const limiter = createRateLimiter({ limit: 2, windowSeconds: 60 });
    limiter.hit('k', T0);
    limiter.hit('k', T0);
    expect(limiter.hit('k', seconds(59.999))).toBeGreaterThan(0);
    expect(limiter.hit('k', seconds(60))).toBe(0);
    expect(limiter.hit('k', seconds(61))).toBe(0);
    // the new window began at 60 s, so at 62 s there are 58 s left
    expect(limiter.hit('k', seconds(62))).toBe(58);
  });

  it('is a fixed window from the first hit, not sliding with each hit', () => {
    const limiter = createRateLimiter({ limit: 1, windowSeconds: 60 });
    expect(limiter.hit('k', T0)).toBe(0);
    expect(limiter.hit('k', seconds(30))).toBe(30);
    expect(limiter.hit('k', seconds(45))).toBe(15);
  });

  it('counts keys separately', () => {
    const limiter = createRateLimiter({ limit: 1, windowSeconds: 60 });
    expect(limiter.hit('a', T0)).toBe(0);
    expect(limiter.hit('a', T0)).toBeGreaterThan(0);
    expect(limiter.hit('b', T0)).toBe(0);
  });

  it('reset forgets a key at once', () => {
    const limiter = createRateLimiter({ limit: 1, windowSeconds: 60 });
    limiter.hit('k', T0);
    expect(limiter.hit('k', T0)).toBeGreaterThan(0);
    limiter.reset('k');
    expect(limiter.hit('k', seconds(1))).toBe(0);
    limiter.reset('never-seen');
  });

  it('refund takes back one hit of the window, never below zero', () => {
    const limiter = createRateLimiter({ limit: 2, windowSeconds: 60 });
    limiter.hit('k', T0);
    limiter.hit('k', T0);
    limiter.refund('k');
    expect(limiter.hit('k', T0)).toBe(0);
    expect(limiter.hit('k', T0)).toBeGreaterThan(0);

    const fresh = createRateLimiter({ limit: 1, windowSeconds: 60 });
    fresh.refund('k');
    fresh.hit('k', T0);
    fresh.refund('k');
    fresh.refund('k');
    expect(fresh.hit('k', T0)).toBe(0);
    expect(fresh.hit('k', T0)).toBeGreaterThan(0);
  });

  it('still limits after purging old windows of many keys', () => {
    const limiter = createRateLimiter({ limit: 1, windowSeconds: 1 });
    for (let i = 0; i <= 10_001; i++) limiter.hit(`old${i}`, T0);
    expect(limiter.hit('k', seconds(5))).toBe(0);
    expect(limiter.hit('k', seconds(5))).toBe(1);
  });

  it('refuses a limit or window below 1', () => {
    expect(() => createRateLimiter({ limit: 0, windowSeconds: 60 })).toThrow();
    expect(() => createRateLimiter({ limit: 1, windowSeconds: 0 })).toThrow();
  });
});
