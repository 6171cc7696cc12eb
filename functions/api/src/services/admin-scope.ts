import type { NetworkStore } from '@sisi/data';
import type { TenantContext } from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { perRequest } from '../route-kit.ts';

/** The path's network as its admins (or the operator) act on it. */
export interface AdminScope {
  tenant: TenantContext;
  networkId: string;
  store: NetworkStore;
}

/**
 * The network of the path, for the operator (any network that exists) or one of its own
 * admins; the network's other people → 403; anyone of another network, or a network that
 * does not exist → 404. Not `network(c)`: the operator belongs to no network.
 *
 * @example
 * const { store, networkId } = await adminScope(c);
 */
export const adminScope = perRequest(async (c: Context<AppEnv>): Promise<AdminScope> => {
  const tenant = c.get('tenant');
  const networkId = c.req.param('networkId') ?? '';
  if (!tenant.roles.includes('operator')) {
    if (tenant.networkId !== networkId) throw new NotFoundError('network');
    if (!tenant.roles.includes('network-admin')) {
      throw new ForbiddenError('forbidden_operator_or_admins');
    }
  } else if (!(await c.var.deps.platform.getNetwork(networkId))) {
    throw new NotFoundError('network');
  }
  return { tenant, networkId, store: c.var.deps.store({ networkId }) };
});
