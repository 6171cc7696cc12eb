/**
 * Filling one organization's evaluation form: every field in the paper's order, saved as often
 * as needed with optimistic locking until it is signed.
 */
import type { Mentorship } from '@sisi/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CheckboxGroup,
  CheckboxGroupWithOther,
  type ChoiceOption,
  Group,
  RadioGroup,
  TextField,
  useFormContext,
} from '../../components/form/index.ts';
import { InfoNotice } from '../../components/page.tsx';
import { useVersionedDoc } from '../../components/versioned-doc.tsx';
import { VersionedDocPage } from '../../components/versioned-doc-page.tsx';
import { type ReflectionTranslate, tPaper, useReflectionT } from '../../i18n/en-reflection.ts';
import {
  activityLabel,
  areaLabel,
  type Draft,
  F,
  numbered,
  type QuestionId,
  resultLabel,
  rowLabel,
  toBody,
  toDraftOf,
} from './evaluation-model.ts';
import { evaluationQuery, isSigned, putEvaluation, reflectionKeys } from './reflection-queries.ts';
import { reviewKeys } from './review-queries.ts';

/** Catches what the API would refuse for a number typed as text. */
function numberSchema(tr: ReflectionTranslate) {
  const nan = (v: unknown) => typeof v === 'number' && Number.isNaN(v);
  return {
    safeParse(value: unknown) {
      const body = value as { hoursPerMonth?: unknown; costToDate?: { amount?: unknown } };
      const issues: { path: string[]; message: string }[] = [];
      if (nan(body.hoursPerMonth)) {
        issues.push({ path: ['hoursPerMonth'], message: tr('evaluation.fill.notANumber') });
      }
      if (nan(body.costToDate?.amount)) {
        issues.push({ path: ['costToDate', 'amount'], message: tr('evaluation.fill.notANumber') });
      }
      return issues.length ? { success: false, error: { issues } } : { success: true };
    },
  };
}

export function EvaluationEditor({
  networkId,
  mentorship: m,
  organizationId,
  nameOf,
}: {
  networkId: string;
  mentorship: Mentorship;
  organizationId: string;
  nameOf: (id: string) => string;
}) {
  const tr = useReflectionT();
  const queryClient = useQueryClient();
  const query = evaluationQuery(networkId, m.id, organizationId);
  const signed = isSigned(useQuery(query).data);
  const role = organizationId === m.mentorOrganizationId ? 'mentor' : 'mentee';
  const doc = useVersionedDoc({
    query,
    toDraft: toDraftOf(
      m,
      {
        mentor: nameOf(m.mentorOrganizationId),
        mentees: m.menteeOrganizationIds.map(nameOf).join(', '),
      },
      tr,
    ),
    toBody,
    schema: numberSchema(tr),
    put: async (body) => {
      const saved = await putEvaluation(networkId, m.id, organizationId, body);
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: reflectionKeys.evaluations(networkId, m.id),
          exact: true,
        }),
        queryClient.invalidateQueries({
          queryKey: reviewKeys.mentorshipReviews(networkId, m.id),
        }),
      ]);
      return saved;
    },
    canEdit: !signed,
  });
  return (
    <VersionedDocPage
      doc={doc}
      id="evaluation"
      conflictText={tr('evaluation.fill.conflict')}
      savedText={tr('evaluation.fill.saved')}
      saveLabel={tr('evaluation.fill.save')}
      savingLabel={tr('evaluation.fill.saving')}
      unsavedNote={false}
      notices={signed ? <InfoNotice>{tr('evaluation.fill.signedFinal')}</InfoNotice> : undefined}
    >
      <p>{tPaper('evaluation.instructions', F.instructions)}</p>
      <EvaluationFields role={role} />
    </VersionedDocPage>
  );
}

const yesNoOptions = (tr: ReflectionTranslate): ChoiceOption[] => [
  { value: 'yes', label: tr('evaluation.fill.yes') },
  { value: 'no', label: tr('evaluation.fill.no') },
];

/** Every field of the form, in the paper's order. */
function EvaluationFields({ role }: { role: 'mentor' | 'mentee' }) {
  const tr = useReflectionT();
  const _draft = useFormContext().value as Draft;
  const long = (id: QuestionId, path: keyof Draft) => (
    <TextField path={path} label={numbered(id)} rows={4} maxLength={4000} />
  );
  // a yes/no question with its free-text follow-up under it
  const yesNo = (
    id: QuestionId,
    path: keyof Draft,
    followUp: keyof Draft,
    followUpLabel: string,
  ) => (
    <>
      <RadioGroup path={path} legend={numbered(id)} options={yesNoOptions(tr)} />
      <TextField path={followUp} label={followUpLabel} rows={3} maxLength={4000} />
    </>
  );
  const signature = F.signatures.find((s) => s.side === role)!;
  return (
    <>
      <TextField path="mentors" label={numbered('mentors')} maxLength={1000} />
      <TextField path="mentees" label={numbered('mentees')} maxLength={1000} />
      <TextField path="matchedFor" label={numbered('matched-for')} maxLength={200} />
      <CheckboxGroupWithOther
        path="technicalAreas"
        otherPath="otherTechnicalArea"
        legend={numbered('technical-areas')}
        otherLabel={tr('evaluation.fill.otherArea')}
        options={F.technicalAreas.map((a) => ({ value: a.id, label: areaLabel(a.id) }))}
      />
      <CheckboxGroup
        path="activities"
        legend={numbered('activities')}
        options={F.activities.map((a) => ({ value: a.id, label: activityLabel(a.id) }))}
      />
      {long('intended-outcome', 'intendedOutcome')}
      {yesNo(
        'outcome-changed',
        'outcomeChanged',
        'outcomeChangedHow',
        tPaper('evaluation.outcome-changed.followUp', 'If yes, how?'),
      )}
      {yesNo(
        'outcome-achieved',
        'outcomeAchieved',
        'outcomeAchievedDetails',
        tr('evaluation.fill.details'),
      )}
      <TextField
        path="hoursPerMonth"
        type="number"
        min={0}
        max={744}
        step={0.25}
        label={numbered('hours-per-month')}
        hint={tr('evaluation.fill.hoursHint')}
      />
      <Group legend={numbered('cost-to-date')} path="costToDate">
        <div className="evaluation-cost">
          <TextField
            path="costToDate.amount"
            type="number"
            min={0}
            step={0.01}
            label={tr('evaluation.fill.costAmount')}
          />
          <TextField
            path="costToDate.currency"
            label={tr('evaluation.fill.costCurrency')}
            hint={tr('evaluation.fill.costCurrencyHint')}
            maxLength={3}
          />
        </div>
      </Group>
      {long('doing-differently', 'doingDifferently')}
      {long('other-comments', 'otherComments')}
      <Group
        legend={numbered('results')}
        path="results"
        hint={`${tPaper('evaluation.results.heading', F.results.heading)} ${tr('evaluation.fill.resultsHint')}`}
      >
        {F.results.rows.map((row) => (
          <RadioGroup
            key={row.id}
            path={`results.${row.id}`}
            legend={rowLabel(row)}
            options={F.results.columns.map((c) => ({ value: c.id, label: resultLabel(c.id) }))}
          />
        ))}
        <TextField
          path="otherAchievements"
          label={tr('evaluation.fill.otherAchievements')}
          maxLength={500}
        />
      </Group>
      {long('mentee-benefits', 'menteeBenefits')}
      {long('mentor-gains', 'mentorGains')}
      {long('attitude-changes', 'attitudeChanges')}
      {long('easy', 'easy')}
      {long('hard', 'hard')}
      <Group
        legend={tPaper(`evaluation.signature.${role}`, signature.text)}
        path="signature"
        hint={tr('evaluation.fill.signHint')}
      >
        <TextField
          path="signature.name"
          label={tr('evaluation.fill.signatureName')}
          maxLength={120}
        />
        <TextField
          path="signature.date"
          type="date"
          label={tPaper('evaluation.signatureDate', F.signatureDate)}
        />
      </Group>
    </>
  );
}
