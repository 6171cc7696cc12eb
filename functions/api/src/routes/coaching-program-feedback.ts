import { createRoute, z } from '@hono/zod-openapi';
import {
  aggregateCompetencyChange,
  competencyAggregateSchema,
  competencyChange,
  type DetailKey,
  MIN_AGGREGATE_COUNT,
  overallMeanChange,
  programSurveyQuestions,
  type SelfAssessment,
  selfAssessmentInputSchema,
  selfAssessmentSchema,
  surveyResponseInputSchema,
  surveyResults,
  surveyResultsSchema,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { DomainRuleError, ForbiddenError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { conflictAs, depsOf, type Handler } from '../route-kit.ts';
import { managedProgram, visibleProgram } from '../services/coaching-program-access.ts';

const programParam = z.object({ networkId: z.string().max(100), programId: z.string().max(100) });
const resultsQuery = z.object({
  round: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').optional(),
});

const assessmentOut = named(selfAssessmentSchema, 'CoachingSelfAssessment');
const changeOut = z.object({
  competencyId: z.string(),
  baseline: z.number().optional(),
  latest: z.number().optional(),
  change: z.number().optional(),
});
const mineOut = named(
  z.object({ items: z.array(assessmentOut), change: z.array(changeOut) }),
  'CoachingSelfAssessmentsMine',
);
const summaryOut = named(
  z.object({
    participants: z.number().int(),
    /** Below this many people a mean is withheld. */
    minimumCount: z.number().int(),
    competencies: z.array(competencyAggregateSchema),
    overallMeanChange: z.number().optional(),
  }),
  'CoachingSelfAssessmentSummary',
);
const resultsOut = named(surveyResultsSchema, 'CoachingSurveyResults');
const roundOut = named(z.object({ round: z.number().int() }), 'CoachingSurveyRound');

const now = (c: Context<AppEnv>) => depsOf(c).clock.now().toISOString();

/** The caller must be a participant of a program they see (else 403, worded by `refusal`). */
async function asParticipant(c: Context<AppEnv>, refusal: DetailKey) {
  const access = await visibleProgram(c);
  if (!access.relations.includes('participant')) throw new ForbiddenError(refusal);
  return access;
}

const addSelfAssessment = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs/{programId}/self-assessments',
  tags: ['Coaching programs'],
  summary: 'Rate yourself on the core coaching competencies (baseline, then follow-ups)',
  description:
    'By a participant, for themself. One `baseline` (a second: 409 naming `kind`); a `follow-up` needs the baseline first (422). Ratings 1-5 per competency; only the participant reads their own answers.',
  security: bearer,
  request: { params: programParam, body: jsonBody(selfAssessmentInputSchema) },
  responses: {
    201: jsonResponse(assessmentOut, 'The self-assessment'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const addSelfAssessmentHandler: Handler<typeof addSelfAssessment> = async (c) => {
  const input = c.req.valid('json');
  const { tenant, repo, program } = await asParticipant(c, 'forbidden_participant_rates');
  if (input.kind === 'follow-up') {
    const mine = await repo.listSelfAssessments(program.id, tenant.userId);
    if (!mine.some((a) => a.kind === 'baseline')) {
      throw new DomainRuleError('rule_baseline_missing', 'baseline-missing', 'kind');
    }
  }
  const ratings = Object.fromEntries(
    Object.entries(input.ratings).filter(([, v]) => v !== undefined),
  ) as SelfAssessment['ratings'];
  const assessment: SelfAssessment = {
    id: newId(),
    programId: program.id,
    personId: tenant.userId,
    kind: input.kind,
    ratings,
    submittedAt: now(c),
  };
  await repo.addSelfAssessment(assessment).catch(conflictAs('kind'));
  return c.json(assessment, 201);
};

const listMySelfAssessments = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-programs/{programId}/self-assessments/mine',
  tags: ['Coaching programs'],
  summary: 'Your own self-assessments and your change per competency',
  security: bearer,
  request: { params: programParam },
  responses: {
    200: jsonResponse(mineOut, 'Your self-assessments, baseline first'),
    ...problems(400, 401, 403, 404),
  },
});
const listMySelfAssessmentsHandler: Handler<typeof listMySelfAssessments> = async (c) => {
  const { tenant, repo, program } = await asParticipant(c, 'forbidden_participant_reads');
  const items = await repo.listSelfAssessments(program.id, tenant.userId);
  return c.json({ items, change: competencyChange(items) }, 200);
};

const getSelfAssessmentSummary = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-programs/{programId}/self-assessments/summary',
  tags: ['Coaching programs'],
  summary: 'The program’s change per competency: counts and means, never one person’s answers',
  description: `For the program’s managers. A mean is shown only over at least ${MIN_AGGREGATE_COUNT} people.`,
  security: bearer,
  request: { params: programParam },
  responses: {
    200: jsonResponse(summaryOut, 'The aggregate'),
    ...problems(400, 401, 403, 404),
  },
});
const getSelfAssessmentSummaryHandler: Handler<typeof getSelfAssessmentSummary> = async (c) => {
  const { repo, program } = await managedProgram(c);
  const [all, participants] = await Promise.all([
    repo.listAllSelfAssessments(program.id),
    repo.listParticipants(program.id),
  ]);
  const byPerson = new Map<string, SelfAssessment[]>();
  for (const a of all) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  const competencies = aggregateCompetencyChange([...byPerson.values()]);
  const overall = overallMeanChange(competencies);
  return c.json(
    {
      participants: participants.length,
      minimumCount: MIN_AGGREGATE_COUNT,
      competencies,
      ...(overall === undefined ? {} : { overallMeanChange: overall }),
    },
    200,
  );
};

const openSurvey = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs/{programId}/survey-rounds',
  tags: ['Coaching programs'],
  summary: 'Open the next round of the participant survey',
  description:
    'By the program’s managers, once it has participants (else 422). Each participant answers each round once.',
  security: bearer,
  request: { params: programParam },
  responses: {
    201: jsonResponse(roundOut, 'The round now open'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const openSurveyHandler: Handler<typeof openSurvey> = async (c) => {
  const { repo, program } = await managedProgram(c);
  if ((await repo.listParticipants(program.id)).length === 0) {
    throw new DomainRuleError('rule_no_participants', 'no-participants');
  }
  const round = await repo
    .openSurveyRound(program.id, program.surveyRound, now(c))
    .catch(conflictAs('surveyRound'));
  return c.json({ round }, 201);
};

const answerSurvey = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs/{programId}/survey-responses',
  tags: ['Coaching programs'],
  summary: 'Answer the open round of the participant survey (stored without your name)',
  description: `By a participant, once per round (a second: 409 naming \`round\`); no round open: 422. Agreement 1-5 per statement, and an open answer. The questions: ${programSurveyQuestions.map((q) => `\`${q.id}\`: “${q.text}”`).join('; ')}.`,
  security: bearer,
  request: { params: programParam, body: jsonBody(surveyResponseInputSchema) },
  responses: {
    201: jsonResponse(roundOut, 'The round answered'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const answerSurveyHandler: Handler<typeof answerSurvey> = async (c) => {
  const input = c.req.valid('json');
  const { tenant, repo, program } = await asParticipant(c, 'forbidden_participant_survey');
  if (program.surveyRound === 0) {
    throw new DomainRuleError('rule_survey_closed', 'survey-closed');
  }
  const answers = Object.fromEntries(
    Object.entries(input.answers).filter(([, v]) => v !== undefined),
  );
  await repo
    .addSurveyResponse(
      {
        programId: program.id,
        round: program.surveyRound,
        answers,
        ...(input.improve ? { improve: input.improve } : {}),
      },
      tenant.userId,
      newId(20),
      now(c),
    )
    .catch(conflictAs('round'));
  return c.json({ round: program.surveyRound }, 201);
};

const getSurveyResults = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-programs/{programId}/survey/results',
  tags: ['Coaching programs'],
  summary: 'The survey’s results for a round (the open one by default), over the program',
  description: `For the program’s managers. Response rate always; the answers’ distributions, means and the open answers only from ${MIN_AGGREGATE_COUNT} responses.`,
  security: bearer,
  request: { params: programParam, query: resultsQuery },
  responses: {
    200: jsonResponse(resultsOut, 'The results'),
    ...problems(400, 401, 403, 404),
  },
});
const getSurveyResultsHandler: Handler<typeof getSurveyResults> = async (c) => {
  const { round: asked } = c.req.valid('query');
  const { repo, program } = await managedProgram(c);
  const round = asked ?? program.surveyRound;
  if (round < 1 || round > program.surveyRound) {
    throw new ValidationError([
      {
        path: 'round',
        ...(program.surveyRound === 0
          ? { code: 'domain_rule', params: { rule: 'survey-closed' } }
          : round < 1
            ? { code: 'too_small', params: { minimum: 1 } }
            : { code: 'too_big', params: { maximum: program.surveyRound } }),
      },
    ]);
  }
  const [responses, participants] = await Promise.all([
    repo.listSurveyResponses(program.id, round),
    repo.listParticipants(program.id),
  ]);
  return c.json(surveyResults(round, participants.length, responses), 200);
};

/**
 * The baseline self-assessment of core coaching competencies and its follow-ups (each
 * participant's own; managers see aggregates only), and the participant survey (answers
 * stored without who gave them; results per program and round).
 */
export const coachingProgramFeedbackRoutes = () =>
  router()
    .openapi(addSelfAssessment, addSelfAssessmentHandler)
    .openapi(listMySelfAssessments, listMySelfAssessmentsHandler)
    .openapi(getSelfAssessmentSummary, getSelfAssessmentSummaryHandler)
    .openapi(openSurvey, openSurveyHandler)
    .openapi(answerSurvey, answerSurveyHandler)
    .openapi(getSurveyResults, getSurveyResultsHandler);
