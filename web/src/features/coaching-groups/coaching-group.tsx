/**
 * One peer coaching group: its people, the "Spirit in which we will work" with each
 * member's agreement, its sessions and who facilitates them, the review after the third
 * session, and where it stands. Coordinators and admins see the people, dates and figures;
 * the spirit's text and everything said in sessions are for the group's members.
 *
 * `/networks/:networkId/coaching-groups/:groupId`
 */
import type { CoachingGroup } from '@sisi/domain';
import {
  criticalSuccessFactors,
  facilitationTexts,
  facilitatorRoles,
  spiritTexts,
} from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { idempotencyKey } from '../../api/client.ts';
import { meQuery } from '../../api/queries.ts';
import {
  Form,
  type FormErrors,
  noErrors,
  problemMessage,
  problemToErrors,
  SubmitButton,
  TextField,
  text,
} from '../../components/form.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { tGroupSource, useCoachingT } from '../../i18n/en-coaching.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import { GroupFigures, peopleNames, SourceLine } from './coaching-group-parts.tsx';
import {
  agreeToSpirit,
  coachingGroupQuery,
  groupKeys,
  postReview,
  postSession,
  putSpirit,
} from './coaching-group-queries.ts';

/** `/networks/:networkId/coaching-groups/:groupId` */
export function CoachingGroupPage() {
  const { networkId = '', groupId = '' } = useParams<{ networkId: string; groupId: string }>();
  const tc = useCoachingT();
  const group = useQuery(coachingGroupQuery(networkId, groupId));
  if (group.isError) {
    return (
      <Page title={tc('coachingGroups.title')}>
        <LoadError error={group.error} retry={() => void group.refetch()} />
      </Page>
    );
  }
  if (!group.data) {
    return (
      <Page title={tc('coachingGroups.title')}>
        <Loading />
      </Page>
    );
  }
  return <GroupView networkId={networkId} group={group.data} />;
}

function GroupView({ networkId, group: g }: { networkId: string; group: CoachingGroup }) {
  const tc = useCoachingT();
  const name = peopleNames(g, tc('coachingGroups.group.unknownPerson'));
  const ofGroup = g.access !== 'overview';
  const base = `/networks/${networkId}/coaching-groups/${g.id}`;
  return (
    <Page title={g.name}>
      <p>
        <Link href={`/networks/${networkId}/coaching-groups`}>{tc('coachingGroups.title')}</Link>
      </p>
      <p>
        <span className="badge">{tc(`coachingGroups.access.${g.access}`)}</span>
      </p>
      {ofGroup ? null : (
        <div className="notice info">
          <p>{tc('coachingGroups.group.overviewNote')}</p>
        </div>
      )}
      {g.sizeAdvice.within ? null : (
        <div className="notice warning">
          <p>{tc('coachingGroups.group.sizeWarning', { count: g.sizeAdvice.size })}</p>
        </div>
      )}

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{tc('coachingGroups.group.membersHeading')}</h2>
        <ul className="people">
          {g.members.map((m) => (
            <li key={m.id}>
              <span className="person-name">{name(m.id)}</span>{' '}
              {g.spirit ? (
                <span className={m.agreedToSpirit ? 'badge status-active' : 'badge status-invited'}>
                  {m.agreedToSpirit
                    ? tc('coachingGroups.group.agreed')
                    : tc('coachingGroups.group.notAgreed')}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        <p>
          {tc('coachingGroups.group.facilitatorLine', { name: name(g.facilitator.id) })}{' '}
          {g.facilitator.isMember
            ? tc('coachingGroups.group.facilitatorMember')
            : tc('coachingGroups.group.facilitatorOutside')}
        </p>
        {g.access === 'member' ? (
          <p>
            <Link href={`${base}/worksheet`}>{tc('coachingGroups.group.worksheetLink')}</Link>
          </p>
        ) : null}
      </section>

      <Spirit networkId={networkId} group={g} />
      <Sessions networkId={networkId} group={g} name={name} />
      <Review networkId={networkId} group={g} name={name} />
      <GroupFigures status={g.status} />

      <details className="guidance">
        <summary>{tc('coachingGroups.group.guidance')}</summary>
        <h3>{criticalSuccessFactors.title}</h3>
        <ul>
          {criticalSuccessFactors.items.map((item) => (
            <li key={item}>{tGroupSource(`csf-${item}`, item)}</li>
          ))}
        </ul>
        <SourceLine text={criticalSuccessFactors} />
        <h3>{facilitatorRoles.title}</h3>
        {facilitatorRoles.roles.map((r) => (
          <div key={r.id}>
            <h4>{r.name}</h4>
            <ul>
              {r.items.map((item) => (
                <li key={item}>{tGroupSource(`role-${r.id}-${item}`, item)}</li>
              ))}
            </ul>
          </div>
        ))}
        <SourceLine text={facilitatorRoles} />
        <p>{tGroupSource('facilitation-skills', facilitationTexts.skills.text)}</p>
        <SourceLine text={facilitationTexts.skills} />
      </details>
    </Page>
  );
}

function Spirit({ networkId, group: g }: { networkId: string; group: CoachingGroup }) {
  const t = useT();
  const tc = useCoachingT();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const iAgreed = !!me.data && !!g.spirit?.agreedBy.includes(me.data.id);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [done, setDone] = useState<string>();
  const [agreeError, setAgreeError] = useState<string>();
  const refresh = (next: CoachingGroup) => {
    // a POST's answer leaves the spirit's text out: keep the text this page has
    queryClient.setQueryData(groupKeys.group(networkId, g.id), {
      ...next,
      spirit:
        next.spirit && !next.spirit.text && g.spirit?.version === next.spirit.version
          ? { ...next.spirit, ...(g.spirit.text !== undefined ? { text: g.spirit.text } : {}) }
          : next.spirit,
    });
    void queryClient.invalidateQueries({ queryKey: groupKeys.all(networkId) });
  };
  const save = useMutation({
    mutationFn: (spiritText: string) =>
      putSpirit(networkId, g.id, { text: spiritText, version: g.spirit?.version ?? 0 }),
    onSuccess: (next) => {
      refresh(next);
      setErrors(noErrors);
      setDone(tc('coachingGroups.spirit.saved'));
    },
    onError: (error) => setErrors(problemToErrors(error, ['text'], t)),
  });
  const agree = useMutation({
    mutationFn: () => agreeToSpirit(networkId, g.id, g.spirit?.version ?? 1),
    onSuccess: (next) => {
      refresh(next);
      setDone(tc('coachingGroups.spirit.youAgreed'));
    },
    onError: (error) => setAgreeError(problemMessage(error, t)),
  });
  const ofGroup = g.access !== 'overview';
  return (
    <section aria-labelledby="spirit-heading">
      <h2 id="spirit-heading">{tc('coachingGroups.spirit.heading')}</h2>
      <p>{tGroupSource('spirit-facilitator', spiritTexts.facilitator.text)}</p>
      <SourceLine text={spiritTexts.facilitator} />
      {!g.spirit ? (
        <p>{tc('coachingGroups.spirit.none')}</p>
      ) : (
        <>
          {g.spirit.text !== undefined ? (
            <blockquote className="spirit-text">{g.spirit.text}</blockquote>
          ) : (
            <p>{tc('coachingGroups.spirit.hidden')}</p>
          )}
          <p>
            {tc('coachingGroups.spirit.agreedBy', {
              agreed: g.status.spirit.agreed,
              of: g.status.spirit.of,
            })}
          </p>
        </>
      )}
      <StatusMessage message={done} />
      {g.access === 'member' && g.spirit ? (
        iAgreed ? (
          <p>{tc('coachingGroups.spirit.youAgreed')}</p>
        ) : (
          <>
            {agreeError ? (
              <div className="notice error" role="alert">
                <p>{agreeError}</p>
              </div>
            ) : null}
            <div className="actions">
              <button
                type="button"
                className="primary"
                onClick={() => agree.isPending || agree.mutate()}
              >
                {tc('coachingGroups.spirit.agree')}
              </button>
              <span role="status" className="busy">
                {agree.isPending ? tc('coachingGroups.spirit.agreeing') : ''}
              </span>
            </div>
          </>
        )
      ) : null}
      {ofGroup ? (
        <details className="edit-spirit" open={!g.spirit}>
          <summary>{tc('coachingGroups.spirit.edit')}</summary>
          <p>{tGroupSource('spirit-agreement', spiritTexts.agreement.text)}</p>
          <SourceLine text={spiritTexts.agreement} />
          <Form
            id="spirit"
            errors={errors}
            labels={{ text: tc('coachingGroups.spirit.text') }}
            onSubmit={(data) => {
              const value = text(data, 'text');
              if (!value) {
                setErrors({ fields: { text: t('errors.isRequired') }, other: [] });
                return;
              }
              if (!save.isPending) save.mutate(value);
            }}
          >
            <TextField
              name="text"
              label={tc('coachingGroups.spirit.text')}
              hint={tc('coachingGroups.spirit.textHint')}
              rows={6}
              maxLength={8000}
              defaultValue={g.spirit?.text ?? ''}
            />
            <SubmitButton
              label={tc('coachingGroups.spirit.save')}
              busy={save.isPending}
              busyLabel={tc('coachingGroups.spirit.saving')}
            />
          </Form>
        </details>
      ) : null}
    </section>
  );
}

function Sessions({
  networkId,
  group: g,
  name,
}: {
  networkId: string;
  group: CoachingGroup;
  name: (id: string | undefined) => string;
}) {
  const t = useT();
  const tc = useCoachingT();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [done, setDone] = useState<string>();
  const [key, setKey] = useState(idempotencyKey);
  const add = useMutation({
    mutationFn: (date: string) => postSession(networkId, g.id, date, key),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: groupKeys.group(networkId, g.id) });
      void queryClient.invalidateQueries({ queryKey: [...groupKeys.all(networkId), 'list'] });
      setErrors(noErrors);
      setKey(idempotencyKey());
      setDone(tc('coachingGroups.sessions.added', { number: s.number, date: formatDate(s.date) }));
    },
    onError: (error) => setErrors(problemToErrors(error, ['date'], t)),
  });
  const base = `/networks/${networkId}/coaching-groups/${g.id}`;
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{tc('coachingGroups.sessions.heading')}</h2>
      <p>{tGroupSource('first-sessions', facilitationTexts.firstSessions.text)}</p>
      <SourceLine text={facilitationTexts.firstSessions} />
      {g.sessions.length === 0 ? (
        <p>{tc('coachingGroups.sessions.none')}</p>
      ) : (
        <ol className="entries sessions">
          {g.sessions.map((s) => (
            <li key={s.id}>
              <p className="entry-title">
                {tc('coachingGroups.sessions.item', { number: s.number, date: formatDate(s.date) })}{' '}
                <span className={s.held ? 'badge status-active' : 'badge'}>
                  {s.held
                    ? tc('coachingGroups.sessions.held')
                    : tc('coachingGroups.sessions.planned')}
                </span>
              </p>
              <p>
                {tc(`coachingGroups.sessions.facilitatorKinds.${s.facilitator.kind}`, {
                  name: name(s.facilitator.personId),
                })}
              </p>
              {g.access !== 'overview' ? (
                <ul className="links">
                  <li>
                    <Link href={`${base}/sessions/${s.id}/run`}>
                      {tc('coachingGroups.sessions.run', { number: s.number })}
                    </Link>
                  </li>
                  {g.access === 'member' ? (
                    <li>
                      <Link href={`${base}/sessions/${s.id}/learning-log`}>
                        {tc('coachingGroups.sessions.log', { number: s.number })}
                      </Link>
                    </li>
                  ) : null}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <StatusMessage message={done} />
      <h3 id="schedule-heading">{tc('coachingGroups.sessions.schedule')}</h3>
      <Form
        id="session"
        labelledBy="schedule-heading"
        errors={errors}
        labels={{ date: tc('coachingGroups.sessions.date') }}
        onSubmit={(data, form) => {
          const date = text(data, 'date');
          if (!date) {
            setErrors({ fields: { date: t('errors.isRequired') }, other: [] });
            return;
          }
          if (!add.isPending) add.mutate(date, { onSuccess: () => form.reset() });
        }}
      >
        <DateField
          name="date"
          label={tc('coachingGroups.sessions.date')}
          errors={errors}
          formId="session"
        />
        <SubmitButton
          label={tc('coachingGroups.sessions.add')}
          busy={add.isPending}
          busyLabel={tc('coachingGroups.sessions.adding')}
        />
      </Form>
    </section>
  );
}

/** A labelled date input wired to a form's errors like the shared fields. */
export function DateField({
  name,
  label,
  errors,
  formId,
  defaultValue,
  hint,
}: {
  name: string;
  label: string;
  errors: FormErrors;
  formId: string;
  defaultValue?: string;
  hint?: string;
}) {
  const id = `${formId}-${name}`;
  const error = errors.fields[name];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {label}: {error}
        </p>
      ) : null}
      <input
        type="date"
        id={id}
        name={name}
        className="short"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}

function Review({
  networkId,
  group: g,
  name,
}: {
  networkId: string;
  group: CoachingGroup;
  name: (id: string | undefined) => string;
}) {
  const t = useT();
  const tc = useCoachingT();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'named' | 'rotation'>('rotation');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const record = useMutation({
    mutationFn: (body: Parameters<typeof postReview>[2]) => postReview(networkId, g.id, body),
    onSuccess: () => {
      // the answer leaves the spirit's text out, and its leader may have left the group
      void queryClient.invalidateQueries({ queryKey: groupKeys.all(networkId) });
    },
    onError: (error) => setErrors(problemToErrors(error, ['mode', 'facilitatorId', 'order'], t)),
  });
  const candidates = [
    ...g.members.map((m) => m.id),
    ...(g.facilitator.isMember ? [] : [g.facilitator.id]),
  ];
  return (
    <section aria-labelledby="review-heading">
      <h2 id="review-heading">{tc('coachingGroups.review.heading')}</h2>
      <p>{tGroupSource('review', facilitationTexts.review.text)}</p>
      <SourceLine text={facilitationTexts.review} />
      {g.review ? (
        <p>
          {g.review.mode === 'named'
            ? tc('coachingGroups.review.named', { name: name(g.review.facilitatorId) })
            : tc('coachingGroups.review.rotation', {
                names: (g.review.order ?? []).map((id) => name(id)).join(', '),
              })}
        </p>
      ) : g.status.review !== 'due' ? (
        <p>{tc('coachingGroups.review.notYet')}</p>
      ) : g.access === 'overview' ? (
        <p>{tc('coachingGroups.reviewStates.due')}</p>
      ) : (
        <Form
          id="review"
          errors={errors}
          labels={{
            mode: tc('coachingGroups.review.mode'),
            facilitatorId: tc('coachingGroups.review.person'),
            order: tc('coachingGroups.review.order'),
          }}
          onSubmit={(data) => {
            if (record.isPending) return;
            if (mode === 'named') {
              const facilitatorId = text(data, 'facilitatorId');
              if (!facilitatorId) {
                setErrors({ fields: { facilitatorId: t('errors.isRequired') }, other: [] });
                return;
              }
              record.mutate({ mode, facilitatorId });
            } else {
              const chosen = data.getAll('order').filter((v): v is string => typeof v === 'string');
              if (chosen.length === 0) {
                setErrors({ fields: { order: t('errors.chooseOne') }, other: [] });
                return;
              }
              record.mutate({
                mode,
                order: g.members.map((m) => m.id).filter((id) => chosen.includes(id)),
              });
            }
          }}
        >
          <fieldset id="review-mode" className="field radios">
            <legend>{tc('coachingGroups.review.mode')}</legend>
            {(['rotation', 'named'] as const).map((m) => (
              <div className="radio" key={m}>
                <input
                  type="radio"
                  id={`review-mode-${m}`}
                  name="mode"
                  value={m}
                  checked={mode === m}
                  onChange={() => setMode(m)}
                />
                <label htmlFor={`review-mode-${m}`}>
                  {m === 'named'
                    ? tc('coachingGroups.review.modeNamed')
                    : tc('coachingGroups.review.modeRotation')}
                </label>
              </div>
            ))}
          </fieldset>
          {mode === 'named' ? (
            <div className={errors.fields.facilitatorId ? 'field invalid' : 'field'}>
              <label htmlFor="review-facilitatorId">{tc('coachingGroups.review.person')}</label>
              {errors.fields.facilitatorId ? (
                <p className="field-error">{errors.fields.facilitatorId}</p>
              ) : null}
              <select id="review-facilitatorId" name="facilitatorId" defaultValue="">
                <option value="">{tc('coachingGroups.new.choosePerson')}</option>
                {candidates.map((id) => (
                  <option key={id} value={id}>
                    {name(id)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <fieldset
              id="review-order"
              tabIndex={-1}
              className={errors.fields.order ? 'field checkboxes invalid' : 'field checkboxes'}
            >
              <legend>{tc('coachingGroups.review.order')}</legend>
              {errors.fields.order ? <p className="field-error">{errors.fields.order}</p> : null}
              {g.members.map((m) => (
                <div className="checkbox" key={m.id}>
                  <input
                    type="checkbox"
                    id={`order-${m.id}`}
                    name="order"
                    value={m.id}
                    defaultChecked
                  />
                  <label htmlFor={`order-${m.id}`}>{name(m.id)}</label>
                </div>
              ))}
            </fieldset>
          )}
          <SubmitButton
            label={tc('coachingGroups.review.submit')}
            busy={record.isPending}
            busyLabel={tc('coachingGroups.review.submitting')}
          />
        </Form>
      )}
    </section>
  );
}
