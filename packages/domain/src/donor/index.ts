/**
 * The donor view's pure parts: quarters, the catalog of what is counted, each kind of
 * item's contribution to the rollups, and the suppression that keeps people unseen.
 */
export {
  type ComplianceStatus,
  complianceStatuses,
  counterName,
  type DonorGroup,
  type DonorTable,
  donorGroups,
  eventKinds,
  type Measure,
  registerDonorGroups,
} from './catalog.ts';
export {
  type Contribution,
  type Counters,
  combine,
  contributionBuilder,
  contributionDelta,
  emptyContribution,
  normalize,
  sameContribution,
  sumContributions,
} from './contribution.ts';
export {
  contributionModules,
  contributionOf,
  feedsRollups,
  mentorshipsNeeded,
} from './modules/index.ts';
export {
  type ContributionModule,
  mentorshipIdOf,
  type RollupFacts,
  type RollupMentorship,
  type SourceItem,
} from './modules/module.ts';
export { MISSING_AFTER_DAYS, ON_TIME_DAYS } from './modules/monitoring.ts';
export { organizationLabel } from './modules/organization.ts';
export {
  addDays,
  isQuarter,
  lastClosedQuarter,
  nextQuarter,
  previousQuarter,
  type Quarter,
  quarterOf,
  quarterRange,
} from './quarter.ts';
export {
  type CreateDonor,
  createDonorSchema,
  type Donor,
  donorCellSchema,
  donorGroupCellsSchema,
  donorGroupsSchema,
  donorSchema,
  donorSummarySchema,
  donorTrendsQuerySchema,
  donorTrendsSchema,
  quarterSchema,
} from './schemas.ts';
export {
  cellsOf,
  DEFAULT_DONOR_THRESHOLD,
  type DonorCell,
  type DonorGroupCells,
  type DonorGroupsView,
  type DonorSummary,
  type DonorTrends,
  donorSummary,
  donorTrends,
  type NetworkRollup,
  type SummaryOptions,
} from './summary.ts';
export {
  recoverableCells,
  type SumRelation,
  type SuppressionCell,
  type SuppressionInput,
  suppress,
} from './suppression.ts';
