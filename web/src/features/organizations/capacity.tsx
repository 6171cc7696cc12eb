/**
 * What an organization needs and offers: its dated capacity assessments (priority areas,
 * learning objectives in knowledge / skills / attitudes terms) and, as a mentor, its asset
 * inventory (001 "Mentors: Inventory Your Assets and Expertise"). A network admin or the
 * organization's coordinator writes them; its people read them.
 */
import type { User } from '@sisi/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { meQuery, organizationQuery } from '../../api/queries.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { usePlanT } from '../../i18n/en-plan.ts';
import { Assessments } from './capacity-assessments.tsx';
import { Inventory } from './capacity-inventory.tsx';
import { useOrganizationParams } from './organization-params.ts';

/** A network admin, or the organization's own coordinator. */
const canWrite = (user: User | undefined, organizationId: string) =>
  !!user &&
  (user.roles.includes('network-admin') ||
    (user.roles.includes('coordinator') && user.organizationId === organizationId));

/** `/networks/:networkId/organizations/:organizationId/capacity` */
export function CapacityPage() {
  const { networkId, organizationId } = useOrganizationParams();
  const tp = usePlanT();
  const me = useQuery(meQuery());
  const organization = useQuery(organizationQuery(networkId, organizationId));
  const editable = canWrite(me.data, organizationId);
  const name = organization.data?.name;
  return (
    <Page title={name ? tp('s2s.capacity.title', { name }) : tp('s2s.capacity.titleFallback')}>
      <p>
        <Link href={`/networks/${networkId}/organizations/${organizationId}`}>
          {tp('s2s.capacity.back')}
        </Link>
      </p>
      {organization.isError ? (
        <LoadError error={organization.error} retry={() => void organization.refetch()} />
      ) : !organization.data || !me.data ? (
        <Loading />
      ) : (
        <>
          <Assessments networkId={networkId} organizationId={organizationId} editable={editable} />
          <Inventory networkId={networkId} organizationId={organizationId} editable={editable} />
        </>
      )}
    </Page>
  );
}
