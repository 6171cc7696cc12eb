import { exportsT, type FollowUpAction, isOverdue } from '@sisi/domain';
import { coded } from './labels.ts';
import type { FormExport } from './types.ts';

type Row = FollowUpAction & { overdue: boolean };

/**
 * The follow-up actions of the summary reports (001 Annex 4, "FOLLOW-UP ACTIONS"), one row
 * each by due date: what, who, by when, and where it stands today (`status`: `open`,
 * `done`, `dropped`; `overdue`: `yes`/`no`; each with its words in the reader's language).
 */
export const followUpActionsExport: FormExport<Row> = {
  form: 'follow-up-actions',
  columns: (lng) => {
    const t = exportsT(lng);
    return [
      { id: 'what', value: (a) => a.what },
      { id: 'who', value: (a) => a.ownerName },
      { id: 'due_date', value: (a) => a.dueDate },
      coded(
        'status',
        (a) => a.status,
        (s) => t(`followUpStatus.${s}`),
      ),
      coded(
        'overdue',
        (a) => (a.overdue ? 'yes' : 'no'),
        (v) => t(`yesNo.${v}`),
      ),
      { id: 'meeting_date', value: (a) => a.meetingDate },
      { id: 'summary_report_id', value: (a) => a.summaryReportId },
      { id: 'updated_at', value: (a) => a.updatedAt },
      { id: 'updated_by', value: (a) => a.updatedByName },
    ];
  },
  async rows({ store, today }, m) {
    return (await store.summaryReports.listAllActions(m.id)).map((a) => ({
      ...a,
      overdue: isOverdue(a, today),
    }));
  },
};
