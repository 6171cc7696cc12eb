/**
 * The mentoring summary report (001 Annex 4) and its follow-up actions as the API takes and
 * stores them. The sheet's words are in `summary-report-form.ts`; this is what makes an
 * answer valid.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, personNameSchema, versionSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';
import { planItemIdSchema } from '../mentorship/plan.ts';
import { type FollowUpStatus, followUpStatuses } from './follow-up.ts';
import { summaryReportReporterIds } from './summary-report-form.ts';

/** At most this many follow-up actions per report (one transaction holds them all). */
export const MAX_FOLLOW_UP_ACTIONS = 30;
/** At most this many milestones marked reached by one report. */
export const MAX_MILESTONES_REACHED = 30;

const longText = z.string().trim().max(4000);
const required = (max: number) => z.string().trim().min(1, 'is required').max(max);
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

/** "What, who, by when": `ownerId` is a person of the mentorship (as in `/me`). */
export const followUpActionInputSchema = z
  .object({
    what: required(1000),
    ownerId: idSchema,
    dueDate: isoDateSchema,
  })
  .strict();
export type FollowUpActionInput = z.output<typeof followUpActionInputSchema>;

/** One row of the ISSUES table: RAISED, SOLUTIONS PROPOSED/TAKEN, PENDING. */
export const summaryIssueSchema = z
  .object({
    raised: required(2000),
    solutions: longText.optional(),
    pending: longText.optional(),
  })
  .strict();

/**
 * A summary report as the mentor or mentee (or both) files it after a mentoring event.
 *
 * @example
 * summaryReportSchema.parse({ organizationIds: ['orgmentee1'], meetingDate: '2026-03-02',
 *   participants: ['Ama Mensah', 'Rosa Mamani'], reportedBy: 'both', date: '2026-03-03',
 *   followUpActions: [{ what: 'Share the budget template', ownerId: 'person123', dueDate: '2026-03-16' }] });
 */
export const summaryReportSchema = z
  .object({
    /** ORGANIZATION: the mentorship's organizations the meeting was with. */
    organizationIds: z
      .array(idSchema)
      .min(1, 'choose at least one organization')
      .max(21)
      .refine(unique, { message: 'must not repeat an organization', ...coded('not_unique') }),
    meetingDate: isoDateSchema,
    participants: z.array(personNameSchema).min(1, 'name at least one participant').max(100),
    agenda: longText.optional(),
    progress: longText.optional(),
    /** Ids of the mentoring plan's milestones reached at or since this meeting. */
    milestonesReached: z
      .array(planItemIdSchema)
      .max(MAX_MILESTONES_REACHED)
      .refine(unique, { message: 'must not repeat a milestone', ...coded('not_unique') })
      .default([]),
    followUpActions: z.array(followUpActionInputSchema).max(MAX_FOLLOW_UP_ACTIONS).default([]),
    issues: z.array(summaryIssueSchema).max(30).default([]),
    nextMeetingDate: isoDateSchema.optional(),
    nextMeetingAgenda: longText.optional(),
    reportedBy: z.enum(summaryReportReporterIds),
    /** DATE: when the sheet was filled in. */
    date: isoDateSchema,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.meetingDate > r.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['meetingDate'],
        message: 'must not be after the date of the report',
        ...coded('date_order', { max: r.date }),
      });
    }
    if (r.nextMeetingDate && r.nextMeetingDate < r.meetingDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextMeetingDate'],
        message: 'must not be before the meeting date',
        ...coded('date_order', { min: r.meetingDate }),
      });
    }
    r.followUpActions.forEach((a, i) => {
      if (a.dueDate < r.meetingDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['followUpActions', i, 'dueDate'],
          message: 'must not be before the meeting date',
          ...coded('date_order', { min: r.meetingDate }),
        });
      }
    });
  });
export type SummaryReportInput = z.input<typeof summaryReportSchema>;
export type SummaryReportAnswers = z.output<typeof summaryReportSchema>;

/** A follow-up action as it is tracked: the action, its owner and where it stands. */
export const followUpActionSchema = z.object({
  id: idSchema,
  mentorshipId: idSchema,
  /** The summary report that agreed on it. */
  summaryReportId: idSchema,
  /** The meeting it was agreed at (the report's `meetingDate`). */
  meetingDate: z.string(),
  what: z.string(),
  ownerId: idSchema,
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(followUpStatuses),
  version: versionSchema,
  createdAt: z.string(),
  createdBy: idSchema,
  updatedAt: z.string(),
  updatedBy: idSchema,
  updatedByName: z.string(),
});
export type FollowUpAction = z.output<typeof followUpActionSchema>;

/** A change of an action's status; `version` is the one read (a stale one: 409). */
export const followUpStatusChangeSchema = z
  .object({ status: z.enum(followUpStatuses), version: versionSchema })
  .strict();
export type FollowUpStatusChange = z.output<typeof followUpStatusChangeSchema>;

/** A filed summary report: the answers with names resolved, and who filed it when. */
export const summaryReportRecordSchema = z.object({
  id: idSchema,
  mentorshipId: idSchema,
  organizationIds: z.array(idSchema),
  meetingDate: z.string(),
  participants: z.array(z.string()),
  agenda: z.string().optional(),
  progress: z.string().optional(),
  /** The milestones named reached, with their description in the plan at the time. */
  milestonesReached: z.array(z.object({ id: z.string(), description: z.string() })),
  /** The actions as agreed (their current status: the follow-up actions' own items). */
  followUpActions: z.array(
    z.object({
      id: idSchema,
      what: z.string(),
      ownerId: idSchema,
      ownerName: z.string(),
      dueDate: z.string(),
    }),
  ),
  issues: z.array(
    z.object({
      raised: z.string(),
      solutions: z.string().optional(),
      pending: z.string().optional(),
    }),
  ),
  nextMeetingDate: z.string().optional(),
  nextMeetingAgenda: z.string().optional(),
  reportedBy: z.enum(summaryReportReporterIds),
  date: z.string(),
  createdAt: z.string(),
  createdBy: idSchema,
  createdByName: z.string(),
});
export type SummaryReport = z.output<typeof summaryReportRecordSchema>;

/**
 * An id that sorts by a date (`2026-03-02-k3j4h5g6f7`): reports by meeting date and actions
 * by due date come out of their partition in date order, and a read by id needs no index.
 *
 * @example datedId('2026-03-02', 'k3j4h5g6f7') // '2026-03-02-k3j4h5g6f7'
 */
export const datedId = (date: string, random: string): string => `${date}-${random}`;

/**
 * The stored report and its tracked actions, from validated answers.
 *
 * @example
 * const { report, actions } = summaryReportRecord(answers, mentorship.id, {
 *   id: datedId(answers.meetingDate, newId(10)), actionIds, owners, milestones, at, by, byName });
 */
export function summaryReportRecord(
  answers: SummaryReportAnswers,
  mentorshipId: string,
  filed: {
    id: string;
    /** One id per follow-up action, in order. */
    actionIds: readonly string[];
    /** Names of the actions' owners by id. */
    owners: ReadonlyMap<string, string>;
    /** Descriptions of the plan's milestones by id. */
    milestones: ReadonlyMap<string, string>;
    at: string;
    by: string;
    byName: string;
  },
): { report: SummaryReport; actions: FollowUpAction[] } {
  const actions: FollowUpAction[] = answers.followUpActions.map((a, i) => {
    const id = filed.actionIds[i];
    if (!id) throw new RangeError(`no id for follow-up action ${i}`);
    return {
      id,
      mentorshipId,
      summaryReportId: filed.id,
      meetingDate: answers.meetingDate,
      what: a.what,
      ownerId: a.ownerId,
      ownerName: filed.owners.get(a.ownerId) ?? '',
      dueDate: a.dueDate,
      status: 'open' satisfies FollowUpStatus,
      version: 1,
      createdAt: filed.at,
      createdBy: filed.by,
      updatedAt: filed.at,
      updatedBy: filed.by,
      updatedByName: filed.byName,
    };
  });
  const { followUpActions: _actions, milestonesReached, ...rest } = answers;
  const report: SummaryReport = {
    id: filed.id,
    mentorshipId,
    ...rest,
    milestonesReached: milestonesReached.map((id) => ({
      id,
      description: filed.milestones.get(id) ?? '',
    })),
    followUpActions: actions.map(({ id, what, ownerId, ownerName, dueDate }) => ({
      id,
      what,
      ownerId,
      ownerName,
      dueDate,
    })),
    createdAt: filed.at,
    createdBy: filed.by,
    createdByName: filed.byName,
  };
  return { report, actions };
}
