/**
 * The self-assessment of core coaching competencies (a participant's baseline, then
 * follow-ups showing change; the coordinator sees the program's aggregate only) and the
 * participant survey (answers without names; results over the program, from 3 answers).
 *
 * `/networks/:networkId/coaching-programs/:programId/self-assessment`,
 * `/networks/:networkId/coaching-programs/:programId/survey`
 */
import {
  agreementScale,
  coachingCompetencies,
  competencyScale,
  programSurveyQuestions,
} from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useParams } from 'wouter';
import { type FormErrors, noErrors, problemMessage } from '../../components/form.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { tProgramText, useProgramT } from '../../i18n/en-programs.ts';
import { useT } from '../../i18n/index.ts';
import {
  BackToProgram,
  errorsOf,
  ProgramGate,
  RatingGroup,
  signed,
  useProgram,
} from './coaching-program-parts.tsx';
import {
  assessmentSummaryQuery,
  myAssessmentsQuery,
  openSurveyRound,
  type ProgramView,
  postAssessment,
  postSurveyResponse,
  programKeys,
  surveyResultsQuery,
} from './coaching-program-queries.ts';

const competencyName = (id: string) => {
  const c = coachingCompetencies.find((x) => x.id === id);
  return c ? tProgramText(`competencies.${c.id}.name`, c.name) : id;
};
const scaleOf = (scale: readonly { value: number; label: string }[], prefix: string) =>
  scale.map((s) => ({ value: s.value, label: tProgramText(`${prefix}.${s.value}`, s.label) }));

/** An error summary for the rating forms (their fields are radio groups). */
function Summary({ errors, labels }: { errors: FormErrors; labels: Record<string, string> }) {
  const t = useT();
  const entries = Object.entries(errors.fields);
  if (!errors.message && entries.length === 0 && errors.other.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{t('errors.summaryTitle')}</h2>
      {errors.message ? <p>{errors.message}</p> : null}
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <a href={`#${path}`}>
              {labels[path] ?? path}: {message}
            </a>
          </li>
        ))}
        {errors.other.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}

export function SelfAssessmentPage() {
  const { networkId = '', programId = '' } = useParams<{ networkId: string; programId: string }>();
  const tp = useProgramT();
  const query = useProgram(networkId, programId);
  const [done, setDone] = useState<string>();
  return (
    <Page title={tp('programs.assessment.title')}>
      <StatusMessage message={done} />
      <ProgramGate query={query}>
        {(program) => (
          <>
            <BackToProgram networkId={networkId} program={program} />
            <p>{tp('programs.assessment.intro')}</p>
            <p className="hint">{tp('programs.assessment.sourceNote')}</p>
            {program.viewer.participant ? (
              <Mine networkId={networkId} program={program} onDone={setDone} />
            ) : null}
            {program.viewer.manages ? (
              <AssessmentSummary networkId={networkId} programId={program.id} />
            ) : null}
            {!program.viewer.participant && !program.viewer.manages ? (
              <div className="notice warning">
                <p>{tp('programs.assessment.notParticipant')}</p>
              </div>
            ) : null}
          </>
        )}
      </ProgramGate>
    </Page>
  );
}

function Mine({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const mine = useQuery(myAssessmentsQuery(networkId, program.id));
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const kind = mine.data?.items.some((a) => a.kind === 'baseline') ? 'follow-up' : 'baseline';
  const labels = Object.fromEntries(
    coachingCompetencies.map((c) => [`ratings.${c.id}`, competencyName(c.id)]),
  );
  const save = useMutation({
    mutationFn: () => postAssessment(networkId, program.id, { kind, ratings }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      setRatings({});
      setErrors(noErrors);
      onDone(tp('programs.assessment.saved'));
    },
    onError: (e) => setErrors(errorsOf(e, [...Object.keys(labels), 'ratings', 'kind'], t)),
  });
  if (mine.isError) return <LoadError error={mine.error} retry={() => void mine.refetch()} />;
  if (!mine.data) return <Loading />;
  const headingId = 'assessment-form-heading';
  return (
    <>
      {mine.data.items.length ? (
        <section aria-labelledby="mine-heading">
          <h2 id="mine-heading">{tp('programs.assessment.mine')}</h2>
          <dl className="facts">
            {mine.data.change.map((c) => (
              <div key={c.competencyId}>
                <dt>{competencyName(c.competencyId)}</dt>
                <dd>
                  {tp('programs.assessment.baseline')}:{' '}
                  {c.baseline ?? tp('programs.assessment.noChange')}
                  {' · '}
                  {tp('programs.assessment.followUp')}:{' '}
                  {c.latest ?? tp('programs.assessment.noChange')}
                  {' · '}
                  {tp('programs.assessment.change')}:{' '}
                  {c.change === undefined ? tp('programs.assessment.noChange') : signed(c.change)}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>
          {kind === 'baseline'
            ? tp('programs.assessment.takeBaseline')
            : tp('programs.assessment.takeFollowUp')}
        </h2>
        <form
          noValidate
          aria-labelledby={headingId}
          onSubmit={(e) => {
            e.preventDefault();
            if (save.isPending) return;
            if (Object.keys(ratings).length === 0) {
              return setErrors({
                fields: { [`ratings.${coachingCompetencies[0].id}`]: t('errors.isRequired') },
                other: [],
              });
            }
            save.mutate();
          }}
        >
          <Summary errors={errors} labels={labels} />
          {coachingCompetencies.map((c) => (
            <RatingGroup
              key={c.id}
              name={`ratings.${c.id}`}
              legend={competencyName(c.id)}
              hint={tProgramText(`competencies.${c.id}.statement`, c.statement)}
              scale={scaleOf(competencyScale, 'competencyScale')}
              value={ratings[c.id]}
              onChange={(v) => setRatings((r) => ({ ...r, [c.id]: v }))}
              error={errors.fields[`ratings.${c.id}`]}
            />
          ))}
          <div className="actions">
            <button type="submit" className="primary" aria-disabled={save.isPending || undefined}>
              {tp('programs.assessment.submit')}
            </button>
            <span className="busy" role="status">
              {save.isPending ? tp('programs.assessment.submitting') : ''}
            </span>
          </div>
        </form>
      </section>
    </>
  );
}

function AssessmentSummary({ networkId, programId }: { networkId: string; programId: string }) {
  const tp = useProgramT();
  const summary = useQuery(assessmentSummaryQuery(networkId, programId));
  if (summary.isError)
    return <LoadError error={summary.error} retry={() => void summary.refetch()} />;
  if (!summary.data) return <Loading />;
  const s = summary.data;
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{tp('programs.assessment.summary')}</h2>
      <p className="hint">{tp('programs.assessment.summaryNote', { n: s.minimumCount })}</p>
      {s.overallMeanChange === undefined ? null : (
        <p>{tp('programs.assessment.overall', { change: signed(s.overallMeanChange) })}</p>
      )}
      <dl className="facts">
        {s.competencies.map((c) => (
          <div key={c.competencyId}>
            <dt>{competencyName(c.competencyId)}</dt>
            <dd>
              {tp('programs.assessment.counts', { baseline: c.baselineCount, both: c.changeCount })}
              {' · '}
              {c.meanChange === undefined
                ? tp('programs.assessment.withheld')
                : tp('programs.assessment.means', {
                    baseline: c.baselineMean,
                    latest: c.latestMean,
                    change: signed(c.meanChange),
                  })}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function SurveyPage() {
  const { networkId = '', programId = '' } = useParams<{ networkId: string; programId: string }>();
  const tp = useProgramT();
  const query = useProgram(networkId, programId);
  const [done, setDone] = useState<string>();
  return (
    <Page title={tp('programs.survey.title')}>
      <StatusMessage message={done} />
      <ProgramGate query={query}>
        {(program) => (
          <>
            <BackToProgram networkId={networkId} program={program} />
            <p>{tp('programs.survey.intro')}</p>
            <p className="hint">{tp('programs.survey.sourceNote')}</p>
            {program.viewer.participant ? (
              <Answer networkId={networkId} program={program} onDone={setDone} />
            ) : null}
            {program.viewer.manages ? (
              <Results networkId={networkId} program={program} onDone={setDone} />
            ) : null}
          </>
        )}
      </ProgramGate>
    </Page>
  );
}

function Answer({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [improve, setImprove] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const improveId = useId();
  const save = useMutation({
    mutationFn: () =>
      postSurveyResponse(networkId, program.id, {
        answers,
        ...(improve.trim() ? { improve: improve.trim() } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      onDone(tp('programs.survey.sent'));
    },
    onError: (e) =>
      setErrors(
        errorsOf(
          e,
          programSurveyQuestions.map((q) => `answers.${q.id}`),
          t,
        ),
      ),
  });
  if (program.surveyRound === 0) return <p>{tp('programs.survey.closed')}</p>;
  if (program.viewer.surveyAnswered) {
    return <p>{tp('programs.survey.answered', { n: program.surveyRound })}</p>;
  }
  const labels = Object.fromEntries(
    programSurveyQuestions.map((q) => [`answers.${q.id}`, tProgramText(`survey.${q.id}`, q.text)]),
  );
  const headingId = 'survey-form-heading';
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{tp('programs.survey.round', { n: program.surveyRound })}</h2>
      <form
        noValidate
        aria-labelledby={headingId}
        onSubmit={(e) => {
          e.preventDefault();
          if (save.isPending) return;
          if (Object.keys(answers).length === 0) {
            return setErrors({
              fields: { [`answers.${programSurveyQuestions[0].id}`]: t('errors.isRequired') },
              other: [],
            });
          }
          save.mutate();
        }}
      >
        <Summary errors={errors} labels={labels} />
        {programSurveyQuestions.map((q) =>
          q.kind === 'agreement' ? (
            <RatingGroup
              key={q.id}
              name={`answers.${q.id}`}
              legend={labels[`answers.${q.id}`]!}
              scale={scaleOf(agreementScale, 'agreementScale')}
              value={answers[q.id]}
              onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
              error={errors.fields[`answers.${q.id}`]}
            />
          ) : (
            <div className="field" key={q.id}>
              <label htmlFor={improveId}>{labels[`answers.${q.id}`]}</label>
              <textarea
                id={improveId}
                rows={3}
                maxLength={2000}
                value={improve}
                onChange={(e) => setImprove(e.currentTarget.value)}
              />
            </div>
          ),
        )}
        <div className="actions">
          <button type="submit" className="primary" aria-disabled={save.isPending || undefined}>
            {tp('programs.survey.submit')}
          </button>
          <span className="busy" role="status">
            {save.isPending ? tp('programs.survey.submitting') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}

function Results({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const results = useQuery({
    ...surveyResultsQuery(networkId, program.id, program.surveyRound),
    enabled: program.surveyRound > 0,
  });
  const open = useMutation({
    mutationFn: () => openSurveyRound(networkId, program.id),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      setError(undefined);
      onDone(tp('programs.survey.opened', { n: r.round }));
    },
    onError: (e) => setError(problemMessage(e, t)),
  });
  const r = results.data;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">
        {program.surveyRound
          ? tp('programs.survey.results', { n: program.surveyRound })
          : tp('programs.survey.closed')}
      </h2>
      {error ? (
        <div className="notice error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      <div className="actions">
        <button
          type="button"
          aria-disabled={open.isPending || undefined}
          onClick={() => !open.isPending && open.mutate()}
        >
          {tp('programs.survey.open', { n: program.surveyRound + 1 })}
        </button>
        <span className="busy" role="status">
          {open.isPending ? tp('programs.survey.opening') : ''}
        </span>
      </div>
      {program.surveyRound === 0 ? null : results.isError ? (
        <LoadError error={results.error} retry={() => void results.refetch()} />
      ) : !r ? (
        <Loading />
      ) : (
        <>
          <p>
            {tp('programs.survey.rate', {
              percent: Math.round(r.responseRate * 100),
              responses: r.responses,
              participants: r.participants,
            })}
          </p>
          {r.withheld ? (
            <p className="hint">{tp('programs.survey.withheld')}</p>
          ) : (
            <>
              <dl className="facts">
                {r.questions.map((q) => {
                  const question = programSurveyQuestions.find((x) => x.id === q.questionId);
                  return (
                    <div key={q.questionId}>
                      <dt>
                        {question
                          ? tProgramText(`survey.${question.id}`, question.text)
                          : q.questionId}
                      </dt>
                      <dd>
                        {q.mean === undefined ? '—' : tp('programs.survey.mean', { mean: q.mean })}
                        {q.distribution ? (
                          <ul
                            className="distribution"
                            aria-label={tp('programs.survey.distribution')}
                          >
                            {q.distribution.map((count, i) => (
                              <li key={agreementScale[i]!.value}>
                                {agreementScale[i]!.value}: {count}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </dd>
                    </div>
                  );
                })}
              </dl>
              <h3>{tp('programs.survey.comments')}</h3>
              {r.comments.length ? (
                <ul>
                  {r.comments.map((c, i) => (
                    <li key={`${i.toString()}-${c}`} className="break">
                      {c}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{tp('programs.survey.noComments')}</p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
