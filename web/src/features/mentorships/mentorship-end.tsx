/**
 * Ending a mentorship: naturally, prematurely (with the toolkit's reason) or as a transition
 * to new objectives.
 */
import type { Mentorship } from '@sisi/domain';
import { useMutation } from '@tanstack/react-query';
import { ApiProblem, api, call } from '../../api/client.ts';
import {
  Form,
  hasErrors,
  RadioGroup,
  refuse,
  SelectField,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { useMT } from '../../i18n/en-mentorships.ts';
import { type EndKind, endKinds, prematureReasons } from '../../mentorship-domain.ts';
import { useMentorshipWrite } from './mentorship-forms.tsx';

const END_FIELDS = ['kind', 'prematureReason', 'objectives', 'contactMode', 'reason'] as const;

/** API paths `transition.objectives…` belong to this form's `objectives` field, and so on. */
function endProblem(error: unknown): unknown {
  if (!(error instanceof ApiProblem)) return error;
  const errors = error.errors.map((e) => ({
    ...e,
    path: e.path.startsWith('transition.') ? e.path.slice('transition.'.length) : e.path,
  }));
  return new ApiProblem(error.status, error.title, error.message, errors, error.retryAfter);
}

/** Natural, premature (with the toolkit's reason) or a transition to new objectives. */
export function EndForm({
  networkId,
  mentorship: m,
  onEnded,
}: {
  networkId: string;
  mentorship: Mentorship;
  onEnded: () => void;
}) {
  const t = useMT();
  const write = useMentorshipWrite(networkId, m.id);
  const form = useForm({
    initial: { kind: '', prematureReason: '', objectives: '', contactMode: '', reason: '' },
  });
  const end = useMutation({
    mutationFn: (json: {
      kind: EndKind;
      reason: string;
      prematureReason?: (typeof prematureReasons)[number];
      transition?: { objectives: string[]; contactMode: string };
    }) =>
      call(
        api.networks[':networkId'].mentorships[':mentorshipId'].end.$post({
          param: { networkId, mentorshipId: m.id },
          json,
        }),
      ),
    onSuccess: async (next) => {
      await write.save(next);
      onEnded();
    },
    onError: (error) => write.fail(form, endProblem(error), END_FIELDS),
  });
  const labels = {
    kind: t('mentorships.endForm.kind'),
    prematureReason: t('mentorships.endForm.prematureReason'),
    objectives: t('mentorships.endForm.objectives'),
    contactMode: t('mentorships.endForm.contactMode'),
    reason: t('mentorships.endForm.reason'),
  };
  const kind = form.value.kind as EndKind | '';
  const send = sendWith(form, end, {
    body: (value) => {
      const { prematureReason } = value;
      const reason = value.reason.trim();
      const objectives = value.objectives
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const contactMode = value.contactMode.trim();
      const fields: Record<string, string> = {};
      const required = t('errors.isRequired');
      if (!kind) fields.kind = required;
      if (kind === 'premature' && !prematureReason) fields.prematureReason = required;
      if (kind === 'transition' && objectives.length === 0) fields.objectives = required;
      if (kind === 'transition' && !contactMode) fields.contactMode = required;
      if (!reason) fields.reason = required;
      if (!kind || hasErrors({ fields })) return refuse({ fields });
      return {
        kind,
        reason,
        ...(kind === 'premature'
          ? { prematureReason: prematureReason as (typeof prematureReasons)[number] }
          : {}),
        ...(kind === 'transition' ? { transition: { objectives, contactMode } } : {}),
      };
    },
    label: t('mentorships.endForm.submit'),
    busyLabel: t('mentorships.endForm.submitting'),
  });
  return (
    <section aria-labelledby="end-form" className="panel">
      <h2 id="end-form">{t('mentorships.endForm.heading')}</h2>
      <p>{t('mentorships.endForm.intro')}</p>
      <div className="narrow">
        <Form form={form} id="end" ids="name" labelledBy="end-form" labels={labels} {...send}>
          <RadioGroup
            path="kind"
            className="radios"
            itemClassName="radio"
            legend={labels.kind}
            options={endKinds.map((k) => ({
              value: k,
              label: t(`mentorships.endForm.${k}`),
              hint: t(`mentorships.endForm.${k}Hint`),
            }))}
          />
          {kind === 'premature' ? (
            <SelectField
              path="prematureReason"
              label={labels.prematureReason}
              placeholder={t('mentorships.endForm.chooseReason')}
              options={prematureReasons.map((r) => ({
                value: r,
                label: t(`mentorships.prematureReasons.${r}`),
              }))}
            />
          ) : null}
          {kind === 'transition' ? (
            <>
              <TextField
                path="objectives"
                label={labels.objectives}
                hint={t('mentorships.endForm.objectivesHint')}
                rows={4}
                required
              />
              <TextField
                path="contactMode"
                label={labels.contactMode}
                hint={t('mentorships.endForm.contactModeHint')}
                maxLength={500}
                required
              />
            </>
          ) : null}
          <TextField path="reason" label={labels.reason} rows={3} maxLength={4000} required />
        </Form>
      </div>
    </section>
  );
}
