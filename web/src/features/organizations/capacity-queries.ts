/**
 * Queries and writes of an organization's capacity forms: its capacity assessments and its
 * asset inventory. Keys extend the organization's (`['networks', n, 'organizations', o, …]`).
 */
import type { AssetInventory, CapacityAssessment, Page } from '@sisi/domain';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import { keys, pages, type StoredDoc } from '../../api/queries.ts';

export type AssetInventoryContent = Omit<AssetInventory, 'version'>;
/** What a save sends: the fields, and the version read (absent the first time). */
export type AssetInventoryInput = AssetInventoryContent & { version?: number };
export type CapacityAssessmentRecord = CapacityAssessment & { id: string; createdAt?: string };

export const capacityKeys = {
  capacityAssessments: (networkId: string, organizationId: string) =>
    [...keys.organization(networkId, organizationId), 'capacity-assessments'] as const,
  assetInventory: (networkId: string, organizationId: string) =>
    [...keys.organization(networkId, organizationId), 'asset-inventory'] as const,
};

const organizationApi = () => api.networks[':networkId'].organizations[':organizationId'];

/** An organization's capacity assessments, page by page. */
export const capacityAssessmentsQuery = (networkId: string, organizationId: string) =>
  infiniteQueryOptions({
    queryKey: capacityKeys.capacityAssessments(networkId, organizationId),
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
    queryKey: capacityKeys.assetInventory(networkId, organizationId),
    queryFn: (): Promise<StoredDoc<AssetInventoryContent> | null> =>
      call(organizationApi()['asset-inventory'].$get({ param: { networkId, organizationId } })),
  });

export const putAssetInventory = (
  networkId: string,
  organizationId: string,
  body: AssetInventoryInput,
): Promise<StoredDoc<AssetInventoryContent>> =>
  call(
    organizationApi()['asset-inventory'].$put({ param: { networkId, organizationId }, json: body }),
  );
