/**
 * An organization's dated capacity assessments: priority areas with learning objectives in
 * knowledge / skills / attitudes terms. Recorded ones are listed; a writer records a new one.
 */
import {
  type CapacityAssessment,
  capacityAssessmentSchema,
  ksaDefinitions,
  type TechnicalArea,
} from '@sisi/domain';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiProblem, idempotencyKey } from '../../api/client.ts';
import { useTechnicalAreaOptions } from '../../components/choices.ts';
import {
  Form,
  getAt,
  newKey,
  optional,
  present,
  problemMessage,
  RadioGroup,
  type Row,
  refusal,
  SelectField,
  sendWith,
  TextField,
  useForm,
  useFormContext,
  validate,
} from '../../components/form/index.ts';
import { StatusMessage } from '../../components/page.tsx';
import { PagedList } from '../../components/paged-list.tsx';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { usePlanT } from '../../i18n/en-plan.ts';
import { formatDate, type Translate, useT } from '../../i18n/index.ts';
import {
  type CapacityAssessmentRecord,
  capacityAssessmentsQuery,
  capacityKeys,
  postCapacityAssessment,
} from './capacity-queries.ts';
import '../../components/doc-form.css';

const areaName = (t: Translate, area: TechnicalArea, other?: string) =>
  area === 'other' && other ? other : t(`technicalAreas.${area}`);

type KsaRow = Row & { knowledge: string; skills: string; attitudes: string };
type AreaRow = Row & { area: string; otherArea: string; objectives: KsaRow[] };
type AssessmentDraft = { date: string; kind: string; notes: string; priorityAreas: AreaRow[] };

const ksaRow = (): KsaRow => ({ _key: newKey(), knowledge: '', skills: '', attitudes: '' });
const areaRow = (): AreaRow => ({
  _key: newKey(),
  area: '',
  otherArea: '',
  objectives: [ksaRow()],
});
const emptyAssessment = (): AssessmentDraft => ({
  date: '',
  kind: '',
  notes: '',
  priorityAreas: [areaRow()],
});

function assessmentBody(d: AssessmentDraft): CapacityAssessment {
  return {
    date: present(d.date),
    kind: present<CapacityAssessment['kind']>(d.kind),
    notes: optional(d.notes),
    priorityAreas: d.priorityAreas.map((a) => ({
      area: present<TechnicalArea>(a.area),
      otherArea: a.area === 'other' ? optional(a.otherArea) : undefined,
      objectives: a.objectives.map((o) => ({
        knowledge: optional(o.knowledge),
        skills: optional(o.skills),
        attitudes: optional(o.attitudes),
      })),
    })),
  };
}

/** What each section of the capacity page gets: the organization, and whether it may write. */
export interface CapacitySectionProps {
  networkId: string;
  organizationId: string;
  editable: boolean;
}

/** The organization's assessments, newest first, and the form to record one. */
export function Assessments({ networkId, organizationId, editable }: CapacitySectionProps) {
  const tp = usePlanT();
  const list = useInfiniteQuery(capacityAssessmentsQuery(networkId, organizationId));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <h2>{tp('s2s.capacity.assessmentsHeading')}</h2>
      <p>{tp('s2s.capacity.assessmentsIntro')}</p>
      <PagedList query={list} items={items} empty={tp('s2s.capacity.empty')}>
        {(a) => <AssessmentCard key={a.id} assessment={a} />}
      </PagedList>
      {editable ? <AssessmentForm networkId={networkId} organizationId={organizationId} /> : null}
    </section>
  );
}

function AssessmentCard({ assessment: a }: { assessment: CapacityAssessmentRecord }) {
  const t = useT();
  const tp = usePlanT();
  return (
    <li className="card">
      <h3>
        {tp(`s2s.capacity.kinds.${a.kind}`)}, {formatDate(a.date)}
      </h3>
      <p className="hint">{tp('s2s.capacity.priorityAreas')}</p>
      <ul>
        {a.priorityAreas.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a recorded assessment never changes
          <li key={i}>
            <span className="person-name">{areaName(t, p.area, p.otherArea)}</span>
            {p.objectives.length ? (
              <dl className="ksa">
                {p.objectives.flatMap((o, j) =>
                  ksaDefinitions
                    .filter((k) => o[k.id])
                    .map((k) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: a recorded assessment never changes
                      <div key={`${j}-${k.id}`}>
                        <dt>{k.label}</dt>
                        <dd className="break">{o[k.id]}</dd>
                      </div>
                    )),
                )}
              </dl>
            ) : null}
          </li>
        ))}
      </ul>
      {a.notes ? (
        <p className="break">
          {tp('s2s.capacity.notes')}: {a.notes}
        </p>
      ) : null}
    </li>
  );
}

function KsaExplanation() {
  const tp = usePlanT();
  return (
    <div className="explain">
      <h4>{tp('s2s.capacity.ksaHeading')}</h4>
      <dl>
        {ksaDefinitions.map((k) => (
          <div key={k.id}>
            <dt>{k.label}</dt>
            <dd>{k.text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function AssessmentForm({
  networkId,
  organizationId,
}: {
  networkId: string;
  organizationId: string;
}) {
  const t = useT();
  const tp = usePlanT();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string>();
  const form = useForm({ initial: emptyAssessment, onEdit: () => setDone(undefined) });
  const [key, setKey] = useState(idempotencyKey);
  const [submitted, setSubmitted] = useState<AssessmentDraft>();

  const record = useMutation({
    mutationFn: (body: CapacityAssessment) =>
      postCapacityAssessment(networkId, organizationId, body, key),
    // the rows as sent: an error of this request names them by index
    onMutate: () => setSubmitted(form.value),
    onSuccess: () => {
      void queryClient.invalidateQueries({
        queryKey: capacityKeys.capacityAssessments(networkId, organizationId),
      });
      setDone(tp('s2s.capacity.recorded'));
      form.reset(emptyAssessment());
      form.succeed();
      setKey(idempotencyKey());
    },
    onError: (error) => {
      // only a validation error is about fields; anything else is one message
      if (error instanceof ApiProblem && error.status === 400 && error.errors.length > 0) {
        form.fail(error, { submitted });
      } else {
        form.setErrors({ message: problemMessage(error, t), fields: {} });
      }
    },
  });

  const send = sendWith(form, record, {
    body: (draft) => {
      const body = assessmentBody(draft);
      return refusal(validate(capacityAssessmentSchema, body, draft)) ?? body;
    },
    label: tp('s2s.capacity.submit'),
    busyLabel: tp('s2s.capacity.submitting'),
  });

  return (
    <>
      <h3 id="assessment-form-heading">{tp('s2s.capacity.formHeading')}</h3>
      <StatusMessage message={done} />
      <Form
        form={form}
        id="assessment"
        labelledBy="assessment-form-heading"
        look="document"
        {...send}
      >
        <AssessmentFields />
      </Form>
    </>
  );
}

function AssessmentFields() {
  const tp = usePlanT();
  const form = useFormContext();
  const areaOptions = useTechnicalAreaOptions();
  return (
    <>
      <TextField path="date" type="date" label={tp('s2s.capacity.date')} />
      <RadioGroup
        path="kind"
        legend={tp('s2s.capacity.kind')}
        options={(['self', 'joint'] as const).map((k) => ({
          value: k,
          label: tp(`s2s.capacity.kinds.${k}`),
        }))}
      />
      <KsaExplanation />
      <RepeatableList<AreaRow>
        path="priorityAreas"
        legend={tp('s2s.capacity.priorityAreas')}
        itemLabel={(n) => tp('s2s.capacity.priorityAreaN', { n })}
        addLabel={tp('s2s.capacity.addPriorityArea')}
        removeLabel={(n) => tp('s2s.capacity.removePriorityArea', { n })}
        newRow={areaRow}
        max={10}
      >
        {(_row, ap, n) => (
          <>
            <SelectField
              path={`${ap}.area`}
              label={tp('s2s.capacity.area')}
              placeholder={tp('s2s.capacity.chooseArea')}
              options={areaOptions}
            />
            {getAt(form.value, `${ap}.area`) === 'other' ? (
              <TextField
                path={`${ap}.otherArea`}
                label={tp('s2s.capacity.otherArea')}
                maxLength={200}
              />
            ) : null}
            <RepeatableList<KsaRow>
              path={`${ap}.objectives`}
              legend={tp('s2s.capacity.objectives')}
              hint={tp('s2s.capacity.objectiveHint')}
              itemLabel={(o) => tp('s2s.capacity.objectiveN', { n: o })}
              addLabel={tp('s2s.capacity.addObjective', { n })}
              removeLabel={(o) => tp('s2s.capacity.removeObjective', { o, a: n })}
              newRow={ksaRow}
              max={10}
            >
              {(_o, op) => (
                <>
                  {ksaDefinitions.map((k) => (
                    <TextField
                      key={k.id}
                      path={`${op}.${k.id}`}
                      label={k.label}
                      rows={2}
                      maxLength={2000}
                    />
                  ))}
                </>
              )}
            </RepeatableList>
          </>
        )}
      </RepeatableList>
      <TextField path="notes" label={tp('s2s.capacity.notes')} rows={3} maxLength={4000} />
    </>
  );
}
