import { type FieldScope, type ProgramRelation, parsePairId, type StoredPair } from '@sisi/data';
import type { CoachingProgram, TenantContext } from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

export type NetworkTenant = TenantContext & { networkId: string };

/** The network's coaching programs, from its store. */
export const programRepository = (deps: ApiDeps, tenant: { networkId: string }) =>
  deps.store(tenant).coachingPrograms;

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

/**
 * The program if the caller may see it: its managers, the people of its organization (a
 * program is announced to them, and they nominate peers), and anyone tied to it. Anyone else
 * is told it does not exist (404), exactly as for a missing one.
 */
export async function loadVisibleProgram(
  deps: ApiDeps,
  tenant: NetworkTenant,
  id: string,
): Promise<ProgramAccess> {
  const repo = programRepository(deps, tenant);
  const program = await repo.get(id);
  if (!program) throw new NotFoundError('coaching program');
  const manages = managesProgram(tenant, program);
  const relations = await repo.relationsOf(id, tenant.userId);
  if (!manages && tenant.organizationId !== program.organizationId && relations.length === 0) {
    throw new NotFoundError('coaching program');
  }
  return { program, manages, relations };
}

/** As `loadVisibleProgram`, and the caller must run it (else 403). */
export async function loadManagedProgram(deps: ApiDeps, tenant: NetworkTenant, id: string) {
  const access = await loadVisibleProgram(deps, tenant, id);
  if (!access.manages) {
    throw new ForbiddenError(
      'only a network admin or the coordinator of the program’s organization can do this',
    );
  }
  return access;
}

/**
 * A pair of the program if the caller is one of its two members: its sessions and notes
 * belong to them. Anyone else — the other participants, the coordinator, an admin — is told
 * it does not exist (404), as for a missing one.
 */
export async function loadOwnPair(
  deps: ApiDeps,
  tenant: NetworkTenant,
  programId: string,
  pairId: string,
): Promise<{ program: CoachingProgram; pair: StoredPair; round: number }> {
  const at = parsePairId(pairId);
  const repo = programRepository(deps, tenant);
  const [program, round] = at
    ? await Promise.all([repo.get(programId), repo.getRound(programId, at.round)])
    : [undefined, undefined];
  const pair = round?.pairs[at!.index];
  if (!program || !pair || pair.id !== pairId || !pair.memberIds.includes(tenant.userId)) {
    throw new NotFoundError('pair');
  }
  return { program, pair, round: at!.round };
}

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
