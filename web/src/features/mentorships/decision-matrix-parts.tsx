/**
 * The decision matrix's results: the answers given, the approaches ranked with their reasons
 * and descriptions, and (from a mentorship) saving the chosen approaches into its plan.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { ApiProblem } from '../../api/client.ts';
import {
  approachesQuery,
  keys,
  mentorshipPlanQuery,
  mentorshipQuery,
  putMentorshipPlan,
} from '../../api/queries.ts';
import {
  CheckboxGroup,
  Form,
  type FormModel,
  noErrors,
  problemToErrors,
  sendWith,
  TextField,
} from '../../components/form/index.ts';
import { LoadError, Loading, StatusMessage } from '../../components/page.tsx';
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
import { useViewer } from './mentorship-parts.tsx';

export const questions = Object.keys(matrixQuestions) as MatrixQuestion[];
/** The catalog key of an answer's words, e.g. `mentorships.matrix.answers.term.long`. */
export const answerKey = (q: MatrixQuestion, a: string | undefined) =>
  `mentorships.matrix.answers.${q}.${a}` as MentorshipKey;
export type Answers = Partial<Record<MatrixQuestion, string>>;

/** The approaches' texts: from the API, else the toolkit copy the app carries. */
function useApproaches(): { byId: Map<ApproachId, Approach>; fallback: boolean } {
  const fetched = useQuery(approachesQuery());
  const list: readonly Approach[] = fetched.data ?? domainApproaches;
  return { byId: new Map(list.map((a) => [a.id, a])), fallback: fetched.isError };
}

/** The answers, the ranking with its reasons, and saving the choice into the plan. */
export function Results({
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
  const [errors, setErrors] = useState(noErrors);
  const [saved, setSaved] = useState(false);
  // what the plan says already, until the reader changes it
  const shownFormats = formats ?? (plan.data?.content.formats as ApproachId[] | undefined) ?? [];
  const shownWhy = whySelected ?? plan.data?.content.whySelected ?? '';
  const value = useMemo(
    () => ({ formats: shownFormats, whySelected: shownWhy }),
    [shownFormats, shownWhy],
  );
  // a change pins only the field changed; the other still follows the plan
  const form: FormModel<typeof value> = {
    value,
    errors,
    update: (change) => {
      const next = change(value);
      if (next.formats !== value.formats) setFormats(next.formats);
      if (next.whySelected !== value.whySelected) setWhySelected(next.whySelected);
    },
  };

  const save = useMutation({
    mutationFn: async (chosen: { formats: ApproachId[]; whySelected: string }) => {
      const current = await queryClient.fetchQuery({
        ...mentorshipPlanQuery(networkId, mentorshipId),
        staleTime: 0,
      });
      return putMentorshipPlan(networkId, mentorshipId, {
        ...(current?.content ?? {}),
        version: current?.version ?? 0,
        ...chosen,
      });
    },
    onMutate: () => setSaved(false),
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
      setErrors(problemToErrors(error, t, { fields: SAVE_FIELDS }));
    },
  });

  const send = sendWith({ value, setErrors }, save, {
    body: (chosen) => ({ formats: chosen.formats, whySelected: chosen.whySelected.trim() }),
    label: t('mentorships.matrix.save'),
    busyLabel: t('mentorships.matrix.saving'),
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
        <Form form={form} id="matrix-save" ids="name" labelledBy="matrix-choose" {...send}>
          <CheckboxGroup
            path="formats"
            order="chosen"
            legend={labels.formats}
            hint={t('mentorships.matrix.formatsHint')}
            options={ranking.map((r) => ({ value: r.approach, label: name(r.approach) }))}
          />
          <TextField path="whySelected" label={labels.whySelected} rows={4} maxLength={4000} />
        </Form>
      </div>
    </>
  );
}
