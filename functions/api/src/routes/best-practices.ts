import { createRoute, z } from '@hono/zod-openapi';
import type { BestPracticeRecord } from '@sisi/data';
import {
  type BestPractice,
  bestPracticeListQuerySchema,
  bestPracticeSchema,
  createBestPracticeSchema,
  publicationSchema,
  type TenantContext,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { depsOf, type Handler, network, perRequest } from '../route-kit.ts';
import { pairRole } from '../services/coaching-access.ts';

const networkParam = z.object({ networkId: z.string().max(100) });
const practiceParam = networkParam.extend({ bestPracticeId: z.string().max(100) });
const practiceOut = named(bestPracticeSchema, 'BestPractice');
const practicePage = z.object({ items: z.array(practiceOut), cursor: z.string().optional() });

/** What a reader sees: the author also sees which coaching it came from. */
function shown(p: BestPracticeRecord, tenant: TenantContext): BestPractice {
  if (p.authorId === tenant.userId) return p;
  const { coachingId: _own, ...rest } = p;
  return rest;
}

const now = (c: Context<AppEnv>) => depsOf(c).clock.now().toISOString();

/** The path's best practice; a draft is its author's alone: anyone else is told it does not exist. */
const visiblePractice = perRequest(async (c) => {
  const { tenant, store } = network(c);
  const p = await store.coaching.getBestPractice(c.req.param('bestPracticeId') ?? '');
  if (!p || (p.status !== 'published' && p.authorId !== tenant.userId)) {
    throw new NotFoundError('best practice');
  }
  return p;
});

/** The path's best practice, which only its author publishes or withdraws (else 403). */
async function ownPractice(c: Context<AppEnv>) {
  const p = await visiblePractice(c);
  if (p.authorId !== network(c).tenant.userId) {
    throw new ForbiddenError('forbidden_best_practice_author');
  }
  return p;
}

const createPractice = createRoute({
  method: 'post',
  path: '/networks/{networkId}/best-practices',
  tags: ['Coaching'],
  summary: 'Write up a best practice from a coaching the author takes part in (Step 5)',
  description:
    'By the coach or the peer of `coachingId` (another coaching → 400 naming `coachingId`). `consentToPublish` is required: `true` publishes it to the network’s library at once, `false` keeps it a draft only the author sees.',
  security: bearer,
  request: {
    params: networkParam,
    body: jsonBody(named(createBestPracticeSchema, 'BestPracticeInput')),
  },
  responses: {
    201: jsonResponse(practiceOut, 'The best practice, published or a draft'),
    ...problems(400, 401, 404),
  },
});
const createPracticeHandler: Handler<typeof createPractice> = async (c) => {
  const { tenant, store } = network(c);
  const { consentToPublish, ...input } = c.req.valid('json');
  const coaching = await store.coaching.getCoaching(input.coachingId);
  if (!coaching || !pairRole(tenant, coaching)) {
    throw new ValidationError([
      { path: 'coachingId', code: 'unknown_reference', params: { kind: 'coaching' } },
    ]);
  }
  const at = now(c);
  const practice: BestPracticeRecord = {
    id: newId(),
    ...input,
    authorId: tenant.userId,
    authorName: tenant.name,
    status: consentToPublish ? 'published' : 'draft',
    ...(consentToPublish ? { consentAt: at, publishedAt: at } : {}),
    createdAt: at,
    updatedAt: at,
  };
  await store.coaching.createBestPractice(practice);
  return c.json(shown(practice, tenant), 201);
};

const listPractices = createRoute({
  method: 'get',
  path: '/networks/{networkId}/best-practices',
  tags: ['Coaching'],
  summary: 'The network’s library of best practices, or the caller’s own',
  description:
    '`scope=library` (default): the published ones, newest first, readable by everyone in the network. `scope=mine`: the caller’s own, drafts included.',
  security: bearer,
  request: { params: networkParam, query: bestPracticeListQuerySchema },
  responses: {
    200: jsonResponse(practicePage, 'A page of best practices'),
    ...problems(400, 401, 404),
  },
});
const listPracticesHandler: Handler<typeof listPractices> = async (c) => {
  const { tenant, store } = network(c);
  const { scope, limit, cursor } = c.req.valid('query');
  const page =
    scope === 'mine'
      ? await store.coaching.listByAuthor(tenant.userId, limit, cursor)
      : await store.coaching.listLibrary(limit, cursor);
  return c.json(
    {
      items: page.items.map((p) => shown(p, tenant)),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    },
    200,
  );
};

const getPractice = createRoute({
  method: 'get',
  path: '/networks/{networkId}/best-practices/{bestPracticeId}',
  tags: ['Coaching'],
  summary: 'One best practice: a published one, or the caller’s own draft',
  security: bearer,
  request: { params: practiceParam },
  responses: { 200: jsonResponse(practiceOut, 'The best practice'), ...problems(401, 404) },
});
const getPracticeHandler: Handler<typeof getPractice> = async (c) => {
  const { tenant } = network(c);
  return c.json(shown(await visiblePractice(c), tenant), 200);
};

const publishPractice = createRoute({
  method: 'put',
  path: '/networks/{networkId}/best-practices/{bestPracticeId}/publication',
  tags: ['Coaching'],
  summary: 'The author consents to publish the best practice to the network’s library',
  description: '`consent` must be `true`. Only the author (anyone else → 403, or 404 for a draft).',
  security: bearer,
  request: {
    params: practiceParam,
    body: jsonBody(named(publicationSchema, 'PublicationConsent')),
  },
  responses: {
    200: jsonResponse(practiceOut, 'The published best practice'),
    ...problems(400, 401, 403, 404),
  },
});
const publishPracticeHandler: Handler<typeof publishPractice> = async (c) => {
  const { tenant, store } = network(c);
  const p = await ownPractice(c);
  const next =
    p.status === 'published'
      ? p
      : await store.coaching.setPublication(p.id, { published: true, at: now(c) });
  return c.json(shown(next, tenant), 200);
};

const withdrawPractice = createRoute({
  method: 'delete',
  path: '/networks/{networkId}/best-practices/{bestPracticeId}/publication',
  tags: ['Coaching'],
  summary: 'The author withdraws the consent: the best practice leaves the library',
  security: bearer,
  request: { params: practiceParam },
  responses: {
    200: jsonResponse(practiceOut, 'The best practice, a draft again'),
    ...problems(401, 403, 404),
  },
});
const withdrawPracticeHandler: Handler<typeof withdrawPractice> = async (c) => {
  const { tenant, store } = network(c);
  const p = await ownPractice(c);
  const next =
    p.status === 'draft'
      ? p
      : await store.coaching.setPublication(p.id, { published: false, at: now(c) });
  return c.json(shown(next, tenant), 200);
};

/**
 * Best practices of Sisi Kwa Sisi coaching (Step 5, "Document best practices and learnings
 * that need to be cross-pollinated"). The coach or the peer writes one up from their
 * coaching; it enters the network's library only with the author's explicit consent, and
 * until then only the author sees it. Nothing is copied into it from the coaching: no notes.
 */
export const bestPracticeRoutes = () =>
  router()
    .openapi(createPractice, createPracticeHandler)
    .openapi(listPractices, listPracticesHandler)
    .openapi(getPractice, getPracticeHandler)
    .openapi(publishPractice, publishPracticeHandler)
    .openapi(withdrawPractice, withdrawPracticeHandler);
