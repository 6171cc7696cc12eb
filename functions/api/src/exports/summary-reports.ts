import { csvList, type SummaryReport, toolkitIn } from '@sisi/domain';
import { coded, optionWords } from './labels.ts';
import type { FormExport } from './types.ts';

type Row = SummaryReport & { organizationNames: string[] };

/**
 * The mentoring summary reports (001 Annex 4), one row per meeting. Follow-up actions are
 * "what — who — by when" in one cell, issues "raised — solutions proposed/taken — pending" in
 * another (their current status: the follow-up actions export); who reported is a code
 * (`mentor`, `mentee`, `both`) with its words in `reported_by_label`.
 */
export const summaryReportsExport: FormExport<Row> = {
  form: 'summary-reports',
  columns: (lng) => {
    const reporter = optionWords(toolkitIn('toolkit-monitoring', lng).summaryReportReporters);
    return [
      { id: 'report_id', value: (r) => r.id },
      { id: 'organizations', value: (r) => csvList(r.organizationNames) },
      { id: 'meeting_date', value: (r) => r.meetingDate },
      { id: 'participants', value: (r) => csvList(r.participants) },
      { id: 'agenda', value: (r) => r.agenda },
      { id: 'progress', value: (r) => r.progress },
      {
        id: 'milestones_reached',
        value: (r) => csvList(r.milestonesReached.map((m) => m.description)),
      },
      {
        id: 'follow_up_actions',
        value: (r) =>
          csvList(r.followUpActions.map((a) => `${a.what} — ${a.ownerName} — ${a.dueDate}`)),
      },
      {
        id: 'issues',
        value: (r) =>
          csvList(r.issues.map((i) => [i.raised, i.solutions ?? '', i.pending ?? ''].join(' — '))),
      },
      { id: 'next_meeting_date', value: (r) => r.nextMeetingDate },
      { id: 'next_meeting_agenda', value: (r) => r.nextMeetingAgenda },
      coded('reported_by', (r) => r.reportedBy, reporter),
      { id: 'date', value: (r) => r.date },
      { id: 'filed_by', value: (r) => r.createdByName },
      { id: 'filed_at', value: (r) => r.createdAt },
    ];
  },
  async rows({ store: repos }, m) {
    const reports = await repos.summaryReports.listAll(m.id);
    const orgs = await repos.organizations.getMany(reports.flatMap((r) => r.organizationIds));
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    return reports.map((r) => ({
      ...r,
      organizationNames: r.organizationIds.map((id) => names.get(id) ?? id),
    }));
  },
};
