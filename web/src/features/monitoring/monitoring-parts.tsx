/**
 * Pieces of the monitoring screens (001 Step 4) shared by the mentorship page, the network's
 * mentorships list and the monitoring pages: the monitoring section of a mentorship, the
 * summary reports, the practical tips for who coordinates, and CSV exports. Follow-up
 * actions are in `follow-up-list.tsx`.
 */
import type { Mentorship } from '@sisi/domain';
import { practicalChallenges, practicalTipsIntro } from '@sisi/domain/static';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { problemMessage } from '../../components/form/index.ts';
import { ErrorNotice, Loading } from '../../components/page.tsx';
import { type MonitorTranslate, tTipText, useMonitorT } from '../../i18n/en-monitoring.ts';
import { formatDate } from '../../i18n/index.ts';
import { mentorshipReviewsQuery } from '../reviews/review-queries.ts';
import {
  downloadCsv,
  exportUrl,
  followUpsQuery,
  type PracticalTips,
  photoQuery,
  summaryReportsQuery,
  tipsQuery,
} from './monitoring-queries.ts';
import './monitoring.css';
import { FollowUpList, type MonitorViewer } from './follow-up-list.tsx';

/** The forms the API exports, in the order it lists them. */
export const EXPORT_FORMS = [
  'summary-reports',
  'follow-up-actions',
  'quarterly-reports',
  'reflection',
  'evaluations',
] as const;

/** A download button per form: the CSV of one mentorship, or of every one the reader sees. */
export function ExportLinks({
  networkId,
  mentorshipId,
  headingLevel = 3,
}: {
  networkId: string;
  mentorshipId?: string;
  headingLevel?: 2 | 3;
}) {
  const tm = useMonitorT();
  const [busy, setBusy] = useState<(typeof EXPORT_FORMS)[number]>();
  const [error, setError] = useState<string>();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = mentorshipId ? 'exports-mentorship' : 'exports-network';
  return (
    <section aria-labelledby={headingId} className="exports">
      <Heading id={headingId}>{tm('monitor.exports.heading')}</Heading>
      <p>{tm(mentorshipId ? 'monitor.exports.intro' : 'monitor.exports.networkIntro')}</p>
      <ErrorNotice message={error} />
      <ul className="links export-links">
        {EXPORT_FORMS.map((form) => {
          const name = tm(`monitor.exports.forms.${form}`);
          return (
            <li key={form}>
              <button
                type="button"
                className="link-button"
                aria-disabled={busy === form || undefined}
                onClick={async () => {
                  if (busy) return;
                  setBusy(form);
                  setError(undefined);
                  try {
                    await downloadCsv(exportUrl(networkId, form, mentorshipId));
                  } catch (e) {
                    setError(`${tm('monitor.exports.failed')} ${problemMessage(e, tm)}`);
                  } finally {
                    setBusy(undefined);
                  }
                }}
              >
                {tm('monitor.exports.download', { form: name })}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="busy" role="status">
        {busy
          ? tm('monitor.exports.downloading', { form: tm(`monitor.exports.forms.${busy}`) })
          : ''}
      </p>
    </section>
  );
}

function symptomText(tm: MonitorTranslate, s: PracticalTips['symptoms'][number]): string {
  switch (s.id) {
    case 'no-recent-event':
      return tm('monitor.tips.symptoms.no-recent-event', { days: s.days });
    case 'milestones-overdue':
      return tm('monitor.tips.symptoms.milestones-overdue', { count: s.milestones?.length ?? 0 });
    case 'reports-late':
      return tm('monitor.tips.symptoms.reports-late', { count: s.reviews?.length ?? 0 });
    default:
      return tm('monitor.tips.symptoms.follow-ups-overdue', { count: s.count ?? 0 });
  }
}

/** The practical tips a mentorship's symptoms call for (shown to who coordinates it). */
export function TipsPanel({
  networkId,
  mentorshipId,
}: {
  networkId: string;
  mentorshipId: string;
}) {
  const tm = useMonitorT();
  const tips = useQuery(tipsQuery(networkId, mentorshipId));
  if (tips.isPending || tips.isError || !tips.data) return null;
  const { symptoms, challenges } = tips.data;
  return (
    <section aria-labelledby="tips" className="panel tips">
      <h3 id="tips">{tm('monitor.tips.heading')}</h3>
      {symptoms.length === 0 ? (
        <p>{tm('monitor.tips.none')}</p>
      ) : (
        <>
          <p>{tm('monitor.tips.intro')}</p>
          <h4>{tm('monitor.tips.signsHeading')}</h4>
          <ul>
            {symptoms.map((s) => (
              <li key={s.id}>{symptomText(tm, s)}</li>
            ))}
          </ul>
          <h4>{tm('monitor.tips.tipsHeading')}</h4>
          <p>{practicalTipsIntro.text}</p>
          {challenges.map((c) => {
            const source = practicalChallenges.find((p) => p.id === c.id);
            return (
              <details key={c.id} className="tip">
                <summary>{tTipText(`${c.id}.title`, source?.title ?? c.title)}</summary>
                <ul>
                  {c.tips.map((tip, i) => (
                    <li key={tip}>{tTipText(`${c.id}.tips.${i}`, tip)}</li>
                  ))}
                </ul>
                {c.case ? (
                  <div className="tip-case">
                    <p className="entry-title">{tm('monitor.tips.caseHeading')}</p>
                    {c.case.parts.map((p) => (
                      <p key={p.title}>
                        <em>{p.title}</em> {p.text}
                      </p>
                    ))}
                  </div>
                ) : null}
              </details>
            );
          })}
        </>
      )}
    </section>
  );
}

/** A photo of the timeline, fetched with the session's token. */
export function Photo({
  networkId,
  mentorshipId,
  photoId,
  alt,
}: {
  networkId: string;
  mentorshipId: string;
  photoId: string;
  alt: string;
}) {
  const tm = useMonitorT();
  const src = useQuery(photoQuery(networkId, mentorshipId, photoId));
  if (src.isError) return <p className="hint">{tm('monitor.progress.photoFailed')}</p>;
  if (!src.data) return <div className="photo-placeholder" aria-hidden="true" />;
  return <img className="photo" src={src.data} alt={alt} />;
}

/**
 * The monitoring part of a mentorship's page: its follow-up actions (overdue first, marked
 * in words), its summary reports with a view and print link each, links to file a new one,
 * to the progress timeline and to the blank forms, the tips for who coordinates it, and the
 * CSV exports.
 */
export function MonitoringSection({
  networkId,
  mentorship: m,
  viewer,
}: {
  networkId: string;
  mentorship: Mentorship;
  viewer: MonitorViewer;
}) {
  const tm = useMonitorT();
  const actions = useQuery(followUpsQuery(networkId, m.id));
  const reports = useQuery(summaryReportsQuery(networkId, m.id));
  const base = `/networks/${networkId}/mentorships/${m.id}`;
  const overdue = (actions.data ?? []).filter((a) => a.overdue).length;
  // the review states the page reads anyway: the quarterly reports that are in
  const reviews = useQuery(mentorshipReviewsQuery(networkId, m.id));
  const submitted = (reviews.data ?? []).filter(
    (r) => r.kind === 'quarterly' && r.state === 'submitted' && r.period !== undefined,
  );
  return (
    <section aria-labelledby="monitoring" className="monitoring">
      <h2 id="monitoring">{tm('monitor.section.heading')}</h2>
      <p>{tm('monitor.section.intro')}</p>
      <ul className="links tool-links">
        {m.stage !== 'end' && !m.ending ? (
          <li>
            <Link href={`${base}/summary-reports/new`}>{tm('monitor.section.fileSummary')}</Link>
          </li>
        ) : null}
        <li>
          <Link href={`${base}/progress`}>{tm('monitor.section.progress')}</Link>
        </li>
      </ul>

      <h3 id="follow-ups">
        {tm('monitor.followUps.heading')}
        {overdue ? (
          <span className="badge follow-up-overdue heading-badge">
            {tm('monitor.followUps.overdueCount', { count: overdue })}
          </span>
        ) : null}
      </h3>
      {actions.isPending ? <Loading /> : null}
      {actions.data ? (
        <FollowUpList
          networkId={networkId}
          actions={actions.data}
          empty={tm('monitor.followUps.none')}
          canUpdate={(a) => viewer.canManage || a.ownerId === viewer.userId}
        />
      ) : null}

      <h3 id="summary-reports">{tm('monitor.section.reports')}</h3>
      {reports.isPending ? <Loading /> : null}
      {reports.data && reports.data.length === 0 ? <p>{tm('monitor.section.noReports')}</p> : null}
      {reports.data && reports.data.length > 0 ? (
        <ul className="entries">
          {reports.data.map((r) => (
            <li key={r.id}>
              <Link href={`${base}/summary-reports/${r.id}`}>
                {tm('monitor.section.reportLine', { date: formatDate(r.meetingDate) })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}

      {submitted.length ? (
        <>
          <h3 id="quarterly-prints">{tm('monitor.section.quarterlyReports')}</h3>
          <ul className="entries">
            {submitted.map((r) => (
              <li key={r.n}>
                <Link href={`${base}/quarterly-reports/${r.period}`}>
                  {tm('monitor.section.printQuarterly', { period: r.period })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {viewer.canManage ? <TipsPanel networkId={networkId} mentorshipId={m.id} /> : null}

      <ExportLinks networkId={networkId} mentorshipId={m.id} />
      <h3 id="blank-forms">{tm('monitor.section.blankForms')}</h3>
      <ul className="links">
        <li>
          <Link href="/forms/summary-report">{tm('monitor.section.blankSummary')}</Link>
        </li>
        <li>
          <Link href="/forms/quarterly-report">{tm('monitor.section.blankQuarterly')}</Link>
        </li>
      </ul>
    </section>
  );
}
