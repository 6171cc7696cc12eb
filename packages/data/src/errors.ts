import type { DetailKey, ErrorParams } from '@sisi/domain';

/** Base error of `@sisi/data`; `cause` keeps the SDK error. */
export class DataError extends Error {
  override name = 'DataError';
}

/** The item does not exist (or belongs to another network: callers cannot tell). */
export class ItemNotFoundError extends DataError {
  override name = 'ItemNotFoundError';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

/**
 * A conditional write lost: stale `version`, or a unique value already taken. `key` and
 * `params` name the words of the 409's detail in the API's details catalog (ADR 0040),
 * when the conflict has words of its own there; `message` is English, for logs.
 */
export class ConflictError extends DataError {
  override name = 'ConflictError';
  readonly key?: DetailKey;
  readonly params?: ErrorParams;
  constructor(
    message: string,
    readonly field?: string,
    options?: ErrorOptions & { key?: DetailKey | undefined; params?: ErrorParams | undefined },
  ) {
    super(message, options);
    if (options?.key) this.key = options.key;
    if (options?.params) this.params = options.params;
  }
}

export class InvalidCursorError extends DataError {
  override name = 'InvalidCursorError';
}
