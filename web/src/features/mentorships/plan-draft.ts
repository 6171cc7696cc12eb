/**
 * The mentoring plan's draft: the shape the form edits (rows keyed, numbers as text), made
 * from a saved plan or prefilled from the mentorship and its people, and the body the API
 * takes.
 */
import { type Mentorship, type MilestoneStatus, planQuestions } from '@sisi/domain';
import { newKey, optional, otherText, present, type Row } from '../../components/form/index.ts';
import type { PlanContent } from './queries.ts';

export type Person = Row & { name: string; organizationId: string };
export type Activity = Row & {
  description: string;
  personResponsible: string;
  resources: { human: string; financial: string; material: string };
  timing: string;
};
type Capacity = { capacity: string; performance: string };
export type Objective = Row & {
  objective: string;
  now: Capacity;
  future: Capacity;
  activities: Activity[];
};
export type Milestone = Row & {
  description: string;
  dueDate: string;
  status: MilestoneStatus;
  reachedOn: string;
};
export type Channel = Row & { value: string };
export type PlanDraft = {
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

export const person = (
  p?: { name: string; organizationId: string },
  organizationId = '',
): Person => ({
  _key: newKey(),
  name: p?.name ?? '',
  organizationId: p?.organizationId ?? organizationId,
});
const capacity = (c?: { capacity?: string | undefined; performance?: string | undefined }) => ({
  capacity: c?.capacity ?? '',
  performance: c?.performance ?? '',
});
export const activity = (
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
export const objective = (
  o?: NonNullable<PlanContent['learningObjectives']>[number],
): Objective => ({
  _key: o?.id ?? newKey(),
  objective: o?.objective ?? '',
  now: capacity(o?.now),
  future: capacity(o?.future),
  activities: (o?.activities ?? []).map(activity),
});
export const milestone = (m?: NonNullable<PlanContent['milestones']>[number]): Milestone => ({
  _key: m?.id ?? newKey(),
  description: m?.description ?? '',
  dueDate: m?.dueDate ?? '',
  status: m?.status ?? 'planned',
  reachedOn: m?.reachedOn ?? '',
});

/** A person of the mentorship as its `people` route lists them. */
export type MentorshipPersonRef = {
  id: string;
  name: string;
  organizationId: string;
  role: 'coordinator' | 'participant';
};

/**
 * The people of one side of a mentorship, per organization in the mentorship's order: its
 * participants, or its coordinator when none of its people takes part yet.
 */
export function sidePeople(
  m: Mentorship,
  people: readonly MentorshipPersonRef[],
  side: 'mentor' | 'mentee',
): MentorshipPersonRef[] {
  const orgs = side === 'mentor' ? [m.mentorOrganizationId] : m.menteeOrganizationIds;
  return orgs.flatMap((org) => {
    const own = people.filter((p) => p.organizationId === org);
    const taking = own.filter((p) => p.role === 'participant');
    return taking.length ? taking : own.filter((p) => p.role === 'coordinator');
  });
}

/** Whether a saved plan says nothing yet of who and when (the matrix may have started it). */
const saysNothingOfWho = (c: PlanContent) =>
  !c.mentors?.length &&
  !c.mentees?.length &&
  !c.startDate &&
  c.anticipatedDurationMonths === undefined &&
  !c.type;

/**
 * The draft of a saved plan. Who and when are prefilled from the mentorship while the plan
 * says nothing of them (a new plan, or one holding only the approaches chosen): its dates,
 * duration and type, and as mentors and mentees the people of each side (`people`, the
 * mentorship's participants, else its organizations' coordinators). Everything stays
 * editable; nothing is saved until the person saves.
 */
export function toDraft(
  content: PlanContent | undefined,
  m: Mentorship | undefined,
  people: readonly MentorshipPersonRef[] = [],
): PlanDraft {
  const c = content;
  const fill = m && (!c || saysNothingOfWho(c)) ? m : undefined;
  const side = (s: 'mentor' | 'mentee') => (fill ? sidePeople(fill, people, s) : []);
  return {
    mentors: (fill ? side('mentor') : (c?.mentors ?? [])).map((p) => person(p)),
    mentees: (fill ? side('mentee') : (c?.mentees ?? [])).map((p) => person(p)),
    startDate: fill ? fill.startDate : (c?.startDate ?? ''),
    anticipatedDurationMonths: String(
      fill ? fill.durationMonths : (c?.anticipatedDurationMonths ?? ''),
    ),
    type: fill ? fill.type : (c?.type ?? ''),
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
export function toBody(d: PlanDraft) {
  const months = d.anticipatedDurationMonths.trim();
  return {
    mentors: people(d.mentors),
    mentees: people(d.mentees),
    startDate: optional(d.startDate),
    anticipatedDurationMonths: months ? Number(months) : undefined,
    type: (optional(d.type) as PlanContent['type']) ?? undefined,
    services: d.services as NonNullable<PlanContent['services']>,
    otherService: otherText(d.services, d.otherService),
    capacityTypes: d.capacityTypes as NonNullable<PlanContent['capacityTypes']>,
    otherCapacityType: otherText(d.capacityTypes, d.otherCapacityType),
    formats: d.formats as NonNullable<PlanContent['formats']>,
    whySelected: optional(d.whySelected),
    technicalAreas: d.technicalAreas as NonNullable<PlanContent['technicalAreas']>,
    otherTechnicalArea: otherText(d.technicalAreas, d.otherTechnicalArea),
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

export const question = (id: string) => planQuestions.find((q) => q.id === id)!;
