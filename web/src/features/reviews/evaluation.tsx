/**
 * The mentorship evaluation forms (001 Annex 7): one per organization of the mentorship,
 * every field of the paper (from `@sisi/domain/static`). The reader's organization's form
 * (any organization's, for a network admin) is filled and saved as often as needed, with
 * optimistic locking, until it is signed; the signed forms are shown side by side, question
 * by question. Each form prints as on paper, and so does the blank one.
 *
 * `/networks/:networkId/mentorships/:mentorshipId/evaluation`
 * (`?organization=<id>`: whose form to fill; `?view=blank`: the blank paper form;
 * `?view=paper&organization=<id>`: that organization's form as on paper).
 */
import type {
  EvaluationContent,
  EvaluationInput,
  EvaluationRecord,
  Mentorship,
  User,
} from '@sisi/domain';
import {
  type EvaluationQuestion,
  type EvaluationResultRow,
  evaluationForm,
} from '@sisi/domain/static';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams, useSearch } from 'wouter';
import type { ChoiceOption } from '../../components/doc-form.tsx';
import {
  CheckboxGroup,
  DocForm,
  Group,
  RadioGroup,
  TextField,
  useDocForm,
} from '../../components/doc-form.tsx';
import { MentorshipHeader, useMentorshipContext } from '../../components/mentorship-context.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { DocNotices, useVersionedDoc } from '../../components/versioned-doc.tsx';
import { type ReflectionTranslate, tPaper, useReflectionT } from '../../i18n/en-reflection.ts';
import { formatDate } from '../../i18n/index.ts';
import { PaperBox, PaperLines, PrintBar } from './reflection-parts.tsx';
import {
  type EvaluationEntry,
  evaluationQuery,
  evaluationsQuery,
  isSigned,
  putEvaluation,
  reflectionKeys,
} from './reflection-queries.ts';
import { reviewKeys } from './review-queries.ts';

const F = evaluationForm;
type QuestionId = (typeof F.questions)[number]['id'];
const question = (id: QuestionId) => F.questions.find((q) => q.id === id)! as EvaluationQuestion;
/** "9. On average, how many hours…" as numbered on the paper. */
const numbered = (id: QuestionId) => {
  const q = question(id);
  return `${q.n}. ${tPaper(`evaluation.${q.id}`, q.text)}`;
};
const areaLabel = (id: string) => {
  const a = F.technicalAreas.find((x) => x.id === id);
  return a ? tPaper(`evaluation.areas.${a.id}`, a.label) : id;
};
const activityLabel = (id: string) => {
  const a = F.activities.find((x) => x.id === id);
  return a ? tPaper(`evaluation.activities.${a.id}`, a.label) : id;
};
const resultLabel = (id: string) => {
  const a = F.results.columns.find((x) => x.id === id);
  return a ? tPaper(`evaluation.results.${a.id}`, a.label) : id;
};
const rowLabel = (row: (typeof F.results.rows)[number]) =>
  row.text
    ? `${tPaper(`evaluation.rows.${row.id}.title`, row.title)}: ${tPaper(`evaluation.rows.${row.id}`, row.text)}`
    : tPaper(`evaluation.rows.${row.id}.title`, row.title);

type Draft = {
  mentors: string;
  mentees: string;
  matchedFor: string;
  technicalAreas: string[];
  otherTechnicalArea: string;
  activities: string[];
  intendedOutcome: string;
  outcomeChanged: string;
  outcomeChangedHow: string;
  outcomeAchieved: string;
  outcomeAchievedDetails: string;
  hoursPerMonth: string;
  costToDate: { amount: string; currency: string };
  doingDifferently: string;
  otherComments: string;
  results: Record<string, string>;
  otherAchievements: string;
  menteeBenefits: string;
  mentorGains: string;
  attitudeChanges: string;
  easy: string;
  hard: string;
  signature: { name: string; date: string };
};

const TEXTS = [
  'mentors',
  'mentees',
  'matchedFor',
  'otherTechnicalArea',
  'intendedOutcome',
  'outcomeChangedHow',
  'outcomeAchievedDetails',
  'doingDifferently',
  'otherComments',
  'otherAchievements',
  'menteeBenefits',
  'mentorGains',
  'attitudeChanges',
  'easy',
  'hard',
] as const;

/** A number as typed: `undefined` when empty, `NaN` when not a number. */
const numberOf = (text: string): number | undefined => {
  const v = text.trim().replace(',', '.');
  return v === '' ? undefined : Number(v);
};
const trimmed = (v: string) => (v.trim() ? v.trim() : undefined);

function toBody(d: Draft): EvaluationInput {
  const body: Record<string, unknown> = {
    technicalAreas: d.technicalAreas,
    activities: d.activities,
    results: Object.fromEntries(Object.entries(d.results).filter(([, v]) => v)),
  };
  for (const key of TEXTS) body[key] = trimmed(d[key]);
  if (!d.technicalAreas.includes('other')) body.otherTechnicalArea = undefined;
  body.outcomeChanged = d.outcomeChanged || undefined;
  body.outcomeAchieved = d.outcomeAchieved || undefined;
  body.hoursPerMonth = numberOf(d.hoursPerMonth);
  const amount = numberOf(d.costToDate.amount);
  const currency = trimmed(d.costToDate.currency);
  body.costToDate =
    amount === undefined && !currency ? undefined : { amount, currency: currency ?? '' };
  const sign = { name: d.signature.name.trim(), date: d.signature.date.trim() };
  body.signature = sign.name || sign.date ? sign : undefined;
  return body as EvaluationInput;
}

/** The draft of a stored form, or of a new one prefilled from the mentorship. */
function toDraftOf(
  m: Mentorship,
  names: { mentor: string; mentees: string },
  tr: ReflectionTranslate,
) {
  return (c: EvaluationContent | undefined): Draft => {
    const text = (v: string | undefined) => v ?? '';
    return {
      mentors: c ? text(c.mentors) : names.mentor,
      mentees: c ? text(c.mentees) : names.mentees,
      matchedFor: c
        ? text(c.matchedFor)
        : tr('evaluation.fill.matchedForValue', { count: m.durationMonths }),
      technicalAreas: c?.technicalAreas ?? [],
      otherTechnicalArea: text(c?.otherTechnicalArea),
      // the plan's formats are the activities planned: a start, to correct
      activities: c ? c.activities : [...m.approaches],
      intendedOutcome: text(c?.intendedOutcome),
      outcomeChanged: text(c?.outcomeChanged),
      outcomeChangedHow: text(c?.outcomeChangedHow),
      outcomeAchieved: text(c?.outcomeAchieved),
      outcomeAchievedDetails: text(c?.outcomeAchievedDetails),
      hoursPerMonth: c?.hoursPerMonth === undefined ? '' : String(c.hoursPerMonth),
      costToDate: {
        amount: c?.costToDate ? String(c.costToDate.amount) : '',
        currency: text(c?.costToDate?.currency),
      },
      doingDifferently: text(c?.doingDifferently),
      otherComments: text(c?.otherComments),
      results: { ...(c?.results ?? {}) } as Record<string, string>,
      otherAchievements: text(c?.otherAchievements),
      menteeBenefits: text(c?.menteeBenefits),
      mentorGains: text(c?.mentorGains),
      attitudeChanges: text(c?.attitudeChanges),
      easy: text(c?.easy),
      hard: text(c?.hard),
      signature: { name: text(c?.signature?.name), date: text(c?.signature?.date) },
    };
  };
}

/** The organizations whose form the reader fills: a network admin, all; a coordinator, theirs. */
function editableOrganizations(user: User | undefined, m: Mentorship | undefined): string[] {
  if (!user || !m) return [];
  const orgs = [m.mentorOrganizationId, ...m.menteeOrganizationIds];
  if (user.roles.includes('network-admin')) return orgs;
  if (user.roles.includes('coordinator') && user.organizationId) {
    return orgs.filter((o) => o === user.organizationId);
  }
  return [];
}

export function EvaluationPage() {
  const { networkId = '', mentorshipId = '' } = useParams<{
    networkId: string;
    mentorshipId: string;
  }>();
  const tr = useReflectionT();
  const search = new URLSearchParams(useSearch());
  const view = search.get('view');
  const asked = search.get('organization') ?? '';
  const ctx = useMentorshipContext(networkId, mentorshipId);
  const m = ctx.mentorship.data;
  const list = useQuery(evaluationsQuery(networkId, mentorshipId));
  const path = `/networks/${networkId}/mentorships/${mentorshipId}/evaluation`;
  const nameOf = (id: string) =>
    String(ctx.organizationOptions.find((o) => o.value === id)?.label ?? '');
  const editable = editableOrganizations(ctx.me.data, m);
  const chosen = editable.includes(asked) ? asked : editable[0];

  let body: ReactNode;
  if (view === 'blank') {
    body = <PaperEvaluation />;
  } else if (ctx.mentorship.isError || list.isError) {
    body = (
      <LoadError
        error={ctx.mentorship.error ?? list.error}
        retry={() => {
          void ctx.mentorship.refetch();
          void list.refetch();
        }}
      />
    );
  } else if (!ctx.ready || !m || !list.data) {
    body = <Loading />;
  } else if (view === 'paper') {
    const entry = list.data.find((e) => e.organizationId === asked);
    body = entry?.evaluation ? (
      <PaperEvaluation record={entry.evaluation} organizationName={nameOf(entry.organizationId)} />
    ) : (
      <PaperEvaluation />
    );
  } else {
    body = (
      <>
        <StatusList entries={list.data} nameOf={nameOf} path={path} />
        {chosen ? (
          <section aria-labelledby="evaluation-fill">
            <h2 id="evaluation-fill">
              {tr('evaluation.fill.heading', { organization: nameOf(chosen) })}
            </h2>
            {editable.length > 1 ? (
              <nav aria-label={tr('evaluation.fill.choose')}>
                <ul className="org-choice">
                  {editable.map((id) => (
                    <li key={id}>
                      <Link
                        href={`${path}?organization=${id}`}
                        aria-current={id === chosen ? 'page' : undefined}
                      >
                        {nameOf(id)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <EvaluationEditor
              key={chosen}
              networkId={networkId}
              mentorship={m}
              organizationId={chosen}
              nameOf={nameOf}
            />
          </section>
        ) : (
          <div className="notice info">
            <p>{tr('evaluation.fill.notYours')}</p>
          </div>
        )}
        <SideBySide entries={list.data} nameOf={nameOf} />
      </>
    );
  }

  return (
    <Page title={tr('evaluation.title')}>
      <div className="printable">
        <p className="lead">
          {tr('reflection.annex', { annex: F.annex, title: tPaper('evaluation.title', F.title) })}
        </p>
        <MentorshipHeader
          networkId={networkId}
          mentorshipId={mentorshipId}
          organizationOptions={ctx.organizationOptions}
        />
        <PrintBar
          blank={view === 'blank' || view === 'paper'}
          blankHref={`${path}?view=blank`}
          backHref={path}
          blankLabel="reflection.blankEvaluation"
          backLabel="reflection.backFromBlankEvaluation"
        />
        {view ? null : <p className="no-print">{tr('evaluation.intro')}</p>}
        {body}
      </div>
    </Page>
  );
}

/** Where each organization's form stands, with a link to print a signed one as on paper. */
function StatusList({
  entries,
  nameOf,
  path,
}: {
  entries: EvaluationEntry[];
  nameOf: (id: string) => string;
  path: string;
}) {
  const tr = useReflectionT();
  return (
    <ul className="evaluation-status">
      {entries.map((e) => {
        const sign = e.evaluation?.content.signature;
        return (
          <li key={e.organizationId}>
            <strong>{nameOf(e.organizationId)}</strong> ({tr(`evaluation.roles.${e.role}`)}):{' '}
            <span className={`badge evaluation-${e.status}`}>
              {e.status === 'signed' && sign
                ? tr('evaluation.signedBy', { name: sign.name, date: formatDate(sign.date) })
                : tr(`evaluation.statuses.${e.status}`)}
            </span>
            {e.evaluation ? (
              <Link
                className="no-print"
                href={`${path}?view=paper&organization=${e.organizationId}`}
              >
                {tr('reflection.print')}: {nameOf(e.organizationId)}
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

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

function EvaluationEditor({
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
  if (doc.status === 'error') return <LoadError error={doc.loadError} retry={doc.retry} />;
  if (doc.status !== 'ready' || !doc.draft) return <Loading />;
  return (
    <>
      {signed ? (
        <div className="notice info">
          <p>{tr('evaluation.fill.signedFinal')}</p>
        </div>
      ) : (
        <DocNotices
          doc={doc}
          conflictText={tr('evaluation.fill.conflict')}
          savedText={tr('evaluation.fill.saved')}
        />
      )}
      <DocForm
        id="evaluation"
        draft={doc.draft}
        onChange={doc.setDraft}
        errors={doc.errors}
        readOnly={doc.readOnly}
        onSubmit={doc.save}
        submit={{
          label: tr('evaluation.fill.save'),
          busy: doc.saving,
          busyLabel: tr('evaluation.fill.saving'),
        }}
      >
        <p>{tPaper('evaluation.instructions', F.instructions)}</p>
        <EvaluationFields role={role} />
      </DocForm>
    </>
  );
}

const yesNoOptions = (tr: ReflectionTranslate): ChoiceOption[] => [
  { value: 'yes', label: tr('evaluation.fill.yes') },
  { value: 'no', label: tr('evaluation.fill.no') },
];

/** Every field of the form, in the paper's order. */
function EvaluationFields({ role }: { role: 'mentor' | 'mentee' }) {
  const tr = useReflectionT();
  const draft = useDocForm().draft as Draft;
  const long = (id: QuestionId, path: keyof Draft) => (
    <TextField path={path} label={numbered(id)} rows={4} maxLength={4000} />
  );
  const signature = F.signatures.find((s) => s.side === role)!;
  return (
    <>
      <TextField path="mentors" label={numbered('mentors')} maxLength={1000} />
      <TextField path="mentees" label={numbered('mentees')} maxLength={1000} />
      <TextField path="matchedFor" label={numbered('matched-for')} maxLength={200} />
      <CheckboxGroup
        path="technicalAreas"
        legend={numbered('technical-areas')}
        options={F.technicalAreas.map((a) => ({ value: a.id, label: areaLabel(a.id) }))}
      />
      {draft.technicalAreas.includes('other') ? (
        <TextField
          path="otherTechnicalArea"
          label={tr('evaluation.fill.otherArea')}
          maxLength={200}
        />
      ) : null}
      <CheckboxGroup
        path="activities"
        legend={numbered('activities')}
        options={F.activities.map((a) => ({ value: a.id, label: activityLabel(a.id) }))}
      />
      {long('intended-outcome', 'intendedOutcome')}
      <RadioGroup
        path="outcomeChanged"
        legend={numbered('outcome-changed')}
        options={yesNoOptions(tr)}
      />
      <TextField
        path="outcomeChangedHow"
        label={tPaper('evaluation.outcome-changed.followUp', 'If yes, how?')}
        rows={3}
        maxLength={4000}
      />
      <RadioGroup
        path="outcomeAchieved"
        legend={numbered('outcome-achieved')}
        options={yesNoOptions(tr)}
      />
      <TextField
        path="outcomeAchievedDetails"
        label={tr('evaluation.fill.details')}
        rows={3}
        maxLength={4000}
      />
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

/** An answer of a form in words, for the side-by-side view; `undefined` when not answered. */
function answerOf(
  tr: ReflectionTranslate,
  id: QuestionId | `results.${EvaluationResultRow}`,
  c: EvaluationContent,
): string | undefined {
  const yesNo = (v: string | undefined) =>
    v === 'yes' ? tr('evaluation.fill.yes') : v === 'no' ? tr('evaluation.fill.no') : undefined;
  const join = (parts: (string | undefined)[]) => parts.filter(Boolean).join('\n') || undefined;
  if (id.startsWith('results.')) {
    const row = id.slice('results.'.length) as EvaluationResultRow;
    const answer = c.results[row];
    const label = answer ? resultLabel(answer) : undefined;
    return row === 'other-achievements' ? join([label, c.otherAchievements]) : label;
  }
  switch (id as QuestionId) {
    case 'mentors':
      return c.mentors;
    case 'mentees':
      return c.mentees;
    case 'matched-for':
      return c.matchedFor;
    case 'technical-areas':
      return (
        c.technicalAreas
          .map((a) =>
            a === 'other' && c.otherTechnicalArea
              ? `${areaLabel(a)}: ${c.otherTechnicalArea}`
              : areaLabel(a),
          )
          .join(', ') || undefined
      );
    case 'activities':
      return c.activities.map(activityLabel).join(', ') || undefined;
    case 'intended-outcome':
      return c.intendedOutcome;
    case 'outcome-changed':
      return join([yesNo(c.outcomeChanged), c.outcomeChangedHow]);
    case 'outcome-achieved':
      return join([yesNo(c.outcomeAchieved), c.outcomeAchievedDetails]);
    case 'hours-per-month':
      return c.hoursPerMonth === undefined
        ? undefined
        : tr('evaluation.fill.hours', { hours: c.hoursPerMonth });
    case 'cost-to-date':
      return c.costToDate
        ? tr('evaluation.fill.cost', {
            amount: new Intl.NumberFormat().format(c.costToDate.amount),
            currency: c.costToDate.currency,
          })
        : undefined;
    case 'doing-differently':
      return c.doingDifferently;
    case 'other-comments':
      return c.otherComments;
    case 'results':
      return undefined;
    case 'mentee-benefits':
      return c.menteeBenefits;
    case 'mentor-gains':
      return c.mentorGains;
    case 'attitude-changes':
      return c.attitudeChanges;
    case 'easy':
      return c.easy;
    case 'hard':
      return c.hard;
  }
}

/** Each question with every shown organization's answer beside the others'. */
function SideBySide({
  entries,
  nameOf,
}: {
  entries: EvaluationEntry[];
  nameOf: (id: string) => string;
}) {
  const tr = useReflectionT();
  const shown = entries.filter((e) => e.evaluation?.signedAt);
  const rows: { key: string; label: string; id: Parameters<typeof answerOf>[1] }[] = [];
  for (const q of F.questions) {
    if (q.id === 'results') {
      for (const row of F.results.rows) {
        rows.push({
          key: `results.${row.id}`,
          label: `${q.n}. ${rowLabel(row)}`,
          id: `results.${row.id}`,
        });
      }
    } else rows.push({ key: q.id, label: numbered(q.id), id: q.id });
  }
  return (
    <section aria-labelledby="side-by-side">
      <h2 id="side-by-side">{tr('evaluation.sideBySide')}</h2>
      {shown.length === 0 ? (
        <p>{tr('evaluation.nothingToCompare')}</p>
      ) : (
        <>
          <p className="hint">{tr('evaluation.sideBySideHint')}</p>
          <ul className="side-by-side">
            {rows.map((row) => (
              <li key={row.key}>
                <h3>{row.label}</h3>
                <dl>
                  {shown.map((e) => (
                    <div key={e.organizationId}>
                      <dt>
                        {nameOf(e.organizationId)} ({tr(`evaluation.roles.${e.role}`)})
                      </dt>
                      <dd>
                        {answerOf(tr, row.id, e.evaluation!.content) ?? (
                          <span className="hint">{tr('evaluation.notAnswered')}</span>
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The paper form: blank, or one organization's answers in the paper's layout. */
function PaperEvaluation({
  record,
  organizationName,
}: {
  record?: EvaluationRecord;
  organizationName?: string;
}) {
  const tr = useReflectionT();
  const c = record?.content;
  const lines = (value: string | undefined, count = 2) =>
    value ? (
      <p className="paper-answer">{value}</p>
    ) : (
      <PaperLines label={tr('reflection.paper.answerLines')} count={count} />
    );
  const q = (id: QuestionId) => <p className="item-text">{numbered(id)}</p>;
  return (
    <article className="paper" aria-labelledby="paper-title">
      <h2 id="paper-title">
        {tr('reflection.annex', { annex: F.annex, title: tPaper('evaluation.title', F.title) })}
        {organizationName ? `: ${organizationName}` : ''}
      </h2>
      <h3>{tPaper('evaluation.instructionsHeading', F.instructionsHeading)}</h3>
      <p>{tPaper('evaluation.instructions', F.instructions)}</p>
      {q('mentors')}
      {lines(c?.mentors, 1)}
      {q('mentees')}
      {lines(c?.mentees, 1)}
      {q('matched-for')}
      {lines(c?.matchedFor, 1)}
      {q('technical-areas')}
      <ul className="paper-options paper-columns">
        {F.technicalAreas.map((a) => (
          <li key={a.id}>
            <PaperBox checked={!!c?.technicalAreas.includes(a.id)} /> {areaLabel(a.id)}
            {a.id === 'other' && c?.otherTechnicalArea ? `: ${c.otherTechnicalArea}` : ''}
          </li>
        ))}
      </ul>
      {q('activities')}
      <ul className="paper-options">
        {F.activities.map((a) => (
          <li key={a.id}>
            <PaperBox checked={!!c?.activities.includes(a.id)} /> {activityLabel(a.id)}
          </li>
        ))}
      </ul>
      {q('intended-outcome')}
      {lines(c?.intendedOutcome)}
      <p className="item-text">
        {numbered('outcome-changed')}{' '}
        {tPaper('evaluation.outcome-changed.followUp', 'If yes, how?')}
      </p>
      {lines(answerOf(tr, 'outcome-changed', c ?? emptyContent))}
      {q('outcome-achieved')}
      {lines(answerOf(tr, 'outcome-achieved', c ?? emptyContent))}
      {q('hours-per-month')}
      {lines(answerOf(tr, 'hours-per-month', c ?? emptyContent), 1)}
      {q('cost-to-date')}
      {lines(answerOf(tr, 'cost-to-date', c ?? emptyContent), 1)}
      {q('doing-differently')}
      {lines(c?.doingDifferently)}
      {q('other-comments')}
      {lines(c?.otherComments, 3)}
      {q('results')}
      {/* at 360 px the table scrolls sideways inside this region, which keyboards reach */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus */}
      <section className="paper-table-wrap" aria-label={numbered('results')} tabIndex={0}>
        <table className="paper-table">
          <thead>
            <tr>
              <th scope="col">{tPaper('evaluation.results.heading', F.results.heading)}</th>
              {F.results.columns.map((col) => (
                <th scope="col" key={col.id}>
                  {resultLabel(col.id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {F.results.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <strong>{tPaper(`evaluation.rows.${row.id}.title`, row.title)}</strong>{' '}
                  {row.text ? tPaper(`evaluation.rows.${row.id}`, row.text) : null}
                  {row.id === 'other-achievements' && c?.otherAchievements
                    ? `: ${c.otherAchievements}`
                    : null}
                </th>
                {F.results.columns.map((col) => (
                  <td key={col.id} className="mark">
                    <PaperBox checked={c?.results[row.id as EvaluationResultRow] === col.id} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {q('mentee-benefits')}
      {lines(c?.menteeBenefits)}
      {q('mentor-gains')}
      {lines(c?.mentorGains)}
      {q('attitude-changes')}
      {lines(c?.attitudeChanges)}
      {q('easy')}
      {lines(c?.easy)}
      {q('hard')}
      {lines(c?.hard)}
      <div className="paper-signatures">
        {F.signatures.map((s) => {
          const mine = record?.role === s.side ? c?.signature : undefined;
          return (
            <div key={s.side}>
              <p>
                {tPaper(`evaluation.signature.${s.side}`, s.text)}
                {mine ? `: ${mine.name}` : ''}
              </p>
              <p>
                {tPaper('evaluation.signatureDate', F.signatureDate)}
                {mine ? `: ${formatDate(mine.date)}` : ''}
              </p>
            </div>
          );
        })}
      </div>
    </article>
  );
}

const emptyContent: EvaluationContent = { technicalAreas: [], activities: [], results: {} };
