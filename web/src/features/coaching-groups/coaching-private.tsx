/**
 * What is private to each member of a peer coaching group (003): their answers to the key
 * questions, and their learning log of each session. Only the author reads them; the
 * pages say so.
 *
 * `/networks/:networkId/coaching-groups/:groupId/worksheet` and
 * `/networks/:networkId/coaching-groups/:groupId/sessions/:sessionId/learning-log`
 */
import type { KeyQuestionId } from '@sisi/domain';
import { keyQuestions, learningLogForm } from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { Form, refuse, sendWith, TextField, useForm } from '../../components/form/index.ts';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { tGroupSource, useCoachingT } from '../../i18n/en-coaching.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import { peopleNames, SourceLine } from './coaching-group-parts.tsx';
import {
  coachingGroupQuery,
  groupKeys,
  learningLogQuery,
  putLearningLog,
  putWorksheet,
  useGroupSession,
  worksheetQuery,
} from './coaching-group-queries.ts';

/** A form label of a source without its trailing colon ("Content:" → "Content"). */
const label = (id: string, source: string) => tGroupSource(id, source).replace(/\s*:\s*$/, '');

function PrivateNote({ message }: { message: string }) {
  return (
    <div className="notice info private-note">
      <p>{message}</p>
    </div>
  );
}

/** `/networks/:networkId/coaching-groups/:groupId/worksheet` */
export function WorksheetPage() {
  const { networkId = '', groupId = '' } = useParams<{ networkId: string; groupId: string }>();
  const tc = useCoachingT();
  const group = useQuery(coachingGroupQuery(networkId, groupId));
  const sheet = useQuery(worksheetQuery(networkId, groupId));
  const [done, setDone] = useState<string>();
  const title = tc('coachingGroups.worksheet.title');
  const error = group.error ?? sheet.error;
  if (error) {
    return (
      <Page title={title}>
        <LoadError error={error} />
      </Page>
    );
  }
  if (!group.data || sheet.isPending) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  const labels = Object.fromEntries(
    keyQuestions.questions.map((q) => [q.id, tGroupSource(`key-${q.id}`, q.text)]),
  );
  return (
    <Page title={title}>
      <p>
        <Link href={`/networks/${networkId}/coaching-groups/${groupId}`}>{group.data.name}</Link>
      </p>
      <PrivateNote message={tc('coachingGroups.worksheet.private')} />
      <p>{tGroupSource('key-heading', keyQuestions.heading)}</p>
      <p className="hint">{tc('coachingGroups.worksheet.listedNote')}</p>
      <SourceLine text={keyQuestions} />
      <WorksheetForm
        networkId={networkId}
        groupId={groupId}
        answers={sheet.data?.answers ?? {}}
        labels={labels}
        onDone={setDone}
      />
      <StatusMessage message={done} />
      <p className="hint">{tGroupSource('key-closing', keyQuestions.closing)}</p>
    </Page>
  );
}

/** The member's answers to the key questions, as they were saved. */
function WorksheetForm({
  networkId,
  groupId,
  answers,
  labels,
  onDone,
}: {
  networkId: string;
  groupId: string;
  answers: Partial<Record<KeyQuestionId, string>>;
  labels: Record<string, string>;
  onDone: (message: string | undefined) => void;
}) {
  const tc = useCoachingT();
  const queryClient = useQueryClient();
  const form = useForm<Record<string, string>>({
    initial: () =>
      Object.fromEntries(keyQuestions.questions.map((q) => [q.id, answers[q.id] ?? ''])),
  });
  const save = useMutation({
    mutationFn: (body: Partial<Record<KeyQuestionId, string>>) =>
      putWorksheet(networkId, groupId, body),
    onMutate: () => onDone(undefined),
    onSuccess: (next) => {
      queryClient.setQueryData(groupKeys.worksheet(networkId, groupId), next);
      form.succeed();
      onDone(tc('coachingGroups.worksheet.saved'));
    },
    onError: (error) => form.fail(error, { fields: ['answers'] }),
  });
  const send = sendWith(form, save, {
    body: (value) =>
      Object.fromEntries(keyQuestions.questions.map((q) => [q.id, (value[q.id] ?? '').trim()])),
    label: tc('coachingGroups.worksheet.save'),
    busyLabel: tc('coachingGroups.worksheet.saving'),
  });
  return (
    <Form form={form} id="worksheet" ids="name" {...send}>
      {keyQuestions.questions.map((q) => (
        <TextField
          key={q.id}
          path={q.id}
          name={q.id}
          label={labels[q.id]!}
          rows={3}
          maxLength={4000}
        />
      ))}
    </Form>
  );
}

type LogField = 'content' | 'evaluation' | 'actionPlan';
const WRITTEN = learningLogForm.fields.filter((f) => !f.fromSession) as readonly {
  id: string;
  field: LogField;
  text: string;
  hint?: string;
}[];

/** `/networks/:networkId/coaching-groups/:groupId/sessions/:sessionId/learning-log` */
export function LearningLogPage() {
  const { networkId, groupId, sessionId, group, runner } = useGroupSession();
  const tc = useCoachingT();
  const log = useQuery(learningLogQuery(networkId, groupId, sessionId));
  const [done, setDone] = useState<string>();
  const title = tc('coachingGroups.log.title');
  const error = group.error ?? runner.error ?? log.error;
  if (error) {
    return (
      <Page title={title}>
        <LoadError error={error} />
      </Page>
    );
  }
  if (!group.data || !runner.data || log.isPending) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  const name = peopleNames(group.data, tc('coachingGroups.group.unknownPerson'));
  const r = runner.data;
  const present =
    log.data?.membersPresent.map((p) => p.name ?? name(p.id)) ?? r.presentIds.map((id) => name(id));
  const facilitator = log.data
    ? log.data.facilitator
      ? (log.data.facilitator.name ?? name(log.data.facilitator.id))
      : undefined
    : r.facilitator.personId
      ? name(r.facilitator.personId)
      : undefined;
  const facts: Record<string, string> = {
    date: formatDate(log.data?.date ?? r.date),
    'members-present': present.length ? present.join(', ') : tc('coachingGroups.log.nobody'),
    facilitator: facilitator ?? tc('coachingGroups.log.nobody'),
  };
  const labels = Object.fromEntries(WRITTEN.map((f) => [f.field, label(`log-${f.id}`, f.text)]));
  return (
    <Page title={title} heading={`${title}: ${group.data.name}, ${formatDate(r.date)}`}>
      <p>
        <Link href={`/networks/${networkId}/coaching-groups/${groupId}`}>{group.data.name}</Link>
      </p>
      <PrivateNote message={tc('coachingGroups.log.private')} />
      <p>{tGroupSource('log-intro', learningLogForm.intro)}</p>
      <SourceLine text={learningLogForm} />
      <h2>{tc('coachingGroups.log.fromSession')}</h2>
      <dl className="facts">
        {learningLogForm.fields
          .filter((f) => f.fromSession)
          .map((f) => (
            <div key={f.id}>
              <dt>{label(`log-${f.id}`, f.text)}</dt>
              <dd>{facts[f.id]}</dd>
            </div>
          ))}
      </dl>
      <LearningLogForm
        networkId={networkId}
        groupId={groupId}
        sessionId={sessionId}
        saved={log.data ?? undefined}
        labels={labels}
        onDone={setDone}
      />
      <StatusMessage message={done} />
    </Page>
  );
}

/** What the member writes of the session: at least one of the written fields. */
function LearningLogForm({
  networkId,
  groupId,
  sessionId,
  saved,
  labels,
  onDone,
}: {
  networkId: string;
  groupId: string;
  sessionId: string;
  saved: Partial<Record<LogField, string>> | undefined;
  labels: Record<string, string>;
  onDone: (message: string | undefined) => void;
}) {
  const t = useT();
  const tc = useCoachingT();
  const queryClient = useQueryClient();
  const form = useForm<Record<LogField, string>>({
    initial: () => ({
      content: saved?.content ?? '',
      evaluation: saved?.evaluation ?? '',
      actionPlan: saved?.actionPlan ?? '',
    }),
  });
  const save = useMutation({
    mutationFn: (body: Record<LogField, string>) =>
      putLearningLog(networkId, groupId, sessionId, body),
    onMutate: () => onDone(undefined),
    onSuccess: (next) => {
      queryClient.setQueryData(groupKeys.log(networkId, groupId, sessionId), next);
      form.succeed();
      onDone(tc('coachingGroups.log.saved'));
    },
    onError: (error) => form.fail(error, { fields: WRITTEN.map((f) => f.field) }),
  });
  const send = sendWith(form, save, {
    body: (value) => {
      const body = {
        content: value.content.trim(),
        evaluation: value.evaluation.trim(),
        actionPlan: value.actionPlan.trim(),
      };
      // at least one of them: an empty log is reported on the first
      return body.content || body.evaluation || body.actionPlan
        ? body
        : refuse({ fields: { content: t('errors.isRequired') } });
    },
    label: tc('coachingGroups.log.save'),
    busyLabel: tc('coachingGroups.log.saving'),
  });
  return (
    <Form form={form} id="learning-log" ids="name" {...send}>
      {WRITTEN.map((f) => (
        <TextField
          key={f.field}
          path={f.field}
          name={f.field}
          label={labels[f.field]!}
          {...(f.hint ? { hint: tGroupSource(`log-${f.id}-hint`, f.hint) } : {})}
          rows={5}
          maxLength={8000}
        />
      ))}
    </Form>
  );
}
