import {
  csvList,
  type SummaryReport,
  summaryReportForm,
  summaryReportReporters,
} from '@sisi/domain';
import type { FormExport } from './types.ts';

type Row = SummaryReport & { organizationNames: string[] };

const F = summaryReportForm;
const box = (id: (typeof F.fields)[number]['id']) => F.fields.find((f) => f.id === id)!.text;
const reporter = new Map<string, string>(summaryReportReporters.map((r) => [r.id, r.label]));

/**
 * The mentoring summary reports (001 Annex 4), one row per meeting, headed with the sheet's
 * boxes. Follow-up actions are "what — who — by when" in one cell, issues "raised — solutions
 * proposed/taken — pending" in another (their current status: the follow-up actions export).
 */
export const summaryReportsExport: FormExport<Row> = {
  form: 'summary-reports',
  columns: [
    { header: 'Report', value: (r) => r.id },
    { header: box('organization'), value: (r) => csvList(r.organizationNames) },
    { header: box('meeting-date'), value: (r) => r.meetingDate },
    { header: box('meeting-participants'), value: (r) => csvList(r.participants) },
    { header: box('agenda'), value: (r) => r.agenda },
    { header: box('progress'), value: (r) => r.progress },
    {
      header: F.milestonesReached.text,
      value: (r) => csvList(r.milestonesReached.map((m) => m.description)),
    },
    {
      header: box('follow-up-actions'),
      value: (r) =>
        csvList(r.followUpActions.map((a) => `${a.what} — ${a.ownerName} — ${a.dueDate}`)),
    },
    {
      header: `${box('issues')}: ${F.issueColumns.map((c) => c.text).join(' — ')}`,
      value: (r) =>
        csvList(r.issues.map((i) => [i.raised, i.solutions ?? '', i.pending ?? ''].join(' — '))),
    },
    { header: box('next-meeting-date'), value: (r) => r.nextMeetingDate },
    { header: box('next-meeting-agenda'), value: (r) => r.nextMeetingAgenda },
    { header: box('reported-by'), value: (r) => reporter.get(r.reportedBy) ?? r.reportedBy },
    { header: box('date'), value: (r) => r.date },
    { header: 'Filed by', value: (r) => r.createdByName },
    { header: 'Filed at', value: (r) => r.createdAt },
  ],
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
