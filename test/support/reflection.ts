import { mentorshipPath } from './mentorships.ts';

/**
 * The reflection questionnaire's items and their options, transcribed from 001 Annex 6 for
 * the tests (not read from `@sisi/domain`, so that a change of the API's ids fails here).
 */
const HOW_WELL = ['extremely-well', 'very-well', 'somewhat-well', 'not-so-well', 'not-well-at-all'];
const RATING = ['excellent', 'very-good', 'good', 'fair', 'poor'];
const NEEDS = ['all', 'most', 'some', 'almost-none', 'none'];
const COMFORT = [
  'extremely-comfortable',
  'very-comfortable',
  'somewhat-comfortable',
  'a-little-comfortable',
  'not-at-all-comfortable',
];
const YES_NO = ['yes', 'no'];
const BENEFITS = [
  'benefits-greatly-exceed',
  'benefits-exceed',
  'about-equal',
  'drawbacks-exceed',
  'drawbacks-greatly-exceed',
];
const SATISFACTION = ['completely', 'mostly', 'somewhat', 'a-little', 'not-at-all'];

const letters = (section: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${section}-${String.fromCharCode(97 + i)}`);

/** Item id → its options, strongest first ("dont-know" is accepted where listed here too). */
export const REFLECTION_ITEMS: Record<string, string[]> = Object.fromEntries([
  ...letters('synergy', 5).map((id) => [id, HOW_WELL]),
  ...letters('trust-respect', 5).map((id) => [id, [...RATING, 'dont-know']]),
  ...letters('efficiency', 2).map((id) => [id, RATING]),
  ...letters('communication-coordination', 4).map((id) => [id, [...RATING, 'dont-know']]),
  ...letters('mutual-contribution', 3).map((id) => [id, [...NEEDS, 'dont-know']]),
  ...letters('decision-making', 3).map((id) => [id, COMFORT]),
  ...letters('learning', 9).map((id) => [id, YES_NO]),
  ...letters('drawbacks', 5).map((id) => [id, YES_NO]),
  ['benefits-drawbacks', BENEFITS],
  ...letters('satisfaction', 5).map((id) => [id, SATISFACTION]),
]);

/** Comment boxes: the sections that have one, and the overall box. */
export const REFLECTION_BOXES = [
  'synergy',
  'trust-respect',
  'efficiency',
  'communication-coordination',
  'mutual-contribution',
  'decision-making',
  'learning',
  'drawbacks',
  'overall',
];

/**
 * A complete answer: every item answered with its option at `index` (clamped to the last
 * scored one), then `overrides`.
 *
 * @example reflectionBody(0, { 'synergy-a': 'not-so-well' }, { overall: 'Thanks' })
 */
export function reflectionBody(
  index = 0,
  overrides: Record<string, string> = {},
  comments?: Record<string, string>,
): { answers: Record<string, string>; comments?: Record<string, string> } {
  const answers = Object.fromEntries(
    Object.entries(REFLECTION_ITEMS).map(([id, options]) => {
      const scored = options.filter((o) => o !== 'dont-know');
      return [id, scored[Math.min(index, scored.length - 1)]!];
    }),
  );
  return { answers: { ...answers, ...overrides }, ...(comments ? { comments } : {}) };
}

export const reflectionPath = (networkId: string, mentorshipId: string) =>
  `${mentorshipPath(networkId, mentorshipId)}/reflection`;

/** What `GET …/reflection` answers. */
export interface ReflectionResults {
  you: { canAnswer: boolean; answered: boolean; side?: 'mentor' | 'mentee'; notice?: string };
  sides: {
    side: 'mentor' | 'mentee';
    organizationIds: string[];
    possibleRespondents: number;
    answers: number;
    shown: boolean;
    items?: {
      itemId: string;
      count: number;
      dontKnow: number;
      mean: number | null;
      distribution: { optionId: string; count: number }[];
    }[];
    comments?: { boxId: string; texts: string[] }[];
  }[];
  comparison: {
    itemId: string;
    mentor: number | null;
    mentee: number | null;
    verdict: string;
  }[];
  rule: { strongAtLeast: number; weakBelow: number; apartAtLeast: number; minAnswers: number };
}
