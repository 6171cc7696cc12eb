import { type FollowUpAction, isOverdue } from '@sisi/domain';
import type { FormExport } from './types.ts';

type Row = FollowUpAction & { overdue: boolean };

/**
 * The follow-up actions of the summary reports (001 Annex 4, "FOLLOW-UP ACTIONS"), one row
 * each by due date: what, who, by when, and where it stands today.
 */
export const followUpActionsExport: FormExport<Row> = {
  form: 'follow-up-actions',
  columns: [
    { header: 'What', value: (a) => a.what },
    { header: 'Who', value: (a) => a.ownerName },
    { header: 'By when', value: (a) => a.dueDate },
    { header: 'Status', value: (a) => a.status },
    { header: 'Overdue', value: (a) => a.overdue },
    { header: 'Meeting date', value: (a) => a.meetingDate },
    { header: 'Summary report', value: (a) => a.summaryReportId },
    { header: 'Updated at', value: (a) => a.updatedAt },
    { header: 'Updated by', value: (a) => a.updatedByName },
  ],
  async rows({ store, today }, m) {
    return (await store.summaryReports.listAllActions(m.id)).map((a) => ({
      ...a,
      overdue: isOverdue(a, today),
    }));
  },
};
