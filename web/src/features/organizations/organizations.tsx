import type { Organization } from '@sisi/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { organizationsQuery } from '../../api/queries.ts';
import { Page } from '../../components/page.tsx';
import { PagedList } from '../../components/paged-list.tsx';
import { countryName, useT } from '../../i18n/index.ts';

/** A network admin's list of the network's member organizations. */
export function OrganizationsPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const t = useT();
  const organizations = useInfiniteQuery(organizationsQuery(networkId));
  const items = organizations.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={t('organizations.title')}>
      <p>
        <Link href={`/networks/${networkId}/organizations/new`} className="button primary">
          {t('organizations.add')}
        </Link>
      </p>
      <PagedList query={organizations} items={items} empty={t('organizations.empty')}>
        {(o) => <OrganizationCard key={o.id} networkId={networkId} organization={o} />}
      </PagedList>
    </Page>
  );
}

function OrganizationCard({
  networkId,
  organization: o,
}: {
  networkId: string;
  organization: Organization;
}) {
  const t = useT();
  return (
    <li className="card">
      <h2 className="card-title">
        <Link href={`/networks/${networkId}/organizations/${o.id}`}>{o.name}</Link>
      </h2>
      <p>{countryName(o.country)}</p>
      <p>{o.keyPopulations.map((k) => t(`keyPopulations.${k}`)).join(', ')}</p>
      {o.kpLed || o.status === 'archived' ? (
        <p>
          {o.kpLed ? <span className="badge">{t('organizations.kpLedBadge')}</span> : null}
          {o.status === 'archived' ? (
            <span className="badge status-deactivated">{t('leaving.archived')}</span>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}
