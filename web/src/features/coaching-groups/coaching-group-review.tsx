/** The review after the group's third session: who facilitates from then on. */
import type { CoachingGroup } from '@sisi/domain';
import { facilitationTexts } from '@sisi/domain/static';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Form,
  type FormErrors,
  noErrors,
  problemToErrors,
  SubmitButton,
  text,
} from '../../components/form.tsx';
import { tGroupSource, useCoachingT } from '../../i18n/en-coaching.ts';
import { useT } from '../../i18n/index.ts';
import { SourceLine } from './coaching-group-parts.tsx';
import { groupKeys, postReview } from './coaching-group-queries.ts';

/** The review after the third session: a named facilitator, or the members in rotation. */
export function Review({
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
