import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';

/** An item as DynamoDB stores it. */
type Item = Record<string, unknown>;

/** What an erasure looks for in a table, and what it puts where it finds it. */
export interface SweepOptions {
  /** The person's name(s) and email(s): matched case-insensitively, as whole words. */
  needles: readonly string[];
  /** What replaces a needle in a string that stays (e.g. "a former coordinator of …"). */
  replacement: string;
  /**
   * Items deleted rather than rewritten when they hold a needle: records that exist only
   * for the person (idempotency replies, invitations, resets, mail to them).
   */
  drop?: (item: Item) => boolean;
  /**
   * Items left as they are: other people's own records (a namesake keeps their name) and
   * what is no person's copy (an organization's or a network's profile).
   */
  skip?: (item: Item) => boolean;
}

/** What a sweep did to a table. */
export interface SweepResult {
  scanned: number;
  rewritten: number;
  deleted: number;
}

/** Shorter needles could be part of any word: a name of one or two letters is left to the explicit tombstones. */
const MIN_NEEDLE = 3;

/** Case- and accent-blind, as the tables' sort keys keep names. */
export const sortableName = (name: string) =>
  name.toLocaleLowerCase('en').normalize('NFKD').replace(/\p{M}/gu, '');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regular expression for every needle, longest first, matched only where it is not part
 * of a longer word (so "Ana" is not found in "Banana").
 */
export function needlePattern(needles: readonly string[]): RegExp | undefined {
  const all = [
    ...new Set(needles.flatMap((n) => [n.trim(), sortableName(n.trim())]).filter(Boolean)),
  ]
    .filter((n) => n.length >= MIN_NEEDLE)
    .sort((a, b) => b.length - a.length);
  if (!all.length) return undefined;
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${all.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`,
    'giu',
  );
}

/** `value` with every match replaced; the same object when nothing matched. */
function scrub(value: unknown, pattern: RegExp, replacement: string): unknown {
  if (typeof value === 'string') {
    pattern.lastIndex = 0;
    return pattern.test(value) ? value.replace(pattern, replacement) : value;
  }
  if (Array.isArray(value)) {
    const out = value.map((v) => scrub(v, pattern, replacement));
    return out.some((v, i) => v !== value[i]) ? out : value;
  }
  if (value instanceof Set) {
    const out = [...value].map((v) => scrub(v, pattern, replacement));
    return out.some((v, i) => v !== [...value][i]) ? new Set(out) : value;
  }
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = scrub(v, pattern, replacement);
      if (out[k] !== v) changed = true;
    }
    return changed ? out : value;
  }
  return value;
}

const holds = (value: unknown, pattern: RegExp): boolean => {
  pattern.lastIndex = 0;
  return typeof value === 'string' && pattern.test(value);
};

/**
 * Reads every item of one table (a Scan, all pages) and removes a person from it: an item
 * whose key holds a needle, or that `drop` names, is deleted; any other item holding one is
 * written back with each needle replaced. Used only by an erasure (ADR 0034), the one act
 * that must reach copies no index leads to.
 *
 * @example
 * await sweepTable(doc, networkTableName('sisi', networkId), {
 *   needles: ['Zéphyrine Quixote', 'zq@example.org'],
 *   replacement: 'a former coordinator of Rainbow Health',
 * });
 */
export async function sweepTable(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: SweepOptions,
): Promise<SweepResult> {
  const result: SweepResult = { scanned: 0, rewritten: 0, deleted: 0 };
  const pattern = needlePattern(options.needles);
  if (!pattern) return result;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }),
    );
    for (const item of page.Items ?? []) {
      result.scanned++;
      if (options.skip?.(item)) continue;
      const key = { PK: item.PK, SK: item.SK };
      const next = scrub(item, pattern, options.replacement) as Item;
      if (
        holds(item.PK, pattern) ||
        holds(item.SK, pattern) ||
        (next !== item && options.drop?.(item))
      ) {
        await doc.send(new DeleteCommand({ TableName: tableName, Key: key }));
        result.deleted++;
      } else if (next !== item) {
        await doc.send(new PutCommand({ TableName: tableName, Item: { ...next, ...key } }));
        result.rewritten++;
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return result;
}
