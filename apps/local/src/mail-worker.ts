import type { MailQueue } from '@sisi/data';

/** How often the runtime sends queued mail a request could not send itself (ADR 0023). */
export const MAIL_TICK_MS = 5_000;

export interface MailWorker {
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * Sends what the mail queue holds: once now (awaited, so a restart sends what was pending
 * before it serves), then every `intervalMs`, one round at a time.
 *
 * @example
 * const worker = await startMailWorker(local.mailQueue);
 * await worker.stop();
 */
export async function startMailWorker(
  queue: MailQueue,
  intervalMs = MAIL_TICK_MS,
): Promise<MailWorker> {
  let round: Promise<unknown> | undefined;
  const send = () => {
    round ??= queue
      .deliverPending()
      .catch((error: unknown) => console.error('queued mail failed to send:', error))
      .finally(() => {
        round = undefined;
      });
    return round;
  };
  await send();
  const timer = setInterval(send, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await round;
    },
  };
}
