/**
 * The mentorship evaluation form (001 Annex 7) as the API takes and stores it: one per
 * organization of the mentorship, saved as often as needed (each save names the version it
 * read) until it is signed. The form's words are in `evaluation-form.ts`.
 *
 * Every answer is optional while the form is a draft. Signing it (a typed name and date on
 * the side's line) makes it final, and needs the answers the comparison rests on: the
 * technical areas and activities (4, 5), the intended outcome and whether it was achieved
 * (6, 8), and the four rows of the results table (13).
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, personNameSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';
import {
  evaluationActivities,
  evaluationForm,
  evaluationResultAnswers,
  evaluationResultRows,
  evaluationStatuses,
} from './evaluation-form.ts';

const longText = z.string().trim().max(4000);
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;
const ids = <T extends { id: string }>(list: readonly T[]) =>
  list.map((o) => o.id) as [T['id'], ...T['id'][]];

const areaIds = ids(evaluationForm.technicalAreas);
const activityIds = ids(evaluationActivities);
const resultAnswer = z.enum(ids(evaluationResultAnswers));
const yesNo = z.enum(['yes', 'no']);

/** The rows that must be answered to sign (every row but "Other Achievements"). */
const REQUIRED_ROWS = evaluationResultRows
  .map((r) => r.id)
  .filter((id) => id !== 'other-achievements');

/**
 * An organization's evaluation as its coordinator (or a network admin) saves it.
 *
 * @example
 * evaluationSchema.parse({ intendedOutcome: 'A costed advocacy plan', hoursPerMonth: 6 });
 */
export const evaluationSchema = z
  .object({
    mentors: z.string().trim().max(1000).optional(),
    mentees: z.string().trim().max(1000).optional(),
    matchedFor: z.string().trim().max(200).optional(),
    technicalAreas: z
      .array(z.enum(areaIds))
      .max(areaIds.length)
      .refine(unique, { message: 'must not repeat an area', ...coded('not_unique') })
      .default([]),
    otherTechnicalArea: z.string().trim().min(1).max(200).optional(),
    activities: z
      .array(z.enum(activityIds))
      .max(activityIds.length)
      .refine(unique, { message: 'must not repeat an activity', ...coded('not_unique') })
      .default([]),
    intendedOutcome: longText.optional(),
    outcomeChanged: yesNo.optional(),
    outcomeChangedHow: longText.optional(),
    outcomeAchieved: yesNo.optional(),
    outcomeAchievedDetails: longText.optional(),
    hoursPerMonth: z
      .number()
      .min(0, 'must be 0 or more')
      .max(744, 'must be at most 744, the hours of a month')
      .refine((h) => Number.isInteger(h * 4), {
        message: 'must be in quarter hours (0.25, 0.5, 0.75 …)',
        ...coded('quarter_hours'),
      })
      .optional(),
    costToDate: z
      .object({
        amount: z.number().min(0, 'must be 0 or more').max(1e12),
        currency: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{3}$/, 'must be a currency code such as USD, KES or PEN'),
      })
      .strict()
      .optional(),
    doingDifferently: longText.optional(),
    otherComments: longText.optional(),
    results: z
      .object(
        Object.fromEntries(evaluationResultRows.map((r) => [r.id, resultAnswer.optional()])) as {
          [K in (typeof evaluationResultRows)[number]['id']]: z.ZodOptional<typeof resultAnswer>;
        },
      )
      .strict()
      .default({}),
    otherAchievements: z.string().trim().min(1).max(500).optional(),
    menteeBenefits: longText.optional(),
    mentorGains: longText.optional(),
    attitudeChanges: longText.optional(),
    easy: longText.optional(),
    hard: longText.optional(),
    signature: z.object({ name: personNameSchema, date: isoDateSchema }).strict().optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const issue = (
      path: (string | number)[],
      message: string,
      code: 'required' | 'other_unexplained' = 'required',
    ) => ctx.addIssue({ code: 'custom', path, message, ...coded(code) });
    if (e.technicalAreas.includes('other') && !e.otherTechnicalArea) {
      issue(
        ['otherTechnicalArea'],
        'is required when "other" is a technical area',
        'other_unexplained',
      );
    }
    if (e.results['other-achievements'] && !e.otherAchievements) {
      issue(['otherAchievements'], 'is required when "Other Achievements" is answered');
    }
    if (!e.signature) return;
    const toSign = 'is required to sign the evaluation';
    if (e.technicalAreas.length === 0) issue(['technicalAreas'], toSign);
    if (e.activities.length === 0) issue(['activities'], toSign);
    if (!e.intendedOutcome) issue(['intendedOutcome'], toSign);
    if (!e.outcomeAchieved) issue(['outcomeAchieved'], toSign);
    for (const row of REQUIRED_ROWS) if (!e.results[row]) issue(['results', row], toSign);
  });
export type EvaluationInput = z.input<typeof evaluationSchema>;
export type EvaluationContent = z.output<typeof evaluationSchema>;

/** The side an organization of the mentorship is on. */
export const evaluationRoleSchema = z.enum(['mentor', 'mentee']);

/** A saved evaluation: whose it is, its version and content, who saved it last and when. */
export const evaluationRecordSchema = z.object({
  mentorshipId: idSchema,
  organizationId: idSchema,
  role: evaluationRoleSchema,
  version: z.number().int().min(1),
  content: z.object(evaluationSchema.shape),
  updatedAt: z.string().describe('ISO timestamp of the last save'),
  updatedBy: z.string().describe('the id (as in /me) of who saved it last'),
  /** When it was signed (then it is final). */
  signedAt: z.string().optional(),
});
export type EvaluationRecord = z.output<typeof evaluationRecordSchema>;

export const evaluationStatusSchema = z.enum(evaluationStatuses);

/**
 * Where an evaluation stands.
 *
 * @example evaluationStatus(undefined) // 'not-started'
 */
export function evaluationStatus(
  record: Pick<EvaluationRecord, 'signedAt'> | undefined,
): z.output<typeof evaluationStatusSchema> {
  if (!record) return 'not-started';
  return record.signedAt ? 'signed' : 'draft';
}
