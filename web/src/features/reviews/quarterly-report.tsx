/**
 * The mentor's quarterly report (001 Annex 5, "Mentor's Quarterly Report") of one period:
 * the form's questions word for word from `quarterlyReportForm`, the interaction log as
 * rows of date, hours and activity with its total, checked by the domain's schema before
 * it is sent. One report per period: a second one is refused (409) and the page says so.
 *
 * `/networks/:networkId/mentorships/:mentorshipId/quarterly-reports/new?period=N`
 */
import {
  type Mentorship,
  type QuarterlyReportInput,
  quarterlyReportForm,
  quarterlyReportSchema,
  quarterlyReportTechnicalAreas,
  totalHours,
  type User,
} from '@sisi/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { Link, useParams, useSearch } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { ApiProblem, idempotencyKey } from '../../api/client.ts';
import { type PlanContent, planQuery } from '../../api/plan-queries.ts';
import {
  CheckboxGroup,
  type DocErrors,
  DocForm,
  fieldErrorsOf,
  Group,
  newKey,
  noDocErrors,
  optional,
  present,
  type Row,
  TextField,
  useDocForm,
  validate,
} from '../../components/doc-form.tsx';
import { problemMessage } from '../../components/form.tsx';
import { MentorshipHeader, useMentorshipContext } from '../../components/mentorship-context.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { tReportText, useReviewT } from '../../i18n/en-reviews.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import type { FlashState } from '../organizations/organization.tsx';
import { postQuarterlyReport, quarterlyReportQuery, reviewKeys } from './review-queries.ts';
import './reviews.css';

type NameRow = Row & { name: string };
type ObjectiveRow = Row & { planObjectiveId?: string; objective: string; progress: string };
type InteractionRow = Row & { date: string; hours: string; activity: string };
type ReportDraft = {
  date: string;
  mentorNames: NameRow[];
  phoneNumber: string;
  menteeNames: NameRow[];
  technicalAreas: string[];
  otherTechnicalArea: string;
  objectives: ObjectiveRow[];
  trends: string;
  relationship: string;
  interactionFrequency: string;
  interactions: InteractionRow[];
  outputsOutcomes: string;
  successes: string;
  challenges: string;
  additionalComments: string;
  signature: { name: string; date: string };
};

const FORM = quarterlyReportForm;
/** The form's label of a question, header field or column, by id; without a trailing colon. */
const labelOf = (q: { id: string; text: string }) =>
  tReportText(q.id, q.text).replace(/\s*:\s*$/, '');
const byId = <Q extends { id: string }>(list: readonly Q[], id: Q['id']) =>
  list.find((q) => q.id === id)!;
const header = (id: (typeof FORM.header)[number]['id']) => labelOf(byId(FORM.header, id));
const question = (id: (typeof FORM.questions)[number]['id']) => labelOf(byId(FORM.questions, id));
const column = (id: (typeof FORM.interactionLog.columns)[number]['id']) =>
  labelOf(byId(FORM.interactionLog.columns, id));
const signature = (id: (typeof FORM.signature)[number]['id']) => labelOf(byId(FORM.signature, id));

/** Today as `YYYY-MM-DD` (UTC, as the API dates). */
const today = () => new Date().toISOString().slice(0, 10);

const nameRow = (name = ''): NameRow => ({ _key: newKey(), name });
const interactionRow = (): InteractionRow => ({
  _key: newKey(),
  date: '',
  hours: '',
  activity: '',
});

function initialDraft(plan: PlanContent | undefined, mentorName: string | undefined): ReportDraft {
  const fromPlan = (plan?.learningObjectives ?? []).map(
    (o): ObjectiveRow => ({
      _key: newKey(),
      planObjectiveId: o.id,
      objective: o.objective,
      progress: '',
    }),
  );
  return {
    date: today(),
    mentorNames: [nameRow(mentorName)],
    phoneNumber: '',
    menteeNames: [],
    technicalAreas: [],
    otherTechnicalArea: '',
    objectives: fromPlan.length ? fromPlan : [{ _key: newKey(), objective: '', progress: '' }],
    trends: '',
    relationship: '',
    interactionFrequency: '',
    interactions: [],
    outputsOutcomes: '',
    successes: '',
    challenges: '',
    additionalComments: '',
    signature: { name: '', date: '' },
  };
}

/** Hours as typed: a number, `undefined` when empty, `NaN` when not a number. */
const hoursOf = (text: string): number | undefined => {
  const v = text.trim().replace(',', '.');
  return v === '' ? undefined : Number(v);
};

/** What is sent. Rows are kept as they are (an empty one is an error), so paths match. */
function toBody(d: ReportDraft, period: number): QuarterlyReportInput {
  const sign = { name: d.signature.name.trim(), date: d.signature.date.trim() };
  return {
    period,
    date: present(d.date),
    mentorNames: d.mentorNames.map((r) => present(r.name)),
    phoneNumber: optional(d.phoneNumber),
    menteeNames: d.menteeNames.map((r) => present(r.name)),
    technicalAreas: d.technicalAreas as QuarterlyReportInput['technicalAreas'],
    otherTechnicalArea: d.technicalAreas.includes('other')
      ? optional(d.otherTechnicalArea)
      : undefined,
    objectives: d.objectives.map((o) => ({
      ...(o.planObjectiveId ? { planObjectiveId: o.planObjectiveId } : {}),
      objective: present(o.objective),
      progress: optional(o.progress),
    })),
    trends: optional(d.trends),
    relationship: optional(d.relationship),
    interactionFrequency: optional(d.interactionFrequency),
    interactions: d.interactions.map((i) => ({
      date: present(i.date),
      hours: hoursOf(i.hours) as number,
      activity: present(i.activity),
    })),
    outputsOutcomes: optional(d.outputsOutcomes),
    successes: optional(d.successes),
    challenges: optional(d.challenges),
    additionalComments: optional(d.additionalComments),
    signature: sign.name || sign.date ? (sign as { name: string; date: string }) : undefined,
  };
}

/** The mentor organization's coordinator, or a network admin, files the report. */
const canFile = (user: User | undefined, m: Mentorship | undefined, networkId: string) =>
  !!user &&
  !!m &&
  user.networkId === networkId &&
  (user.roles.includes('network-admin') ||
    (user.roles.includes('coordinator') && user.organizationId === m.mentorOrganizationId));

export function QuarterlyReportPage() {
  const { networkId = '', mentorshipId = '' } = useParams<{
    networkId: string;
    mentorshipId: string;
  }>();
  const tr = useReviewT();
  const search = useSearch();
  const ctx = useMentorshipContext(networkId, mentorshipId);
  const m = ctx.mentorship.data;
  const quarters = m?.schedule.quarterlyReviews ?? [];
  const asked = Number(new URLSearchParams(search).get('period'));
  const period = Number.isInteger(asked) && asked >= 1 && asked <= quarters.length ? asked : 0;
  const allowed = canFile(ctx.me.data, m, networkId);
  const existing = useQuery({
    ...quarterlyReportQuery(networkId, mentorshipId, period),
    enabled: period > 0 && allowed,
    // checked when the page opens; a refetch must not swap a form being filled for a notice
    refetchOnWindowFocus: false,
  });
  const plan = useQuery({ ...planQuery(networkId, mentorshipId), enabled: allowed });
  const base = `/networks/${networkId}/mentorships/${mentorshipId}`;
  const title = period
    ? tr('monitoring.report.title', { period })
    : tr('monitoring.report.titleNoPeriod');

  let body: ReactNode;
  if (ctx.mentorship.isError) {
    body = <LoadError error={ctx.mentorship.error} retry={() => void ctx.mentorship.refetch()} />;
  } else if (!ctx.ready || !m) {
    body = <Loading />;
  } else if (!allowed) {
    body = (
      <div className="notice info">
        <p>{tr('monitoring.report.notYours')}</p>
      </div>
    );
  } else if (quarters.length === 0) {
    body = (
      <div className="notice info">
        <p>{tr('monitoring.report.noQuarters')}</p>
      </div>
    );
  } else if (!period) {
    body = (
      <section aria-labelledby="choose-period">
        <h2 id="choose-period">{tr('monitoring.report.choosePeriod')}</h2>
        <ul className="entries">
          {quarters.map((date, i) => (
            <li key={date}>
              <Link href={`${base}/quarterly-reports/new?period=${i + 1}`}>
                {tr('monitoring.report.periodOption', { period: i + 1, date: formatDate(date) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    );
  } else if (existing.isError || plan.isError) {
    const error = existing.error ?? plan.error;
    body = (
      <LoadError
        error={error}
        retry={() => {
          void existing.refetch();
          void plan.refetch();
        }}
      />
    );
  } else if (existing.isPending || plan.isPending) {
    body = <Loading />;
  } else if (existing.data) {
    body = (
      <div className="notice info">
        <p>
          {tr('monitoring.report.alreadySubmitted', {
            date: formatDate(existing.data.submittedAt),
            name: existing.data.submittedByName,
          })}
        </p>
        <p>
          <Link href={base}>{tr('monitoring.report.backToMentorship')}</Link>
        </p>
      </div>
    );
  } else {
    body = (
      <ReportForm
        key={period}
        networkId={networkId}
        mentorship={m}
        period={period}
        dueDate={quarters[period - 1]!}
        organizationNames={ctx.organizationOptions.map((o) => String(o.label))}
        initial={initialDraft(
          plan.data?.content,
          ctx.me.data?.organizationId === m.mentorOrganizationId ? ctx.me.data?.name : undefined,
        )}
      />
    );
  }

  return (
    <Page title={title}>
      <p className="lead">
        {tr('monitoring.report.annex', {
          annex: FORM.annex,
          title: tReportText('title', FORM.title),
        })}
      </p>
      <MentorshipHeader
        networkId={networkId}
        mentorshipId={mentorshipId}
        organizationOptions={ctx.organizationOptions}
      />
      {body}
    </Page>
  );
}

function ReportForm({
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
  const [draft, setDraft] = useState<ReportDraft>(initial);
  const [errors, setErrors] = useState<DocErrors>(noDocErrors);
  const [key] = useState(idempotencyKey);
  // the draft that was sent: the API's error paths index its rows
  const sent = useRef(draft);
  const onChange = useCallback((update: (d: ReportDraft) => ReportDraft) => setDraft(update), []);
  const base = `/networks/${networkId}/mentorships/${m.id}`;

  const submit = useMutation({
    mutationFn: (body: QuarterlyReportInput) => postQuarterlyReport(networkId, m.id, body, key),
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

  const send = () => {
    if (submit.isPending) return;
    const body = toBody(draft, period);
    const problems = validate(quarterlyReportSchema, body);
    // hours that are not a number: say so, rather than the schema's "expected number"
    draft.interactions.forEach((row, i) => {
      const hours = hoursOf(row.hours);
      if (hours !== undefined && Number.isNaN(hours)) {
        const path = `interactions.${i}.hours`;
        const at = problems.findIndex((p) => p.path === path);
        const problem = { path, message: tr('monitoring.report.notANumber') };
        if (at >= 0) problems[at] = problem;
        else problems.push(problem);
      }
    });
    if (problems.length) return setErrors({ fields: fieldErrorsOf(problems, draft) });
    setErrors(noDocErrors);
    sent.current = draft;
    submit.mutate(body);
  };

  const [mentorName, ...menteeNames] = organizationNames;
  return (
    <>
      <p>{tr('monitoring.report.intro')}</p>
      <DocForm
        id="quarterly-report"
        draft={draft}
        onChange={onChange}
        errors={errors}
        onSubmit={send}
        submit={{
          label: tr('monitoring.report.submit'),
          busy: submit.isPending,
          busyLabel: tr('monitoring.report.submitting'),
        }}
      >
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

        <CheckboxGroup
          path="technicalAreas"
          legend={question('technical-areas')}
          options={quarterlyReportTechnicalAreas.map((a) => ({
            value: a.id,
            label: tReportText(`areas.${a.id}`, a.label),
          }))}
        />
        <OtherArea />

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

        <TextField path="trends" label={question('trends')} rows={4} maxLength={4000} />
        <TextField path="relationship" label={question('relationship')} rows={4} maxLength={4000} />
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
        <TextField path="successes" label={question('successes')} rows={3} maxLength={4000} />
        <TextField path="challenges" label={question('challenges')} rows={3} maxLength={4000} />
        <TextField
          path="additionalComments"
          label={question('additional-comments')}
          rows={3}
          maxLength={4000}
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
      </DocForm>
    </>
  );
}

/** "Other" asks what it is. */
function OtherArea() {
  const tr = useReviewT();
  const form = useDocForm();
  const draft = form.draft as ReportDraft;
  if (!draft.technicalAreas.includes('other')) return null;
  return (
    <TextField
      path="otherTechnicalArea"
      label={tr('monitoring.report.otherArea')}
      maxLength={200}
    />
  );
}

/** The interaction log: DATE, TIME INVOLVED, ACTIVITY per row, and the total hours. */
function Interactions() {
  const tr = useReviewT();
  const form = useDocForm();
  const draft = form.draft as ReportDraft;
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
          <div className="report-interaction">
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
