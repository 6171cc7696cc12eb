import {
  type CsvColumn,
  type EvaluationRecord,
  evaluationForm,
  evaluationStatus,
  exportsT,
  toolkitIn,
} from '@sisi/domain';
import { canReadEvaluation } from '../services/evaluation-access.ts';
import { involvedOrganizations } from '../services/mentorship-access.ts';
import { coded, codedList, optionWords } from './labels.ts';
import type { FormExport } from './types.ts';

/** An organization's evaluation with its organization's name. */
export type EvaluationRow = EvaluationRecord & { organizationName: string };

const snake = (id: string) => id.replaceAll('-', '_');

/**
 * The mentorship evaluation forms (001 Annex 7), one row per organization (the mentor
 * first), one column per question. Chosen answers (side, status, technical areas,
 * activities, yes/no, the results table) are codes, each with its words in the reader's
 * language; written answers are as written. As on the page: a signed form for everyone who
 * sees the mentorship, a draft only for who may still edit it.
 */
export const evaluationsExport: FormExport<EvaluationRow> = {
  form: 'evaluations',
  columns: (lng) => {
    const F = toolkitIn('toolkit-monitoring', lng).evaluationForm;
    const t = exportsT(lng);
    const yesNo = (v: string) => t(`yesNo.${v}`);
    const result = optionWords(F.results.columns);
    const text = (id: string, value: (c: EvaluationRecord['content']) => string | undefined) => ({
      id,
      value: (r: EvaluationRow) => value(r.content),
    });
    const results: CsvColumn<EvaluationRow>[] = evaluationForm.results.rows.map((row) =>
      coded(`result_${snake(row.id)}`, (r) => r.content.results[row.id], result),
    );
    return [
      { id: 'organization', value: (r) => r.organizationName },
      coded(
        'side',
        (r) => r.role,
        (s) => t(`side.${s}`),
      ),
      coded('status', evaluationStatus, (s) => t(`evaluationStatus.${s}`)),
      text('mentors', (c) => c.mentors),
      text('mentees', (c) => c.mentees),
      text('matched_for', (c) => c.matchedFor),
      codedList('technical_areas', (r) => r.content.technicalAreas, optionWords(F.technicalAreas)),
      text('other_technical_area', (c) => c.otherTechnicalArea),
      codedList('activities', (r) => r.content.activities, optionWords(F.activities)),
      text('intended_outcome', (c) => c.intendedOutcome),
      coded('outcome_changed', (r) => r.content.outcomeChanged, yesNo),
      text('outcome_changed_how', (c) => c.outcomeChangedHow),
      coded('outcome_achieved', (r) => r.content.outcomeAchieved, yesNo),
      text('outcome_achieved_details', (c) => c.outcomeAchievedDetails),
      { id: 'hours_per_month', value: (r) => r.content.hoursPerMonth },
      { id: 'cost_to_date_amount', value: (r) => r.content.costToDate?.amount },
      { id: 'cost_to_date_currency', value: (r) => r.content.costToDate?.currency },
      text('doing_differently', (c) => c.doingDifferently),
      text('other_comments', (c) => c.otherComments),
      ...results,
      text('other_achievements', (c) => c.otherAchievements),
      text('mentee_benefits', (c) => c.menteeBenefits),
      text('mentor_gains', (c) => c.mentorGains),
      text('attitude_changes', (c) => c.attitudeChanges),
      text('easy', (c) => c.easy),
      text('hard', (c) => c.hard),
      { id: 'signature', value: (r) => r.content.signature?.name },
      { id: 'signature_date', value: (r) => r.content.signature?.date },
      { id: 'signed_at', value: (r) => r.signedAt },
      { id: 'updated_at', value: (r) => r.updatedAt },
    ];
  },
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
