import { createRoute, z } from '@hono/zod-openapi';
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
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { audit, printQuery } from '../services/audit.ts';
import { visibleMentorship } from '../services/mentorship-access.ts';
import { mentorshipParam } from './mentorship-params.ts';

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

const submitReport = createRoute({
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
});
const submitReportHandler: Handler<typeof submitReport> = async (c) => {
  const { tenant, store } = network(c);
  const answers = c.req.valid('json');
  const m = await visibleMentorship(c);
  if (!canFile(tenant, m)) {
    throw new ForbiddenError('forbidden_quarterly_reports');
  }
  const periods = m.schedule.quarterlyReviews.length;
  if (answers.period > periods) {
    throw new ValidationError([
      {
        path: 'period',
        ...(periods === 0
          ? {
              code: 'domain_rule',
              params: { rule: 'no-quarterly-review' },
              message: 'the mentorship has no quarterly review (it lasts less than a quarter)',
            }
          : { code: 'too_big', params: { maximum: periods } }),
      },
    ]);
  }
  const report = quarterlyReportRecord(answers, m, {
    at: c.var.deps.clock.now().toISOString(),
    by: tenant.userId,
    byName: tenant.name,
  });
  await store.reviews.createReport(report);
  return c.json(report, 201);
};

const listReports = createRoute({
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
});
const listReportsHandler: Handler<typeof listReports> = async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const m = await visibleMentorship(c);
  const page = await network(c).store.reviews.listReports(m.id, limit, cursor);
  return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

const getReport = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/quarterly-reports/{period}',
  tags: ['Monitoring'],
  summary: 'The quarterly report of one period',
  description:
    'For everyone who sees the mentorship. A period of the schedule with no report yet answers `null`; a period outside the schedule is a 404.',
  security: bearer,
  request: { params: periodParam, query: printQuery },
  responses: {
    200: jsonResponse(reportOut.nullable(), 'The quarterly report, or `null` while none is in'),
    ...problems(400, 401, 404),
  },
});
const getReportHandler: Handler<typeof getReport> = async (c) => {
  const { period } = c.req.valid('param');
  const m = await visibleMentorship(c);
  if (period > m.schedule.quarterlyReviews.length) throw new NotFoundError('quarterly report');
  const report = await network(c).store.reviews.getReport(m.id, period);
  if (!report) return c.json(null, 200);
  if (c.req.valid('query').purpose === 'print') {
    await audit(c, {
      kind: 'form.printed',
      subjectId: String(period),
      targets: { mentorshipId: m.id, form: 'quarterly-report' },
    });
  }
  return c.json(report, 200);
};

/**
 * The mentor's quarterly reports (001 Annex 5): one per period of the review schedule. A
 * report in stops that period's reminder and escalation (the lifecycle looks it up).
 */
export const quarterlyReportRoutes = () =>
  router()
    .openapi(submitReport, submitReportHandler)
    .openapi(listReports, listReportsHandler)
    .openapi(getReport, getReportHandler);
