/**
 * The group's "Spirit in which we will work": its text for the members, each member's
 * agreement to it, and the form that writes it.
 */
import type { CoachingGroup } from '@sisi/domain';
import { spiritTexts } from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { meQuery } from '../../api/queries.ts';
import { Form, problemMessage, sendWith, TextField, useForm } from '../../components/form/index.ts';
import { StatusMessage } from '../../components/page.tsx';
import { tGroupSource, useCoachingT } from '../../i18n/en-coaching.ts';
import { useT } from '../../i18n/index.ts';
import { SourceLine } from './coaching-group-parts.tsx';
import { agreeToSpirit, groupKeys, putSpirit } from './coaching-group-queries.ts';

/** The spirit of the group, its members' agreement, and (for members) the form that writes it. */
export function Spirit({ networkId, group: g }: { networkId: string; group: CoachingGroup }) {
  const t = useT();
  const tc = useCoachingT();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const iAgreed = !!me.data && !!g.spirit?.agreedBy.includes(me.data.id);
  const form = useForm({ initial: { text: g.spirit?.text ?? '' } });
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
      form.succeed();
      setDone(tc('coachingGroups.spirit.saved'));
    },
    onError: (error) => form.fail(error, { fields: ['text'] }),
  });
  const send = sendWith(form, save, {
    required: ['text'],
    body: (value) => value.text.trim(),
    label: tc('coachingGroups.spirit.save'),
    busyLabel: tc('coachingGroups.spirit.saving'),
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
          <Form form={form} id="spirit" ids="name" {...send}>
            <TextField
              path="text"
              label={tc('coachingGroups.spirit.text')}
              hint={tc('coachingGroups.spirit.textHint')}
              rows={6}
              maxLength={8000}
            />
          </Form>
        </details>
      ) : null}
    </section>
  );
}
