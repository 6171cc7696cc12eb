/**
 * What an organization needs and offers: its dated capacity assessments (priority areas,
 * learning objectives in knowledge / skills / attitudes terms) and, as a mentor, its asset
 * inventory (001 "Mentors: Inventory Your Assets and Expertise"). A network admin or the
 * organization's coordinator writes them; its people read them.
 */
import {
  type AssetInventory,
  assetInventoryGuide,
  assetInventorySchema,
  type CapacityAssessment,
  capacityAssessmentSchema,
  ksaDefinitions,
  type MentorSkillType,
  mentorSkillTypes,
  packagedResourceKinds,
  type TechnicalArea,
  technicalAreas,
  type User,
} from '@sisi/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { ApiProblem, idempotencyKey } from '../../api/client.ts';
import { meQuery, organizationQuery } from '../../api/queries.ts';
import {
  CheckboxGroup,
  type ChoiceOption,
  type DocErrors,
  DocForm,
  fieldErrorsOf,
  getAt,
  newKey,
  noDocErrors,
  optional,
  present,
  RadioGroup,
  type Row,
  SelectField,
  TextField,
  useDocForm,
  validate,
} from '../../components/doc-form.tsx';
import { problemMessage } from '../../components/form.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { DocNotices, useVersionedDoc } from '../../components/versioned-doc.tsx';
import { commonLanguages } from '../../constants.ts';
import { type PlanTranslate, usePlanT } from '../../i18n/en-plan.ts';
import { formatDate, languageName, type Translate, useT } from '../../i18n/index.ts';
import {
  type AssetInventoryContent,
  type AssetInventoryInput,
  assetInventoryQuery,
  type CapacityAssessmentRecord,
  capacityAssessmentsQuery,
  capacityKeys,
  postCapacityAssessment,
  putAssetInventory,
} from './capacity-queries.ts';

/** A network admin, or the organization's own coordinator. */
const canWrite = (user: User | undefined, organizationId: string) =>
  !!user &&
  (user.roles.includes('network-admin') ||
    (user.roles.includes('coordinator') && user.organizationId === organizationId));

const areaName = (t: Translate, area: TechnicalArea, other?: string) =>
  area === 'other' && other ? other : t(`technicalAreas.${area}`);

/** `/networks/:networkId/organizations/:organizationId/capacity` */
export function CapacityPage() {
  const { networkId = '', organizationId = '' } = useParams<{
    networkId: string;
    organizationId: string;
  }>();
  const tp = usePlanT();
  const me = useQuery(meQuery());
  const organization = useQuery(organizationQuery(networkId, organizationId));
  const editable = canWrite(me.data, organizationId);
  const name = organization.data?.name;
  return (
    <Page title={name ? tp('s2s.capacity.title', { name }) : tp('s2s.capacity.titleFallback')}>
      <p>
        <Link href={`/networks/${networkId}/organizations/${organizationId}`}>
          {tp('s2s.capacity.back')}
        </Link>
      </p>
      {organization.isError ? (
        <LoadError error={organization.error} retry={() => void organization.refetch()} />
      ) : !organization.data || !me.data ? (
        <Loading />
      ) : (
        <>
          <Assessments networkId={networkId} organizationId={organizationId} editable={editable} />
          <Inventory networkId={networkId} organizationId={organizationId} editable={editable} />
        </>
      )}
    </Page>
  );
}

/* ----------------------------------------------------------------- assessments */

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

function Assessments({
  networkId,
  organizationId,
  editable,
}: {
  networkId: string;
  organizationId: string;
  editable: boolean;
}) {
  const tp = usePlanT();
  const list = useInfiniteQuery(capacityAssessmentsQuery(networkId, organizationId));
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <h2>{tp('s2s.capacity.assessmentsHeading')}</h2>
      <p>{tp('s2s.capacity.assessmentsIntro')}</p>
      {list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{tp('s2s.capacity.empty')}</p>
      ) : (
        <>
          <ul className="cards">
            {items.map((a) => (
              <AssessmentCard key={a.id} assessment={a} />
            ))}
          </ul>
          <LoadMore query={list} />
        </>
      )}
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
  const [draft, setDraftState] = useState<AssessmentDraft>(emptyAssessment);
  const [errors, setErrors] = useState<DocErrors>(noDocErrors);
  const [done, setDone] = useState<string>();
  const [key, setKey] = useState(idempotencyKey);
  const [submitted, setSubmitted] = useState<AssessmentDraft>();
  const setDraft = useCallback((update: (d: AssessmentDraft) => AssessmentDraft) => {
    setDraftState(update);
    setDone(undefined);
  }, []);

  const record = useMutation({
    mutationFn: (body: CapacityAssessment) =>
      postCapacityAssessment(networkId, organizationId, body, key),
    onSuccess: () => {
      void queryClient.invalidateQueries({
        queryKey: capacityKeys.capacityAssessments(networkId, organizationId),
      });
      setDone(tp('s2s.capacity.recorded'));
      setDraftState(emptyAssessment());
      setErrors(noDocErrors);
      setKey(idempotencyKey());
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 400 && error.errors.length > 0) {
        setErrors({ fields: fieldErrorsOf(error.errors, submitted) });
      } else {
        setErrors({ message: problemMessage(error, t), fields: {} });
      }
    },
  });

  const submit = () => {
    if (record.isPending) return;
    const body = assessmentBody(draft);
    const problems = validate(capacityAssessmentSchema, body);
    if (problems.length) return setErrors({ fields: fieldErrorsOf(problems, draft) });
    setErrors(noDocErrors);
    setSubmitted(draft);
    record.mutate(body);
  };

  return (
    <>
      <h3 id="assessment-form-heading">{tp('s2s.capacity.formHeading')}</h3>
      <StatusMessage message={done} />
      <DocForm
        id="assessment"
        labelledBy="assessment-form-heading"
        draft={draft}
        onChange={setDraft}
        errors={errors}
        onSubmit={submit}
        submit={{
          label: tp('s2s.capacity.submit'),
          busy: record.isPending,
          busyLabel: tp('s2s.capacity.submitting'),
        }}
      >
        <AssessmentFields />
      </DocForm>
    </>
  );
}

function AssessmentFields() {
  const t = useT();
  const tp = usePlanT();
  const form = useDocForm();
  const areaOptions = useMemo(
    () => technicalAreas.map((a) => ({ value: a, label: t(`technicalAreas.${a}`) })),
    [t],
  );
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
            {getAt(form.draft, `${ap}.area`) === 'other' ? (
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

/* ------------------------------------------------------------------- inventory */

type ExpertRow = Row & {
  name: string;
  expertise: string;
  skillTypes: string[];
  availability: string;
};
type ResourceRow = Row & { title: string; kind: string; description: string; language: string };
type InventoryDraft = {
  areasOfExpertise: string[];
  otherAreaOfExpertise: string;
  internalExperts: ExpertRow[];
  packagedResources: ResourceRow[];
};

const expertRow = (e?: AssetInventory['internalExperts'][number]): ExpertRow => ({
  _key: newKey(),
  name: e?.name ?? '',
  expertise: e?.expertise ?? '',
  skillTypes: e?.skillTypes ? [...e.skillTypes] : [],
  availability: e?.availability ?? '',
});
const resourceRow = (r?: AssetInventory['packagedResources'][number]): ResourceRow => ({
  _key: newKey(),
  title: r?.title ?? '',
  kind: r?.kind ?? '',
  description: r?.description ?? '',
  language: r?.language ?? '',
});

function inventoryDraft(c: AssetInventoryContent | undefined): InventoryDraft {
  return {
    areasOfExpertise: c?.areasOfExpertise ? [...c.areasOfExpertise] : [],
    otherAreaOfExpertise: c?.otherAreaOfExpertise ?? '',
    internalExperts: (c?.internalExperts ?? []).map(expertRow),
    packagedResources: (c?.packagedResources ?? []).map(resourceRow),
  };
}

function inventoryBody(d: InventoryDraft): AssetInventoryInput {
  return {
    areasOfExpertise: d.areasOfExpertise as TechnicalArea[],
    otherAreaOfExpertise: d.areasOfExpertise.includes('other')
      ? optional(d.otherAreaOfExpertise)
      : undefined,
    internalExperts: d.internalExperts.map((e) => ({
      name: e.name.trim(),
      expertise: e.expertise.trim(),
      skillTypes: e.skillTypes as MentorSkillType[],
      availability: optional(e.availability),
    })),
    packagedResources: d.packagedResources.map((r) => ({
      title: r.title.trim(),
      kind: present<AssetInventory['packagedResources'][number]['kind']>(r.kind),
      description: optional(r.description),
      language: optional(r.language),
    })),
  };
}

function Inventory({
  networkId,
  organizationId,
  editable,
}: {
  networkId: string;
  organizationId: string;
  editable: boolean;
}) {
  const tp = usePlanT();
  const doc = useVersionedDoc({
    query: assetInventoryQuery(networkId, organizationId),
    toDraft: inventoryDraft,
    toBody: inventoryBody,
    schema: assetInventorySchema,
    put: (body) => putAssetInventory(networkId, organizationId, body),
    canEdit: editable,
  });
  return (
    <section>
      <h2>{assetInventoryGuide.title}</h2>
      <p>{tp('s2s.capacity.inventoryIntro')}</p>
      <div className="explain">
        <p>{assetInventoryGuide.intro}</p>
        <h3>{tp('s2s.capacity.skillTypes')}</h3>
        <dl>
          {mentorSkillTypes.map((s) => (
            <div key={s.id}>
              <dt>{s.label}</dt>
              <dd>{s.text}</dd>
            </div>
          ))}
        </dl>
        <h3>{tp('s2s.capacity.steps')}</h3>
        <ol>
          {assetInventoryGuide.steps.map((s) => (
            <li key={s.id}>{s.text}</li>
          ))}
        </ol>
      </div>
      {doc.status === 'error' ? (
        <LoadError error={doc.loadError} retry={doc.retry} />
      ) : doc.status !== 'ready' || !doc.draft ? (
        <Loading />
      ) : (
        <>
          <DocNotices
            doc={doc}
            conflictText={tp('s2s.capacity.conflict')}
            savedText={tp('s2s.capacity.inventorySaved')}
          />
          <DocForm
            id="inventory"
            draft={doc.draft}
            onChange={doc.setDraft}
            errors={doc.errors}
            readOnly={doc.readOnly}
            onSubmit={doc.save}
            submit={{
              label: tp('s2s.capacity.saveInventory'),
              busy: doc.saving,
              busyLabel: tp('s2s.form.saving'),
              note: doc.dirty ? tp('s2s.form.unsaved') : undefined,
            }}
          >
            <InventoryFields tp={tp} />
          </DocForm>
        </>
      )}
    </section>
  );
}

function InventoryFields({ tp }: { tp: PlanTranslate }) {
  const t = useT();
  const form = useDocForm();
  const areaOptions: ChoiceOption[] = useMemo(
    () => technicalAreas.map((a) => ({ value: a, label: t(`technicalAreas.${a}`) })),
    [t],
  );
  const skillOptions = mentorSkillTypes.map((s) => ({ value: s.id, label: s.label }));
  const kindOptions = packagedResourceKinds.map((k) => ({
    value: k,
    label: tp(`s2s.capacity.resourceKinds.${k}`),
  }));
  const languageOptions = useMemo(
    () => commonLanguages.map((code) => ({ value: code, label: languageName(code) })),
    [],
  );
  const areas = getAt(form.draft, 'areasOfExpertise');
  return (
    <>
      <CheckboxGroup
        path="areasOfExpertise"
        legend={tp('s2s.capacity.areasOfExpertise')}
        options={areaOptions}
      />
      {Array.isArray(areas) && areas.includes('other') ? (
        <TextField
          path="otherAreaOfExpertise"
          label={tp('s2s.capacity.otherAreaOfExpertise')}
          maxLength={200}
        />
      ) : null}
      <RepeatableList<ExpertRow>
        path="internalExperts"
        legend={tp('s2s.capacity.internalExperts')}
        hint={assetInventoryGuide.internalExpertsHint}
        itemLabel={(n) => tp('s2s.capacity.expertN', { n })}
        addLabel={tp('s2s.capacity.addExpert')}
        removeLabel={(n) => tp('s2s.capacity.removeExpert', { n })}
        newRow={() => expertRow()}
        max={50}
      >
        {(_row, ep) => (
          <>
            <TextField path={`${ep}.name`} label={tp('s2s.form.name')} maxLength={120} />
            <TextField
              path={`${ep}.expertise`}
              label={tp('s2s.capacity.expertise')}
              rows={2}
              maxLength={500}
            />
            <CheckboxGroup
              path={`${ep}.skillTypes`}
              legend={tp('s2s.capacity.expertSkillTypes')}
              options={skillOptions}
            />
            <TextField
              path={`${ep}.availability`}
              label={tp('s2s.capacity.availability')}
              maxLength={500}
            />
          </>
        )}
      </RepeatableList>
      <RepeatableList<ResourceRow>
        path="packagedResources"
        legend={tp('s2s.capacity.packagedResources')}
        hint={assetInventoryGuide.packagedResourcesHint}
        itemLabel={(n) => tp('s2s.capacity.resourceN', { n })}
        addLabel={tp('s2s.capacity.addResource')}
        removeLabel={(n) => tp('s2s.capacity.removeResource', { n })}
        newRow={() => resourceRow()}
        max={100}
      >
        {(_row, rp) => (
          <>
            <TextField
              path={`${rp}.title`}
              label={tp('s2s.capacity.resourceTitle')}
              maxLength={200}
            />
            <div className="columns">
              <SelectField
                path={`${rp}.kind`}
                label={tp('s2s.capacity.resourceKind')}
                placeholder={tp('s2s.capacity.chooseKind')}
                options={kindOptions}
              />
              <SelectField
                path={`${rp}.language`}
                label={tp('s2s.capacity.language')}
                placeholder={tp('s2s.capacity.chooseLanguage')}
                options={languageOptions}
              />
            </div>
            <TextField
              path={`${rp}.description`}
              label={tp('s2s.capacity.description')}
              rows={2}
              maxLength={2000}
            />
          </>
        )}
      </RepeatableList>
    </>
  );
}
