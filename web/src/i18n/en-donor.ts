/**
 * The English strings of the donor dashboard, registered into the SPA's i18next instance
 * when the page loads, so the first page does not carry them. One root key, `donorView`.
 */
import type { TOptions } from 'i18next';
import { addCatalog, i18n, type MessageKey } from './index.ts';
import type { Leaves } from './keys.ts';

export const enDonor = {
  donorView: {
    title: 'Donor summary',
    intro:
      'What the networks do, counted per quarter. No person is ever named, and a number small enough to point at someone is withheld.',
    through: 'Counted through {{quarter}} (only quarters that have ended).',
    nothingYet: 'Nothing to show yet: the first quarter with activity has not ended.',
    threshold:
      'Cells counting fewer than {{threshold}} organizations, mentorships, reports or events are withheld, and so are other cells that would give them away.',
    withheld: 'withheld',
    withheldLong: 'withheld (too few to show)',
    total: 'Total',
    allNetworks: 'All networks',
    trendsHeading: 'Trends per quarter',
    trendsFor: 'Show trends for',
    chartCaption: 'per quarter; the same numbers are in the table below.',
    chartGap: 'A gap in a line is a withheld quarter.',
    quartersTable: 'Per quarter: {{network}}',
    quarter: 'Quarter',
    breakdownHeading: 'Per network',
    namedOrganizations: 'Organizations that agreed to be named',
    noneNamed: 'None',
    exportCsv: 'Download CSV',
    print: 'Print',
    network: 'Network',
    group: 'Group',
    breakdown: 'Breakdown',
    value: 'Value',
    count: 'Reports behind the hours',
    countAnswers: 'Questionnaires behind the mean',
    groups: {
      organizations: 'Organizations',
      mentorships: 'Mentorships',
      quarterlyReports: 'Quarterly reports',
      interactionHours: 'Interaction hours',
      events: 'Events logged',
      followUpActions: 'Follow-up actions',
      'reflection-synergy': 'Reflection: synergy (mean, 1–5)',
      'reflection-trust-respect': 'Reflection: trust and respect (mean, 1–5)',
      'reflection-efficiency': 'Reflection: efficiency (mean, 1–5)',
      'reflection-communication-coordination':
        'Reflection: communication and coordination (mean, 1–5)',
      'reflection-mutual-contribution': 'Reflection: mutual contribution (mean, 1–5)',
      'reflection-decision-making': 'Reflection: decision making (mean, 1–5)',
      'reflection-learning': 'Reflection: learning (mean, 1–5)',
      'reflection-drawbacks': 'Reflection: drawbacks of participation (mean, 1–5)',
      'reflection-benefits-drawbacks': 'Reflection: benefits and drawbacks (mean, 1–5)',
      'reflection-satisfaction': 'Reflection: satisfaction (mean, 1–5)',
      evaluations: 'Evaluations signed',
      coachingGroups: 'Coaching groups',
      coachingSessions: 'Coaching sessions',
      sisiKwaSisiCoachings: 'Sisi Kwa Sisi coachings',
      coachingPrograms: 'Coaching programs',
      coachingPairs: 'Coaching pairs',
    },
    tables: {
      kpLed: 'Key-population-led',
      keyPopulation: 'Key population served',
      stage: 'Stage',
      type: 'Type',
      approach: 'Approach',
      technicalArea: 'Technical area',
      status: 'Compliance',
      kind: 'Kind',
      support: 'Support',
      empowerment: 'Empowerment',
      services: 'Services',
      'constructive-use-of-time': 'Constructive use of time',
    },
    values: {
      yes: 'Yes',
      no: 'No',
      'on-time': 'On time',
      late: 'Late',
      missing: 'Missing',
      gathering: 'Gathering',
      'summary-report': 'Summary report',
      'one-to-one': 'One-to-one',
      'one-to-many': 'One-to-many',
      'build-relationship': 'Build the relationship',
      'identify-expectations': 'Identify expectations and approaches',
      'manage-process': 'Manage the process',
      monitor: 'Monitor the relationship',
      end: 'End the relationship',
      true: 'True',
      false: 'False',
      'did-not-need-changing': 'Did not need changing',
      'dont-know': 'Don’t know',
      open: 'Open',
      done: 'Done',
      dropped: 'Dropped',
      group: 'Group session',
      'sisi-kwa-sisi': 'Sisi Kwa Sisi session',
      pair: 'Pair session',
    },
  },
} as const;

export type DonorMessageKey = Leaves<typeof enDonor>;
export type DonorTranslate = (key: DonorMessageKey | MessageKey, options?: TOptions) => string;

// Registered once, when the first screen that imports this module loads.
const tr = addCatalog<DonorTranslate>(enDonor, 'donorView.title');

/** The translate function of the donor dashboard. */
export function useDonorT(): DonorTranslate {
  return tr;
}

/**
 * A label from this catalog when it has one, else `fallback` (the id made readable): the
 * groups and breakdowns come from the API, and a new one must still show.
 */
export function donorLabel(key: string, fallback: string): string {
  return i18n.t(key, { defaultValue: fallback }) as string;
}
