/**
 * The zod-free part of the model: fixed lists, the S2S toolkit's texts and the pure rules
 * (schedule, stage moves, matrix). The SPA imports this entry so its chunks carry no
 * schema library; `.dependency-cruiser.cjs` keeps zod out of everything it reaches.
 *
 * @example
 * import { reviewSchedule } from '@sisi/domain/static';
 * reviewSchedule('2025-01-31', 12).quarterlyReviews; // ['2025-04-30', '2025-07-31', '2025-10-31']
 */
export { type KeyPopulation, keyPopulations, type TechnicalArea, technicalAreas } from './lists.ts';
export { type Approach, approachById, approaches } from './mentorship/approaches.ts';
export { type PrematureReason, prematureReasons } from './mentorship/ending.ts';
export {
  type ApproachId,
  approachIds,
  type MatrixAnswers,
  type MatrixQuestion,
  matrixMarks,
  matrixQuestions,
  type RankedApproach,
  rankApproaches,
} from './mentorship/matrix.ts';
export { rightsAndResponsibilities } from './mentorship/rights.ts';
export {
  addMonths,
  MAX_DURATION_MONTHS,
  MIN_DURATION_MONTHS,
  type ReviewSchedule,
  reviewSchedule,
  type ScheduledReview,
  scheduledReviews,
} from './mentorship/schedule.ts';
export { canMoveStage, type Stage, stages } from './mentorship/stages.ts';
