/**
 * Print views of the paper forms, laid out as in the toolkit: Annex 4 (Mentoring Summary
 * Report) and Annex 5 (Mentor's Quarterly Report), filled in from a stored report or blank
 * to print and fill in by hand. The words are the forms' own, from `@sisi/domain/static`.
 * A Print button prints the page; `@media print` drops the app around the sheet.
 *
 * `/networks/:networkId/mentorships/:mentorshipId/summary-reports/:reportId`
 * `/networks/:networkId/mentorships/:mentorshipId/quarterly-reports/:period`
 * `/forms/summary-report`, `/forms/quarterly-report`
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { useMentorshipContext } from '../../components/mentorship-context.tsx';
import { InfoNotice, LoadError, Loading, Page } from '../../components/page.tsx';
import { tSheetText, useMonitorT } from '../../i18n/en-monitoring.ts';
import { tReportText } from '../../i18n/en-reviews.ts';
import { formatDate } from '../../i18n/index.ts';
import { quarterlyReportQuery } from '../reviews/review-queries.ts';
import { summaryReportQuery } from './monitoring-queries.ts';
import { A4, A5, QuarterlySheet, SummarySheet } from './print-sheets.tsx';
import './monitoring.css';

/** Print and back, never printed themselves. */
function PrintBar({ back }: { back?: string }) {
  const tm = useMonitorT();
  return (
    <p className="actions no-print">
      <button type="button" className="primary" onClick={() => window.print()}>
        {tm('monitor.print.print')}
      </button>
      {back ? <Link href={back}>{tm('monitor.print.back')}</Link> : null}
    </p>
  );
}

export function BlankSummaryReportPage() {
  const tm = useMonitorT();
  return (
    <Page title={`${A4.annex}: ${tSheetText('title', A4.title)}`}>
      <p className="no-print">{tm('monitor.print.blankNote')}</p>
      <PrintBar />
      <SummarySheet organizationName={() => ''} />
    </Page>
  );
}

export function BlankQuarterlyReportPage() {
  const tm = useMonitorT();
  return (
    <Page title={`${A5.annex}: ${tReportText('title', A5.title)}`}>
      <p className="no-print">{tm('monitor.print.blankNote')}</p>
      <PrintBar />
      <QuarterlySheet />
    </Page>
  );
}

export function SummaryReportPrintPage() {
  const {
    networkId = '',
    mentorshipId = '',
    reportId = '',
  } = useParams<{
    networkId: string;
    mentorshipId: string;
    reportId: string;
  }>();
  const tm = useMonitorT();
  const ctx = useMentorshipContext(networkId, mentorshipId);
  const report = useQuery(summaryReportQuery(networkId, mentorshipId, reportId, { print: true }));
  const names = new Map(ctx.organizationOptions.map((o) => [o.value, String(o.label)]));
  const base = `/networks/${networkId}/mentorships/${mentorshipId}`;
  return (
    <Page
      title={
        report.data
          ? tm('monitor.print.summaryTitle', { date: formatDate(report.data.meetingDate) })
          : `${A4.annex}: ${tSheetText('title', A4.title)}`
      }
    >
      <p className="annex">
        {A4.annex}: {tSheetText('title', A4.title)}
      </p>
      <PrintBar back={base} />
      {report.isError ? (
        <LoadError error={report.error} retry={() => void report.refetch()} />
      ) : !report.data ? (
        <Loading />
      ) : (
        <>
          <p className="hint">
            {tm('monitor.print.filedBy', {
              name: report.data.createdByName,
              date: formatDate(report.data.createdAt),
            })}
          </p>
          <SummarySheet report={report.data} organizationName={(id) => names.get(id) ?? ''} />
        </>
      )}
    </Page>
  );
}

export function QuarterlyReportPrintPage() {
  const {
    networkId = '',
    mentorshipId = '',
    period = '',
  } = useParams<{
    networkId: string;
    mentorshipId: string;
    period: string;
  }>();
  const tm = useMonitorT();
  const n = Number(period);
  const ctx = useMentorshipContext(networkId, mentorshipId);
  const report = useQuery({
    ...quarterlyReportQuery(networkId, mentorshipId, n, { print: true }),
    enabled: Number.isInteger(n) && n > 0,
  });
  const [mentor, ...mentees] = ctx.organizationOptions.map((o) => String(o.label));
  const base = `/networks/${networkId}/mentorships/${mentorshipId}`;
  return (
    <Page title={tm('monitor.print.quarterlyTitle', { period: n })}>
      <p className="annex">
        {A5.annex}: {tReportText('title', A5.title)}
      </p>
      <PrintBar back={base} />
      {report.isError ? (
        <LoadError error={report.error} retry={() => void report.refetch()} />
      ) : report.data === null || !(Number.isInteger(n) && n > 0) ? (
        <InfoNotice>{tm('monitor.print.notFound')}</InfoNotice>
      ) : !report.data ? (
        <Loading />
      ) : (
        <QuarterlySheet report={report.data} mentor={mentor} mentees={mentees.join(', ')} />
      )}
    </Page>
  );
}
