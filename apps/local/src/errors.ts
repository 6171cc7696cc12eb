/**
 * The base error of the embedded DynamoDB Local runtime. Subclasses carry the context a
 * person needs to act on the failure (a file, a hash, the emulator's last output).
 *
 * @example
 * try { await startDynamoDbLocal({ inMemory: true }); }
 * catch (error) { if (error instanceof DynamoDbLocalError) console.error(error.message); }
 */
export class DynamoDbLocalError extends Error {
  override name = 'DynamoDbLocalError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A vendored file does not have its pinned sha256: tampered with, truncated or a new upstream. */
export class ChecksumMismatchError extends DynamoDbLocalError {
  override name = 'ChecksumMismatchError';

  constructor(
    readonly file: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`sha256 of ${file} is ${actual}, expected ${expected}`);
  }
}
