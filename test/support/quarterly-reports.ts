import type { TestApi } from './api.ts';
import { expectJson } from './problem.ts';

/** A quarterly report as the API answers it. */
export interface QuarterlyReport {
  mentorshipId: string;
  period: number;
  dueDate: string;
  mentorOrganizationId: string;
  menteeOrganizationIds: string[];
  date: string;
  mentorNames: string[];
  phoneNumber?: string;
  menteeNames: string[];
  technicalAreas: string[];
  otherTechnicalArea?: string;
  objectives: { planObjectiveId?: string; objective: string; progress?: string }[];
  trends?: string;
  relationship?: string;
  interactionFrequency?: string;
  interactions: { date: string; hours: number; activity: string }[];
  totalHours: number;
  outputsOutcomes?: string;
  successes?: string;
  challenges?: string;
  additionalComments?: string;
  signature?: { name: string; date: string };
  submittedAt: string;
  submittedBy: string;
  submittedByName: string;
}

/** Every Annex 5 field filled in, for `period`, dated `date`. */
export function reportBody(period: number, date = '2030-01-01'): Record<string, unknown> {
  return {
    period,
    date,
    mentorNames: ['Ama Mensah', 'Kofi Boateng'],
    phoneNumber: '+254 700 000 000',
    menteeNames: ['Wanjiru Kamau'],
    technicalAreas: ['advocacy', 'peer-navigation', 'other'],
    otherTechnicalArea: 'Digital security',
    objectives: [
      { objective: 'A costed advocacy plan', progress: 'The draft was reviewed with the board' },
      { planObjectiveId: 'obj-2', objective: 'A peer navigation SOP' },
    ],
    trends: 'More referrals since the outreach started',
    relationship: 'Open and regular; we trust each other',
    interactionFrequency: 'Weekly calls, one visit',
    interactions: [
      { date: '2025-01-02', hours: 1.5, activity: 'Call on the advocacy plan' },
      { date: '2025-01-09', hours: 0.75, activity: 'Review of the SOP draft' },
      { date: '2025-01-20', hours: 6, activity: 'Site visit' },
    ],
    outputsOutcomes: 'An SOP drafted; two staff trained',
    successes: 'The county health office met us',
    challenges: 'Staff turnover at the mentee',
    additionalComments: 'None',
    signature: { name: 'Ama Mensah', date },
  };
}

export const reportsPath = (networkId: string, mentorshipId: string) =>
  `/networks/${networkId}/mentorships/${mentorshipId}/quarterly-reports`;

/** Submits a report as `token`; fails loudly unless 201. */
export async function submitReport(
  api: TestApi,
  networkId: string,
  mentorshipId: string,
  token: string,
  body: Record<string, unknown>,
): Promise<QuarterlyReport> {
  return expectJson<QuarterlyReport>(
    await api.call('POST', reportsPath(networkId, mentorshipId), { token, body }),
    201,
  );
}
