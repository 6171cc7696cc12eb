/**
 * A coaching's plan: its period and the skills it builds, each through three steps with a
 * date and a done mark.
 */
import type { CoachingPlanInput, CoachingView } from '@sisi/domain';
import {
  type LaoStep,
  laoSteps,
  leadAssistObserve,
  planOrderErrors,
  stepState,
  type ThematicArea,
} from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import {
  CheckboxField,
  fieldErrorsOf,
  Group,
  newKey,
  noErrors,
  present,
  type Row,
  refusal,
  sendWith,
  TextField,
  useForm,
  useFormContext,
} from '../../components/form/index.ts';
import { LoadError, Loading, StatusMessage } from '../../components/page.tsx';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { tSource, useSisiT } from '../../i18n/en-sisi-kwa-sisi.ts';
import { useT } from '../../i18n/index.ts';
import { skillsFromAssessment } from './plan-prefill.ts';
import { SisiForm, sendErrors } from './sisi-kwa-sisi-form.tsx';
import { AreaField, StepStateText, stepLabel, todayIso } from './sisi-kwa-sisi-parts.tsx';
import {
  type CoachingPlanDoc,
  coachingPlanQuery,
  saveCoachingPlan,
  sisiKeys,
} from './sisi-kwa-sisi-queries.ts';

type StepDraft = { date: string; done: boolean };
type SkillRow = Row & {
  area: string;
  skill: string;
  lead: StepDraft;
  assist: StepDraft;
  observe: StepDraft;
};
type PlanDraft = { periodStart: string; periodEnd: string; skills: SkillRow[] };

const emptyStep = (): StepDraft => ({ date: '', done: false });
const skillRow = (area = '', skill = ''): SkillRow => ({
  _key: newKey(),
  area,
  skill,
  lead: emptyStep(),
  assist: emptyStep(),
  observe: emptyStep(),
});

function fromPlan(doc: CoachingPlanDoc | null, c: CoachingView): PlanDraft {
  if (!doc) {
    const suggested = skillsFromAssessment(c.needsAssessment);
    return {
      periodStart: '',
      periodEnd: '',
      skills: suggested.length ? suggested.map((s) => skillRow(s.area, s.skill)) : [skillRow()],
    };
  }
  const step = (s: { date: string; done?: boolean | undefined }) => ({
    date: s.date,
    done: !!s.done,
  });
  return {
    periodStart: doc.content.periodStart,
    periodEnd: doc.content.periodEnd,
    skills: doc.content.skills.map((s) => ({
      _key: s.id,
      area: s.area,
      skill: s.skill,
      lead: step(s.lead),
      assist: step(s.assist),
      observe: step(s.observe),
    })),
  };
}

function toPlanBody(d: PlanDraft): CoachingPlanInput {
  const step = (s: StepDraft) => ({ date: present(s.date), done: s.done });
  return {
    periodStart: present(d.periodStart),
    periodEnd: present(d.periodEnd),
    skills: d.skills.map((r) => ({
      id: r._key,
      area: present<ThematicArea>(r.area),
      skill: r.skill.trim(),
      lead: step(r.lead),
      assist: step(r.assist),
      observe: step(r.observe),
    })),
  };
}

/** The coaching's plan, for the two people of the coaching to write. */
export function Plan({ networkId, c }: { networkId: string; c: CoachingView }) {
  const ts = useSisiT();
  const plan = useQuery({ ...coachingPlanQuery(networkId, c.id), refetchOnWindowFocus: false });
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">{ts('sisiKwaSisi.plan.heading')}</h2>
      <p>{ts('sisiKwaSisi.plan.intro')}</p>
      {plan.isError ? (
        <LoadError error={plan.error} retry={() => void plan.refetch()} />
      ) : plan.isPending ? (
        <Loading />
      ) : (
        <PlanForm networkId={networkId} c={c} base={plan.data ?? null} />
      )}
    </section>
  );
}

function PlanForm({
  networkId,
  c,
  base,
}: {
  networkId: string;
  c: CoachingView;
  base: CoachingPlanDoc | null;
}) {
  const t = useT();
  const ts = useSisiT();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string>();
  const form = useForm<PlanDraft>({
    initial: () => fromPlan(base, c),
    onEdit: () => setSaved(undefined),
  });
  const readOnly = c.status === 'closed';
  const sent = useRef(form.value);
  // the version this form edits: the one it loaded, then each one it saved
  const [version, setVersion] = useState(base?.version ?? 0);

  const save = useMutation({
    mutationFn: (body: CoachingPlanInput) =>
      saveCoachingPlan(networkId, c.id, { ...body, version }),
    onMutate: () => {
      sent.current = form.value;
      setSaved(ts('sisiKwaSisi.plan.saved'));
    },
    onSuccess: async (doc) => {
      form.setErrors(noErrors);
      setVersion(doc.version);
      queryClient.setQueryData(sisiKeys.plan(networkId, c.id), doc);
      await queryClient.invalidateQueries({ queryKey: sisiKeys.coaching(networkId, c.id) });
      await queryClient.invalidateQueries({ queryKey: sisiKeys.coachings(networkId) });
    },
    onError: (error) =>
      form.setErrors(
        sendErrors(error, t, sent.current, {
          conflict: { message: ts('sisiKwaSisi.plan.stale'), fields: {} },
        }),
      ),
  });

  const send = sendWith(form, save, {
    body: (draft) => {
      const body = toPlanBody(draft);
      const complete =
        !!body.periodStart &&
        !!body.periodEnd &&
        body.skills.every((s) => s.lead.date && s.assist.date && s.observe.date);
      // the order rule runs here too, so the answer comes before the round trip
      const order = complete ? planOrderErrors(body as Parameters<typeof planOrderErrors>[0]) : [];
      return refusal({ fields: fieldErrorsOf(order, draft) }) ?? body;
    },
    label: ts('sisiKwaSisi.plan.save'),
    busyLabel: ts('sisiKwaSisi.plan.saving'),
  });

  return (
    <>
      {readOnly ? (
        <div className="notice info">
          <p>{ts('sisiKwaSisi.plan.closedNote')}</p>
        </div>
      ) : null}
      <StatusMessage message={save.isSuccess ? saved : undefined} />
      <SisiForm
        form={form}
        id="coaching-plan"
        labelledBy="plan-heading"
        readOnly={readOnly}
        {...send}
      >
        <TextField path="periodStart" type="date" label={ts('sisiKwaSisi.plan.periodStart')} />
        <TextField path="periodEnd" type="date" label={ts('sisiKwaSisi.plan.periodEndField')} />
        <p className="hint">{ts('sisiKwaSisi.plan.orderHint')}</p>
        <RepeatableList<SkillRow>
          path="skills"
          legend={ts('sisiKwaSisi.plan.skills')}
          heading={3}
          itemLabel={(n) => ts('sisiKwaSisi.plan.skillN', { n })}
          addLabel={ts('sisiKwaSisi.plan.addSkill')}
          removeLabel={(n) => ts('sisiKwaSisi.plan.removeSkill', { n })}
          newRow={() => skillRow()}
          max={20}
        >
          {(row, rowPath, n) => (
            <>
              <AreaField
                path={`${rowPath}.area`}
                label={ts('sisiKwaSisi.plan.area')}
                placeholder={ts('sisiKwaSisi.plan.chooseArea')}
              />
              <TextField
                path={`${rowPath}.skill`}
                label={ts('sisiKwaSisi.plan.skill')}
                maxLength={200}
              />
              <Progression
                rowPath={rowPath}
                row={row}
                name={row.skill.trim() || ts('sisiKwaSisi.plan.skillN', { n })}
              />
            </>
          )}
        </RepeatableList>
      </SisiForm>
    </>
  );
}

/** A skill's three steps, in order, each with its date, its done mark and where it stands. */
function Progression({ rowPath, row, name }: { rowPath: string; row: SkillRow; name: string }) {
  const ts = useSisiT();
  const form = useFormContext();
  const today = todayIso();
  return (
    <ol className="lao" aria-label={ts('sisiKwaSisi.plan.progression', { skill: name })}>
      {laoSteps.map((step: LaoStep) => {
        const s = row[step];
        const state = s.date ? stepState(s, today) : 'upcoming';
        const model = leadAssistObserve.steps.find((m) => m.id === step)!;
        return (
          <li key={step} className={`step-is-${state}`}>
            <Group legend={stepLabel(step)} hint={tSource(`lao.${step}.coach`, model.coach)}>
              <TextField
                path={`${rowPath}.${step}.date`}
                type="date"
                label={ts('sisiKwaSisi.plan.date')}
              />
              <CheckboxField path={`${rowPath}.${step}.done`} label={ts('sisiKwaSisi.plan.done')} />
              {s.date || form.readOnly ? <StepStateText state={state} /> : null}
            </Group>
          </li>
        );
      })}
    </ol>
  );
}
