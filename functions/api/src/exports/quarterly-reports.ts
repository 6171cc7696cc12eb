import { csvList, type QuarterlyReport, toolkitIn } from '@sisi/domain';
import { codedList, optionWords } from './labels.ts';
import type { FormExport } from './types.ts';

/**
 * The mentor's quarterly reports (001 Annex 5), one row per period. List answers (names,
 * areas, objectives, the interaction log) are one cell each, `; `-separated; the technical
 * areas are codes with their words in `technical_areas_label`, "other" spelled out in
 * `other_technical_area`.
 */
export const quarterlyReportsExport: FormExport<QuarterlyReport> = {
  form: 'quarterly-reports',
  columns: (lng) => {
    const area = optionWords(toolkitIn('toolkit-monitoring', lng).quarterlyReportTechnicalAreas);
    return [
      { id: 'period', value: (r) => r.period },
      { id: 'due_date', value: (r) => r.dueDate },
      { id: 'date', value: (r) => r.date },
      { id: 'mentor_names', value: (r) => csvList(r.mentorNames) },
      { id: 'phone_number', value: (r) => r.phoneNumber },
      { id: 'mentee_names', value: (r) => csvList(r.menteeNames) },
      codedList('technical_areas', (r) => r.technicalAreas, area),
      { id: 'other_technical_area', value: (r) => r.otherTechnicalArea },
      { id: 'learning_objectives', value: (r) => csvList(r.objectives.map((o) => o.objective)) },
      {
        id: 'progress',
        value: (r) => csvList(r.objectives.map((o) => `${o.objective}: ${o.progress ?? ''}`)),
      },
      { id: 'trends', value: (r) => r.trends },
      { id: 'relationship', value: (r) => r.relationship },
      { id: 'interaction_frequency', value: (r) => r.interactionFrequency },
      {
        id: 'interactions',
        value: (r) => csvList(r.interactions.map((i) => `${i.date} ${i.hours} h ${i.activity}`)),
      },
      { id: 'total_hours', value: (r) => r.totalHours },
      { id: 'outputs_outcomes', value: (r) => r.outputsOutcomes },
      { id: 'successes', value: (r) => r.successes },
      { id: 'challenges', value: (r) => r.challenges },
      { id: 'additional_comments', value: (r) => r.additionalComments },
      { id: 'signature', value: (r) => r.signature?.name },
      { id: 'signature_date', value: (r) => r.signature?.date },
      { id: 'submitted_at', value: (r) => r.submittedAt },
      { id: 'submitted_by', value: (r) => r.submittedByName },
    ];
  },
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
