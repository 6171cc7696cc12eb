/**
 * Queries and writes of the mentoring forms: a mentorship, its plan, orientation meeting,
 * gatherings and closure answers; an organization's capacity assessments and asset inventory. Keys extend those
 * of `queries.ts` (`['networks', n, 'mentorships', m, 'plan']`), so invalidating a
 * mentorship or an organization refreshes what hangs under it.
 */
import type {
  AssetInventory,
  CapacityAssessment,
  ClosureAnswers,
  Gathering,
  Mentorship,
  Orientation,
  Page,
  Plan,
  PlanInput,
} from '@sisi/domain';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ApiProblem, api, call } from './client.ts';

/** A document saved whole with a version (optimistic locking). */
export interface StoredDoc<C> {
  version: number;
  content: C;
  updatedAt: string;
  updatedBy?: unknown;
}

export type PlanContent = Omit<Plan, 'version'>;
export type OrientationContent = Omit<Orientation, 'version'>;
export type AssetInventoryContent = Omit<AssetInventory, 'version'>;
export type ClosureContent = ClosureAnswers;
/** What a save sends: the fields, and the version read (absent the first time). */
export type OrientationInput = OrientationContent & { version?: number };
export type AssetInventoryInput = AssetInventoryContent & { version?: number };
export type ClosureInput = ClosureContent & { version?: number };

/** A scheduled gathering as listed (what was sent, with the server's id). */
export type GatheringRecord = Gathering & { id: string; createdAt?: string };
export type CapacityAssessmentRecord = CapacityAssessment & { id: string; createdAt?: string };

export const planKeys = {
  mentorship: (networkId: string, mentorshipId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId] as const,
  plan: (networkId: string, mentorshipId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId, 'plan'] as const,
  orientation: (networkId: string, mentorshipId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId, 'orientation'] as const,
  gatherings: (networkId: string, mentorshipId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId, 'gatherings'] as const,
  closure: (networkId: string, mentorshipId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId, 'closure'] as const,
  capacityAssessments: (networkId: string, organizationId: string) =>
    ['networks', networkId, 'organizations', organizationId, 'capacity-assessments'] as const,
  assetInventory: (networkId: string, organizationId: string) =>
    ['networks', networkId, 'organizations', organizationId, 'asset-inventory'] as const,
};

const pages = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { cursor?: string | undefined }) => last.cursor,
};

/** A 404 means "none yet" for a document that is created by its first save. */
async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404) return null;
    throw error;
  }
}

const mentorshipApi = () => api.networks[':networkId'].mentorships[':mentorshipId'];
const organizationApi = () => api.networks[':networkId'].organizations[':organizationId'];

/** One mentorship (its organizations, stage, type…). */
export const mentorshipQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: planKeys.mentorship(networkId, mentorshipId),
    queryFn: (): Promise<Mentorship> =>
      call(mentorshipApi().$get({ param: { networkId, mentorshipId } })),
  });

/** The mentoring plan, or `null` before its first save. */
export const planQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: planKeys.plan(networkId, mentorshipId),
    queryFn: (): Promise<StoredDoc<PlanContent> | null> =>
      orNull(call(mentorshipApi().plan.$get({ param: { networkId, mentorshipId } }))),
  });

/** Saves the whole plan; `body.version` is the one read (absent the first time). */
export const putPlan = (
  networkId: string,
  mentorshipId: string,
  body: PlanInput,
): Promise<StoredDoc<PlanContent>> =>
  call(mentorshipApi().plan.$put({ param: { networkId, mentorshipId }, json: body }));

/** The orientation meeting record, or `null` before its first save. */
export const orientationQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: planKeys.orientation(networkId, mentorshipId),
    queryFn: (): Promise<StoredDoc<OrientationContent> | null> =>
      orNull(call(mentorshipApi().orientation.$get({ param: { networkId, mentorshipId } }))),
  });

export const putOrientation = (
  networkId: string,
  mentorshipId: string,
  body: OrientationInput,
): Promise<StoredDoc<OrientationContent>> =>
  call(mentorshipApi().orientation.$put({ param: { networkId, mentorshipId }, json: body }));

/**
 * Whether the closure questions can be answered in this stage (001 "Closure", Step 5): while
 * the relationship is monitored or once it has ended. The API refuses a save otherwise (422
 * `closure-too-early`).
 */
export const closureOpen = (stage: Mentorship['stage'] | undefined): boolean =>
  stage === 'monitor' || stage === 'end';

/** The answers to the closure questions, or `null` before their first save. */
export const closureQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: planKeys.closure(networkId, mentorshipId),
    queryFn: (): Promise<StoredDoc<ClosureContent> | null> =>
      orNull(call(mentorshipApi().closure.$get({ param: { networkId, mentorshipId } }))),
  });

export const putClosure = (
  networkId: string,
  mentorshipId: string,
  body: ClosureInput,
): Promise<StoredDoc<ClosureContent>> =>
  call(mentorshipApi().closure.$put({ param: { networkId, mentorshipId }, json: body }));

/** The gatherings of a mentorship, page by page. */
export const gatheringsQuery = (networkId: string, mentorshipId: string) =>
  infiniteQueryOptions({
    queryKey: planKeys.gatherings(networkId, mentorshipId),
    queryFn: ({ pageParam }): Promise<Page<GatheringRecord>> =>
      call(
        mentorshipApi().gatherings.$get({
          param: { networkId, mentorshipId },
          query: pageParam ? { cursor: pageParam } : {},
        }),
      ),
    ...pages,
  });

export const postGathering = (
  networkId: string,
  mentorshipId: string,
  body: Gathering,
  idempotencyKey: string,
): Promise<GatheringRecord> =>
  call(
    mentorshipApi().gatherings.$post(
      { param: { networkId, mentorshipId }, json: body },
      { headers: { 'idempotency-key': idempotencyKey } },
    ),
  );

/** An organization's capacity assessments, page by page. */
export const capacityAssessmentsQuery = (networkId: string, organizationId: string) =>
  infiniteQueryOptions({
    queryKey: planKeys.capacityAssessments(networkId, organizationId),
    queryFn: ({ pageParam }): Promise<Page<CapacityAssessmentRecord>> =>
      call(
        organizationApi()['capacity-assessments'].$get({
          param: { networkId, organizationId },
          query: pageParam ? { cursor: pageParam } : {},
        }),
      ),
    ...pages,
  });

export const postCapacityAssessment = (
  networkId: string,
  organizationId: string,
  body: CapacityAssessment,
  idempotencyKey: string,
): Promise<CapacityAssessmentRecord> =>
  call(
    organizationApi()['capacity-assessments'].$post(
      { param: { networkId, organizationId }, json: body },
      { headers: { 'idempotency-key': idempotencyKey } },
    ),
  );

/** An organization's asset inventory, or `null` before its first save. */
export const assetInventoryQuery = (networkId: string, organizationId: string) =>
  queryOptions({
    queryKey: planKeys.assetInventory(networkId, organizationId),
    queryFn: (): Promise<StoredDoc<AssetInventoryContent> | null> =>
      orNull(
        call(organizationApi()['asset-inventory'].$get({ param: { networkId, organizationId } })),
      ),
  });

export const putAssetInventory = (
  networkId: string,
  organizationId: string,
  body: AssetInventoryInput,
): Promise<StoredDoc<AssetInventoryContent>> =>
  call(
    organizationApi()['asset-inventory'].$put({ param: { networkId, organizationId }, json: body }),
  );
