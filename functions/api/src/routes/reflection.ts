import { createRoute, z } from '@hono/zod-openapi';
import {
  REFLECTION_MIN_SHOWN,
  reflectionAnswerRecord,
  reflectionAnswersSchema,
  reflectionComparisonRule,
  reflectionResultsSchema,
  reflectionSideSchema,
} from '@sisi/domain';
import { ConflictProblem, ForbiddenError, onConflict } from '../errors.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { visibleMentorship } from '../services/mentorship-access.ts';
import { callerSide, reflectionResults, respondentsOf } from '../services/reflection.ts';
import { mentorshipParam } from './mentorship-params.ts';

const answersIn = named(reflectionAnswersSchema, 'ReflectionAnswersInput');
const resultsOut = named(reflectionResultsSchema, 'ReflectionResults');
const answeredOut = z
  .object({ side: reflectionSideSchema, answered: z.literal(true) })
  .openapi('ReflectionAnswered');

const RULE = `An item's verdict, on mean strengths 1-5 (5 the strongest answer of its scale; yes/no: 5 the good answer, 1 the other; "don't know" is not scored): \`not-enough-answers\` when a side's results are withheld or it has fewer than ${reflectionComparisonRule.minAnswers} scored answer(s) on the item; \`agree-strong\` when both means are ≥ ${reflectionComparisonRule.strongAtLeast}; \`agree-weak\` when both are < ${reflectionComparisonRule.weakBelow}; \`disagree\` when one is strong and the other weak, or they are ≥ ${reflectionComparisonRule.apartAtLeast} apart; otherwise \`mixed\`.`;

const getResults = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/reflection',
  tags: ['Monitoring'],
  summary: 'The reflection questionnaire’s pooled results per side and their comparison',
  description: `For everyone who sees the mentorship. Each side (the mentor organization; every mentee organization together) says how many people may answer (its organizations' coordinators and its participants) and how many did. A side's pooled results (per item: the scored answers, the "don't know"s, the mean strength and the distribution; the comments of each box, sorted, without names) are shown once it has ${REFLECTION_MIN_SHOWN} answers (fewer would let a respondent work out another's answers), or the one answer of a side that has a single possible respondent, who is told before answering. ${RULE} \`you\` is the caller's part: whether they may still answer, on which side, and how anonymous an answer would be (\`notice\`).`,
  security: bearer,
  request: { params: mentorshipParam },
  responses: {
    200: jsonResponse(resultsOut, 'The results'),
    ...problems(401, 404),
  },
});
const getResultsHandler: Handler<typeof getResults> = async (c) => {
  const m = await visibleMentorship(c);
  return c.json(await reflectionResults(network(c), m), 200);
};

const answer = createRoute({
  method: 'post',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/reflection/answers',
  tags: ['Monitoring'],
  summary: 'Answer the reflection questionnaire (once, anonymously)',
  description:
    'By a coordinator of one of the mentorship’s organizations or one of its participants (a network admin is on no side: 403). `answers` maps every item id to the option chosen (all required; `dont-know` where the paper offers it); `comments` maps comment box ids to text. The answer is stored with the mentorship and the side only: no person, no time. A separate marker, written in the same transaction, records that the caller answered: a second answer is a 409 and writes nothing. The response says only the side, so that nothing kept of this request (such as an `Idempotency-Key` replay) holds the answers beside the caller.',
  security: bearer,
  request: { params: mentorshipParam, body: jsonBody(answersIn) },
  responses: {
    201: jsonResponse(answeredOut, 'Answered'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const answerHandler: Handler<typeof answer> = async (c) => {
  const scope = network(c);
  const { tenant, store } = scope;
  const input = c.req.valid('json');
  const m = await visibleMentorship(c);
  const side = callerSide(tenant, m, await respondentsOf(scope, m));
  if (!side) {
    throw new ForbiddenError('forbidden_reflection');
  }
  // the storage's conflict is on the marker; the caller hears what it means, with no field
  await store.reflection
    .answer(reflectionAnswerRecord(m.id, side, input), tenant.userId)
    .catch(
      onConflict(
        (error) => new ConflictProblem('conflict_already_reflected', undefined, { cause: error }),
      ),
    );
  return c.json({ side, answered: true as const }, 201);
};

/**
 * The mid-term reflection questionnaire (001 Annex 6): each person of the mentorship on
 * either side answers once, anonymously; the answers are pooled per side and the sides
 * compared item by item.
 */
export const reflectionRoutes = () =>
  router().openapi(getResults, getResultsHandler).openapi(answer, answerHandler);
