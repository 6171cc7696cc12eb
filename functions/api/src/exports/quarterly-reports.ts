import {
  csvList,
  type QuarterlyReport,
  quarterlyReportForm,
  quarterlyReportTechnicalAreas,
} from '@sisi/domain';
import type { FormExport } from './types.ts';

const F = quarterlyReportForm;
const text = <Q extends { id: string; text: string }>(list: readonly Q[], id: Q['id']) =>
  list.find((q) => q.id === id)!.text.replace(/\s*:\s*$/, '');
const question = (id: (typeof F.questions)[number]['id']) => text(F.questions, id);
const header = (id: (typeof F.header)[number]['id']) => text(F.header, id);
const areaLabel = new Map<string, string>(
  quarterlyReportTechnicalAreas.map((a) => [a.id, a.label]),
);

/**
 * The mentor's quarterly reports (001 Annex 5), one row per period, headed with the form's
 * own words. List answers (names, areas, the interaction log) are one cell each.
 */
export const quarterlyReportsExport: FormExport<QuarterlyReport> = {
  form: 'quarterly-reports',
  columns: [
    { header: 'Period', value: (r) => r.period },
    { header: 'Due date', value: (r) => r.dueDate },
    { header: header('date'), value: (r) => r.date },
    { header: header('mentor-names'), value: (r) => csvList(r.mentorNames) },
    { header: header('phone-number'), value: (r) => r.phoneNumber },
    { header: header('mentee-names'), value: (r) => csvList(r.menteeNames) },
    {
      header: question('technical-areas'),
      value: (r) =>
        csvList(
          r.technicalAreas.map((a) =>
            a === 'other' && r.otherTechnicalArea
              ? `Other: ${r.otherTechnicalArea}`
              : (areaLabel.get(a) ?? a),
          ),
        ),
    },
    {
      header: question('learning-objectives'),
      value: (r) => csvList(r.objectives.map((o) => o.objective)),
    },
    {
      header: question('progress'),
      value: (r) => csvList(r.objectives.map((o) => `${o.objective}: ${o.progress ?? ''}`)),
    },
    { header: question('trends'), value: (r) => r.trends },
    { header: question('relationship'), value: (r) => r.relationship },
    { header: question('interaction-frequency'), value: (r) => r.interactionFrequency },
    {
      header: `${F.interactionLog.columns.map((c) => c.text).join(' / ')}`,
      value: (r) => csvList(r.interactions.map((i) => `${i.date} ${i.hours} h ${i.activity}`)),
    },
    { header: F.interactionLog.total.text.replace(/:$/, ''), value: (r) => r.totalHours },
    { header: question('outputs-outcomes'), value: (r) => r.outputsOutcomes },
    { header: question('successes'), value: (r) => r.successes },
    { header: question('challenges'), value: (r) => r.challenges },
    { header: question('additional-comments'), value: (r) => r.additionalComments },
    { header: "Mentor's Signature", value: (r) => r.signature?.name },
    { header: 'Signature date', value: (r) => r.signature?.date },
    { header: 'Submitted at', value: (r) => r.submittedAt },
    { header: 'Submitted by', value: (r) => r.submittedByName },
  ],
  async rows({ store: { reviews } }, m) {
    const rows: QuarterlyReport[] = [];
    let cursor: string | undefined;
    do {
      const page = await reviews.listReports(m.id, 100, cursor);
      rows.push(...page.items);
      cursor = page.cursor;
    } while (cursor);
    return rows;
  },
};
