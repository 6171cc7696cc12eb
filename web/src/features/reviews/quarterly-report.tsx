/**
 * The mentor's quarterly report (001 Annex 5, "Mentor's Quarterly Report") of one period:
 * the form's questions word for word from `quarterlyReportForm`, the interaction log as
 * rows of date, hours and activity with its total, checked by the domain's schema before
 * it is sent. One report per period: a second one is refused (409) and the page says so.
 *
 * `/networks/:networkId/mentorships/:mentorshipId/quarterly-reports/new?period=N`
 */
import type { Mentorship, User } from '@sisi/domain';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearch } from 'wouter';
import {
  MentorshipLoading,
  MentorshipPage,
  useMentorshipContext,
  useMentorshipParams,
} from '../../components/mentorship-context.tsx';
import { InfoNotice, LoadErrors, Loading } from '../../components/page.tsx';
import { tReportText, useReviewT } from '../../i18n/en-reviews.ts';
import { formatDate } from '../../i18n/index.ts';
import { sidePeople } from '../mentorships/plan-draft.ts';
import { planQuery } from '../mentorships/queries.ts';
import { peopleQuery } from '../monitoring/monitoring-queries.ts';
import { FORM, initialDraft } from './quarterly-report-draft.ts';
import { ReportForm } from './quarterly-report-form.tsx';
import { quarterlyReportQuery } from './review-queries.ts';
import './reviews.css';

/** The mentor organization's coordinator, or a network admin, files the report. */
const canFile = (user: User | undefined, m: Mentorship | undefined, networkId: string) =>
  !!user &&
  !!m &&
  user.networkId === networkId &&
  (user.roles.includes('network-admin') ||
    (user.roles.includes('coordinator') && user.organizationId === m.mentorOrganizationId));

export function QuarterlyReportPage() {
  const { networkId, mentorshipId } = useMentorshipParams();
  const tr = useReviewT();
  const search = useSearch();
  const ctx = useMentorshipContext(networkId, mentorshipId);
  const m = ctx.mentorship.data;
  const quarters = m?.schedule.quarterlyReviews ?? [];
  const asked = Number(new URLSearchParams(search).get('period'));
  const period = Number.isInteger(asked) && asked >= 1 && asked <= quarters.length ? asked : 0;
  const allowed = canFile(ctx.me.data, m, networkId);
  const existing = useQuery({
    ...quarterlyReportQuery(networkId, mentorshipId, period),
    enabled: period > 0 && allowed,
    // checked when the page opens; a refetch must not swap a form being filled for a notice
    refetchOnWindowFocus: false,
  });
  const plan = useQuery({ ...planQuery(networkId, mentorshipId), enabled: allowed });
  // the mentees' names come from the mentorship's people, which its coordinators may read
  const people = useQuery({
    ...peopleQuery(networkId, mentorshipId),
    enabled: allowed,
    retry: false,
  });
  const base = `/networks/${networkId}/mentorships/${mentorshipId}`;
  const title = period
    ? tr('monitoring.report.title', { period })
    : tr('monitoring.report.titleNoPeriod');

  let body: ReactNode;
  if (!ctx.ready || !m) {
    body = <MentorshipLoading ctx={ctx} />;
  } else if (!allowed) {
    body = <InfoNotice>{tr('monitoring.report.notYours')}</InfoNotice>;
  } else if (quarters.length === 0) {
    body = <InfoNotice>{tr('monitoring.report.noQuarters')}</InfoNotice>;
  } else if (!period) {
    body = (
      <section aria-labelledby="choose-period">
        <h2 id="choose-period">{tr('monitoring.report.choosePeriod')}</h2>
        <ul className="entries">
          {quarters.map((date, i) => (
            <li key={date}>
              <Link href={`${base}/quarterly-reports/new?period=${i + 1}`}>
                {tr('monitoring.report.periodOption', { period: i + 1, date: formatDate(date) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    );
  } else if (existing.isError || plan.isError) {
    body = <LoadErrors queries={[existing, plan]} />;
  } else if (existing.isPending || plan.isPending || people.isPending) {
    body = <Loading />;
  } else if (existing.data) {
    body = (
      <div className="notice info">
        <p>
          {tr('monitoring.report.alreadySubmitted', {
            date: formatDate(existing.data.submittedAt),
            name: existing.data.submittedByName,
          })}
        </p>
        <p>
          <Link href={base}>{tr('monitoring.report.backToMentorship')}</Link>
        </p>
      </div>
    );
  } else {
    body = (
      <ReportForm
        key={period}
        networkId={networkId}
        mentorship={m}
        period={period}
        dueDate={quarters[period - 1]!}
        organizationNames={ctx.organizationOptions.map((o) => String(o.label))}
        initial={initialDraft(
          plan.data?.content,
          ctx.me.data?.organizationId === m.mentorOrganizationId ? ctx.me.data?.name : undefined,
          sidePeople(m, people.data ?? [], 'mentee').map((p) => p.name),
        )}
      />
    );
  }

  return (
    <MentorshipPage
      title={title}
      lead={tr('monitoring.report.annex', {
        annex: FORM.annex,
        title: tReportText('title', FORM.title),
      })}
      route={{ networkId, mentorshipId, ctx }}
    >
      {body}
    </MentorshipPage>
  );
}
