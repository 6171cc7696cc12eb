/**
 * The zod-free part of the model: fixed lists, the S2S toolkit's texts and the pure rules
 * (schedule, stage moves, matrix). The SPA imports this entry so its chunks carry no
 * schema library; `.dependency-cruiser.cjs` keeps zod out of everything it reaches.
 *
 * @example
 * import { reviewSchedule } from '@sisi/domain/static';
 * reviewSchedule('2025-01-31', 12).quarterlyReviews; // ['2025-04-30', '2025-07-31', '2025-10-31']
 */

export {
  type Actor,
  canEndMentorship,
  canManageMentorship,
  canSeeMentorship,
  involvedOrganizations,
  participantOrganizationsFor,
} from './access.ts';
export {
  coachingGroupSources,
  coachingGuidance,
  criticalSuccessFactors,
  DEFAULT_TURN_MINUTES,
  FACILITATED_SESSIONS,
  facilitationTexts,
  facilitatorRoles,
  groupSizeGuidance,
  type IssueStep,
  issueProcessingMethod,
  issueStagesText,
  issueSteps,
  type KeyQuestion,
  type KeyQuestionId,
  keyQuestionIds,
  keyQuestions,
  learningLogForm,
  MAX_TURN_MINUTES,
  MIN_TURN_MINUTES,
  peerCoachingDefinition,
  peerCoachingGroupDefinition,
  type SourcedText,
  type SourceRef,
  spiritTexts,
  turnTimeText,
} from './coaching/group-content.ts';
export {
  type CommitmentForSession,
  type CommitmentState,
  commitmentState,
  type FacilitationChoice,
  type FacilitationPlan,
  facilitationChoiceProblems,
  facilitatorFor,
  facilitatorsWithAccess,
  type GroupReviewState,
  type GroupStatus,
  type GroupStatusInput,
  groupRole,
  groupSizeAdvice,
  groupStatus,
  numberSessions,
  reportBacksFor,
  reviewState,
  type SessionFacilitator,
  type SizeAdvice,
  sessionNeedsReview,
} from './coaching/group-rules.ts';
export * from './coaching/program-static.ts';
export {
  coachCriteria,
  DEFAULT_MAX_PEERS,
  type LaoStep,
  laoSteps,
  leadAssistObserve,
  MAX_PEERS_LIMIT,
  type NeedPriority,
  type NeedsAssessmentQuestion,
  needPriorities,
  needsAssessmentQuestions,
  SESSION_QUALITY_MAX,
  SESSION_QUALITY_MIN,
  type SessionMode,
  type SisiKwaSisiOption,
  type SisiKwaSisiStep,
  sessionModes,
  sessionQualityScale,
  sisiKwaSisiIntro,
  sisiKwaSisiOutcomes,
  sisiKwaSisiSteps,
  sisiKwaSisiTips,
  type ThematicArea,
  thematicAreaIds,
  thematicAreaLabel,
  thematicAreas,
} from './coaching/sisi-kwa-sisi.ts';
export {
  averageQuality,
  type CoachSuggestion,
  type ExcludedCoach,
  type ExclusionReason,
  MATCH_WEIGHTS,
  type MatchCoach,
  type MatchNeeds,
  type MatchReason,
  type MatchResult,
  type PlanDates,
  type PlanFieldError,
  type PlanSkillDates,
  type PlanState,
  type PlanStatus,
  type PlanStepDates,
  planOrderErrors,
  planStatus,
  planSteps,
  rankCoaches,
  type StepState,
  sameText,
  stepState,
} from './coaching/sisi-kwa-sisi-rules.ts';
export {
  coded,
  type ErrorCode,
  type ErrorParams,
  errorCodes,
  type FieldIssue,
  fieldIssues,
  type IssueLike,
} from './errors/codes.ts';
export {
  catalogText,
  type ErrorCatalog,
  type ErrorLanguage,
  errorLanguage,
  errorText,
  hasErrorCatalog,
  loadErrorCatalog,
  registerErrorCatalog,
} from './errors/text.ts';
export { type ContentCatalog, overlay } from './i18n/content.ts';
export { DEFAULT_LANGUAGE, isLanguage, type Language, languages } from './languages.ts';
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
export {
  allEvaluationsSigned,
  type EvaluationActivity,
  type EvaluationQuestion,
  type EvaluationQuestionId,
  type EvaluationResultAnswer,
  type EvaluationResultRow,
  type EvaluationStatus,
  evaluationActivities,
  evaluationForm,
  evaluationResultAnswers,
  evaluationResultRows,
  evaluationStatuses,
} from './monitoring/evaluation-form.ts';
export {
  byUrgency,
  dayOf,
  type FollowUpStatus,
  followUpStatuses,
  isOverdue,
} from './monitoring/follow-up.ts';
export {
  type PracticalChallenge,
  type PracticalChallengeId,
  practicalChallenges,
  practicalTipsIntro,
  type SymptomId,
  symptomChallenges,
  symptomIds,
} from './monitoring/practical-tips.ts';
export {
  type QuarterlyReportQuestion,
  quarterlyReportForm,
  quarterlyReportTechnicalAreas,
  totalHours,
} from './monitoring/quarterly-report-form.ts';
export {
  type ReflectionItem,
  type ReflectionOption,
  type ReflectionScale,
  type ReflectionScaleId,
  type ReflectionScore,
  type ReflectionSection,
  type ReflectionSectionId,
  reflectionCommentBoxes,
  reflectionForm,
  reflectionItems,
  reflectionOption,
  reflectionScales,
} from './monitoring/reflection-form.ts';
export {
  anonymityNotice,
  compareItem,
  compareSides,
  type ItemComparison,
  type ItemPool,
  type ItemStats,
  poolSide,
  REFLECTION_MIN_SHOWN,
  type ReflectionAnswerSet,
  type ReflectionSide,
  type ReflectionVerdict,
  reflectionComparisonRule,
  reflectionSides,
  reflectionVerdicts,
  type SidePool,
  sideResultsShown,
} from './monitoring/reflection-scoring.ts';
export {
  type SummaryReportField,
  type SummaryReportFieldId,
  type SummaryReportReporter,
  summaryReportForm,
  summaryReportReporters,
  summaryReportWhen,
} from './monitoring/summary-report-form.ts';
export { type TaskKind, taskKinds } from './tasks.ts';
