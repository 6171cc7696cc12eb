/**
 * The baseline self-assessment of core coaching competencies (seed 002, "Training and
 * Development"), repeated later to show change; zod-free. 002 names coaching skills,
 * active listening and effective feedback as what training covers, and confidentiality,
 * professionalism and mutual respect as expectations; the other competencies come from
 * its list of what peer coaching gives (self-reflection, solving problems, collaboration,
 * trust and mutual support). The statements and the 1-5 scale are ours: 002 gives neither.
 */
import type { Wording } from './program-content.ts';

export interface Competency {
  id: string;
  name: string;
  /** The statement a participant rates themself on. */
  statement: string;
  wording: Wording;
  /** The source's words it comes from, verbatim. */
  basis: string;
}

export const coachingCompetencies = [
  {
    id: 'active-listening',
    name: 'Active listening',
    statement: 'I listen to understand, and I show my peer that I heard them.',
    wording: 'derived',
    basis:
      'Develop comprehensive training modules that cover coaching skills, active listening, and effective feedback.',
  },
  {
    id: 'effective-feedback',
    name: 'Effective feedback',
    statement: 'I give feedback that is specific, honest and useful, and I take feedback well.',
    wording: 'derived',
    basis:
      'Develop comprehensive training modules that cover coaching skills, active listening, and effective feedback.',
  },
  {
    id: 'coaching-skills',
    name: 'Coaching skills',
    statement:
      'I ask questions that help my peer find their own answers, and we agree on next steps.',
    wording: 'derived',
    basis:
      'Develop comprehensive training modules that cover coaching skills, active listening, and effective feedback.',
  },
  {
    id: 'self-reflection',
    name: 'Self-reflection',
    statement: 'I reflect on my own work and learn from it.',
    wording: 'derived',
    basis:
      'For individuals, it provides a platform for self-reflection, skill enhancement, and personal growth.',
  },
  {
    id: 'problem-solving',
    name: 'Solving problems',
    statement: 'I help my peer work through a problem without solving it for them.',
    wording: 'derived',
    basis:
      'Peer coaching is a collaborative and reciprocal process where colleagues at similar levels in an organization help each other improve their skills, solve problems, and achieve personal and professional growth.',
  },
  {
    id: 'confidentiality',
    name: 'Confidentiality',
    statement: 'I keep what a peer shares with me confidential.',
    wording: 'derived',
    basis:
      'Clearly outline the roles of peer coaches and establish expectations for confidentiality, professionalism, and mutual respect.',
  },
  {
    id: 'professionalism-respect',
    name: 'Professionalism and mutual respect',
    statement: 'I keep my commitments and treat my peer as an equal.',
    wording: 'derived',
    basis:
      'Clearly outline the roles of peer coaches and establish expectations for confidentiality, professionalism, and mutual respect.',
  },
  {
    id: 'collaboration',
    name: 'Collaboration, trust and mutual support',
    statement: 'I build trust with colleagues and support them in their work.',
    wording: 'derived',
    basis:
      'At the team level, peer coaching promotes collaboration, trust, and mutual support, leading to stronger team dynamics.',
  },
] as const satisfies readonly Competency[];
export type CompetencyId = (typeof coachingCompetencies)[number]['id'];
export const competencyIds = coachingCompetencies.map((c) => c.id) as [
  CompetencyId,
  ...CompetencyId[],
];

/** The rating scale (ours: seed 002 gives none). */
export const competencyScale = [
  { value: 1, label: 'Not yet' },
  { value: 2, label: 'Beginning' },
  { value: 3, label: 'Developing' },
  { value: 4, label: 'Confident' },
  { value: 5, label: 'Could teach others' },
] as const;
export const COMPETENCY_MIN = 1;
export const COMPETENCY_MAX = 5;

export const selfAssessmentKinds = ['baseline', 'follow-up'] as const;
export type SelfAssessmentKind = (typeof selfAssessmentKinds)[number];

/** Ratings by competency; a competency may be left out (not rated). */
export type CompetencyRatings = Partial<Record<CompetencyId, number>>;

export interface SelfAssessmentLike {
  kind: SelfAssessmentKind;
  ratings: CompetencyRatings;
  submittedAt: string;
}

/**
 * Below this many people, averages over a program are withheld: with two participants an
 * "average" would tell each of them the other's answer.
 */
export const MIN_AGGREGATE_COUNT = 3;

export interface CompetencyChange {
  competencyId: CompetencyId;
  baseline?: number;
  latest?: number;
  /** `latest - baseline`, when both exist. */
  change?: number;
}

/**
 * One person's change per competency: their latest follow-up against their baseline.
 *
 * @example
 * competencyChange([
 *   { kind: 'baseline', ratings: { 'active-listening': 2 }, submittedAt: '2025-01-01T00:00:00Z' },
 *   { kind: 'follow-up', ratings: { 'active-listening': 4 }, submittedAt: '2025-04-01T00:00:00Z' },
 * ])[0] // { competencyId: 'active-listening', baseline: 2, latest: 4, change: 2 }
 */
export function competencyChange(assessments: readonly SelfAssessmentLike[]): CompetencyChange[] {
  const baseline = assessments.find((a) => a.kind === 'baseline');
  const latest = [...assessments]
    .filter((a) => a.kind === 'follow-up')
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
    .at(-1);
  return coachingCompetencies.map((c) => {
    const b = baseline?.ratings[c.id];
    const l = latest?.ratings[c.id];
    return {
      competencyId: c.id,
      ...(b === undefined ? {} : { baseline: b }),
      ...(l === undefined ? {} : { latest: l }),
      ...(b !== undefined && l !== undefined ? { change: l - b } : {}),
    };
  });
}

export interface CompetencyAggregate {
  competencyId: CompetencyId;
  /** People who rated it at baseline. */
  baselineCount: number;
  /** People who rated it at baseline and in a follow-up (the change is over them). */
  changeCount: number;
  /** Means, absent while their count is under `MIN_AGGREGATE_COUNT`. */
  baselineMean?: number;
  latestMean?: number;
  meanChange?: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: number[]) => round2(xs.reduce((s, x) => s + x, 0) / xs.length);

/**
 * A program's change per competency over its participants, without anyone's own answers:
 * counts always, means only from `MIN_AGGREGATE_COUNT` people.
 *
 * @example
 * aggregateCompetencyChange([personA, personB, personC])[0]?.meanChange // e.g. 1.33
 */
export function aggregateCompetencyChange(
  byPerson: readonly (readonly SelfAssessmentLike[])[],
): CompetencyAggregate[] {
  const changes = byPerson.map(competencyChange);
  return coachingCompetencies.map((c, i) => {
    const rows = changes.map((p) => p[i]!);
    const baselines = rows.flatMap((r) => (r.baseline === undefined ? [] : [r.baseline]));
    const both = rows.filter((r) => r.change !== undefined);
    return {
      competencyId: c.id,
      baselineCount: baselines.length,
      changeCount: both.length,
      ...(baselines.length >= MIN_AGGREGATE_COUNT ? { baselineMean: mean(baselines) } : {}),
      ...(both.length >= MIN_AGGREGATE_COUNT
        ? {
            latestMean: mean(both.map((r) => r.latest!)),
            meanChange: mean(both.map((r) => r.change!)),
          }
        : {}),
    };
  });
}

/**
 * The mean change over every competency of the aggregate that shows one; `undefined`
 * when none does (too few people).
 */
export function overallMeanChange(aggregate: readonly CompetencyAggregate[]): number | undefined {
  const shown = aggregate.flatMap((a) => (a.meanChange === undefined ? [] : [a.meanChange]));
  return shown.length ? mean(shown) : undefined;
}
