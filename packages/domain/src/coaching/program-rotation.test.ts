import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  cycleLength,
  maximumMatching,
  type PastRound,
  pairKey,
  type RotationRound,
  rotationSchedule,
} from './program-rotation.ts';

const people = (n: number) => Array.from({ length: n }, (_, i) => `p${String(i).padStart(2, '0')}`);
const allPairs = (ids: string[]) =>
  ids.flatMap((a, i) => ids.slice(i + 1).map((b) => pairKey(a, b)));

/** Everyone in exactly one pair, but the bye when odd; pairs of two different people. */
function expectComplete(round: RotationRound, ids: string[]) {
  const seen = round.pairs.flat();
  expect(new Set(seen).size, JSON.stringify(round)).toBe(seen.length);
  for (const [a, b] of round.pairs) {
    expect(a).not.toBe(b);
    expect(ids).toContain(a);
    expect(ids).toContain(b);
  }
  if (ids.length % 2 === 0) {
    expect(round.bye).toBeUndefined();
    expect(seen.length).toBe(ids.length);
  } else {
    expect(round.bye).toBeDefined();
    expect(seen).not.toContain(round.bye);
    expect([...seen, round.bye].sort()).toEqual([...ids].sort());
  }
}

/**
 * Every complete round of `ids` (perfect matchings, with one bye when odd), enumerated by
 * brute force: the independent check of "no fresher round existed".
 */
function* completeRounds(ids: string[]): Generator<string[][]> {
  if (ids.length === 0) {
    yield [];
    return;
  }
  if (ids.length % 2 === 1) {
    for (const bye of ids) yield* completeRounds(ids.filter((x) => x !== bye));
    return;
  }
  const [first, ...rest] = ids;
  for (const partner of rest) {
    for (const more of completeRounds(rest.filter((x) => x !== partner))) {
      yield [[first!, partner], ...more];
    }
  }
}

describe('rotationSchedule without history (circle method)', () => {
  it('pairs everyone each round and uses every pair once before any repeats, for 2 to 30 people', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), fc.integer({ min: 1, max: 8 }), (n, weeks) => {
        const ids = people(n);
        const cycle = cycleLength(n);
        const rounds = rotationSchedule({
          participantIds: ids,
          startDate: '2025-01-06',
          rotationWeeks: weeks,
          rounds: 2 * cycle + 1,
        });
        expect(rounds).toHaveLength(2 * cycle + 1);
        const used = new Map<string, number>();
        const everyPair = allPairs(ids);
        rounds.forEach((round, r) => {
          expectComplete(round, ids);
          for (const [a, b] of round.pairs) {
            const key = pairKey(a, b);
            // a pair comes back only once every pair has been used as often
            const uses = used.get(key) ?? 0;
            expect(everyPair.every((p) => (used.get(p) ?? 0) >= uses)).toBe(true);
            used.set(key, uses + 1);
          }
          if (r === cycle - 1) {
            expect(used.size).toBe(everyPair.length);
            expect([...used.values()].every((u) => u === 1)).toBe(true);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('gives each person of an odd group exactly one bye per cycle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 14 }), (half) => {
        const n = 2 * half + 1;
        const ids = people(n);
        const rounds = rotationSchedule({
          participantIds: ids,
          startDate: '2025-01-06',
          rotationWeeks: 2,
          rounds: 2 * n,
        });
        for (const cycle of [rounds.slice(0, n), rounds.slice(n)]) {
          expect(cycle.map((r) => r.bye).sort()).toEqual(ids);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('is deterministic and does not depend on the order the participants are given in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{3,8}$/), { minLength: 2, maxLength: 20 }),
        fc.integer({ min: 1, max: 12 }),
        (ids, count) => {
          const input = { startDate: '2025-02-03', rotationWeeks: 3, rounds: count };
          const once = rotationSchedule({ ...input, participantIds: ids });
          const again = rotationSchedule({ ...input, participantIds: ids });
          const shuffled = rotationSchedule({ ...input, participantIds: [...ids].reverse() });
          expect(again).toEqual(once);
          expect(shuffled).toEqual(once);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('numbers the rounds and dates them every N weeks, each ending the day before the next', () => {
    const rounds = rotationSchedule({
      participantIds: people(5),
      startDate: '2025-12-22',
      rotationWeeks: 3,
      rounds: 4,
    });
    expect(rounds.map((r) => [r.round, r.startDate, r.endDate])).toEqual([
      [1, '2025-12-22', '2026-01-11'],
      [2, '2026-01-12', '2026-02-01'],
      [3, '2026-02-02', '2026-02-22'],
      [4, '2026-02-23', '2026-03-15'],
    ]);
  });

  it('refuses fewer than two people and a rotation that is not a whole number of weeks', () => {
    const base = { startDate: '2025-01-06', rotationWeeks: 2, rounds: 1 };
    expect(() => rotationSchedule({ ...base, participantIds: ['solo'] })).toThrow(RangeError);
    expect(() => rotationSchedule({ ...base, participantIds: ['a', 'a'] })).toThrow(RangeError);
    expect(() =>
      rotationSchedule({ ...base, participantIds: ['a', 'b'], rotationWeeks: 1.5 }),
    ).toThrow(RangeError);
  });
});

describe('rotationSchedule with history', () => {
  it('continuing its own schedule gives the same rounds as making them all at once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 20 }),
        (n, before, after) => {
          const ids = people(n);
          const base = { participantIds: ids, startDate: '2025-01-06', rotationWeeks: 2 };
          const whole = rotationSchedule({ ...base, rounds: before + after });
          const history: PastRound[] = whole.slice(0, before);
          const rest = rotationSchedule({
            ...base,
            startDate: addDays('2025-01-06', 14 * before),
            rounds: after,
            history,
          });
          expect(rest).toEqual(whole.slice(before));
        },
      ),
      { numRuns: 40 },
    );
  });

  /** Random past rounds among the group and people who have since left. */
  const historyOf = (ids: string[]) =>
    fc.array(
      fc.shuffledSubarray([...ids, 'gone1', 'gone2', 'gone3'], { minLength: 2 }).map((members) => ({
        pairs: Array.from(
          { length: Math.floor(members.length / 2) },
          (_, i) => [members[2 * i]!, members[2 * i + 1]!] as const,
        ),
        ...(members.length % 2 === 1 ? { bye: members.at(-1) } : {}),
      })),
      { maxLength: 8 },
    );

  it('repeats a pair only when no complete round of less-used pairs exists (checked by brute force)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 9 })
          .chain((n) =>
            fc.tuple(fc.constant(people(n)), historyOf(people(n)), fc.integer({ min: 1, max: 6 })),
          ),
        ([ids, history, count]) => {
          const rounds = rotationSchedule({
            participantIds: ids,
            startDate: '2025-01-06',
            rotationWeeks: 1,
            rounds: count,
            history,
          });
          const uses = new Map<string, number>();
          for (const past of history) {
            for (const [a, b] of past.pairs)
              uses.set(pairKey(a, b), (uses.get(pairKey(a, b)) ?? 0) + 1);
          }
          const levelOf = (pairs: readonly (readonly string[])[]) =>
            Math.max(...pairs.map(([a, b]) => uses.get(pairKey(a!, b!)) ?? 0));
          for (const round of rounds) {
            expectComplete(round, ids);
            let best = Number.POSITIVE_INFINITY;
            for (const candidate of completeRounds(ids)) best = Math.min(best, levelOf(candidate));
            expect(levelOf(round.pairs), JSON.stringify({ round, history })).toBe(best);
            for (const [a, b] of round.pairs)
              uses.set(pairKey(a, b), (uses.get(pairKey(a, b)) ?? 0) + 1);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('after history, uses every never-met pair before repeating one whenever a round of them exists', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 24 })
          .chain((n) => fc.tuple(fc.constant(people(n)), fc.integer({ min: 1, max: 3 }))),
        ([ids, held]) => {
          // a first schedule among part of the group, then everyone: newcomers meet first
          const early = ids.slice(0, Math.max(2, Math.ceil(ids.length / 2)));
          const history = rotationSchedule({
            participantIds: early,
            startDate: '2025-01-06',
            rotationWeeks: 2,
            rounds: held,
          });
          const rounds = rotationSchedule({
            participantIds: ids,
            startDate: '2025-03-03',
            rotationWeeks: 2,
            rounds: 3,
            history,
          });
          const met = new Set(history.flatMap((r) => r.pairs.map(([a, b]) => pairKey(a, b))));
          for (const round of rounds) {
            expectComplete(round, ids);
            const fresh = round.pairs.every(([a, b]) => !met.has(pairKey(a, b)));
            if (!fresh) {
              // only when no round of unmet pairs exists at all (large groups always have one)
              expect(ids.length, JSON.stringify(round)).toBeLessThanOrEqual(10);
              for (const candidate of completeRounds(ids)) {
                expect(candidate.some(([a, b]) => met.has(pairKey(a!, b!)))).toBe(true);
              }
            }
            for (const [a, b] of round.pairs) met.add(pairKey(a, b));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('maximumMatching', () => {
  it('finds a perfect matching through a blossom (odd cycle) that greedy search misses', () => {
    // 0-1-2 triangle with 3 hanging off 2 and 4 off 0, 5 off 1
    const adjacency = [[1, 2, 4], [0, 2, 5], [0, 1, 3], [2], [0], [1]];
    const match = maximumMatching(adjacency, [1, 0, -1, -1, -1, -1]);
    expect(match).toEqual([4, 5, 3, 2, 0, 1]);
  });

  it('leaves a vertex out only when the graph has no perfect matching', () => {
    expect(maximumMatching([[1], [0, 2], [1]]).filter((m) => m === -1)).toHaveLength(1);
    expect(maximumMatching([[], []])).toEqual([-1, -1]);
  });
});
