/**
 * The closure questions of 001 "Closure" (Step 5: End the Relationship), "designed to
 * stimulate review and reflection" at the final meeting. Answers are free text; none is
 * compulsory, because the source offers them as discussion starters, not a form.
 */
import { z } from 'zod';
import { coded } from '../errors/codes.ts';

export interface ClosureQuestion {
  id: string;
  text: string;
}

export const closureQuestions = [
  { id: 'how-far', text: 'How far have we come?' },
  { id: 'goals-achieved', text: 'Were the planned goals achieved?' },
  { id: 'most-impact', text: 'What discussion or meeting had the most impact for you?' },
  { id: 'worked-well', text: 'What worked well?' },
  {
    id: 'learned-outside-objectives',
    text: 'What did each organization learn outside the mentoring objectives?',
  },
  { id: 'even-better-if', text: 'What would have been “even better if...”?' },
  { id: 'lessons-learned', text: 'What lessons were learned both by mentor and mentee?' },
] as const satisfies readonly ClosureQuestion[];

export type ClosureQuestionId = (typeof closureQuestions)[number]['id'];

const closureQuestionIds = closureQuestions.map((q) => q.id) as [
  ClosureQuestionId,
  ...ClosureQuestionId[],
];
export const closureQuestionIdSchema = z.enum(closureQuestionIds);

export const closureAnswersSchema = z
  .object({
    answers: z.partialRecord(closureQuestionIdSchema, z.string().trim().max(4000)),
  })
  .strict()
  .superRefine((c, ctx) => {
    // Blank answers are kept (a form may send every field) but do not count as answered.
    if (!Object.values(c.answers).some((a) => a !== undefined && a.length > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['answers'],
        message: 'answer at least one question',
        ...coded('one_needed'),
      });
    }
  });
export type ClosureAnswers = z.output<typeof closureAnswersSchema>;
