/** The coordinator's forms that form a program's fixed pairs or schedule its rotation rounds. */
import { MAX_ROTATION_ROUNDS } from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Form,
  type FormErrors,
  noErrors,
  SelectField,
  SubmitButton,
  TextField,
  text,
} from '../../components/form.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { useT } from '../../i18n/index.ts';
import { errorsOf } from './coaching-program-parts.tsx';
import {
  type ProgramView,
  pairsQuery,
  participantsQuery,
  postPairs,
  postRotation,
  programKeys,
} from './coaching-program-queries.ts';

/** The coordinator's form that pairs two participants for the program. */
export function FixedPairForm({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const participants = useQuery(participantsQuery(networkId, program.id));
  const pairs = useQuery(pairsQuery(networkId, program.id));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [formKey, setFormKey] = useState(0);
  const paired = new Set(
    pairs.data?.rounds.flatMap((r) => r.pairs.flatMap((p) => p.memberIds)) ?? [],
  );
  const options = (participants.data ?? [])
    .filter((p) => !paired.has(p.personId))
    .map((p) => ({ value: p.personId, label: p.name }));
  const save = useMutation({
    mutationFn: (pair: [string, string]) => postPairs(networkId, program.id, [pair]),
    onSuccess: (schedule) => {
      queryClient.setQueryData(programKeys.part(networkId, program.id, 'pairs'), schedule);
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      setErrors(noErrors);
      setFormKey((k) => k + 1);
      onDone(tp('programs.pairs.paired'));
    },
    onError: (e) => setErrors(errorsOf(e, ['pairs.0.0', 'pairs.0.1', 'pairs'], t)),
  });
  const labels = {
    'pairs.0.0': tp('programs.pairs.first'),
    'pairs.0.1': tp('programs.pairs.second'),
    pairs: tp('programs.pairs.addPair'),
  };
  return (
    <section aria-labelledby="add-pair-heading">
      <h2 id="add-pair-heading">{tp('programs.pairs.addPair')}</h2>
      <Form
        key={formKey}
        id="pair"
        errors={errors}
        labels={labels}
        onSubmit={(data) => {
          if (save.isPending) return;
          const a = text(data, 'pairs.0.0');
          const b = text(data, 'pairs.0.1');
          const local: FormErrors = { fields: {}, other: [] };
          if (!a) local.fields['pairs.0.0'] = t('errors.isRequired');
          if (!b) local.fields['pairs.0.1'] = t('errors.isRequired');
          if (Object.keys(local.fields).length) return setErrors(local);
          save.mutate([a, b]);
        }}
      >
        <SelectField
          name="pairs.0.0"
          label={labels['pairs.0.0']}
          placeholder={tp('programs.pairs.choose')}
          options={options}
        />
        <SelectField
          name="pairs.0.1"
          label={labels['pairs.0.1']}
          placeholder={tp('programs.pairs.choose')}
          options={options}
        />
        <SubmitButton
          label={tp('programs.pairs.submitPair')}
          busy={save.isPending}
          busyLabel={tp('programs.pairs.submittingPair')}
        />
      </Form>
    </section>
  );
}

/** The coordinator's form that schedules the program's rotation rounds. */
export function RotationForm({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const pairs = useQuery(pairsQuery(networkId, program.id));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const first = (pairs.data?.rounds.length ?? 0) === 0;
  const save = useMutation({
    mutationFn: (body: { startDate?: string; rounds: number }) =>
      postRotation(networkId, program.id, body),
    onSuccess: (schedule) => {
      queryClient.setQueryData(programKeys.part(networkId, program.id, 'pairs'), schedule);
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      setErrors(noErrors);
      onDone(tp('programs.pairs.scheduled'));
    },
    onError: (e) => setErrors(errorsOf(e, ['startDate', 'rounds'], t)),
  });
  const labels = { startDate: tp('programs.pairs.startDate'), rounds: tp('programs.pairs.rounds') };
  return (
    <section aria-labelledby="rotation-heading">
      <h2 id="rotation-heading">{tp('programs.pairs.generate')}</h2>
      <Form
        id="rotation"
        errors={errors}
        labels={labels}
        onSubmit={(data) => {
          if (save.isPending) return;
          const startDate = text(data, 'startDate');
          const rounds = Number(text(data, 'rounds'));
          const local: FormErrors = { fields: {}, other: [] };
          if (first && !startDate) local.fields.startDate = t('errors.isRequired');
          if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROTATION_ROUNDS) {
            local.fields.rounds = tp('programs.form.notANumber');
          }
          if (Object.keys(local.fields).length) return setErrors(local);
          save.mutate({ ...(startDate ? { startDate } : {}), rounds });
        }}
      >
        <DateField
          name="startDate"
          formId="rotation"
          label={labels.startDate}
          hint={tp('programs.pairs.startDateHint')}
          error={errors.fields.startDate}
        />
        <TextField name="rounds" label={labels.rounds} defaultValue="4" />
        <SubmitButton
          label={tp('programs.pairs.submitRounds')}
          busy={save.isPending}
          busyLabel={tp('programs.pairs.submittingRounds')}
        />
      </Form>
    </section>
  );
}

/** A labelled date input (the form components have none). */
export function DateField({
  name,
  formId,
  label,
  hint,
  error,
  defaultValue,
}: {
  name: string;
  formId: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  defaultValue?: string;
}) {
  const id = `${formId}-${name}`;
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
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
    </div>
  );
}
