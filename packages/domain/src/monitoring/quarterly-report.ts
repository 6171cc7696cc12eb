/**
 * The mentor's quarterly report (001 Annex 5) as the API takes and stores it. The form's
 * words are in `quarterly-report-form.ts`; this is what makes an answer valid.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, personNameSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';
import { planItemIdSchema } from '../mentorship/plan.ts';
import { quarterlyReportTechnicalAreas, totalHours } from './quarterly-report-form.ts';

/** Periods are 1-based indexes into `schedule.quarterlyReviews` (at most 19 in 60 months). */
export const MAX_QUARTERLY_PERIOD = 20;

const longText = z.string().trim().max(4000);
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;
const areaIds = quarterlyReportTechnicalAreas.map((a) => a.id) as [
  (typeof quarterlyReportTechnicalAreas)[number]['id'],
  ...(typeof quarterlyReportTechnicalAreas)[number]['id'][],
];

export const quarterlyReportPeriodSchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be 1 or more')
  .max(MAX_QUARTERLY_PERIOD, `must be at most ${MAX_QUARTERLY_PERIOD}`);

/** One row of the interaction log: DATE, TIME INVOLVED (hours), ACTIVITY. */
export const interactionSchema = z
  .object({
    date: isoDateSchema,
    hours: z
      .number()
      .positive('must be more than 0')
      .max(24, 'must be at most 24 hours a day')
      .refine((h) => Number.isInteger(h * 4), {
        message: 'must be in quarter hours (0.25, 0.5, 0.75 …)',
        ...coded('quarter_hours'),
      }),
    activity: z.string().trim().min(1, 'is required').max(500),
  })
  .strict();
export type Interaction = z.output<typeof interactionSchema>;

/** A learning objective of the pair and the progress towards it (questions 2 and 3). */
export const objectiveProgressSchema = z
  .object({
    /** The objective's id in the mentoring plan, when it is one of the plan's. */
    planObjectiveId: planItemIdSchema.optional(),
    objective: z.string().trim().min(1, 'is required').max(2000),
    progress: longText.optional(),
  })
  .strict();

/**
 * A quarterly report as the mentor organization's coordinator submits it.
 *
 * @example
 * quarterlyReportSchema.parse({ period: 1, date: '2026-04-20', mentorNames: ['Ama'],
 *   technicalAreas: ['advocacy'], objectives: [{ objective: 'A costed advocacy plan' }],
 *   interactions: [{ date: '2026-03-02', hours: 2, activity: 'Call on the budget' }] });
 */
export const quarterlyReportSchema = z
  .object({
    period: quarterlyReportPeriodSchema,
    date: isoDateSchema,
    mentorNames: z.array(personNameSchema).min(1, 'name at least one mentor').max(20),
    phoneNumber: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ().-]{2,30}$/, 'must be a phone number')
      .optional(),
    menteeNames: z.array(personNameSchema).max(50).default([]),
    technicalAreas: z
      .array(z.enum(areaIds))
      .min(1, 'choose at least one')
      .max(areaIds.length)
      .refine(unique, { message: 'must not repeat an area', ...coded('not_unique') }),
    otherTechnicalArea: z.string().trim().min(1).max(200).optional(),
    objectives: z.array(objectiveProgressSchema).min(1, 'name at least one objective').max(20),
    trends: longText.optional(),
    relationship: longText.optional(),
    interactionFrequency: longText.optional(),
    interactions: z.array(interactionSchema).max(200),
    outputsOutcomes: longText.optional(),
    successes: longText.optional(),
    challenges: longText.optional(),
    additionalComments: longText.optional(),
    signature: z.object({ name: personNameSchema, date: isoDateSchema }).strict().optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.technicalAreas.includes('other') && !r.otherTechnicalArea) {
      ctx.addIssue({
        code: 'custom',
        path: ['otherTechnicalArea'],
        message: 'is required when "other" is a technical area',
        ...coded('other_unexplained'),
      });
    }
    r.interactions.forEach((i, index) => {
      if (i.date > r.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['interactions', index, 'date'],
          message: 'must not be after the date of the report',
          ...coded('date_order', { max: r.date }),
        });
      }
    });
  });
export type QuarterlyReportInput = z.input<typeof quarterlyReportSchema>;
export type QuarterlyReportAnswers = z.output<typeof quarterlyReportSchema>;

/** A submitted report: the answers, the total hours and who submitted it when. */
export const quarterlyReportRecordSchema = z.object({
  mentorshipId: idSchema,
  period: z.number().int(),
  /** The review date of the period (`schedule.quarterlyReviews[period - 1]`). */
  dueDate: z.string(),
  mentorOrganizationId: idSchema,
  menteeOrganizationIds: z.array(idSchema),
  date: z.string(),
  mentorNames: z.array(z.string()),
  phoneNumber: z.string().optional(),
  menteeNames: z.array(z.string()),
  technicalAreas: z.array(z.enum(areaIds)),
  otherTechnicalArea: z.string().optional(),
  objectives: z.array(
    z.object({
      planObjectiveId: z.string().optional(),
      objective: z.string(),
      progress: z.string().optional(),
    }),
  ),
  trends: z.string().optional(),
  relationship: z.string().optional(),
  interactionFrequency: z.string().optional(),
  interactions: z.array(z.object({ date: z.string(), hours: z.number(), activity: z.string() })),
  totalHours: z.number(),
  outputsOutcomes: z.string().optional(),
  successes: z.string().optional(),
  challenges: z.string().optional(),
  additionalComments: z.string().optional(),
  signature: z.object({ name: z.string(), date: z.string() }).optional(),
  submittedAt: z.string(),
  submittedBy: idSchema,
  submittedByName: z.string(),
});
export type QuarterlyReport = z.output<typeof quarterlyReportRecordSchema>;

/**
 * The stored report from validated answers and the mentorship they belong to.
 *
 * @example
 * const report = quarterlyReportRecord(answers, mentorship, { at: now, by: userId, byName });
 */
export function quarterlyReportRecord(
  answers: QuarterlyReportAnswers,
  mentorship: {
    id: string;
    mentorOrganizationId: string;
    menteeOrganizationIds: string[];
    schedule: { quarterlyReviews: string[] };
  },
  submitted: { at: string; by: string; byName: string },
): QuarterlyReport {
  const dueDate = mentorship.schedule.quarterlyReviews[answers.period - 1];
  if (!dueDate) throw new RangeError(`no quarterly review ${answers.period}`);
  return {
    mentorshipId: mentorship.id,
    dueDate,
    mentorOrganizationId: mentorship.mentorOrganizationId,
    menteeOrganizationIds: mentorship.menteeOrganizationIds,
    ...answers,
    totalHours: totalHours(answers.interactions),
    submittedAt: submitted.at,
    submittedBy: submitted.by,
    submittedByName: submitted.byName,
  };
}
