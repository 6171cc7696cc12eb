import { z } from 'zod';

/** The five roles of API.md. A person may hold several. */
export const roles = ['operator', 'network-admin', 'coordinator', 'member', 'donor'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/**
 * Who is acting, as proven by a verified token. Built once per request by the API's
 * auth middleware; repositories are made from it, never from the request body.
 *
 * @example
 * const ctx: TenantContext = { userId: 'u1', roles: ['network-admin'], networkId: 'n1' };
 */
export interface TenantContext {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  networkId?: string;
  organizationId?: string;
}

export const hasRole = (ctx: Pick<TenantContext, 'roles'>, ...wanted: Role[]): boolean =>
  wanted.some((r) => ctx.roles.includes(r));
