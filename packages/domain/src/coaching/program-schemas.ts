/**
 * zod schemas of peer coaching programs (seed 002): what the API accepts and answers. The
 * records' types and the pure rules are zod-free in `program-rules.ts`; the texts in
 * `program-content.ts`, `program-consent.ts`, `program-assessment.ts`, `program-survey.ts`.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, personNameSchema, versionSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';
import {
  COMPETENCY_MAX,
  COMPETENCY_MIN,
  type CompetencyId,
  competencyIds,
  selfAssessmentKinds,
} from './program-assessment.ts';
import { MAX_ROTATION_ROUNDS, MAX_ROTATION_WEEKS, MIN_ROTATION_WEEKS } from './program-rotation.ts';
import { kpiDirections, pairingModes } from './program-rules.ts';
import { type AgreementQuestionId, agreementQuestionIds } from './program-survey.ts';

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);
const rating = z
  .number()
  .int('must be a whole number')
  .min(COMPETENCY_MIN, `must be from ${COMPETENCY_MIN} to ${COMPETENCY_MAX}`)
  .max(COMPETENCY_MAX, `must be from ${COMPETENCY_MIN} to ${COMPETENCY_MAX}`);
const finite = z.number().refine(Number.isFinite, {
  message: 'must be a number',
  ...coded('invalid_type', { expected: 'number' }),
});

export const pairingModeSchema = z.enum(pairingModes);
export const rotationWeeksSchema = z
  .number()
  .int('must be a whole number of weeks')
  .min(MIN_ROTATION_WEEKS, `must be from ${MIN_ROTATION_WEEKS} to ${MAX_ROTATION_WEEKS} weeks`)
  .max(MAX_ROTATION_WEEKS, `must be from ${MIN_ROTATION_WEEKS} to ${MAX_ROTATION_WEEKS} weeks`);

/** A KPI as sent: `id` keeps an existing one on update; new ones get an id from the server. */
export const kpiInputSchema = z
  .object({
    id: idSchema.optional(),
    name: text(120),
    target: finite,
    unit: z.string().trim().max(30).default(''),
    direction: z.enum(kpiDirections).default('at-least'),
    current: finite.optional(),
  })
  .strict();
export type KpiInput = z.input<typeof kpiInputSchema>;

export const kpiSchema = z.object({
  id: z.string(),
  name: z.string(),
  target: z.number(),
  unit: z.string(),
  direction: z.enum(kpiDirections),
  current: z.number().optional(),
});

const objectivesSchema = z.array(text(500)).min(1, 'name at least one objective').max(20);
const kpisSchema = z.array(kpiInputSchema).max(20);

export const createCoachingProgramSchema = z
  .object({
    organizationId: idSchema,
    name: text(120),
    description: z.string().trim().max(2000).optional(),
    objectives: objectivesSchema,
    kpis: kpisSchema.default([]),
    pilot: z.boolean().default(false),
    pairingMode: pairingModeSchema,
    rotationWeeks: rotationWeeksSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.pairingMode === 'rotational' && p.rotationWeeks === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rotationWeeks'],
        message: 'is required for rotational pairing',
        ...coded('required'),
      });
    }
    if (p.pairingMode === 'fixed' && p.rotationWeeks !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rotationWeeks'],
        message: 'is only for rotational pairing',
        ...coded('not_applicable'),
      });
    }
  });
export type CreateCoachingProgram = z.output<typeof createCoachingProgramSchema>;
export type CreateCoachingProgramInput = z.input<typeof createCoachingProgramSchema>;

/** A change to a program: the fields given replace the stored ones; `version` must be current. */
export const updateCoachingProgramSchema = z
  .object({
    version: versionSchema,
    name: text(120).optional(),
    description: z.string().trim().max(2000).optional(),
    objectives: objectivesSchema.optional(),
    kpis: kpisSchema.optional(),
    pilot: z.boolean().optional(),
    pairingMode: pairingModeSchema.optional(),
    rotationWeeks: rotationWeeksSchema.optional(),
  })
  .strict();
export type UpdateCoachingProgram = z.output<typeof updateCoachingProgramSchema>;

export const coachingProgramSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  organizationId: z.string(),
  version: z.number().int(),
  name: z.string(),
  description: z.string().optional(),
  objectives: z.array(z.string()),
  kpis: z.array(kpiSchema),
  pilot: z.boolean(),
  pairingMode: pairingModeSchema,
  rotationWeeks: z.number().int().optional(),
  surveyRound: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});

export const nominationInputSchema = z
  .object({
    nomineeId: idSchema,
    refereeIds: z.array(idSchema).min(1, 'name at least one referee').max(3, 'name at most 3'),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict()
  .superRefine((n, ctx) => {
    if (new Set(n.refereeIds).size !== n.refereeIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['refereeIds'],
        message: 'must not repeat a person',
        ...coded('not_unique'),
      });
    }
    const self = n.refereeIds.indexOf(n.nomineeId);
    if (self >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['refereeIds', self],
        message: 'must not be the nominee',
        ...coded('must_differ'),
      });
    }
  });
export type NominationInput = z.output<typeof nominationInputSchema>;

export const referenceSchema = z.object({
  personId: z.string(),
  name: z.string(),
  confirmedAt: z.string().optional(),
  statement: z.string().optional(),
});

export const nominationStates = ['awaiting-reference', 'referenced', 'accepted'] as const;
export const nominationSchema = z.object({
  id: z.string(),
  programId: z.string(),
  nomineeId: z.string(),
  nomineeName: z.string(),
  nomineeOrganizationId: z.string(),
  nominatedBy: z.string(),
  nominatedByName: z.string(),
  reason: z.string().optional(),
  referees: z.array(referenceSchema),
  status: z.enum(['open', 'accepted']),
  state: z.enum(nominationStates),
  createdAt: z.string(),
});

export const confirmReferenceSchema = z
  .object({ statement: z.string().trim().max(1000).optional() })
  .strict();

export const acceptParticipantSchema = z.object({ nominationId: idSchema }).strict();

export const consentSchema = z.object({
  textVersion: z.string(),
  signature: z.string(),
  signedAt: z.string(),
});

export const participantSchema = z.object({
  programId: z.string(),
  personId: z.string(),
  name: z.string(),
  organizationId: z.string(),
  nominationId: z.string(),
  acceptedAt: z.string(),
  acceptedBy: z.string(),
  consent: consentSchema.optional(),
});

export const consentInputSchema = z
  .object({
    textVersion: z.string().max(60),
    signature: personNameSchema,
    agree: z.literal(true, { message: 'must be true: tick “I agree”' }),
  })
  .strict();
export type ConsentInput = z.output<typeof consentInputSchema>;

export const fixedPairsSchema = z
  .object({
    pairs: z
      .array(z.tuple([idSchema, idSchema]))
      .min(1, 'name at least one pair')
      .max(100),
  })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.pairs.forEach((pair, i) => {
      pair.forEach((id, j) => {
        if (j === 1 && pair[0] === pair[1]) {
          ctx.addIssue({
            code: 'custom',
            path: ['pairs', i, 1],
            message: 'must be another person',
            ...coded('must_differ'),
          });
        } else if (seen.has(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['pairs', i, j],
            message: 'is already in another pair',
            ...coded('already_paired'),
          });
        }
        seen.add(id);
      });
    });
  });
export type FixedPairsInput = z.output<typeof fixedPairsSchema>;

export const rotationInputSchema = z
  .object({
    /** The first day of the first round; only for the first rounds (later ones follow on). */
    startDate: isoDateSchema.optional(),
    rounds: z
      .number()
      .int('must be a whole number')
      .min(1, `must be from 1 to ${MAX_ROTATION_ROUNDS}`)
      .max(MAX_ROTATION_ROUNDS, `must be from 1 to ${MAX_ROTATION_ROUNDS}`),
  })
  .strict();
export type RotationInputBody = z.output<typeof rotationInputSchema>;

export const pairSchema = z.object({
  id: z.string(),
  programId: z.string(),
  round: z.number().int(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  memberIds: z.tuple([z.string(), z.string()]),
  memberNames: z.tuple([z.string(), z.string()]),
  sessionsHeld: z.number().int(),
  lastSessionDate: z.string().optional(),
  /** Both members signed the consent form: sessions may be recorded. */
  consentComplete: z.boolean(),
  createdAt: z.string(),
});

export const rotationRoundSchema = z.object({
  programId: z.string(),
  round: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  bye: z.string().optional(),
  createdAt: z.string(),
});

export const NOTE_MAX = 10_000;
/**
 * Whether the other member of the pair reads a note (ADR 0027): a note is its author's alone
 * unless they share it.
 */
const sharedSchema = z
  .boolean()
  .default(false)
  .describe('true: the other member of the pair reads it too; false (default): its author only');
export const sessionInputSchema = z
  .object({
    date: isoDateSchema,
    notes: z.string().trim().min(1).max(NOTE_MAX).optional(),
    notesShared: sharedSchema,
  })
  .strict();
export type SessionInput = z.output<typeof sessionInputSchema>;
export const noteInputSchema = z.object({ text: text(NOTE_MAX), shared: sharedSchema }).strict();

export const sessionNoteSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  at: z.string(),
  text: z.string(),
  shared: z.boolean().describe('whether the other member of the pair reads it (ADR 0027)'),
});
export const pairSessionSchema = z.object({
  id: z.string(),
  programId: z.string(),
  pairId: z.string(),
  date: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  notes: z.array(sessionNoteSchema),
});

const ratingsShape = Object.fromEntries(competencyIds.map((id) => [id, rating.optional()])) as {
  [K in CompetencyId]: z.ZodOptional<typeof rating>;
};
export const selfAssessmentInputSchema = z
  .object({
    kind: z.enum(selfAssessmentKinds),
    ratings: z
      .object(ratingsShape)
      .strict()
      .refine((r) => Object.values(r).some((v) => v !== undefined), 'rate at least one competency'),
  })
  .strict();
export type SelfAssessmentInput = z.output<typeof selfAssessmentInputSchema>;

export const selfAssessmentSchema = z.object({
  id: z.string(),
  programId: z.string(),
  personId: z.string(),
  kind: z.enum(selfAssessmentKinds),
  ratings: z.record(z.string(), z.number()),
  submittedAt: z.string(),
});

const answersShape = Object.fromEntries(
  agreementQuestionIds.map((id) => [id, rating.optional()]),
) as { [K in AgreementQuestionId]: z.ZodOptional<typeof rating> };
export const surveyResponseInputSchema = z
  .object({
    answers: z
      .object(answersShape)
      .strict()
      .refine((a) => Object.values(a).some((v) => v !== undefined), 'answer at least one question'),
    improve: z.string().trim().max(2000).optional(),
  })
  .strict();
export type SurveyResponseInput = z.output<typeof surveyResponseInputSchema>;

export const surveyResultsSchema = z.object({
  round: z.number().int(),
  participants: z.number().int(),
  responses: z.number().int(),
  responseRate: z.number(),
  withheld: z.boolean(),
  questions: z.array(
    z.object({
      questionId: z.string(),
      count: z.number().int(),
      distribution: z.array(z.number().int()).optional(),
      mean: z.number().optional(),
    }),
  ),
  comments: z.array(z.string()),
});

export const competencyAggregateSchema = z.object({
  competencyId: z.string(),
  baselineCount: z.number().int(),
  changeCount: z.number().int(),
  baselineMean: z.number().optional(),
  latestMean: z.number().optional(),
  meanChange: z.number().optional(),
});

export const programFiguresSchema = z.object({
  programId: z.string(),
  participants: z.number().int(),
  nominationsAwaitingReference: z.number().int(),
  nominationsReferenced: z.number().int(),
  consentSigned: z.number().int(),
  pairs: z.number().int(),
  rounds: z.number().int(),
  currentRound: z.number().int().optional(),
  sessionsHeld: z.number().int(),
  pairsWithSessions: z.number().int(),
  selfAssessment: z.object({
    baseline: z.number().int(),
    followUp: z.number().int(),
    meanChange: z.number().optional(),
  }),
  survey: z
    .object({
      round: z.number().int(),
      responses: z.number().int(),
      participants: z.number().int(),
      responseRate: z.number(),
    })
    .optional(),
  kpis: z.object({
    total: z.number().int(),
    reached: z.number().int(),
    withValue: z.number().int(),
  }),
});
