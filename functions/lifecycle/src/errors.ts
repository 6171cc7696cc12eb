/** Base error of `@sisi/lifecycle`; `cause` keeps what went wrong underneath. */
export class LifecycleError extends Error {
  override name = 'LifecycleError';
}

/** The execution state is not one the lifecycle makes (a bug in the caller, not a retry case). */
export class LifecycleInputError extends LifecycleError {
  override name = 'LifecycleInputError';
}

/**
 * Some mail of a step could not be sent. The others went out and are recorded; a retry of
 * the step sends only the missing ones.
 */
export class LifecycleMailError extends LifecycleError {
  override name = 'LifecycleMailError';
  constructor(
    readonly failed: { recipientId: string; error: unknown }[],
    options?: ErrorOptions,
  ) {
    super(
      `${failed.length} mail could not be sent (recipients ${failed.map((f) => f.recipientId).join(', ')})`,
      options,
    );
  }
}

/** Another run of the same step claimed this mail moments ago and may be sending it. */
export class LifecycleMailInFlightError extends LifecycleError {
  override name = 'LifecycleMailInFlightError';
  constructor(readonly recipientId: string) {
    super(`the mail to ${recipientId} is being sent by another run; retry later`);
  }
}
