/**
 * The fields of the mentoring plan, section by section, in the template's order (001
 * Annex 3) with the Step 2 planning questions.
 */
import {
  capacityTypes as capacityTypeOptions,
  MAX_DURATION_MONTHS,
  type Mentorship,
  MIN_DURATION_MONTHS,
  objectivesChecklist,
  planFormats,
  planningChecklist,
  planServices,
  planTypeOptions,
} from '@sisi/domain';
import { Link } from 'wouter';
import { useTechnicalAreaOptions } from '../../components/choices.ts';
import {
  CheckboxField,
  CheckboxGroup,
  CheckboxGroupWithOther,
  type ChoiceOption,
  Group,
  newKey,
  RadioGroup,
  SelectField,
  TextField,
  useFormContext,
} from '../../components/form/index.ts';
import { RepeatableList } from '../../components/repeatable-list.tsx';
import { usePlanT } from '../../i18n/en-plan.ts';
import { type Channel, type Person, person, question } from './plan-draft.ts';
import { MilestonesSection, ObjectivesSection } from './plan-objectives.tsx';

const options = (list: readonly { id: string; label: string }[]) =>
  list.map((o) => ({ value: o.id, label: o.label }));

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

/** Every section of the plan. */
export function PlanFields({
  organizations,
  mentorship,
}: {
  organizations: readonly ChoiceOption[];
  mentorship: Mentorship | undefined;
}) {
  return (
    <>
      <WhoSection organizations={organizations} mentorship={mentorship} />
      <ServicesSection mentorship={mentorship} />
      <FocusSection />
      <ObjectivesSection />
      <MilestonesSection />
      <ChecklistsSection />
      <PlanningSection organizations={organizations} />
    </>
  );
}

/** Who: mentors and mentees, dates, type. */
function WhoSection({
  organizations,
  mentorship,
}: {
  organizations: readonly ChoiceOption[];
  mentorship: Mentorship | undefined;
}) {
  const tp = usePlanT();
  const mentorOrg = mentorship?.mentorOrganizationId;
  const firstMentee = mentorship?.menteeOrganizationIds[0];
  return (
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
  );
}

/** The services, capacity types and formats, with a link to the decision matrix. */
function ServicesSection({ mentorship }: { mentorship: Mentorship | undefined }) {
  const tp = usePlanT();
  const { readOnly } = useFormContext();
  return (
    <section>
      <h2 id="plan-services">{tp('s2s.plan.sections.services')}</h2>
      <CheckboxGroupWithOther
        path="services"
        otherPath="otherService"
        legend={question('services').text}
        otherLabel={tp('s2s.plan.otherService')}
        options={options(planServices)}
        maxLength={500}
      />
      <CheckboxGroupWithOther
        path="capacityTypes"
        otherPath="otherCapacityType"
        legend={question('capacity-types').text}
        otherLabel={tp('s2s.plan.otherCapacityType')}
        options={options(capacityTypeOptions)}
        maxLength={500}
      />
      <CheckboxGroup
        path="formats"
        legend={question('formats').text}
        options={options(planFormats)}
      />
      {readOnly || !mentorship ? null : (
        <p className="hint">
          {tp('s2s.plan.matrixHint')}{' '}
          <Link href={`/networks/${mentorship.networkId}/mentorships/${mentorship.id}/approaches`}>
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
  );
}

/** The technical areas and what the mentoring is for. */
function FocusSection() {
  const tp = usePlanT();
  const areaOptions = useTechnicalAreaOptions();
  return (
    <section>
      <h2 id="plan-focus">{tp('s2s.plan.sections.focus')}</h2>
      <CheckboxGroupWithOther
        path="technicalAreas"
        otherPath="otherTechnicalArea"
        legend={question('technical-areas').text}
        otherLabel={tp('s2s.form.otherTechnicalArea')}
        options={areaOptions}
        maxLength={500}
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
  );
}

/** The objectives checklist. */
function ChecklistsSection() {
  const tp = usePlanT();
  return (
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
  );
}

/** Availability, the communication plan and the planning checklist. */
function PlanningSection({ organizations }: { organizations: readonly ChoiceOption[] }) {
  const tp = usePlanT();
  return (
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
  );
}
