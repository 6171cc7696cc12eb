import type { CoachingRecord, FieldScope, NetworkStore } from '@sisi/data';
import { averageQuality, type CoachingStatus, planStatus, type TenantContext } from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { type NetworkScope, network, perRequest } from '../route-kit.ts';

/** The reader's part in a coaching, if they take part in it. */
export function pairRole(tenant: TenantContext, c: CoachingRecord): 'coach' | 'peer' | undefined {
  if (c.coach.id === tenant.userId) return 'coach';
  if (c.peer.id === tenant.userId) return 'peer';
  return undefined;
}

/**
 * Who manages a coaching: the network's admins, and the coordinators of the coach's or the
 * peer's organization ("one person … to manage the coaching sessions at the city level").
 * They see where it stands, never its content.
 */
export function managesCoaching(tenant: TenantContext, c: CoachingRecord): boolean {
  if (tenant.roles.includes('network-admin')) return true;
  return (
    tenant.roles.includes('coordinator') &&
    !!tenant.organizationId &&
    [c.coach.organizationId, c.peer.organizationId].includes(tenant.organizationId)
  );
}

/** A coaching the caller may see, found once per request, with the network's coaching. */
export interface CoachingScope extends NetworkScope {
  repo: NetworkStore['coaching'];
  record: CoachingRecord;
}

/** The path's coaching as stored, if any: read once per request. */
const pathCoaching = perRequest(async (c) => {
  const scope = network(c);
  const repo = scope.store.coaching;
  const record = await repo.getCoaching(c.req.param('coachingId') ?? '');
  return { ...scope, repo, record };
});

/** The path's coaching if the caller takes part in it or manages it; 404 otherwise. */
export async function visibleCoaching(c: Context<AppEnv>): Promise<CoachingScope> {
  const { record, ...scope } = await pathCoaching(c);
  if (!record || (!pairRole(scope.tenant, record) && !managesCoaching(scope.tenant, record))) {
    throw new NotFoundError('coaching');
  }
  return { ...scope, record };
}

/**
 * The path's coaching if the caller is its coach or its peer: its content (plan, sessions
 * and their notes) belongs to them. Anyone else — another member, a coordinator, an admin —
 * is told it does not exist (404), exactly as for a missing one.
 */
export async function pairCoaching(c: Context<AppEnv>): Promise<CoachingScope> {
  const { record, ...scope } = await pathCoaching(c);
  if (!record || !pairRole(scope.tenant, record)) throw new NotFoundError('coaching');
  return { ...scope, record };
}

/** A person of the network named in a body; 400 naming `path` otherwise. */
export async function personIn(store: NetworkStore, id: string, path: string) {
  const p = await store.people.get(id);
  if (!p)
    throw new ValidationError([{ path, code: 'unknown_reference', params: { kind: 'person' } }]);
  return p;
}

/** The network's admins, and the coordinator of `organizationId`. */
export const runsOrganization = (t: TenantContext, organizationId: string) =>
  t.roles.includes('network-admin') ||
  (t.roles.includes('coordinator') && t.organizationId === organizationId);

/** Admins link any peer; a coordinator the peers of their own organization. */
export function mayLink(tenant: TenantContext, peerOrganizationId: string) {
  if (!runsOrganization(tenant, peerOrganizationId)) {
    throw new ForbiddenError('forbidden_link_peer_to_coach');
  }
}

/**
 * The one place the encryption scope of a session's notes is built: the ciphertext is bound
 * to its network, to coaching, and to this session of this coaching, so notes copied onto
 * another session (or another coaching) do not decrypt.
 */
export const sessionNotesScope = (
  networkId: string,
  coachingId: string,
  sessionId: string,
): FieldScope => ({
  network: networkId,
  purpose: 'coaching',
  subject: `coaching-session#${coachingId}#${sessionId}#notes`,
});

/**
 * Where a coaching stands on `today`: the figures coordinators see (sessions held, last
 * session, average quality, the plan on track or behind, its open steps), no content.
 */
export function coachingStatus(
  c: CoachingRecord,
  today: string,
  tenant: TenantContext,
): CoachingStatus {
  const role = pairRole(tenant, c);
  const average = averageQuality(c.qualitySum, c.sessionsHeld);
  return {
    id: c.id,
    coach: c.coach,
    peer: c.peer,
    status: c.status,
    createdAt: c.createdAt,
    ...(c.closedAt ? { closedAt: c.closedAt } : {}),
    sessionsHeld: c.sessionsHeld,
    ...(c.lastSessionDate ? { lastSessionDate: c.lastSessionDate } : {}),
    ...(c.nextMeetingDate ? { nextMeetingDate: c.nextMeetingDate } : {}),
    ...(average !== undefined ? { averageQuality: average } : {}),
    plan: {
      ...planStatus(c.planSteps, today),
      ...(c.planPeriodEnd ? { periodEnd: c.planPeriodEnd } : {}),
    },
    ...(role ? { myRole: role } : {}),
  };
}
