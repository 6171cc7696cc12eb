/** A program's KPIs: how each reads, and the coordinator's form for their current values. */
import type { Kpi } from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CoachingInput } from '../../components/coaching-input.tsx';
import { Form, type FormErrors, refusal, sendWith, useForm } from '../../components/form/index.ts';
import { useProgramT } from '../../i18n/en-programs.ts';
import { useT } from '../../i18n/index.ts';
import { errorsOf, type ProgramPartProps } from './coaching-program-parts.tsx';
import { patchProgram, programKeys } from './coaching-program-queries.ts';

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
export function KpiValues({ networkId, program, onDone }: ProgramPartProps) {
  const t = useT();
  const tp = useProgramT();
  const queryClient = useQueryClient();
  // keyed by index, as the API's paths are (`kpis.0.current`)
  const form = useForm({
    initial: () => ({
      kpis: Object.fromEntries(
        program.kpis.map((k, i) => [
          String(i),
          { current: k.current === undefined ? '' : String(k.current) },
        ]),
      ) as Record<string, { current: string }>,
    }),
  });
  const save = useMutation({
    mutationFn: (kpis: Kpi[]) =>
      patchProgram(networkId, program.id, { version: program.version, kpis }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programKeys.program(networkId, program.id) });
      form.succeed();
      onDone(tp('programs.program.kpisSaved'));
    },
    onError: (error) =>
      form.setErrors(
        errorsOf(
          error,
          program.kpis.map((_, i) => `kpis.${i}.current`),
          t,
        ),
      ),
  });
  const send = sendWith(form, save, {
    body: (v) => {
      const local: FormErrors = { fields: {}, other: [] };
      const kpis = program.kpis.map((k, i) => {
        const raw = (v.kpis[String(i)]?.current ?? '').trim().replace(',', '.');
        const { current: _old, ...rest } = k;
        if (raw === '') return rest;
        const value = Number(raw);
        if (Number.isNaN(value)) local.fields[`kpis.${i}.current`] = tp('programs.form.notANumber');
        return { ...rest, current: value };
      });
      return refusal(local) ?? kpis;
    },
    label: tp('programs.program.saveKpis'),
    busyLabel: tp('programs.program.savingKpis'),
  });
  return (
    <details>
      <summary>{tp('programs.program.updateKpis')}</summary>
      <Form form={form} id="kpi-values" ids="name" {...send}>
        {program.kpis.map((k, i) => (
          // labelled by its line, named by the KPI in the error summary
          <CoachingInput
            key={k.id}
            path={`kpis.${i}.current`}
            label={kpiText(k, tp)}
            summaryLabel={k.name}
            inputMode="decimal"
            errorText={(message) => message}
          />
        ))}
      </Form>
    </details>
  );
}
