import { TooManyRequestsError } from './errors.ts';

/**
 * The sign-in limiter's state, shared by every instance of the API (the platform table's
 * `LoginAttemptRepository` in both runtimes).
 */
export interface LoginAttemptStore {
  countAttempt(
    address: string,
    nowMs: number,
    windowMs: number,
  ): Promise<{ attempts: number; windowStartMs: number }>;
  refundAttempt(address: string, windowStartMs: number): Promise<void>;
  accountFailures(
    email: string,
    nowMs: number,
    forgetAfterMs: number,
  ): Promise<{ failures: number; lastFailureMs: number } | undefined>;
  recordFailure(
    email: string,
    nowMs: number,
    forgetAfterMs: number,
  ): Promise<{ failures: number; lastFailureMs: number }>;
  clearFailures(email: string): Promise<void>;
  /**
   * Counts one event of `name` in its window of `windowMs` (from its first event), for the
   * API's other brakes (password reset requests), kept beside the sign-in counts.
   */
  countWindow(
    name: string,
    nowMs: number,
    windowMs: number,
  ): Promise<{ attempts: number; windowStartMs: number }>;
}

/** The limits of `POST /auth/login` (docs/decisions/0020). */
export const LOGIN_LIMITS = {
  /** Sign-in attempts one client address may make per window (successes are given back). */
  addressAttempts: 10,
  addressWindowSeconds: 900,
  /** Failures an account takes before it is slowed down. */
  accountFreeFailures: 3,
  /** The first pause after them; each further failure doubles it, up to the cap. */
  accountFirstDelaySeconds: 1,
  accountMaxDelaySeconds: 30,
  /** An account's failures are forgotten a day after the last one (or at a success). */
  accountMemorySeconds: 86_400,
} as const;

/**
 * The pause an account's failures ask before its next attempt: none for the first few, then
 * 1, 2, 4, … seconds, never more than `accountMaxDelaySeconds`. Short on purpose: it slows a
 * guesser down without ever locking the person out.
 *
 * @example accountDelaySeconds(3) // 0; accountDelaySeconds(4) // 1; accountDelaySeconds(40) // 30
 */
export function accountDelaySeconds(failures: number): number {
  const beyond = failures - LOGIN_LIMITS.accountFreeFailures;
  if (beyond <= 0) return 0;
  return Math.min(
    LOGIN_LIMITS.accountMaxDelaySeconds,
    LOGIN_LIMITS.accountFirstDelaySeconds * 2 ** Math.min(beyond - 1, 30),
  );
}

const MEMORY_MS = LOGIN_LIMITS.accountMemorySeconds * 1000;
const WINDOW_MS = LOGIN_LIMITS.addressWindowSeconds * 1000;

/**
 * One sign-in attempt through the limiter:
 * - an account still in its pause answers 429 (its password is not tried, so the pause
 *   cannot be used to guess), whoever asks;
 * - each client address has `addressAttempts` per window (from its first attempt, so there
 *   is no shared boundary to burst across), counted before the password is
 *   checked (a burst cannot outrun the count); a success gives its attempt back, so people
 *   sharing an address (an office) are braked by failures only;
 * - a failure adds to the account's failures, a success forgets them.
 *
 * @example
 * const token = await limitedSignIn(deps.loginAttempts, { address, email, nowMs }, () => deps.identity.signIn(user, password));
 */
export async function limitedSignIn<T>(
  store: LoginAttemptStore,
  attempt: { address: string; email: string; nowMs: number },
  signIn: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const { address, email, nowMs } = attempt;
  const account = await store.accountFailures(email, nowMs, MEMORY_MS);
  if (account) {
    const until = account.lastFailureMs + accountDelaySeconds(account.failures) * 1000;
    if (until > nowMs) throw new TooManyRequestsError(Math.ceil((until - nowMs) / 1000));
  }
  const { attempts, windowStartMs } = await store.countAttempt(address, nowMs, WINDOW_MS);
  if (attempts > LOGIN_LIMITS.addressAttempts) {
    throw new TooManyRequestsError(
      Math.max(1, Math.ceil((windowStartMs + WINDOW_MS - nowMs) / 1000)),
    );
  }
  const result = await signIn();
  if (result === undefined) {
    await store.recordFailure(email, nowMs, MEMORY_MS);
    return undefined;
  }
  await Promise.all([
    account ? store.clearFailures(email) : undefined,
    store.refundAttempt(address, windowStartMs),
  ]);
  return result;
}
