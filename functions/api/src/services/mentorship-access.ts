import type { MentorshipRepository } from '@sisi/data';
import {
  canEndMentorship,
  canManageMentorship,
  canSeeMentorship,
  type Mentorship,
  type TenantContext,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { NetworkTenant } from '../middleware/auth.ts';
import { network, perRequest } from '../route-kit.ts';

export { involvedOrganizations } from '@sisi/domain';

/** The caller as the access rules of `@sisi/domain` take them. */
export const actorOf = (tenant: TenantContext) => ({ ...tenant, id: tenant.userId });

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
export async function loadVisibleMentorship(
  mentorships: MentorshipRepository,
  tenant: NetworkTenant,
  id: string,
): Promise<Mentorship> {
  const m = await mentorships.get(id);
  if (!m || !canSee(tenant, m)) throw new NotFoundError('mentorship');
  return m;
}

/**
 * The path's mentorship (`{mentorshipId}`) if the caller may see it, else 404 (as for a
 * missing one); read and checked once per request, memoized on the context. Handlers call it
 * where they did their own check, so a body's 400 still comes before the mentorship's 404.
 *
 * @example
 * const m = await visibleMentorship(c);
 */
export const visibleMentorship = perRequest((c): Promise<Mentorship> => {
  const { tenant, store } = network(c);
  return loadVisibleMentorship(store.mentorships, tenant, c.req.param('mentorshipId') ?? '');
});

/** As `visibleMentorship`, and the caller must be able to run it (else 403). */
export async function managedMentorship(c: Context<AppEnv>): Promise<Mentorship> {
  const m = await visibleMentorship(c);
  if (!canManage(network(c).tenant, m)) throw new ForbiddenError('forbidden_mentorship_managers');
  return m;
}

/** As `managedMentorship`, and the caller must be able to end it (ADR 0026), else 403. */
export async function endableMentorship(c: Context<AppEnv>): Promise<Mentorship> {
  const m = await managedMentorship(c);
  if (!canEndMentorship(actorOf(network(c).tenant), m)) {
    throw new ForbiddenError('forbidden_end_mentorship');
  }
  return m;
}
