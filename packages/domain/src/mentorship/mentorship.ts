import { z } from 'zod';
import { idSchema, isoDateSchema, versionSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';
import { technicalAreaSchema } from '../organization.ts';
import { prematureReasons } from './ending.ts';
import { approachIds, matrixQuestions } from './matrix.ts';
import { MAX_DURATION_MONTHS, MIN_DURATION_MONTHS } from './schedule.ts';
import { stages } from './stages.ts';

export const stageSchema = z.enum(stages);
export const approachIdSchema = z.enum(approachIds);
export const mentorshipTypes = ['one-to-one', 'one-to-many'] as const;
export type MentorshipType = (typeof mentorshipTypes)[number];

/** In a one-to-many mentorship, mentees may also mentor each other in their strengths. */
export const peerMentoringSchema = z
  .object({
    mentorOrganizationId: idSchema,
    menteeOrganizationId: idSchema,
    areas: z.array(technicalAreaSchema).min(1, 'name at least one area').max(16),
  })
  .strict();

export const createMentorshipSchema = z
  .object({
    mentorOrganizationId: idSchema,
    menteeOrganizationIds: z.array(idSchema).min(1, 'name at least one mentee').max(20),
    startDate: isoDateSchema,
    durationMonths: z.number().int().min(MIN_DURATION_MONTHS).max(MAX_DURATION_MONTHS),
    peerMentoring: z.array(peerMentoringSchema).max(40).default([]),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.menteeOrganizationIds.includes(m.mentorOrganizationId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['menteeOrganizationIds'],
        message: 'must not include the mentor',
        ...coded('must_differ'),
      });
    }
    if (new Set(m.menteeOrganizationIds).size !== m.menteeOrganizationIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['menteeOrganizationIds'],
        message: 'must not repeat an organization',
        ...coded('not_unique'),
      });
    }
    m.peerMentoring.forEach((p, i) => {
      for (const key of ['mentorOrganizationId', 'menteeOrganizationId'] as const) {
        if (!m.menteeOrganizationIds.includes(p[key])) {
          ctx.addIssue({
            code: 'custom',
            path: ['peerMentoring', i, key],
            message: 'must be one of the mentees',
            ...coded('unknown_reference', { kind: 'organization' }),
          });
        }
      }
      if (p.mentorOrganizationId === p.menteeOrganizationId) {
        ctx.addIssue({
          code: 'custom',
          path: ['peerMentoring', i, 'menteeOrganizationId'],
          message: 'must differ from the mentor',
          ...coded('must_differ'),
        });
      }
    });
  });
export type CreateMentorship = z.output<typeof createMentorshipSchema>;

export const stageChangeSchema = z
  .object({ stage: stageSchema, reason: z.string().trim().min(1, 'is required').max(2000) })
  .strict();

/**
 * An organization accepts the rights and responsibilities. A network admin who is not that
 * organization's coordinator must say explicitly that they accept on its behalf (ADR 0033).
 */
export const agreementSchema = z
  .object({ organizationId: idSchema, onBehalf: z.literal(true).optional() })
  .strict();

/** An organization's coordinator declines the rights and responsibilities, saying why. */
export const agreementDeclineSchema = z
  .object({ organizationId: idSchema, reason: z.string().trim().min(1).max(2000) })
  .strict();

export const participantsSchema = z
  .object({ personIds: z.array(idSchema).max(200) })
  .strict()
  .refine((p) => new Set(p.personIds).size === p.personIds.length, {
    path: ['personIds'],
    message: 'must not repeat a person',
    ...coded('not_unique'),
  });

export const mentorshipListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
  stage: z.enum(stages).optional(),
  organizationId: idSchema.optional(),
  approach: z.enum(approachIds).optional(),
});

export const matrixAnswersSchema = z
  .object({
    answers: z
      .object(
        Object.fromEntries(
          Object.entries(matrixQuestions).map(([q, answers]) => [
            q,
            z.enum(answers as unknown as [string, ...string[]]),
          ]),
        ) as {
          [Q in keyof typeof matrixQuestions]: z.ZodEnum<{
            [A in (typeof matrixQuestions)[Q][number]]: A;
          }>;
        },
      )
      .strict(),
  })
  .strict();

export const stageChangeRecord = z.object({
  from: stageSchema.nullable(),
  to: stageSchema,
  reason: z.string(),
  by: idSchema,
  byName: z.string(),
  at: z.string(),
});
export type StageChange = z.output<typeof stageChangeRecord>;

export const reviewRecord = z.object({
  kind: z.enum(['quarterly', 'mid-term', 'end']),
  period: z.number().int().optional(),
  dueDate: z.string(),
  state: z.enum(['upcoming', 'past']),
});

export const agreementRecord = z.object({
  organizationId: idSchema,
  acceptedBy: idSchema,
  acceptedByName: z.string(),
  acceptedAt: z.string(),
  /** Which text was accepted (the rights and responsibilities may be revised). */
  textVersion: z.string(),
  /** Accepted by a network admin on the organization's behalf, not by its coordinator. */
  onBehalf: z.boolean().optional(),
});
export type Agreement = z.output<typeof agreementRecord>;

/** An organization's standing refusal; a later acceptance by it replaces it. */
export const agreementDeclineRecord = z.object({
  organizationId: idSchema,
  declinedBy: idSchema,
  declinedByName: z.string(),
  declinedAt: z.string(),
  reason: z.string(),
});
export type AgreementDecline = z.output<typeof agreementDeclineRecord>;

export const mentorshipSchema = z.object({
  id: idSchema,
  networkId: idSchema,
  version: versionSchema,
  type: z.enum(mentorshipTypes),
  stage: stageSchema,
  mentorOrganizationId: idSchema,
  menteeOrganizationIds: z.array(idSchema),
  peerMentoring: z.array(peerMentoringSchema),
  /** People (ids as in `/me`) who take part: members see the mentorships they are in. */
  participantIds: z.array(idSchema),
  startDate: z.string(),
  durationMonths: z.number().int(),
  schedule: z.object({
    quarterlyReviews: z.array(z.string()),
    midTermReview: z.string(),
    endReview: z.string(),
  }),
  reviews: z.array(reviewRecord),
  agreements: z.array(agreementRecord),
  /**
   * Mentee organizations that left the network while the mentorship went on (no longer in
   * `menteeOrganizationIds`); absent when none did.
   */
  departedMentees: z.array(z.object({ organizationId: idSchema, leftAt: z.string() })).optional(),
  /** Organizations whose coordinator declined; absent or empty when none did. */
  declines: z.array(agreementDeclineRecord).optional(),
  history: z.array(stageChangeRecord),
  /** Approaches chosen in the plan, kept here so lists can filter by them. */
  approaches: z.array(approachIdSchema),
  ending: z
    .object({
      kind: z.enum(['natural', 'premature', 'transition']),
      reason: z.string(),
      prematureReason: z.string().optional(),
      transition: z.object({ objectives: z.array(z.string()), contactMode: z.string() }).optional(),
      endedAt: z.string(),
      endedBy: idSchema,
    })
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * Names of its organizations, resolved when read: everyone who sees a mentorship may
   * know who is in it, even without reading those organizations' profiles.
   */
  organizations: z
    .array(z.object({ id: idSchema, name: z.string(), role: z.enum(['mentor', 'mentee']) }))
    .optional(),
});
export type Mentorship = z.output<typeof mentorshipSchema>;

export const endMentorshipSchema = z
  .object({
    kind: z.enum(['natural', 'premature', 'transition']),
    reason: z.string().trim().min(1, 'is required').max(4000),
    prematureReason: z.enum(prematureReasons).optional(),
    transition: z
      .object({
        objectives: z
          .array(z.string().trim().min(1).max(500))
          .min(1, 'name at least one new objective')
          .max(20),
        contactMode: z.string().trim().min(1, 'is required').max(500),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.kind === 'premature' && !e.prematureReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['prematureReason'],
        message: 'is required when the end is premature',
        ...coded('required'),
      });
    }
    if (e.kind === 'transition' && !e.transition) {
      ctx.addIssue({
        code: 'custom',
        path: ['transition'],
        message: 'is required for a transition',
        ...coded('required'),
      });
    }
  });
export type EndMentorship = z.output<typeof endMentorshipSchema>;

export { prematureReasons };
