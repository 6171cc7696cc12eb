import { useParams } from 'wouter';

/**
 * The network and organization of an organization page's route
 * (`/networks/:networkId/organizations/:organizationId/…`); empty while it does not match.
 */
export function useOrganizationParams(): { networkId: string; organizationId: string } {
  const { networkId = '', organizationId = '' } = useParams<{
    networkId: string;
    organizationId: string;
  }>();
  return { networkId, organizationId };
}
