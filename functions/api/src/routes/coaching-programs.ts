import { createRoute, z } from '@hono/zod-openapi';
import {
  type CoachingProgram,
  coachingProgramSchema,
  consentSchema,
  createCoachingProgramSchema,
  isActiveOrganization,
  type Kpi,
  type KpiInput,
  programFiguresSchema,
  updateCoachingProgramSchema,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ConflictProblem, DomainRuleError, ForbiddenError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { depsOf, type Handler, network } from '../route-kit.ts';
import { todayOf } from '../services/coaching-group-access.ts';
import {
  managedProgram,
  type ProgramScope,
  visibleProgram,
} from '../services/coaching-program-access.ts';
import { figuresOf } from '../services/coaching-program-views.ts';

import { coachingProgramPeopleRoutes } from './coaching-program-people.ts';

const networkParam = z.object({ networkId: z.string().max(100) });
const programParam = networkParam.extend({ programId: z.string().max(100) });

const programOut = named(coachingProgramSchema, 'CoachingProgram');
const viewerSchema = z.object({
  manages: z.boolean(),
  relations: z.array(z.enum(['nominee', 'participant', 'referee'])),
  participant: z.boolean(),
  consent: consentSchema.optional(),
  /** The open survey round is answered by the caller. */
  surveyAnswered: z.boolean(),
  baselineDone: z.boolean(),
});
const programWithViewer = named(
  coachingProgramSchema.extend({ viewer: viewerSchema }),
  'CoachingProgramView',
);
const programPage = z.object({ items: z.array(programOut), cursor: z.string().optional() });
const figuresOut = named(programFiguresSchema, 'CoachingProgramFigures');
const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
  involvement: z.enum(['mine']).optional(),
});

/** KPIs as stored: a new one gets an id; one sent with an id keeps it. */
const toKpis = (input: KpiInput[]): Kpi[] =>
  input.map((k) => ({
    id: k.id ?? newId(10),
    name: k.name,
    target: k.target,
    unit: k.unit ?? '',
    direction: k.direction ?? 'at-least',
    ...(k.current === undefined ? {} : { current: k.current }),
  }));

const now = (c: Context<AppEnv>) => depsOf(c).clock.now().toISOString();

/** What the caller is and may do in the program, from what `visibleProgram` found. */
async function viewerOf({ tenant, repo: r, program, manages, relations }: ProgramScope) {
  const participant = relations.includes('participant')
    ? await r.getParticipant(program.id, tenant.userId)
    : undefined;
  const [surveyAnswered, assessments] = participant
    ? await Promise.all([
        program.surveyRound > 0
          ? r.hasAnsweredSurvey(program.id, program.surveyRound, tenant.userId)
          : Promise.resolve(false),
        r.listSelfAssessments(program.id, tenant.userId),
      ])
    : [false, []];
  return {
    manages,
    relations: relations as ('nominee' | 'participant' | 'referee')[],
    participant: Boolean(participant),
    ...(participant?.consent ? { consent: participant.consent } : {}),
    surveyAnswered,
    baselineDone: assessments.some((a) => a.kind === 'baseline'),
  };
}

const createProgram = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs',
  tags: ['Coaching programs'],
  summary: 'Design a peer coaching program for an organization (seed 002)',
  description:
    'By a network admin or the coordinator of `organizationId`. Objectives, KPIs (name, target, unit, direction, current value), a pilot flag, and pairing: `fixed`, or `rotational` with `rotationWeeks` (1-26).',
  security: bearer,
  request: { params: networkParam, body: jsonBody(createCoachingProgramSchema) },
  responses: {
    201: jsonResponse(programOut, 'The new program'),
    ...problems(400, 401, 403, 404),
  },
});
const createProgramHandler: Handler<typeof createProgram> = async (c) => {
  const { tenant, store } = network(c);
  const input = c.req.valid('json');
  const isAdmin = tenant.roles.includes('network-admin');
  const ownCoordinator =
    tenant.roles.includes('coordinator') && tenant.organizationId === input.organizationId;
  if (!isAdmin && !ownCoordinator) {
    throw new ForbiddenError('forbidden_design_program');
  }
  const org = await store.organizations.get(input.organizationId);
  if (!org) {
    throw new ValidationError([
      { path: 'organizationId', code: 'unknown_reference', params: { kind: 'organization' } },
    ]);
  }
  // an organization that left the network starts nothing new (ADR 0034)
  if (!isActiveOrganization(org)) {
    throw new ValidationError([{ path: 'organizationId', code: 'organization_left' }]);
  }
  const at = now(c);
  const program: CoachingProgram = {
    id: newId(),
    networkId: tenant.networkId,
    organizationId: input.organizationId,
    version: 1,
    name: input.name,
    ...(input.description ? { description: input.description } : {}),
    objectives: input.objectives,
    kpis: toKpis(input.kpis),
    pilot: input.pilot,
    pairingMode: input.pairingMode,
    ...(input.rotationWeeks === undefined ? {} : { rotationWeeks: input.rotationWeeks }),
    surveyRound: 0,
    createdAt: at,
    createdBy: tenant.userId,
    updatedAt: at,
  };
  await store.coachingPrograms.create(program);
  return c.json(program, 201);
};

const listPrograms = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-programs',
  tags: ['Coaching programs'],
  summary:
    'Coaching programs: the network’s (admins) or the organization’s; `involvement=mine`: those you are tied to',
  description:
    'Newest first. Admins get every program of the network; coordinators and members their organization’s. With `involvement=mine`, the programs the caller is nominated for, a referee in, or a participant of.',
  security: bearer,
  request: { params: networkParam, query: listQuery },
  responses: {
    200: jsonResponse(programPage, 'A page of programs'),
    ...problems(400, 401, 404),
  },
});
const listProgramsHandler: Handler<typeof listPrograms> = async (c) => {
  const { tenant, store } = network(c);
  const { limit, cursor, involvement } = c.req.valid('query');
  const r = store.coachingPrograms;
  const page =
    involvement === 'mine'
      ? await r.listForPerson(tenant.userId, limit, cursor)
      : tenant.roles.includes('network-admin')
        ? await r.list(limit, cursor)
        : tenant.organizationId
          ? await r.listByOrganization(tenant.organizationId, limit, cursor)
          : { items: [] };
  return c.json({ items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) }, 200);
};

const getProgram = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-programs/{programId}',
  tags: ['Coaching programs'],
  summary: 'A coaching program, with what the caller may do in it',
  description:
    'For its managers, the people of its organization and anyone tied to it; 404 for everyone else. `viewer` says whether the caller manages it, how they are tied to it, and (for a participant) their consent, survey and baseline.',
  security: bearer,
  request: { params: programParam },
  responses: {
    200: jsonResponse(programWithViewer, 'The program'),
    ...problems(400, 401, 404),
  },
});
const getProgramHandler: Handler<typeof getProgram> = async (c) => {
  const scope = await visibleProgram(c);
  return c.json({ ...scope.program, viewer: await viewerOf(scope) }, 200);
};

const updateProgram = createRoute({
  method: 'patch',
  path: '/networks/{networkId}/coaching-programs/{programId}',
  tags: ['Coaching programs'],
  summary: 'Change a program’s design: objectives, KPIs and their current values, pilot, pairing',
  description:
    'By its managers. `version` must be the one read (else 409). The pairing mode cannot change once pairs exist (422).',
  security: bearer,
  request: { params: programParam, body: jsonBody(updateCoachingProgramSchema) },
  responses: {
    200: jsonResponse(programOut, 'The program as changed'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const updateProgramHandler: Handler<typeof updateProgram> = async (c) => {
  const input = c.req.valid('json');
  const { repo, program } = await managedProgram(c);
  const pairingMode = input.pairingMode ?? program.pairingMode;
  const rotationWeeks =
    pairingMode === 'fixed' ? undefined : (input.rotationWeeks ?? program.rotationWeeks);
  if (pairingMode === 'rotational' && rotationWeeks === undefined) {
    throw new ValidationError([{ path: 'rotationWeeks', code: 'required' }]);
  }
  if (pairingMode === 'fixed' && input.rotationWeeks !== undefined) {
    throw new ValidationError([{ path: 'rotationWeeks', code: 'not_applicable' }]);
  }
  if (input.version !== program.version) {
    throw new ConflictProblem('conflict_program_version', 'version');
  }
  if (pairingMode !== program.pairingMode && (await repo.listRounds(program.id)).length) {
    throw new DomainRuleError(
      'rule_pairing_fixed_once_paired',
      'pairing-fixed-once-paired',
      'pairingMode',
    );
  }
  const { rotationWeeks: _w, ...rest } = program;
  const next: CoachingProgram = {
    ...rest,
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.objectives !== undefined ? { objectives: input.objectives } : {}),
    ...(input.kpis !== undefined ? { kpis: toKpis(input.kpis) } : {}),
    ...(input.pilot !== undefined ? { pilot: input.pilot } : {}),
    pairingMode,
    ...(rotationWeeks === undefined ? {} : { rotationWeeks }),
    version: program.version + 1,
    updatedAt: now(c),
  };
  if (next.description === '') delete next.description;
  await repo.replace(next, program.version);
  return c.json(next, 200);
};

const getSummary = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-programs/{programId}/summary',
  tags: ['Coaching programs'],
  summary: 'Where a program stands: status figures for its managers, never content',
  description:
    'Participants, nominations, consent signed, pairs and rounds, sessions held, self-assessment change (the mean only from 3 people), survey response rate, KPIs reached.',
  security: bearer,
  request: { params: programParam },
  responses: {
    200: jsonResponse(figuresOut, 'The program’s figures'),
    ...problems(400, 401, 403, 404),
  },
});
const getSummaryHandler: Handler<typeof getSummary> = async (c) => {
  const { repo, program } = await managedProgram(c);
  return c.json(await figuresOf(repo, program, todayOf(depsOf(c))), 200);
};

/**
 * Peer coaching programs (seed 002): an organization's program with its objectives, KPIs,
 * pilot flag and pairing mode; peer nominations confirmed by references; participants
 * accepted from them; the informed consent each participant signs.
 */
export const coachingProgramRoutes = () =>
  router()
    .openapi(createProgram, createProgramHandler)
    .openapi(listPrograms, listProgramsHandler)
    .openapi(getProgram, getProgramHandler)
    .openapi(updateProgram, updateProgramHandler)
    .openapi(getSummary, getSummaryHandler)
    .route('/', coachingProgramPeopleRoutes());
