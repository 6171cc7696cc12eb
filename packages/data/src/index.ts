/**
 * DynamoDB access for Sisi: table definitions (shared with `infra/`) and repositories.
 *
 * @example
 * import { createDocumentClient, PlatformRepository, platformTableName } from '@sisi/data';
 * const platform = new PlatformRepository(createDocumentClient(), platformTableName('sisi'));
 */
export {
  type AssetInventoryContent,
  type CapacityAssessmentRecord,
  CapacityRepository,
} from './capacity-repository.ts';
export { createDocumentClient, decodeCursor, encodeCursor } from './client.ts';
export { ConflictError, DataError, InvalidCursorError, ItemNotFoundError } from './errors.ts';
export {
  type MentorshipFilter,
  MentorshipRepository,
  type VersionedDocument,
} from './mentorship-repository.ts';
export {
  OrganizationRepository,
  PeopleRepository,
  type PersonRecord,
} from './network-repository.ts';
export {
  type IdempotencyRecord,
  type InvitationRecord,
  PlatformRepository,
  type UserRecord,
  type UserStatus,
} from './platform-repository.ts';
export {
  MAIL_LEASE_MS,
  type ReviewMailKey,
  type ReviewMailRecord,
  ReviewRepository,
} from './review-repository.ts';
export {
  composeRawMessage,
  MailSendError,
  SesMailer,
  type SesMailerOptions,
} from './ses-mailer.ts';
export {
  createTableInput,
  networkTable,
  networkTableName,
  platformTable,
  platformTableName,
  type TableDefinition,
} from './tables.ts';
export { stripKeys, transact, type WriteOp } from './transact.ts';
export {
  type FailedWorkflow,
  type WorkflowCheckpoint,
  WorkflowCheckpointRepository,
} from './workflow-checkpoint-repository.ts';
