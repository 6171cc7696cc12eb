import { createRoute, z } from '@hono/zod-openapi';
import {
  CoachingProgramRepository,
  type NetworkStore,
  pairId,
  type StoredPair,
  type StoredRound,
} from '@sisi/data';
import {
  addMonths,
  consentComplete,
  fixedPairsSchema,
  MAX_ROTATION_ROUNDS,
  pairSchema,
  rotationInputSchema,
  rotationSchedule,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { DomainRuleError, type FieldError, ForbiddenError, ValidationError } from '../errors.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { conflictAs, depsOf, type Handler } from '../route-kit.ts';
import { todayOf } from '../services/coaching-group-access.ts';
import { managedProgram, visibleProgram } from '../services/coaching-program-access.ts';

import { coachingProgramSessionRoutes } from './coaching-program-sessions.ts';

const programParam = z.object({ networkId: z.string().max(100), programId: z.string().max(100) });

const pairOut = named(pairSchema, 'CoachingProgramPair');
const roundOut = named(
  z.object({
    programId: z.string(),
    round: z.number().int(),
    /** Absent on round 0, the fixed pairs. */
    startDate: z.string().optional(),
    endDate: z.string().optional(),
    /** Who sits out this round (an odd number of participants). */
    bye: z.string().optional(),
    byeName: z.string().optional(),
    createdAt: z.string(),
    pairs: z.array(pairOut),
  }),
  'CoachingProgramRound',
);
const scheduleOut = named(
  z.object({
    pairingMode: z.enum(['fixed', 'rotational']),
    rotationWeeks: z.number().int().optional(),
    /** Round 0 holds the fixed pairs; rotation rounds are numbered from 1. */
    rounds: z.array(roundOut),
  }),
  'CoachingProgramPairs',
);

type ProgramRepo = NetworkStore['coachingPrograms'];

/** The program's rounds with names, consent per pair and each round's bye. */
async function schedule(repo: ProgramRepo, programId: string) {
  const [rounds, participants] = await Promise.all([
    repo.listRounds(programId),
    repo.listParticipants(programId),
  ]);
  const names = new Map(participants.map((p) => [p.personId, p.name]));
  return rounds.map((round) => ({
    programId: round.programId,
    round: round.round,
    ...(round.startDate ? { startDate: round.startDate } : {}),
    ...(round.endDate ? { endDate: round.endDate } : {}),
    ...(round.bye ? { bye: round.bye, byeName: names.get(round.bye) ?? '' } : {}),
    createdAt: round.createdAt,
    pairs: CoachingProgramRepository.pairsOf([round]).map((p) => ({
      ...p,
      consentComplete: consentComplete(participants, p.memberIds),
    })),
  }));
}

const now = (c: Context<AppEnv>) => depsOf(c).clock.now().toISOString();

const getPairs = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-programs/{programId}/pairs',
  tags: ['Coaching programs'],
  summary: 'The pairs: fixed ones (round 0) and the rotation schedule',
  description:
    'For the program’s managers and participants. Each pair says whether both members signed the consent form and how many sessions it held (never what was said).',
  security: bearer,
  request: { params: programParam },
  responses: {
    200: jsonResponse(scheduleOut, 'The pairs by round'),
    ...problems(400, 401, 403, 404),
  },
});
const getPairsHandler: Handler<typeof getPairs> = async (c) => {
  const { repo, program, manages, relations } = await visibleProgram(c);
  if (!manages && !relations.includes('participant')) {
    throw new ForbiddenError('forbidden_pairs_shown');
  }
  return c.json(
    {
      pairingMode: program.pairingMode,
      ...(program.rotationWeeks ? { rotationWeeks: program.rotationWeeks } : {}),
      rounds: await schedule(repo, program.id),
    },
    200,
  );
};

const setFixedPairs = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs/{programId}/pairs',
  tags: ['Coaching programs'],
  summary: 'Form fixed pairs of participants',
  description:
    'By the program’s managers, for a program with fixed pairing (else 422). Each person must be a participant and in at most one fixed pair (400 naming `pairs.i.j`).',
  security: bearer,
  request: { params: programParam, body: jsonBody(fixedPairsSchema) },
  responses: {
    201: jsonResponse(scheduleOut, 'The pairs by round'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const setFixedPairsHandler: Handler<typeof setFixedPairs> = async (c) => {
  const { pairs } = c.req.valid('json');
  const { repo, program } = await managedProgram(c);
  if (program.pairingMode !== 'fixed') {
    throw new DomainRuleError('rule_pairing_rotation', 'pairing-mode', 'pairs');
  }
  const [participants, existing] = await Promise.all([
    repo.listParticipants(program.id),
    repo.getRound(program.id, 0),
  ]);
  const byId = new Map(participants.map((p) => [p.personId, p]));
  const paired = new Set(existing?.pairs.flatMap((p) => p.memberIds) ?? []);
  const errors = pairs.flatMap((pair, i) =>
    pair.flatMap((id, j): FieldError[] =>
      !byId.has(id)
        ? [
            {
              path: `pairs.${i}.${j}`,
              code: 'unknown_reference' as const,
              params: { kind: 'person' },
            },
          ]
        : paired.has(id)
          ? [{ path: `pairs.${i}.${j}`, code: 'already_paired' as const }]
          : [],
    ),
  );
  if (errors.length) throw new ValidationError(errors);
  const seen = existing?.pairs.length ?? 0;
  const stored: StoredPair[] = pairs.map(([a, b], i) => ({
    id: pairId(0, seen + i),
    memberIds: [a, b],
    memberNames: [byId.get(a)!.name, byId.get(b)!.name],
    sessionsHeld: 0,
  }));
  await repo
    .addFixedPairs(program.id, stored, existing ? seen : undefined, now(c))
    .catch(conflictAs('pairs'));
  return c.json(
    {
      pairingMode: program.pairingMode,
      rounds: await schedule(repo, program.id),
    },
    201,
  );
};

const addRotation = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs/{programId}/rotation',
  tags: ['Coaching programs'],
  summary: 'Schedule the next rotation rounds (no repeat pair before every pairing was used)',
  description: `By the program’s managers, for rotational pairing (else 422), with at least two participants (else 422). A round every \`rotationWeeks\` weeks; the first round starts on \`startDate\` (required the first time), later calls continue after the last round. Rounds avoid a repeat pair while they can (the circle method; with an odd number, one person sits out each round, each in turn). At most ${MAX_ROTATION_ROUNDS} rounds per call.`,
  security: bearer,
  request: { params: programParam, body: jsonBody(rotationInputSchema) },
  responses: {
    201: jsonResponse(scheduleOut, 'The pairs by round'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const addRotationHandler: Handler<typeof addRotation> = async (c) => {
  const input = c.req.valid('json');
  const { repo, program } = await managedProgram(c);
  if (program.pairingMode !== 'rotational' || !program.rotationWeeks) {
    throw new DomainRuleError('rule_pairing_fixed', 'pairing-mode');
  }
  const [participants, rounds] = await Promise.all([
    repo.listParticipants(program.id),
    repo.listRounds(program.id),
  ]);
  if (participants.length < 2) {
    throw new DomainRuleError('rule_too_few_participants', 'too-few-participants');
  }
  const last = rounds.at(-1);
  const nextDay = last?.endDate
    ? new Date(Date.parse(`${last.endDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    : undefined;
  if (!nextDay && !input.startDate) {
    throw new ValidationError([{ path: 'startDate', code: 'required' as const }]);
  }
  if (nextDay && input.startDate && input.startDate < nextDay) {
    throw new ValidationError([
      { path: 'startDate', code: 'date_order' as const, params: { min: nextDay } },
    ]);
  }
  if ((last?.round ?? 0) + input.rounds > 999) {
    throw new ValidationError([
      { path: 'rounds', code: 'too_big' as const, params: { maximum: 999 } },
    ]);
  }
  const startDate = input.startDate ?? nextDay!;
  if (startDate > addMonths(todayOf(depsOf(c)), 24)) {
    throw new ValidationError([
      { path: 'startDate', code: 'too_far_ahead' as const, params: { months: 24 } },
    ]);
  }
  const names = new Map(participants.map((p) => [p.personId, p.name]));
  const made = rotationSchedule({
    participantIds: participants.map((p) => p.personId),
    startDate,
    rotationWeeks: program.rotationWeeks,
    rounds: input.rounds,
    history: rounds
      .filter((x) => x.round > 0)
      .map((x) => ({ pairs: x.pairs.map((p) => p.memberIds), bye: x.bye })),
  });
  const at = now(c);
  const offset = last?.round ?? 0;
  const stored: StoredRound[] = made.map((m, k) => {
    const round = offset + k + 1;
    return {
      programId: program.id,
      round,
      startDate: m.startDate,
      endDate: m.endDate,
      ...(m.bye ? { bye: m.bye } : {}),
      pairs: m.pairs.map(([a, b], i) => ({
        id: pairId(round, i),
        memberIds: [a, b],
        memberNames: [names.get(a) ?? '', names.get(b) ?? ''],
        sessionsHeld: 0,
      })),
      createdAt: at,
    };
  });
  await repo.addRounds(stored).catch(conflictAs('rounds'));
  return c.json(
    {
      pairingMode: program.pairingMode,
      rotationWeeks: program.rotationWeeks,
      rounds: await schedule(repo, program.id),
    },
    201,
  );
};

/**
 * Pairs of a program (fixed, or rotation rounds from the domain's `rotationSchedule`) and
 * each pair's sessions with their confidential notes, encrypted per field and readable by
 * the pair only.
 */
export const coachingProgramPairRoutes = () =>
  router()
    .openapi(getPairs, getPairsHandler)
    .openapi(setFixedPairs, setFixedPairsHandler)
    .openapi(addRotation, addRotationHandler)
    .route('/', coachingProgramSessionRoutes());
