import type { Mentorship, TenantContext } from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

type NetworkTenant = TenantContext & { networkId: string };

export const involvedOrganizations = (
  m: Pick<Mentorship, 'mentorOrganizationId' | 'menteeOrganizationIds'>,
) => [m.mentorOrganizationId, ...m.menteeOrganizationIds];

/**
 * Who sees a mentorship: the network's admins; coordinators of its organizations; members
 * who take part in it. Anyone else is told it does not exist (404).
 */
export function canSee(
  tenant: TenantContext,
  m: Mentorship & { participantIds?: string[] },
): boolean {
  if (tenant.roles.includes('network-admin')) return true;
  if (tenant.roles.includes('coordinator') && tenant.organizationId) {
    if (involvedOrganizations(m).includes(tenant.organizationId)) return true;
  }
  return (m.participantIds ?? []).includes(tenant.userId);
}

/** Who runs it: the network's admins and the coordinators of its organizations. */
export function canManage(tenant: TenantContext, m: Mentorship): boolean {
  if (tenant.roles.includes('network-admin')) return true;
  return (
    tenant.roles.includes('coordinator') &&
    !!tenant.organizationId &&
    involvedOrganizations(m).includes(tenant.organizationId)
  );
}

/** The mentorship if the caller may see it; 404 otherwise, exactly as for a missing one. */
export async function loadVisibleMentorship(deps: ApiDeps, tenant: NetworkTenant, id: string) {
  const m = await deps.networkRepositories(tenant).mentorships.get(id);
  if (!m || !canSee(tenant, m)) throw new NotFoundError('mentorship');
  return m;
}

/** As `loadVisibleMentorship`, and the caller must be able to run it (else 403). */
export async function loadManagedMentorship(deps: ApiDeps, tenant: NetworkTenant, id: string) {
  const m = await loadVisibleMentorship(deps, tenant, id);
  if (!canManage(tenant, m))
    throw new ForbiddenError('only a network admin or a coordinator of the mentorship can do this');
  return m;
}
