import type { Member, Network, Organization, Page, User } from '@sisi/domain';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, call } from './client.ts';

/**
 * Query keys, hierarchical so a mutation invalidates a whole branch by prefix:
 * invalidating `keys.organizations(n)` also refreshes each organization and its members.
 */
export const keys = {
  me: ['me'] as const,
  networks: ['networks'] as const,
  organizations: (networkId: string) => ['networks', networkId, 'organizations'] as const,
  organization: (networkId: string, organizationId: string) =>
    ['networks', networkId, 'organizations', organizationId] as const,
  members: (networkId: string, organizationId: string) =>
    ['networks', networkId, 'organizations', organizationId, 'members'] as const,
};

const pages = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { cursor?: string | undefined }) => last.cursor,
};

/** The signed-in person (`GET /me`). */
export const meQuery = () =>
  queryOptions({
    queryKey: keys.me,
    queryFn: (): Promise<User> => call(api.me.$get()),
    staleTime: 5 * 60_000,
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
