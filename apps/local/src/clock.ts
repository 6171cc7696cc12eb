import type { Clock } from '@sisi/api';
import type { PlatformRepository } from '@sisi/data';

const DAY_MS = 86_400_000;
const SETTING = 'clock.offsetMs';

/**
 * Real time plus an offset that only grows. The offset is kept in the platform table so a
 * restarted runtime is still "in the future" where a demo or test left it.
 *
 * @example
 * const clock = await VirtualClock.load(platform);
 * await clock.advance({ advanceDays: 90 });
 */
export class VirtualClock implements Clock {
  private readonly listeners: ((now: Date) => Promise<void>)[] = [];

  private constructor(
    private readonly platform: PlatformRepository,
    private offsetMs: number,
  ) {}

  static async load(platform: PlatformRepository): Promise<VirtualClock> {
    return new VirtualClock(platform, (await platform.getSetting<number>(SETTING)) ?? 0);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Runs after every move, before `advance` resolves (the workflow runner hooks in here). */
  onAdvance(listener: (now: Date) => Promise<void>): void {
    this.listeners.push(listener);
  }

  /** Moves forward by days or to an instant; moving back is refused (returns false). */
  async advance(input: { advanceDays?: number; to?: string }): Promise<Date | undefined> {
    // one reading of the real clock: two could straddle a millisecond and make
    // `advanceDays: 0` look like a move back
    const real = Date.now();
    const current = real + this.offsetMs;
    const target =
      input.to !== undefined
        ? Date.parse(input.to.length === 10 ? `${input.to}T00:00:00Z` : input.to)
        : current + (input.advanceDays ?? 0) * DAY_MS;
    if (Number.isNaN(target) || target < current) return undefined;
    this.offsetMs = target - real;
    await this.platform.putSetting(SETTING, this.offsetMs);
    const now = this.now();
    for (const listener of this.listeners) await listener(now);
    return now;
  }
}
