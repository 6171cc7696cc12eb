/**
 * The participant survey: a participant's answers (without names), and the results over
 * the program, from 3 answers.
 */
import { agreementScale, programSurveyQuestions } from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  type FormErrors,
  noErrors,
  problemMessage,
  sendWith,
} from '../../components/form/index.ts';
import { LoadError, Loading } from '../../components/page.tsx';
import { tProgramText, useProgramT } from '../../i18n/en-programs.ts';
import { useT } from '../../i18n/index.ts';
import { RatingsForm, scaleOf, unrated } from './coaching-program-feedback-parts.tsx';
import { errorsOf, type ProgramPartProps, RatingGroup } from './coaching-program-parts.tsx';
import {
  openSurveyRound,
  postSurveyResponse,
  programKeys,
  surveyResultsQuery,
} from './coaching-program-queries.ts';

/** The survey form of a participant, while a round is open. */
export function Answer({ networkId, program, onDone }: ProgramPartProps) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [improve, setImprove] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const improveId = useId();
  const save = useMutation({
    mutationFn: (body: Parameters<typeof postSurveyResponse>[2]) =>
      postSurveyResponse(networkId, program.id, body),
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
  const send = sendWith({ value: { answers, improve }, setErrors }, save, {
    body: (v) =>
      unrated(v.answers, `answers.${programSurveyQuestions[0].id}`) ?? {
        answers: v.answers,
        ...(v.improve.trim() ? { improve: v.improve.trim() } : {}),
      },
    label: tp('programs.survey.submit'),
    busyLabel: tp('programs.survey.submitting'),
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
      <RatingsForm
        headingId={headingId}
        errors={errors}
        labels={labels}
        value={{ answers, improve }}
        {...send}
      >
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
      </RatingsForm>
    </section>
  );
}

/** The survey's results over the program, and the coordinator's way to open a round. */
export function Results({ networkId, program, onDone }: ProgramPartProps) {
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
