/**
 * The form that designs a peer coaching program: objectives, KPIs, the pilot flag and the
 * pairing (fixed, or rotational every N weeks).
 *
 * `/networks/:networkId/coaching-programs/new`
 */
import { kpiDirections, MAX_ROTATION_WEEKS, MIN_ROTATION_WEEKS } from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { navigate } from 'wouter/use-browser-location';
import { idempotencyKey } from '../../api/client.ts';
import { allOrganizationsQuery } from '../../api/queries.ts';
import {
  Checkbox,
  Form,
  type FormErrors,
  noErrors,
  SelectField,
  SubmitButton,
  TextField,
  text,
} from '../../components/form.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { useT } from '../../i18n/index.ts';
import { errorsOf, programBase, programsBase, useProgramRoles } from './coaching-program-parts.tsx';
import { createProgram, programKeys } from './coaching-program-queries.ts';

interface Row {
  key: string;
}
let rowCounter = 0;
const newRow = (): Row => ({ key: `row${++rowCounter}` });

/** Numbers as typed: `undefined` when empty, `NaN` when not a number. */
const numberOf = (value: string): number | undefined => {
  const v = value.trim().replace(',', '.');
  return v === '' ? undefined : Number(v);
};

/** `/networks/:networkId/coaching-programs/new` */
export function ProgramNewPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const t = useT();
  const tp = useProgramT();
  const roles = useProgramRoles(networkId);
  const queryClient = useQueryClient();
  const orgs = useQuery({ ...allOrganizationsQuery(networkId), enabled: roles.oversees });
  const [objectives, setObjectives] = useState<Row[]>(() => [newRow()]);
  const [kpis, setKpis] = useState<Row[]>(() => []);
  const [mode, setMode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [key] = useState(idempotencyKey);

  const create = useMutation({
    mutationFn: (body: unknown) => createProgram(networkId, body, key),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: programKeys.all(networkId) });
      navigate(programBase(networkId, p.id), {
        state: { flash: tp('programs.form.created', { name: p.name }) },
      });
    },
    onError: (error) => setErrors(errorsOf(error, fieldNames(), t)),
  });

  const fieldNames = () => [
    'organizationId',
    'name',
    'description',
    'objectives',
    ...objectives.map((_, i) => `objectives.${i}`),
    'kpis',
    ...kpis.flatMap((_, i) =>
      ['name', 'target', 'unit', 'direction', 'current'].map((f) => `kpis.${i}.${f}`),
    ),
    'pilot',
    'pairingMode',
    'rotationWeeks',
  ];

  if (roles.me.data && !roles.oversees) {
    return (
      <Page title={tp('programs.form.title')}>
        <div className="notice warning">
          <p>{tp('programs.form.notYours')}</p>
        </div>
      </Page>
    );
  }

  const labels: Record<string, string> = {
    organizationId: tp('programs.form.organization'),
    name: tp('programs.form.name'),
    description: tp('programs.form.description'),
    objectives: tp('programs.form.objectives'),
    kpis: tp('programs.form.kpis'),
    pilot: tp('programs.form.pilot'),
    pairingMode: tp('programs.form.pairingMode'),
    rotationWeeks: tp('programs.form.rotationWeeks'),
    ...Object.fromEntries(
      objectives.map((_, i) => [`objectives.${i}`, tp('programs.form.objectiveN', { n: i + 1 })]),
    ),
    ...Object.fromEntries(
      kpis.flatMap((_, i) =>
        (
          [
            ['name', 'programs.form.kpiName'],
            ['target', 'programs.form.kpiTarget'],
            ['unit', 'programs.form.kpiUnit'],
            ['direction', 'programs.form.kpiDirection'],
            ['current', 'programs.form.kpiCurrent'],
          ] as const
        ).map(([f, k]) => [
          `kpis.${i}.${f}`,
          `${tp('programs.form.kpiN', { n: i + 1 })}: ${tp(k)}`,
        ]),
      ),
    ),
  };

  const submit = (data: FormData) => {
    if (create.isPending) return;
    const local: FormErrors = { fields: {}, other: [] };
    const kpiBody = kpis.map((_, i) => {
      const target = numberOf(text(data, `kpis.${i}.target`));
      const current = numberOf(text(data, `kpis.${i}.current`));
      for (const [f, v] of [
        ['target', target],
        ['current', current],
      ] as const) {
        if (v !== undefined && Number.isNaN(v))
          local.fields[`kpis.${i}.${f}`] = tp('programs.form.notANumber');
      }
      const unit = text(data, `kpis.${i}.unit`);
      return {
        name: text(data, `kpis.${i}.name`),
        target: target ?? Number.NaN,
        ...(unit ? { unit } : {}),
        direction: text(data, `kpis.${i}.direction`) || 'at-least',
        ...(current === undefined ? {} : { current }),
      };
    });
    const weeks = numberOf(text(data, 'rotationWeeks'));
    if (weeks !== undefined && Number.isNaN(weeks))
      local.fields.rotationWeeks = tp('programs.form.notANumber');
    if (Object.keys(local.fields).length) {
      setErrors(local);
      return;
    }
    const description = text(data, 'description');
    setErrors(noErrors);
    create.mutate({
      organizationId: text(data, 'organizationId'),
      name: text(data, 'name'),
      ...(description ? { description } : {}),
      objectives: objectives.map((_, i) => text(data, `objectives.${i}`)),
      kpis: kpiBody.map((k) => (Number.isNaN(k.target) ? { ...k, target: undefined } : k)),
      pilot: data.get('pilot') === 'on',
      pairingMode: text(data, 'pairingMode'),
      ...(mode === 'rotational' && weeks !== undefined ? { rotationWeeks: weeks } : {}),
    });
  };

  const orgOptions = (orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  return (
    <Page title={tp('programs.form.title')}>
      <p>
        <Link href={programsBase(networkId)}>← {tp('programs.title')}</Link>
      </p>
      {orgs.isError ? <LoadError error={orgs.error} retry={() => void orgs.refetch()} /> : null}
      {!roles.me.data || orgs.isPending ? (
        <Loading />
      ) : (
        <Form id="program" errors={errors} labels={labels} onSubmit={submit}>
          <SelectField
            name="organizationId"
            label={labels.organizationId!}
            placeholder={tp('programs.form.chooseOrganization')}
            options={orgOptions}
            defaultValue={roles.isAdmin ? undefined : roles.user?.organizationId}
          />
          <TextField name="name" label={labels.name!} maxLength={120} />
          <TextField
            name="description"
            label={labels.description!}
            hint={tp('programs.form.descriptionHint')}
            rows={3}
            maxLength={2000}
          />
          <fieldset className="row-group" id="program-objectives" tabIndex={-1}>
            <legend>{labels.objectives}</legend>
            <p className="hint">{tp('programs.form.objectivesHint')}</p>
            {objectives.map((row, i) => (
              <div key={row.key}>
                <TextField
                  name={`objectives.${i}`}
                  label={labels[`objectives.${i}`]!}
                  rows={2}
                  maxLength={500}
                />
                {objectives.length > 1 ? (
                  <p>
                    <button
                      type="button"
                      onClick={() => setObjectives((rows) => rows.filter((r) => r.key !== row.key))}
                    >
                      {tp('programs.form.removeObjective', { n: i + 1 })}
                    </button>
                  </p>
                ) : null}
              </div>
            ))}
            <p>
              <button type="button" onClick={() => setObjectives((rows) => [...rows, newRow()])}>
                {tp('programs.form.addObjective')}
              </button>
            </p>
          </fieldset>
          <fieldset className="row-group" id="program-kpis" tabIndex={-1}>
            <legend>{labels.kpis}</legend>
            <p className="hint">{tp('programs.form.kpisHint')}</p>
            {kpis.map((row, i) => (
              <fieldset className="row-group" key={row.key}>
                <legend>{tp('programs.form.kpiN', { n: i + 1 })}</legend>
                <TextField
                  name={`kpis.${i}.name`}
                  label={tp('programs.form.kpiName')}
                  maxLength={120}
                />
                <TextField name={`kpis.${i}.target`} label={tp('programs.form.kpiTarget')} />
                <TextField
                  name={`kpis.${i}.unit`}
                  label={tp('programs.form.kpiUnit')}
                  hint={tp('programs.form.kpiUnitHint')}
                  maxLength={30}
                />
                <SelectField
                  name={`kpis.${i}.direction`}
                  label={tp('programs.form.kpiDirection')}
                  placeholder={tp('programs.form.atLeast')}
                  options={kpiDirections
                    .filter((d) => d !== 'at-least')
                    .map((d) => ({ value: d, label: tp('programs.form.atMost') }))}
                />
                <TextField
                  name={`kpis.${i}.current`}
                  label={tp('programs.form.kpiCurrent')}
                  hint={tp('programs.form.kpiCurrentHint')}
                />
                <p>
                  <button
                    type="button"
                    onClick={() => setKpis((rows) => rows.filter((r) => r.key !== row.key))}
                  >
                    {tp('programs.form.removeKpi', { n: i + 1 })}
                  </button>
                </p>
              </fieldset>
            ))}
            <p>
              <button type="button" onClick={() => setKpis((rows) => [...rows, newRow()])}>
                {tp('programs.form.addKpi')}
              </button>
            </p>
          </fieldset>
          <Checkbox name="pilot" label={labels.pilot!} hint={tp('programs.form.pilotHint')} />
          <PairingFields
            mode={mode}
            setMode={setMode}
            labels={labels}
            error={errors.fields.pairingMode}
          />
          <SubmitButton
            label={tp('programs.form.submit')}
            busy={create.isPending}
            busyLabel={tp('programs.form.submitting')}
          />
        </Form>
      )}
    </Page>
  );
}

/** The pairing select; the rotation weeks appear for rotational pairing only. */
function PairingFields({
  mode,
  setMode,
  labels,
  error,
}: {
  mode: string;
  setMode: (mode: string) => void;
  labels: Record<string, string>;
  error?: string | undefined;
}) {
  const tp = useProgramT();
  return (
    <>
      <div className={error ? 'field invalid' : 'field'}>
        <label htmlFor="program-pairingMode">{labels.pairingMode}</label>
        {error ? (
          <p className="field-error" id="program-pairingMode-error">
            {labels.pairingMode} {error}
          </p>
        ) : null}
        <select
          id="program-pairingMode"
          name="pairingMode"
          value={mode}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'program-pairingMode-error' : undefined}
          onChange={(e) => setMode(e.currentTarget.value)}
        >
          <option value="">{tp('programs.form.choosePairing')}</option>
          <option value="fixed">{tp('programs.form.fixed')}</option>
          <option value="rotational">{tp('programs.form.rotational')}</option>
        </select>
      </div>
      {mode === 'rotational' ? (
        <TextField
          name="rotationWeeks"
          label={labels.rotationWeeks!}
          hint={tp('programs.form.rotationWeeksHint', {
            min: MIN_ROTATION_WEEKS,
            max: MAX_ROTATION_WEEKS,
          })}
        />
      ) : null}
    </>
  );
}
