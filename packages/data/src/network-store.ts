import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AuditRepository } from './repositories/audit-repository.ts';
import { CapacityRepository } from './repositories/capacity-repository.ts';
import { CoachingGroupRepository } from './repositories/coaching-group-repository.ts';
import { CoachingProgramRepository } from './repositories/coaching-program-repository.ts';
import { CoachingRepository } from './repositories/coaching-repository.ts';
import { ErasureRepository } from './repositories/erasure-repository.ts';
import { EvaluationRepository } from './repositories/evaluation-repository.ts';
import { MentorshipRepository } from './repositories/mentorship-repository.ts';
import { OrganizationRepository, PeopleRepository } from './repositories/network-repository.ts';
import { ProgressRepository } from './repositories/progress-repository.ts';
import { ReflectionRepository } from './repositories/reflection-repository.ts';
import { ReviewRepository } from './repositories/review-repository.ts';
import { SummaryReportRepository } from './repositories/summary-report-repository.ts';

/**
 * All of one network's data: every repository over its table. Made from a tenant by the
 * runtime's composition root (on AWS with credentials scoped to that network), it is the one
 * way a handler reaches a network's items.
 */
export interface NetworkStore {
  readonly organizations: OrganizationRepository;
  readonly people: PeopleRepository;
  readonly mentorships: MentorshipRepository;
  /** Organizations' capacity assessments and asset inventories. */
  readonly capacity: CapacityRepository;
  /** Quarterly reports and the record of every lifecycle mail. */
  readonly reviews: ReviewRepository;
  /** Summary reports of mentoring events and their follow-up actions. */
  readonly summaryReports: SummaryReportRepository;
  /** Milestones reached and photos of a mentorship's timeline. */
  readonly progress: ProgressRepository;
  /** The anonymous reflection questionnaires of a mentorship's sides. */
  readonly reflection: ReflectionRepository;
  /** Mid-term and end evaluations. */
  readonly evaluations: EvaluationRepository;
  /** Sisi Kwa Sisi coaching, coaches and best practices. */
  readonly coaching: CoachingRepository;
  /** Peer coaching groups and what their members keep. */
  readonly coachingGroups: CoachingGroupRepository;
  /** Coaching programs: rounds, pairs and their sessions. */
  readonly coachingPrograms: CoachingProgramRepository;
  /** Who signed in, changed, exported or read what (ADR 0032). */
  readonly audit: AuditRepository;
  /** An erased person's name and email removed from every item (ADR 0034). */
  readonly erasure: ErasureRepository;
}

type Repositories = {
  [K in keyof NetworkStore]: new (
    doc: DynamoDBDocumentClient,
    tableName: string,
  ) => NetworkStore[K];
};

const REPOSITORIES: Repositories = {
  organizations: OrganizationRepository,
  people: PeopleRepository,
  mentorships: MentorshipRepository,
  capacity: CapacityRepository,
  reviews: ReviewRepository,
  summaryReports: SummaryReportRepository,
  progress: ProgressRepository,
  reflection: ReflectionRepository,
  evaluations: EvaluationRepository,
  coaching: CoachingRepository,
  coachingGroups: CoachingGroupRepository,
  coachingPrograms: CoachingProgramRepository,
  audit: AuditRepository,
  erasure: ErasureRepository,
};

const state = Symbol('network store');

/** A store's table and the repositories made so far; its getters live on the prototype. */
class LazyStore {
  readonly [state]: {
    doc: DynamoDBDocumentClient;
    tableName: string;
    made: Partial<Record<keyof NetworkStore, unknown>>;
  };

  constructor(doc: DynamoDBDocumentClient, tableName: string) {
    this[state] = { doc, tableName, made: {} };
  }
}

for (const key of Object.keys(REPOSITORIES) as (keyof NetworkStore)[]) {
  Object.defineProperty(LazyStore.prototype, key, {
    get(this: LazyStore) {
      const { doc, tableName, made } = this[state];
      made[key] ??= new REPOSITORIES[key](doc, tableName);
      return made[key];
    },
  });
}

/**
 * A network's store over its table. Built per request, so it costs one small object: each
 * repository is made only when first read (and then kept: the same instance every time).
 *
 * @example
 * const store = createNetworkStore(doc, networkTableName('sisi', networkId));
 * const org = await store.organizations.get(organizationId);
 */
export function createNetworkStore(doc: DynamoDBDocumentClient, tableName: string): NetworkStore {
  return new LazyStore(doc, tableName) as unknown as NetworkStore;
}
