/**
 * The mentoring summary report (001 Annex 4, "MENTORING PROGRESS REPORT SHEET") after a
 * mentoring event: the sheet's boxes word for word from `summaryReportForm`, its follow-up
 * actions as rows of what, who (a person of the mentorship) and by when, the issues table,
 * and the plan's milestones reached. Checked by the domain's schema before it is sent.
 *
 * `/networks/:networkId/mentorships/:mentorshipId/summary-reports/new`
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  MentorshipLoading,
  MentorshipPage,
  useMentorshipContext,
  useMentorshipParams,
} from '../../components/mentorship-context.tsx';
import { InfoNotice, LoadErrors, Loading } from '../../components/page.tsx';
import { tSheetText, useMonitorT } from '../../i18n/en-monitoring.ts';
import { milestonesQuery, peopleQuery } from './monitoring-queries.ts';
import { FORM, newDraft, SummaryForm } from './summary-report-form.tsx';
import './monitoring.css';

export function SummaryReportPage() {
  const { networkId, mentorshipId } = useMentorshipParams();
  const tm = useMonitorT();
  const ctx = useMentorshipContext(networkId, mentorshipId);
  const m = ctx.mentorship.data;
  const open = !!m && !m.ending && m.stage !== 'end';
  const people = useQuery({ ...peopleQuery(networkId, mentorshipId), enabled: open });
  const milestones = useQuery({ ...milestonesQuery(networkId, mentorshipId), enabled: open });

  let body: ReactNode;
  if (!ctx.ready || !m) {
    body = <MentorshipLoading ctx={ctx} />;
  } else if (!open) {
    body = <InfoNotice>{tm('monitor.form.ended')}</InfoNotice>;
  } else if (people.isError || milestones.isError) {
    body = <LoadErrors queries={[people, milestones]} />;
  } else if (people.isPending || milestones.isPending) {
    body = <Loading />;
  } else {
    body = (
      <SummaryForm
        networkId={networkId}
        mentorship={m}
        organizations={ctx.organizationOptions}
        people={people.data}
        milestones={milestones.data}
        initial={newDraft(m, ctx.me.data)}
      />
    );
  }

  return (
    <MentorshipPage
      title={tm('monitor.form.title')}
      lead={`${FORM.annex}: ${tSheetText('title', FORM.title)}`}
      route={{ networkId, mentorshipId, ctx }}
    >
      {body}
    </MentorshipPage>
  );
}
