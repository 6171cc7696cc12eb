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
export {
  type CoachingGroupFilter,
  CoachingGroupRepository,
  type StoredCoachingGroup,
  type StoredGroupCommitment,
  type StoredGroupIssue,
  type StoredGroupSession,
  type StoredLearningLog,
  type StoredWorksheet,
} from './coaching-group-repository.ts';
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
} from './coaching-program-repository.ts';
export {
  type BestPracticeRecord,
  type CoachingFilter,
  type CoachingPersonRef,
  type CoachingRecord,
  CoachingRepository,
  type CoachingSessionRecord,
  type CoachRecord,
} from './coaching-repository.ts';
export { DonorRepository } from './donor-repository.ts';
export { ConflictError, DataError, InvalidCursorError, ItemNotFoundError } from './errors.ts';
export { EvaluationRepository } from './evaluation-repository.ts';
export {
  DecryptionError,
  type EncryptedField,
  FieldCipher,
  type FieldCipherOptions,
  type FieldScope,
} from './field-cipher.ts';
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
export { ProgressRepository } from './progress-repository.ts';
export { ReflectionRepository } from './reflection-repository.ts';
export {
  MAIL_LEASE_MS,
  type ReviewMailKey,
  type ReviewMailRecord,
  ReviewRepository,
} from './review-repository.ts';
export {
  MAX_QUARTERS_PER_WRITE,
  type NetworkAggregates,
  padSequence,
  RollupRepository,
  type ShardCheckpoint,
  type SourceKey,
  type StoredContribution,
} from './rollup-repository.ts';
export {
  type DynamoDbStreamRecord,
  type NetworkTableWrite,
  toRollupRecord,
} from './stream-records.ts';
export { SummaryReportRepository } from './summary-report-repository.ts';
export {
  createTableInput,
  networkIdOfTable,
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
