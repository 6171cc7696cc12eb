/**
 * Step 2 of Sisi Kwa Sisi coaching: "Link the Sisi Kwa Sisi coach to their peer who will
 * provide the coaching based on a needs assessment." The needs assessment (Sisi's questions,
 * each derived from the source), then the coaches of the pool ranked by fit with the reasons
 * for each score; choosing one starts the coaching.
 *
 * `/networks/:networkId/sisi-kwa-sisi/new`
 */
import type { NeedsAssessmentInput } from '@sisi/domain';
import {
  needPriorities,
  needsAssessmentQuestions,
  type ThematicArea,
  thematicAreaIds,
} from '@sisi/domain/static';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'wouter';
import {
  newKey,
  noErrors,
  optional,
  present,
  type Row,
  SelectField,
  sendWith,
  TextAreas,
  TextField,
  useForm,
} from '../../components/form/index.ts';
import { Loading, Page } from '../../components/page.tsx';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { tSource, useSisiT } from '../../i18n/en-sisi-kwa-sisi.ts';
import { useT } from '../../i18n/index.ts';
import { SisiForm, sendErrors } from './sisi-kwa-sisi-form.tsx';
import {
  AreaField,
  PersonPicker,
  SisiLinks,
  todayIso,
  useSisiRoles,
} from './sisi-kwa-sisi-parts.tsx';
import { type SuggestionsResult, suggestCoaches } from './sisi-kwa-sisi-queries.ts';
import { Suggestions } from './sisi-kwa-sisi-suggestions.tsx';

type AreaRow = Row & { area: string; priority: string; skills: string };
type Draft = {
  organizationId: string;
  peerId: string;
  date: string;
  areas: AreaRow[];
  interventions: string;
  workPlanPriority: string;
  city: string;
};

const areaRow = (): AreaRow => ({ _key: newKey(), area: '', priority: '', skills: '' });
const question = (id: (typeof needsAssessmentQuestions)[number]['id']) => {
  const q = needsAssessmentQuestions.find((x) => x.id === id)!;
  return tSource(`needs.${q.id}`, q.text);
};
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function toAssessment(d: Draft): NeedsAssessmentInput {
  return {
    date: present(d.date),
    areas: d.areas.map((r) => ({
      area: present<ThematicArea>(r.area),
      priority: present<'high' | 'medium' | 'low'>(r.priority),
      skills: lines(r.skills),
    })),
    interventions: optional(d.interventions),
    workPlanPriority: optional(d.workPlanPriority),
    city: optional(d.city),
  };
}

/** The API names fields of the assessment under `needsAssessment.`; the form has them at the top. */
const formPaths = (errors: readonly { path: string; message: string }[]) =>
  errors.map((e) => ({
    ...e,
    path: e.path.replace(/^needsAssessment\./, '').replace(/\.skills\.\d+$/, '.skills'),
  }));

export function SisiKwaSisiNewPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const ts = useSisiT();
  const roles = useSisiRoles(networkId);
  return (
    <Page title={ts('sisiKwaSisi.assessment.title')}>
      <SisiLinks networkId={networkId} manages={roles.manages} />
      {roles.me.isPending ? (
        <Loading />
      ) : roles.manages ? (
        <Assessment
          networkId={networkId}
          ownOrganization={roles.isAdmin ? '' : (roles.user?.organizationId ?? '')}
        />
      ) : (
        <div className="notice info">
          <p>{ts('sisiKwaSisi.assessment.notAllowed')}</p>
        </div>
      )}
    </Page>
  );
}

function Assessment({
  networkId,
  ownOrganization,
}: {
  networkId: string;
  ownOrganization: string;
}) {
  const t = useT();
  const ts = useSisiT();
  const form = useForm<Draft>({
    initial: () => ({
      organizationId: ownOrganization,
      peerId: '',
      date: todayIso(),
      areas: [areaRow()],
      interventions: '',
      workPlanPriority: '',
      city: '',
    }),
  });
  const [result, setResult] = useState<{
    peerId: string;
    assessment: NeedsAssessmentInput;
    data: SuggestionsResult;
  }>();
  const sent = useRef(form.value);
  const resultsRef = useRef<HTMLHeadingElement>(null);

  const suggest = useMutation({
    mutationFn: (v: { peerId: string; assessment: NeedsAssessmentInput }) =>
      suggestCoaches(networkId, v.peerId, v.assessment),
    onMutate: () => {
      sent.current = form.value;
    },
    onSuccess: (data, v) => {
      form.setErrors(noErrors);
      setResult({ ...v, data });
    },
    onError: (error) => {
      setResult(undefined);
      form.setErrors(sendErrors(error, t, sent.current, { paths: formPaths }));
    },
  });

  useEffect(() => {
    if (result) resultsRef.current?.focus();
  }, [result]);

  const send = sendWith(form, suggest, {
    required: ['peerId'],
    body: (draft) => ({ peerId: draft.peerId, assessment: toAssessment(draft) }),
    label: ts('sisiKwaSisi.assessment.suggest'),
    busyLabel: ts('sisiKwaSisi.assessment.suggesting'),
  });

  const priorityOptions = needPriorities.map((p) => ({
    value: p.id,
    label: tSource(`priorities.${p.id}`, p.label),
  }));

  return (
    <>
      <p>{ts('sisiKwaSisi.assessment.intro')}</p>
      <h2 id="assessment-heading">{ts('sisiKwaSisi.assessment.heading')}</h2>
      <p className="hint">{ts('sisiKwaSisi.assessment.added')}</p>
      <SisiForm form={form} id="needs-assessment" labelledBy="assessment-heading" {...send}>
        <PersonPicker
          networkId={networkId}
          organizationPath="organizationId"
          personPath="peerId"
          labels={{
            organization: ts('sisiKwaSisi.assessment.peerOrganization'),
            chooseOrganization: ts('sisiKwaSisi.assessment.chooseOrganization'),
            person: ts('sisiKwaSisi.assessment.peer'),
            choosePerson: ts('sisiKwaSisi.assessment.choosePeer'),
          }}
        />
        <TextField path="date" type="date" label={question('date')} />
        <RepeatableList<AreaRow>
          path="areas"
          legend={ts('sisiKwaSisi.assessment.areas')}
          hint={question('areas')}
          itemLabel={(n) => ts('sisiKwaSisi.assessment.areaN', { n })}
          addLabel={ts('sisiKwaSisi.assessment.addArea')}
          removeLabel={(n) => ts('sisiKwaSisi.assessment.removeArea', { n })}
          newRow={areaRow}
          max={thematicAreaIds.length}
        >
          {(_r, rowPath) => (
            <>
              <AreaField
                path={`${rowPath}.area`}
                label={question('areas')}
                placeholder={ts('sisiKwaSisi.assessment.chooseArea')}
              />
              <SelectField
                path={`${rowPath}.priority`}
                label={question('priority')}
                placeholder={ts('sisiKwaSisi.assessment.choosePriority')}
                options={priorityOptions}
              />
              <TextField
                path={`${rowPath}.skills`}
                label={question('skills')}
                hint={ts('sisiKwaSisi.assessment.skillsHint')}
                rows={3}
                maxLength={2000}
              />
            </>
          )}
        </RepeatableList>
        <TextAreas
          rows={3}
          maxLength={2000}
          fields={[
            ['interventions', question('interventions')],
            ['workPlanPriority', question('work-plan')],
          ]}
        />
        <TextField path="city" label={question('city')} maxLength={100} />
      </SisiForm>
      {result ? (
        <Suggestions
          networkId={networkId}
          peerId={result.peerId}
          assessment={result.assessment}
          data={result.data}
          headingRef={resultsRef}
        />
      ) : null}
    </>
  );
}
