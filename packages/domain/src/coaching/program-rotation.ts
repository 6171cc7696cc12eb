/**
 * Rotational pairing of a peer coaching program (seed 002: "rotational pairings provide
 * exposure to different perspectives and experiences"): rounds of pairs, one round every
 * N weeks, that avoid repeating a pair while they can. Pure and deterministic; zod-free.
 *
 * How a round is chosen:
 * - People are put in id order, so the input's order does not matter.
 * - With no history, the rounds are the "circle method": a 1-factorization of the complete
 *   graph, so the first n-1 rounds (n even) or n rounds (n odd) use every possible pair
 *   exactly once, and then the cycle starts over. Nobody meets the same peer twice before
 *   they have met everyone.
 * - With an odd number of people, one person sits out each round (a **bye**): the circle
 *   method pairs a placeholder with a different person each round, so in each cycle of n
 *   rounds everyone sits out exactly once. The person on a bye has no session that round;
 *   we chose a bye over a trio because a trio makes two pairs at once and breaks "no
 *   repeat before every pair was used", and because a pair's notes are for two people.
 * - With history (rounds already held, maybe with people who have since left or before
 *   someone joined), each new round uses the least-used pairs it can: it finds the lowest
 *   "level" L such that a complete round (everyone paired but the bye) exists using only
 *   pairs met at most L times before (an exact maximum matching, Edmonds' blossom
 *   algorithm), preferring the circle method's next round when that one is at level L (and,
 *   when odd, gives the bye to someone who sat out least). So a pair repeats only when no
 *   complete round of fresher pairs exists. Otherwise the bye goes to whoever sat out least
 *   (then id order) among those for whom such a round exists.
 * - Continuing a schedule (its own rounds as history) gives the same rounds as having
 *   generated them all at once.
 */

export type Pair = readonly [string, string];

export interface RotationRound {
  /** 1-based among all the program's rounds (history included). */
  round: number;
  /** `YYYY-MM-DD`, the first day of the round. */
  startDate: string;
  /** `YYYY-MM-DD`, the last day (the day before the next round starts). */
  endDate: string;
  /** Each pair's ids in id order; pairs ordered by their first id. */
  pairs: Pair[];
  /** Who sits out this round (only with an odd number of people). */
  bye?: string;
}

export interface PastRound {
  pairs: readonly Pair[];
  bye?: string | undefined;
}

export interface RotationInput {
  participantIds: readonly string[];
  /** The first day of the first new round, `YYYY-MM-DD`. */
  startDate: string;
  /** A new round every this many weeks. */
  rotationWeeks: number;
  /** How many new rounds to make. */
  rounds: number;
  /** Rounds already held or scheduled, oldest first. */
  history?: readonly PastRound[];
}

export const MIN_ROTATION_WEEKS = 1;
export const MAX_ROTATION_WEEKS = 26;
export const MAX_ROTATION_ROUNDS = 60;

/** The key of an unordered pair. */
export const pairKey = (a: string, b: string): string =>
  a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` + `days` (UTC calendar days). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** How many rounds one full cycle takes: every pair once. */
export const cycleLength = (n: number): number => (n < 2 ? 0 : n % 2 === 0 ? n - 1 : n);

/**
 * The circle method over positions 0..m-1 (m even): round r fixes position 0 and turns the
 * others r steps; pairs are opposite positions.
 */
function circleRound(m: number, r: number): [number, number][] {
  const others = Array.from({ length: m - 1 }, (_, i) => 1 + ((i + r) % (m - 1)));
  const line = [0, ...others];
  return Array.from({ length: m / 2 }, (_, i) => [line[i]!, line[m - 1 - i]!]);
}

/**
 * Edmonds' blossom algorithm: a maximum matching of an undirected graph. `adjacency[v]`
 * lists v's neighbours; `initial` seeds the matching (it must be a matching of the graph).
 * Returns `match[v]` (the partner or -1).
 */
export function maximumMatching(
  adjacency: readonly (readonly number[])[],
  initial?: number[],
): number[] {
  const n = adjacency.length;
  const match = initial ? [...initial] : Array<number>(n).fill(-1);
  const parent = Array<number>(n).fill(-1);
  const base = Array.from({ length: n }, (_, i) => i);
  const used = Array<boolean>(n).fill(false);
  const blossom = Array<boolean>(n).fill(false);

  const lca = (a0: number, b0: number): number => {
    const seen = Array<boolean>(n).fill(false);
    let a = a0;
    for (;;) {
      a = base[a]!;
      seen[a] = true;
      if (match[a] === -1) break;
      a = parent[match[a]!]!;
    }
    let b = b0;
    for (;;) {
      b = base[b]!;
      if (seen[b]) return b;
      b = parent[match[b]!]!;
    }
  };
  const markPath = (v0: number, b: number, child0: number) => {
    let v = v0;
    let child = child0;
    while (base[v] !== b) {
      blossom[base[v]!] = true;
      blossom[base[match[v]!]!] = true;
      parent[v] = child;
      child = match[v]!;
      v = parent[match[v]!]!;
    }
  };
  const findPath = (root: number): number => {
    used.fill(false);
    parent.fill(-1);
    for (let i = 0; i < n; i++) base[i] = i;
    used[root] = true;
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      for (const to of adjacency[v]!) {
        if (base[v] === base[to] || match[v] === to) continue;
        if (to === root || (match[to] !== -1 && parent[match[to]!] !== -1)) {
          const current = lca(v, to);
          blossom.fill(false);
          markPath(v, current, to);
          markPath(to, current, v);
          for (let i = 0; i < n; i++) {
            if (blossom[base[i]!]) {
              base[i] = current;
              if (!used[i]) {
                used[i] = true;
                queue.push(i);
              }
            }
          }
        } else if (parent[to] === -1) {
          parent[to] = v;
          if (match[to] === -1) return to;
          used[match[to]!] = true;
          queue.push(match[to]!);
        }
      }
    }
    return -1;
  };

  for (let root = 0; root < n; root++) {
    if (match[root] !== -1) continue;
    let v = findPath(root);
    while (v !== -1) {
      const pv = parent[v]!;
      const next = match[pv]!;
      match[v] = pv;
      match[pv] = v;
      v = next;
    }
  }
  return match;
}

interface State {
  ids: string[];
  /** uses[i][j]: how often i and j were paired. */
  uses: number[][];
  byes: number[];
}

/** A round of `vertices` (indexes) pairing all of them, using edges of at most `level` uses. */
function perfectRound(
  state: State,
  vertices: number[],
  level: number,
): [number, number][] | undefined {
  const local = new Map(vertices.map((v, i) => [v, i]));
  const adjacency = vertices.map((v) =>
    vertices.filter((u) => u !== v && state.uses[v]![u]! <= level).map((u) => local.get(u)!),
  );
  // seed with the least-used edges first, so among equal levels fresher pairs are kept
  const edges = vertices
    .flatMap((v, i) =>
      vertices.slice(i + 1).flatMap((u) => (state.uses[v]![u]! <= level ? [[v, u] as const] : [])),
    )
    .sort((x, y) => state.uses[x[0]]![x[1]]! - state.uses[y[0]]![y[1]]!);
  const seed = Array<number>(vertices.length).fill(-1);
  for (const [v, u] of edges) {
    const a = local.get(v)!;
    const b = local.get(u)!;
    if (seed[a] === -1 && seed[b] === -1) {
      seed[a] = b;
      seed[b] = a;
    }
  }
  const match = maximumMatching(adjacency, seed);
  if (match.some((m) => m === -1)) return undefined;
  return vertices.flatMap((v, i) =>
    match[i]! > i ? [[v, vertices[match[i]!]!] as [number, number]] : [],
  );
}

/** The round chosen at `level`: everyone paired but one bye when odd; undefined if none. */
function roundAtLevel(
  state: State,
  level: number,
): { pairs: [number, number][]; bye?: number } | undefined {
  const n = state.ids.length;
  const all = Array.from({ length: n }, (_, i) => i);
  if (n % 2 === 0) {
    const pairs = perfectRound(state, all, level);
    return pairs ? { pairs } : undefined;
  }
  const candidates = [...all].sort((a, b) => state.byes[a]! - state.byes[b]! || a - b);
  for (const bye of candidates) {
    const pairs = perfectRound(
      state,
      all.filter((v) => v !== bye),
      level,
    );
    if (pairs) return { pairs, bye };
  }
  return undefined;
}

/** Whether some complete round exists using only pairs of at most `level` uses. */
function levelFeasible(state: State, level: number): boolean {
  const n = state.ids.length;
  const adjacency = Array.from({ length: n }, (_, v) =>
    Array.from({ length: n }, (_, u) => u).filter((u) => u !== v && state.uses[v]![u]! <= level),
  );
  const match = maximumMatching(adjacency);
  return match.filter((m) => m !== -1).length === 2 * Math.floor(n / 2);
}

/**
 * The next rounds of a rotation schedule.
 *
 * @example
 * const rounds = rotationSchedule({
 *   participantIds: ['a', 'b', 'c', 'd'], startDate: '2025-03-03', rotationWeeks: 4, rounds: 3,
 * });
 * rounds.map((r) => r.pairs) // [[['a','d'],['b','c']], [['a','b'],['c','d']], [['a','c'],['b','d']]]
 * rounds[1]!.startDate // '2025-03-31'
 */
export function rotationSchedule(input: RotationInput): RotationRound[] {
  const ids = [...new Set(input.participantIds)].sort();
  if (ids.length < 2) throw new RangeError('a rotation needs at least two participants');
  if (!Number.isInteger(input.rotationWeeks) || input.rotationWeeks < MIN_ROTATION_WEEKS) {
    throw new RangeError(`rotationWeeks must be a whole number from ${MIN_ROTATION_WEEKS}`);
  }
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const state: State = {
    ids,
    uses: Array.from({ length: n }, () => Array<number>(n).fill(0)),
    byes: Array<number>(n).fill(0),
  };
  const history = input.history ?? [];
  for (const past of history) {
    for (const [a, b] of past.pairs) {
      const i = index.get(a);
      const j = index.get(b);
      if (i === undefined || j === undefined || i === j) continue;
      state.uses[i]![j]! += 1;
      state.uses[j]![i]! += 1;
    }
    const bye = past.bye === undefined ? undefined : index.get(past.bye);
    if (bye !== undefined) state.byes[bye]! += 1;
  }

  const m = n % 2 === 0 ? n : n + 1;
  const cycle = m - 1;
  const levelOf = (pairs: [number, number][]) =>
    Math.max(...pairs.map(([a, b]) => state.uses[a]![b]!));

  const out: RotationRound[] = [];
  for (let k = 0; k < input.rounds; k++) {
    const position = history.length + k;
    let minUse = Number.POSITIVE_INFINITY;
    let maxUse = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        minUse = Math.min(minUse, state.uses[i]![j]!);
        maxUse = Math.max(maxUse, state.uses[i]![j]!);
      }
    }
    // the circle method's rounds, from the one due at this position on
    const canonical = Array.from({ length: cycle }, (_, s) => {
      const raw = circleRound(m, (position + s) % cycle);
      const bye = raw.find(([a, b]) => a === n || b === n);
      return {
        pairs: raw.filter(([a, b]) => a < n && b < n),
        ...(bye ? { bye: bye[0] === n ? bye[1] : bye[0] } : {}),
      };
    });
    let level = minUse;
    while (level < maxUse && !levelFeasible(state, level)) level += 1;
    const fewestByes = Math.min(...state.byes);
    const chosen =
      canonical.find(
        (c) =>
          levelOf(c.pairs) <= level && (c.bye === undefined || state.byes[c.bye] === fewestByes),
      ) ?? roundAtLevel(state, level)!;

    for (const [a, b] of chosen.pairs) {
      state.uses[a]![b]! += 1;
      state.uses[b]![a]! += 1;
    }
    if (chosen.bye !== undefined) state.byes[chosen.bye]! += 1;
    const startDate = addDays(input.startDate, 7 * input.rotationWeeks * k);
    out.push({
      round: position + 1,
      startDate,
      endDate: addDays(startDate, 7 * input.rotationWeeks - 1),
      pairs: chosen.pairs
        .map(([a, b]) => (a < b ? [ids[a]!, ids[b]!] : [ids[b]!, ids[a]!]) as Pair)
        .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)),
      ...(chosen.bye !== undefined ? { bye: ids[chosen.bye]! } : {}),
    });
  }
  return out;
}
