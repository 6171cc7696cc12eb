import {
  type CsvColumn,
  csvList,
  type EvaluationRecord,
  evaluationForm,
  evaluationStatus,
} from '@sisi/domain';
import { canReadEvaluation } from '../services/evaluation-access.ts';
import { involvedOrganizations } from '../services/mentorship-access.ts';
import type { FormExport } from './types.ts';

/** An organization's evaluation with its organization's name. */
export type EvaluationRow = EvaluationRecord & { organizationName: string };

const F = evaluationForm;
type QuestionId = (typeof F.questions)[number]['id'];
const q = (id: QuestionId) => F.questions.find((x) => x.id === id)!;
const head = (id: QuestionId) => `${q(id).n}. ${q(id).text}`;
const labels = (list: readonly { id: string; label: string }[]) =>
  new Map<string, string>(list.map((o) => [o.id, o.label]));
const areaLabel = labels(F.technicalAreas);
const activityLabel = labels(F.activities);
const resultLabel = labels(F.results.columns);
const yesNo = (v: string | undefined) => (v === 'yes' ? 'Yes' : v === 'no' ? 'No' : undefined);

/** Questions answered in free text, one column each. */
const text = (id: QuestionId, value: (c: EvaluationRecord['content']) => string | undefined) => ({
  header: head(id),
  value: (r: EvaluationRow) => value(r.content),
});

const resultColumns: CsvColumn<EvaluationRow>[] = F.results.rows.map((row) => ({
  header: `13. ${row.title}${row.text ? `: ${row.text}` : ''}`,
  value: (r) => {
    const answer = r.content.results[row.id];
    return answer ? resultLabel.get(answer) : undefined;
  },
}));

/**
 * The mentorship evaluation forms (001 Annex 7), one row per organization (the mentor
 * first), headed with the form's numbered questions. As on the page: a signed form for
 * everyone who sees the mentorship, a draft only for who may still edit it.
 */
export const evaluationsExport: FormExport<EvaluationRow> = {
  form: 'evaluations',
  columns: [
    { header: 'Organization', value: (r) => r.organizationName },
    { header: 'Side', value: (r) => r.role },
    { header: 'Status', value: (r) => evaluationStatus(r) },
    text('mentors', (c) => c.mentors),
    text('mentees', (c) => c.mentees),
    text('matched-for', (c) => c.matchedFor),
    text('technical-areas', (c) =>
      csvList(
        c.technicalAreas.map((a) =>
          a === 'other' && c.otherTechnicalArea
            ? `Other: ${c.otherTechnicalArea}`
            : (areaLabel.get(a) ?? a),
        ),
      ),
    ),
    text('activities', (c) => csvList(c.activities.map((a) => activityLabel.get(a) ?? a))),
    text('intended-outcome', (c) => c.intendedOutcome),
    text('outcome-changed', (c) => yesNo(c.outcomeChanged)),
    { header: '7. If yes, how?', value: (r) => r.content.outcomeChangedHow },
    text('outcome-achieved', (c) => yesNo(c.outcomeAchieved)),
    { header: '8. Details', value: (r) => r.content.outcomeAchievedDetails },
    { header: head('hours-per-month'), value: (r) => r.content.hoursPerMonth },
    { header: `${head('cost-to-date')} (amount)`, value: (r) => r.content.costToDate?.amount },
    {
      header: `${head('cost-to-date')} (currency)`,
      value: (r) => r.content.costToDate?.currency,
    },
    text('doing-differently', (c) => c.doingDifferently),
    text('other-comments', (c) => c.otherComments),
    ...resultColumns,
    { header: '13. Other Achievements (what)', value: (r) => r.content.otherAchievements },
    text('mentee-benefits', (c) => c.menteeBenefits),
    text('mentor-gains', (c) => c.mentorGains),
    text('attitude-changes', (c) => c.attitudeChanges),
    text('easy', (c) => c.easy),
    text('hard', (c) => c.hard),
    { header: 'Signature', value: (r) => r.content.signature?.name },
    { header: F.signatureDate, value: (r) => r.content.signature?.date },
    { header: 'Signed at', value: (r) => r.signedAt },
    { header: 'Updated at', value: (r) => r.updatedAt },
  ],
  async rows({ store: repos, tenant }, m) {
    const order = involvedOrganizations(m);
    const [records, orgs] = await Promise.all([
      repos.evaluations.list(m.id),
      repos.organizations.getMany(order),
    ]);
    const names = new Map(orgs.map((o) => [o.id, o.name]));
    return records
      .filter((r) => order.includes(r.organizationId) && canReadEvaluation(tenant, r))
      .sort((a, b) => order.indexOf(a.organizationId) - order.indexOf(b.organizationId))
      .map((r) => ({ ...r, organizationName: names.get(r.organizationId) ?? '' }));
  },
};
