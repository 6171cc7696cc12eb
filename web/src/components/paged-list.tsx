import type { ReactNode } from 'react';
import { LoadMore } from './load-more.tsx';
import { LoadError, Loading } from './page.tsx';

/** What a paged list needs of an infinite query. */
export interface PagedQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * The loaded items of a paginated query as a list of cards, with its loading, failed and empty
 * states and "Load more" under it.
 *
 * @example
 * <PagedList query={networks} items={items} empty={t('networks.empty')}>
 *   {(n) => <NetworkCard key={n.id} network={n} />}
 * </PagedList>
 */
export function PagedList<T>({
  query,
  items,
  empty,
  className = 'cards',
  children: item,
}: {
  query: PagedQuery;
  items: readonly T[];
  /** Said when there are no items at all. */
  empty: ReactNode;
  /** The list's class. */
  className?: string;
  /** One item as a keyed `li`. */
  children: (item: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <>
      <ul className={className}>{items.map(item)}</ul>
      <LoadMore query={query} />
    </>
  );
}

/**
 * As `PagedList`, over every page of an infinite query whose pages have `items`; `card`
 * renders one (with its `key`).
 *
 * @example
 * <PagedCards query={list} empty={ts('list.empty')} card={(c) => <CoachingCard key={c.id} c={c} />} />
 */
export function PagedCards<T>({
  query,
  empty,
  className,
  card,
}: {
  query: PagedQuery & { data?: { pages: readonly { items: readonly T[] }[] } | undefined };
  empty: ReactNode;
  className?: string;
  card: (item: T) => ReactNode;
}) {
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <PagedList query={query} items={items} empty={empty} {...(className ? { className } : {})}>
      {card}
    </PagedList>
  );
}
