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
export { escapeHtml } from './mail/html.ts';
export { mailLanguage, mailT } from './mail/i18n.ts';
export { type CalendarEvent, calendarFile } from './mail/ics.ts';
export { type InvitationMailInput, invitationMail } from './mail/invitation.ts';
export { mailLanguages } from './mail/messages.ts';
export {
  type ReviewMailInput,
  type ReviewMailKind,
  type ReviewRef,
  reviewEventUid,
  reviewLink,
  reviewMail,
  reviewMailKinds,
} from './mail/reviews.ts';
export * from './mentorship/index.ts';
export {
  type Interaction,
  interactionSchema,
  MAX_QUARTERLY_PERIOD,
  objectiveProgressSchema,
  type QuarterlyReport,
  type QuarterlyReportAnswers,
  type QuarterlyReportInput,
  quarterlyReportPeriodSchema,
  quarterlyReportRecord,
  quarterlyReportRecordSchema,
  quarterlyReportSchema,
} from './monitoring/quarterly-report.ts';
export {
  type FormOption,
  type QuarterlyReportQuestion,
  type QuarterlyReportTechnicalArea,
  quarterlyReportForm,
  quarterlyReportTechnicalAreas,
  totalHours,
} from './monitoring/quarterly-report-form.ts';
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
export type { Clock, MailAttachment, Mailer, MailMessage } from './ports.ts';
export { hasRole, type Role, roleSchema, roles, type TenantContext } from './roles.ts';
