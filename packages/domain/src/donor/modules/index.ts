import { type Contribution, emptyContribution } from '../contribution.ts';
import {
  coachingGroupModule,
  coachingProgramModule,
  coachingRoundModule,
  coachingSessionModule,
  pairSessionModule,
  sisiKwaSisiModule,
} from './coaching.ts';
import { mentoringPlanModule, mentorshipModule } from './mentorship.ts';
import type { ContributionModule, RollupFacts, SourceItem } from './module.ts';
import { gatheringModule, quarterlyReportModule } from './monitoring.ts';
import {
  evaluationModule,
  followUpActionModule,
  reflectionAnswerModule,
  summaryReportModule,
} from './monitoring-forms.ts';
import { organizationModule } from './organization.ts';

/** Every kind of item that feeds the donor rollups, by its `entity`. */
export const contributionModules: ReadonlyMap<string, ContributionModule> = new Map(
  [
    organizationModule,
    mentorshipModule,
    mentoringPlanModule,
    quarterlyReportModule,
    gatheringModule,
    summaryReportModule,
    followUpActionModule,
    reflectionAnswerModule,
    evaluationModule,
    coachingGroupModule,
    coachingSessionModule,
    sisiKwaSisiModule,
    coachingProgramModule,
    coachingRoundModule,
    pairSessionModule,
  ].map((m) => [m.entity, m]),
);

/**
 * What a stored item adds to its network's rollups (nothing for a kind no module covers,
 * or for a deleted item: pass `undefined`).
 *
 * @example contributionOf(newImage, facts) // { counters: { '2026-Q1': { mentorships: 1, … } }, labels: {} }
 */
export function contributionOf(item: SourceItem | undefined, facts: RollupFacts): Contribution {
  if (!item) return emptyContribution();
  const module = contributionModules.get(String(item.entity));
  if (!module) return emptyContribution();
  try {
    return module.contribute(item, facts);
  } catch {
    // a malformed date in an old item must not stop the stream; the rebuild reports it
    return emptyContribution();
  }
}

/** The mentorships whose facts `item`'s module needs (none for most kinds). */
export function mentorshipsNeeded(item: SourceItem | undefined): string[] {
  if (!item) return [];
  return contributionModules.get(String(item.entity))?.mentorshipsNeeded?.(item) ?? [];
}

/** Whether any module reads items of this kind (others are skipped without a lookup). */
export const feedsRollups = (item: SourceItem | undefined): boolean =>
  !!item && contributionModules.has(String(item.entity));
