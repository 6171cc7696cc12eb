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
    <BusyButton
      label={t('app.loadMore')}
      busy={query.isFetchingNextPage}
      busyLabel={t('app.loadingMore')}
      onClick={() => void query.fetchNextPage()}
    />
  );
}

/**
 * A button whose name never changes; while `busy` it does nothing, and a polite status next
 * to it says what is happening.
 */
export function BusyButton({
  label,
  busy,
  busyLabel,
  onClick,
}: {
  label: string;
  busy: boolean;
  busyLabel: string;
  onClick: () => void;
}) {
  return (
    <div className="actions">
      <button
        type="button"
        onClick={() => {
          if (!busy) onClick();
        }}
        aria-disabled={busy || undefined}
      >
        {label}
      </button>
      <span role="status" className="busy">
        {busy ? busyLabel : ''}
      </span>
    </div>
  );
}
