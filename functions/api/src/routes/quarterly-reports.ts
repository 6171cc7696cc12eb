import { createRoute, z } from '@hono/zod-openapi';
import { ConflictError } from '@sisi/data';
import {
  MAX_QUARTERLY_PERIOD,
  type Mentorship,
  pageQuerySchema,
  quarterlyReportForm,
  quarterlyReportRecord,
  quarterlyReportRecordSchema,
  quarterlyReportSchema,
  type TenantContext,
} from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import { ConflictProblem, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { requireNetwork } from '../middleware/auth.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { loadVisibleMentorship } from '../services/mentorship-access.ts';

const mentorshipParam = z.object({
  networkId: z.string().max(100),
  mentorshipId: z.string().max(100),
});
const periodParam = mentorshipParam.extend({
  period: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(MAX_QUARTERLY_PERIOD, `must be at most ${MAX_QUARTERLY_PERIOD}`),
});

const reportIn = named(quarterlyReportSchema, 'QuarterlyReportInput');
const reportOut = named(quarterlyReportRecordSchema, 'QuarterlyReport');
const reportPage = z.object({ items: z.array(reportOut), cursor: z.string().optional() });

/** The form's questions and the fields answering them, for the spec's readers. */
const FIELDS = [
  ...quarterlyReportForm.header,
  ...quarterlyReportForm.questions,
  ...quarterlyReportForm.interactionLog.columns,
]
  .map((q) => `\`${q.field}\`: “${q.text}”`)
  .join('; ');

/** Who files a mentorship's quarterly reports: its mentor organization's coordinator, or an admin. */
const canFile = (tenant: TenantContext, m: Mentorship) =>
  tenant.roles.includes('network-admin') ||
  (tenant.roles.includes('coordinator') && tenant.organizationId === m.mentorOrganizationId);

/**
 * The mentor's quarterly reports (001 Annex 5): one per period of the review schedule. A
 * report in stops that period's reminder and escalation (the lifecycle looks it up).
 */
export function quarterlyReportRoutes(deps: ApiDeps) {
  const reviews = (tenant: { networkId: string }) => deps.store(tenant).reviews;

  return router()
    .openapi(
      createRoute({
        method: 'post',
        path: '/networks/{networkId}/mentorships/{mentorshipId}/quarterly-reports',
        tags: ['Monitoring'],
        summary: "Submit the mentor's quarterly report of a period (001 Annex 5)",
        description: `By the mentor organization's coordinator or a network admin. \`period\` is the 1-based index into the mentorship's \`schedule.quarterlyReviews\` (outside it: 400 naming \`period\`); a second report for the same period is a 409 naming \`period\`. \`totalHours\` is the sum of the interaction log's hours. The form's fields: ${FIELDS}.`,
        security: bearer,
        request: { params: mentorshipParam, body: jsonBody(reportIn) },
        responses: {
          201: jsonResponse(reportOut, 'The submitted report, with its total hours'),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { networkId, mentorshipId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const answers = c.req.valid('json');
        const m = await loadVisibleMentorship(deps, tenant, mentorshipId);
        if (!canFile(tenant, m)) {
          throw new ForbiddenError(
            "the mentor organization's coordinator, or a network admin, files its quarterly reports",
          );
        }
        const periods = m.schedule.quarterlyReviews.length;
        if (answers.period > periods) {
          throw new ValidationError([
            {
              path: 'period',
              message:
                periods === 0
                  ? 'this mentorship has no quarterly review'
                  : `must be from 1 to ${periods}, the quarterly reviews of this mentorship`,
            },
          ]);
        }
        const report = quarterlyReportRecord(answers, m, {
          at: deps.clock.now().toISOString(),
          by: tenant.userId,
          byName: tenant.name,
        });
        try {
          await reviews(tenant).createReport(report);
        } catch (error) {
          if (error instanceof ConflictError) {
            throw new ConflictProblem(error.message, 'period', { cause: error });
          }
          throw error;
        }
        return c.json(report, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/networks/{networkId}/mentorships/{mentorshipId}/quarterly-reports',
        tags: ['Monitoring'],
        summary: 'The quarterly reports of a mentorship, by period',
        description: 'Everyone who sees the mentorship reads its quarterly reports.',
        security: bearer,
        request: { params: mentorshipParam, query: pageQuerySchema },
        responses: {
          200: jsonResponse(reportPage, 'A page of quarterly reports'),
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        const { networkId, mentorshipId } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const { limit, cursor } = c.req.valid('query');
        const m = await loadVisibleMentorship(deps, tenant, mentorshipId);
        const page = await reviews(tenant).listReports(m.id, limit, cursor);
        return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/networks/{networkId}/mentorships/{mentorshipId}/quarterly-reports/{period}',
        tags: ['Monitoring'],
        summary: 'The quarterly report of one period',
        security: bearer,
        request: { params: periodParam },
        responses: {
          200: jsonResponse(reportOut, 'The quarterly report'),
          ...problems(400, 401, 404),
        },
      }),
      async (c) => {
        const { networkId, mentorshipId, period } = c.req.valid('param');
        const tenant = requireNetwork(c, networkId);
        const m = await loadVisibleMentorship(deps, tenant, mentorshipId);
        const report = await reviews(tenant).getReport(m.id, period);
        if (!report) throw new NotFoundError('quarterly report');
        return c.json(report, 200);
      },
    );
}
