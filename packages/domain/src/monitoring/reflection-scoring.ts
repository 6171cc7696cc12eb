/**
 * The reflection questionnaire's results (001 Annex 6): answers pooled per side, and the two
 * sides compared item by item, as the paper asks ("celebrate where you both agree you are
 * strong, make corrections where you both agree you are weak, and create deeper
 * understanding where you disagree"). Pure and zod-free: the API computes with it and the
 * SPA shows its rule. The rule is ADR 0010 (`docs/decisions/0010-reflection-comparison-rule.md`).
 *
 * Scoring: each answer counts the strength its option stands for (`reflection-form.ts`):
 * 5 the strongest answer of its scale, 1 the weakest. Yes/no items count 5 for the good
 * answer (a benefit received, a drawback not experienced) and 1 for the other, so a mean
 * of 4 is three good answers in four. "DON'T KNOW" is counted apart and never scored.
 */
import {
  type ReflectionItem,
  reflectionCommentBoxes,
  reflectionItems,
  reflectionOption,
  reflectionScales,
} from './reflection-form.ts';

/** The two sides of a mentorship; every mentee organization of a one-to-many is one side. */
export const reflectionSides = ['mentor', 'mentee'] as const;
export type ReflectionSide = (typeof reflectionSides)[number];

/** One person's answers: item id → option id, comment box id → text. */
export interface ReflectionAnswerSet {
  answers: Readonly<Record<string, string>>;
  comments?: Readonly<Record<string, string>> | undefined;
}

/** One item's answers on one side. */
export interface ItemPool {
  itemId: string;
  /** Answers with a score (all but "don't know"). */
  count: number;
  dontKnow: number;
  /** Mean strength of the scored answers, 1-5 to two decimals; `null` when none. */
  mean: number | null;
  /** How many chose each option, in the scale's order ("don't know" included). */
  distribution: { optionId: string; count: number }[];
}

/** A side's pooled answers: per item, and the comments of each box (in alphabetical order). */
export interface SidePool {
  side: ReflectionSide;
  answers: number;
  items: ItemPool[];
  comments: { boxId: string; texts: string[] }[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Pools one side's answer sets: per item the count, the "don't know"s, the mean strength
 * and the distribution; per comment box the texts, sorted so their order says nothing
 * about who wrote them or when.
 *
 * @example
 * poolSide('mentee', [{ answers: { 'synergy-a': 'very-well' } }, { answers: { 'synergy-a': 'extremely-well' } }])
 *   .items[0]; // { itemId: 'synergy-a', count: 2, dontKnow: 0, mean: 4.5, distribution: [...] }
 */
export function poolSide(side: ReflectionSide, sets: readonly ReflectionAnswerSet[]): SidePool {
  const items = reflectionItems.map((item: ReflectionItem): ItemPool => {
    const counts = new Map<string, number>();
    let sum = 0;
    let count = 0;
    let dontKnow = 0;
    for (const set of sets) {
      const chosen = set.answers[item.id];
      if (chosen === undefined) continue;
      const option = reflectionOption(item, chosen);
      if (!option) continue;
      counts.set(option.id, (counts.get(option.id) ?? 0) + 1);
      if (option.score === null) dontKnow += 1;
      else {
        sum += option.score;
        count += 1;
      }
    }
    return {
      itemId: item.id,
      count,
      dontKnow,
      mean: count ? round2(sum / count) : null,
      distribution: reflectionScales[item.scale].options.map((o) => ({
        optionId: o.id,
        count: counts.get(o.id) ?? 0,
      })),
    };
  });
  const comments = reflectionCommentBoxes.map((box) => ({
    boxId: box.id,
    texts: sets
      .map((s) => s.comments?.[box.id]?.trim() ?? '')
      .filter((t) => t !== '')
      .sort((a, b) => a.localeCompare(b, 'en')),
  }));
  return { side, answers: sets.length, items, comments };
}

/**
 * A side's pooled results are shown once it has this many answers (ADR 0010, 0025). With two,
 * each of the two respondents could take their own answers away from the pool and read the
 * other's; with three, what is left of the pool is two people's answers, not one's.
 */
export const REFLECTION_MIN_SHOWN = 3;

/**
 * Whether a side's pooled results may be shown: at least `REFLECTION_MIN_SHOWN` answers, or
 * the one answer of a side that has a single possible respondent (who was told before
 * answering, and whose answer exposes nobody else's).
 *
 * @example sideResultsShown(2, 2) // false: each of the two would read the other's answers
 * @example sideResultsShown(3, 5) // true
 * @example sideResultsShown(1, 1) // true: the side has one respondent, who was warned
 */
export function sideResultsShown(answers: number, possibleRespondents: number): boolean {
  if (answers >= REFLECTION_MIN_SHOWN) return true;
  return answers === 1 && possibleRespondents <= 1;
}

/**
 * How anonymous an answer about to be given is, from how many people of the respondent's
 * side may answer and how many did:
 * - `only-respondent`: nobody else on the side may answer; the side's results will be this
 *   person's answers, and everyone who sees the mentorship knows who is on the side;
 * - `first`: fewer than `REFLECTION_MIN_SHOWN - 1` answered so far; the side's results stay
 *   hidden until `REFLECTION_MIN_SHOWN` answers are in (never, on a side of two);
 * - `pooled`: with this answer, or before it, the side has enough answers to be shown; it
 *   joins at least two others.
 *
 * @example anonymityNotice(1, 0) // 'only-respondent'
 * @example anonymityNotice(4, 1) // 'first'
 * @example anonymityNotice(4, 2) // 'pooled'
 */
export function anonymityNotice(
  possibleRespondents: number,
  answeredSoFar: number,
): 'only-respondent' | 'first' | 'pooled' {
  if (possibleRespondents <= 1) return 'only-respondent';
  if (answeredSoFar < REFLECTION_MIN_SHOWN - 1) return 'first';
  return 'pooled';
}

/**
 * The comparison rule (ADR 0010), on mean strengths 1-5 to two decimals:
 * - `not-enough-answers`: a side has fewer than `minAnswers` scored answers on the item
 *   (or its results are withheld);
 * - `agree-strong`: both means ≥ `strongAtLeast` (4: "very well", "very good"… or better
 *   on average; for yes/no items, at least three good answers in four);
 * - `agree-weak`: both means < `weakBelow` (3: below the middle answer on average; for
 *   yes/no items, fewer than half good answers);
 * - `disagree`: one mean strong and the other weak, or the means ≥ `apartAtLeast` (1.5)
 *   apart;
 * - `mixed`: anything else (the middle, or close means on either side of a band's edge).
 */
export const reflectionComparisonRule = {
  strongAtLeast: 4,
  weakBelow: 3,
  apartAtLeast: 1.5,
  minAnswers: 1,
} as const;

export const reflectionVerdicts = [
  'agree-strong',
  'agree-weak',
  'disagree',
  'mixed',
  'not-enough-answers',
] as const;
export type ReflectionVerdict = (typeof reflectionVerdicts)[number];

/** What the rule needs of one side's item. */
export interface ItemStats {
  count: number;
  mean: number | null;
}

/**
 * The verdict on one item from both sides' stats (`undefined`: the side's results are
 * withheld).
 *
 * @example compareItem({ count: 3, mean: 4.33 }, { count: 2, mean: 4 }) // 'agree-strong'
 * @example compareItem({ count: 3, mean: 4.5 }, { count: 2, mean: 2.5 }) // 'disagree'
 * @example compareItem({ count: 3, mean: 3.5 }, { count: 0, mean: null }) // 'not-enough-answers'
 */
export function compareItem(
  mentor: ItemStats | undefined,
  mentee: ItemStats | undefined,
  rule: {
    strongAtLeast: number;
    weakBelow: number;
    apartAtLeast: number;
    minAnswers: number;
  } = reflectionComparisonRule,
): ReflectionVerdict {
  if (!mentor || !mentee) return 'not-enough-answers';
  if (mentor.mean === null || mentee.mean === null) return 'not-enough-answers';
  if (mentor.count < rule.minAnswers || mentee.count < rule.minAnswers) {
    return 'not-enough-answers';
  }
  const a = round2(mentor.mean);
  const b = round2(mentee.mean);
  const strong = (m: number) => m >= rule.strongAtLeast;
  const weak = (m: number) => m < rule.weakBelow;
  if (strong(a) && strong(b)) return 'agree-strong';
  if (weak(a) && weak(b)) return 'agree-weak';
  if ((strong(a) && weak(b)) || (weak(a) && strong(b))) return 'disagree';
  // compared in hundredths, so 4.5 and 3 are 1.5 apart exactly
  if (Math.abs(Math.round(a * 100) - Math.round(b * 100)) >= Math.round(rule.apartAtLeast * 100)) {
    return 'disagree';
  }
  return 'mixed';
}

/** One item of the comparison view. */
export interface ItemComparison {
  itemId: string;
  mentor: number | null;
  mentee: number | null;
  verdict: ReflectionVerdict;
}

/**
 * Every item of the questionnaire compared, in the paper's order; a side that is
 * `undefined` (withheld, or without answers) makes every verdict `not-enough-answers`.
 *
 * @example compareSides(mentorPool, menteePool).filter((c) => c.verdict === 'disagree')
 */
export function compareSides(
  mentor: SidePool | undefined,
  mentee: SidePool | undefined,
): ItemComparison[] {
  const byId = (pool: SidePool | undefined) => new Map(pool?.items.map((i) => [i.itemId, i]));
  const m = byId(mentor);
  const e = byId(mentee);
  return reflectionItems.map((item) => {
    const a = m.get(item.id);
    const b = e.get(item.id);
    return {
      itemId: item.id,
      mentor: a?.mean ?? null,
      mentee: b?.mean ?? null,
      verdict: compareItem(a, b),
    };
  });
}
