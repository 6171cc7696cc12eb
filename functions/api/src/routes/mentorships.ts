import { createRoute, z } from '@hono/zod-openapi';
import type { NetworkStore, WriteOp } from '@sisi/data';
import {
  agreementDeclineSchema,
  agreementSchema,
  canMoveStage,
  createMentorshipSchema,
  type DetailKey,
  endMentorshipSchema,
  isActiveOrganization,
  type Mentorship,
  mentorshipListQuerySchema,
  mentorshipSchema,
  participantOrganizationsFor,
  participantsSchema,
  reviewSchedule,
  rightsAndResponsibilities,
  scheduledReviews,
  stageChangeSchema,
} from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import {
  ConflictProblem,
  conflictAs,
  DomainRuleError,
  type FieldError,
  ForbiddenError,
  ValidationError,
} from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { auditOp } from '../services/audit.ts';
import {
  actorOf,
  canSee,
  endableMentorship,
  involvedOrganizations,
  managedMentorship,
  visibleMentorship,
} from '../services/mentorship-access.ts';
import { startLifecycle, stopLifecycle } from '../services/mentorship-lifecycle.ts';
import { mentorshipParam, networkParam } from './mentorship-params.ts';

const mentorshipOut = named(mentorshipSchema, 'Mentorship');
const mentorshipPage = z.object({ items: z.array(mentorshipOut), cursor: z.string().optional() });

/** The words of each rule a stage move may break (`locales/{lng}/details.json`). */
const STAGE_RULES: Record<string, DetailKey> = {
  'same-stage': 'rule_same_stage',
  'skips-stages': 'rule_skips_stages',
  'use-end': 'rule_use_end',
  ended: 'rule_ended',
  'agreements-missing': 'rule_agreements_missing',
};

/** Organization ids in a body must be this network's: otherwise 400 naming the field. */
async function checkOrganizations(store: NetworkStore, refs: { path: string; id: string }[]) {
  const found = await Promise.all(refs.map((r) => store.organizations.get(r.id)));
  const errors = refs.flatMap((r, i): FieldError[] => {
    const org = found[i];
    if (!org) {
      return [{ path: r.path, code: 'unknown_reference', params: { kind: 'organization' } }];
    }
    // an organization that left the network starts nothing new (ADR 0034)
    return isActiveOrganization(org) ? [] : [{ path: r.path, code: 'organization_left' }];
  });
  if (errors.length) throw new ValidationError(errors);
}

/** An agreement or decline names one of the mentorship's organizations: otherwise 400. */
function requireInvolved(m: Mentorship, organizationId: string): void {
  if (!involvedOrganizations(m).includes(organizationId)) {
    throw new ValidationError([
      { path: 'organizationId', code: 'unknown_reference', params: { kind: 'organization' } },
    ]);
  }
}

/** Writes `next` if nothing changed since `current` was read; a race is a 409 on `version`. */
async function save(
  store: NetworkStore,
  current: Mentorship,
  next: Mentorship,
  extraOps: WriteOp[] = [],
) {
  await store.mentorships.replace(next, current.version, extraOps).catch(conflictAs('version'));
  return next;
}

/** Adds the names of its organizations to each mentorship (one batch read for all). */
async function withNames(store: NetworkStore, ms: Mentorship[]): Promise<Mentorship[]> {
  const orgs = await store.organizations.getMany(ms.flatMap(involvedOrganizations));
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return ms.map((m) => ({
    ...m,
    organizations: involvedOrganizations(m).map((id, i) => ({
      id,
      name: names.get(id) ?? '',
      role: i === 0 ? ('mentor' as const) : ('mentee' as const),
    })),
  }));
}
const withNamesOne = async (store: NetworkStore, m: Mentorship) =>
  (await withNames(store, [m]))[0]!;

/** `m` with `changes`, its version bumped and its update time now. */
const touch = (deps: ApiDeps, m: Mentorship, changes: Partial<Mentorship>): Mentorship => ({
  ...m,
  ...changes,
  version: m.version + 1,
  updatedAt: deps.clock.now().toISOString(),
});

const createMentorship = createRoute({
  method: 'post',
  path: '/networks/{networkId}/mentorships',
  tags: ['Mentorships'],
  summary: 'Start a mentorship between a mentor organization and one or more mentees',
  security: bearer,
  request: { params: networkParam, body: jsonBody(createMentorshipSchema) },
  responses: {
    201: jsonResponse(
      mentorshipOut,
      'The new mentorship, in its first stage, with its review schedule',
    ),
    ...problems(400, 401, 403, 404),
  },
});
const createMentorshipHandler: Handler<typeof createMentorship> = async (c) => {
  const { tenant, store } = network(c);
  const deps = c.var.deps;
  const input = c.req.valid('json');
  const orgIds = [input.mentorOrganizationId, ...input.menteeOrganizationIds];
  const isAdmin = tenant.roles.includes('network-admin');
  const ownCoordinator =
    tenant.roles.includes('coordinator') &&
    !!tenant.organizationId &&
    orgIds.includes(tenant.organizationId);
  if (!isAdmin && !ownCoordinator) {
    throw new ForbiddenError('forbidden_start_mentorship');
  }
  await checkOrganizations(store, [
    { path: 'mentorOrganizationId', id: input.mentorOrganizationId },
    ...input.menteeOrganizationIds.map((id, i) => ({ path: `menteeOrganizationIds.${i}`, id })),
  ]);
  const now = deps.clock.now();
  const schedule = reviewSchedule(input.startDate, input.durationMonths);
  const mentorship: Mentorship = {
    id: newId(),
    networkId: tenant.networkId,
    version: 1,
    type: input.menteeOrganizationIds.length === 1 ? 'one-to-one' : 'one-to-many',
    stage: 'build-relationship',
    mentorOrganizationId: input.mentorOrganizationId,
    menteeOrganizationIds: input.menteeOrganizationIds,
    peerMentoring: input.peerMentoring,
    participantIds: [],
    startDate: input.startDate,
    durationMonths: input.durationMonths,
    schedule,
    reviews: scheduledReviews(schedule, now.toISOString().slice(0, 10)),
    agreements: [],
    history: [
      {
        from: null,
        to: 'build-relationship',
        reason: 'mentorship started',
        by: tenant.userId,
        byName: tenant.name,
        at: now.toISOString(),
      },
    ],
    approaches: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await store.mentorships.create(mentorship);
  await startLifecycle(deps.workflows, mentorship);
  return c.json(await withNamesOne(store, mentorship), 201);
};

const listMentorships = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships',
  tags: ['Mentorships'],
  summary:
    'Mentorships the caller may see, newest first, filtered by stage, organization or approach',
  description:
    'A filtered page may hold fewer than `limit` items while `cursor` is still given: keep following it.',
  security: bearer,
  request: { params: networkParam, query: mentorshipListQuerySchema },
  responses: {
    200: jsonResponse(mentorshipPage, 'A page of mentorships'),
    ...problems(400, 401, 404),
  },
});
const listMentorshipsHandler: Handler<typeof listMentorships> = async (c) => {
  const { tenant, store } = network(c);
  const q = c.req.valid('query');
  const repo = store.mentorships;
  let page: Awaited<ReturnType<typeof repo.list>>;
  if (tenant.roles.includes('network-admin')) {
    page = q.organizationId
      ? await repo.listFor('organization', q.organizationId, q.limit, q.cursor)
      : await repo.list(q.limit, q.cursor);
  } else if (tenant.roles.includes('coordinator') && tenant.organizationId) {
    // their own organization's mentorships; a partner named in the filter narrows them below
    page = await repo.listFor('organization', tenant.organizationId, q.limit, q.cursor);
  } else {
    page = await repo.listFor('person', tenant.userId, q.limit, q.cursor);
  }
  const items = page.items.filter(
    (m) =>
      canSee(tenant, m) &&
      (!q.stage || m.stage === q.stage) &&
      (!q.approach || m.approaches.includes(q.approach)) &&
      (!q.organizationId || involvedOrganizations(m).includes(q.organizationId)),
  );
  return c.json(
    { items: await withNames(store, items), ...(page.cursor ? { cursor: page.cursor } : {}) },
    200,
  );
};

const getMentorship = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}',
  tags: ['Mentorships'],
  summary: 'One mentorship: stage, history, agreements, review schedule',
  security: bearer,
  request: { params: mentorshipParam },
  responses: { 200: jsonResponse(mentorshipOut, 'The mentorship'), ...problems(401, 404) },
});
const getMentorshipHandler: Handler<typeof getMentorship> = async (c) => {
  const m = await visibleMentorship(c);
  return c.json(await withNamesOne(network(c).store, m), 200);
};

const acceptAgreement = createRoute({
  method: 'post',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/agreements',
  tags: ['Mentorships'],
  summary: 'An organization accepts the mentor and mentee rights and responsibilities (001 p.9)',
  security: bearer,
  request: { params: mentorshipParam, body: jsonBody(agreementSchema) },
  responses: {
    201: jsonResponse(mentorshipOut, 'The mentorship with the agreement recorded'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const acceptAgreementHandler: Handler<typeof acceptAgreement> = async (c) => {
  const { tenant, store } = network(c);
  const { organizationId, onBehalf } = c.req.valid('json');
  const m = await managedMentorship(c);
  requireInvolved(m, organizationId);
  const ownCoordinator =
    tenant.roles.includes('coordinator') && tenant.organizationId === organizationId;
  if (!ownCoordinator && !tenant.roles.includes('network-admin')) {
    throw new ForbiddenError('forbidden_accept_for_organization');
  }
  // an admin accepting for an organization that is not theirs says so explicitly (ADR 0033)
  if (!ownCoordinator && onBehalf !== true) {
    throw new ValidationError([
      {
        path: 'onBehalf',
        code: 'on_behalf_required' as const,
      },
    ]);
  }
  if (m.stage === 'end') throw new DomainRuleError('rule_ended', 'ended');
  if (m.agreements.some((a) => a.organizationId === organizationId)) {
    throw new ConflictProblem('conflict_organization_accepted', 'organizationId');
  }
  const declines = (m.declines ?? []).filter((d) => d.organizationId !== organizationId);
  const next = touch(c.var.deps, m, {
    agreements: [
      ...m.agreements,
      {
        organizationId,
        acceptedBy: tenant.userId,
        acceptedByName: tenant.name,
        acceptedAt: c.var.deps.clock.now().toISOString(),
        textVersion: rightsAndResponsibilities.version,
        ...(ownCoordinator ? {} : { onBehalf: true }),
      },
    ],
    // a later acceptance by the organization replaces its decline
    ...(m.declines ? { declines } : {}),
  });
  const recorded = ownCoordinator
    ? []
    : [
        auditOp(c, {
          kind: 'agreement.accepted-on-behalf',
          subjectId: m.id,
          targets: { mentorshipId: m.id, organizationId },
        }),
      ];
  return c.json(await withNamesOne(store, await save(store, m, next, recorded)), 201);
};

const declineAgreement = createRoute({
  method: 'post',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/declines',
  tags: ['Mentorships'],
  summary: "An organization's coordinator declines the rights and responsibilities, with a reason",
  description:
    'While a decline stands the mentorship cannot leave its first stage (422 `agreements-missing`); ' +
    'a later acceptance by the same organization replaces it.',
  security: bearer,
  request: { params: mentorshipParam, body: jsonBody(agreementDeclineSchema) },
  responses: {
    201: jsonResponse(mentorshipOut, 'The mentorship with the decline recorded'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const declineAgreementHandler: Handler<typeof declineAgreement> = async (c) => {
  const { tenant, store } = network(c);
  const { organizationId, reason } = c.req.valid('json');
  const m = await managedMentorship(c);
  requireInvolved(m, organizationId);
  // only the organization itself declines: an admin cannot refuse on its behalf
  if (!tenant.roles.includes('coordinator') || tenant.organizationId !== organizationId) {
    throw new ForbiddenError('forbidden_decline_for_organization');
  }
  if (m.stage === 'end') throw new DomainRuleError('rule_ended', 'ended');
  if (m.agreements.some((a) => a.organizationId === organizationId)) {
    throw new ConflictProblem('conflict_organization_accepted', 'organizationId');
  }
  if (m.declines?.some((d) => d.organizationId === organizationId)) {
    throw new ConflictProblem('conflict_organization_declined', 'organizationId');
  }
  const next = touch(c.var.deps, m, {
    declines: [
      ...(m.declines ?? []),
      {
        organizationId,
        declinedBy: tenant.userId,
        declinedByName: tenant.name,
        declinedAt: c.var.deps.clock.now().toISOString(),
        reason,
      },
    ],
  });
  const saved = await save(store, m, next, [
    auditOp(c, {
      kind: 'agreement.declined',
      subjectId: m.id,
      targets: { mentorshipId: m.id, organizationId },
    }),
  ]);
  return c.json(await withNamesOne(store, saved), 201);
};

const changeStage = createRoute({
  method: 'post',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/stage',
  tags: ['Mentorships'],
  summary: 'Move forward one stage, or back to any earlier stage, with a reason',
  security: bearer,
  request: { params: mentorshipParam, body: jsonBody(stageChangeSchema) },
  responses: {
    200: jsonResponse(mentorshipOut, 'The mentorship in its new stage'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const changeStageHandler: Handler<typeof changeStage> = async (c) => {
  const { tenant, store } = network(c);
  const { stage, reason } = c.req.valid('json');
  const m = await managedMentorship(c);
  const everyoneAgreed = involvedOrganizations(m).every((id) =>
    m.agreements.some((a) => a.organizationId === id),
  );
  const verdict = canMoveStage(m.stage, stage, everyoneAgreed);
  if (!verdict.ok)
    throw new DomainRuleError(
      STAGE_RULES[verdict.reason] ?? 'rule_skips_stages',
      verdict.reason,
      'stage',
    );
  const next = touch(c.var.deps, m, {
    stage,
    history: [
      ...m.history,
      {
        from: m.stage,
        to: stage,
        reason,
        by: tenant.userId,
        byName: tenant.name,
        at: c.var.deps.clock.now().toISOString(),
      },
    ],
  });
  return c.json(await withNamesOne(store, await save(store, m, next)), 200);
};

const endMentorship = createRoute({
  method: 'post',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/end',
  tags: ['Mentorships'],
  summary: 'End the mentorship: natural, premature (with the reason) or a transition',
  description:
    'By a coordinator of the mentor organization or a network admin; a mentee organization’s coordinator sees the mentorship but gets 403 (ADR 0026).',
  security: bearer,
  request: { params: mentorshipParam, body: jsonBody(endMentorshipSchema) },
  responses: {
    200: jsonResponse(mentorshipOut, 'The ended mentorship'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const endMentorshipHandler: Handler<typeof endMentorship> = async (c) => {
  const { tenant, store } = network(c);
  const deps = c.var.deps;
  const body = c.req.valid('json');
  const m = await endableMentorship(c);
  if (m.stage === 'end') throw new DomainRuleError('rule_ended', 'ended', 'kind');
  const at = deps.clock.now().toISOString();
  const next = touch(deps, m, {
    stage: 'end',
    history: [
      ...m.history,
      { from: m.stage, to: 'end', reason: body.reason, by: tenant.userId, byName: tenant.name, at },
    ],
    ending: {
      kind: body.kind,
      reason: body.reason,
      ...(body.prematureReason ? { prematureReason: body.prematureReason } : {}),
      ...(body.transition ? { transition: body.transition } : {}),
      endedAt: at,
      endedBy: tenant.userId,
    },
  });
  const saved = await save(store, m, next);
  await stopLifecycle(deps.workflows, saved);
  return c.json(await withNamesOne(store, saved), 200);
};

const setParticipants = createRoute({
  method: 'put',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/participants',
  tags: ['Mentorships'],
  summary: 'The people of its organizations who take part (they then see the mentorship)',
  description:
    'The whole list. A network admin sets anyone’s; a coordinator adds and removes their own organization’s people only, and sends the others as they are (else 403, nothing changed: ADR 0026).',
  security: bearer,
  request: { params: mentorshipParam, body: jsonBody(participantsSchema) },
  responses: {
    200: jsonResponse(mentorshipOut, 'The mentorship with its participants'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const setParticipantsHandler: Handler<typeof setParticipants> = async (c) => {
  const { tenant, store } = network(c);
  const { personIds } = c.req.valid('json');
  const m = await managedMentorship(c);
  const people = await Promise.all(personIds.map((id) => store.people.get(id)));
  const orgs = involvedOrganizations(m);
  const errors = personIds.flatMap((_, i) =>
    people[i] && orgs.includes(people[i]!.organizationId)
      ? []
      : [
          {
            path: `personIds.${i}`,
            code: 'unknown_reference' as const,
            params: { kind: 'person' },
          },
        ],
  );
  if (errors.length) throw new ValidationError(errors);
  const added = personIds.filter((id) => !m.participantIds.includes(id));
  const removed = m.participantIds.filter((id) => !personIds.includes(id));
  // each side chooses its own people (ADR 0026)
  const mine = participantOrganizationsFor(actorOf(tenant), m);
  const orgOf = new Map(personIds.map((id, i) => [id, people[i]!.organizationId]));
  for (const id of removed) orgOf.set(id, (await store.people.get(id))?.organizationId ?? '');
  if ([...added, ...removed].some((id) => !mine.includes(orgOf.get(id) ?? ''))) {
    throw new ForbiddenError('forbidden_own_participants');
  }
  const next = touch(c.var.deps, m, { participantIds: personIds });
  const repo = store.mentorships;
  const saved = await save(store, m, next, [
    ...repo.participantOps(next, added),
    ...repo.removeParticipantOps(m.id, removed),
  ]);
  return c.json(await withNamesOne(store, saved), 200);
};

/** Mentorships: create, read, list, agreements, stage moves, ending, participants. */
export const mentorshipRoutes = () =>
  router()
    .openapi(createMentorship, createMentorshipHandler)
    .openapi(listMentorships, listMentorshipsHandler)
    .openapi(getMentorship, getMentorshipHandler)
    .openapi(acceptAgreement, acceptAgreementHandler)
    .openapi(declineAgreement, declineAgreementHandler)
    .openapi(changeStage, changeStageHandler)
    .openapi(endMentorship, endMentorshipHandler)
    .openapi(setParticipants, setParticipantsHandler);
