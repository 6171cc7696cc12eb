/**
 * The reflection questionnaire (001 Annex 6) as the API takes, stores and answers it. The
 * paper's words are in `reflection-form.ts`, the pooling and comparison in
 * `reflection-scoring.ts`; this is what makes an answer valid, and the shape of results.
 *
 * Every item must be answered ("Please answer every question, and please check only one
 * answer per question"); where the paper offers "DON'T KNOW", that is an answer. The
 * comment boxes are optional.
 */
import { z } from 'zod';
import { idSchema } from '../common.ts';
import { reflectionCommentBoxes, reflectionItems, reflectionScales } from './reflection-form.ts';
import {
  type anonymityNotice,
  reflectionComparisonRule,
  reflectionSides,
  reflectionVerdicts,
} from './reflection-scoring.ts';

const optionIds = (scale: keyof typeof reflectionScales) =>
  reflectionScales[scale].options.map((o) => o.id) as [string, ...string[]];

const answersShape = Object.fromEntries(
  reflectionItems.map((item) => [item.id, z.enum(optionIds(item.scale))]),
) as Record<string, z.ZodEnum<Record<string, string>>>;

const commentsShape = Object.fromEntries(
  reflectionCommentBoxes.map((box) => [box.id, z.string().trim().max(4000).optional()]),
) as Record<string, z.ZodOptional<z.ZodString>>;

/**
 * One person's answers: `answers` maps every item id (`synergy-a` … `satisfaction-e`) to
 * the id of the option chosen; `comments` maps comment box ids (a section's id, or
 * `overall`) to text. Nothing about who answers is part of it.
 *
 * @example
 * reflectionAnswersSchema.safeParse({ answers: {} }).error?.issues[0]?.path // ['answers', 'synergy-a']
 */
export const reflectionAnswersSchema = z
  .object({
    answers: z.object(answersShape).strict(),
    comments: z.object(commentsShape).strict().default({}),
  })
  .strict();
export type ReflectionAnswersInput = z.input<typeof reflectionAnswersSchema>;
export type ReflectionAnswers = z.output<typeof reflectionAnswersSchema>;

export const reflectionSideSchema = z.enum(reflectionSides);

/**
 * A stored answer: the mentorship, the side and the answers, and nothing else: no person,
 * no time (a time could be matched with the "has answered" marker written with it).
 */
export const reflectionAnswerRecordSchema = z.object({
  mentorshipId: idSchema,
  side: reflectionSideSchema,
  answers: z.record(z.string(), z.string()),
  comments: z.record(z.string(), z.string()),
});
export type ReflectionAnswerRecord = z.output<typeof reflectionAnswerRecordSchema>;

/**
 * The stored answer of validated answers: empty comments dropped, nothing of the person.
 *
 * @example reflectionAnswerRecord('m123456', 'mentee', answers).side // 'mentee'
 */
export function reflectionAnswerRecord(
  mentorshipId: string,
  side: z.output<typeof reflectionSideSchema>,
  input: ReflectionAnswers,
): ReflectionAnswerRecord {
  const comments: Record<string, string> = {};
  for (const [box, text] of Object.entries(input.comments)) if (text) comments[box] = text;
  return { mentorshipId, side, answers: { ...input.answers }, comments };
}

const itemPoolSchema = z.object({
  itemId: z.string(),
  count: z.number().int().describe('answers with a score: all but "don\'t know"'),
  dontKnow: z.number().int(),
  mean: z.number().nullable().describe('mean strength, 5 the strongest answer, 1 the weakest'),
  distribution: z.array(z.object({ optionId: z.string(), count: z.number().int() })),
});

const sideResultsSchema = z.object({
  side: reflectionSideSchema,
  organizationIds: z.array(idSchema),
  possibleRespondents: z
    .number()
    .int()
    .describe("who may answer on this side: its organizations' coordinators and participants"),
  answers: z.number().int(),
  shown: z
    .boolean()
    .describe('false until the side has 2 answers, or every possible respondent answered'),
  items: z.array(itemPoolSchema).optional(),
  comments: z.array(z.object({ boxId: z.string(), texts: z.array(z.string()) })).optional(),
});

export const anonymityNotices = [
  'only-respondent',
  'first',
  'pooled',
] as const satisfies readonly ReturnType<typeof anonymityNotice>[];

/** What `GET …/reflection` answers: the caller's part, each side's pooled results, the comparison. */
export const reflectionResultsSchema = z.object({
  you: z.object({
    canAnswer: z
      .boolean()
      .describe('a coordinator or participant of the mentorship who has not answered'),
    answered: z.boolean(),
    side: reflectionSideSchema.optional(),
    notice: z
      .enum(anonymityNotices)
      .optional()
      .describe('how anonymous an answer given now would be (see anonymityNotice)'),
  }),
  sides: z.array(sideResultsSchema),
  comparison: z.array(
    z.object({
      itemId: z.string(),
      mentor: z.number().nullable(),
      mentee: z.number().nullable(),
      verdict: z.enum(reflectionVerdicts),
    }),
  ),
  rule: z.object({
    strongAtLeast: z.literal(reflectionComparisonRule.strongAtLeast),
    weakBelow: z.literal(reflectionComparisonRule.weakBelow),
    apartAtLeast: z.literal(reflectionComparisonRule.apartAtLeast),
    minAnswers: z.literal(reflectionComparisonRule.minAnswers),
  }),
});
export type ReflectionResults = z.output<typeof reflectionResultsSchema>;
