import { facilitationTexts } from '@sisi/domain/static';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { idempotencyKey } from '../../api/client.ts';
import { CoachingDateField } from '../../components/coaching-input.tsx';
import { Form, sendWith, useForm } from '../../components/form/index.ts';
import { StatusMessage } from '../../components/page.tsx';
import { tGroupSource, useCoachingT } from '../../i18n/en-coaching.ts';
import { formatDate } from '../../i18n/index.ts';
import { type GroupPartProps, SourceLine } from './coaching-group-parts.tsx';
import { groupKeys, postSession } from './coaching-group-queries.ts';

/** The group's sessions with their facilitators, and the form that plans one. */
export function Sessions({ networkId, group: g, name }: GroupPartProps) {
  const tc = useCoachingT();
  const queryClient = useQueryClient();
  const form = useForm({ initial: { date: '' } });
  const [done, setDone] = useState<string>();
  const [key, setKey] = useState(idempotencyKey);
  const add = useMutation({
    mutationFn: (date: string) => postSession(networkId, g.id, date, key),
    onSuccess: (s) => {
      void queryClient.invalidateQueries({ queryKey: groupKeys.group(networkId, g.id) });
      void queryClient.invalidateQueries({ queryKey: [...groupKeys.all(networkId), 'list'] });
      form.succeed();
      setKey(idempotencyKey());
      setDone(tc('coachingGroups.sessions.added', { number: s.number, date: formatDate(s.date) }));
      form.reset({ date: '' });
    },
    onError: (error) => form.fail(error, { fields: ['date'] }),
  });
  const send = sendWith(form, add, {
    required: ['date'],
    body: (value) => value.date.trim(),
    label: tc('coachingGroups.sessions.add'),
    busyLabel: tc('coachingGroups.sessions.adding'),
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
      <Form form={form} id="session" ids="name" labelledBy="schedule-heading" {...send}>
        <CoachingDateField
          path="date"
          label={tc('coachingGroups.sessions.date')}
          className="short"
        />
      </Form>
    </section>
  );
}
