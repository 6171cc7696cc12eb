import type { TestApi } from './api.ts';
import { mentorshipPath } from './mentorships.ts';
import { expectJson } from './problem.ts';

/** A follow-up action as the API answers it. */
export interface FollowUpAction {
  id: string;
  mentorshipId: string;
  summaryReportId: string;
  meetingDate: string;
  what: string;
  ownerId: string;
  ownerName: string;
  dueDate: string;
  status: 'open' | 'done' | 'dropped';
  version: number;
  overdue: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  updatedByName: string;
}

/** A summary report (001 Annex 4) as the API answers it. */
export interface SummaryReport {
  id: string;
  mentorshipId: string;
  organizationIds: string[];
  meetingDate: string;
  participants: string[];
  agenda?: string;
  progress?: string;
  milestonesReached: { id: string; description: string }[];
  followUpActions: {
    id: string;
    what: string;
    ownerId: string;
    ownerName: string;
    dueDate: string;
  }[];
  issues: { raised: string; solutions?: string; pending?: string }[];
  nextMeetingDate?: string;
  nextMeetingAgenda?: string;
  reportedBy: 'mentor' | 'mentee' | 'both';
  date: string;
  createdAt: string;
  createdBy: string;
  createdByName: string;
}

export const summaryReportsPath = (networkId: string, mentorshipId: string) =>
  `${mentorshipPath(networkId, mentorshipId)}/summary-reports`;

/** A whole Annex 4 sheet (meeting on 2025-02-03, reported the next day); `over` replaces fields. */
export function summaryBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationIds: [],
    meetingDate: '2025-02-03',
    participants: ['Ama Mensah', 'Rosa Mamani'],
    agenda: 'The advocacy budget; the peer educators’ schedule',
    progress: 'The budget draft is done; two peer educators trained',
    milestonesReached: [],
    followUpActions: [],
    issues: [
      {
        raised: 'No projector at the clinic',
        solutions: 'Borrow the network’s',
        pending: 'Who brings it',
      },
    ],
    nextMeetingDate: '2025-03-03',
    nextMeetingAgenda: 'The second budget draft',
    reportedBy: 'both',
    date: '2025-02-04',
    ...over,
  };
}

/** Files a summary report; fails loudly unless 201. */
export async function fileSummaryReport(
  api: TestApi,
  networkId: string,
  mentorshipId: string,
  token: string,
  body: Record<string, unknown>,
): Promise<SummaryReport> {
  return expectJson<SummaryReport>(
    await api.call('POST', summaryReportsPath(networkId, mentorshipId), { token, body }),
    201,
  );
}
