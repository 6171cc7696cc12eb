import {
  canManageMentorship,
  canSeeMentorship,
  type Mentorship,
  type TenantContext,
} from '@sisi/domain';
import type { ApiDeps } from '../deps.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';

type NetworkTenant = TenantContext & { networkId: string };

export { involvedOrganizations } from '@sisi/domain';

const actorOf = (tenant: TenantContext) => ({ ...tenant, id: tenant.userId });

/**
 * Who sees a mentorship (`canSeeMentorship` in `@sisi/domain`, the SPA's rule too). Anyone
 * else is told it does not exist (404).
 */
export const canSee = (tenant: TenantContext, m: Mentorship & { participantIds?: string[] }) =>
  canSeeMentorship(actorOf(tenant), m);

/** Who runs it (`canManageMentorship` in `@sisi/domain`). */
export const canManage = (tenant: TenantContext, m: Mentorship) =>
  canManageMentorship(actorOf(tenant), m);

/** The mentorship if the caller may see it; 404 otherwise, exactly as for a missing one. */
export async function loadVisibleMentorship(deps: ApiDeps, tenant: NetworkTenant, id: string) {
  const m = await deps.store(tenant).mentorships.get(id);
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
