/**
 * Pieces of the monitoring screens (001 Step 4) shared by the mentorship page, the network's
 * mentorships list and the monitoring pages: follow-up actions with their status (overdue in
 * words, not colour alone), the summary reports, the practical tips for who coordinates, and
 * CSV exports.
 */
import type { Mentorship } from '@sisi/domain';
import { practicalChallenges } from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link } from 'wouter';
import { ApiProblem } from '../../api/client.ts';
import { problemMessage } from '../../components/form.tsx';
import { Loading, StatusMessage } from '../../components/page.tsx';
import { type MonitorTranslate, tTipText, useMonitorT } from '../../i18n/en-monitoring.ts';
import { formatDate } from '../../i18n/index.ts';
import { mentorshipReviewsQuery } from '../reviews/review-queries.ts';
import {
  downloadCsv,
  exportUrl,
  followUpsQuery,
  monitoringKeys,
  type PracticalTips,
  patchFollowUp,
  photoQuery,
  summaryReportsQuery,
  type TrackedAction,
  tipsQuery,
} from './monitoring-queries.ts';
import './monitoring.css';

/** The forms the API exports, in the order it lists them. */
export const EXPORT_FORMS = [
  'summary-reports',
  'follow-up-actions',
  'quarterly-reports',
  'reflection',
  'evaluations',
] as const;

/** Who the reader is, as far as the monitoring screens go. */
export interface MonitorViewer {
  userId: string | undefined;
  /** Runs the mentorship: an admin, or a coordinator of one of its organizations. */
  canManage: boolean;
}

/** An action's status in words, and "Overdue" as a word of its own when it is. */
export function FollowUpStatus({ action }: { action: TrackedAction }) {
  const tm = useMonitorT();
  return (
    <>
      <span className={`badge follow-up-${action.status}`}>
        <span className="visually-hidden">{tm('monitor.followUps.statusLabel')} </span>
        {tm(`monitor.followUps.statuses.${action.status}`)}
      </span>
      {action.overdue ? (
        <span className="badge follow-up-overdue">
          <span aria-hidden="true">⚠</span> <span>{tm('monitor.followUps.overdue')}</span>
        </span>
      ) : null}
    </>
  );
}

/**
 * Follow-up actions with what, who, by when and where each stands, and buttons to mark one
 * done, drop it or reopen it for those allowed (its owner, who runs the mentorship).
 */
export function FollowUpList({
  networkId,
  actions,
  canUpdate,
  describe,
  empty,
}: {
  networkId: string;
  actions: readonly TrackedAction[];
  canUpdate: (a: TrackedAction) => boolean;
  /** More about an action (e.g. its mentorship on the reader's own list). */
  describe?: (a: TrackedAction) => ReactNode;
  /** Said when there is no action (the list stays, so its last message does too). */
  empty: string;
}) {
  const tm = useMonitorT();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const change = useMutation({
    mutationFn: ({ a, status }: { a: TrackedAction; status: TrackedAction['status'] }) =>
      patchFollowUp(networkId, a.mentorshipId, a.id, { status, version: a.version }),
    onSuccess: async (next) => {
      setMessage(
        tm('monitor.followUps.changed', {
          what: next.what,
          status: tm(`monitor.followUps.statuses.${next.status}`),
        }),
      );
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: monitoringKeys.followUps(networkId, next.mentorshipId),
        }),
        queryClient.invalidateQueries({ queryKey: monitoringKeys.mine(networkId) }),
        queryClient.invalidateQueries({
          queryKey: monitoringKeys.tips(networkId, next.mentorshipId),
        }),
      ]);
    },
    onError: async (e, { a }) => {
      if (e instanceof ApiProblem && e.status === 409) {
        setError(tm('monitor.followUps.conflict'));
        await queryClient.invalidateQueries({
          queryKey: monitoringKeys.followUps(networkId, a.mentorshipId),
        });
        await queryClient.invalidateQueries({ queryKey: monitoringKeys.mine(networkId) });
      } else {
        setError(problemMessage(e, tm));
      }
    },
  });
  const act = (a: TrackedAction, status: TrackedAction['status']) => {
    if (change.isPending) return;
    setMessage(undefined);
    setError(undefined);
    change.mutate({ a, status });
  };
  // the API's `overdue` (its clock) decides: overdue first, then open, then closed ones
  const rank = (a: TrackedAction) => (a.overdue ? 0 : a.status === 'open' ? 1 : 2);
  const ordered = [...actions].sort(
    (a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate),
  );
  return (
    <>
      <StatusMessage message={message} />
      {error ? (
        <div className="notice error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
      {ordered.length === 0 ? <p>{empty}</p> : null}
      <ul className="entries follow-ups">
        {ordered.map((a) => (
          <li key={a.id} className={a.overdue ? 'follow-up is-overdue' : 'follow-up'}>
            <p className="entry-title follow-up-what">{a.what}</p>
            <p>
              <FollowUpStatus action={a} />
            </p>
            <p>
              {tm('monitor.followUps.who', { name: a.ownerName })}
              {' · '}
              <span className={a.overdue ? 'overdue-date' : undefined}>
                {tm('monitor.followUps.due', { date: formatDate(a.dueDate) })}
              </span>
            </p>
            {describe ? describe(a) : null}
            {canUpdate(a) ? (
              <p className="actions follow-up-actions">
                {a.status === 'open' ? (
                  <>
                    <button type="button" onClick={() => act(a, 'done')}>
                      {tm('monitor.followUps.markDone', { what: a.what })}
                    </button>
                    <button type="button" onClick={() => act(a, 'dropped')}>
                      {tm('monitor.followUps.markDropped', { what: a.what })}
                    </button>
                  </>
                ) : (
                  <button type="button" onClick={() => act(a, 'open')}>
                    {tm('monitor.followUps.reopen', { what: a.what })}
                  </button>
                )}
                <span className="busy" role="status">
                  {change.isPending && change.variables?.a.id === a.id
                    ? tm('monitor.followUps.saving')
                    : ''}
                </span>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

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
      {error ? (
        <div className="notice error" role="alert">
          <p>{error}</p>
        </div>
      ) : null}
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
