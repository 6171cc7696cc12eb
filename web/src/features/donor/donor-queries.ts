/**
 * The donor view's queries: the summary per network and in total, and the same per
 * quarter (for all the reader's networks, or one). Small cells arrive already withheld.
 */
import type { DonorSummary, DonorTrends } from '@sisi/domain';
import { queryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';

export const donorKeys = {
  summary: () => ['summary'] as const,
  quarters: (networkId?: string) => ['summary', 'quarters', networkId ?? 'all'] as const,
};

export const donorSummaryQuery = () =>
  queryOptions({
    queryKey: donorKeys.summary(),
    queryFn: (): Promise<DonorSummary> => call(api.summary.$get()),
  });

export const donorTrendsQuery = (networkId?: string) =>
  queryOptions({
    queryKey: donorKeys.quarters(networkId),
    queryFn: (): Promise<DonorTrends> =>
      call(api.summary.quarters.$get({ query: networkId ? { networkId } : {} })),
  });
