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

/** A conditional write lost: stale `version`, or a unique value already taken. */
export class ConflictError extends DataError {
  override name = 'ConflictError';
  constructor(
    message: string,
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class InvalidCursorError extends DataError {
  override name = 'InvalidCursorError';
}
