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
import type { QuarterlyReport, SummaryReport } from '@sisi/domain';
import {
  quarterlyReportForm,
  quarterlyReportTechnicalAreas,
  summaryReportForm,
} from '@sisi/domain/static';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'wouter';
import { useMentorshipContext } from '../../components/mentorship-context.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { tSheetText, useMonitorT } from '../../i18n/en-monitoring.ts';
import { tReportText } from '../../i18n/en-reviews.ts';
import { formatDate } from '../../i18n/index.ts';
import { quarterlyReportQuery } from '../reviews/review-queries.ts';
import { summaryReportQuery } from './monitoring-queries.ts';
import './monitoring.css';

const A4 = summaryReportForm;
const A5 = quarterlyReportForm;
const box = (id: (typeof A4.fields)[number]['id']) =>
  tSheetText(id, A4.fields.find((f) => f.id === id)!.text);
const a5 = <Q extends { id: string; text: string }>(list: readonly Q[], id: Q['id']) =>
  tReportText(id, list.find((q) => q.id === id)!.text);

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

/** A box of the sheet: its label, and the answer or room to write one. */
function Box({ label, children, tall }: { label: string; children?: ReactNode; tall?: boolean }) {
  const empty = children === undefined || children === null || children === '';
  return (
    <div className={tall ? 'box tall' : 'box'}>
      <p className="box-label">{label}</p>
      {empty ? null : <div className="box-value">{children}</div>}
    </div>
  );
}

/** ☒ or ☐ with its meaning for screen readers. */
function Check({ on, label }: { on: boolean; label: string }) {
  const tm = useMonitorT();
  return (
    <li>
      <span aria-hidden="true">{on ? '☒' : '☐'} </span>
      <span className="visually-hidden">
        {tm(on ? 'monitor.print.chosen' : 'monitor.print.notChosen')}{' '}
      </span>
      {label}
    </li>
  );
}

/** Empty rows of a table on a blank form. */
const blankRows = (rows: number, columns: number) =>
  Array.from({ length: rows }, (_, r) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: blank rows have nothing else to tell them apart
    <tr key={r}>
      {Array.from({ length: columns }, (_, c) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blank cells, likewise
        <td key={c} className="blank" />
      ))}
    </tr>
  ));

/** Annex 4, filled in from `report` or blank. */
function SummarySheet({
  report,
  organizationName,
}: {
  report?: SummaryReport;
  organizationName: (id: string) => string;
}) {
  const r = report;
  return (
    <article className="sheet" aria-labelledby="sheet-heading">
      <h2>{tSheetText('instructionsHeading', A4.instructionsHeading)}</h2>
      <p>{tSheetText('instructions', A4.instructions)}</p>
      <h2 id="sheet-heading" className="sheet-heading">
        {tSheetText('heading', A4.heading)}
      </h2>
      <Box label={box('organization')}>{r?.organizationIds.map(organizationName).join(', ')}</Box>
      <Box label={box('meeting-date')}>{r ? formatDate(r.meetingDate) : undefined}</Box>
      <Box label={box('meeting-participants')} tall={!r}>
        {r?.participants.join(', ')}
      </Box>
      <Box label={box('agenda')} tall>
        {r?.agenda}
      </Box>
      <Box label={box('progress')} tall>
        {r ? (
          <>
            {r.progress ? <p className="box-value">{r.progress}</p> : null}
            {r.milestonesReached.length ? (
              <>
                <p className="box-label">
                  {tSheetText('milestones-reached', A4.milestonesReached.text)}
                </p>
                <ul>
                  {r.milestonesReached.map((m) => (
                    <li key={m.id}>{m.description}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : undefined}
      </Box>
      <div className="box">
        <p className="box-label" id="sheet-actions">
          {box('follow-up-actions')}
        </p>
        <table aria-labelledby="sheet-actions">
          <thead>
            <tr>
              {A4.followUpColumns.map((c) => (
                <th key={c.id} scope="col">
                  {tSheetText(c.id, c.text)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r
              ? r.followUpActions.map((a) => (
                  <tr key={a.id}>
                    <td>{a.what}</td>
                    <td>{a.ownerName}</td>
                    <td>{formatDate(a.dueDate)}</td>
                  </tr>
                ))
              : blankRows(4, 3)}
          </tbody>
        </table>
      </div>
      <div className="box">
        <p className="box-label" id="sheet-issues">
          {box('issues')}
        </p>
        <table aria-labelledby="sheet-issues">
          <thead>
            <tr>
              {A4.issueColumns.map((c) => (
                <th key={c.id} scope="col">
                  {tSheetText(c.id, c.text)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r
              ? r.issues.map((i) => (
                  <tr key={`${i.raised}-${i.solutions ?? ''}`}>
                    <td>{i.raised}</td>
                    <td>{i.solutions}</td>
                    <td>{i.pending}</td>
                  </tr>
                ))
              : blankRows(3, 3)}
          </tbody>
        </table>
      </div>
      <Box label={box('next-meeting-date')}>
        {r?.nextMeetingDate ? formatDate(r.nextMeetingDate) : undefined}
      </Box>
      <Box label={box('next-meeting-agenda')} tall={!r}>
        {r?.nextMeetingAgenda}
      </Box>
      <div className="box">
        <p className="box-label">{box('reported-by')}</p>
        <ul className="checks">
          {A4.reporters.map((p) => (
            <Check
              key={p.id}
              on={r?.reportedBy === p.id}
              label={tSheetText(`reporters.${p.id}`, p.label)}
            />
          ))}
        </ul>
      </div>
      <Box label={box('date')}>{r ? formatDate(r.date) : undefined}</Box>
    </article>
  );
}

/** Annex 5, filled in from `report` or blank. */
function QuarterlySheet({
  report,
  mentor,
  mentees,
}: {
  report?: QuarterlyReport;
  mentor?: string;
  mentees?: string;
}) {
  const r = report;
  const line = (id: (typeof A5.header)[number]['id'], value?: ReactNode) => (
    <p className="line">
      <span className="box-label">{a5(A5.header, id)}</span>
      <span className="fill">{value}</span>
    </p>
  );
  const question = (id: (typeof A5.questions)[number]['id'], value?: ReactNode, tall = true) => (
    <Box label={a5(A5.questions, id)} tall={tall}>
      {value}
    </Box>
  );
  return (
    <article className="sheet" aria-labelledby="sheet-heading">
      <h2 id="sheet-heading" className="sheet-heading">
        {tReportText('heading', A5.heading)}
      </h2>
      {line('mentor-organization', mentor)}
      {line('date', r ? formatDate(r.date) : undefined)}
      {line('mentor-names', r?.mentorNames.join(', '))}
      {line('phone-number', r?.phoneNumber)}
      {line('mentee-organization', mentees)}
      {line('mentee-names', r?.menteeNames.join(', '))}
      <div className="box">
        <p className="box-label">{a5(A5.questions, 'technical-areas')}</p>
        <ul className="checks">
          {quarterlyReportTechnicalAreas.map((a) => {
            const label = tReportText(`areas.${a.id}`, a.label);
            return (
              <Check
                key={a.id}
                on={!!r?.technicalAreas.includes(a.id)}
                label={
                  a.id === 'other' && r?.otherTechnicalArea
                    ? `${label}: ${r.otherTechnicalArea}`
                    : label
                }
              />
            );
          })}
        </ul>
      </div>
      {question(
        'learning-objectives',
        r ? (
          <ol>
            {r.objectives.map((o) => (
              <li key={o.objective}>{o.objective}</li>
            ))}
          </ol>
        ) : undefined,
      )}
      {question(
        'progress',
        r ? (
          <ol>
            {r.objectives.map((o) => (
              <li key={o.objective}>{o.progress ?? ''}</li>
            ))}
          </ol>
        ) : undefined,
      )}
      {question('trends', r?.trends)}
      {question('relationship', r?.relationship)}
      {question('interaction-frequency', r?.interactionFrequency, false)}
      <table aria-label={a5(A5.questions, 'interaction-frequency')}>
        <thead>
          <tr>
            {A5.interactionLog.columns.map((c) => (
              <th key={c.id} scope="col">
                {tReportText(c.id, c.text)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {r
            ? r.interactions.map((i, n) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows may repeat; the log's order is theirs
                <tr key={n}>
                  <td>{formatDate(i.date)}</td>
                  <td>{i.hours}</td>
                  <td>{i.activity}</td>
                </tr>
              ))
            : blankRows(6, 3)}
        </tbody>
      </table>
      <p className="line">
        <span className="box-label">{tReportText('total', A5.interactionLog.total.text)}</span>
        <span className="fill">{r ? String(r.totalHours) : undefined}</span>
      </p>
      {question('outputs-outcomes', r?.outputsOutcomes)}
      {question('successes', r?.successes)}
      {question('challenges', r?.challenges)}
      {question('additional-comments', r?.additionalComments)}
      <p className="line">
        <span className="box-label">{a5(A5.signature, 'signature')}</span>
        <span className="fill">{r?.signature?.name}</span>
        <span className="box-label">{a5(A5.signature, 'signature-date')}</span>
        <span className="fill">{r?.signature ? formatDate(r.signature.date) : undefined}</span>
      </p>
      <p className="closing">{tReportText('closing', A5.closing)}</p>
    </article>
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
  const report = useQuery(summaryReportQuery(networkId, mentorshipId, reportId));
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
    ...quarterlyReportQuery(networkId, mentorshipId, n),
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
        <div className="notice info">
          <p>{tm('monitor.print.notFound')}</p>
        </div>
      ) : !report.data ? (
        <Loading />
      ) : (
        <QuarterlySheet report={report.data} mentor={mentor} mentees={mentees.join(', ')} />
      )}
    </Page>
  );
}
