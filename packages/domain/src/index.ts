// first: before any schema is made (see the module)
import './zod-in-browsers.ts';

/**
 * The pure model of Sisi: types, zod schemas and rules. No I/O here.
 *
 * @example
 * import { createOrganizationSchema } from '@sisi/domain';
 * const input = createOrganizationSchema.parse(body);
 */
// The zod-free part (lists, texts, pure rules) is the SPA's entry; everything in it is here too.

export {
  AUDIT_RETENTION_DAYS,
  type AuditEntry,
  type AuditKind,
  type AuditQuery,
  auditEntrySchema,
  auditKindSchema,
  auditKinds,
  auditQuerySchema,
} from './audit.ts';
export { isBlobKey, photoBlobKey } from './blob-key.ts';
export {
  type CoachingGroup,
  type CoachingGroupSummary,
  type CreateCoachingGroup,
  type CreateGroupCommitments,
  type CreateGroupIssue,
  type CreateGroupSession,
  coachingGroupSchema,
  coachingGroupSummarySchema,
  createCoachingGroupSchema,
  createGroupCommitmentsSchema,
  createGroupIssueSchema,
  createGroupSessionSchema,
  type GroupAccess,
  type GroupCommitment,
  type GroupCommitmentReceipt,
  type GroupIssue,
  type GroupIssueReceipt,
  type GroupLearningLog,
  type GroupLearningLogInput,
  type GroupReportBackInput,
  type GroupReview,
  type GroupReviewInput,
  type GroupSessionRunner,
  type GroupSessionSummary,
  type GroupSpiritInput,
  groupAccessSchema,
  groupCommitmentReceiptSchema,
  groupCommitmentSchema,
  groupIssueReceiptSchema,
  groupIssueSchema,
  groupIssueStepSchema,
  groupLearningLogInputSchema,
  groupLearningLogSchema,
  groupPersonSchema,
  groupReportBackInputSchema,
  groupReportBackSchema,
  groupReviewInputSchema,
  groupReviewSchema,
  groupSessionFacilitatorSchema,
  groupSessionRunnerSchema,
  groupSessionSummarySchema,
  groupSizeAdviceSchema,
  groupSpiritAgreementInputSchema,
  groupSpiritInputSchema,
  groupStatusSchema,
  type KeyQuestionsWorksheet,
  type KeyQuestionsWorksheetInput,
  keyQuestionIdSchema,
  keyQuestionsWorksheetInputSchema,
  keyQuestionsWorksheetSchema,
  MAX_GROUP_MEMBERS,
  type UpdateGroupIssue,
  type UpdateGroupSession,
  updateGroupIssueSchema,
  updateGroupSessionSchema,
} from './coaching/group-schemas.ts';
export * from './coaching/program-index.ts';
export {
  type BestPractice,
  bestPracticeListQuerySchema,
  bestPracticeSchema,
  type Coach,
  type CoachingPlanContent,
  type CoachingPlanInput,
  type CoachingSession,
  type CoachingSessionInput,
  type CoachingStatus,
  type CoachingView,
  type CreateBestPracticeInput,
  type CreateCoachInput,
  type CreateCoachingInput,
  closeCoachingSchema,
  coachAreaSchema,
  coachingPlanContentSchema,
  coachingSchema,
  coachingSessionInputSchema,
  coachingSessionSchema,
  coachingStatusSchema,
  coachSchema,
  coachSuggestionsInputSchema,
  coachWillingnessSchema,
  createBestPracticeSchema,
  createCoachingSchema,
  createCoachSchema,
  laoStepSchema,
  type NeedsAssessment,
  type NeedsAssessmentInput,
  neededAreaSchema,
  needPrioritySchema,
  needsAssessmentSchema,
  planSkillSchema,
  publicationSchema,
  sessionModeSchema,
  thematicAreaSchema,
  type UpdateCoachInput,
  updateCoachSchema,
} from './coaching/sisi-kwa-sisi-schemas.ts';
export {
  emailSchema,
  idSchema,
  isoDateSchema,
  type Page,
  type PageQuery,
  pageQuerySchema,
  personNameSchema,
  unsafeTextFields,
  unsafeTextReason,
  versionSchema,
} from './common.ts';
export { type CsvColumn, type CsvValue, csvCell, csvHeader, csvList, toCsv } from './csv.ts';
export * from './donor/index.ts';
export { readEnv } from './env.ts';
export { errorCatalogs } from './errors/catalogs.ts';
export {
  type DetailKey,
  type DetailWording,
  detailCatalogs,
  detailText,
  isDetailKey,
} from './errors/details.ts';
export {
  type ExportLanguage,
  exportsCatalogs,
  exportsT,
} from './i18n/exports-catalogs.ts';
export { formerRoleLabel, recordsCatalogs } from './i18n/records.ts';
export { type ToolkitLanguage, toolkitIn } from './i18n/toolkit-catalogs.ts';
export { toolkitCoachingGroups } from './i18n/toolkit-coaching-groups.ts';
export { toolkitCoachingPrograms } from './i18n/toolkit-coaching-programs.ts';
export { toolkitMentorship } from './i18n/toolkit-mentorship.ts';
export { toolkitMonitoring } from './i18n/toolkit-monitoring.ts';
export { toolkitSisiKwaSisi } from './i18n/toolkit-sisi-kwa-sisi.ts';
export {
  acceptInvitationSchema,
  INVITATION_TTL_DAYS,
  loginSchema,
  type Me,
  meSchema,
  PASSWORD_RESET_TTL_MINUTES,
  passwordResetRequestSchema,
  passwordResetSchema,
  passwordSchema,
  type Session,
  sessionSchema,
  type User,
  userSchema,
} from './identity.ts';
export { languageSchema, type UpdateMe, updateMeSchema } from './language-schema.ts';
export { DEFAULT_LANGUAGE, isLanguage, type Language, languages } from './languages.ts';
export { type Catalog, mailCatalogs } from './mail/catalogs.ts';
export { escapeHtml } from './mail/html.ts';
export { mailLanguage, mailT } from './mail/i18n.ts';
export { type CalendarEvent, calendarFile } from './mail/ics.ts';
export { type InvitationMailInput, invitationMail } from './mail/invitation.ts';
export { type NoticeKind, type NoticeMailInput, noticeKinds, noticeMail } from './mail/notices.ts';
export { type PasswordResetMailInput, passwordResetMail } from './mail/password-reset.ts';
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
  type EvaluationContent,
  type EvaluationInput,
  type EvaluationRecord,
  evaluationRecordSchema,
  evaluationRoleSchema,
  evaluationSchema,
  evaluationStatus,
  evaluationStatusSchema,
} from './monitoring/evaluation.ts';
export {
  ImageFormatError,
  type ImageType,
  imageTypes,
  type StrippedImage,
  sniffImageType,
  stripImageMetadata,
} from './monitoring/image-metadata.ts';
export {
  detectSymptoms,
  LATE_REVIEW_STATES,
  type MentorshipFacts,
  NO_EVENT_DAYS,
  practicalTipsFor,
  type Symptom,
} from './monitoring/practical-tips.ts';
export {
  buildTimeline,
  MAX_PHOTO_BYTES,
  type MilestoneReached,
  type MilestoneReachedInput,
  type MilestoneState,
  milestoneReachedRecordSchema,
  milestoneReachedSchema,
  milestoneStateSchema,
  milestoneStates,
  type PhotoAttachment,
  type PhotoRecord,
  type PhotoRef,
  type PhotoUpload,
  photoAttachments,
  photoContentTypes,
  photoRecordSchema,
  photoUploadSchema,
  type TimelineEntry,
  type TimelineSources,
  timelineEntrySchema,
} from './monitoring/progress.ts';
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
export type {
  FormOption,
  QuarterlyReportTechnicalArea,
} from './monitoring/quarterly-report-form.ts';
export {
  anonymityNotices,
  type ReflectionAnswerRecord,
  type ReflectionAnswers,
  type ReflectionAnswersInput,
  type ReflectionResults,
  reflectionAnswerRecord,
  reflectionAnswerRecordSchema,
  reflectionAnswersSchema,
  reflectionResultsSchema,
  reflectionSideSchema,
} from './monitoring/reflection.ts';
export {
  datedId,
  type FollowUpAction,
  type FollowUpActionInput,
  type FollowUpStatusChange,
  followUpActionInputSchema,
  followUpActionSchema,
  followUpStatusChangeSchema,
  MAX_FOLLOW_UP_ACTIONS,
  MAX_MILESTONES_REACHED,
  type SummaryReport,
  type SummaryReportAnswers,
  type SummaryReportInput,
  summaryIssueSchema,
  summaryReportRecord,
  summaryReportRecordSchema,
  summaryReportSchema,
} from './monitoring/summary-report.ts';
export { summaryReportReporterIds } from './monitoring/summary-report-form.ts';
export {
  type CreateNetwork,
  createNetworkSchema,
  type Network,
  type NetworkCounts,
  type NetworkDetail,
  type NetworkStatus,
  networkCountsSchema,
  networkDetailSchema,
  networkSchema,
  networkStatuses,
} from './network.ts';
export {
  type InviteNetworkAdmin,
  inviteNetworkAdminSchema,
  type NetworkAdmin,
  type NetworkAdminStatus,
  networkAdminSchema,
  networkAdminStatuses,
  type UpdateNetworkAdmin,
  updateNetworkAdminSchema,
} from './network-admin.ts';
export {
  type ChangeMember,
  type CreateOrganization,
  type CreateOrganizationInput,
  changeMemberSchema,
  createOrganizationSchema,
  type ErasureResult,
  emptyActionSchema,
  erasureResultSchema,
  type InviteMember,
  inviteMemberSchema,
  isActiveOrganization,
  type KeyPopulation,
  keyPopulationSchema,
  keyPopulations,
  type Member,
  memberSchema,
  memberStatuses,
  type Organization,
  type OrganizationStatus,
  organizationProfileSchema,
  organizationRoles,
  organizationSchema,
  organizationStatuses,
  type TechnicalArea,
  technicalAreaSchema,
  technicalAreas,
  type UpdateOrganization,
  updateOrganizationSchema,
} from './organization.ts';
export type {
  Blob,
  BlobStore,
  Clock,
  KeyContext,
  KeyProvider,
  MailAttachment,
  Mailer,
  MailMessage,
} from './ports.ts';
export { hasRole, type Role, roleSchema, roles, type TenantContext } from './roles.ts';
export * from './static.ts';
export { type TaskKind, taskKinds } from './tasks.ts';
