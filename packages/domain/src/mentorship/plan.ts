/**
 * The mentoring plan (001 Annex 3 "Mentoring Plan Template" and "Mentoring Implementation
 * Plan", plus the planning questions of Step 2 that the decision matrix does not score).
 * A plan is filled in progressively, so no top-level field is required; items inside lists
 * need their identifying text, because an empty row carries nothing worth keeping.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, personNameSchema, versionSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';
import { technicalAreaSchema, technicalAreas } from '../organization.ts';
import { type ApproachId, approachIds } from './matrix.ts';
import { approachIdSchema, mentorshipTypes } from './mentorship.ts';
import { MAX_DURATION_MONTHS, MIN_DURATION_MONTHS } from './schedule.ts';

export interface Option<Id extends string = string> {
  id: Id;
  label: string;
}

/** Annex 3 question 5 ("Circle one"). */
export const planTypeOptions = [
  { id: 'one-to-one', label: 'One-to-One Mentoring' },
  { id: 'one-to-many', label: 'One-to-Many Mentoring' },
] as const satisfies readonly Option<(typeof mentorshipTypes)[number]>[];

/** Annex 3 question 6 ("Circle all applicable"). */
export const planServices = [
  { id: 'consulting', label: 'Consulting' },
  { id: 'training', label: 'Training' },
  { id: 'mentoring-coaching', label: 'Mentoring and Coaching' },
  { id: 'resource-referral', label: 'Resource Referral' },
  { id: 'grants', label: 'Grants' },
  { id: 'peer-exchange', label: 'Peer Exchange' },
  { id: 'other', label: 'Other (Specify)' },
] as const satisfies readonly Option[];
export type PlanService = (typeof planServices)[number]['id'];

/** Annex 3 question 7 ("Circle all applicable"). */
export const capacityTypes = [
  { id: 'technical', label: 'Technical' },
  { id: 'organizational', label: 'Organizational' },
  { id: 'relational', label: 'Relational' },
  { id: 'other', label: 'Other' },
] as const satisfies readonly Option[];
export type CapacityType = (typeof capacityTypes)[number]['id'];

/**
 * Annex 3 question 8, in the template's order and with its labels (which differ from the
 * approach names: "Peer Exchange/Workshop Event" is the exchange event).
 */
export const planFormats = [
  { id: 'on-site', label: 'On-Site Mentoring' },
  { id: 'twinning', label: 'Twinning' },
  { id: 'community-of-practice', label: 'Community of Practice' },
  { id: 'study-tour', label: 'Study Tour/Site Visit' },
  { id: 'exchange-visit', label: 'Exchange Visits' },
  { id: 'exchange-event', label: 'Peer Exchange/Workshop Event' },
  { id: 'resource-referral', label: 'Resource Referral' },
  { id: 'telementoring', label: 'Telementoring' },
  { id: 'internship-shadowing', label: 'Internship/Shadowing' },
] as const satisfies readonly Option<ApproachId>[];

export interface ChecklistItem {
  id: string;
  /** The italic lead-in of the source, where it has one. */
  label?: string;
  text: string;
}

/** Annex 3 question 14, "Checklist for evaluating mentee objectives". */
export const objectivesChecklist = [
  {
    id: 'specificity',
    label: 'Specificity',
    text: 'Has the mentee identified specific long-term goals and mentoring objectives?',
  },
  {
    id: 'measurability',
    label: 'Measurability',
    text: 'Has the mentee determined how to measure success?',
  },
  {
    id: 'work-plan',
    label: 'Work Plan',
    text: 'Does your mentee have an action plan to achieve organizational goals and objectives?',
  },
  {
    id: 'reality-check',
    label: 'Reality Check',
    text: "Are your mentee's goals and objectives realistic given the circumstances?",
  },
] as const satisfies readonly ChecklistItem[];
export type ObjectivesChecklistId = (typeof objectivesChecklist)[number]['id'];

/** Step 2 "Planning Checklist" (001 p. 42). */
export const planningChecklist = [
  { id: 'clear-objectives', text: 'Are learning objectives clear?' },
  { id: 'how-to-communicate', text: 'How will you communicate?' },
  { id: 'how-often-to-communicate', text: 'How often will you communicate?' },
  { id: 'point-people', text: 'Who are the point people?' },
  { id: 'measure-success', text: 'How will you recognize or measure success?' },
] as const satisfies readonly ChecklistItem[];
export type PlanningChecklistId = (typeof planningChecklist)[number]['id'];

export interface PlanQuestion {
  id: string;
  /** The field of `planSchema` that holds the answer. */
  field: string;
  /** The question's number in the Annex 3 template; absent for questions from elsewhere. */
  number?: number;
  text: string;
  /** The source's instruction under the question, where it is not a paper one ("Circle"). */
  hint?: string;
}

/**
 * Labels of the plan form, in the template's order. Questions from outside Annex 3 are
 * taken from Step 2 (the mentee's availability) and "Maintaining Contact" (the
 * communication plan); the milestones, which Step 2 asks for but no template lists, have
 * a label only.
 */
export const planQuestions: readonly PlanQuestion[] = [
  { id: 'mentors', field: 'mentors', number: 1, text: 'Who are the mentors?' },
  { id: 'mentees', field: 'mentees', number: 2, text: 'Who are the mentees?' },
  { id: 'start-date', field: 'startDate', number: 3, text: 'Start dates of the relationship:' },
  {
    id: 'anticipated-duration',
    field: 'anticipatedDurationMonths',
    number: 4,
    text: 'Anticipated duration of the relationship:',
  },
  { id: 'type', field: 'type', number: 5, text: 'What type of mentoring will it be?' },
  { id: 'services', field: 'services', number: 6, text: 'What type of service will be offered?' },
  {
    id: 'capacity-types',
    field: 'capacityTypes',
    number: 7,
    text: 'What type of capacity will be strengthened?',
  },
  {
    id: 'formats',
    field: 'formats',
    number: 8,
    text: 'What will be the format of the mentorship?',
  },
  {
    id: 'why-selected',
    field: 'whySelected',
    number: 9,
    text: 'Why was this type of mentoring selected?',
  },
  {
    id: 'technical-areas',
    field: 'technicalAreas',
    number: 10,
    text: 'What will be the technical area of focus for the mentorship?',
  },
  {
    id: 'how-mentor-can-help',
    field: 'howMentorCanHelp',
    number: 11,
    text: 'How can the mentor be most helpful to the mentee?',
  },
  {
    id: 'intended-outcome',
    field: 'intendedOutcome',
    number: 12,
    text: 'What is the intended outcome to be achieved through the mentorship?',
  },
  {
    id: 'learning-objectives',
    field: 'learningObjectives',
    number: 13,
    text: 'Mentoring Implementation Plan',
    hint: 'Use the template on next page to develop objectives, visions of performance, and a mentoring plan.',
  },
  {
    id: 'objectives-checklist',
    field: 'objectivesChecklist',
    number: 14,
    text: 'Checklist for evaluating mentee objectives:',
  },
  {
    id: 'mentee-availability',
    field: 'menteeAvailability',
    text: 'Over what period of time is your mentee available and committed to engage in the process?',
  },
  {
    id: 'communication-channels',
    field: 'communicationPlan.channels',
    text: 'What channels will be used for communication?',
  },
  {
    id: 'communication-frequency',
    field: 'communicationPlan.frequency',
    text: 'How frequently will you have formal or informal interactions?',
  },
  {
    id: 'communication-point-people',
    field: 'communicationPlan.pointPeople',
    text: 'Between or among which individuals?',
  },
  { id: 'planning-checklist', field: 'planningChecklist', text: 'Planning Checklist' },
  { id: 'milestones', field: 'milestones', text: 'Milestones' },
];

/** Column and row labels of the "Mentoring Implementation Plan" table. */
export const implementationPlanLabels = {
  learningObjective: 'Learning Objective',
  now: 'Now',
  future: 'Future',
  capacity: 'Description of Capacity',
  performance: 'Indications of Performance',
  mentoringPlan: 'Mentoring Plan',
  activities: 'Activities',
  personResponsible: 'Person(s) Responsible',
  resources: 'Resources Needed (Human, Financial, Material)',
  timing: 'Timing',
} as const;

export const milestoneStatuses = ['planned', 'reached', 'missed'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

const ids = <T extends string>(items: readonly { id: T }[]) =>
  items.map((i) => i.id) as [T, ...T[]];
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;
const uniqueIds = (items: readonly { id: string }[]) => unique(items.map((i) => i.id));

/** Ids of rows inside a plan: chosen by the client so edits can track a row. */
export const planItemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, - or _');

const shortText = z.string().trim().max(500);
const longText = z.string().trim().max(4000);
const required = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const planPersonSchema = z
  .object({ name: personNameSchema, organizationId: idSchema })
  .strict();

const capacitySchema = z
  .object({ capacity: longText.optional(), performance: longText.optional() })
  .strict();

export const planActivitySchema = z
  .object({
    id: planItemIdSchema,
    description: required(2000),
    personResponsible: shortText.optional(),
    resources: z
      .object({
        human: shortText.optional(),
        financial: shortText.optional(),
        material: shortText.optional(),
      })
      .strict()
      .optional(),
    timing: shortText.optional(),
  })
  .strict();

export const learningObjectiveSchema = z
  .object({
    id: planItemIdSchema,
    objective: required(2000),
    now: capacitySchema.optional(),
    future: capacitySchema.optional(),
    activities: z
      .array(planActivitySchema)
      .max(50)
      .refine(uniqueIds, { message: 'must not repeat an id', ...coded('not_unique') })
      .optional(),
  })
  .strict();

export const milestoneSchema = z
  .object({
    id: planItemIdSchema,
    description: required(1000),
    dueDate: isoDateSchema,
    status: z.enum(milestoneStatuses).default('planned'),
    reachedOn: isoDateSchema.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.reachedOn && m.status !== 'reached') {
      ctx.addIssue({
        code: 'custom',
        path: ['reachedOn'],
        message: 'is only for a milestone that was reached',
        ...coded('not_applicable'),
      });
    }
  });

export const communicationPlanSchema = z
  .object({
    channels: z
      .array(required(100))
      .max(20)
      .refine(unique, { message: 'must not repeat a channel', ...coded('not_unique') })
      .optional(),
    frequency: shortText.optional(),
    pointPeople: z.array(planPersonSchema).max(20).optional(),
  })
  .strict();

const choice = <T extends string>(options: readonly { id: T }[]) =>
  z
    .array(z.enum(ids(options)))
    .max(options.length)
    .refine(unique, { message: 'must not repeat a choice', ...coded('not_unique') });

const checklistAnswers = <T extends string>(items: readonly { id: T }[]) =>
  z.partialRecord(z.enum(ids(items)), z.boolean());

/**
 * A mentoring plan as the client sends it; `version` is the one it read (optimistic
 * locking).
 */
export const planSchema = z
  .object({
    mentors: z.array(planPersonSchema).max(20).optional(),
    mentees: z.array(planPersonSchema).max(50).optional(),
    startDate: isoDateSchema.optional(),
    anticipatedDurationMonths: z
      .number()
      .int()
      .min(MIN_DURATION_MONTHS)
      .max(MAX_DURATION_MONTHS)
      .optional(),
    type: z.enum(mentorshipTypes).optional(),
    services: choice(planServices).optional(),
    otherService: shortText.optional(),
    capacityTypes: choice(capacityTypes).optional(),
    otherCapacityType: shortText.optional(),
    formats: z
      .array(approachIdSchema)
      .max(approachIds.length)
      .refine(unique, { message: 'must not repeat an approach', ...coded('not_unique') })
      .optional(),
    whySelected: longText.optional(),
    technicalAreas: z
      .array(technicalAreaSchema)
      .max(technicalAreas.length)
      .refine(unique, { message: 'must not repeat an area', ...coded('not_unique') })
      .optional(),
    otherTechnicalArea: shortText.optional(),
    howMentorCanHelp: longText.optional(),
    intendedOutcome: longText.optional(),
    learningObjectives: z
      .array(learningObjectiveSchema)
      .max(20)
      .refine(uniqueIds, { message: 'must not repeat an id', ...coded('not_unique') })
      .optional(),
    milestones: z
      .array(milestoneSchema)
      .max(100)
      .refine(uniqueIds, { message: 'must not repeat an id', ...coded('not_unique') })
      .optional(),
    objectivesChecklist: checklistAnswers(objectivesChecklist).optional(),
    planningChecklist: checklistAnswers(planningChecklist).optional(),
    menteeAvailability: shortText.optional(),
    communicationPlan: communicationPlanSchema.optional(),
    version: versionSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const others = [
      ['services', 'otherService'],
      ['capacityTypes', 'otherCapacityType'],
      ['technicalAreas', 'otherTechnicalArea'],
    ] as const;
    for (const [list, text] of others) {
      if ((p[list] as readonly string[] | undefined)?.includes('other') && !p[text]) {
        ctx.addIssue({
          code: 'custom',
          path: [text],
          message: `is required when "other" is chosen in ${list}`,
        });
      }
    }
  });
export type PlanInput = z.input<typeof planSchema>;
export type Plan = z.output<typeof planSchema>;
