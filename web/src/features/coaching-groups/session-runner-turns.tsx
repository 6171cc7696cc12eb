/** The session runner's turns: each member's issue in a time-boxed turn through the method of 004. */
import type { GroupIssue } from '@sisi/domain';
import {
  DEFAULT_TURN_MINUTES,
  issueProcessingMethod,
  MAX_TURN_MINUTES,
  MIN_TURN_MINUTES,
  turnTimeText,
} from '@sisi/domain/static';
import { useId, useState } from 'react';
import { tGroupSource, useCoachingT } from '../../i18n/en-coaching.ts';
import { SourceLine } from './coaching-group-parts.tsx';
import { type IssueChanges, patchIssue, postIssue } from './coaching-group-queries.ts';
import { Committed, StepEditor } from './session-runner-steps.tsx';
import { startClock, TurnTimer } from './session-runner-timer.tsx';
import { type Ctx, ErrorNote, useWrite } from './session-runner-write.tsx';

/** The turns of the session so far, and while it is open a way to start the next one. */
export function Turns({ ctx, open }: { ctx: Ctx; open: boolean }) {
  const tc = useCoachingT();
  const issues = ctx.runner.issues;
  const active = issues.find((i) => i.commitmentIds.length === 0);
  return (
    <section aria-labelledby="turns-heading">
      <h2 id="turns-heading">{tc('coachingGroups.runner.turns')}</h2>
      <p>{tc('coachingGroups.runner.turnsIntro')}</p>
      <p>{tGroupSource('turn-time', turnTimeText.text)}</p>
      <SourceLine text={turnTimeText} />
      {issues.map((issue) => (
        <Turn key={issue.id} ctx={ctx} issue={issue} open={open} active={issue.id === active?.id} />
      ))}
      {open && !active ? <StartTurn ctx={ctx} /> : null}
    </section>
  );
}

function StartTurn({ ctx }: { ctx: Ctx }) {
  const tc = useCoachingT();
  const id = useId();
  const taken = new Set(ctx.runner.issues.map((i) => i.ownerId));
  const members = ctx.group.members.map((m) => m.id);
  const [owner, setOwner] = useState(members.find((m) => !taken.has(m)) ?? members[0] ?? '');
  const [minutes, setMinutes] = useState(String(DEFAULT_TURN_MINUTES));
  const start = useWrite(
    ctx,
    (body: { ownerId: string; turnMinutes: number }) =>
      postIssue(ctx.networkId, ctx.groupId, ctx.sessionId, body),
    (issue) => startClock(issue.id),
  );
  const n = Number(minutes);
  const minutesOk = Number.isInteger(n) && n >= MIN_TURN_MINUTES && n <= MAX_TURN_MINUTES;
  return (
    <div className="panel">
      <h3>{tc('coachingGroups.runner.startTurn')}</h3>
      <div className="field">
        <label htmlFor={`${id}-owner`}>{tc('coachingGroups.runner.owner')}</label>
        <select id={`${id}-owner`} value={owner} onChange={(e) => setOwner(e.target.value)}>
          {members.map((m) => (
            <option key={m} value={m}>
              {ctx.name(m)}
            </option>
          ))}
        </select>
      </div>
      <div className={minutesOk ? 'field' : 'field invalid'}>
        <label htmlFor={`${id}-minutes`}>{tc('coachingGroups.runner.minutes')}</label>
        <input
          type="number"
          id={`${id}-minutes`}
          className="short"
          min={MIN_TURN_MINUTES}
          max={MAX_TURN_MINUTES}
          step={1}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          aria-invalid={minutesOk ? undefined : true}
        />
      </div>
      <ErrorNote message={start.error} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => minutesOk && owner && start.run({ ownerId: owner, turnMinutes: n })}
        >
          {tc('coachingGroups.runner.start')}
        </button>
        <span role="status" className="busy">
          {start.pending ? tc('coachingGroups.runner.starting') : ''}
        </span>
      </div>
    </div>
  );
}

function Turn({
  ctx,
  issue,
  open,
  active,
}: {
  ctx: Ctx;
  issue: GroupIssue;
  open: boolean;
  active: boolean;
}) {
  const tc = useCoachingT();
  const owner = ctx.name(issue.ownerId);
  const change = useWrite(ctx, (body: Omit<IssueChanges, 'version'>) =>
    patchIssue(ctx.networkId, ctx.groupId, ctx.sessionId, issue.id, {
      version: issue.version,
      ...body,
    }),
  );
  const editing = open && active;
  const headingId = `turn-${issue.id}`;
  return (
    <article className="panel turn" aria-labelledby={headingId}>
      <h3 id={headingId}>{tc('coachingGroups.runner.turnOf', { name: owner })}</h3>
      {editing ? (
        <TurnTimer
          issueId={issue.id}
          minutes={issue.turnMinutes}
          owner={owner}
          onMinutes={(turnMinutes) => change.run({ turnMinutes })}
        />
      ) : null}
      {issue.howDoI ? (
        <p className="how-do-i">{tc('coachingGroups.turn.asked', { text: issue.howDoI })}</p>
      ) : null}
      <ol className="stepper method-steps" aria-label={tc('coachingGroups.turn.steps')}>
        {issueProcessingMethod.steps.map((s) => (
          <li key={s.id} aria-current={editing && s.id === issue.step ? 'step' : undefined}>
            <div>
              {tGroupSource(`method-${s.id}`, s.text)}
              {s.points.map((p) => (
                <span key={p} className="step-note">
                  {tGroupSource(`method-${s.id}-point`, p)}
                </span>
              ))}
            </div>
          </li>
        ))}
      </ol>
      <SourceLine text={issueProcessingMethod} />
      <TurnRecord issue={issue} />
      <ErrorNote message={change.error} />
      {editing ? <StepEditor ctx={ctx} issue={issue} change={change} /> : null}
      {issue.commitmentIds.length > 0 ? <Committed ctx={ctx} issue={issue} /> : null}
    </article>
  );
}

/** What the turn has gathered so far: questions, restatement, recommendations. */
function TurnRecord({ issue }: { issue: GroupIssue }) {
  const tc = useCoachingT();
  return (
    <>
      {issue.clarifyingQuestions.length > 0 ? (
        <>
          <h4>{tc('coachingGroups.turn.questions')}</h4>
          <ul>
            {issue.clarifyingQuestions.map((q, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole
              <li key={i} className="break">
                {q}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {issue.restatement ? (
        <>
          <h4>{tc('coachingGroups.turn.restatement')}</h4>
          <p className="break">{issue.restatement}</p>
        </>
      ) : null}
      {issue.recommendations.length > 0 ? (
        <>
          <h4>{tc('coachingGroups.turn.recommendations')}</h4>
          <ul>
            {issue.recommendations.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole
              <li key={i} className="break">
                {r}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
