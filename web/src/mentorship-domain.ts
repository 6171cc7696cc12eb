/**
 * The parts of @sisi/domain's mentorship model the mentorship screens run in the browser,
 * from its zod-free entry `@sisi/domain/static` (the main entry would bring zod and every
 * schema into the chunk: 34 kB gzipped instead of 4 kB). Only lazy screens import this.
 */
import type { Mentorship } from '@sisi/domain';

export {
  type Approach,
  type ApproachId,
  approaches,
  approachIds,
  MAX_DURATION_MONTHS,
  type MatrixAnswers,
  type MatrixQuestion,
  MIN_DURATION_MONTHS,
  matrixQuestions,
  type PrematureReason,
  prematureReasons,
  type RankedApproach,
  type ReviewSchedule,
  reviewSchedule,
  rightsAndResponsibilities,
  type Stage,
  stages,
} from '@sisi/domain/static';

export type EndKind = NonNullable<Mentorship['ending']>['kind'];
export const endKinds = [
  'natural',
  'premature',
  'transition',
] as const satisfies readonly EndKind[];

export type MentorshipType = Mentorship['type'];
export const mentorshipTypes = ['one-to-one', 'one-to-many'] as const satisfies MentorshipType[];

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type MentorshipListsMatchDomain = [
  Same<(typeof endKinds)[number], EndKind>,
  Same<(typeof mentorshipTypes)[number], MentorshipType>,
] extends [true, true]
  ? true
  : never;
export const mentorshipListsMatchDomain: MentorshipListsMatchDomain = true;

/**
 * Whether the closure questions can be answered in this stage (001 "Closure", Step 5): while
 * the relationship is monitored or once it has ended. The API refuses a save otherwise (422
 * `closure-too-early`).
 */
export const closureOpen = (stage: Mentorship['stage'] | undefined): boolean =>
  stage === 'monitor' || stage === 'end';
