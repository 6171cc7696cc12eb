/** Base error of `@sisi/rollup`; `cause` keeps what went wrong underneath. */
export class RollupError extends Error {
  override name = 'RollupError';
}

/** A stream record kept losing the race for its item's contribution (retries used up). */
export class RollupContentionError extends RollupError {
  override name = 'RollupContentionError';
  constructor(
    readonly networkId: string,
    readonly source: { PK: string; SK: string },
    options?: ErrorOptions,
  ) {
    super(`the contribution of ${source.PK} ${source.SK} in ${networkId} kept changing`, options);
  }
}
