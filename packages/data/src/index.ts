/**
 * DynamoDB access for Sisi: table definitions (shared with `infra/`), the storage kernel
 * (`Table`), the repositories over it, and a network's store (`createNetworkStore`).
 *
 * @example
 * import { createDocumentClient, createNetworkStore, networkTableName } from '@sisi/data';
 * const store = createNetworkStore(createDocumentClient(), networkTableName('sisi', networkId));
 * const org = await store.organizations.get(organizationId);
 */

export { createDocumentClient, decodeCursor, encodeCursor } from './client.ts';
export {
  needlePattern,
  type SweepOptions,
  type SweepResult,
  sortableName,
  sweepTable,
} from './eraser.ts';
export { ConflictError, DataError, InvalidCursorError, ItemNotFoundError } from './errors.ts';
export {
  DecryptionError,
  type EncryptedField,
  FieldCipher,
  type FieldCipherOptions,
  type FieldScope,
} from './field-cipher.ts';
export {
  type Delivery,
  MAIL_QUEUE_LEASE_MS,
  MailQueue,
  type MailQueueOptions,
  type QueuedMail,
} from './mail-queue.ts';
export { createNetworkStore, type NetworkStore } from './network-store.ts';
export { AuditRepository, type AuditWrite } from './repositories/audit-repository.ts';
export {
  type AssetInventoryContent,
  type CapacityAssessmentRecord,
  CapacityRepository,
} from './repositories/capacity-repository.ts';
export {
  type CoachingGroupFilter,
  CoachingGroupRepository,
  type StoredCoachingGroup,
  type StoredGroupCommitment,
  type StoredGroupIssue,
  type StoredGroupSession,
  type StoredLearningLog,
  type StoredWorksheet,
} from './repositories/coaching-group-repository.ts';
export {
  CoachingProgramRepository,
  type ProgramFigureItems,
  type ProgramRelation,
  pairId,
  parsePairId,
  type StoredPair,
  type StoredPairSession,
  type StoredRound,
  type StoredSessionNote,
} from './repositories/coaching-program-repository.ts';
export {
  type BestPracticeRecord,
  type CoachingFilter,
  type CoachingPersonRef,
  type CoachingRecord,
  CoachingRepository,
  type CoachingSessionRecord,
  type CoachRecord,
} from './repositories/coaching-repository.ts';
export { DonorRepository } from './repositories/donor-repository.ts';
export { ErasureRepository } from './repositories/erasure-repository.ts';
export { EvaluationRepository } from './repositories/evaluation-repository.ts';
export {
  type AccountFailures,
  type AddressWindow,
  LoginAttemptRepository,
} from './repositories/login-attempt-repository.ts';
export {
  type MentorshipFilter,
  MentorshipRepository,
  type VersionedDocument,
} from './repositories/mentorship-repository.ts';
export {
  OrganizationRepository,
  PeopleRepository,
  type PersonRecord,
} from './repositories/network-repository.ts';
export {
  IDEMPOTENCY_TTL_DAYS,
  type IdempotencyRecord,
  type InvitationRecord,
  type PasswordResetRecord,
  PlatformRepository,
  type RefreshFamilyRecord,
  type UserRecord,
  type UserStatus,
} from './repositories/platform-repository.ts';
export { ProgressRepository } from './repositories/progress-repository.ts';
export { ReflectionRepository } from './repositories/reflection-repository.ts';
export {
  MAIL_LEASE_MS,
  type ReviewMailKey,
  type ReviewMailRecord,
  ReviewRepository,
} from './repositories/review-repository.ts';
export {
  MAX_QUARTERS_PER_WRITE,
  type NetworkAggregates,
  padSequence,
  RollupRepository,
  type ShardCheckpoint,
  type SourceKey,
  type StoredContribution,
} from './repositories/rollup-repository.ts';
export { SummaryReportRepository } from './repositories/summary-report-repository.ts';
export {
  type FailedWorkflow,
  type WorkflowCheckpoint,
  WorkflowCheckpointRepository,
} from './repositories/workflow-checkpoint-repository.ts';
export {
  type DynamoDbStreamRecord,
  type NetworkTableWrite,
  toRollupRecord,
} from './stream-records.ts';
export {
  type Conflict,
  changedMeanwhile,
  isConditionFailure,
  type Query,
  stripKeys,
  Table,
  type WriteOp,
} from './table.ts';
export {
  createTableInput,
  networkIdOfTable,
  networkTable,
  networkTableName,
  platformTable,
  platformTableName,
  type TableDefinition,
} from './tables.ts';
