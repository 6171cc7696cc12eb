/**
 * "Recognize progress" (001 Step 4): the mentoring plan's milestones, each marked reached
 * with a celebration; the timeline of milestones, meetings, events, reports and stage
 * changes, oldest first; and photos, added with a caption to the mentorship, a meeting or a
 * milestone (the server strips their location and camera details before storing them).
 *
 * `/networks/:networkId/mentorships/:mentorshipId/progress`
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  MentorshipHeader,
  useMentorshipContext,
  useMentorshipParams,
} from '../../components/mentorship-context.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useMonitorT } from '../../i18n/en-monitoring.ts';
import { milestonesQuery, summaryReportsQuery, timelineQuery } from './monitoring-queries.ts';
import { MilestoneItem, PhotoForm, TimelineItem } from './progress-parts.tsx';
import '../../components/doc-form.css';
import './monitoring.css';

export function ProgressPage() {
  const { networkId, mentorshipId } = useMentorshipParams();
  const tm = useMonitorT();
  const ctx = useMentorshipContext(networkId, mentorshipId);
  const timeline = useQuery(timelineQuery(networkId, mentorshipId));
  const milestones = useQuery(milestonesQuery(networkId, mentorshipId));
  const reports = useQuery(summaryReportsQuery(networkId, mentorshipId));
  const [celebration, setCelebration] = useState<string>();
  const me = ctx.me.data;

  return (
    <Page title={tm('monitor.progress.title')}>
      <MentorshipHeader
        networkId={networkId}
        mentorshipId={mentorshipId}
        organizationOptions={ctx.organizationOptions}
      />
      <p>{tm('monitor.progress.intro')}</p>
      <div role="status" className="status-region">
        {celebration ? (
          <p className="celebration">
            <span className="confetti" aria-hidden="true">
              🎉
            </span>
            {celebration}
          </p>
        ) : null}
      </div>
      {ctx.mentorship.isError ? (
        <LoadError error={ctx.mentorship.error} retry={() => void ctx.mentorship.refetch()} />
      ) : null}
      <section aria-labelledby="milestones">
        <h2 id="milestones">{tm('monitor.progress.milestonesHeading')}</h2>
        {milestones.isPending ? <Loading /> : null}
        {milestones.isError ? (
          <LoadError error={milestones.error} retry={() => void milestones.refetch()} />
        ) : null}
        {milestones.data?.length === 0 ? <p>{tm('monitor.progress.noMilestones')}</p> : null}
        {milestones.data?.length ? (
          <ul className="entries milestone-list">
            {milestones.data.map((ms) => (
              <MilestoneItem
                key={ms.id}
                networkId={networkId}
                mentorshipId={mentorshipId}
                milestone={ms}
                onReached={(description) =>
                  setCelebration(tm('monitor.progress.celebrate', { description }))
                }
              />
            ))}
          </ul>
        ) : null}
      </section>

      <PhotoForm
        networkId={networkId}
        mentorshipId={mentorshipId}
        reports={reports.data ?? []}
        milestones={(milestones.data ?? []).filter((ms) => ms.reached)}
      />

      <section aria-labelledby="timeline">
        <h2 id="timeline">{tm('monitor.progress.timelineHeading')}</h2>
        {timeline.isPending ? <Loading /> : null}
        {timeline.isError ? (
          <LoadError error={timeline.error} retry={() => void timeline.refetch()} />
        ) : null}
        {timeline.data?.length === 0 ? <p>{tm('monitor.progress.timelineEmpty')}</p> : null}
        {timeline.data?.length ? (
          <ol className="timeline">
            {timeline.data.map((entry, i) => (
              <TimelineItem
                // biome-ignore lint/suspicious/noArrayIndexKey: entries have no common id; the order is stable
                key={`${entry.kind}-${entry.date}-${i}`}
                networkId={networkId}
                mentorshipId={mentorshipId}
                entry={entry}
                canRemove={(uploadedBy) => ctx.canManage || uploadedBy === me?.id}
              />
            ))}
          </ol>
        ) : null}
      </section>
    </Page>
  );
}
