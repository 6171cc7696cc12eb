/**
 * The pure model of Sisi: types, zod schemas and rules. No I/O here.
 *
 * @example
 * import { createOrganizationSchema } from '@sisi/domain';
 * const input = createOrganizationSchema.parse(body);
 */
export {
  emailSchema,
  idSchema,
  isoDateSchema,
  type Page,
  type PageQuery,
  pageQuerySchema,
  personNameSchema,
  versionSchema,
} from './common.ts';
export {
  acceptInvitationSchema,
  INVITATION_TTL_DAYS,
  loginSchema,
  passwordSchema,
  type Session,
  sessionSchema,
  type User,
  userSchema,
} from './identity.ts';
export * from './mentorship/index.ts';
export {
  type CreateNetwork,
  createNetworkSchema,
  type Network,
  type NetworkStatus,
  networkSchema,
  networkStatuses,
} from './network.ts';
export {
  type CreateOrganization,
  type CreateOrganizationInput,
  createOrganizationSchema,
  type InviteMember,
  inviteMemberSchema,
  type KeyPopulation,
  keyPopulationSchema,
  keyPopulations,
  type Member,
  memberSchema,
  memberStatuses,
  type Organization,
  organizationProfileSchema,
  organizationSchema,
  type TechnicalArea,
  technicalAreaSchema,
  technicalAreas,
  type UpdateOrganization,
  updateOrganizationSchema,
} from './organization.ts';
export { hasRole, type Role, roleSchema, roles, type TenantContext } from './roles.ts';
