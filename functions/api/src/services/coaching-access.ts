import type { CoachingRecord, FieldScope } from '@sisi/data';
import { averageQuality, type CoachingStatus, planStatus, type TenantContext } from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';

type NetworkTenant = TenantContext & { networkId: string };

/** The network's Sisi Kwa Sisi coaching, from its store. */
export const coachingRepository = (deps: ApiDeps, tenant: { networkId: string }) =>
  deps.store(tenant).coaching;

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

/** The coaching if the caller takes part in it or manages it; 404 otherwise. */
export async function loadVisibleCoaching(deps: ApiDeps, tenant: NetworkTenant, id: string) {
  const c = await coachingRepository(deps, tenant).getCoaching(id);
  if (!c || (!pairRole(tenant, c) && !managesCoaching(tenant, c))) {
    throw new NotFoundError('coaching');
  }
  return c;
}

/**
 * The coaching if the caller is its coach or its peer: its content (plan, sessions and
 * their notes) belongs to them. Anyone else — another member, a coordinator, an admin —
 * is told it does not exist (404), exactly as for a missing one.
 */
export async function loadPairCoaching(deps: ApiDeps, tenant: NetworkTenant, id: string) {
  const c = await coachingRepository(deps, tenant).getCoaching(id);
  if (!c || !pairRole(tenant, c)) throw new NotFoundError('coaching');
  return c;
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
