import { createRoute, z } from '@hono/zod-openapi';
import {
  type EvaluationRecord,
  evaluationForm,
  evaluationRecordSchema,
  evaluationRoleSchema,
  evaluationSchema,
  evaluationStatus,
  evaluationStatusSchema,
} from '@sisi/domain';
import { DomainRuleError, ForbiddenError, NotFoundError } from '../errors.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { canEditEvaluation, canReadEvaluation } from '../services/evaluation-access.ts';
import { involvedOrganizations, visibleMentorship } from '../services/mentorship-access.ts';
import { mentorshipParam, readVersion } from './mentorship-params.ts';

const organizationParam = mentorshipParam.extend({ organizationId: z.string().max(100) });

const evaluationIn = named(
  evaluationSchema.safeExtend({ version: readVersion }),
  'MentorshipEvaluationInput',
);
const evaluationOut = named(evaluationRecordSchema, 'MentorshipEvaluation');
const evaluationList = z
  .object({
    items: z.array(
      z.object({
        organizationId: z.string(),
        role: evaluationRoleSchema,
        status: evaluationStatusSchema,
        evaluation: evaluationOut
          .optional()
          .describe('present when signed, or to who may still edit the draft'),
      }),
    ),
  })
  .openapi('MentorshipEvaluations');

/** The form's questions and the fields answering them, for the spec's readers. */
const FIELDS = evaluationForm.questions
  .map((q) => `\`${q.field}\`: ${q.n}. “${q.text}”`)
  .join('; ');

const listEvaluations = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/evaluations',
  tags: ['Monitoring'],
  summary: 'Each organization’s evaluation form, side by side (001 Annex 7)',
  description:
    'For everyone who sees the mentorship: one item per organization (the mentor first, then the mentees) with where its form stands (`not-started`, `draft`, `signed`). A signed form is shown to everyone; a draft only to who may still edit it (its organization’s coordinator and network admins), so neither side reads the other’s answers before it has signed its own view.',
  security: bearer,
  request: { params: mentorshipParam },
  responses: {
    200: jsonResponse(evaluationList, 'The organizations’ evaluations'),
    ...problems(401, 404),
  },
});
const listEvaluationsHandler: Handler<typeof listEvaluations> = async (c) => {
  const { tenant, store } = network(c);
  const m = await visibleMentorship(c);
  const stored = new Map((await store.evaluations.list(m.id)).map((e) => [e.organizationId, e]));
  const items = involvedOrganizations(m).map((organizationId, i) => {
    const record = stored.get(organizationId);
    return {
      organizationId,
      role: i === 0 ? ('mentor' as const) : ('mentee' as const),
      status: evaluationStatus(record),
      ...(record && canReadEvaluation(tenant, record) ? { evaluation: record } : {}),
    };
  });
  return c.json({ items }, 200);
};

const getEvaluation = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/evaluations/{organizationId}',
  tags: ['Monitoring'],
  summary: 'One organization’s evaluation form, with its version',
  description:
    'Signed: for everyone who sees the mentorship. A draft: for its organization’s coordinator and network admins. For anyone else who sees the mentorship, and while the organization has saved no form, the answer is `null` (the list says where each form stands); an organization outside the mentorship, or a mentorship the caller does not see, is a 404.',
  security: bearer,
  request: { params: organizationParam },
  responses: {
    200: jsonResponse(
      evaluationOut.nullable(),
      'The evaluation as last saved, or `null` when none the caller may read is saved',
    ),
    ...problems(401, 404),
  },
});
const getEvaluationHandler: Handler<typeof getEvaluation> = async (c) => {
  const { tenant, store } = network(c);
  const { organizationId } = c.req.valid('param');
  const m = await visibleMentorship(c);
  if (!involvedOrganizations(m).includes(organizationId)) {
    throw new NotFoundError('evaluation');
  }
  const record = await store.evaluations.get(m.id, organizationId);
  return c.json(record && canReadEvaluation(tenant, record) ? record : null, 200);
};

const saveEvaluation = createRoute({
  method: 'put',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/evaluations/{organizationId}',
  tags: ['Monitoring'],
  summary: 'Save an organization’s evaluation form; `version` must be the one read (else 409)',
  description: `By the organization’s coordinator or a network admin (anyone else who sees the mentorship: 403; an organization not in the mentorship: 404). The whole form is replaced. A \`signature\` (typed name and date, on the organization's side's line) signs it: it then needs questions 4, 5, 6, 8 and the first four rows of the results table, and can no longer change (a save of a signed form is a 422 \`evaluation-signed\`). The form's fields: ${FIELDS}; \`results\` maps the rows ${evaluationForm.results.rows.map((r) => `\`${r.id}\``).join(', ')} to ${evaluationForm.results.columns.map((col) => `\`${col.id}\``).join(', ')}.`,
  security: bearer,
  request: { params: organizationParam, body: jsonBody(evaluationIn) },
  responses: {
    200: jsonResponse(evaluationOut, 'The evaluation as stored, with its new version'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const saveEvaluationHandler: Handler<typeof saveEvaluation> = async (c) => {
  const { tenant, store } = network(c);
  const { organizationId } = c.req.valid('param');
  const { version = 0, ...content } = c.req.valid('json');
  const m = await visibleMentorship(c);
  const at = involvedOrganizations(m).indexOf(organizationId);
  if (at < 0) throw new NotFoundError('evaluation');
  if (!canEditEvaluation(tenant, organizationId)) {
    throw new ForbiddenError('forbidden_evaluation_form');
  }
  const current = await store.evaluations.get(m.id, organizationId);
  if (current?.signedAt) {
    throw new DomainRuleError('rule_evaluation_signed', 'evaluation-signed');
  }
  const now = c.var.deps.clock.now().toISOString();
  const record: EvaluationRecord = {
    mentorshipId: m.id,
    organizationId,
    role: at === 0 ? 'mentor' : 'mentee',
    version: version + 1,
    content,
    updatedAt: now,
    updatedBy: tenant.userId,
    ...(content.signature ? { signedAt: now } : {}),
  };
  await store.evaluations.put(record, version);
  return c.json(record, 200);
};

/**
 * The mentorship evaluation forms (001 Annex 7), one per organization of the mentorship,
 * shown side by side: each organization's coordinator (or a network admin) fills its own,
 * saving as often as needed, until it is signed.
 */
export const evaluationRoutes = () =>
  router()
    .openapi(listEvaluations, listEvaluationsHandler)
    .openapi(getEvaluation, getEvaluationHandler)
    .openapi(saveEvaluation, saveEvaluationHandler);
