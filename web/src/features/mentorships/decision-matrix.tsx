import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import { api, call } from '../../api/client.ts';
import { mentorshipQuery } from '../../api/queries.ts';
import { Form, noErrors, RadioGroup, useForm } from '../../components/form/index.ts';
import { LoadError, Page } from '../../components/page.tsx';
import { useMT } from '../../i18n/en-mentorships.ts';
import {
  type MatrixAnswers,
  matrixQuestions,
  type RankedApproach,
} from '../../mentorship-domain.ts';
import { type Answers, answerKey, questions, Results } from './decision-matrix-parts.tsx';
import { useOrganizations, useViewer } from './mentorship-parts.tsx';

/**
 * The approach decision-making matrix (001 p.40) as a wizard: six questions one at a
 * time, then the ranking with its reasons and each approach's description; from a
 * mentorship, the chosen approaches and why are saved into its mentoring plan.
 */
export function DecisionMatrixPage() {
  const { networkId, mentorshipId } = useParams<{ networkId?: string; mentorshipId?: string }>();
  const t = useMT();
  const [step, setStep] = useState(0);
  const form = useForm<Answers>({ initial: {} });
  const answers = form.value;
  const [ranking, setRanking] = useState<RankedApproach[]>();
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
    onError: (error) => form.fail(error, { fields: [] }),
  });

  const question = questions[step]!;
  const last = step === questions.length - 1;
  const next = () => {
    if (rank.isPending) return;
    if (!answers[question]) {
      return form.setErrors({ fields: { [question]: t('mentorships.matrix.chooseAnswer') } });
    }
    form.setErrors(noErrors);
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
          <Form form={form} id="matrix" ids="name" labelledBy="matrix-step" onSubmit={next}>
            <RadioGroup
              key={question}
              path={question}
              name={question}
              className="radios"
              itemClassName="radio"
              legend={t(`mentorships.matrix.questions.${question}`)}
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
                    form.setErrors(noErrors);
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
