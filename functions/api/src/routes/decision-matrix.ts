import { createRoute, z } from '@hono/zod-openapi';
import { approachIdSchema, matrixAnswersSchema, rankApproaches } from '@sisi/domain';
import { bearer, jsonBody, jsonResponse, problems, router } from '../openapi.ts';
import type { Handler } from '../route-kit.ts';

const rankingSchema = z
  .object({
    ranking: z.array(
      z.object({
        approach: approachIdSchema,
        score: z.number().int(),
        reasons: z
          .array(z.string())
          .describe('the answers that earned a point, as `question:answer`'),
      }),
    ),
  })
  .openapi('ApproachRanking');

const rank = createRoute({
  method: 'post',
  path: '/decision-matrix',
  tags: ['Mentorships'],
  summary: 'Rank the nine mentoring approaches for six answers, highest score first',
  description: 'Everyone signed in but a donor (403: donors read summaries only).',
  security: bearer,
  request: { body: jsonBody(matrixAnswersSchema) },
  responses: {
    200: jsonResponse(rankingSchema, 'The ranking with its reasons'),
    ...problems(400, 401, 403),
  },
});
const rankHandler: Handler<typeof rank> = (c) =>
  c.json({ ranking: rankApproaches(c.req.valid('json').answers) }, 200);

/** 001 p.40: the approach decision-making matrix. */
export const decisionMatrixRoutes = () => router().openapi(rank, rankHandler);
