import { afterEach, describe, expect, it, vi } from 'vitest';
import { followServerClock, serverNow, today } from './clock.ts';

describe('the server’s time as the SPA’s today', () => {
  afterEach(() => {
    followServerClock(new Date().toISOString());
    vi.useRealTimers();
  });

  it('follows the server’s `now`, and keeps the difference as time goes on', () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z') });
    followServerClock('2026-05-30T23:59:00Z');
    expect(today()).toBe('2026-05-30');
    vi.advanceTimersByTime(2 * 60_000); // two minutes later, the server's day has turned
    expect(today()).toBe('2026-05-31');
    expect(serverNow().toISOString()).toBe('2026-05-31T00:01:00.000Z');
  });

  it('ignores a value that is not a time', () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z') });
    followServerClock('2026-05-30T00:00:00Z');
    followServerClock('not a time');
    followServerClock(undefined);
    expect(today()).toBe('2026-05-30');
  });
});
