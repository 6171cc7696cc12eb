/**
 * The pure rules of Sisi Kwa Sisi coaching (seed 000): which coaches fit a peer's needs
 * assessment and why (Step 2), the Lead → Assist → Observe order of a coaching plan and
 * whether it is on track (Steps 3 and 4). Zod-free: the SPA runs them too.
 */
import {
  type LaoStep,
  laoSteps,
  type NeedPriority,
  type ThematicArea,
  thematicAreaIds,
  thematicAreaLabel,
} from './sisi-kwa-sisi.ts';

/**
 * The weights of the matching, in points. The source links a coach to a peer "based on a
 * needs assessment" and asks for a coach with "demonstrated competency" who is "able and
 * interested"; the rest is Sisi's judgement, chosen so that:
 * - competency in the areas the peer needs decides first: one high-priority area (30) is
 *   worth more than every secondary reason together (evidence 5 + TCI 5 + city 8 +
 *   organization 6 = 24);
 * - evidence of competency counts per needed area it backs, so proven areas beat claimed ones;
 * - coaching "at city level" makes the same city (8) worth a little more than the same
 *   organization (6), "in the workplace";
 * - each peer a coach already coaches costs 4, so the load spreads across the pool.
 * A coach who has not confirmed they are willing, whose places are all taken, or who is
 * competent in none of the needed areas is not suggested at all (listed in `excluded`).
 */
export const MATCH_WEIGHTS = {
  area: { high: 30, medium: 20, low: 10 } satisfies Record<NeedPriority, number>,
  evidence: 5,
  tciModel: 5,
  sameCity: 8,
  sameOrganization: 6,
  perActivePeer: -4,
} as const;

/** A coach of the pool as the matching sees them. */
export interface MatchCoach {
  personId: string;
  name: string;
  organizationId: string;
  city?: string | undefined;
  areas: readonly {
    area: ThematicArea;
    evidence?: string | undefined;
    links?: readonly string[] | undefined;
  }[];
  coachedOnTciModel: boolean;
  /** Confirmed by the coach themself. */
  willing: boolean;
  maxPeers: number;
  /** Coachings in progress where they are the coach. */
  activeCoachings: number;
}

/** What the matching needs of a peer and their needs assessment. */
export interface MatchNeeds {
  peerId: string;
  peerOrganizationId?: string | undefined;
  city?: string | undefined;
  areas: readonly { area: ThematicArea; priority: NeedPriority }[];
}

export type MatchReason =
  | { kind: 'area'; area: ThematicArea; priority: NeedPriority; points: number; text: string }
  | { kind: 'evidence'; area: ThematicArea; points: number; text: string }
  | { kind: 'tci-model'; points: number; text: string }
  | { kind: 'same-city'; city: string; points: number; text: string }
  | { kind: 'same-organization'; points: number; text: string }
  | { kind: 'load'; activeCoachings: number; points: number; text: string };

export interface CoachSuggestion {
  personId: string;
  name: string;
  organizationId: string;
  score: number;
  /** Why, one line per point-earning (or point-losing) reason, in the weights' order. */
  reasons: MatchReason[];
  /** The needed areas the coach covers, highest priority first. */
  coveredAreas: ThematicArea[];
  freePlaces: number;
}

export type ExclusionReason = 'is-the-peer' | 'not-willing' | 'no-free-place' | 'no-needed-area';

export interface ExcludedCoach {
  personId: string;
  name: string;
  reason: ExclusionReason;
}

export interface MatchResult {
  suggestions: CoachSuggestion[];
  excluded: ExcludedCoach[];
}

const PRIORITY_ORDER: readonly NeedPriority[] = ['high', 'medium', 'low'];

/** Case-, accent- and space-blind, so "Nairobi " and "nairobi" are one city. */
export const sameText = (a: string, b: string): boolean => {
  const norm = (s: string) =>
    s.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
  return norm(a) !== '' && norm(a) === norm(b);
};

const signed = (points: number) => (points < 0 ? `−${-points}` : `+${points}`);

const hasEvidence = (a: MatchCoach['areas'][number]) =>
  (a.evidence?.trim() ?? '') !== '' || (a.links?.length ?? 0) > 0;

/**
 * Ranks the pool for a peer's needs: highest score first; equal scores go to the coach with
 * fewer peers already, then by name, then by id, so the answer never depends on the
 * pool's order.
 *
 * @example
 * const { suggestions } = rankCoaches(
 *   { peerId: 'p1', areas: [{ area: 'monitoring-evaluation', priority: 'high' }] },
 *   [{ personId: 'c1', name: 'Ama', organizationId: 'o1', coachedOnTciModel: false,
 *      willing: true, maxPeers: 2, activeCoachings: 0,
 *      areas: [{ area: 'monitoring-evaluation', evidence: 'Built the M&E dashboard' }] }],
 * );
 * suggestions[0]; // { personId: 'c1', score: 35, reasons: [area +30, evidence +5], … }
 */
export function rankCoaches(needs: MatchNeeds, pool: readonly MatchCoach[]): MatchResult {
  const needed = new Map<ThematicArea, NeedPriority>();
  for (const n of needs.areas) {
    const seen = needed.get(n.area);
    // a repeated area counts once, at its highest priority
    if (!seen || PRIORITY_ORDER.indexOf(n.priority) < PRIORITY_ORDER.indexOf(seen)) {
      needed.set(n.area, n.priority);
    }
  }
  const suggestions: CoachSuggestion[] = [];
  const excluded: ExcludedCoach[] = [];
  for (const coach of pool) {
    const freePlaces = Math.max(0, coach.maxPeers - coach.activeCoachings);
    const matched = coach.areas
      .filter((a) => needed.has(a.area))
      .sort(
        (x, y) =>
          PRIORITY_ORDER.indexOf(needed.get(x.area)!) -
            PRIORITY_ORDER.indexOf(needed.get(y.area)!) ||
          thematicAreaIds.indexOf(x.area) - thematicAreaIds.indexOf(y.area),
      )
      .filter((a, i, all) => all.findIndex((b) => b.area === a.area) === i);
    const exclusion: ExclusionReason | undefined =
      coach.personId === needs.peerId
        ? 'is-the-peer'
        : !coach.willing
          ? 'not-willing'
          : freePlaces === 0
            ? 'no-free-place'
            : matched.length === 0
              ? 'no-needed-area'
              : undefined;
    if (exclusion) {
      excluded.push({ personId: coach.personId, name: coach.name, reason: exclusion });
      continue;
    }

    const reasons: MatchReason[] = [];
    for (const a of matched) {
      const priority = needed.get(a.area)!;
      const points = MATCH_WEIGHTS.area[priority];
      reasons.push({
        kind: 'area',
        area: a.area,
        priority,
        points,
        text: `Competent in ${thematicAreaLabel(a.area)}, a ${priority}-priority need (${signed(points)})`,
      });
    }
    for (const a of matched.filter(hasEvidence)) {
      reasons.push({
        kind: 'evidence',
        area: a.area,
        points: MATCH_WEIGHTS.evidence,
        text: `Evidence of competency in ${thematicAreaLabel(a.area)} (${signed(MATCH_WEIGHTS.evidence)})`,
      });
    }
    if (coach.coachedOnTciModel) {
      reasons.push({
        kind: 'tci-model',
        points: MATCH_WEIGHTS.tciModel,
        text: `Coached on the TCI model (${signed(MATCH_WEIGHTS.tciModel)})`,
      });
    }
    if (coach.city && needs.city && sameText(coach.city, needs.city)) {
      reasons.push({
        kind: 'same-city',
        city: coach.city.trim(),
        points: MATCH_WEIGHTS.sameCity,
        text: `Works in the same city, ${coach.city.trim()} (${signed(MATCH_WEIGHTS.sameCity)})`,
      });
    }
    if (needs.peerOrganizationId && coach.organizationId === needs.peerOrganizationId) {
      reasons.push({
        kind: 'same-organization',
        points: MATCH_WEIGHTS.sameOrganization,
        text: `Same organization as the peer (${signed(MATCH_WEIGHTS.sameOrganization)})`,
      });
    }
    if (coach.activeCoachings > 0) {
      const points = MATCH_WEIGHTS.perActivePeer * coach.activeCoachings;
      reasons.push({
        kind: 'load',
        activeCoachings: coach.activeCoachings,
        points,
        text: `Already coaches ${coach.activeCoachings} ${coach.activeCoachings === 1 ? 'peer' : 'peers'} (${signed(points)})`,
      });
    }
    suggestions.push({
      personId: coach.personId,
      name: coach.name,
      organizationId: coach.organizationId,
      score: reasons.reduce((sum, r) => sum + r.points, 0),
      reasons,
      coveredAreas: matched.map((a) => a.area),
      freePlaces,
    });
  }
  const load = (s: CoachSuggestion) =>
    pool.find((c) => c.personId === s.personId)?.activeCoachings ?? 0;
  suggestions.sort(
    (a, b) =>
      b.score - a.score ||
      load(a) - load(b) ||
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
      (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
  return { suggestions, excluded };
}

/** One step of a skill in the plan: its date and whether it was done. */
export interface PlanStepDates {
  date: string;
  done?: boolean | undefined;
}

export interface PlanSkillDates {
  lead: PlanStepDates;
  assist: PlanStepDates;
  observe: PlanStepDates;
}

export interface PlanDates {
  periodStart: string;
  periodEnd: string;
  skills: readonly PlanSkillDates[];
}

export interface PlanFieldError {
  path: string;
  message: string;
  /** `date_order`, with the bounds the date must keep (`min`, `max`). */
  code: 'date_order';
  params: { min?: string; max?: string };
}

const STEP_LABEL: Record<LaoStep, string> = { lead: 'Lead', assist: 'Assist', observe: 'Observe' };

/**
 * The plan's order (Step 3): the period starts on or before it ends, and per skill
 * Lead date ≤ Assist date ≤ Observe date, each inside the period. Each broken rule names its
 * field (`skills.0.assist.date`); an empty list means the plan is in order. Dates are
 * `YYYY-MM-DD`, which compare as strings.
 *
 * @example
 * planOrderErrors({ periodStart: '2025-01-01', periodEnd: '2025-03-31', skills: [
 *   { lead: { date: '2025-02-01' }, assist: { date: '2025-01-15' }, observe: { date: '2025-03-01' } },
 * ] }); // [{ path: 'skills.0.assist.date', message: 'must be on or after the Lead date (2025-02-01)' }]
 */
export function planOrderErrors(plan: PlanDates): PlanFieldError[] {
  const errors: PlanFieldError[] = [];
  if (plan.periodEnd < plan.periodStart) {
    errors.push({
      path: 'periodEnd',
      message: `must be on or after the start of the period (${plan.periodStart})`,
      code: 'date_order',
      params: { min: plan.periodStart },
    });
    return errors;
  }
  plan.skills.forEach((skill, i) => {
    let previous: { step: LaoStep; date: string } | undefined;
    for (const step of laoSteps) {
      const { date } = skill[step];
      const path = `skills.${i}.${step}.date`;
      if (date < plan.periodStart || date > plan.periodEnd) {
        errors.push({
          path,
          message: `must be within the plan's period (${plan.periodStart} to ${plan.periodEnd})`,
          code: 'date_order',
          params: { min: plan.periodStart, max: plan.periodEnd },
        });
      } else if (previous && date < previous.date) {
        errors.push({
          path,
          message: `must be on or after the ${STEP_LABEL[previous.step]} date (${previous.date})`,
          code: 'date_order',
          params: { min: previous.date },
        });
      }
      previous = { step, date };
    }
  });
  return errors;
}

export type StepState = 'done' | 'behind' | 'upcoming';

/**
 * Where one step stands on `today` (`YYYY-MM-DD`): done when marked so; behind when its
 * date has passed and it is not done (on the day itself it is still upcoming).
 */
export const stepState = (step: PlanStepDates, today: string): StepState =>
  step.done ? 'done' : step.date < today ? 'behind' : 'upcoming';

export type PlanState = 'none' | 'on-track' | 'behind' | 'complete';

export interface PlanStatus {
  state: PlanState;
  stepsTotal: number;
  stepsDone: number;
  stepsBehind: number;
  /** Steps not done yet: the coaching's open commitments. */
  stepsOpen: number;
}

/**
 * Whether a plan is on track (Step 4, "Regularly monitor the action plan"): `behind` as soon
 * as one step is past its date and not marked done; `complete` when every step is done;
 * `none` without a plan or skills.
 *
 * @example
 * planStatus([{ date: '2025-01-10' }, { date: '2025-02-10', done: true }], '2025-03-01');
 * // { state: 'behind', stepsTotal: 2, stepsDone: 1, stepsBehind: 1, stepsOpen: 1 }
 */
export function planStatus(steps: readonly PlanStepDates[] | undefined, today: string): PlanStatus {
  const all = steps ?? [];
  const states = all.map((s) => stepState(s, today));
  const stepsDone = states.filter((s) => s === 'done').length;
  const stepsBehind = states.filter((s) => s === 'behind').length;
  const state: PlanState =
    all.length === 0
      ? 'none'
      : stepsBehind > 0
        ? 'behind'
        : stepsDone === all.length
          ? 'complete'
          : 'on-track';
  return {
    state,
    stepsTotal: all.length,
    stepsDone,
    stepsBehind,
    stepsOpen: all.length - stepsDone,
  };
}

/** Every step of a plan's skills, Lead, Assist, Observe of the first skill first. */
export const planSteps = (skills: readonly PlanSkillDates[]): PlanStepDates[] =>
  skills.flatMap((s) =>
    laoSteps.map((step) => ({ date: s[step].date, done: s[step].done ?? false })),
  );

/** The average of the quality ratings, to one decimal; `undefined` without any. */
export const averageQuality = (sum: number, count: number): number | undefined =>
  count > 0 ? Math.round((sum / count) * 10) / 10 : undefined;
