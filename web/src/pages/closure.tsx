/**
 * The closure questions (001 "Closure", Step 5: End the Relationship): free-text answers to
 * the questions of `closureQuestions`, at least one, saved as a versioned document. They are
 * answered while the relationship is monitored or once it has ended; earlier, the page says
 * so (and shows answers saved before the stage moved back, read only).
 */
import { closureAnswersSchema, closureQuestions } from '@sisi/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'wouter';
import { ApiProblem } from '../api/client.ts';
import {
  type ClosureContent,
  type ClosureInput,
  closureOpen,
  closureQuery,
  planKeys,
  putClosure,
} from '../api/plan-queries.ts';
import { DocForm, GroupError, TextField, useDocForm, useDomId } from '../components/doc-form.tsx';
import { MentorshipHeader, useMentorshipContext } from '../components/mentorship-context.tsx';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { DocNotices, useVersionedDoc } from '../components/versioned-doc.tsx';
import { tp as planT, usePlanT } from '../i18n/en-plan.ts';

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
  const { networkId = '', mentorshipId = '' } = useParams<{
    networkId: string;
    mentorshipId: string;
  }>();
  const tp = usePlanT();
  const queryClient = useQueryClient();
  const ctx = useMentorshipContext(networkId, mentorshipId);
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
            queryKey: planKeys.mentorship(networkId, mentorshipId),
            exact: true,
          });
          throw new ApiProblem(422, error.title, tp('s2s.closure.tooEarlySave'));
        }
        throw error;
      }
    },
    canEdit: ctx.canManage && open,
  });
  const failed = ctx.mentorship.isError
    ? ctx.mentorship.error
    : doc.status === 'error'
      ? doc.loadError
      : null;

  const form = doc.draft ? (
    <DocForm
      id="closure"
      draft={doc.draft}
      onChange={doc.setDraft}
      errors={doc.errors}
      readOnly={doc.readOnly}
      onSubmit={doc.save}
      submit={{
        label: tp('s2s.form.save'),
        busy: doc.saving,
        busyLabel: tp('s2s.form.saving'),
        note: doc.dirty ? tp('s2s.form.unsaved') : undefined,
      }}
    >
      <ClosureFields />
    </DocForm>
  ) : null;

  return (
    <Page title={tp('s2s.closure.title')}>
      <MentorshipHeader
        networkId={networkId}
        mentorshipId={mentorshipId}
        organizationOptions={ctx.organizationOptions}
      />
      {failed ? (
        <LoadError
          error={failed}
          retry={() => {
            void ctx.mentorship.refetch();
            doc.retry();
          }}
        />
      ) : doc.status !== 'ready' || !doc.draft ? (
        <Loading />
      ) : !open ? (
        <>
          <div className="notice info">
            <p>{tp('s2s.closure.tooEarly')}</p>
            {doc.base || doc.dirty ? <p>{tp('s2s.closure.savedEarlier')}</p> : null}
          </div>
          {doc.base || doc.dirty ? form : null}
        </>
      ) : (
        <>
          <p>{tp('s2s.closure.intro')}</p>
          <DocNotices
            doc={doc}
            conflictText={tp('s2s.closure.conflict')}
            savedText={tp('s2s.closure.saved')}
          />
          {form}
        </>
      )}
    </Page>
  );
}

/** Each question of the source as the label of its own textarea, in one group. */
function ClosureFields() {
  const tp = usePlanT();
  const id = useDomId('answers');
  const invalid = !!useDocForm().errors.answers;
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
