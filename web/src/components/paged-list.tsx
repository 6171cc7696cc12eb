import type { ReactNode } from 'react';
import { LoadMore } from './load-more.tsx';
import { LoadError, Loading } from './page.tsx';

/** What a paged list needs of an infinite query. */
export interface PagedQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
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
  empty: string;
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
