/**
 * The orientation meeting (001, Step 1 "Initial Meetings" and Annex 2 "Orientation Meeting
 * Discussion Guide"). The guide is data so the SPA renders the form from it; each question
 * names where its answer lives in `orientationSchema` (`answer`, a path as zod reports it),
 * because the source's questions are answered in different shapes: free text, a choice of
 * technical areas, named operational guidelines, and a list of next meetings.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, personNameSchema, versionSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';
import { technicalAreaSchema, technicalAreas } from '../organization.ts';

/** Annex 2 "Establish Operational Guidelines": one named field per question. */
export const operationalGuidelineKeys = [
  'whenAndWhereToMeet',
  'howToScheduleMeetings',
  'communicationBetweenMeetings',
  'agendaFormat',
  'fixedAgendaItems',
  'feedbackExchange',
  'measuringSuccess',
] as const;
export type OperationalGuidelineKey = (typeof operationalGuidelineKeys)[number];

/** Free-text questions of the first two parts, answered in `answers[id]`. */
export const orientationTextQuestionIds = [
  'missions-strategies-values',
  'current-initiatives',
  'common-interests',
  'current-ways-of-working',
  'vision-at-its-best',
  'capacities-to-develop',
  'how-mentoring-helps',
  'expectations',
  'what-each-brings',
  'benefits-to-each',
  'two-way-transfer',
] as const;
export type OrientationTextQuestionId = (typeof orientationTextQuestionIds)[number];

export type OrientationAnswerPath =
  | readonly ['answers', OrientationTextQuestionId]
  | readonly ['technicalAreas']
  | readonly ['operationalGuidelines', OperationalGuidelineKey]
  | readonly ['nextMeetings'];

export interface OrientationQuestion {
  id: string;
  text: string;
  answer: OrientationAnswerPath;
}

export interface OrientationPart {
  id: string;
  title: string;
  questions: readonly OrientationQuestion[];
}

const text = (id: OrientationTextQuestionId, question: string): OrientationQuestion => ({
  id,
  text: question,
  answer: ['answers', id],
});
const guideline = (
  id: string,
  key: OperationalGuidelineKey,
  question: string,
): OrientationQuestion => ({ id, text: question, answer: ['operationalGuidelines', key] });

/** Annex 2, its four parts in order, with the source's questions. */
export const orientationGuide: readonly OrientationPart[] = [
  {
    id: 'get-to-know-each-other',
    title: 'Get to Know Each Other',
    questions: [
      text(
        'missions-strategies-values',
        'What are the missions, strategies, and values of each organization?',
      ),
      text(
        'current-initiatives',
        'What projects, services, or initiatives does each organization currently implement?',
      ),
      text('common-interests', 'What are the areas of common interest and overlap?'),
    ],
  },
  {
    id: 'identify-areas-for-mentoring',
    title: 'Identify Areas for Mentoring',
    questions: [
      text(
        'current-ways-of-working',
        'Describe how your organization currently works. What are your most important processes, systems, and structures?',
      ),
      text(
        'vision-at-its-best',
        'Now, imagine your organization working at its best. Describe this vision. What is in place?',
      ),
      text(
        'capacities-to-develop',
        'What capacities (knowledge, skills, attitudes, resources, or relationships) are you looking to develop in order to achieve this vision?',
      ),
      text('how-mentoring-helps', 'How can mentoring help accomplish this vision?'),
      text('expectations', 'What are your expectations of the mentoring process?'),
      {
        id: 'technical-areas',
        text: 'What technical areas are you most interested to receive mentoring in:',
        answer: ['technicalAreas'],
      },
      text(
        'what-each-brings',
        'What knowledge, skills, and resources will each organization bring to the collaboration?',
      ),
      text(
        'benefits-to-each',
        'What specific benefits will each partner gain from the collaboration?',
      ),
      text('two-way-transfer', 'Are resource and capability transfer two-way?'),
    ],
  },
  {
    id: 'establish-operational-guidelines',
    title: 'Establish Operational Guidelines',
    questions: [
      guideline('when-and-where-to-meet', 'whenAndWhereToMeet', 'When and where will we meet?'),
      guideline(
        'how-to-schedule-meetings',
        'howToScheduleMeetings',
        'How will we schedule meetings?',
      ),
      guideline(
        'communication-between-meetings',
        'communicationBetweenMeetings',
        'How will we communicate between meetings?',
      ),
      guideline('agenda-format', 'agendaFormat', 'What agenda format will we use?'),
      guideline(
        'fixed-agenda-items',
        'fixedAgendaItems',
        'Will there be any fixed agenda items for every meeting?',
      ),
      guideline('feedback-exchange', 'feedbackExchange', 'How will we exchange feedback?'),
      guideline('measuring-success', 'measuringSuccess', 'How will we measure success?'),
    ],
  },
  {
    id: 'confirm-next-steps',
    title: 'Confirm Next Steps',
    questions: [
      {
        id: 'future-meetings',
        text: 'Schedule the dates, times, and place of future meetings.',
        answer: ['nextMeetings'],
      },
    ],
  },
];

/** 001 "Who Should Attend the Initial Meeting?"; one person may hold several roles. */
export const attendeeRoles = [
  { id: 'decision-maker', text: 'Organizational leadership or someone who can make decisions' },
  {
    id: 'champion',
    text: 'Champions or “gatekeepers” in both organizations who can bring the right people together',
  },
  { id: 'technical-expert', text: 'Technical or knowledge experts' },
  {
    id: 'mentee',
    text: 'Individuals being mentored directly (or at least their representatives)',
  },
] as const;
export type AttendeeRole = (typeof attendeeRoles)[number]['id'];
export const attendeeRoleSchema = z.enum(
  attendeeRoles.map((r) => r.id) as [AttendeeRole, ...AttendeeRole[]],
);

const answerText = z.string().trim().max(4000);
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

export const attendeeSchema = z
  .object({
    name: personNameSchema,
    organizationId: idSchema,
    roles: z
      .array(attendeeRoleSchema)
      .min(1, 'choose at least one role')
      .max(attendeeRoles.length)
      .refine(unique, { message: 'must not repeat a role', ...coded('not_unique') }),
  })
  .strict();

export const nextMeetingSchema = z
  .object({
    date: isoDateSchema,
    time: timeSchema.optional(),
    place: z.string().trim().max(200).optional(),
  })
  .strict();

/**
 * The record of an orientation meeting. Every part is optional: the guide is filled in
 * during and after the meeting, and `version` (the one the client read) guards edits.
 */
export const orientationSchema = z
  .object({
    meetingDate: isoDateSchema.optional(),
    attendees: z.array(attendeeSchema).max(50).optional(),
    answers: z.partialRecord(z.enum(orientationTextQuestionIds), answerText).optional(),
    technicalAreas: z
      .array(technicalAreaSchema)
      .max(technicalAreas.length)
      .refine(unique, { message: 'must not repeat an area', ...coded('not_unique') })
      .optional(),
    otherTechnicalArea: z.string().trim().max(200).optional(),
    operationalGuidelines: z
      .object(
        Object.fromEntries(operationalGuidelineKeys.map((k) => [k, answerText.optional()])) as {
          [K in OperationalGuidelineKey]: z.ZodOptional<typeof answerText>;
        },
      )
      .strict()
      .optional(),
    nextMeetings: z.array(nextMeetingSchema).max(20).optional(),
    version: versionSchema.optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.technicalAreas?.includes('other') && !o.otherTechnicalArea) {
      ctx.addIssue({
        code: 'custom',
        path: ['otherTechnicalArea'],
        message: 'is required when "other" is a technical area',
        ...coded('other_unexplained'),
      });
    }
  });
export type Orientation = z.output<typeof orientationSchema>;
