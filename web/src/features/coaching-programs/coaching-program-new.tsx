import { isActiveOrganization } from '@sisi/domain';
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
  CheckboxField,
  Form,
  type FormErrors,
  refusal,
  SelectField,
  sendWith,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { useT } from '../../i18n/index.ts';
import { errorsOf, programBase, programsBase, useProgramRoles } from './coaching-program-parts.tsx';
import { createProgram, programKeys } from './coaching-program-queries.ts';

/**
 * Rows keyed by their index, renumbered on removal, so that field paths are the API's error
 * paths (`kpis.0.target`) and ids stay `program-kpis.0.target`.
 */
const keyed = <R extends object>(rows: readonly R[]) =>
  rows.map((row, i) => ({ ...row, _key: String(i) }));

interface Kpi {
  _key: string;
  name: string;
  target: string;
  unit: string;
  direction: string;
  current: string;
}

interface ProgramValue {
  organizationId: string;
  name: string;
  description: string;
  objectives: { _key: string; text: string }[];
  kpis: Kpi[];
  pilot: boolean;
  pairingMode: string;
  rotationWeeks: string;
}

/** A KPI's fields and the catalog keys of their labels. */
const KPI_LABELS = {
  name: 'programs.form.kpiName',
  target: 'programs.form.kpiTarget',
  unit: 'programs.form.kpiUnit',
  direction: 'programs.form.kpiDirection',
  current: 'programs.form.kpiCurrent',
} as const;

/** Numbers as typed: `undefined` when empty, `NaN` when not a number. */
const numberOf = (value: string): number | undefined => {
  const v = value.trim().replace(',', '.');
  return v === '' ? undefined : Number(v);
};

/** `/networks/:networkId/coaching-programs/new` */
export function ProgramNewPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const tp = useProgramT();
  const roles = useProgramRoles(networkId);
  const orgs = useQuery({ ...allOrganizationsQuery(networkId), enabled: roles.oversees });

  if (roles.me.data && !roles.oversees) {
    return (
      <Page title={tp('programs.form.title')}>
        <div className="notice warning">
          <p>{tp('programs.form.notYours')}</p>
        </div>
      </Page>
    );
  }

  return (
    <Page title={tp('programs.form.title')}>
      <p>
        <Link href={programsBase(networkId)}>← {tp('programs.title')}</Link>
      </p>
      {orgs.isError ? <LoadError error={orgs.error} retry={() => void orgs.refetch()} /> : null}
      {!roles.me.data || orgs.isPending ? (
        <Loading />
      ) : (
        <ProgramForm
          networkId={networkId}
          organizations={(orgs.data ?? []).filter(isActiveOrganization)}
          organizationId={roles.isAdmin ? '' : (roles.user?.organizationId ?? '')}
        />
      )}
    </Page>
  );
}

/** The form itself, once the viewer (and so their own organization, chosen for them) is known. */
function ProgramForm({
  networkId,
  organizations,
  organizationId,
}: {
  networkId: string;
  organizations: readonly { id: string; name: string }[];
  organizationId: string;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const [key] = useState(idempotencyKey);
  const form = useForm<ProgramValue>({
    initial: () => ({
      organizationId,
      name: '',
      description: '',
      objectives: keyed([{ text: '' }]),
      kpis: [],
      pilot: false,
      pairingMode: '',
      rotationWeeks: '',
    }),
  });
  const { objectives, kpis } = form.value;

  const create = useMutation({
    mutationFn: (body: unknown) => createProgram(networkId, body, key),
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: programKeys.all(networkId) });
      navigate(programBase(networkId, p.id), {
        state: { flash: tp('programs.form.created', { name: p.name }) },
      });
    },
    onError: (error) => form.setErrors(errorsOf(error, fieldNames(), t)),
  });

  const fieldNames = () => [
    'organizationId',
    'name',
    'description',
    'objectives',
    ...objectives.map((_, i) => `objectives.${i}`),
    'kpis',
    ...kpis.flatMap((_, i) => Object.keys(KPI_LABELS).map((f) => `kpis.${i}.${f}`)),
    'pilot',
    'pairingMode',
    'rotationWeeks',
  ];

  const labels = {
    organizationId: tp('programs.form.organization'),
    name: tp('programs.form.name'),
    description: tp('programs.form.description'),
    objectives: tp('programs.form.objectives'),
    kpis: tp('programs.form.kpis'),
    pilot: tp('programs.form.pilot'),
    pairingMode: tp('programs.form.pairingMode'),
    rotationWeeks: tp('programs.form.rotationWeeks'),
  };

  const toBody = (v: ProgramValue) => {
    const local: FormErrors = { fields: {}, other: [] };
    const kpiBody = v.kpis.map((k, i) => {
      const target = numberOf(k.target);
      const current = numberOf(k.current);
      for (const [f, n] of [
        ['target', target],
        ['current', current],
      ] as const) {
        if (n !== undefined && Number.isNaN(n))
          local.fields[`kpis.${i}.${f}`] = tp('programs.form.notANumber');
      }
      const unit = k.unit.trim();
      return {
        name: k.name.trim(),
        target: target ?? Number.NaN,
        ...(unit ? { unit } : {}),
        direction: k.direction.trim() || 'at-least',
        ...(current === undefined ? {} : { current }),
      };
    });
    // the weeks are asked for rotational pairing only
    const rotational = v.pairingMode === 'rotational';
    const weeks = rotational ? numberOf(v.rotationWeeks) : undefined;
    if (weeks !== undefined && Number.isNaN(weeks))
      local.fields.rotationWeeks = tp('programs.form.notANumber');
    const description = v.description.trim();
    return (
      refusal(local) ?? {
        organizationId: v.organizationId.trim(),
        name: v.name.trim(),
        ...(description ? { description } : {}),
        objectives: v.objectives.map((o) => o.text.trim()),
        kpis: kpiBody.map((k) => (Number.isNaN(k.target) ? { ...k, target: undefined } : k)),
        pilot: v.pilot,
        pairingMode: v.pairingMode.trim(),
        ...(rotational && weeks !== undefined ? { rotationWeeks: weeks } : {}),
      }
    );
  };
  const send = sendWith(form, create, {
    body: toBody,
    label: tp('programs.form.submit'),
    busyLabel: tp('programs.form.submitting'),
  });

  const setObjectives = (change: (rows: ProgramValue['objectives']) => { text: string }[]) =>
    form.update((v) => ({ ...v, objectives: keyed(change(v.objectives)) }));
  const setKpis = (change: (rows: Kpi[]) => Omit<Kpi, '_key'>[]) =>
    form.update((v) => ({ ...v, kpis: keyed(change(v.kpis)) }));
  const orgOptions = organizations.map((o) => ({ value: o.id, label: o.name }));
  return (
    <Form
      form={form}
      id="program"
      ids="name"
      labels={{ objectives: labels.objectives, kpis: labels.kpis }}
      {...send}
    >
      <SelectField
        path="organizationId"
        label={labels.organizationId}
        placeholder={tp('programs.form.chooseOrganization')}
        options={orgOptions}
      />
      <TextField path="name" label={labels.name} maxLength={120} />
      <TextField
        path="description"
        label={labels.description}
        hint={tp('programs.form.descriptionHint')}
        rows={3}
        maxLength={2000}
      />
      <fieldset className="row-group" id="program-objectives" tabIndex={-1}>
        <legend>{labels.objectives}</legend>
        <p className="hint">{tp('programs.form.objectivesHint')}</p>
        {objectives.map((row, i) => (
          <div key={row._key}>
            <TextField
              path={`objectives.${row._key}.text`}
              id={`program-objectives.${i}`}
              errorPath={`objectives.${i}`}
              label={tp('programs.form.objectiveN', { n: i + 1 })}
              rows={2}
              maxLength={500}
            />
            {objectives.length > 1 ? (
              <p>
                <button
                  type="button"
                  onClick={() => setObjectives((rows) => rows.filter((r) => r !== row))}
                >
                  {tp('programs.form.removeObjective', { n: i + 1 })}
                </button>
              </p>
            ) : null}
          </div>
        ))}
        <p>
          <button type="button" onClick={() => setObjectives((rows) => [...rows, { text: '' }])}>
            {tp('programs.form.addObjective')}
          </button>
        </p>
      </fieldset>
      <fieldset className="row-group" id="program-kpis" tabIndex={-1}>
        <legend>{labels.kpis}</legend>
        <p className="hint">{tp('programs.form.kpisHint')}</p>
        {kpis.map((row, i) => (
          <KpiFields
            key={row._key}
            n={i + 1}
            onRemove={() => setKpis((rows) => rows.filter((r) => r !== row))}
          />
        ))}
        <p>
          <button
            type="button"
            onClick={() =>
              setKpis((rows) => [
                ...rows,
                { name: '', target: '', unit: '', direction: '', current: '' },
              ])
            }
          >
            {tp('programs.form.addKpi')}
          </button>
        </p>
      </fieldset>
      <CheckboxField path="pilot" label={labels.pilot} hint={tp('programs.form.pilotHint')} />
      <SelectField
        path="pairingMode"
        label={labels.pairingMode}
        placeholder={tp('programs.form.choosePairing')}
        options={[
          { value: 'fixed', label: tp('programs.form.fixed') },
          { value: 'rotational', label: tp('programs.form.rotational') },
        ]}
      />
      {form.value.pairingMode === 'rotational' ? (
        <TextField
          path="rotationWeeks"
          label={labels.rotationWeeks}
          hint={tp('programs.form.rotationWeeksHint', {
            min: MIN_ROTATION_WEEKS,
            max: MAX_ROTATION_WEEKS,
          })}
        />
      ) : null}
    </Form>
  );
}

/** The fields of KPI `n` (its row is `kpis.<n - 1>`); errors say "KPI 1: Target …". */
function KpiFields({ n, onRemove }: { n: number; onRemove: () => void }) {
  const tp = useProgramT();
  const kpi = tp('programs.form.kpiN', { n });
  const field = (f: keyof typeof KPI_LABELS) => {
    const label = tp(KPI_LABELS[f]);
    return { path: `kpis.${n - 1}.${f}`, label, summaryLabel: `${kpi}: ${label}` };
  };
  return (
    <fieldset className="row-group">
      <legend>{kpi}</legend>
      <TextField {...field('name')} maxLength={120} />
      <TextField {...field('target')} />
      <TextField {...field('unit')} hint={tp('programs.form.kpiUnitHint')} maxLength={30} />
      <SelectField
        {...field('direction')}
        placeholder={tp('programs.form.atLeast')}
        options={kpiDirections
          .filter((d) => d !== 'at-least')
          .map((d) => ({ value: d, label: tp('programs.form.atMost') }))}
      />
      <TextField {...field('current')} hint={tp('programs.form.kpiCurrentHint')} />
      <p>
        <button type="button" onClick={onRemove}>
          {tp('programs.form.removeKpi', { n })}
        </button>
      </p>
    </fieldset>
  );
}
