/** A program's KPIs: how each reads, and the coordinator's form for their current values. */
import type { Kpi } from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, type FormErrors, noErrors, SubmitButton } from '../../components/form.tsx';
import { useProgramT } from '../../i18n/en-programs.ts';
import { useT } from '../../i18n/index.ts';
import { errorsOf } from './coaching-program-parts.tsx';
import { type ProgramView, patchProgram, programKeys } from './coaching-program-queries.ts';

/** A KPI as it reads: its text, target and unit. */
export function kpiText(k: Kpi, tp: ReturnType<typeof useProgramT>) {
  return tp('programs.program.kpiLine', {
    name: k.name,
    direction:
      k.direction === 'at-most'
        ? tp('programs.program.kpiAtMost')
        : tp('programs.program.kpiAtLeast'),
    target: k.target,
    unit: k.unit,
  });
}

/** The KPIs' current values, updated at the version read. */
export function KpiValues({
  networkId,
  program,
  onDone,
}: {
  networkId: string;
  program: ProgramView;
  onDone: (message: string) => void;
}) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const save = useMutation({
    mutationFn: (kpis: Kpi[]) =>
      patchProgram(networkId, program.id, { version: program.version, kpis }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      setErrors(noErrors);
      onDone(tp('programs.program.kpisSaved'));
    },
    onError: (error) =>
      setErrors(
        errorsOf(
          error,
          program.kpis.map((_, i) => `kpis.${i}.current`),
          t,
        ),
      ),
  });
  const labels = Object.fromEntries(program.kpis.map((k, i) => [`kpis.${i}.current`, k.name]));
  return (
    <details>
      <summary>{tp('programs.program.updateKpis')}</summary>
      <Form
        id="kpi-values"
        errors={errors}
        labels={labels}
        onSubmit={(data) => {
          if (save.isPending) return;
          const local: FormErrors = { fields: {}, other: [] };
          const kpis = program.kpis.map((k, i) => {
            const raw = String(data.get(`kpis.${i}.current`) ?? '')
              .trim()
              .replace(',', '.');
            const { current: _old, ...rest } = k;
            if (raw === '') return rest;
            const value = Number(raw);
            if (Number.isNaN(value))
              local.fields[`kpis.${i}.current`] = tp('programs.form.notANumber');
            return { ...rest, current: value };
          });
          if (Object.keys(local.fields).length) return setErrors(local);
          save.mutate(kpis);
        }}
      >
        {program.kpis.map((k, i) => (
          <KpiInput key={k.id} kpi={k} index={i} errors={errors} label={kpiText(k, tp)} />
        ))}
        <SubmitButton
          label={tp('programs.program.saveKpis')}
          busy={save.isPending}
          busyLabel={tp('programs.program.savingKpis')}
        />
      </Form>
    </details>
  );
}

function KpiInput({
  kpi,
  index,
  errors,
  label,
}: {
  kpi: Kpi;
  index: number;
  errors: FormErrors;
  label: string;
}) {
  const name = `kpis.${index}.current`;
  const id = `kpi-values-${name}`;
  const error = errors.fields[name];
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        type="text"
        inputMode="decimal"
        id={id}
        name={name}
        defaultValue={kpi.current === undefined ? '' : String(kpi.current)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}
