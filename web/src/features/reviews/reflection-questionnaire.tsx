/**
 * Answering the reflection: how anonymous the answer is on the reader's side, then the
 * questionnaire, sent once.
 */
import { reflectionScales } from '@sisi/domain/static';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../../api/client.ts';
import {
  Form,
  fieldErrorsOf,
  problemMessage,
  RadioGroup,
  refusal,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { tPaper, useReflectionT } from '../../i18n/en-reflection.ts';
import { useT } from '../../i18n/index.ts';
import {
  commentsOf,
  F,
  itemsOf,
  itemText,
  optionLabel,
  type Results,
  sideName,
} from './reflection-labels.ts';
import { postReflectionAnswers, reflectionKeys } from './reflection-queries.ts';
import { reviewKeys } from './review-queries.ts';
import '../../components/doc-form.css';

type Draft = { answers: Record<string, string>; comments: Record<string, string> };

/** How many may answer on the reader's side, how many did, and what that means. */
export function AnonymityNotice({ results }: { results: Results }) {
  const tr = useReflectionT();
  const { side, notice } = results.you;
  const mine = results.sides.find((s) => s.side === side);
  if (!side || !mine || !notice) return null;
  const strong = notice === 'only-respondent';
  return (
    <section
      aria-labelledby="anonymity"
      className={strong ? 'notice warning anonymity' : 'notice info anonymity'}
    >
      <h2 id="anonymity">{tr('reflection.notice.heading')}</h2>
      <p>
        {tr('reflection.notice.side', {
          side: sideName(tr, side),
          possible: mine.possibleRespondents,
          answered: mine.answers,
        })}
      </p>
      <p>
        <strong>{tr(`reflection.notice.${notice}`, { side: sideName(tr, side) })}</strong>
      </p>
      <p>{tr('reflection.notice.stored')}</p>
      <p>{tr('reflection.notice.comments')}</p>
    </section>
  );
}

const emptyDraft = (): Draft => ({ answers: {}, comments: {} });

export function Questionnaire({
  networkId,
  mentorshipId,
  onSent,
}: {
  networkId: string;
  mentorshipId: string;
  onSent: () => void;
}) {
  const t = useT();
  const tr = useReflectionT();
  const queryClient = useQueryClient();
  const form = useForm<Draft>({ initial: emptyDraft });
  const { value: draft, setErrors } = form;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({
        queryKey: reflectionKeys.reflection(networkId, mentorshipId),
      }),
      queryClient.invalidateQueries({
        queryKey: reviewKeys.mentorshipReviews(networkId, mentorshipId),
      }),
      queryClient.invalidateQueries({ queryKey: reviewKeys.due(networkId) }),
    ]);
  const submit = useMutation({
    mutationFn: (body: Draft) => postReflectionAnswers(networkId, mentorshipId, body),
    onSuccess: async () => {
      onSent();
      await refresh();
      window.scrollTo(0, 0);
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && error.status === 409) {
        // answered meanwhile (another tab): nothing was written; show the results
        setErrors({ message: tr('reflection.form.alreadyAnswered'), fields: {} });
        await refresh();
      } else if (error instanceof ApiProblem && error.errors.length > 0) {
        setErrors({ fields: fieldErrorsOf(error.errors, draft) });
      } else {
        setErrors({ message: problemMessage(error, t), fields: {} });
      }
    },
  });

  const send = sendWith(form, submit, {
    body: (value) => {
      // the paper: "Please answer every question"
      const missing = F.sections
        .flatMap(itemsOf)
        .filter((item) => !value.answers[item.id])
        .map((item) => ({ path: `answers.${item.id}`, message: t('errors.isRequired') }));
      const comments = Object.fromEntries(
        Object.entries(value.comments)
          .map(([k, v]) => [k, v.trim()] as const)
          .filter(([, v]) => v !== ''),
      );
      return (
        refusal({ fields: fieldErrorsOf(missing, value) }) ?? { answers: value.answers, comments }
      );
    },
    label: tr('reflection.form.submit'),
    busyLabel: tr('reflection.form.submitting'),
  });

  return (
    <Form form={form} id="reflection" look="document" {...send}>
      <details className="paper-instructions">
        <summary>{tPaper('reflection.instructionsHeading', F.instructionsHeading)}</summary>
        {F.instructions.map((p, i) => (
          <p key={p.slice(0, 24)}>{tPaper(`reflection.instructions.${i}`, p)}</p>
        ))}
      </details>
      {F.sections.map((section) => {
        const comments = commentsOf(section);
        return (
          <section key={section.id} aria-labelledby={`reflection-${section.id}`}>
            <h2 id={`reflection-${section.id}`}>
              {tPaper(`reflection.${section.id}.title`, section.title)}
            </h2>
            {'intro' in section ? (
              <p>{tPaper(`reflection.${section.id}.intro`, section.intro)}</p>
            ) : null}
            {itemsOf(section).map((item) => (
              <RadioGroup
                key={item.id}
                path={`answers.${item.id}`}
                legend={itemText(item)}
                options={reflectionScales[item.scale].options.map((o) => ({
                  value: o.id,
                  label: optionLabel(item.scale, o.id),
                }))}
              />
            ))}
            {comments ? (
              <TextField
                path={`comments.${section.id}`}
                label={tPaper(`reflection.${section.id}.comments`, comments)}
                hint={tr('reflection.form.comments')}
                rows={3}
                maxLength={4000}
              />
            ) : null}
          </section>
        );
      })}
      <section aria-labelledby="reflection-overall">
        <h2 id="reflection-overall">{tPaper('reflection.overall', F.overallComments.text)}</h2>
        <TextField
          path={`comments.${F.overallComments.id}`}
          label={tPaper('reflection.overall', F.overallComments.text)}
          hint={tr('reflection.form.comments')}
          rows={4}
          maxLength={4000}
        />
      </section>
    </Form>
  );
}
