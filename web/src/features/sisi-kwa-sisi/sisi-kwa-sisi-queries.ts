/**
 * Queries and writes of the Sisi Kwa Sisi coaching screens: the pool of coaches, coach
 * suggestions, coachings with their plan and sessions, and best practices. Keys live under
 * `['networks', id, 'sisi-kwa-sisi', …]`, so one invalidation refreshes a whole branch.
 */
import type {
  BestPractice,
  Coach,
  CoachingPlanContent,
  CoachingPlanInput,
  CoachingSession,
  CoachingSessionInput,
  CoachingStatus,
  CoachingView,
  CoachSuggestion,
  CreateBestPracticeInput,
  CreateCoachInput,
  ExcludedCoach,
  NeedsAssessmentInput,
  Page,
  ThematicArea,
} from '@sisi/domain';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';

export const sisiKeys = {
  all: (networkId: string) => ['networks', networkId, 'sisi-kwa-sisi'] as const,
  coaches: (networkId: string) => ['networks', networkId, 'sisi-kwa-sisi', 'coaches'] as const,
  coachings: (networkId: string) => ['networks', networkId, 'sisi-kwa-sisi', 'coachings'] as const,
  coaching: (networkId: string, coachingId: string) =>
    ['networks', networkId, 'sisi-kwa-sisi', 'coachings', coachingId] as const,
  plan: (networkId: string, coachingId: string) =>
    ['networks', networkId, 'sisi-kwa-sisi', 'coachings', coachingId, 'plan'] as const,
  sessions: (networkId: string, coachingId: string) =>
    ['networks', networkId, 'sisi-kwa-sisi', 'coachings', coachingId, 'sessions'] as const,
  practices: (networkId: string) =>
    ['networks', networkId, 'sisi-kwa-sisi', 'best-practices'] as const,
};

const pages = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { cursor?: string | undefined }) => last.cursor,
};

const net = () => api.networks[':networkId'];

/** A session as the pair reads it (notes decrypted for them). */
export type SessionView = CoachingSession & { hasNotes: boolean };

/** A stored coaching plan. */
export interface CoachingPlanDoc {
  version: number;
  content: CoachingPlanContent;
  updatedAt: string;
  updatedBy: string;
}

export interface SuggestionsResult {
  suggestions: CoachSuggestion[];
  excluded: ExcludedCoach[];
  weights: Record<string, unknown>;
}

/** The pool of coaches, page by page (an area narrows it). */
export const coachesQuery = (networkId: string, area?: ThematicArea) =>
  infiniteQueryOptions({
    queryKey: [...sisiKeys.coaches(networkId), area ?? 'all'] as const,
    queryFn: ({ pageParam }): Promise<Page<Coach>> =>
      call(
        net().coaches.$get({
          param: { networkId },
          query: {
            limit: '50',
            ...(pageParam ? { cursor: pageParam } : {}),
            ...(area ? { area } : {}),
          },
        }),
      ) as Promise<Page<Coach>>,
    ...pages,
  });

export const addCoach = (networkId: string, body: CreateCoachInput, key: string): Promise<Coach> =>
  call(
    net().coaches.$post(
      { param: { networkId }, json: body },
      { headers: { 'idempotency-key': key } },
    ),
  ) as Promise<Coach>;

export const setWillingness = (networkId: string, personId: string, willing: boolean) =>
  call(
    net().coaches[':personId'].willingness.$put({
      param: { networkId, personId },
      json: { willing },
    }),
  ) as Promise<Coach>;

export const suggestCoaches = (
  networkId: string,
  peerId: string,
  needsAssessment: NeedsAssessmentInput,
): Promise<SuggestionsResult> =>
  call(
    net()['coach-suggestions'].$post({
      param: { networkId },
      json: { peerId, needsAssessment },
    }),
  ) as Promise<SuggestionsResult>;

export const createCoaching = (
  networkId: string,
  body: { coachId: string; peerId: string; needsAssessment: NeedsAssessmentInput },
  key: string,
): Promise<CoachingView> =>
  call(
    net().coachings.$post(
      { param: { networkId }, json: body },
      { headers: { 'idempotency-key': key } },
    ),
  ) as Promise<CoachingView>;

/** The coachings the reader may see, with where each stands. */
export const coachingsQuery = (networkId: string, status?: 'active' | 'closed') =>
  infiniteQueryOptions({
    queryKey: [...sisiKeys.coachings(networkId), 'list', status ?? 'all'] as const,
    queryFn: ({ pageParam }): Promise<Page<CoachingStatus>> =>
      call(
        net().coachings.$get({
          param: { networkId },
          query: {
            ...(pageParam ? { cursor: pageParam } : {}),
            ...(status ? { status } : {}),
          },
        }),
      ) as Promise<Page<CoachingStatus>>,
    ...pages,
  });

export const coachingQuery = (networkId: string, coachingId: string) =>
  queryOptions({
    queryKey: sisiKeys.coaching(networkId, coachingId),
    queryFn: (): Promise<CoachingView> =>
      call(
        net().coachings[':coachingId'].$get({ param: { networkId, coachingId } }),
      ) as Promise<CoachingView>,
  });

export const closeCoaching = (networkId: string, coachingId: string): Promise<CoachingView> =>
  call(
    net().coachings[':coachingId'].close.$post({ param: { networkId, coachingId }, json: {} }),
  ) as Promise<CoachingView>;

/** The plan; `null` before its first save. */
export const coachingPlanQuery = (networkId: string, coachingId: string) =>
  queryOptions({
    queryKey: sisiKeys.plan(networkId, coachingId),
    queryFn: (): Promise<CoachingPlanDoc | null> =>
      call(
        net().coachings[':coachingId'].plan.$get({ param: { networkId, coachingId } }),
      ) as Promise<CoachingPlanDoc | null>,
  });

export const saveCoachingPlan = (
  networkId: string,
  coachingId: string,
  body: CoachingPlanInput & { version: number },
): Promise<CoachingPlanDoc> =>
  call(
    net().coachings[':coachingId'].plan.$put({ param: { networkId, coachingId }, json: body }),
  ) as Promise<CoachingPlanDoc>;

export const sessionsQuery = (networkId: string, coachingId: string) =>
  infiniteQueryOptions({
    queryKey: sisiKeys.sessions(networkId, coachingId),
    queryFn: ({ pageParam }): Promise<Page<SessionView>> =>
      call(
        net().coachings[':coachingId'].sessions.$get({
          param: { networkId, coachingId },
          query: pageParam ? { cursor: pageParam } : {},
        }),
      ) as Promise<Page<SessionView>>,
    ...pages,
  });

export const recordSession = (
  networkId: string,
  coachingId: string,
  body: CoachingSessionInput,
  key: string,
): Promise<SessionView> =>
  call(
    net().coachings[':coachingId'].sessions.$post(
      { param: { networkId, coachingId }, json: body },
      { headers: { 'idempotency-key': key } },
    ),
  ) as Promise<SessionView>;

/** The library (published) or the reader's own write-ups. */
export const bestPracticesQuery = (networkId: string, scope: 'library' | 'mine') =>
  infiniteQueryOptions({
    queryKey: [...sisiKeys.practices(networkId), scope] as const,
    queryFn: ({ pageParam }): Promise<Page<BestPractice>> =>
      call(
        net()['best-practices'].$get({
          param: { networkId },
          query: { scope, ...(pageParam ? { cursor: pageParam } : {}) },
        }),
      ) as Promise<Page<BestPractice>>,
    ...pages,
  });

export const writeBestPractice = (
  networkId: string,
  body: CreateBestPracticeInput,
  key: string,
): Promise<BestPractice> =>
  call(
    net()['best-practices'].$post(
      { param: { networkId }, json: body },
      { headers: { 'idempotency-key': key } },
    ),
  ) as Promise<BestPractice>;

export const setPublished = (networkId: string, bestPracticeId: string, published: boolean) =>
  call(
    published
      ? net()['best-practices'][':bestPracticeId'].publication.$put({
          param: { networkId, bestPracticeId },
          json: { consent: true },
        })
      : net()['best-practices'][':bestPracticeId'].publication.$delete({
          param: { networkId, bestPracticeId },
        }),
  ) as Promise<BestPractice>;
