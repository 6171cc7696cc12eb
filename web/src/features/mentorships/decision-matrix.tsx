import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import { ApiProblem, api, call } from '../../api/client.ts';
import {
  approachesQuery,
  keys,
  mentorshipPlanQuery,
  mentorshipQuery,
  putMentorshipPlan,
} from '../../api/queries.ts';
import {
  Form,
  type FormErrors,
  noErrors,
  problemToErrors,
  SubmitButton,
} from '../../components/form.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { type MentorshipKey, tData, useMT } from '../../i18n/en-mentorships.ts';
import {
  type Approach,
  type ApproachId,
  approaches as domainApproaches,
  type MatrixAnswers,
  type MatrixQuestion,
  matrixQuestions,
  type RankedApproach,
} from '../../mentorship-domain.ts';
import { CheckboxList, RadioGroup, useOrganizations, useViewer } from './mentorship-parts.tsx';

const questions = Object.keys(matrixQuestions) as MatrixQuestion[];
/** The catalog key of an answer's words, e.g. `mentorships.matrix.answers.term.long`. */
const answerKey = (q: MatrixQuestion, a: string | undefined) =>
  `mentorships.matrix.answers.${q}.${a}` as MentorshipKey;
type Answers = Partial<Record<MatrixQuestion, string>>;

/**
 * The approach decision-making matrix (001 p.40) as a wizard: six questions one at a
 * time, then the ranking with its reasons and each approach's description; from a
 * mentorship, the chosen approaches and why are saved into its mentoring plan.
 */
export function DecisionMatrixPage() {
  const { networkId, mentorshipId } = useParams<{ networkId?: string; mentorshipId?: string }>();
  const t = useMT();
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const [ranking, setRanking] = useState<RankedApproach[]>();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // after each move, start reading from the new question (or the ranking)
  const view = ranking ? 'ranking' : step;
  useEffect(() => {
    if (!moved.current) return;
    (view === 'ranking' ? resultsHeading : stepHeading).current?.focus();
  }, [view]);

  const rank = useMutation({
    mutationFn: (a: MatrixAnswers) => call(api['decision-matrix'].$post({ json: { answers: a } })),
    onSuccess: ({ ranking }) => {
      moved.current = true;
      setRanking(ranking);
    },
    onError: (error) => setErrors(problemToErrors(error, [], t)),
  });

  const question = questions[step]!;
  const last = step === questions.length - 1;
  const next = (event?: FormEvent) => {
    event?.preventDefault();
    if (rank.isPending) return;
    if (!answers[question]) {
      return setErrors({ fields: { [question]: t('mentorships.matrix.chooseAnswer') }, other: [] });
    }
    setErrors(noErrors);
    moved.current = true;
    if (last) rank.mutate(answers as MatrixAnswers);
    else setStep(step + 1);
  };

  return (
    <Page title={t('mentorships.matrix.title')}>
      <p>{t('mentorships.matrix.intro')}</p>
      {networkId && mentorshipId ? (
        <ForMentorship networkId={networkId} mentorshipId={mentorshipId} />
      ) : null}
      {ranking ? (
        <Results
          answers={answers as MatrixAnswers}
          ranking={ranking}
          headingRef={resultsHeading}
          networkId={networkId}
          mentorshipId={mentorshipId}
          onChange={() => {
            moved.current = true;
            setRanking(undefined);
            setStep(0);
          }}
        />
      ) : (
        <section aria-labelledby="matrix-step">
          <h2 id="matrix-step" ref={stepHeading} tabIndex={-1}>
            {t('mentorships.matrix.progress', { number: step + 1, total: questions.length })}
          </h2>
          <Form
            id="matrix"
            labelledBy="matrix-step"
            errors={errors}
            labels={{ [question]: t(`mentorships.matrix.questions.${question}`) }}
            onSubmit={() => next()}
          >
            <RadioGroup
              key={question}
              formId="matrix"
              errors={errors}
              name={question}
              label={t(`mentorships.matrix.questions.${question}`)}
              value={answers[question] ?? ''}
              onChange={(value) => setAnswers({ ...answers, [question]: value })}
              options={matrixQuestions[question].map((a) => ({
                value: a,
                label: t(answerKey(question, a)),
              }))}
            />
            <div className="actions">
              {step > 0 ? (
                <button
                  type="button"
                  onClick={() => {
                    setErrors(noErrors);
                    moved.current = true;
                    setStep(step - 1);
                  }}
                >
                  {t('mentorships.matrix.back')}
                </button>
              ) : null}
              <button type="submit" className="primary" aria-disabled={rank.isPending || undefined}>
                {t(last ? 'mentorships.matrix.seeRanking' : 'mentorships.matrix.next')}
              </button>
              <span className="busy" role="status">
                {rank.isPending ? t('mentorships.matrix.ranking') : ''}
              </span>
            </div>
          </Form>
        </section>
      )}
    </Page>
  );
}

/** Which mentorship the choice is for, and the way back to it. */
function ForMentorship({ networkId, mentorshipId }: { networkId: string; mentorshipId: string }) {
  const t = useMT();
  const viewer = useViewer(networkId);
  const orgs = useOrganizations(networkId, viewer.isAdmin, viewer.user?.organizationId);
  const mentorship = useQuery(mentorshipQuery(networkId, mentorshipId));
  const m = mentorship.data;
  return (
    <>
      {m ? (
        <p>
          {t('mentorships.matrix.forMentorship', {
            name: t('mentorships.detail.heading', {
              mentor: orgs.name(m.mentorOrganizationId),
              mentees: m.menteeOrganizationIds.map(orgs.name).join(', '),
            }),
          })}
        </p>
      ) : mentorship.isError ? (
        <LoadError error={mentorship.error} />
      ) : null}
      <p>
        <Link href={`/networks/${networkId}/mentorships/${mentorshipId}`}>
          {t('mentorships.matrix.backToMentorship')}
        </Link>
      </p>
    </>
  );
}

/** The approaches' texts: from the API, else the toolkit copy the app carries. */
function useApproaches(): { byId: Map<ApproachId, Approach>; fallback: boolean } {
  const fetched = useQuery(approachesQuery());
  const list: readonly Approach[] = fetched.data ?? domainApproaches;
  return { byId: new Map(list.map((a) => [a.id, a])), fallback: fetched.isError };
}

function Results({
  answers,
  ranking,
  headingRef,
  networkId,
  mentorshipId,
  onChange,
}: {
  answers: MatrixAnswers;
  ranking: RankedApproach[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  networkId: string | undefined;
  mentorshipId: string | undefined;
  onChange: () => void;
}) {
  const t = useMT();
  const { byId, fallback } = useApproaches();
  const name = (id: ApproachId) => t(`mentorships.approaches.${id}`);
  const reason = (r: string) => {
    const [q, a] = r.split(':');
    return t(`mentorships.matrix.reasons.${q}.${a}` as MentorshipKey);
  };
  return (
    <>
      <section aria-labelledby="matrix-answers">
        <h2 id="matrix-answers" ref={headingRef} tabIndex={-1}>
          {t('mentorships.matrix.answersHeading')}
        </h2>
        <dl className="facts">
          {questions.map((q) => (
            <div key={q}>
              <dt>{t(`mentorships.matrix.questions.${q}`)}</dt>
              <dd>{t(answerKey(q, answers[q]))}</dd>
            </div>
          ))}
        </dl>
        <p>
          <button type="button" onClick={onChange}>
            {t('mentorships.matrix.changeAnswers')}
          </button>
        </p>
      </section>

      <section aria-labelledby="matrix-ranking">
        <h2 id="matrix-ranking">{t('mentorships.matrix.rankingHeading')}</h2>
        {fallback ? <p className="hint">{t('mentorships.matrix.approachesFallback')}</p> : null}
        <ol className="ranking">
          {ranking.map((r) => {
            const a = byId.get(r.approach);
            return (
              <li key={r.approach}>
                <h3>{name(r.approach)}</h3>
                <p className="score">
                  {t('mentorships.matrix.score', { score: r.score, total: questions.length })}
                </p>
                {r.reasons.length > 0 ? (
                  <>
                    <p>{t('mentorships.matrix.because')}</p>
                    <ul>
                      {r.reasons.map((x) => (
                        <li key={x}>{reason(x)}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p>{t('mentorships.matrix.noReasons')}</p>
                )}
                {a ? (
                  <>
                    <h4>{t('mentorships.matrix.definition')}</h4>
                    <p>{tData(`approaches.${a.id}.definition`, a.definition)}</p>
                    <h4>{t('mentorships.matrix.whenToUse')}</h4>
                    <ul>
                      {a.whenToUse.map((w, i) => (
                        <li key={w}>{tData(`approaches.${a.id}.whenToUse.${i}`, w)}</li>
                      ))}
                    </ul>
                    <h4>{t('mentorships.matrix.virtual')}</h4>
                    <p>{tData(`approaches.${a.id}.virtualNote`, a.virtualNote)}</p>
                  </>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="matrix-choose" className="panel">
        <h2 id="matrix-choose">{t('mentorships.matrix.chooseHeading')}</h2>
        {networkId && mentorshipId ? (
          <SaveToPlan
            networkId={networkId}
            mentorshipId={mentorshipId}
            ranking={ranking}
            name={name}
          />
        ) : (
          <p>{t('mentorships.matrix.noMentorship')}</p>
        )}
      </section>
    </>
  );
}

const SAVE_FIELDS = ['formats', 'whySelected'] as const;

/**
 * Ticks the approaches to use and says why, then saves them into the plan: the plan is read
 * again just before, and only `formats` and `whySelected` change.
 */
function SaveToPlan({
  networkId,
  mentorshipId,
  ranking,
  name,
}: {
  networkId: string;
  mentorshipId: string;
  ranking: RankedApproach[];
  name: (id: ApproachId) => string;
}) {
  const t = useMT();
  const queryClient = useQueryClient();
  const viewer = useViewer(networkId);
  const mentorship = useQuery(mentorshipQuery(networkId, mentorshipId));
  const plan = useQuery(mentorshipPlanQuery(networkId, mentorshipId));
  const [formats, setFormats] = useState<ApproachId[]>();
  const [whySelected, setWhySelected] = useState<string>();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [saved, setSaved] = useState(false);
  // what the plan says already, until the reader changes it
  const shownFormats = formats ?? (plan.data?.content.formats as ApproachId[] | undefined) ?? [];
  const shownWhy = whySelected ?? plan.data?.content.whySelected ?? '';

  const save = useMutation({
    mutationFn: async () => {
      const current = await queryClient.fetchQuery({
        ...mentorshipPlanQuery(networkId, mentorshipId),
        staleTime: 0,
      });
      return putMentorshipPlan(networkId, mentorshipId, {
        ...(current?.content ?? {}),
        version: current?.version ?? 0,
        formats: shownFormats,
        whySelected: shownWhy.trim(),
      });
    },
    onSuccess: async (doc) => {
      setSaved(true);
      queryClient.setQueryData(keys.mentorshipPlan(networkId, mentorshipId), doc);
      // the plan's formats become the mentorship's approaches (the list's filter)
      await queryClient.invalidateQueries({ queryKey: keys.mentorships(networkId) });
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) {
        void queryClient.invalidateQueries({
          queryKey: keys.mentorshipPlan(networkId, mentorshipId),
        });
        return setErrors({ ...noErrors, message: t('mentorships.matrix.planConflict') });
      }
      setErrors(problemToErrors(error, SAVE_FIELDS, t));
    },
  });

  const labels = {
    formats: t('mentorships.matrix.formats'),
    whySelected: t('mentorships.matrix.whySelected'),
  };
  if (mentorship.data && !viewer.canManage(mentorship.data))
    return <p>{t('mentorships.matrix.cannotSave')}</p>;
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <LoadError error={plan.error} retry={() => void plan.refetch()} />;
  return (
    <>
      <StatusMessage message={saved ? t('mentorships.matrix.saved') : undefined} />
      {saved ? (
        <p>
          <Link href={`/networks/${networkId}/mentorships/${mentorshipId}/plan`}>
            {t('mentorships.matrix.openPlan')}
          </Link>
        </p>
      ) : null}
      <div className="narrow">
        <Form
          id="matrix-save"
          labelledBy="matrix-choose"
          errors={errors}
          labels={labels}
          onSubmit={() => {
            if (save.isPending) return;
            setErrors(noErrors);
            setSaved(false);
            save.mutate();
          }}
        >
          <CheckboxList
            formId="matrix-save"
            errors={errors}
            name="formats"
            label={labels.formats}
            hint={t('mentorships.matrix.formatsHint')}
            options={ranking.map((r) => ({ value: r.approach, label: name(r.approach) }))}
            values={shownFormats}
            onChange={(v) => setFormats(v as ApproachId[])}
          />
          <div className={errors.fields.whySelected ? 'field invalid' : 'field'}>
            <label htmlFor="matrix-save-whySelected">{labels.whySelected}</label>
            {errors.fields.whySelected ? (
              <p className="field-error" id="matrix-save-whySelected-error">
                {labels.whySelected}: {errors.fields.whySelected}
              </p>
            ) : null}
            <textarea
              id="matrix-save-whySelected"
              name="whySelected"
              rows={4}
              maxLength={4000}
              value={shownWhy}
              onChange={(e) => setWhySelected(e.target.value)}
              aria-invalid={errors.fields.whySelected ? true : undefined}
              aria-describedby={
                errors.fields.whySelected ? 'matrix-save-whySelected-error' : undefined
              }
            />
          </div>
          <SubmitButton
            label={t('mentorships.matrix.save')}
            busy={save.isPending}
            busyLabel={t('mentorships.matrix.saving')}
          />
        </Form>
      </div>
    </>
  );
}
