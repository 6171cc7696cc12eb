/**
 * A peer coaching program's records and the pure rules over them (zod-free, so the SPA
 * uses the same rules): nominations and references, consent before sessions, where a
 * program stands. The schemas that check input are in `program-schemas.ts`.
 */
import {
  aggregateCompetencyChange,
  type CompetencyRatings,
  overallMeanChange,
  type SelfAssessmentKind,
} from './program-assessment.ts';
import type { AgreementQuestionId } from './program-survey.ts';

export const pairingModes = ['fixed', 'rotational'] as const;
export type PairingMode = (typeof pairingModes)[number];

export const kpiDirections = ['at-least', 'at-most'] as const;
export type KpiDirection = (typeof kpiDirections)[number];

/** A key performance indicator: reached when `current` is at least (or at most) `target`. */
export interface Kpi {
  id: string;
  name: string;
  target: number;
  unit: string;
  direction: KpiDirection;
  current?: number;
}

export interface CoachingProgram {
  id: string;
  networkId: string;
  /** The organization that runs it; its coordinator manages it. */
  organizationId: string;
  version: number;
  name: string;
  description?: string;
  objectives: string[];
  kpis: Kpi[];
  /** Seed 002: "Launch a pilot program to test the structure and gather initial feedback." */
  pilot: boolean;
  pairingMode: PairingMode;
  /** Rotational pairing: a new round every this many weeks. */
  rotationWeeks?: number;
  /** The survey round open for answers; 0 before the first is opened. */
  surveyRound: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

export interface Reference {
  personId: string;
  name: string;
  confirmedAt?: string;
  /** The referee's own words, optional. */
  statement?: string;
}

export interface Nomination {
  id: string;
  programId: string;
  nomineeId: string;
  nomineeName: string;
  nomineeOrganizationId: string;
  nominatedBy: string;
  nominatedByName: string;
  reason?: string;
  referees: Reference[];
  /** `accepted` once the nominee became a participant. */
  status: 'open' | 'accepted';
  createdAt: string;
}

export interface Consent {
  textVersion: string;
  /** The participant's name as typed when signing. */
  signature: string;
  signedAt: string;
}

export interface Participant {
  programId: string;
  personId: string;
  name: string;
  organizationId: string;
  nominationId: string;
  acceptedAt: string;
  acceptedBy: string;
  consent?: Consent;
}

export interface CoachingPair {
  id: string;
  programId: string;
  /** The rotation round it belongs to; 0 for a fixed pair. */
  round: number;
  startDate?: string;
  endDate?: string;
  memberIds: [string, string];
  memberNames: [string, string];
  sessionsHeld: number;
  lastSessionDate?: string;
  createdAt: string;
}

export interface RotationRoundRecord {
  programId: string;
  round: number;
  startDate: string;
  endDate: string;
  bye?: string;
  createdAt: string;
}

export interface SelfAssessment {
  id: string;
  programId: string;
  personId: string;
  kind: SelfAssessmentKind;
  ratings: CompetencyRatings;
  submittedAt: string;
}

/** A survey answer as stored: without who gave it (a separate marker stops a second one). */
export interface SurveyResponse {
  programId: string;
  round: number;
  answers: Partial<Record<AgreementQuestionId, number>>;
  improve?: string;
}

export type NominationState = 'awaiting-reference' | 'referenced' | 'accepted';

/**
 * Where a nomination stands: it needs at least one confirmed reference before its nominee
 * can be accepted as a participant (seed 002: "a peer nomination and reference process").
 *
 * @example
 * nominationState({ status: 'open', referees: [{ personId: 'r', name: 'R' }] }) // 'awaiting-reference'
 */
export function nominationState(n: Pick<Nomination, 'status' | 'referees'>): NominationState {
  if (n.status === 'accepted') return 'accepted';
  return n.referees.some((r) => r.confirmedAt) ? 'referenced' : 'awaiting-reference';
}

/** Whether `personIds` have all signed the consent form (of any version). */
export function consentComplete(
  participants: readonly Pick<Participant, 'personId' | 'consent'>[],
  personIds: readonly string[],
): boolean {
  return personIds.every((id) => participants.find((p) => p.personId === id)?.consent);
}

/**
 * Whether a KPI is reached; `undefined` while it has no current value.
 *
 * @example kpiReached({ target: 80, direction: 'at-least', current: 85 }) // true
 */
export function kpiReached(
  kpi: Pick<Kpi, 'target' | 'direction' | 'current'>,
): boolean | undefined {
  if (kpi.current === undefined) return undefined;
  return kpi.direction === 'at-most' ? kpi.current <= kpi.target : kpi.current >= kpi.target;
}

/** The pairs meeting on `today`: the fixed ones and those of the round under way. */
export function currentPairs(pairs: readonly CoachingPair[], today: string): CoachingPair[] {
  return pairs.filter(
    (p) =>
      p.round === 0 ||
      (p.startDate !== undefined &&
        p.endDate !== undefined &&
        p.startDate <= today &&
        today <= p.endDate),
  );
}

export interface ProgramFigures {
  programId: string;
  participants: number;
  nominationsAwaitingReference: number;
  nominationsReferenced: number;
  /** Participants who signed the consent form. */
  consentSigned: number;
  /** Pairs ever formed (fixed and every rotation round). */
  pairs: number;
  rounds: number;
  /** The rotation round under way on the day asked, if any. */
  currentRound?: number;
  sessionsHeld: number;
  /** Pairs with at least one session. */
  pairsWithSessions: number;
  selfAssessment: {
    /** Participants with a baseline. */
    baseline: number;
    /** Participants with a baseline and at least one follow-up. */
    followUp: number;
    /** Mean change over the competencies, when enough people answered. */
    meanChange?: number;
  };
  survey?: { round: number; responses: number; participants: number; responseRate: number };
  kpis: { total: number; reached: number; withValue: number };
}

export interface ProgramRecords {
  program: Pick<CoachingProgram, 'id' | 'kpis' | 'surveyRound'>;
  participants: readonly Pick<Participant, 'personId' | 'consent'>[];
  nominations: readonly Pick<Nomination, 'status' | 'referees'>[];
  pairs: readonly CoachingPair[];
  rounds: readonly Pick<RotationRoundRecord, 'round' | 'startDate' | 'endDate'>[];
  assessments: readonly Pick<SelfAssessment, 'personId' | 'kind' | 'ratings' | 'submittedAt'>[];
  /** How many answered the open survey round. */
  surveyResponses: number;
  /** `YYYY-MM-DD` */
  today: string;
}

/**
 * A program's status figures for its coordinator: counts and averages, never what anyone
 * wrote or answered.
 *
 * @example
 * programFigures({ program, participants, nominations, pairs, rounds, assessments, surveyResponses: 3, today: '2025-05-01' }).sessionsHeld
 */
export function programFigures(r: ProgramRecords): ProgramFigures {
  const byPerson = new Map<string, ProgramRecords['assessments'][number][]>();
  for (const a of r.assessments) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  const people = [...byPerson.values()];
  const current = r.rounds.find((x) => x.startDate <= r.today && r.today <= x.endDate);
  const states = r.nominations.map(nominationState);
  const reached = r.program.kpis.map(kpiReached);
  const meanChange = overallMeanChange(aggregateCompetencyChange(people));
  return {
    programId: r.program.id,
    participants: r.participants.length,
    nominationsAwaitingReference: states.filter((s) => s === 'awaiting-reference').length,
    nominationsReferenced: states.filter((s) => s === 'referenced').length,
    consentSigned: r.participants.filter((p) => p.consent).length,
    pairs: r.pairs.length,
    rounds: r.rounds.length,
    ...(current ? { currentRound: current.round } : {}),
    sessionsHeld: r.pairs.reduce((s, p) => s + p.sessionsHeld, 0),
    pairsWithSessions: r.pairs.filter((p) => p.sessionsHeld > 0).length,
    selfAssessment: {
      baseline: people.filter((p) => p.some((a) => a.kind === 'baseline')).length,
      followUp: people.filter(
        (p) => p.some((a) => a.kind === 'baseline') && p.some((a) => a.kind === 'follow-up'),
      ).length,
      ...(meanChange === undefined ? {} : { meanChange }),
    },
    ...(r.program.surveyRound > 0
      ? {
          survey: {
            round: r.program.surveyRound,
            responses: r.surveyResponses,
            participants: r.participants.length,
            responseRate: r.participants.length
              ? Math.round((r.surveyResponses / r.participants.length) * 100) / 100
              : 0,
          },
        }
      : {}),
    kpis: {
      total: reached.length,
      reached: reached.filter((x) => x === true).length,
      withValue: reached.filter((x) => x !== undefined).length,
    },
  };
}
