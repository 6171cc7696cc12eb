import { randomBytes } from 'node:crypto';
import type { UserRecord, WriteOp } from '@sisi/data';
import { PASSWORD_RESET_TTL_MINUTES, passwordResetMail } from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import { TooManyRequestsError } from '../errors.ts';
import { hashToken } from './invitations.ts';

/** The brakes and timing of `POST /auth/password-reset` (docs/decisions/0030). */
export const PASSWORD_RESET_LIMITS = {
  /** Requests one client address may make per window; more answer 429. */
  addressRequests: 10,
  addressWindowSeconds: 3600,
  /** Mails one email may be sent per window; more requests still answer 202, sending nothing. */
  emailMails: 3,
  emailWindowSeconds: 3600,
  /**
   * Every answer waits until this long after the request began, so a known email (one more
   * transaction) answers no later than an unknown one; the mail itself goes out beside it.
   */
  answerFloorMs: 250,
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The brakes on asking for a reset link, in the sign-in limiter's store: per client address
 * (429 beyond), and per email (its sha256, so the count keeps no address in the clear)
 * whether or not the email belongs to anyone, so both cost the same writes. `true` when this
 * email may be sent another mail.
 */
export async function resetRequestAllowed(
  deps: Pick<ApiDeps, 'loginAttempts'>,
  request: { address: string; email: string; nowMs: number },
): Promise<boolean> {
  const limits = PASSWORD_RESET_LIMITS;
  const windowMs = limits.addressWindowSeconds * 1000;
  const byAddress = await deps.loginAttempts.countWindow(
    `password-reset#address#${request.address}`,
    request.nowMs,
    windowMs,
  );
  if (byAddress.attempts > limits.addressRequests) {
    throw new TooManyRequestsError(
      Math.max(1, Math.ceil((byAddress.windowStartMs + windowMs - request.nowMs) / 1000)),
    );
  }
  const byEmail = await deps.loginAttempts.countWindow(
    `password-reset#email#${hashToken(request.email)}`,
    request.nowMs,
    limits.emailWindowSeconds * 1000,
  );
  return byEmail.attempts <= limits.emailMails;
}

/** Waits until `floorMs` after `startedMs` (`performance.now()`), if that is still ahead. */
export async function answerNotBefore(startedMs: number, floorMs: number): Promise<void> {
  const left = startedMs + floorMs - performance.now();
  if (left > 0) await sleep(left);
}

export interface PendingPasswordReset {
  /** The reset link and its queued mail: one transaction. */
  ops: WriteOp[];
  /** Sends the mail now if it can (after the commit); else the mail queue's worker does. */
  send(): Promise<void>;
}

/**
 * A single-use link for `user` to choose a new password, valid one hour. Only the token's
 * hash is stored; the token itself is in the mail alone, which loses its text once sent
 * (ADR 0023).
 */
export function preparePasswordReset(
  deps: Pick<ApiDeps, 'platform' | 'clock' | 'mailQueue' | 'baseUrl'>,
  user: UserRecord,
): PendingPasswordReset {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000);
  const reset = deps.platform.createPasswordResetOp({
    tokenHash: hashToken(token),
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  const mail = deps.mailQueue.enqueueOp(
    passwordResetMail({
      to: user.email,
      name: user.name,
      link: `${deps.baseUrl}/password-reset/${token}`,
      expiresAt,
      ...(user.language ? { language: user.language } : {}),
    }),
  );
  return {
    ops: [reset, mail.op],
    async send() {
      try {
        await deps.mailQueue.deliver(mail.id);
      } catch (error) {
        console.error(`password reset mail ${mail.id} left to the worker:`, error);
      }
    },
  };
}
