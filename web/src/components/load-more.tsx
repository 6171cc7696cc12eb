import { useT } from '../i18n/index.ts';

interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" under a paginated list; gone on the last page. */
export function LoadMore({ query }: { query: Pager }) {
  const t = useT();
  if (!query.hasNextPage) return null;
  return (
    <div className="actions">
      <button
        type="button"
        onClick={() => {
          if (!query.isFetchingNextPage) void query.fetchNextPage();
        }}
        aria-disabled={query.isFetchingNextPage || undefined}
      >
        {t('app.loadMore')}
      </button>
      <span role="status" className="busy">
        {query.isFetchingNextPage ? t('app.loadingMore') : ''}
      </span>
    </div>
  );
}
