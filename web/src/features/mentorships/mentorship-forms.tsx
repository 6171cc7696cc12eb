/**
 * The forms of a mentorship's page for who runs it: change its stage, choose its
 * participants, end it. Each write answers the mentorship; a stale one (409) reloads it.
 */
import type { Member, Mentorship } from '@sisi/domain';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, api, call } from '../../api/client.ts';
import { allMembersQuery, keys, meQuery } from '../../api/queries.ts';
import {
  Form,
  type FormState,
  noErrors,
  RadioGroup,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { LoadError, Loading, StatusMessage } from '../../components/page.tsx';
import { useMT } from '../../i18n/en-mentorships.ts';
import { type Stage, stages } from '../../mentorship-domain.ts';
import { involved, stageLabel } from './mentorship-parts.tsx';

type NameOf = (id: string) => string;

/**
 * A write to a mentorship: `save` keeps the mentorship it answers and refreshes the lists
 * it appears in; `conflict` says a stale write (409) and reloads the mentorship; `fail`
 * shows a failed write on a form, a conflict as its message, anything else next to `fields`.
 */
export function useMentorshipWrite(networkId: string, mentorshipId: string) {
  const queryClient = useQueryClient();
  const t = useMT();
  const conflict = (error: unknown): string | undefined => {
    if (!(error instanceof ApiProblem) || error.status !== 409) return undefined;
    void queryClient.invalidateQueries({ queryKey: keys.mentorship(networkId, mentorshipId) });
    return t('mentorships.detail.conflict');
  };
  return {
    save: async (m: Mentorship) => {
      queryClient.setQueryData(keys.mentorship(networkId, m.id), m);
      await queryClient.invalidateQueries({ queryKey: [...keys.mentorships(networkId), 'list'] });
    },
    conflict,
    fail: (
      form: Pick<FormState<unknown>, 'setErrors' | 'fail'>,
      error: unknown,
      fields: readonly string[],
    ) => {
      const message = conflict(error);
      if (message) form.setErrors({ ...noErrors, message });
      else form.fail(error, { fields });
    },
  };
}

const everyoneAgreed = (m: Mentorship) =>
  involved(m).every((id) => m.agreements.some((a) => a.organizationId === id));

const STAGE_FIELDS = ['stage', 'reason'] as const;
const emptyStageChange = () => ({ stage: '', reason: '' });

/** Forward one stage, or back to any earlier one, with a reason. */
export function StageForm({
  networkId,
  mentorship: m,
}: {
  networkId: string;
  mentorship: Mentorship;
}) {
  const t = useMT();
  const write = useMentorshipWrite(networkId, m.id);
  const form = useForm({ initial: emptyStageChange });
  const [done, setDone] = useState<string>();
  const index = stages.indexOf(m.stage);
  // the end has its own form, with how and why
  const targets: { stage: Stage; note: string }[] = [
    ...stages.slice(0, index).map((s) => ({ stage: s, note: t('mentorships.stageForm.back') })),
    ...(index + 1 < stages.length - 1
      ? [{ stage: stages[index + 1]!, note: t('mentorships.stageForm.forward') }]
      : []),
  ];
  const change = useMutation({
    mutationFn: (json: { stage: Stage; reason: string }) =>
      call(
        api.networks[':networkId'].mentorships[':mentorshipId'].stage.$post({
          param: { networkId, mentorshipId: m.id },
          json,
        }),
      ),
    onMutate: () => setDone(undefined),
    onSuccess: async (next) => {
      form.reset(emptyStageChange());
      setDone(t('mentorships.stageForm.changed', { stage: stageLabel(t, next.stage) }));
      await write.save(next);
    },
    onError: (error) => write.fail(form, error, STAGE_FIELDS),
  });
  const labels = {
    stage: t('mentorships.stageForm.target'),
    reason: t('mentorships.stageForm.reason'),
  };
  const send = sendWith(form, change, {
    required: STAGE_FIELDS,
    body: (value) => ({ stage: value.stage as Stage, reason: value.reason.trim() }),
    label: t('mentorships.stageForm.submit'),
    busyLabel: t('mentorships.stageForm.submitting'),
  });
  return (
    <section aria-labelledby="stage-form" className="panel">
      <h2 id="stage-form">{t('mentorships.stageForm.heading')}</h2>
      <p>{t('mentorships.stageForm.intro')}</p>
      <StatusMessage message={done} />
      {targets.length === 0 ? (
        <p>{t('mentorships.stageForm.nothing')}</p>
      ) : (
        <div className="narrow">
          <Form form={form} id="stage-change" ids="name" labelledBy="stage-form" {...send}>
            <RadioGroup
              path="stage"
              className="radios"
              itemClassName="radio"
              legend={labels.stage}
              hint={
                m.stage === 'build-relationship' && !everyoneAgreed(m)
                  ? t('mentorships.stageForm.agreementsMissing')
                  : undefined
              }
              options={targets.map((o) => ({
                value: o.stage,
                label: `${stageLabel(t, o.stage)} ${o.note}`,
              }))}
            />
            <TextField path="reason" label={labels.reason} rows={3} maxLength={2000} required />
          </Form>
        </div>
      )}
    </section>
  );
}

/** Who takes part, from the people of the organizations involved. */
export function Participants({
  networkId,
  mentorship: m,
  name,
}: {
  networkId: string;
  mentorship: Mentorship;
  name: NameOf;
}) {
  const t = useMT();
  const write = useMentorshipWrite(networkId, m.id);
  const orgIds = involved(m);
  const me = useQuery(meQuery()).data;
  // a coordinator lists their own organization's people only: another's would answer 404
  const readable = (o: string) =>
    !!me && (me.roles.includes('network-admin') || me.organizationId === o);
  const people = useQueries({
    queries: orgIds.map((o) => ({
      ...allMembersQuery(networkId, o),
      retry: false,
      enabled: readable(o),
    })),
  });
  const form = useForm({ initial: () => ({ personIds: m.participantIds }) });
  const chosen = form.value.personIds;
  const setChosen = (personIds: string[]) => form.set('personIds', personIds);
  const [done, setDone] = useState<string>();
  const visible = new Set(people.flatMap((q) => (q.data ?? []).map((p: Member) => p.id)));
  const put = useMutation({
    mutationFn: (personIds: string[]) =>
      call(
        api.networks[':networkId'].mentorships[':mentorshipId'].participants.$put({
          param: { networkId, mentorshipId: m.id },
          json: { personIds },
        }),
      ),
    onMutate: () => setDone(undefined),
    onSuccess: async (next) => {
      form.reset({ personIds: next.participantIds });
      setDone(t('mentorships.participants.saved'));
      await write.save(next);
    },
    onError: (error) => write.fail(form, error, ['personIds']),
  });
  const send = sendWith(form, put, {
    body: (value) => {
      // people the reader cannot see (another organization's) stay as they are
      const hidden = m.participantIds.filter((id) => !visible.has(id));
      return [...new Set([...hidden, ...value.personIds.filter((id) => visible.has(id))])];
    },
    label: t('mentorships.participants.submit'),
    busyLabel: t('mentorships.participants.submitting'),
  });
  return (
    <section aria-labelledby="participants" className="panel">
      <h2 id="participants">{t('mentorships.participants.heading')}</h2>
      <p>{t('mentorships.participants.intro')}</p>
      <p>{t('mentorships.participants.count', { count: m.participantIds.length })}</p>
      <StatusMessage message={done} />
      <Form
        form={form}
        id="participants-form"
        ids="name"
        labelledBy="participants"
        labels={{ personIds: t('mentorships.participants.heading') }}
        {...send}
      >
        {orgIds.map((orgId, i) => {
          const q = people[i]!;
          return (
            <fieldset className="field checkboxes" key={orgId}>
              <legend>{name(orgId)}</legend>
              {!readable(orgId) ? (
                <p className="hint">{t('mentorships.participants.hidden')}</p>
              ) : q.isPending ? (
                <Loading />
              ) : q.isError ? (
                q.error instanceof ApiProblem && [403, 404].includes(q.error.status) ? (
                  <p className="hint">{t('mentorships.participants.hidden')}</p>
                ) : (
                  <LoadError error={q.error} retry={() => void q.refetch()} />
                )
              ) : q.data.length === 0 ? (
                <p>{t('mentorships.participants.noPeople')}</p>
              ) : (
                q.data.map((p) => {
                  const id = `participant-${p.id}`;
                  const checked = chosen.includes(p.id);
                  return (
                    <div className="checkbox" key={p.id}>
                      <input
                        type="checkbox"
                        id={id}
                        name="personIds"
                        value={p.id}
                        checked={checked}
                        onChange={() =>
                          setChosen(checked ? chosen.filter((x) => x !== p.id) : [...chosen, p.id])
                        }
                      />
                      <label htmlFor={id}>{p.name}</label>
                    </div>
                  );
                })
              )}
            </fieldset>
          );
        })}
      </Form>
    </section>
  );
}
