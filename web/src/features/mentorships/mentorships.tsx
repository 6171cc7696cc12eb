import type { Mentorship } from '@sisi/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useLocation, useParams, useSearch } from 'wouter';
import { type MentorshipFilters, mentorshipsQuery } from '../../api/queries.ts';
import { Form, SelectField, useForm } from '../../components/form/index.ts';
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
  const form = useForm({
    initial: {
      stage: filters.stage ?? '',
      organizationId: filters.organizationId ?? '',
      approach: filters.approach ?? '',
    },
  });
  const chosen = form.value.organizationId;
  // an organization from the URL that is not in the list still shows by its name
  const organizationOptions = organizations && [
    ...organizations.map((o) => ({ value: o.id, label: o.name })),
    ...(chosen && !organizations.some((o) => o.id === chosen)
      ? [{ value: chosen, label: organizationName(chosen) }]
      : []),
  ];
  return (
    <Form form={form} id="filter" ids="name" labelledBy="filters" onSubmit={onApply}>
      <div className="filter-fields">
        <SelectField
          path="stage"
          label={t('mentorships.list.stage')}
          placeholder={t('mentorships.list.anyStage')}
          options={stages.map((s) => ({ value: s, label: stageLabel(t, s) }))}
        />
        {organizationOptions ? (
          <SelectField
            path="organizationId"
            id="filter-organization"
            label={t('mentorships.list.organization')}
            placeholder={t('mentorships.list.anyOrganization')}
            options={organizationOptions}
          />
        ) : null}
        <SelectField
          path="approach"
          label={t('mentorships.list.approach')}
          placeholder={t('mentorships.list.anyApproach')}
          options={approachIds.map((a) => ({ value: a, label: t(`mentorships.approaches.${a}`) }))}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {t('mentorships.list.apply')}
        </button>
        {clearHref ? <Link href={clearHref}>{t('mentorships.list.clear')}</Link> : null}
      </div>
    </Form>
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
