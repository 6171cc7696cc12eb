import type { Organization, TenantContext } from '@sisi/domain';
import { NotFoundError } from '../errors.ts';
import { network, perRequest } from '../route-kit.ts';

export const isNetworkAdmin = (t: TenantContext): boolean => t.roles.includes('network-admin');

/** Admins see every organization of their network; anyone else only their own. */
export const canReadOrganization = (t: TenantContext, organizationId: string): boolean =>
  isNetworkAdmin(t) || t.organizationId === organizationId;

/**
 * Who acts for an organization (invites its people, records its capacity and assets): a
 * network admin, or the organization's own coordinator.
 */
export const canActForOrganization = (t: TenantContext, organizationId: string): boolean =>
  isNetworkAdmin(t) || (t.roles.includes('coordinator') && t.organizationId === organizationId);

/**
 * The path's organization (`{organizationId}`) if the caller may read it, else 404 (as for a
 * missing one); read and checked once per request, memoized on the context.
 *
 * @example
 * const org = await readableOrganization(c);
 */
export const readableOrganization = perRequest(async (c): Promise<Organization> => {
  const { tenant, store } = network(c);
  const organizationId = c.req.param('organizationId') ?? '';
  if (!canReadOrganization(tenant, organizationId)) throw new NotFoundError('organization');
  const org = await store.organizations.get(organizationId);
  if (!org) throw new NotFoundError('organization');
  return org;
});
