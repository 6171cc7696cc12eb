/** The session runner's report-backs: each commitment carried to this session, and its outcome. */
import type { GroupCommitment } from '@sisi/domain';
import { useId, useState } from 'react';
import { useCoachingT } from '../../i18n/en-coaching.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import { postReportBack } from './coaching-group-queries.ts';
import { type Ctx, ErrorNote, useWrite } from './session-runner-write.tsx';

/** The commitments carried to this session; while it is open, each takes its outcome. */
export function ReportBacks({ ctx, open }: { ctx: Ctx; open: boolean }) {
  const tc = useCoachingT();
  const numbers = new Map(ctx.group.sessions.map((s) => [s.id, s.number]));
  const items = ctx.runner.reportBacks;
  return (
    <section aria-labelledby="report-backs-heading">
      <h2 id="report-backs-heading">{tc('coachingGroups.runner.reportBacks')}</h2>
      <p>{tc('coachingGroups.runner.reportBacksIntro')}</p>
      {items.length === 0 ? (
        <p>{tc('coachingGroups.runner.noReportBacks')}</p>
      ) : (
        <ul className="entries report-backs">
          {items.map((c) => (
            <li key={c.id}>
              <p>
                {tc('coachingGroups.runner.commitmentBy', {
                  owner: ctx.name(c.ownerId),
                  number: numbers.get(c.sessionId) ?? '?',
                  date: formatDate(c.sessionDate),
                })}
              </p>
              <p className="commitment-text">{c.text}</p>
              <p>
                {tc('coachingGroups.runner.reportBy', { date: formatDate(c.reportBackBy) })}{' '}
                <span className={`badge commitment-${c.state}`}>
                  {tc(`coachingGroups.runner.states.${c.state}`)}
                </span>
              </p>
              {c.reportBacks.map((b) => (
                <p key={`${b.sessionId}-${b.at}`} className="break">
                  {b.sessionId === ctx.sessionId
                    ? tc('coachingGroups.runner.reportedHere', { outcome: b.outcome })
                    : tc('coachingGroups.runner.earlier', {
                        date: formatDate(b.at),
                        outcome: b.outcome,
                      })}
                </p>
              ))}
              {open &&
              c.status === 'open' &&
              !c.reportBacks.some((b) => b.sessionId === ctx.sessionId) ? (
                <ReportBackForm ctx={ctx} commitment={c} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReportBackForm({ ctx, commitment: c }: { ctx: Ctx; commitment: GroupCommitment }) {
  const tc = useCoachingT();
  const t = useT();
  const id = useId();
  const [outcome, setOutcome] = useState('');
  const [date, setDate] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useWrite(ctx, (done: boolean) =>
    postReportBack(ctx.networkId, ctx.groupId, c.id, {
      sessionId: ctx.sessionId,
      outcome: outcome.trim(),
      done,
      ...(!done && date ? { reportBackBy: date } : {}),
    }),
  );
  const submit = (done: boolean) => {
    if (!outcome.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    send.run(done);
  };
  const label = tc('coachingGroups.runner.outcome', { text: c.text });
  return (
    <div className="report-back-form">
      <div className={missing ? 'field invalid' : 'field'}>
        <label htmlFor={`${id}-outcome`}>{label}</label>
        {missing ? (
          <p className="field-error" id={`${id}-error`}>
            {label} {t('errors.isRequired')}
          </p>
        ) : null}
        <textarea
          id={`${id}-outcome`}
          rows={3}
          maxLength={4000}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-error` : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{tc('coachingGroups.runner.newDate')}</label>
        <input
          type="date"
          id={`${id}-date`}
          className="short"
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      <ErrorNote message={send.error} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => submit(true)}>
          {tc('coachingGroups.runner.done')}
        </button>
        <button type="button" onClick={() => submit(false)}>
          {tc('coachingGroups.runner.carry')}
        </button>
        <span role="status" className="busy">
          {send.pending ? tc('coachingGroups.runner.reporting') : ''}
        </span>
      </div>
    </div>
  );
}
