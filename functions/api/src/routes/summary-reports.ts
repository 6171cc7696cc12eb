import { createRoute, z } from '@hono/zod-openapi';
import {
  datedId,
  type MilestoneReached,
  pageQuerySchema,
  summaryReportForm,
  summaryReportRecord,
  summaryReportRecordSchema,
  summaryReportSchema,
} from '@sisi/domain';
import { DomainRuleError, type FieldError, NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { audit, printQuery } from '../services/audit.ts';
import { involvedOrganizations, visibleMentorship } from '../services/mentorship-access.ts';
import { mentorshipPeople, milestonesOf, todayOf } from '../services/monitoring.ts';
import { mentorshipParam } from './mentorship-params.ts';

const reportParam = mentorshipParam.extend({ reportId: z.string().max(100) });

const reportIn = named(summaryReportSchema, 'SummaryReportInput');
const reportOut = named(summaryReportRecordSchema, 'SummaryReport');
const reportPage = z
  .object({ items: z.array(reportOut), cursor: z.string().optional() })
  .openapi('SummaryReports');

/** The sheet's boxes and the fields answering them, for the spec's readers. */
const FIELDS = [
  ...summaryReportForm.fields,
  summaryReportForm.milestonesReached,
  ...summaryReportForm.issueColumns,
  ...summaryReportForm.followUpColumns,
]
  .map((q) => `\`${q.field}\`: “${q.text}”`)
  .join('; ');

const fileReport = createRoute({
  method: 'post',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/summary-reports',
  tags: ['Monitoring'],
  summary: 'File a mentoring summary report after a mentoring event (001 Annex 4)',
  description: `The sheet "may be completed by either party": everyone who sees the mentorship files it — the coordinators of its organizations, its participants, the network's admins. \`organizationIds\` must be the mentorship's organizations; each follow-up action's \`ownerId\` one of its people (\`GET …/people\`: its organizations' coordinators and its participants), else 400 naming the row; \`milestonesReached\` ids of the mentoring plan's milestones (400 naming the row otherwise). The report, one tracked follow-up action per row (status \`open\`) and a "milestone reached" record (on the meeting date) for each named milestone not reached yet are written in one transaction. An ended mentorship takes no report (422, rule \`ended\`). Ids start with the meeting date, so lists come out by date. The sheet's fields: ${FIELDS}.`,
  security: bearer,
  request: { params: mentorshipParam, body: jsonBody(reportIn) },
  responses: {
    201: jsonResponse(reportOut, 'The filed report, with its follow-up actions’ ids'),
    ...problems(400, 401, 404, 409, 422),
  },
});
const fileReportHandler: Handler<typeof fileReport> = async (c) => {
  const { tenant, store } = network(c);
  const { clock } = c.var.deps;
  const answers = c.req.valid('json');
  const m = await visibleMentorship(c);
  if (m.ending || m.stage === 'end') {
    throw new DomainRuleError('rule_ended', 'ended');
  }
  const [people, milestones] = await Promise.all([
    mentorshipPeople(store, m),
    milestonesOf(store, m, todayOf(clock)),
  ]);
  const orgs = involvedOrganizations(m);
  const owners = new Map(people.map((p) => [p.id, p.name]));
  const byMilestone = new Map(milestones.map((ms) => [ms.id, ms]));
  const errors: FieldError[] = [
    ...answers.organizationIds.flatMap((id, i) =>
      orgs.includes(id)
        ? []
        : [
            {
              path: `organizationIds.${i}`,
              code: 'unknown_reference' as const,
              params: { kind: 'organization' },
            },
          ],
    ),
    ...answers.followUpActions.flatMap((a, i) =>
      owners.has(a.ownerId)
        ? []
        : [
            {
              path: `followUpActions.${i}.ownerId`,
              code: 'unknown_reference' as const,
              params: { kind: 'person' },
            },
          ],
    ),
    ...answers.milestonesReached.flatMap((id, i) =>
      byMilestone.has(id)
        ? []
        : [
            {
              path: `milestonesReached.${i}`,
              code: 'unknown_reference' as const,
              params: { kind: 'milestone' },
            },
          ],
    ),
  ];
  if (errors.length) throw new ValidationError(errors);

  const at = clock.now().toISOString();
  const id = datedId(answers.meetingDate, newId(10));
  const { report, actions } = summaryReportRecord(answers, m.id, {
    id,
    actionIds: answers.followUpActions.map((a) => datedId(a.dueDate, newId(10))),
    owners,
    milestones: new Map(milestones.map((ms) => [ms.id, ms.description])),
    at,
    by: tenant.userId,
    byName: tenant.name,
  });
  const reached = answers.milestonesReached
    .map((mid) => byMilestone.get(mid)!)
    .filter((ms) => !ms.reached)
    .map(
      (ms): MilestoneReached => ({
        mentorshipId: m.id,
        milestoneId: ms.id,
        description: ms.description,
        dueDate: ms.dueDate,
        reachedOn: answers.meetingDate,
        summaryReportId: id,
        recordedAt: at,
        recordedBy: tenant.userId,
        recordedByName: tenant.name,
      }),
    );
  await store.summaryReports.create(
    report,
    actions,
    reached.map((r) => store.progress.milestoneReachedOp(r)),
  );
  return c.json(report, 201);
};

const listReports = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/summary-reports',
  tags: ['Monitoring'],
  summary: 'The summary reports of a mentorship, by meeting date (earliest first)',
  description: 'Everyone who sees the mentorship reads them.',
  security: bearer,
  request: { params: mentorshipParam, query: pageQuerySchema },
  responses: {
    200: jsonResponse(reportPage, 'A page of summary reports'),
    ...problems(400, 401, 404),
  },
});
const listReportsHandler: Handler<typeof listReports> = async (c) => {
  const { limit, cursor } = c.req.valid('query');
  const m = await visibleMentorship(c);
  const page = await network(c).store.summaryReports.list(m.id, limit, cursor);
  return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

const getReport = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/summary-reports/{reportId}',
  tags: ['Monitoring'],
  summary: 'One summary report',
  security: bearer,
  request: { params: reportParam, query: printQuery },
  responses: {
    200: jsonResponse(reportOut, 'The summary report'),
    ...problems(401, 404),
  },
});
const getReportHandler: Handler<typeof getReport> = async (c) => {
  const { reportId } = c.req.valid('param');
  const m = await visibleMentorship(c);
  const report = await network(c).store.summaryReports.get(m.id, reportId);
  if (!report) throw new NotFoundError('summary report');
  if (c.req.valid('query').purpose === 'print') {
    await audit(c, {
      kind: 'form.printed',
      subjectId: reportId,
      targets: { mentorshipId: m.id, form: 'summary-report' },
    });
  }
  return c.json(report, 200);
};

/**
 * Mentoring summary reports (001 Annex 4) after significant mentoring events. Filing one
 * turns its follow-up actions into tracked items and marks the milestones it names reached,
 * in the same transaction.
 */
export const summaryReportRoutes = () =>
  router()
    .openapi(fileReport, fileReportHandler)
    .openapi(listReports, listReportsHandler)
    .openapi(getReport, getReportHandler);
