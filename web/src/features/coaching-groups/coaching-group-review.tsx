import { facilitationTexts } from '@sisi/domain/static';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, refuse, sendWith, useForm } from '../../components/form/index.ts';
import { tGroupSource, useCoachingT } from '../../i18n/en-coaching.ts';
import { useT } from '../../i18n/index.ts';
import { type GroupPartProps, SourceLine } from './coaching-group-parts.tsx';
import { groupKeys, postReview } from './coaching-group-queries.ts';

/** The review after the third session: a named facilitator, or the members in rotation. */
export function Review({ networkId, group: g, name }: GroupPartProps) {
  const t = useT();
  const tc = useCoachingT();
  const queryClient = useQueryClient();
  const everyone = () => g.members.map((m) => m.id);
  const form = useForm({
    initial: () => ({
      mode: 'rotation' as 'named' | 'rotation',
      facilitatorId: '',
      order: everyone(),
    }),
  });
  const { mode, facilitatorId, order } = form.value;
  const errors = form.errors;
  const record = useMutation({
    mutationFn: (body: Parameters<typeof postReview>[2]) => postReview(networkId, g.id, body),
    onSuccess: () => {
      // the answer leaves the spirit's text out, and its leader may have left the group
      void queryClient.invalidateQueries({ queryKey: groupKeys.all(networkId) });
    },
    onError: (error) => form.fail(error, { fields: ['mode', 'facilitatorId', 'order'] }),
  });
  const send = sendWith(form, record, {
    body: (value) => {
      if (value.mode === 'named') {
        return value.facilitatorId
          ? { mode: value.mode, facilitatorId: value.facilitatorId }
          : refuse({ fields: { facilitatorId: t('errors.isRequired') } });
      }
      return value.order.length
        ? { mode: value.mode, order: everyone().filter((id) => value.order.includes(id)) }
        : refuse({ fields: { order: t('errors.chooseOne') } });
    },
    label: tc('coachingGroups.review.submit'),
    busyLabel: tc('coachingGroups.review.submitting'),
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
          form={form}
          id="review"
          ids="name"
          labels={{
            mode: tc('coachingGroups.review.mode'),
            facilitatorId: tc('coachingGroups.review.person'),
            order: tc('coachingGroups.review.order'),
          }}
          {...send}
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
                  // the other mode's field starts afresh, as when it was last shown
                  onChange={() =>
                    form.update(() => ({ mode: m, facilitatorId: '', order: everyone() }))
                  }
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
              <select
                id="review-facilitatorId"
                name="facilitatorId"
                value={facilitatorId}
                onChange={(e) => form.set('facilitatorId', e.currentTarget.value)}
              >
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
                    checked={order.includes(m.id)}
                    onChange={(e) =>
                      form.set(
                        'order',
                        e.currentTarget.checked
                          ? [...order, m.id]
                          : order.filter((id) => id !== m.id),
                      )
                    }
                  />
                  <label htmlFor={`order-${m.id}`}>{name(m.id)}</label>
                </div>
              ))}
            </fieldset>
          )}
        </Form>
      )}
    </section>
  );
}
