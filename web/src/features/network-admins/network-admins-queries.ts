import type { NetworkAdmin, Page } from '@sisi/domain';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import { keys, pages } from '../../api/queries.ts';

/** Under the network's branch, so invalidating the network refreshes its admins too. */
export const adminKeys = {
  network: keys.network,
  admins: (networkId: string) => ['networks', networkId, 'admins'] as const,
};

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
