import type { Network, NetworkAdmin, Page } from '@sisi/domain';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import { pages } from '../../api/queries.ts';

/** Under the network's branch, so invalidating the network refreshes its admins too. */
export const adminKeys = {
  network: (networkId: string) => ['networks', networkId, 'network'] as const,
  admins: (networkId: string) => ['networks', networkId, 'admins'] as const,
};

/** One network (its name for the heading): the operator's, or the caller's own. */
export const networkQuery = (networkId: string) =>
  queryOptions({
    queryKey: adminKeys.network(networkId),
    queryFn: (): Promise<Network> =>
      call(api.networks[':networkId'].$get({ param: { networkId } })),
  });

/** The network's admins with their status, page by page. */
export const adminsQuery = (networkId: string) =>
  infiniteQueryOptions({
    queryKey: adminKeys.admins(networkId),
    queryFn: ({ pageParam }): Promise<Page<NetworkAdmin>> =>
      call(
        api.networks[':networkId'].admins.$get({
          param: { networkId },
          query: pageParam ? { cursor: pageParam } : {},
        }),
      ),
    ...pages,
  });
