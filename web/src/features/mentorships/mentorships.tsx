import type { Mentorship } from '@sisi/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { type MentorshipFilters, mentorshipsQuery } from '../../api/queries.ts';
import { LoadMore } from '../../components/load-more.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useMT } from '../../i18n/en-mentorships.ts';
import { formatDate } from '../../i18n/index.ts';
import { type ApproachId, approachIds, type Stage, stages } from '../../mentorship-domain.ts';
import { ExportLinks } from '../monitoring/monitoring-parts.tsx';
import { DueReviews } from '../reviews/review-parts.tsx';
import { stageLabel, useOrganizations, useViewer } from './mentorship-parts.tsx';

/** The filters in the URL's query; unknown values are ignored. */
function filtersOf(search: string): MentorshipFilters {
  const q = new URLSearchParams(search);
  const stage = q.get('stage');
  const approach = q.get('approach');
  const organizationId = q.get('organizationId');
  return {
    ...(stage && (stages as readonly string[]).includes(stage) ? { stage: stage as Stage } : {}),
    ...(organizationId ? { organizationId } : {}),
    ...(approach && (approachIds as readonly string[]).includes(approach)
      ? { approach: approach as ApproachId }
      : {}),
  };
}

/**
 * The mentorships the reader may see (admins: the network's; coordinators: their
 * organization's; members: those they take part in), filtered by stage, organization and
 * approach through the URL.
 */
export function MentorshipsPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const t = useMT();
  const search = useSearch();
  const [, setLocation] = useLocation();
  const filters = filtersOf(search);
  const filtered = Object.keys(filters).length > 0;
  const viewer = useViewer(networkId);
  const mentorships = useInfiniteQuery(mentorshipsQuery(networkId, filters));
  const items = mentorships.data?.pages.flatMap((p) => p.items) ?? [];
  const orgs = useOrganizations(
    networkId,
    viewer.isAdmin,
    viewer.user?.organizationId,
    items.flatMap((m) => m.organizations ?? []),
  );
  const lastPage = mentorships.data?.pages.at(-1);

  // A filtered page may come back empty while more follow: keep going until one has items.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = mentorships;
  const emptyPageWithMore = lastPage?.items.length === 0 && hasNextPage;
  useEffect(() => {
    if (emptyPageWithMore && !isFetchingNextPage) void fetchNextPage();
  }, [emptyPageWithMore, isFetchingNextPage, fetchNextPage]);

  const base = `/networks/${networkId}/mentorships`;

  return (
    <Page title={t('mentorships.list.title')}>
      <p className="links">
        {viewer.isAdmin ? (
          <Link href={`${base}/new`} className="button primary">
            {t('mentorships.list.add')}
          </Link>
        ) : null}
        <Link href="/decision-matrix">{t('mentorships.list.matrixLink')}</Link>
      </p>

      <DueReviews networkId={networkId} isAdmin={viewer.isAdmin} />

      <section aria-labelledby="filters" className="filters">
        <h2 id="filters">{t('mentorships.list.filtersHeading')}</h2>
        {/* re-created when the URL changes, so its fields always show the URL's filters */}
        <FilterForm
          key={search}
          filters={filters}
          organizations={viewer.isAdmin ? orgs.list : undefined}
          organizationName={orgs.name}
          onApply={(next) => {
            const query = new URLSearchParams(
              Object.entries(next).filter(([, v]) => Boolean(v)) as [string, string][],
            ).toString();
            setLocation(query ? `${base}?${query}` : base);
          }}
          clearHref={filtered ? base : undefined}
        />
      </section>

      <section aria-labelledby="results">
        <h2 id="results">{t('mentorships.list.resultsHeading')}</h2>
        {mentorships.isPending ? (
          <Loading />
        ) : mentorships.isError ? (
          <LoadError error={mentorships.error} retry={() => void mentorships.refetch()} />
        ) : (
          <>
            <p role="status">
              {emptyPageWithMore
                ? t('mentorships.list.loadingAll')
                : items.length === 0
                  ? t(filtered ? 'mentorships.list.emptyFiltered' : 'mentorships.list.empty')
                  : t('mentorships.list.shown', { count: items.length })}
            </p>
            {items.length > 0 ? (
              <ul className="cards">
                {items.map((m) => (
                  <MentorshipCard
                    key={m.id}
                    networkId={networkId}
                    mentorship={m}
                    name={orgs.name}
                  />
                ))}
              </ul>
            ) : null}
            {emptyPageWithMore ? null : <LoadMore query={mentorships} />}
          </>
        )}
      </section>

      <ExportLinks networkId={networkId} headingLevel={2} />
    </Page>
  );
}

/** Stage, organization (admins) and approach; applied to the URL on submit. */
function FilterForm({
  filters,
  organizations,
  organizationName,
  onApply,
  clearHref,
}: {
  filters: MentorshipFilters;
  /** The organizations to choose from; none for who sees their own organization only. */
  organizations: readonly { id: string; name: string }[] | undefined;
  organizationName: (id: string) => string;
  onApply: (filters: Record<keyof MentorshipFilters, string>) => void;
  clearHref: string | undefined;
}) {
  const t = useMT();
  const [stage, setStage] = useState<string>(filters.stage ?? '');
  const [organizationId, setOrganizationId] = useState(filters.organizationId ?? '');
  const [approach, setApproach] = useState<string>(filters.approach ?? '');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ stage, organizationId, approach });
  };
  return (
    <form onSubmit={submit} aria-labelledby="filters" noValidate>
      <div className="filter-fields">
        <div className="field">
          <label htmlFor="filter-stage">{t('mentorships.list.stage')}</label>
          <select id="filter-stage" value={stage} onChange={(e) => setStage(e.target.value)}>
            <option value="">{t('mentorships.list.anyStage')}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {stageLabel(t, s)}
              </option>
            ))}
          </select>
        </div>
        {organizations ? (
          <div className="field">
            <label htmlFor="filter-organization">{t('mentorships.list.organization')}</label>
            <select
              id="filter-organization"
              value={organizationId}
              onChange={(e) => setOrganizationId(e.target.value)}
            >
              <option value="">{t('mentorships.list.anyOrganization')}</option>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
              {organizationId && !organizations.some((o) => o.id === organizationId) ? (
                <option value={organizationId}>{organizationName(organizationId)}</option>
              ) : null}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="filter-approach">{t('mentorships.list.approach')}</label>
          <select
            id="filter-approach"
            value={approach}
            onChange={(e) => setApproach(e.target.value)}
          >
            <option value="">{t('mentorships.list.anyApproach')}</option>
            {approachIds.map((a) => (
              <option key={a} value={a}>
                {t(`mentorships.approaches.${a}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {t('mentorships.list.apply')}
        </button>
        {clearHref ? <Link href={clearHref}>{t('mentorships.list.clear')}</Link> : null}
      </div>
    </form>
  );
}

function MentorshipCard({
  networkId,
  mentorship: m,
  name,
}: {
  networkId: string;
  mentorship: Mentorship;
  name: (id: string) => string;
}) {
  const t = useMT();
  const mentees = m.menteeOrganizationIds.map(name).join(', ');
  return (
    <li className="card">
      <h3 className="card-title">
        <Link href={`/networks/${networkId}/mentorships/${m.id}`}>
          {t('mentorships.detail.heading', {
            mentor: name(m.mentorOrganizationId),
            mentees,
          })}
        </Link>
      </h3>
      <p>
        {t('mentorships.list.mentor')}: {name(m.mentorOrganizationId)}
      </p>
      <p>
        {t('mentorships.list.mentees')}: {mentees}
      </p>
      <p>
        {t('mentorships.list.type')}: {t(`mentorships.types.${m.type}`)}
      </p>
      <p>
        {t('mentorships.list.stage')}:{' '}
        <span className={`badge stage-${m.stage}`}>{stageLabel(t, m.stage)}</span>
      </p>
      <p>
        {t('mentorships.list.startDate')}: {formatDate(m.startDate)}
      </p>
      {m.approaches.length > 0 ? (
        <p>
          {t('mentorships.detail.approachesChosen')}:{' '}
          {m.approaches.map((a) => t(`mentorships.approaches.${a}`)).join(', ')}
        </p>
      ) : null}
    </li>
  );
}
