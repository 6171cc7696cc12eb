import type {
  Approach,
  Me,
  Member,
  Mentorship,
  Network,
  NetworkDetail,
  Organization,
  Page,
  PlanInput,
  Stage,
  User,
} from '@sisi/domain';
import { infiniteQueryOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { followServerClock } from '../clock.ts';
import { api, call } from './client.ts';

/**
 * Query keys, hierarchical so a mutation invalidates a whole branch by prefix:
 * invalidating `keys.organizations(n)` also refreshes each organization and its members.
 */
export const keys = {
  me: ['me'] as const,
  networks: ['networks'] as const,
  network: (networkId: string) => ['networks', networkId, 'network'] as const,
  organizations: (networkId: string) => ['networks', networkId, 'organizations'] as const,
  organization: (networkId: string, organizationId: string) =>
    ['networks', networkId, 'organizations', organizationId] as const,
  members: (networkId: string, organizationId: string) =>
    ['networks', networkId, 'organizations', organizationId, 'members'] as const,
  mentorships: (networkId: string) => ['networks', networkId, 'mentorships'] as const,
  mentorshipList: (networkId: string, filters: MentorshipFilters) =>
    ['networks', networkId, 'mentorships', 'list', filters] as const,
  mentorship: (networkId: string, mentorshipId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId] as const,
  mentorshipPlan: (networkId: string, mentorshipId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId, 'plan'] as const,
  approaches: ['approaches'] as const,
};

/** The paging options of a list read page by page (`cursor` of the last page). */
export const pages = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { cursor?: string | undefined }) => last.cursor,
};

/** A document saved whole with a version (optimistic locking). */
export interface StoredDoc<C> {
  version: number;
  content: C;
  updatedAt: string;
  updatedBy?: unknown;
}

/** The signed-in person (`GET /me`). */
export const meQuery = () =>
  queryOptions({
    queryKey: keys.me,
    queryFn: async (): Promise<Me> => {
      const me = await call(api.me.$get());
      followServerClock(me.now);
      return me;
    },
    staleTime: 5 * 60_000,
  });

/**
 * After a sign-in: the person the answer named, at once, then the server's time, which only
 * `GET /me` carries. That answer is not put in the cache: a language chosen on the sign-in
 * page is being saved to the profile meanwhile, and an older profile must not undo it.
 */
export function signedInAs(client: QueryClient, user: User): void {
  client.setQueryData(keys.me, user);
  call(api.me.$get()).then(
    (me) => followServerClock(me.now),
    () => undefined, // the next GET /me sets it
  );
}

/**
 * One network (its name, its default language): the operator's, or the caller's own.
 * Under the network's branch, so invalidating the network refreshes it too.
 */
export const networkQuery = (networkId: string) =>
  queryOptions({
    queryKey: keys.network(networkId),
    queryFn: (): Promise<NetworkDetail> =>
      call(api.networks[':networkId'].$get({ param: { networkId } })),
  });

/** The operator's networks, page by page. */
export const networksQuery = () =>
  infiniteQueryOptions({
    queryKey: keys.networks,
    queryFn: ({ pageParam }): Promise<Page<Network>> =>
      call(api.networks.$get({ query: pageParam ? { cursor: pageParam } : {} })),
    ...pages,
  });

/** The organizations of a network (a coordinator gets their own only), page by page. */
export const organizationsQuery = (networkId: string) =>
  infiniteQueryOptions({
    queryKey: keys.organizations(networkId),
    queryFn: ({ pageParam }): Promise<Page<Organization>> =>
      call(
        api.networks[':networkId'].organizations.$get({
          param: { networkId },
          query: pageParam ? { cursor: pageParam } : {},
        }),
      ),
    ...pages,
  });

/** One organization. */
export const organizationQuery = (networkId: string, organizationId: string) =>
  queryOptions({
    queryKey: keys.organization(networkId, organizationId),
    queryFn: (): Promise<Organization> =>
      call(
        api.networks[':networkId'].organizations[':organizationId'].$get({
          param: { networkId, organizationId },
        }),
      ),
  });

/** The people of an organization, page by page. */
export const membersQuery = (networkId: string, organizationId: string) =>
  infiniteQueryOptions({
    queryKey: keys.members(networkId, organizationId),
    queryFn: ({ pageParam }): Promise<Page<Member>> =>
      call(
        api.networks[':networkId'].organizations[':organizationId'].members.$get({
          param: { networkId, organizationId },
          query: pageParam ? { cursor: pageParam } : {},
        }),
      ),
    ...pages,
  });

/** Every page of a list, followed to its end (for small lists a screen needs whole). */
async function allPages<T>(load: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

/** Every organization of the network a caller may see (a coordinator: their own only). */
export const allOrganizationsQuery = (networkId: string) =>
  queryOptions({
    queryKey: [...keys.organizations(networkId), 'all'] as const,
    queryFn: (): Promise<Organization[]> =>
      allPages((cursor) =>
        call(
          api.networks[':networkId'].organizations.$get({
            param: { networkId },
            query: cursor ? { cursor, limit: '100' } : { limit: '100' },
          }),
        ),
      ),
  });

/** Every person of an organization, for pickers: an erased person (no name left) is not one. */
export const allMembersQuery = (networkId: string, organizationId: string) =>
  queryOptions({
    queryKey: [...keys.members(networkId, organizationId), 'all'] as const,
    queryFn: async (): Promise<Member[]> =>
      (
        await allPages<Member>((cursor) =>
          call(
            api.networks[':networkId'].organizations[':organizationId'].members.$get({
              param: { networkId, organizationId },
              query: cursor ? { cursor, limit: '100' } : { limit: '100' },
            }),
          ),
        )
      ).filter((m) => !m.erasedAt),
  });

/** The filters of the mentorship list, as in its URL query. */
export interface MentorshipFilters {
  stage?: Stage;
  organizationId?: string;
  approach?: Mentorship['approaches'][number];
}

/** The mentorships a caller may see, newest first, filtered; a filtered page may be short. */
export const mentorshipsQuery = (networkId: string, filters: MentorshipFilters) =>
  infiniteQueryOptions({
    queryKey: keys.mentorshipList(networkId, filters),
    queryFn: ({ pageParam }): Promise<Page<Mentorship>> =>
      call(
        api.networks[':networkId'].mentorships.$get({
          param: { networkId },
          query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) },
        }),
      ),
    ...pages,
  });

/** One mentorship: stage, history, agreements, review schedule. */
export const mentorshipQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: keys.mentorship(networkId, mentorshipId),
    queryFn: (): Promise<Mentorship> =>
      call(
        api.networks[':networkId'].mentorships[':mentorshipId'].$get({
          param: { networkId, mentorshipId },
        }),
      ),
  });

/** A stored mentoring plan: the plan's fields, with optimistic locking by `version`. */
export interface PlanDocument {
  version: number;
  content: PlanInput;
  updatedAt?: string;
  updatedBy?: string;
}

/** The nine approaches (001 pp.19-30). */
export const approachesQuery = () =>
  queryOptions({
    queryKey: keys.approaches,
    queryFn: async (): Promise<Approach[]> => (await call(api.approaches.$get())).items,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

/** A mentorship's plan; `null` when none is saved yet. */
export const mentorshipPlanQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: keys.mentorshipPlan(networkId, mentorshipId),
    queryFn: (): Promise<PlanDocument | null> =>
      call(
        api.networks[':networkId'].mentorships[':mentorshipId'].plan.$get({
          param: { networkId, mentorshipId },
        }),
      ),
  });

/** Saves a whole plan; `version` is the one read (0 for a new plan), else 409. */
export const putMentorshipPlan = (
  networkId: string,
  mentorshipId: string,
  plan: PlanInput & { version: number },
): Promise<PlanDocument> =>
  call(
    api.networks[':networkId'].mentorships[':mentorshipId'].plan.$put({
      param: { networkId, mentorshipId },
      json: plan,
    }),
  );
