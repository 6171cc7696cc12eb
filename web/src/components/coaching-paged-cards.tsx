/**
 * A paged list of cards (coaching groups, programs, Sisi Kwa Sisi coachings, coaches,
 * sessions, write-ups): its load error with a retry, loading, the empty text, then the
 * cards and "Load more".
 */
import type { ReactNode } from 'react';
import { LoadMore } from './load-more.tsx';
import { LoadError, Loading } from './page.tsx';

/** What the list needs of an infinite query whose pages have `items`. */
interface PagedQuery<T> {
  data?: { pages: readonly { items: readonly T[] }[] } | undefined;
  isError: boolean;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * The cards of every page loaded so far; `card` renders one (with its `key`).
 * @example
 * <PagedCards query={list} empty={ts('list.empty')} card={(c) => <CoachingCard key={c.id} c={c} />} />
 */
export function PagedCards<T>({
  query,
  empty,
  className = 'cards',
  card,
}: {
  query: PagedQuery<T>;
  /** Shown when there is nothing. */
  empty: ReactNode;
  className?: string;
  card: (item: T) => ReactNode;
}) {
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  if (query.isError) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  if (query.isPending) return <Loading />;
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <>
      <ul className={className}>{items.map(card)}</ul>
      <LoadMore query={query} />
    </>
  );
}
