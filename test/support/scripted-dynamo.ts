import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** A transaction DynamoDB cancelled, with one reason per op. */
export const cancelled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

/**
 * A document client whose `send` answers `{}` (or throws) from `script`, one entry per call;
 * `calls` records the commands sent.
 *
 * @example
 * const { doc, calls } = scriptedDoc([cancelled('TransactionConflict'), undefined]);
 */
export function scriptedDoc(script: (Error | undefined)[]) {
  const calls: unknown[] = [];
  const doc = {
    send: async (command: unknown) => {
      calls.push(command);
      const next = script.shift();
      if (next) throw next;
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  return { doc, calls };
}
