/**
 * Queries and writes of the mentoring forms: a mentorship's plan, orientation meeting,
 * gatherings and closure answers. Keys extend those of `api/queries.ts`
 * (`['networks', n, 'mentorships', m, 'plan']`), so invalidating a mentorship refreshes what
 * hangs under it.
 */
import type { ClosureAnswers, Gathering, Orientation, Page, Plan, PlanInput } from '@sisi/domain';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import { keys, pages, type StoredDoc } from '../../api/queries.ts';

export type PlanContent = Omit<Plan, 'version'>;
export type OrientationContent = Omit<Orientation, 'version'>;
export type ClosureContent = ClosureAnswers;
/** What a save sends: the fields, and the version read (absent the first time). */
export type OrientationInput = OrientationContent & { version?: number };
export type ClosureInput = ClosureContent & { version?: number };

/** A scheduled gathering as listed (what was sent, with the server's id). */
export type GatheringRecord = Gathering & { id: string; createdAt?: string };

export const planKeys = {
  plan: (networkId: string, mentorshipId: string) =>
    [...keys.mentorship(networkId, mentorshipId), 'plan'] as const,
  orientation: (networkId: string, mentorshipId: string) =>
    [...keys.mentorship(networkId, mentorshipId), 'orientation'] as const,
  gatherings: (networkId: string, mentorshipId: string) =>
    [...keys.mentorship(networkId, mentorshipId), 'gatherings'] as const,
  closure: (networkId: string, mentorshipId: string) =>
    [...keys.mentorship(networkId, mentorshipId), 'closure'] as const,
};

const mentorshipApi = () => api.networks[':networkId'].mentorships[':mentorshipId'];

/** The mentoring plan, or `null` before its first save. */
export const planQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: planKeys.plan(networkId, mentorshipId),
    queryFn: (): Promise<StoredDoc<PlanContent> | null> =>
      call(mentorshipApi().plan.$get({ param: { networkId, mentorshipId } })),
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
      call(mentorshipApi().orientation.$get({ param: { networkId, mentorshipId } })),
  });

export const putOrientation = (
  networkId: string,
  mentorshipId: string,
  body: OrientationInput,
): Promise<StoredDoc<OrientationContent>> =>
  call(mentorshipApi().orientation.$put({ param: { networkId, mentorshipId }, json: body }));

/** The answers to the closure questions, or `null` before their first save. */
export const closureQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: planKeys.closure(networkId, mentorshipId),
    queryFn: (): Promise<StoredDoc<ClosureContent> | null> =>
      call(mentorshipApi().closure.$get({ param: { networkId, mentorshipId } })),
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
