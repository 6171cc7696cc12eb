/**
 * The events of a mentorship. Scheduling one that brings key-population participants
 * together face to face (`isGathering`) asks for the safety and security checklist of 001
 * first; the API refuses (422) while an item is not done, and says which.
 */
import {
  type ApproachId,
  approachById,
  approaches,
  type Gathering,
  gatheringSchema,
  isGathering,
  missingSafetyItems,
  type SafetyChecklistId,
  safetyChecklist,
} from '@sisi/domain';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, idempotencyKey } from '../../api/client.ts';
import {
  CheckboxField,
  Form,
  fieldErrorsOf,
  GroupError,
  optional,
  present,
  problemMessage,
  refusal,
  Scope,
  SelectField,
  sendWith,
  TextField,
  useDomId,
  useForm,
  useFormContext,
  validate,
} from '../../components/form/index.ts';
import '../../components/doc-form.css';
import { MentorshipPage, useMentorshipRoute } from '../../components/mentorship-context.tsx';
import { InfoNotice, Loading, StatusMessage } from '../../components/page.tsx';
import { PagedList } from '../../components/paged-list.tsx';
import { usePlanT } from '../../i18n/en-plan.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import { type GatheringRecord, gatheringsQuery, planKeys, postGathering } from './queries.ts';

type SafetyDraft = Record<SafetyChecklistId, { done: boolean; note: string }>;
type GatheringDraft = {
  approach: string;
  title: string;
  date: string;
  location: string;
  safety: SafetyDraft;
};

const emptyDraft = (): GatheringDraft => ({
  approach: '',
  title: '',
  date: '',
  location: '',
  safety: Object.fromEntries(
    safetyChecklist.map((item) => [item.id, { done: false, note: '' }]),
  ) as SafetyDraft,
});

const needsSafety = (approach: string) =>
  approach in approachById && isGathering(approach as ApproachId);

function toBody(d: GatheringDraft): Gathering {
  return {
    approach: present<ApproachId>(d.approach),
    title: d.title.trim(),
    date: present(d.date),
    location: optional(d.location),
    safety: needsSafety(d.approach)
      ? (Object.fromEntries(
          safetyChecklist.map((item) => [
            item.id,
            { done: d.safety[item.id].done, note: optional(d.safety[item.id].note) },
          ]),
        ) as Gathering['safety'])
      : undefined,
  };
}

/** `/networks/:networkId/mentorships/:mentorshipId/gatherings` */
export function GatheringsPage() {
  const tp = usePlanT();
  const route = useMentorshipRoute();
  const { networkId, mentorshipId, ctx } = route;
  const list = useInfiniteQuery(gatheringsQuery(networkId, mentorshipId));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <MentorshipPage title={tp('s2s.gatherings.title')} route={route}>
      <p>{tp('s2s.gatherings.intro')}</p>
      <h2>{tp('s2s.gatherings.listHeading')}</h2>
      <PagedList query={list} items={items} empty={tp('s2s.gatherings.empty')}>
        {(g) => <GatheringCard key={g.id} gathering={g} />}
      </PagedList>
      {ctx.mentorship.isError ? null : !ctx.ready ? (
        <Loading />
      ) : ctx.mentorship.data?.stage === 'end' ? (
        <InfoNotice>{tp('s2s.gatherings.ended')}</InfoNotice>
      ) : ctx.canManage ? (
        <ScheduleForm networkId={networkId} mentorshipId={mentorshipId} />
      ) : (
        <InfoNotice>{tp('s2s.gatherings.readOnly')}</InfoNotice>
      )}
    </MentorshipPage>
  );
}

function GatheringCard({ gathering: g }: { gathering: GatheringRecord }) {
  const tp = usePlanT();
  const approach = approachById[g.approach];
  const checked = isGathering(g.approach);
  const complete = checked && missingSafetyItems(g).length === 0;
  return (
    <li className="card">
      <h3>{g.title}</h3>
      <p>{tp('s2s.gatherings.on', { date: formatDate(g.date) })}</p>
      <p>{tp('s2s.gatherings.approachLabel', { approach: approach?.name ?? g.approach })}</p>
      {g.location ? (
        <p className="break">{tp('s2s.gatherings.at', { location: g.location })}</p>
      ) : null}
      {checked ? (
        <p>
          <span className={complete ? 'badge status-active' : 'badge status-failed'}>
            {complete ? tp('s2s.gatherings.safetyComplete') : tp('s2s.gatherings.safetyIncomplete')}
          </span>
        </p>
      ) : null}
    </li>
  );
}

function ScheduleForm({ networkId, mentorshipId }: { networkId: string; mentorshipId: string }) {
  const t = useT();
  const tp = usePlanT();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string>();
  const form = useForm({ initial: emptyDraft, onEdit: () => setDone(undefined) });
  const [key, setKey] = useState(idempotencyKey);

  const schedule = useMutation({
    mutationFn: (body: Gathering) => postGathering(networkId, mentorshipId, body, key),
    onSuccess: (g) => {
      void queryClient.invalidateQueries({
        queryKey: planKeys.gatherings(networkId, mentorshipId),
      });
      setDone(tp('s2s.gatherings.scheduled', { title: g.title, date: formatDate(g.date) }));
      form.reset(emptyDraft());
      form.succeed();
      setKey(idempotencyKey());
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.errors.length > 0) {
        const safety =
          error.status === 422 && error.errors.some((e) => e.path.startsWith('safety.'));
        form.setErrors({
          message: safety ? tp('s2s.gatherings.missing') : undefined,
          fields: fieldErrorsOf(error.errors, form.value),
        });
      } else {
        form.setErrors({ message: problemMessage(error, t), fields: {} });
      }
    },
  });

  const send = sendWith(form, schedule, {
    body: (draft) => {
      const body = toBody(draft);
      return refusal(validate(gatheringSchema, body, draft)) ?? body;
    },
    label: tp('s2s.gatherings.submit'),
    busyLabel: tp('s2s.gatherings.submitting'),
  });

  return (
    <section aria-labelledby="gathering-form-heading">
      <h2 id="gathering-form-heading">{tp('s2s.gatherings.formHeading')}</h2>
      <StatusMessage message={done} />
      <Form
        form={form}
        id="gathering"
        labelledBy="gathering-form-heading"
        look="document"
        {...send}
      >
        <SelectField
          path="approach"
          label={tp('s2s.gatherings.approach')}
          placeholder={tp('s2s.gatherings.chooseApproach')}
          options={approaches.map((a) => ({ value: a.id, label: a.name }))}
        />
        <TextField path="title" label={tp('s2s.gatherings.titleLabel')} maxLength={200} />
        <TextField path="date" type="date" label={tp('s2s.gatherings.date')} />
        <TextField
          path="location"
          label={tp('s2s.gatherings.location')}
          hint={tp('s2s.gatherings.locationHint')}
          maxLength={200}
        />
        <SafetyChecklist />
      </Form>
    </section>
  );
}

/** The checklist, shown once the approach is a face-to-face gathering. */
function SafetyChecklist() {
  const tp = usePlanT();
  const draft = useFormContext().value as GatheringDraft;
  if (!draft.approach) return null;
  if (!needsSafety(draft.approach)) {
    return <p className="hint">{tp('s2s.gatherings.safetyNotNeeded')}</p>;
  }
  return (
    <fieldset className="group" aria-describedby="gathering-safety-why">
      <legend>{tp('s2s.gatherings.safetyHeading')}</legend>
      <p className="explain" id="gathering-safety-why">
        {tp('s2s.gatherings.safetyWhy')}
      </p>
      {safetyChecklist.map((item, i) => (
        <SafetyItem key={item.id} id={item.id} n={i + 1} text={item.text} source={item.source} />
      ))}
    </fieldset>
  );
}

function SafetyItem({
  id,
  n,
  text,
  source,
}: {
  id: SafetyChecklistId;
  n: number;
  text: string;
  source: string;
}) {
  const tp = usePlanT();
  const form = useFormContext();
  const path = `safety.${id}`;
  const domId = useDomId(path);
  const invalid = Boolean(form.errors[path]);
  return (
    <fieldset id={domId} className={invalid ? 'safety-item invalid' : 'safety-item'}>
      <legend>
        {n}. {text}
      </legend>
      <p className="source">{tp('s2s.gatherings.source', { source })}</p>
      <GroupError path={path} label={tp('s2s.gatherings.itemN', { n })} />
      <Scope label={tp('s2s.gatherings.itemN', { n })}>
        <CheckboxField path={`${path}.done`} label={tp('s2s.gatherings.done')} />
        <TextField
          path={`${path}.note`}
          label={tp('s2s.gatherings.note')}
          hint={tp('s2s.gatherings.noteHint')}
          rows={2}
          maxLength={2000}
        />
      </Scope>
    </fieldset>
  );
}
