/**
 * The closure questions (001 "Closure", Step 5: End the Relationship): free-text answers to
 * the questions of `closureQuestions`, at least one, saved as a versioned document. They are
 * answered while the relationship is monitored or once it has ended; earlier, the page says
 * so (and shows answers saved before the stage moved back, read only).
 */
import { closureAnswersSchema, closureQuestions } from '@sisi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { ApiProblem } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import { GroupError, TextField, useDomId, useFormContext } from '../../components/form/index.ts';
import { useMentorshipRoute } from '../../components/mentorship-context.tsx';
import { useVersionedDoc } from '../../components/versioned-doc.tsx';
import { tp as planT, usePlanT } from '../../i18n/en-plan.ts';
import { closureOpen } from '../../mentorship-domain.ts';
import { MentorshipDocPage } from './mentorship-doc.tsx';
import { type ClosureContent, type ClosureInput, closureQuery, putClosure } from './queries.ts';

type ClosureDraft = { answers: Record<string, string> };

function toDraft(c: ClosureContent | undefined): ClosureDraft {
  return { answers: Object.fromEntries(Object.entries(c?.answers ?? {})) };
}

/** The non-empty answers, trimmed. */
function toBody(d: ClosureDraft): Omit<ClosureInput, 'version'> {
  return {
    answers: Object.fromEntries(
      Object.entries(d.answers)
        .map(([k, v]) => [k, v.trim()] as const)
        .filter(([, v]) => v !== ''),
    ) as ClosureContent['answers'],
  };
}

/** The domain's schema, with its "answer at least one question" in the reader's words. */
const schema = {
  safeParse(value: unknown) {
    const result = closureAnswersSchema.safeParse(value);
    if (result.success) return { success: true };
    return {
      success: false,
      error: {
        issues: result.error.issues.map((issue) =>
          issue.code === 'custom' && issue.path.join('.') === 'answers'
            ? { ...issue, message: planT('s2s.closure.atLeastOne') }
            : issue,
        ),
      },
    };
  },
};

/** `/networks/:networkId/mentorships/:mentorshipId/closure` */
export function ClosurePage() {
  const tp = usePlanT();
  const queryClient = useQueryClient();
  const route = useMentorshipRoute();
  const { networkId, mentorshipId, ctx } = route;
  const open = closureOpen(ctx.mentorship.data?.stage);
  const doc = useVersionedDoc({
    query: closureQuery(networkId, mentorshipId),
    ready: ctx.ready,
    toDraft,
    toBody,
    schema,
    put: async (body) => {
      try {
        return await putClosure(networkId, mentorshipId, body);
      } catch (error) {
        // 422 here is `closure-too-early`: the stage moved back meanwhile. Show the stage
        // as it is now, and say why nothing was saved.
        if (error instanceof ApiProblem && error.status === 422) {
          void queryClient.invalidateQueries({
            queryKey: keys.mentorship(networkId, mentorshipId),
            exact: true,
          });
          throw new ApiProblem(422, error.title, tp('s2s.closure.tooEarlySave'));
        }
        throw error;
      }
    },
    canEdit: ctx.canManage && open,
  });
  const savedEarlier = Boolean(doc.base || doc.dirty);

  return (
    <MentorshipDocPage
      title={tp('s2s.closure.title')}
      route={route}
      doc={doc}
      id="closure"
      conflictText={tp('s2s.closure.conflict')}
      savedText={tp('s2s.closure.saved')}
      {...(open
        ? { intro: <p>{tp('s2s.closure.intro')}</p> }
        : {
            // earlier than closure: say so, and show answers saved before the stage moved back
            intro: (
              <div className="notice info">
                <p>{tp('s2s.closure.tooEarly')}</p>
                {savedEarlier ? <p>{tp('s2s.closure.savedEarlier')}</p> : null}
              </div>
            ),
            notices: null,
            showForm: savedEarlier,
          })}
    >
      <ClosureFields />
    </MentorshipDocPage>
  );
}

/** Each question of the source as the label of its own textarea, in one group. */
function ClosureFields() {
  const tp = usePlanT();
  const id = useDomId('answers');
  const invalid = !!useFormContext().errors.answers;
  const legend = tp('s2s.closure.questions');
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className="group"
      aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
    >
      <legend>{legend}</legend>
      <p className="hint" id={`${id}-hint`}>
        {tp('s2s.closure.questionsHint')}
      </p>
      <GroupError path="answers" label={legend} />
      {closureQuestions.map((q) => (
        <TextField key={q.id} path={`answers.${q.id}`} label={q.text} rows={4} maxLength={4000} />
      ))}
    </fieldset>
  );
}
