/**
 * The paper sheets of Annex 4 and Annex 5, laid out as in the toolkit, filled in from a
 * stored report or blank: their boxes, ticks and tables.
 */
import type { QuarterlyReport, SummaryReport } from '@sisi/domain';
import {
  quarterlyReportForm,
  quarterlyReportTechnicalAreas,
  summaryReportForm,
} from '@sisi/domain/static';
import type { ReactNode } from 'react';
import { tSheetText, useMonitorT } from '../../i18n/en-monitoring.ts';
import { tReportText } from '../../i18n/en-reviews.ts';
import { formatDate } from '../../i18n/index.ts';

export const A4 = summaryReportForm;
export const A5 = quarterlyReportForm;
const box = (id: (typeof A4.fields)[number]['id']) =>
  tSheetText(id, A4.fields.find((f) => f.id === id)!.text);
const a5 = <Q extends { id: string; text: string }>(list: readonly Q[], id: Q['id']) =>
  tReportText(id, list.find((q) => q.id === id)!.text);

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

/** A box of the sheet holding a table, which its box label names. */
function TableBox({
  id,
  label,
  ...table
}: { id: string; label: string } & Omit<Parameters<typeof SheetTable>[0], 'label' | 'labelledBy'>) {
  return (
    <div className="box">
      <p className="box-label" id={id}>
        {label}
      </p>
      <SheetTable labelledBy={id} {...table} />
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

/**
 * A table of a sheet: its column heads, then the report's rows, or on a blank form `blank`
 * empty rows to write in.
 */
function SheetTable({
  label,
  labelledBy,
  columns,
  rows,
  blank,
}: {
  label?: string;
  labelledBy?: string;
  columns: readonly string[];
  rows: { key: string | number; cells: ReactNode[] }[] | undefined;
  blank: number;
}) {
  return (
    <table aria-label={label} aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows
          ? rows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, c) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in order
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))
          : blankRows(blank, columns.length)}
      </tbody>
    </table>
  );
}

/** Annex 4, filled in from `report` or blank. */
export function SummarySheet({
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
      <TableBox
        id="sheet-actions"
        label={box('follow-up-actions')}
        columns={A4.followUpColumns.map((c) => tSheetText(c.id, c.text))}
        rows={r?.followUpActions.map((a) => ({
          key: a.id,
          cells: [a.what, a.ownerName, formatDate(a.dueDate)],
        }))}
        blank={4}
      />
      <TableBox
        id="sheet-issues"
        label={box('issues')}
        columns={A4.issueColumns.map((c) => tSheetText(c.id, c.text))}
        rows={r?.issues.map((i) => ({
          key: `${i.raised}-${i.solutions ?? ''}`,
          cells: [i.raised, i.solutions, i.pending],
        }))}
        blank={3}
      />
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
export function QuarterlySheet({
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
      <SheetTable
        label={a5(A5.questions, 'interaction-frequency')}
        columns={A5.interactionLog.columns.map((c) => tReportText(c.id, c.text))}
        // rows may repeat; the log's order is theirs
        rows={r?.interactions.map((i, n) => ({
          key: n,
          cells: [formatDate(i.date), i.hours, i.activity],
        }))}
        blank={6}
      />
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
