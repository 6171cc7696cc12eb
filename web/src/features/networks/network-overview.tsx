import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { networkQuery } from '../../api/queries.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useAdminsT } from '../../i18n/en-admins.ts';
import { formatDate, languageName } from '../../i18n/index.ts';

const COUNTS = ['organizations', 'people', 'mentorships', 'coachingGroups'] as const;

/**
 * One network as its operator sees it: status and provisioning error, default language, a
 * way to its admins (where invitations are sent again), and how big it is. Counts only:
 * nobody of the network is named here.
 */
export function NetworkOverviewPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const t = useAdminsT();
  const network = useQuery(networkQuery(networkId));
  const n = network.data;
  return (
    <Page title={n?.name ?? t('networkOverview.title')}>
      <p>
        <Link href="/networks">{t('networkAdmins.backToNetworks')}</Link>
      </p>
      {network.isPending ? (
        <Loading />
      ) : !n ? (
        <LoadError error={network.error} retry={() => void network.refetch()} />
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>{t('networkOverview.status')}</dt>
              <dd>
                <span className={`badge status-${n.status}`}>
                  {t(`networks.status.${n.status}`)}
                </span>
              </dd>
            </div>
            {n.statusReason ? (
              <div>
                <dt>{t('networkOverview.statusReason')}</dt>
                <dd>{n.statusReason}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('networkOverview.region')}</dt>
              <dd>{n.region}</dd>
            </div>
            <div>
              <dt>{t('networkOverview.defaultLanguage')}</dt>
              <dd>{languageName(n.defaultLanguage)}</dd>
            </div>
            <div>
              <dt>{t('networkOverview.created')}</dt>
              <dd>{formatDate(n.createdAt)}</dd>
            </div>
          </dl>
          <section aria-labelledby="network-admins">
            <h2 id="network-admins">{t('networkAdmins.listHeading')}</h2>
            <p>{t('networkOverview.adminsIntro')}</p>
            <p>
              <Link href={`/networks/${n.id}/admins`}>{t('networkOverview.adminsLink')}</Link>
            </p>
          </section>
          <section aria-labelledby="network-size">
            <h2 id="network-size">{t('networkOverview.sizeHeading')}</h2>
            {n.counts ? (
              <dl className="facts">
                {COUNTS.map((kind) => (
                  <div key={kind}>
                    <dt>{t(`networkOverview.counts.${kind}`)}</dt>
                    <dd>{n.counts?.[kind]}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p>{t('networkOverview.noCounts')}</p>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
