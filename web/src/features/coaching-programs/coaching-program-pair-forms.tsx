/** The coordinator's forms that form a program's fixed pairs or schedule its rotation rounds. */
import { MAX_ROTATION_ROUNDS } from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CoachingDateField } from '../../components/coaching-input.tsx';
import {
  Form,
  refusal,
  requireValues,
  SelectField,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { useProgramT } from '../../i18n/en-programs.ts';
import { useT } from '../../i18n/index.ts';
import { errorsOf, type ProgramPartProps } from './coaching-program-parts.tsx';
import {
  pairsQuery,
  participantsQuery,
  postPairs,
  postRotation,
  programKeys,
} from './coaching-program-queries.ts';

/** The two people of a new pair, as the API's paths name them. */
const SEATS = ['pairs.0.0', 'pairs.0.1'] as const;

/** The coordinator's form that pairs two participants for the program. */
export function FixedPairForm({ networkId, program, onDone }: ProgramPartProps) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const participants = useQuery(participantsQuery(networkId, program.id));
  const pairs = useQuery(pairsQuery(networkId, program.id));
  // keyed by index, as the API's paths are (`pairs.0.1`)
  const empty = { pairs: { '0': { '0': '', '1': '' } } };
  const form = useForm({ initial: empty });
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
      form.succeed();
      form.reset(empty);
      onDone(tp('programs.pairs.paired'));
    },
    onError: (e) => form.setErrors(errorsOf(e, [...SEATS, 'pairs'], t)),
  });
  const send = sendWith(form, save, {
    required: SEATS,
    body: (value): [string, string] => [value.pairs['0']['0'].trim(), value.pairs['0']['1'].trim()],
    label: tp('programs.pairs.submitPair'),
    busyLabel: tp('programs.pairs.submittingPair'),
  });
  const labels = {
    'pairs.0.0': tp('programs.pairs.first'),
    'pairs.0.1': tp('programs.pairs.second'),
    pairs: tp('programs.pairs.addPair'),
  };
  return (
    <section aria-labelledby="add-pair-heading">
      <h2 id="add-pair-heading">{tp('programs.pairs.addPair')}</h2>
      <Form form={form} id="pair" ids="name" labels={{ pairs: labels.pairs }} {...send}>
        {/* both seats of the pair are chosen from the participants not yet paired */}
        {SEATS.map((seat) => (
          <SelectField
            key={seat}
            path={seat}
            name={seat}
            label={labels[seat]}
            placeholder={tp('programs.pairs.choose')}
            options={options}
          />
        ))}
      </Form>
    </section>
  );
}

/** The coordinator's form that schedules the program's rotation rounds. */
export function RotationForm({ networkId, program, onDone }: ProgramPartProps) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const pairs = useQuery(pairsQuery(networkId, program.id));
  const form = useForm({ initial: { startDate: '', rounds: '4' } });
  const first = (pairs.data?.rounds.length ?? 0) === 0;
  const save = useMutation({
    mutationFn: (body: { startDate?: string; rounds: number }) =>
      postRotation(networkId, program.id, body),
    onSuccess: (schedule) => {
      queryClient.setQueryData(programKeys.part(networkId, program.id, 'pairs'), schedule);
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      form.succeed();
      onDone(tp('programs.pairs.scheduled'));
    },
    onError: (e) => form.setErrors(errorsOf(e, ['startDate', 'rounds'], t)),
  });
  const send = sendWith(form, save, {
    body: (value) => {
      const startDate = value.startDate.trim();
      const rounds = Number(value.rounds.trim());
      // the first rounds start on a date; later ones follow on from the last
      const errors = requireValues(value, first ? ['startDate'] : [], t('errors.isRequired'));
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROTATION_ROUNDS) {
        errors.fields.rounds = tp('programs.form.notANumber');
      }
      return refusal(errors) ?? { ...(startDate ? { startDate } : {}), rounds };
    },
    label: tp('programs.pairs.submitRounds'),
    busyLabel: tp('programs.pairs.submittingRounds'),
  });
  const labels = { startDate: tp('programs.pairs.startDate'), rounds: tp('programs.pairs.rounds') };
  return (
    <section aria-labelledby="rotation-heading">
      <h2 id="rotation-heading">{tp('programs.pairs.generate')}</h2>
      <Form form={form} id="rotation" ids="name" {...send}>
        <CoachingDateField
          path="startDate"
          label={labels.startDate}
          hint={tp('programs.pairs.startDateHint')}
        />
        <TextField path="rounds" label={labels.rounds} />
      </Form>
    </section>
  );
}
