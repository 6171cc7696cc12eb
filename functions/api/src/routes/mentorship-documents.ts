import { createRoute, z } from '@hono/zod-openapi';
import type { VersionedDocument, WriteOp } from '@sisi/data';
import { closureAnswersSchema, type Mentorship, orientationSchema, planSchema } from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { conflictAs, DomainRuleError, type FieldError, ValidationError } from '../errors.ts';
import { bearer, jsonBody, jsonResponse, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import {
  involvedOrganizations,
  managedMentorship,
  visibleMentorship,
} from '../services/mentorship-access.ts';
import { mentorshipParam, readVersion } from './mentorship-params.ts';

const planBody = planSchema.safeExtend({ version: readVersion }).openapi('MentoringPlanInput');
const orientationBody = orientationSchema
  .safeExtend({ version: readVersion })
  .openapi('OrientationMeetingInput');
const closureBody = closureAnswersSchema
  .safeExtend({ version: readVersion })
  .openapi('ClosureInput');

/** A stored document as the API answers it; `content` is the body without `version`. */
const documentOut = <T extends z.ZodType>(content: T, name: string) =>
  z
    .object({
      version: z.number().int().min(1),
      content,
      updatedAt: z.string().describe('ISO timestamp of the last save'),
      updatedBy: z.string().describe('the id (as in /me) of who saved it last'),
    })
    .openapi(name);

// Response contents: the input's fields without `version` (refinements only matter on input).
const planOut = documentOut(
  z.object(planSchema.shape).omit({ version: true }).strict(),
  'MentoringPlan',
);
const orientationOut = documentOut(
  z.object(orientationSchema.shape).omit({ version: true }).strict(),
  'OrientationMeeting',
);
const closureOut = documentOut(z.object(closureAnswersSchema.shape).strict(), 'Closure');

/** Stages in which the closure questions may be answered (001 "Closure", Step 5). */
const CLOSURE_STAGES: Mentorship['stage'][] = ['monitor', 'end'];

/**
 * The path's mentorship's document `name`, for whoever sees the mentorship: `null` while it
 * is not saved yet (a mentorship the caller does not see is a 404).
 */
async function read<T>(c: Context<AppEnv>, name: string) {
  const m = await visibleMentorship(c);
  return (await network(c).store.mentorships.getDocument<T>(m.id, name)) ?? null;
}

/**
 * Saves `content` as version `expected + 1`, with the ops `extraOps` makes (given the
 * save's timestamp) in the same transaction; a stale `expected` is a 409 on `version`.
 */
async function write<T>(
  c: Context<AppEnv>,
  m: Mentorship,
  name: string,
  expected: number,
  content: T,
  extraOps: (now: string) => WriteOp[] = () => [],
): Promise<VersionedDocument<T>> {
  const { tenant, store } = network(c);
  const now = c.var.deps.clock.now().toISOString();
  const doc: VersionedDocument<T> = {
    version: expected + 1,
    content,
    updatedAt: now,
    updatedBy: tenant.userId,
  };
  await store.mentorships
    .saveDocument(m.id, name, expected, doc, extraOps(now))
    .catch(conflictAs('version'));
  return doc;
}

/** People named in a document must belong to one of the mentorship's organizations. */
function checkPeople(
  m: Mentorship,
  lists: [path: string, people: { organizationId: string }[] | undefined][],
): void {
  const orgs = involvedOrganizations(m);
  const errors: FieldError[] = lists.flatMap(([path, people]) =>
    (people ?? []).flatMap((p, i) =>
      orgs.includes(p.organizationId)
        ? []
        : [
            {
              path: `${path}.${i}.organizationId`,
              code: 'unknown_reference',
              params: { kind: 'organization' },
            },
          ],
    ),
  );
  if (errors.length) throw new ValidationError(errors);
}

const getPlan = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/plan',
  tags: ['Mentorships'],
  summary: 'The mentoring plan (001 Annex 3), with its version',
  security: bearer,
  request: { params: mentorshipParam },
  responses: {
    200: jsonResponse(
      planOut.nullable(),
      'The plan as last saved, or `null` before the first save',
    ),
    ...problems(401, 404),
  },
});
const getPlanHandler: Handler<typeof getPlan> = async (c) =>
  c.json(await read<z.output<typeof planOut>['content']>(c, 'plan'), 200);

const putPlan = createRoute({
  method: 'put',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/plan',
  tags: ['Mentorships'],
  summary: 'Save the mentoring plan; `version` must be the one read (else 409)',
  description:
    'The whole plan is replaced. Its `formats` become the mentorship’s `approaches` (the list filter) in the same transaction, without changing the mentorship’s version.',
  security: bearer,
  request: { params: mentorshipParam, body: jsonBody(planBody) },
  responses: {
    200: jsonResponse(planOut, 'The plan as stored, with its new version'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const putPlanHandler: Handler<typeof putPlan> = async (c) => {
  const { version = 0, ...content } = c.req.valid('json');
  const m = await managedMentorship(c);
  checkPeople(m, [
    ['mentors', content.mentors],
    ['mentees', content.mentees],
    ['communicationPlan.pointPeople', content.communicationPlan?.pointPeople],
  ]);
  // the formats feed the list's approach filter: same transaction, no version bump
  const doc = await write(c, m, 'plan', version, content, (now) => [
    network(c).store.mentorships.approachesOp(m.id, content.formats ?? [], now),
  ]);
  return c.json(doc, 200);
};

const getOrientation = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/orientation',
  tags: ['Mentorships'],
  summary: 'The orientation meeting (001 Annex 2), with its version',
  security: bearer,
  request: { params: mentorshipParam },
  responses: {
    200: jsonResponse(
      orientationOut.nullable(),
      'The orientation meeting as last saved, or `null` before the first save',
    ),
    ...problems(401, 404),
  },
});
const getOrientationHandler: Handler<typeof getOrientation> = async (c) =>
  c.json(await read<z.output<typeof orientationOut>['content']>(c, 'orientation'), 200);

const putOrientation = createRoute({
  method: 'put',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/orientation',
  tags: ['Mentorships'],
  summary: 'Save the orientation meeting; `version` must be the one read (else 409)',
  security: bearer,
  request: { params: mentorshipParam, body: jsonBody(orientationBody) },
  responses: {
    200: jsonResponse(orientationOut, 'The orientation meeting as stored, with its new version'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const putOrientationHandler: Handler<typeof putOrientation> = async (c) => {
  const { version = 0, ...content } = c.req.valid('json');
  const m = await managedMentorship(c);
  checkPeople(m, [['attendees', content.attendees]]);
  return c.json(await write(c, m, 'orientation', version, content), 200);
};

const getClosure = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/closure',
  tags: ['Mentorships'],
  summary: 'The answers to the closure questions (001 "Closure"), with their version',
  security: bearer,
  request: { params: mentorshipParam },
  responses: {
    200: jsonResponse(
      closureOut.nullable(),
      'The closure answers as last saved, or `null` before the first save',
    ),
    ...problems(401, 404),
  },
});
const getClosureHandler: Handler<typeof getClosure> = async (c) =>
  c.json(await read<z.output<typeof closureOut>['content']>(c, 'closure'), 200);

const putClosure = createRoute({
  method: 'put',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/closure',
  tags: ['Mentorships'],
  summary: 'Save the closure answers; only in the stages monitor and end (else 422)',
  security: bearer,
  request: { params: mentorshipParam, body: jsonBody(closureBody) },
  responses: {
    200: jsonResponse(closureOut, 'The closure answers as stored, with their new version'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const putClosureHandler: Handler<typeof putClosure> = async (c) => {
  const { version = 0, ...content } = c.req.valid('json');
  const m = await managedMentorship(c);
  if (!CLOSURE_STAGES.includes(m.stage)) {
    throw new DomainRuleError('rule_closure_too_early', 'closure-too-early');
  }
  return c.json(await write(c, m, 'closure', version, content), 200);
};

/**
 * Documents of a mentorship that are edited as a whole and guarded by a version: the
 * mentoring plan (Annex 3), the orientation meeting (Annex 2) and the closure (Step 5).
 * Whoever sees the mentorship reads them; whoever runs it writes them.
 */
export const mentorshipDocumentRoutes = () =>
  router()
    .openapi(getPlan, getPlanHandler)
    .openapi(putPlan, putPlanHandler)
    .openapi(getOrientation, getOrientationHandler)
    .openapi(putOrientation, putOrientationHandler)
    .openapi(getClosure, getClosureHandler)
    .openapi(putClosure, putClosureHandler);
