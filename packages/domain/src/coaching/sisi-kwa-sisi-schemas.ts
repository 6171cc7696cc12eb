/**
 * The zod schemas of Sisi Kwa Sisi coaching (seed 000): the coach pool, the needs
 * assessment, a coaching between a coach and a peer, its Lead → Assist → Observe plan, its
 * follow-up sessions and the best practices written up from it. The texts and rules they
 * check are in the zod-free `sisi-kwa-sisi.ts` and `sisi-kwa-sisi-rules.ts`.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, versionSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';
import { planItemIdSchema } from '../mentorship/plan.ts';
import {
  laoSteps,
  MAX_PEERS_LIMIT,
  needPriorities,
  SESSION_QUALITY_MAX,
  SESSION_QUALITY_MIN,
  sessionModes,
  thematicAreaIds,
} from './sisi-kwa-sisi.ts';
import { planOrderErrors } from './sisi-kwa-sisi-rules.ts';

const text = (max: number) => z.string().trim().max(max);
const requiredText = (max: number) => z.string().trim().min(1, 'is required').max(max);
const ids = <T extends string>(items: readonly { id: T }[]) =>
  items.map((i) => i.id) as [T, ...T[]];
const uniqueBy =
  <T>(key: (item: T) => unknown) =>
  (items: readonly T[]) =>
    new Set(items.map(key)).size === items.length;

export const thematicAreaSchema = z.enum(thematicAreaIds);
export const needPrioritySchema = z.enum(ids(needPriorities));
export const laoStepSchema = z.enum(laoSteps);
export const sessionModeSchema = z.enum(ids(sessionModes));

/** A link to evidence of competency (a report, a certificate, a training record). */
const evidenceLinkSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/\S+$/, 'must be a web address starting with http:// or https://');

/** One competency area of a coach, with the evidence that they demonstrated it (Step 1). */
export const coachAreaSchema = z
  .object({
    area: thematicAreaSchema,
    evidence: text(2000).optional().describe('how the coach demonstrated competency in it'),
    links: z.array(evidenceLinkSchema).max(5).default([]),
  })
  .strict();

const coachAreasSchema = z
  .array(coachAreaSchema)
  .min(1, 'choose at least one area')
  .max(thematicAreaIds.length)
  .refine(
    uniqueBy((a: { area: string }) => a.area),
    'must not repeat an area',
  );

const maxPeersSchema = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be 1 or more')
  .max(MAX_PEERS_LIMIT, `must be at most ${MAX_PEERS_LIMIT}`);

/** Adds a person of the network to the pool of coaches (by an admin or a coordinator). */
export const createCoachSchema = z
  .object({
    personId: idSchema,
    city: text(100).optional(),
    areas: coachAreasSchema,
    coachedOnTciModel: z.boolean().default(false),
    maxPeers: maxPeersSchema.optional(),
  })
  .strict();
export type CreateCoachInput = z.input<typeof createCoachSchema>;

/** Changes a coach's profile; `version` is the one read (a stale one → 409). */
export const updateCoachSchema = z
  .object({
    version: versionSchema,
    city: text(100).optional(),
    areas: coachAreasSchema.optional(),
    coachedOnTciModel: z.boolean().optional(),
    maxPeers: maxPeersSchema.optional(),
  })
  .strict();
export type UpdateCoachInput = z.input<typeof updateCoachSchema>;

/** The coach's own word that they are able and interested in coaching their peers. */
export const coachWillingnessSchema = z.object({ willing: z.boolean() }).strict();

export const coachSchema = z.object({
  personId: idSchema,
  name: z.string(),
  organizationId: idSchema,
  city: z.string().optional(),
  areas: z.array(
    z.object({
      area: thematicAreaSchema,
      evidence: z.string().optional(),
      links: z.array(z.string()),
    }),
  ),
  coachedOnTciModel: z.boolean(),
  willing: z.boolean().describe('confirmed by the coach themself; false until they do'),
  willingAt: z.string().optional().describe('when the coach last said whether they are willing'),
  maxPeers: z.number().int(),
  activeCoachings: z.number().int().describe('coachings in progress where they coach'),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Coach = z.output<typeof coachSchema>;

/** One area the peer needs, how much, and the skills to reinforce in it. */
export const neededAreaSchema = z
  .object({
    area: thematicAreaSchema,
    priority: needPrioritySchema,
    skills: z.array(requiredText(200)).max(10).default([]),
  })
  .strict();

/** The needs assessment of a peer (Step 2); its questions are `needsAssessmentQuestions`. */
export const needsAssessmentSchema = z
  .object({
    date: isoDateSchema,
    areas: z
      .array(neededAreaSchema)
      .min(1, 'name at least one area the peer needs')
      .max(thematicAreaIds.length)
      .refine(
        uniqueBy((a: { area: string }) => a.area),
        'must not repeat an area',
      ),
    interventions: text(2000).optional(),
    workPlanPriority: text(2000).optional(),
    city: text(100).optional(),
  })
  .strict();
export type NeedsAssessment = z.output<typeof needsAssessmentSchema>;
export type NeedsAssessmentInput = z.input<typeof needsAssessmentSchema>;

/** `POST /networks/{networkId}/coach-suggestions`. */
export const coachSuggestionsInputSchema = z
  .object({ peerId: idSchema, needsAssessment: needsAssessmentSchema })
  .strict();

/** Links a coach to a peer on the basis of the peer's needs assessment (Step 2). */
export const createCoachingSchema = z
  .object({ coachId: idSchema, peerId: idSchema, needsAssessment: needsAssessmentSchema })
  .strict()
  .superRefine((c, ctx) => {
    if (c.coachId === c.peerId) {
      ctx.addIssue({
        code: 'custom',
        path: ['peerId'],
        message: 'must not be the coach',
        ...coded('must_differ'),
      });
    }
  });
export type CreateCoachingInput = z.input<typeof createCoachingSchema>;

/** Ends a coaching (the coach's place is freed). */
export const closeCoachingSchema = z.object({ reason: text(500).optional() }).strict();

/** `skills.0.lead.date` → `['skills', 0, 'lead', 'date']`, as zod paths are. */
const segment = (s: string) => (/^\d+$/.test(s) ? Number(s) : s);

const planStepSchema = z.object({ date: isoDateSchema, done: z.boolean().default(false) }).strict();

/** One skill of the plan and its Lead → Assist → Observe progression (Step 3). */
export const planSkillSchema = z
  .object({
    id: planItemIdSchema,
    area: thematicAreaSchema,
    skill: requiredText(200),
    lead: planStepSchema,
    assist: planStepSchema,
    observe: planStepSchema,
  })
  .strict();

/** The coaching plan: a period for completion and the skills it reinforces (Step 3). */
export const coachingPlanContentSchema = z
  .object({
    periodStart: isoDateSchema,
    periodEnd: isoDateSchema,
    skills: z
      .array(planSkillSchema)
      .min(1, 'name at least one skill')
      .max(20)
      .refine(
        uniqueBy((s: { id: string }) => s.id),
        'must not repeat a skill id',
      ),
  })
  .strict()
  .superRefine((plan, ctx) => {
    for (const e of planOrderErrors(plan)) {
      ctx.addIssue({
        code: 'custom',
        path: e.path.split('.').map(segment),
        message: e.message,
        ...coded(e.code, e.params),
      });
    }
  });
export type CoachingPlanContent = z.output<typeof coachingPlanContentSchema>;
export type CoachingPlanInput = z.input<typeof coachingPlanContentSchema>;

/** A follow-up session of the pair (Step 4), as written. `notes` are encrypted at rest. */
export const coachingSessionInputSchema = z
  .object({
    date: isoDateSchema,
    step: laoStepSchema,
    skillId: planItemIdSchema.optional(),
    quality: z
      .number()
      .int('must be a whole number')
      .min(SESSION_QUALITY_MIN, `must be from ${SESSION_QUALITY_MIN} to ${SESSION_QUALITY_MAX}`)
      .max(SESSION_QUALITY_MAX, `must be from ${SESSION_QUALITY_MIN} to ${SESSION_QUALITY_MAX}`),
    mode: sessionModeSchema.default('in-person'),
    notes: text(8000).optional(),
    nextMeetingDate: isoDateSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.nextMeetingDate && s.nextMeetingDate < s.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextMeetingDate'],
        message: 'must not be before the session',
        ...coded('date_order', { min: s.date }),
      });
    }
  });
export type CoachingSessionInput = z.input<typeof coachingSessionInputSchema>;

export const coachingSessionSchema = z.object({
  id: idSchema,
  coachingId: idSchema,
  date: z.string(),
  step: laoStepSchema,
  skillId: z.string().optional(),
  quality: z.number().int(),
  mode: sessionModeSchema,
  notes: z.string().optional().describe('readable by the coach and the peer only'),
  nextMeetingDate: z.string().optional(),
  recordedBy: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type CoachingSession = z.output<typeof coachingSessionSchema>;

const personRefSchema = z.object({ id: z.string(), name: z.string(), organizationId: z.string() });

/** Where a coaching stands: what coordinators and admins see of it (never its content). */
export const coachingStatusSchema = z.object({
  id: idSchema,
  coach: personRefSchema,
  peer: personRefSchema,
  status: z.enum(['active', 'closed']),
  createdAt: z.string(),
  closedAt: z.string().optional(),
  sessionsHeld: z.number().int(),
  lastSessionDate: z.string().optional(),
  nextMeetingDate: z.string().optional(),
  averageQuality: z.number().optional().describe('of the sessions’ quality ratings, 1–5'),
  plan: z.object({
    state: z.enum(['none', 'on-track', 'behind', 'complete']),
    stepsTotal: z.number().int(),
    stepsDone: z.number().int(),
    stepsBehind: z.number().int(),
    stepsOpen: z.number().int().describe('steps not done yet: the open commitments'),
    periodEnd: z.string().optional(),
  }),
  myRole: z
    .enum(['coach', 'peer'])
    .optional()
    .describe('the reader’s part in it, when they take part'),
});
export type CoachingStatus = z.output<typeof coachingStatusSchema>;

/** A coaching as the pair sees it: its status and the needs assessment. */
export const coachingSchema = coachingStatusSchema.extend({
  version: z.number().int(),
  needsAssessment: needsAssessmentSchema.optional().describe('the pair only'),
});
export type CoachingView = z.output<typeof coachingSchema>;

/** A best practice written up from a coaching (Step 5). */
export const createBestPracticeSchema = z
  .object({
    coachingId: idSchema.describe('a coaching the author takes part in'),
    title: requiredText(200),
    area: thematicAreaSchema,
    practice: requiredText(8000).describe('what was done that worked'),
    learnings: text(4000).optional(),
    consentToPublish: z
      .boolean()
      .describe(
        'the author’s explicit consent to publish it to the network’s library; false keeps it a draft only the author sees',
      ),
  })
  .strict();
export type CreateBestPracticeInput = z.input<typeof createBestPracticeSchema>;

/** Publishing needs the author's explicit consent, every time. */
export const publicationSchema = z
  .object({
    consent: z.literal(true, {
      message: 'must be true: publishing needs the author’s explicit consent',
    }),
  })
  .strict();

export const bestPracticeSchema = z.object({
  id: idSchema,
  title: z.string(),
  area: thematicAreaSchema,
  practice: z.string(),
  learnings: z.string().optional(),
  authorId: z.string(),
  authorName: z.string(),
  status: z.enum(['draft', 'published']),
  coachingId: z.string().optional().describe('shown to the author only'),
  consentAt: z.string().optional().describe('when the author consented to publish'),
  publishedAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BestPractice = z.output<typeof bestPracticeSchema>;

export const bestPracticeListQuerySchema = z.object({
  scope: z
    .enum(['library', 'mine'])
    .default('library')
    .describe('`library`: published ones; `mine`: the caller’s own, drafts too'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});
