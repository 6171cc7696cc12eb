/**
 * Pieces of the review screens shared by the mentorship page and the mentorship list: a
 * review's state as a text badge, and the "Reviews due" list.
 */
import type { ReviewKind, ReviewState } from '@sisi/domain';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { LoadError, Loading } from '../../components/page.tsx';
import { type ReviewTranslate, useReviewT } from '../../i18n/en-reviews.ts';
import { formatDate } from '../../i18n/index.ts';
import { type DueReview, dueReviewsQuery } from './review-queries.ts';
import './reviews.css';

/** A review's state in words ("State: Overdue"); the colour only repeats it. */
export function ReviewStateBadge({ state }: { state: ReviewState }) {
  const tr = useReviewT();
  return (
    <span className={`badge review-${state}`}>
      <span className="visually-hidden">{tr('monitoring.stateLabel')} </span>
      {tr(`monitoring.states.${state}`)}
    </span>
  );
}

/** What a state means, for the states that are more than their name. */
export function reviewStateHint(tr: ReviewTranslate, state: ReviewState): string | undefined {
  switch (state) {
    case 'requested':
    case 'reminded':
    case 'overdue':
    case 'submitted':
      return tr(`monitoring.stateHints.${state}`);
    default:
      return undefined;
  }
}

const dueName = (tr: ReviewTranslate, r: { kind: ReviewKind; period?: number | undefined }) =>
  r.kind === 'quarterly'
    ? tr('monitoring.due.quarterly', { period: r.period })
    : tr(r.kind === 'mid-term' ? 'monitoring.due.midTerm' : 'monitoring.due.end');

function pairName(tr: ReviewTranslate, item: DueReview) {
  const name = (o: { name: string }) => o.name || tr('monitoring.due.unknownOrganization');
  return tr('monitoring.due.pair', {
    mentor: name(item.organizations.find((o) => o.role === 'mentor') ?? { name: '' }),
    mentees: item.organizations
      .filter((o) => o.role === 'mentee')
      .map(name)
      .join(', '),
  });
}

/**
 * The reviews waiting for the reader (requested, reminded or overdue), oldest first, each
 * a link to the form to fill.
 */
export function DueReviews({ networkId, isAdmin }: { networkId: string; isAdmin: boolean }) {
  const tr = useReviewT();
  const due = useQuery(dueReviewsQuery(networkId));
  const items = due.data?.items ?? [];
  return (
    <section aria-labelledby="due-reviews" className="due-reviews">
      <h2 id="due-reviews">{tr('monitoring.due.heading')}</h2>
      <p className="hint">{tr(isAdmin ? 'monitoring.due.introAdmin' : 'monitoring.due.intro')}</p>
      {due.isPending ? (
        <Loading />
      ) : due.isError ? (
        <LoadError error={due.error} retry={() => void due.refetch()} />
      ) : items.length === 0 ? (
        <p>{tr('monitoring.due.empty')}</p>
      ) : (
        <ul className="entries">
          {items.map((item) => (
            <li key={`${item.mentorshipId}-${item.n}`}>
              <p className="entry-title">
                <Link href={item.link}>
                  {dueName(tr, item)}: {pairName(tr, item)}
                </Link>
              </p>
              <p>
                {tr('monitoring.due.dueOn', { date: formatDate(item.dueDate) })}{' '}
                <ReviewStateBadge state={item.state} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {due.data?.truncated ? <p className="hint">{tr('monitoring.due.truncated')}</p> : null}
    </section>
  );
}
