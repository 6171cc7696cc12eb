import {
  type FieldScope,
  type NetworkStore,
  type ProgramRelation,
  parsePairId,
  type StoredPair,
} from '@sisi/data';
import type { CoachingProgram, TenantContext } from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { type NetworkScope, network, perRequest } from '../route-kit.ts';

/** Who runs a program: the network's admins and the coordinator of its organization. */
export function managesProgram(tenant: TenantContext, p: Pick<CoachingProgram, 'organizationId'>) {
  if (tenant.roles.includes('network-admin')) return true;
  return tenant.roles.includes('coordinator') && tenant.organizationId === p.organizationId;
}

export interface ProgramAccess {
  program: CoachingProgram;
  manages: boolean;
  /** How the caller is tied to it (nominee, referee, participant). */
  relations: ProgramRelation[];
}

/** A program the caller may see, found once per request, with the network's programs. */
export interface ProgramScope extends NetworkScope, ProgramAccess {
  repo: NetworkStore['coachingPrograms'];
}

/**
 * The path's program if the caller may see it: its managers, the people of its organization
 * (a program is announced to them, and they nominate peers), and anyone tied to it. Anyone
 * else is told it does not exist (404), exactly as for a missing one.
 */
export const visibleProgram = perRequest(async (c): Promise<ProgramScope> => {
  const scope = network(c);
  const { tenant } = scope;
  const repo = scope.store.coachingPrograms;
  const id = c.req.param('programId') ?? '';
  const program = await repo.get(id);
  if (!program) throw new NotFoundError('coaching program');
  const manages = managesProgram(tenant, program);
  const relations = await repo.relationsOf(id, tenant.userId);
  if (!manages && tenant.organizationId !== program.organizationId && relations.length === 0) {
    throw new NotFoundError('coaching program');
  }
  return { ...scope, repo, program, manages, relations };
});

/** As `visibleProgram`, and the caller must run it (else 403). */
export async function managedProgram(c: Context<AppEnv>): Promise<ProgramScope> {
  const access = await visibleProgram(c);
  if (!access.manages) {
    throw new ForbiddenError('forbidden_program_managers');
  }
  return access;
}

/** A pair of a program, found for one of its two members. */
export interface PairScope extends NetworkScope {
  repo: NetworkStore['coachingPrograms'];
  program: CoachingProgram;
  pair: StoredPair;
  round: number;
}

/**
 * The path's pair of the program if the caller is one of its two members: its sessions and
 * notes belong to them. Anyone else — the other participants, the coordinator, an admin — is
 * told it does not exist (404), as for a missing one.
 */
export const ownPair = perRequest(async (c): Promise<PairScope> => {
  const scope = network(c);
  const programId = c.req.param('programId') ?? '';
  const pairId = c.req.param('pairId') ?? '';
  const at = parsePairId(pairId);
  const repo = scope.store.coachingPrograms;
  const [program, round] = at
    ? await Promise.all([repo.get(programId), repo.getRound(programId, at.round)])
    : [undefined, undefined];
  const pair = round?.pairs[at!.index];
  if (!program || !pair || pair.id !== pairId || !pair.memberIds.includes(scope.tenant.userId)) {
    throw new NotFoundError('pair');
  }
  return { ...scope, repo, program, pair, round: at!.round };
});

/**
 * The one place the encryption scope of a session note is built: bound to its network, to
 * coaching, and to this note of this session of this pair of this program, so a note copied
 * anywhere else does not decrypt.
 */
export const sessionNoteScope = (
  networkId: string,
  ids: { programId: string; pairId: string; sessionId: string; noteId: string },
): FieldScope => ({
  network: networkId,
  purpose: 'coaching',
  subject: `coaching-program-note#${ids.programId}#${ids.pairId}#${ids.sessionId}#${ids.noteId}`,
});
