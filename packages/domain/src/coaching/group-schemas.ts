/**
 * Schemas of peer coaching groups (003, 004): what the API takes and what it answers.
 * The confidential texts (the spirit, issues, recommendations, commitments, report-backs,
 * worksheets and learning logs) are plain strings here; the API encrypts each one before
 * it is stored.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, versionSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';
import { issueSteps, keyQuestionIds, MAX_TURN_MINUTES, MIN_TURN_MINUTES } from './group-content.ts';

/** At most this many people in a group: far above 004's "at least eight", a hard stop. */
export const MAX_GROUP_MEMBERS = 20;

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const filled = (max: number) => text(max).min(1, 'is required');

/** Adds "is listed twice" at each repeat of an id in a list. */
const noRepeats = (ids: readonly string[], path: string, ctx: z.RefinementCtx) => {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i)
      ctx.addIssue({
        code: 'custom',
        path: [path, i],
        message: 'is listed twice',
        ...coded('not_unique'),
      });
  });
};

const turnMinutesSchema = z
  .number()
  .int('must be a whole number of minutes')
  .min(MIN_TURN_MINUTES, `must be at least ${MIN_TURN_MINUTES} minutes`)
  .max(MAX_TURN_MINUTES, `must be at most ${MAX_TURN_MINUTES} minutes`);

export const createCoachingGroupSchema = z
  .object({
    name: filled(120),
    memberIds: z
      .array(idSchema)
      .min(2, 'a group needs at least two members')
      .max(MAX_GROUP_MEMBERS, `must be at most ${MAX_GROUP_MEMBERS} people`),
    facilitatorId: idSchema,
  })
  .strict()
  .superRefine((g, ctx) => noRepeats(g.memberIds, 'memberIds', ctx));
export type CreateCoachingGroup = z.output<typeof createCoachingGroupSchema>;

export const createGroupSessionSchema = z.object({ date: isoDateSchema }).strict();
export type CreateGroupSession = z.output<typeof createGroupSessionSchema>;

/** Attendance, and the end of the session ("held"). */
export const updateGroupSessionSchema = z
  .object({
    presentIds: z
      .array(idSchema)
      .max(MAX_GROUP_MEMBERS + 1)
      .optional(),
    held: z.literal(true).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.presentIds) noRepeats(s.presentIds, 'presentIds', ctx);
    if (s.presentIds === undefined && s.held === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['presentIds'],
        message: 'give presentIds or held',
        ...coded('one_needed'),
      });
    }
  });
export type UpdateGroupSession = z.output<typeof updateGroupSessionSchema>;

/** The group's "Spirit in which we will work"; `version` is the one read (0: none yet). */
export const groupSpiritInputSchema = z
  .object({ text: filled(8000), version: z.number().int().min(0) })
  .strict();
export type GroupSpiritInput = z.output<typeof groupSpiritInputSchema>;

/** A member agrees to the spirit at `version` (a newer text asks everyone again). */
export const groupSpiritAgreementInputSchema = z.object({ version: versionSchema }).strict();

/** The review after the third session: one facilitator from now on, or the members in turn. */
export const groupReviewInputSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('named'), facilitatorId: idSchema }).strict(),
  z
    .object({
      mode: z.literal('rotation'),
      order: z.array(idSchema).min(1, 'name at least one member').max(MAX_GROUP_MEMBERS),
    })
    .strict(),
]);
export type GroupReviewInput = z.output<typeof groupReviewInputSchema>;

export const groupIssueStepSchema = z.enum(issueSteps);

/** A member's turn begins: whose issue, and how long the turn is (30 minutes by default). */
export const createGroupIssueSchema = z
  .object({
    ownerId: idSchema,
    /** The blank of "How do I ___?" (004, step 1). */
    howDoI: filled(500).optional(),
    turnMinutes: turnMinutesSchema.optional(),
  })
  .strict();
export type CreateGroupIssue = z.output<typeof createGroupIssueSchema>;

/** The turn goes on: each present field replaces the stored one. */
export const updateGroupIssueSchema = z
  .object({
    version: versionSchema,
    step: groupIssueStepSchema.optional(),
    howDoI: filled(500).optional(),
    clarifyingQuestions: z.array(filled(1000)).max(40).optional(),
    restatement: text(2000).optional(),
    recommendations: z.array(filled(1000)).max(40).optional(),
    turnMinutes: turnMinutesSchema.optional(),
  })
  .strict();
export type UpdateGroupIssue = z.output<typeof updateGroupIssueSchema>;

/** Step 5: the owner selects actions and commits to report back by a date. */
export const createGroupCommitmentsSchema = z
  .object({
    actions: z.array(filled(1000)).min(1, 'select at least one action').max(10),
    reportBackBy: isoDateSchema,
  })
  .strict();
export type CreateGroupCommitments = z.output<typeof createGroupCommitmentsSchema>;

/**
 * A report-back at a later session: `done` closes the commitment; otherwise it is carried
 * forward (to `reportBackBy` when given).
 */
export const groupReportBackInputSchema = z
  .object({
    sessionId: idSchema,
    outcome: filled(4000),
    done: z.boolean(),
    reportBackBy: isoDateSchema.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.done && r.reportBackBy) {
      ctx.addIssue({
        code: 'custom',
        path: ['reportBackBy'],
        message: 'only a commitment carried forward gets a new date',
        ...coded('not_applicable'),
      });
    }
  });
export type GroupReportBackInput = z.output<typeof groupReportBackInputSchema>;

export const keyQuestionIdSchema = z.enum(keyQuestionIds);

/** A member's own answers to the key questions (003); blank answers are kept blank. */
export const keyQuestionsWorksheetInputSchema = z
  .object({ answers: z.partialRecord(keyQuestionIdSchema, text(4000)) })
  .strict();
export type KeyQuestionsWorksheetInput = z.output<typeof keyQuestionsWorksheetInputSchema>;

/** API.md: `{content, evaluation, actionPlan}`; something must be written in one of them. */
export const groupLearningLogInputSchema = z
  .object({ content: text(8000), evaluation: text(8000), actionPlan: text(8000) })
  .strict()
  .superRefine((l, ctx) => {
    if (!l.content && !l.evaluation && !l.actionPlan) {
      ctx.addIssue({
        code: 'custom',
        path: ['content'],
        message: 'write in at least one of content, evaluation and action plan',
        ...coded('one_needed'),
      });
    }
  });
export type GroupLearningLogInput = z.output<typeof groupLearningLogInputSchema>;

// ---- answers ----------------------------------------------------------------

export const groupSizeAdviceSchema = z.object({
  size: z.number().int(),
  within: z.boolean(),
  direction: z.enum(['below', 'within', 'above']),
  min: z.number().int(),
  max: z.number().int(),
});

export const groupStatusSchema = z.object({
  members: z.number().int(),
  sessionsHeld: z.number().int(),
  sessionsPlanned: z.number().int(),
  lastSessionDate: z.string().optional(),
  nextSessionDate: z.string().optional(),
  commitmentsMade: z.number().int(),
  commitmentsOpen: z.number().int(),
  commitmentsOverdue: z.number().int(),
  spirit: z.object({ set: z.boolean(), agreed: z.number().int(), of: z.number().int() }),
  review: z.enum(['not-yet', 'due', 'done']),
  facilitation: z.enum(['initial', 'named', 'rotation']),
});

/** What the caller is to the group: one of its people, or someone who oversees it. */
export const groupAccessSchema = z.enum(['member', 'facilitator', 'overview']);
export type GroupAccess = z.output<typeof groupAccessSchema>;

export const coachingGroupSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  memberIds: z.array(idSchema),
  facilitatorId: idSchema,
  organizationIds: z.array(idSchema),
  createdAt: z.string(),
  access: groupAccessSchema,
  status: groupStatusSchema,
});
export type CoachingGroupSummary = z.output<typeof coachingGroupSummarySchema>;

export const groupPersonSchema = z.object({
  id: idSchema,
  /** Absent when the person is no longer in the network's directory. */
  name: z.string().optional(),
  organizationId: idSchema.optional(),
});

export const groupSessionFacilitatorSchema = z.object({
  kind: z.enum(['initial', 'named', 'rotation', 'pending-review']),
  personId: idSchema.optional(),
});

export const groupSessionSummarySchema = z.object({
  id: idSchema,
  number: z.number().int(),
  date: z.string(),
  held: z.boolean(),
  facilitator: groupSessionFacilitatorSchema,
});
export type GroupSessionSummary = z.output<typeof groupSessionSummarySchema>;

export const groupReviewSchema = z.object({
  mode: z.enum(['named', 'rotation']),
  facilitatorId: idSchema.optional(),
  order: z.array(idSchema).optional(),
  at: z.string(),
  by: idSchema,
});
export type GroupReview = z.output<typeof groupReviewSchema>;

export const coachingGroupSchema = z.object({
  id: idSchema,
  name: z.string(),
  createdAt: z.string(),
  createdBy: idSchema,
  members: z.array(groupPersonSchema.extend({ agreedToSpirit: z.boolean() })),
  facilitator: groupPersonSchema.extend({ isMember: z.boolean() }),
  organizationIds: z.array(idSchema),
  access: groupAccessSchema,
  sizeAdvice: groupSizeAdviceSchema,
  /** `text` only for the group's people; everyone who sees the group sees who agreed. */
  spirit: z
    .object({
      version: z.number().int(),
      text: z.string().optional(),
      updatedAt: z.string(),
      agreedBy: z.array(idSchema),
    })
    .nullable(),
  sessions: z.array(groupSessionSummarySchema),
  review: groupReviewSchema.nullable(),
  status: groupStatusSchema,
});
export type CoachingGroup = z.output<typeof coachingGroupSchema>;

export const groupReportBackSchema = z.object({
  sessionId: idSchema,
  done: z.boolean(),
  outcome: z.string(),
  at: z.string(),
  by: idSchema,
});

export const groupCommitmentSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  sessionId: idSchema,
  sessionDate: z.string(),
  issueId: idSchema,
  ownerId: idSchema,
  text: z.string(),
  reportBackBy: z.string(),
  status: z.enum(['open', 'reported']),
  state: z.enum(['open', 'overdue', 'reported']),
  reportBacks: z.array(groupReportBackSchema),
  createdAt: z.string(),
});
export type GroupCommitment = z.output<typeof groupCommitmentSchema>;

export const groupIssueSchema = z.object({
  id: idSchema,
  groupId: idSchema,
  sessionId: idSchema,
  ownerId: idSchema,
  version: z.number().int(),
  step: groupIssueStepSchema,
  howDoI: z.string().optional(),
  clarifyingQuestions: z.array(z.string()),
  restatement: z.string().optional(),
  recommendations: z.array(z.string()),
  turnMinutes: z.number().int(),
  commitmentIds: z.array(idSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GroupIssue = z.output<typeof groupIssueSchema>;

/**
 * What a create answers: the issue or commitment without its confidential text, because a
 * create's answer may be kept for an `Idempotency-Key` replay. The text is read with GET.
 */
export const groupIssueReceiptSchema = groupIssueSchema.omit({
  howDoI: true,
  clarifyingQuestions: true,
  restatement: true,
  recommendations: true,
});
export type GroupIssueReceipt = z.output<typeof groupIssueReceiptSchema>;

export const groupCommitmentReceiptSchema = groupCommitmentSchema
  .omit({ text: true, reportBacks: true })
  .extend({ reportBacks: z.array(groupReportBackSchema.omit({ outcome: true })) });
export type GroupCommitmentReceipt = z.output<typeof groupCommitmentReceiptSchema>;

export const groupSessionRunnerSchema = groupSessionSummarySchema.extend({
  groupId: idSchema,
  heldAt: z.string().optional(),
  presentIds: z.array(idSchema),
  /** Sessions after the third wait for the review's choice of facilitator. */
  needsReview: z.boolean(),
  reportBacks: z.array(groupCommitmentSchema),
  issues: z.array(groupIssueSchema),
});
export type GroupSessionRunner = z.output<typeof groupSessionRunnerSchema>;

export const keyQuestionsWorksheetSchema = z.object({
  groupId: idSchema,
  authorId: idSchema,
  answers: z.partialRecord(keyQuestionIdSchema, z.string()),
  updatedAt: z.string(),
});
export type KeyQuestionsWorksheet = z.output<typeof keyQuestionsWorksheetSchema>;

/** The learning log (003) as its author reads it: the session's facts and their own text. */
export const groupLearningLogSchema = z.object({
  groupId: idSchema,
  sessionId: idSchema,
  authorId: idSchema,
  date: z.string(),
  membersPresent: z.array(groupPersonSchema),
  facilitator: groupPersonSchema.nullable(),
  content: z.string(),
  evaluation: z.string(),
  actionPlan: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GroupLearningLog = z.output<typeof groupLearningLogSchema>;
