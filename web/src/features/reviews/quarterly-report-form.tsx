/**
 * The quarterly report's form: header, questions, interaction log with its total and
 * signature, sent once and checked by the domain's schema first.
 */
import {
  type Mentorship,
  type QuarterlyReportInput,
  quarterlyReportSchema,
  quarterlyReportTechnicalAreas,
  totalHours,
} from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { navigate } from 'wouter/use-browser-location';
import { ApiProblem, idempotencyKey } from '../../api/client.ts';
import {
  CheckboxGroupWithOther,
  Form,
  fieldErrorsOf,
  Group,
  newKey,
  problemMessage,
  refusal,
  schemaProblems,
  sendWith,
  TextAreas,
  TextField,
  useForm,
  useFormContext,
} from '../../components/form/index.ts';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { tReportText, useReviewT } from '../../i18n/en-reviews.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import type { FlashState } from '../organizations/organization.tsx';
import {
  column,
  FORM,
  header,
  hoursOf,
  type InteractionRow,
  interactionRow,
  type NameRow,
  nameRow,
  type ObjectiveRow,
  question,
  type ReportDraft,
  signature,
  toBody,
} from './quarterly-report-draft.ts';
import { postQuarterlyReport, reviewKeys } from './review-queries.ts';
import '../../components/doc-form.css';

/** The report of one period, filled from `initial`; on success, back to the mentorship. */
export function ReportForm({
  networkId,
  mentorship: m,
  period,
  dueDate,
  organizationNames,
  initial,
}: {
  networkId: string;
  mentorship: Mentorship;
  period: number;
  dueDate: string;
  organizationNames: string[];
  initial: ReportDraft;
}) {
  const t = useT();
  const tr = useReviewT();
  const queryClient = useQueryClient();
  const form = useForm<ReportDraft>({ initial: initial });
  const { value: draft, setErrors } = form;
  const [key] = useState(idempotencyKey);
  // the draft that was sent: the API's error paths index its rows
  const sent = useRef(draft);
  const base = `/networks/${networkId}/mentorships/${m.id}`;

  const submit = useMutation({
    mutationFn: (body: QuarterlyReportInput) => postQuarterlyReport(networkId, m.id, body, key),
    onMutate: () => {
      sent.current = form.value;
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKeys.mentorshipReviews(networkId, m.id) }),
        queryClient.invalidateQueries({ queryKey: reviewKeys.reports(networkId, m.id) }),
        queryClient.invalidateQueries({ queryKey: reviewKeys.due(networkId) }),
      ]);
      const state: FlashState = { flash: tr('monitoring.report.submitted', { period }) };
      navigate(base, { state });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) {
        // the form stays, so what was typed can still be copied; nothing was written
        setErrors({ message: tr('monitoring.report.alreadySubmittedShort'), fields: {} });
      } else if (error instanceof ApiProblem && error.errors.length > 0) {
        setErrors({ fields: fieldErrorsOf(error.errors, sent.current) });
      } else {
        setErrors({ message: problemMessage(error, t), fields: {} });
      }
    },
  });

  const send = sendWith(form, submit, {
    body: (value) => {
      const body = toBody(value, period);
      const problems = schemaProblems(quarterlyReportSchema, body, t('errors.isRequired'));
      // hours that are not a number: say so, rather than the schema's "expected number"
      value.interactions.forEach((row, i) => {
        const hours = hoursOf(row.hours);
        if (hours !== undefined && Number.isNaN(hours)) {
          const path = `interactions.${i}.hours`;
          const at = problems.findIndex((p) => p.path === path);
          const problem = { path, message: tr('monitoring.report.notANumber') };
          if (at >= 0) problems[at] = problem;
          else problems.push(problem);
        }
      });
      return refusal({ fields: fieldErrorsOf(problems, value) }) ?? body;
    },
    label: tr('monitoring.report.submit'),
    busyLabel: tr('monitoring.report.submitting'),
  });

  const [mentorName, ...menteeNames] = organizationNames;
  return (
    <>
      <p>{tr('monitoring.report.intro')}</p>
      <Form form={form} id="quarterly-report" look="document" {...send}>
        <h2>{tReportText('heading', FORM.heading)}</h2>
        <dl className="facts">
          <div>
            <dt>{tr('monitoring.report.period')}</dt>
            <dd>{tr('monitoring.report.periodOption', { period, date: formatDate(dueDate) })}</dd>
          </div>
          <div>
            <dt>{header('mentor-organization')}</dt>
            <dd>{mentorName}</dd>
          </div>
          <div>
            <dt>{header('mentee-organization')}</dt>
            <dd>{menteeNames.join(', ')}</dd>
          </div>
        </dl>
        <TextField path="date" type="date" label={header('date')} />
        <RepeatableList<NameRow>
          path="mentorNames"
          legend={header('mentor-names')}
          itemLabel={(n) => tr('monitoring.report.mentorNameN', { n })}
          addLabel={tr('monitoring.report.addMentorName')}
          removeLabel={(n) => tr('monitoring.report.removeMentorName', { n })}
          newRow={() => nameRow()}
          max={20}
          inline
        >
          {(_r, rowPath, n) => (
            <TextField
              path={`${rowPath}.name`}
              errorPath={rowPath}
              label={tr('monitoring.report.mentorNameN', { n })}
              maxLength={120}
            />
          )}
        </RepeatableList>
        <TextField
          path="phoneNumber"
          label={header('phone-number')}
          hint={tr('monitoring.report.phoneHint')}
          maxLength={32}
          autoComplete="tel"
        />
        <RepeatableList<NameRow>
          path="menteeNames"
          legend={header('mentee-names')}
          itemLabel={(n) => tr('monitoring.report.menteeNameN', { n })}
          addLabel={tr('monitoring.report.addMenteeName')}
          removeLabel={(n) => tr('monitoring.report.removeMenteeName', { n })}
          newRow={() => nameRow()}
          max={50}
          inline
        >
          {(_r, rowPath, n) => (
            <TextField
              path={`${rowPath}.name`}
              errorPath={rowPath}
              label={tr('monitoring.report.menteeNameN', { n })}
              maxLength={120}
            />
          )}
        </RepeatableList>

        <CheckboxGroupWithOther
          path="technicalAreas"
          otherPath="otherTechnicalArea"
          legend={question('technical-areas')}
          otherLabel={tr('monitoring.report.otherArea')}
          options={quarterlyReportTechnicalAreas.map((a) => ({
            value: a.id,
            label: tReportText(`areas.${a.id}`, a.label),
          }))}
        />

        <RepeatableList<ObjectiveRow>
          path="objectives"
          legend={question('learning-objectives')}
          hint={tr('monitoring.report.objectivesHint')}
          itemLabel={(n) => tr('monitoring.report.objectiveN', { n })}
          addLabel={tr('monitoring.report.addObjective')}
          removeLabel={(n) => tr('monitoring.report.removeObjective', { n })}
          newRow={() => ({ _key: newKey(), objective: '', progress: '' })}
          max={20}
        >
          {(_r, rowPath) => (
            <>
              <TextField
                path={`${rowPath}.objective`}
                label={tr('monitoring.report.objective')}
                rows={2}
                maxLength={2000}
              />
              <TextField
                path={`${rowPath}.progress`}
                label={question('progress')}
                rows={3}
                maxLength={4000}
              />
            </>
          )}
        </RepeatableList>

        <TextAreas
          rows={4}
          maxLength={4000}
          fields={[
            ['trends', question('trends')],
            ['relationship', question('relationship')],
          ]}
        />
        <TextField
          path="interactionFrequency"
          label={question('interaction-frequency')}
          rows={2}
          maxLength={4000}
        />
        <Interactions />
        <TextField
          path="outputsOutcomes"
          label={question('outputs-outcomes')}
          rows={4}
          maxLength={4000}
        />
        <TextAreas
          rows={3}
          maxLength={4000}
          fields={[
            ['successes', question('successes')],
            ['challenges', question('challenges')],
            ['additionalComments', question('additional-comments')],
          ]}
        />
        <Group
          legend={signature('signature')}
          path="signature"
          hint={tr('monitoring.report.signatureHint')}
        >
          <TextField path="signature.name" label={tr('monitoring.report.name')} maxLength={120} />
          <TextField path="signature.date" type="date" label={signature('signature-date')} />
        </Group>
        <p className="report-closing">{tReportText('closing', FORM.closing)}</p>
      </Form>
    </>
  );
}

/** The interaction log: DATE, TIME INVOLVED, ACTIVITY per row, and the total hours. */
function Interactions() {
  const tr = useReviewT();
  const draft = useFormContext().value as ReportDraft;
  const counted = draft.interactions
    .map((i) => hoursOf(i.hours))
    .filter((h): h is number => h !== undefined && Number.isFinite(h) && h > 0);
  return (
    <>
      <RepeatableList<InteractionRow>
        path="interactions"
        legend={tr('monitoring.report.interactionLog')}
        hint={tr('monitoring.report.interactionsHint')}
        itemLabel={(n) => tr('monitoring.report.interactionN', { n })}
        addLabel={tr('monitoring.report.addInteraction')}
        removeLabel={(n) => tr('monitoring.report.removeInteraction', { n })}
        newRow={interactionRow}
        max={200}
      >
        {(_r, rowPath) => (
          <div className="field-row report-interaction">
            <TextField path={`${rowPath}.date`} type="date" label={column('date')} />
            <TextField
              path={`${rowPath}.hours`}
              type="number"
              min={0.25}
              max={24}
              step={0.25}
              label={column('time-involved')}
            />
            <TextField path={`${rowPath}.activity`} label={column('activity')} maxLength={500} />
          </div>
        )}
      </RepeatableList>
      <p className="report-total">
        <strong>{tReportText('total', FORM.interactionLog.total.text)}</strong>{' '}
        <span id="quarterly-report-total">
          {tr('monitoring.report.totalHours', {
            hours: totalHours(counted.map((hours) => ({ hours }))),
          })}
        </span>
      </p>
    </>
  );
}
