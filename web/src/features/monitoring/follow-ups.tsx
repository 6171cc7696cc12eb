/**
 * "My follow-up actions": the actions the signed-in person owns across the mentorships they
 * see, overdue ones first and marked in words, each with its mentorship; done and dropped
 * ones on request.
 *
 * `/networks/:networkId/follow-up-actions`
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { meQuery } from '../../api/queries.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useMonitorT } from '../../i18n/en-monitoring.ts';
import { formatDate } from '../../i18n/index.ts';
import { FollowUpList } from './follow-up-list.tsx';
import { type MyAction, myFollowUpsQuery } from './monitoring-queries.ts';

export function MyFollowUpsPage() {
  const { networkId = '' } = useParams<{ networkId: string }>();
  const tm = useMonitorT();
  const me = useQuery(meQuery());
  const [all, setAll] = useState(false);
  const actions = useQuery(myFollowUpsQuery(networkId, all));
  const byId = new Map((actions.data ?? []).map((a) => [a.id, a]));
  return (
    <Page title={tm('monitor.followUps.mineHeading')}>
      <p>{tm('monitor.followUps.mineIntro')}</p>
      <p className="actions">
        <button type="button" aria-pressed={all} onClick={() => setAll(!all)}>
          {tm(all ? 'monitor.followUps.hideClosed' : 'monitor.followUps.showClosed')}
        </button>
      </p>
      {actions.isError ? (
        <LoadError error={actions.error} retry={() => void actions.refetch()} />
      ) : actions.isPending ? (
        <Loading />
      ) : (
        <section aria-label={tm('monitor.followUps.mineHeading')}>
          <FollowUpList
            networkId={networkId}
            actions={actions.data}
            empty={tm('monitor.followUps.mineEmpty')}
            canUpdate={(a) => a.ownerId === me.data?.id}
            describe={(a) => {
              const mine = byId.get(a.id) as MyAction | undefined;
              const [mentor, ...mentees] = mine?.organizations ?? [];
              return (
                <p>
                  <Link href={`/networks/${networkId}/mentorships/${a.mentorshipId}`}>
                    {tm('monitor.followUps.mentorship', {
                      mentor: mentor?.name ?? '',
                      mentees: mentees.map((o) => o.name).join(', '),
                    })}
                  </Link>
                  {' · '}
                  {tm('monitor.followUps.fromMeeting', { date: formatDate(a.meetingDate) })}
                </p>
              );
            }}
          />
        </section>
      )}
    </Page>
  );
}
