/**
 * What the donor view counts: groups of cells per network and per quarter, each with a
 * total and breakdowns ("tables"). The rollup's counters are named from here, and the
 * summary reads them back by the same names, so a group added here (and a contribution
 * module filling it) appears in the API and the dashboard without further wiring.
 */
import { keyPopulations, technicalAreas } from '../lists.ts';
import { approachIds } from '../mentorship/matrix.ts';
import { stages } from '../mentorship/stages.ts';
import { evaluationResultAnswers } from '../monitoring/evaluation-form.ts';
import { followUpStatuses } from '../monitoring/follow-up.ts';
import { reflectionForm } from '../monitoring/reflection-form.ts';

/**
 * `count`: the total counts things (organizations, mentorships…). `sum`: the total is an
 * amount (hours) over `support` things (reports). `mean`: the total is the mean of scores
 * over `support` answers. Suppression always looks at the number of things (`support`).
 */
export type Measure = 'count' | 'sum' | 'mean';

export interface DonorTable {
  id: string;
  values: readonly string[];
  /**
   * Each thing counted in the group falls in exactly one value, so the values add up to
   * the group's total (stage, type). Otherwise a thing may have several values or none
   * (the approaches of a plan) and the values have no sum.
   */
  additive: boolean;
}

export interface DonorGroup {
  id: string;
  measure: Measure;
  tables: readonly DonorTable[];
}

export const complianceStatuses = ['on-time', 'late', 'missing'] as const;
export type ComplianceStatus = (typeof complianceStatuses)[number];
export const eventKinds = ['gathering', 'summary-report'] as const;
export const coachingSessionKinds = ['group', 'sisi-kwa-sisi', 'pair'] as const;
/** The rows of the evaluation's results table (Annex 7, 13) every signed form answers. */
export const evaluationRowsCounted = [
  'support',
  'empowerment',
  'services',
  'constructive-use-of-time',
] as const;
/** The group of a reflection section's scores, e.g. `reflection-synergy`. */
export const reflectionGroup = (section: string) => `reflection-${section}`;

/** The groups in the order the dashboard shows them. */
export const donorGroups: DonorGroup[] = [
  {
    id: 'organizations',
    measure: 'count',
    tables: [
      { id: 'kpLed', values: ['yes', 'no'], additive: true },
      { id: 'keyPopulation', values: keyPopulations, additive: false },
    ],
  },
  {
    id: 'mentorships',
    measure: 'count',
    tables: [
      { id: 'stage', values: stages, additive: true },
      { id: 'type', values: ['one-to-one', 'one-to-many'], additive: true },
      { id: 'approach', values: approachIds, additive: false },
      { id: 'technicalArea', values: technicalAreas, additive: false },
    ],
  },
  {
    id: 'quarterlyReports',
    measure: 'count',
    tables: [{ id: 'status', values: complianceStatuses, additive: true }],
  },
  { id: 'interactionHours', measure: 'sum', tables: [] },
  {
    id: 'events',
    measure: 'count',
    tables: [{ id: 'kind', values: eventKinds, additive: true }],
  },
  {
    id: 'followUpActions',
    measure: 'count',
    tables: [{ id: 'status', values: followUpStatuses, additive: true }],
  },
  // Annex 6: the mean strength (1-5) of each section, over the questionnaires that scored it
  ...reflectionForm.sections.map(
    (s): DonorGroup => ({ id: reflectionGroup(s.id), measure: 'mean', tables: [] }),
  ),
  {
    id: 'evaluations',
    measure: 'count',
    tables: evaluationRowsCounted.map((row) => ({
      id: row,
      values: evaluationResultAnswers.map((a) => a.id),
      additive: true,
    })),
  },
  { id: 'coachingGroups', measure: 'count', tables: [] },
  {
    id: 'coachingSessions',
    measure: 'count',
    tables: [{ id: 'kind', values: coachingSessionKinds, additive: true }],
  },
  { id: 'sisiKwaSisiCoachings', measure: 'count', tables: [] },
  { id: 'coachingPrograms', measure: 'count', tables: [] },
  { id: 'coachingPairs', measure: 'count', tables: [] },
];

/**
 * Adds groups to the catalog (a contribution module for a new kind of item calls it at
 * load time). A group already there is left as it is.
 */
export function registerDonorGroups(...groups: DonorGroup[]): void {
  for (const g of groups) if (!donorGroups.some((d) => d.id === g.id)) donorGroups.push(g);
}

/**
 * Names of the rollup's counters. A counter is a number kept per network and quarter;
 * a contribution module says by how much one item adds to which counters.
 *
 * @example counterName.cell('mentorships', 'stage', 'monitor') // 'mentorships.stage:monitor'
 */
export const counterName = {
  /** The group's total: a count, a sum of hours, or a sum of scores. */
  total: (group: string) => group,
  /** How many things a `sum` or `mean` group's total is made of. */
  support: (group: string) => `${group}#n`,
  cell: (group: string, table: string, value: string) => `${group}.${table}:${value}`,
  /** Quarterly reviews due on `date` (compliance: "missing" is decided when read). */
  due: (date: string) => `quarterlyReports.due@${date}`,
  /** Quarterly reports submitted for reviews due on `date`. */
  submitted: (date: string) => `quarterlyReports.submitted@${date}`,
};
