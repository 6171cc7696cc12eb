/**
 * The mentoring plan editor: every field of the toolkit's Mentoring Plan Template (001
 * Annex 3), its implementation plan, the milestones and the Step 2 planning questions.
 * The questions are the source's words, from `@sisi/domain`; the plan is saved whole with
 * the version read (a 409 never loses the user's draft).
 */
import {
  capacityTypes as capacityTypeOptions,
  implementationPlanLabels as L,
  MAX_DURATION_MONTHS,
  type Mentorship,
  MIN_DURATION_MONTHS,
  type MilestoneStatus,
  milestoneStatuses,
  objectivesChecklist,
  planFormats,
  planningChecklist,
  planQuestions,
  planSchema,
  planServices,
  planTypeOptions,
  technicalAreas,
} from '@sisi/domain';
import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'wouter';
import { type PlanContent, planQuery, putPlan } from '../api/plan-queries.ts';
import {
  CheckboxField,
  CheckboxGroup,
  type ChoiceOption,
  DocForm,
  Group,
  getAt,
  newKey,
  optional,
  present,
  RadioGroup,
  type Row,
  SelectField,
  TextField,
  useDocForm,
} from '../components/doc-form.tsx';
import { MentorshipHeader, useMentorshipContext } from '../components/mentorship-context.tsx';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { RepeatableList } from '../components/repeatable-list.tsx';
import { DocNotices, useVersionedDoc } from '../components/versioned-doc.tsx';
import { usePlanT } from '../i18n/en-plan.ts';
import { useT } from '../i18n/index.ts';

type Person = Row & { name: string; organizationId: string };
type Activity = Row & {
  description: string;
  personResponsible: string;
  resources: { human: string; financial: string; material: string };
  timing: string;
};
type Capacity = { capacity: string; performance: string };
type Objective = Row & {
  objective: string;
  now: Capacity;
  future: Capacity;
  activities: Activity[];
};
type Milestone = Row & {
  description: string;
  dueDate: string;
  status: MilestoneStatus;
  reachedOn: string;
};
type Channel = Row & { value: string };
type PlanDraft = {
  mentors: Person[];
  mentees: Person[];
  startDate: string;
  anticipatedDurationMonths: string;
  type: string;
  services: string[];
  otherService: string;
  capacityTypes: string[];
  otherCapacityType: string;
  formats: string[];
  whySelected: string;
  technicalAreas: string[];
  otherTechnicalArea: string;
  howMentorCanHelp: string;
  intendedOutcome: string;
  learningObjectives: Objective[];
  milestones: Milestone[];
  objectivesChecklist: Record<string, boolean>;
  planningChecklist: Record<string, boolean>;
  menteeAvailability: string;
  communicationPlan: { channels: Channel[]; frequency: string; pointPeople: Person[] };
};

const person = (p?: { name: string; organizationId: string }, organizationId = ''): Person => ({
  _key: newKey(),
  name: p?.name ?? '',
  organizationId: p?.organizationId ?? organizationId,
});
const capacity = (c?: { capacity?: string | undefined; performance?: string | undefined }) => ({
  capacity: c?.capacity ?? '',
  performance: c?.performance ?? '',
});
const activity = (
  a?: NonNullable<NonNullable<PlanContent['learningObjectives']>[number]['activities']>[number],
): Activity => ({
  _key: a?.id ?? newKey(),
  description: a?.description ?? '',
  personResponsible: a?.personResponsible ?? '',
  resources: {
    human: a?.resources?.human ?? '',
    financial: a?.resources?.financial ?? '',
    material: a?.resources?.material ?? '',
  },
  timing: a?.timing ?? '',
});
const objective = (o?: NonNullable<PlanContent['learningObjectives']>[number]): Objective => ({
  _key: o?.id ?? newKey(),
  objective: o?.objective ?? '',
  now: capacity(o?.now),
  future: capacity(o?.future),
  activities: (o?.activities ?? []).map(activity),
});
const milestone = (m?: NonNullable<PlanContent['milestones']>[number]): Milestone => ({
  _key: m?.id ?? newKey(),
  description: m?.description ?? '',
  dueDate: m?.dueDate ?? '',
  status: m?.status ?? 'planned',
  reachedOn: m?.reachedOn ?? '',
});

/** The draft of a saved plan, or of a new one prefilled from the mentorship. */
function toDraft(content: PlanContent | undefined, m: Mentorship | undefined): PlanDraft {
  const c = content;
  return {
    mentors: (c?.mentors ?? []).map((p) => person(p)),
    mentees: (c?.mentees ?? []).map((p) => person(p)),
    startDate: c ? (c.startDate ?? '') : (m?.startDate ?? ''),
    anticipatedDurationMonths: String(
      c ? (c.anticipatedDurationMonths ?? '') : (m?.durationMonths ?? ''),
    ),
    type: c ? (c.type ?? '') : (m?.type ?? ''),
    services: c?.services ?? [],
    otherService: c?.otherService ?? '',
    capacityTypes: c?.capacityTypes ?? [],
    otherCapacityType: c?.otherCapacityType ?? '',
    formats: c ? (c.formats ?? []) : (m?.approaches ?? []),
    whySelected: c?.whySelected ?? '',
    technicalAreas: c?.technicalAreas ?? [],
    otherTechnicalArea: c?.otherTechnicalArea ?? '',
    howMentorCanHelp: c?.howMentorCanHelp ?? '',
    intendedOutcome: c?.intendedOutcome ?? '',
    learningObjectives: (c?.learningObjectives ?? []).map(objective),
    milestones: (c?.milestones ?? []).map(milestone),
    objectivesChecklist: { ...c?.objectivesChecklist },
    planningChecklist: { ...c?.planningChecklist },
    menteeAvailability: c?.menteeAvailability ?? '',
    communicationPlan: {
      channels: (c?.communicationPlan?.channels ?? []).map((value) => ({ _key: newKey(), value })),
      frequency: c?.communicationPlan?.frequency ?? '',
      pointPeople: (c?.communicationPlan?.pointPeople ?? []).map((p) => person(p)),
    },
  };
}

const people = (list: Person[]) =>
  list.map((p) => ({ name: p.name.trim(), organizationId: present(p.organizationId) }));

/** The whole plan as the API takes it. Rows are all sent, so error paths match the rows. */
function toBody(d: PlanDraft) {
  const months = d.anticipatedDurationMonths.trim();
  return {
    mentors: people(d.mentors),
    mentees: people(d.mentees),
    startDate: optional(d.startDate),
    anticipatedDurationMonths: months ? Number(months) : undefined,
    type: (optional(d.type) as PlanContent['type']) ?? undefined,
    services: d.services as NonNullable<PlanContent['services']>,
    otherService: d.services.includes('other') ? optional(d.otherService) : undefined,
    capacityTypes: d.capacityTypes as NonNullable<PlanContent['capacityTypes']>,
    otherCapacityType: d.capacityTypes.includes('other')
      ? optional(d.otherCapacityType)
      : undefined,
    formats: d.formats as NonNullable<PlanContent['formats']>,
    whySelected: optional(d.whySelected),
    technicalAreas: d.technicalAreas as NonNullable<PlanContent['technicalAreas']>,
    otherTechnicalArea: d.technicalAreas.includes('other')
      ? optional(d.otherTechnicalArea)
      : undefined,
    howMentorCanHelp: optional(d.howMentorCanHelp),
    intendedOutcome: optional(d.intendedOutcome),
    learningObjectives: d.learningObjectives.map((o) => ({
      id: o._key,
      objective: o.objective.trim(),
      now: { capacity: optional(o.now.capacity), performance: optional(o.now.performance) },
      future: {
        capacity: optional(o.future.capacity),
        performance: optional(o.future.performance),
      },
      activities: o.activities.map((a) => ({
        id: a._key,
        description: a.description.trim(),
        personResponsible: optional(a.personResponsible),
        resources: {
          human: optional(a.resources.human),
          financial: optional(a.resources.financial),
          material: optional(a.resources.material),
        },
        timing: optional(a.timing),
      })),
    })),
    milestones: d.milestones.map((m) => ({
      id: m._key,
      description: m.description.trim(),
      dueDate: present(m.dueDate),
      status: m.status,
      reachedOn: m.status === 'reached' ? optional(m.reachedOn) : undefined,
    })),
    objectivesChecklist: d.objectivesChecklist,
    planningChecklist: d.planningChecklist,
    menteeAvailability: optional(d.menteeAvailability),
    communicationPlan: {
      channels: d.communicationPlan.channels.map((c) => c.value.trim()),
      frequency: optional(d.communicationPlan.frequency),
      pointPeople: people(d.communicationPlan.pointPeople),
    },
  };
}

const question = (id: string) => planQuestions.find((q) => q.id === id)!;

/** `/networks/:networkId/mentorships/:mentorshipId/plan` */
export function MentoringPlanPage() {
  const { networkId = '', mentorshipId = '' } = useParams<{
    networkId: string;
    mentorshipId: string;
  }>();
  const tp = usePlanT();
  const ctx = useMentorshipContext(networkId, mentorshipId);
  const m = ctx.mentorship.data;
  const makeDraft = useCallback((c: PlanContent | undefined) => toDraft(c, m), [m]);
  const doc = useVersionedDoc({
    query: planQuery(networkId, mentorshipId),
    ready: ctx.ready,
    toDraft: makeDraft,
    toBody,
    schema: planSchema,
    put: (body) => putPlan(networkId, mentorshipId, body),
    canEdit: ctx.canManage,
  });

  const failed = ctx.mentorship.isError
    ? ctx.mentorship.error
    : doc.status === 'error'
      ? doc.loadError
      : null;
  return (
    <Page title={tp('s2s.plan.title')}>
      <MentorshipHeader
        networkId={networkId}
        mentorshipId={mentorshipId}
        organizationOptions={ctx.organizationOptions}
      />
      {failed ? (
        <LoadError
          error={failed}
          retry={() => {
            void ctx.mentorship.refetch();
            doc.retry();
          }}
        />
      ) : doc.status !== 'ready' || !doc.draft ? (
        <Loading />
      ) : (
        <>
          <p>{tp('s2s.plan.intro')}</p>
          <DocNotices
            doc={doc}
            conflictText={tp('s2s.plan.conflict')}
            savedText={tp('s2s.plan.saved')}
          />
          <DocForm
            id="plan"
            draft={doc.draft}
            onChange={doc.setDraft}
            errors={doc.errors}
            readOnly={doc.readOnly}
            onSubmit={doc.save}
            submit={{
              label: tp('s2s.form.save'),
              busy: doc.saving,
              busyLabel: tp('s2s.form.saving'),
              note: doc.dirty ? tp('s2s.form.unsaved') : undefined,
            }}
          >
            <PlanFields organizations={ctx.organizationOptions} mentorship={m} />
          </DocForm>
        </>
      )}
    </Page>
  );
}

function PeopleList({
  path,
  legend,
  hint,
  itemLabel,
  addLabel,
  removeLabel,
  organizations,
  defaultOrganization,
}: {
  path: string;
  legend: string;
  hint?: string;
  itemLabel: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
  organizations: readonly ChoiceOption[];
  defaultOrganization?: string | undefined;
}) {
  const tp = usePlanT();
  return (
    <RepeatableList<Person>
      path={path}
      legend={legend}
      hint={hint}
      itemLabel={itemLabel}
      addLabel={addLabel}
      removeLabel={removeLabel}
      newRow={() => person(undefined, defaultOrganization)}
      max={20}
    >
      {(_row, rowPath) => (
        <div className="columns">
          <TextField
            path={`${rowPath}.name`}
            label={tp('s2s.form.name')}
            maxLength={120}
            autoComplete="off"
          />
          <SelectField
            path={`${rowPath}.organizationId`}
            label={tp('s2s.form.organization')}
            placeholder={tp('s2s.form.choose')}
            options={organizations}
          />
        </div>
      )}
    </RepeatableList>
  );
}

/** A multiple choice with its "other" text, shown once "other" is ticked. */
function ChoiceWithOther({
  path,
  otherPath,
  legend,
  otherLabel,
  options,
}: {
  path: string;
  otherPath: string;
  legend: string;
  otherLabel: string;
  options: readonly ChoiceOption[];
}) {
  const form = useDocForm();
  const chosen = getAt(form.draft, path);
  const other = Array.isArray(chosen) && chosen.includes('other');
  return (
    <>
      <CheckboxGroup path={path} legend={legend} options={options} />
      {other ? <TextField path={otherPath} label={otherLabel} maxLength={500} /> : null}
    </>
  );
}

function PlanFields({
  organizations,
  mentorship,
}: {
  organizations: readonly ChoiceOption[];
  mentorship: Mentorship | undefined;
}) {
  const t = useT();
  const tp = usePlanT();
  const { readOnly } = useDocForm();
  const options = (list: readonly { id: string; label: string }[]) =>
    list.map((o) => ({ value: o.id, label: o.label }));
  const areaOptions = useMemo(
    () => technicalAreas.map((a) => ({ value: a, label: t(`technicalAreas.${a}`) })),
    [t],
  );
  const statusOptions = milestoneStatuses.map((s) => ({
    value: s,
    label: tp(`s2s.plan.statuses.${s}`),
  }));
  const mentorOrg = mentorship?.mentorOrganizationId;
  const firstMentee = mentorship?.menteeOrganizationIds[0];

  return (
    <>
      <section>
        <h2 id="plan-who">{tp('s2s.plan.sections.who')}</h2>
        <PeopleList
          path="mentors"
          legend={question('mentors').text}
          itemLabel={(n) => tp('s2s.plan.mentorN', { n })}
          addLabel={tp('s2s.plan.addMentor')}
          removeLabel={(n) => tp('s2s.plan.removeMentor', { n })}
          organizations={organizations}
          defaultOrganization={mentorOrg}
        />
        <PeopleList
          path="mentees"
          legend={question('mentees').text}
          itemLabel={(n) => tp('s2s.plan.menteeN', { n })}
          addLabel={tp('s2s.plan.addMentee')}
          removeLabel={(n) => tp('s2s.plan.removeMentee', { n })}
          organizations={organizations}
          defaultOrganization={
            mentorship?.menteeOrganizationIds.length === 1 ? firstMentee : undefined
          }
        />
        <TextField path="startDate" type="date" label={question('start-date').text} />
        <TextField
          path="anticipatedDurationMonths"
          type="number"
          min={MIN_DURATION_MONTHS}
          max={MAX_DURATION_MONTHS}
          label={question('anticipated-duration').text}
          hint={tp('s2s.form.months', { min: MIN_DURATION_MONTHS, max: MAX_DURATION_MONTHS })}
        />
        <RadioGroup path="type" legend={question('type').text} options={options(planTypeOptions)} />
      </section>

      <section>
        <h2 id="plan-services">{tp('s2s.plan.sections.services')}</h2>
        <ChoiceWithOther
          path="services"
          otherPath="otherService"
          legend={question('services').text}
          otherLabel={tp('s2s.plan.otherService')}
          options={options(planServices)}
        />
        <ChoiceWithOther
          path="capacityTypes"
          otherPath="otherCapacityType"
          legend={question('capacity-types').text}
          otherLabel={tp('s2s.plan.otherCapacityType')}
          options={options(capacityTypeOptions)}
        />
        <CheckboxGroup
          path="formats"
          legend={question('formats').text}
          options={options(planFormats)}
        />
        {readOnly || !mentorship ? null : (
          <p className="hint">
            {tp('s2s.plan.matrixHint')}{' '}
            <Link
              href={`/networks/${mentorship.networkId}/mentorships/${mentorship.id}/approaches`}
            >
              {tp('s2s.plan.matrixLink')}
            </Link>
          </p>
        )}
        <TextField
          path="whySelected"
          label={question('why-selected').text}
          rows={3}
          maxLength={4000}
        />
      </section>

      <section>
        <h2 id="plan-focus">{tp('s2s.plan.sections.focus')}</h2>
        <ChoiceWithOther
          path="technicalAreas"
          otherPath="otherTechnicalArea"
          legend={question('technical-areas').text}
          otherLabel={tp('s2s.form.otherTechnicalArea')}
          options={areaOptions}
        />
        <TextField
          path="howMentorCanHelp"
          label={question('how-mentor-can-help').text}
          rows={3}
          maxLength={4000}
        />
        <TextField
          path="intendedOutcome"
          label={question('intended-outcome').text}
          rows={3}
          maxLength={4000}
        />
      </section>

      <section>
        <h2 id="plan-implementation">{question('learning-objectives').text}</h2>
        <p className="hint">{question('learning-objectives').hint}</p>
        <RepeatableList<Objective>
          path="learningObjectives"
          legend={tp('s2s.plan.learningObjectives')}
          itemLabel={(n) => tp('s2s.plan.objectiveN', { n })}
          addLabel={tp('s2s.plan.addObjective')}
          removeLabel={(n) => tp('s2s.plan.removeObjective', { n })}
          newRow={() => objective()}
          max={20}
        >
          {(_row, rp, n) => (
            <>
              <TextField
                path={`${rp}.objective`}
                label={L.learningObjective}
                rows={2}
                maxLength={2000}
              />
              <div className="columns">
                {(['now', 'future'] as const).map((when) => (
                  <Group key={when} legend={L[when]} path={`${rp}.${when}`}>
                    <TextField
                      path={`${rp}.${when}.capacity`}
                      label={L.capacity}
                      rows={3}
                      maxLength={4000}
                    />
                    <TextField
                      path={`${rp}.${when}.performance`}
                      label={L.performance}
                      rows={3}
                      maxLength={4000}
                    />
                  </Group>
                ))}
              </div>
              <RepeatableList<Activity>
                path={`${rp}.activities`}
                legend={`${L.mentoringPlan}: ${L.activities}`}
                itemLabel={(a) => tp('s2s.plan.activityN', { n: a })}
                addLabel={tp('s2s.plan.addActivity', { n })}
                removeLabel={(a) => tp('s2s.plan.removeActivity', { a, o: n })}
                newRow={() => activity()}
                max={50}
              >
                {(_a, ap) => (
                  <>
                    <TextField
                      path={`${ap}.description`}
                      label={tp('s2s.plan.activityDescription')}
                      rows={2}
                      maxLength={2000}
                    />
                    <TextField
                      path={`${ap}.personResponsible`}
                      label={L.personResponsible}
                      maxLength={500}
                    />
                    <Group legend={L.resources} path={`${ap}.resources`}>
                      <div className="columns">
                        <TextField
                          path={`${ap}.resources.human`}
                          label={tp('s2s.plan.human')}
                          maxLength={500}
                        />
                        <TextField
                          path={`${ap}.resources.financial`}
                          label={tp('s2s.plan.financial')}
                          maxLength={500}
                        />
                        <TextField
                          path={`${ap}.resources.material`}
                          label={tp('s2s.plan.material')}
                          maxLength={500}
                        />
                      </div>
                    </Group>
                    <TextField path={`${ap}.timing`} label={L.timing} maxLength={500} />
                  </>
                )}
              </RepeatableList>
            </>
          )}
        </RepeatableList>
      </section>

      <section>
        <RepeatableList<Milestone>
          path="milestones"
          legend={question('milestones').text}
          heading={2}
          itemLabel={(n) => tp('s2s.plan.milestoneN', { n })}
          addLabel={tp('s2s.plan.addMilestone')}
          removeLabel={(n) => tp('s2s.plan.removeMilestone', { n })}
          newRow={() => milestone()}
          max={100}
        >
          {(row, mp) => (
            <>
              <TextField
                path={`${mp}.description`}
                label={tp('s2s.plan.milestoneDescription')}
                rows={2}
                maxLength={1000}
              />
              <div className="columns">
                <TextField path={`${mp}.dueDate`} type="date" label={tp('s2s.plan.dueDate')} />
                <SelectField
                  path={`${mp}.status`}
                  label={tp('s2s.plan.status')}
                  options={statusOptions}
                />
                {row.status === 'reached' ? (
                  <TextField
                    path={`${mp}.reachedOn`}
                    type="date"
                    label={tp('s2s.plan.reachedOn')}
                  />
                ) : null}
              </div>
            </>
          )}
        </RepeatableList>
      </section>

      <section>
        <h2 id="plan-checklists">{tp('s2s.plan.sections.checklists')}</h2>
        <Group
          legend={question('objectives-checklist').text}
          path="objectivesChecklist"
          hint={tp('s2s.plan.checklistHint')}
        >
          {objectivesChecklist.map((item) => (
            <CheckboxField
              key={item.id}
              path={`objectivesChecklist.${item.id}`}
              text={`${item.label}: ${item.text}`}
              label={
                <>
                  <span className="checklist-lead">{item.label}:</span> {item.text}
                </>
              }
            />
          ))}
        </Group>
      </section>

      <section>
        <h2 id="plan-planning">{tp('s2s.plan.sections.planning')}</h2>
        <TextField
          path="menteeAvailability"
          label={question('mentee-availability').text}
          rows={2}
          maxLength={500}
        />
        <Group legend={tp('s2s.plan.communicationPlan')} path="communicationPlan">
          <RepeatableList<Channel>
            path="communicationPlan.channels"
            legend={question('communication-channels').text}
            itemLabel={(n) => tp('s2s.plan.channelN', { n })}
            addLabel={tp('s2s.plan.addChannel')}
            removeLabel={(n) => tp('s2s.plan.removeChannel', { n })}
            newRow={() => ({ _key: newKey(), value: '' })}
            max={20}
            inline
          >
            {(_c, cp, n) => (
              <TextField
                path={`${cp}.value`}
                errorPath={cp}
                label={tp('s2s.plan.channelN', { n })}
                maxLength={100}
              />
            )}
          </RepeatableList>
          <TextField
            path="communicationPlan.frequency"
            label={question('communication-frequency').text}
            maxLength={500}
          />
          <PeopleList
            path="communicationPlan.pointPeople"
            legend={question('communication-point-people').text}
            itemLabel={(n) => tp('s2s.plan.pointPersonN', { n })}
            addLabel={tp('s2s.plan.addPointPerson')}
            removeLabel={(n) => tp('s2s.plan.removePointPerson', { n })}
            organizations={organizations}
          />
        </Group>
        <Group
          legend={question('planning-checklist').text}
          path="planningChecklist"
          hint={tp('s2s.plan.checklistHint')}
        >
          {planningChecklist.map((item) => (
            <CheckboxField key={item.id} path={`planningChecklist.${item.id}`} label={item.text} />
          ))}
        </Group>
      </section>
    </>
  );
}
