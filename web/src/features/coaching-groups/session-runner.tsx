/**
 * The session runner of a peer coaching group: who is here, then report-backs on the
 * commitments carried to this session, then each member's issue in a time-boxed turn
 * (30 minutes by default, 003) through the issue processing method of 004 — reframe as
 * "How do I …?", clarifying questions, restatement, recommendations, and the owner's
 * commitment to report back by a date — and finally the session marked held.
 *
 * The turn's timer is `role="timer"`: its ticking value is not announced (`aria-live="off"`);
 * a separate polite status announces 5 minutes left, 1 minute left and time up.
 *
 * `/networks/:networkId/coaching-groups/:groupId/sessions/:sessionId/run`
 */
import type { CoachingGroup, GroupCommitment, GroupIssue, GroupSessionRunner } from '@sisi/domain';
import {
  coachingGuidance,
  DEFAULT_TURN_MINUTES,
  type IssueStep,
  issueProcessingMethod,
  issueSteps,
  MAX_TURN_MINUTES,
  MIN_TURN_MINUTES,
  turnTimeText,
} from '@sisi/domain/static';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import { problemMessage } from '../../components/form.tsx';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { type CoachingTranslate, tGroupSource, useCoachingT } from '../../i18n/en-coaching.ts';
import { formatDate, useT } from '../../i18n/index.ts';
import { peopleNames, SourceLine, today } from './coaching-group-parts.tsx';
import {
  coachingGroupQuery,
  groupCommitmentsQuery,
  groupKeys,
  type IssueChanges,
  patchIssue,
  patchSession,
  postCommitments,
  postIssue,
  postReportBack,
  sessionRunnerQuery,
} from './coaching-group-queries.ts';

type Names = (id: string | undefined) => string;

interface Ctx {
  networkId: string;
  groupId: string;
  sessionId: string;
  group: CoachingGroup;
  runner: GroupSessionRunner;
  name: Names;
  /** Refreshes the runner, the group and the lists after a write. */
  refresh: () => void;
}

/** `/networks/:networkId/coaching-groups/:groupId/sessions/:sessionId/run` */
export function SessionRunnerPage() {
  const {
    networkId = '',
    groupId = '',
    sessionId = '',
  } = useParams<{ networkId: string; groupId: string; sessionId: string }>();
  const tc = useCoachingT();
  const queryClient = useQueryClient();
  const group = useQuery(coachingGroupQuery(networkId, groupId));
  const runner = useQuery(sessionRunnerQuery(networkId, groupId, sessionId));
  const error = group.error ?? runner.error;
  if (error) {
    return (
      <Page title={tc('coachingGroups.title')}>
        <LoadError
          error={error}
          retry={() => void Promise.all([group.refetch(), runner.refetch()])}
        />
      </Page>
    );
  }
  if (!group.data || !runner.data) {
    return (
      <Page title={tc('coachingGroups.title')}>
        <Loading />
      </Page>
    );
  }
  const ctx: Ctx = {
    networkId,
    groupId,
    sessionId,
    group: group.data,
    runner: runner.data,
    name: peopleNames(group.data, tc('coachingGroups.group.unknownPerson')),
    refresh: () => {
      void queryClient.invalidateQueries({ queryKey: groupKeys.group(networkId, groupId) });
      void queryClient.invalidateQueries({ queryKey: [...groupKeys.all(networkId), 'list'] });
    },
  };
  return <Runner ctx={ctx} />;
}

function Runner({ ctx }: { ctx: Ctx }) {
  const tc = useCoachingT();
  const { runner: r, group: g, name } = ctx;
  const base = `/networks/${ctx.networkId}/coaching-groups/${ctx.groupId}`;
  const open = !r.held && !r.needsReview;
  return (
    <Page
      title={tc('coachingGroups.runner.title', { number: r.number })}
      heading={tc('coachingGroups.runner.heading', { number: r.number, date: formatDate(r.date) })}
    >
      <p>
        <Link href={base}>{tc('coachingGroups.runner.backToGroup', { name: g.name })}</Link>
      </p>
      <p>
        {tc(`coachingGroups.sessions.facilitatorKinds.${r.facilitator.kind}`, {
          name: name(r.facilitator.personId),
        })}
      </p>
      {r.needsReview ? (
        <div className="notice warning">
          <p>{tc('coachingGroups.runner.reviewFirst')}</p>
        </div>
      ) : null}
      {r.held ? (
        <div className="notice info">
          <p>{tc('coachingGroups.runner.held')}</p>
        </div>
      ) : null}
      {open ? <Present ctx={ctx} /> : null}
      <ReportBacks ctx={ctx} open={open} />
      <Turns ctx={ctx} open={open} />
      <Close ctx={ctx} />
      <details className="guidance">
        <summary>{tc('coachingGroups.runner.guidance')}</summary>
        {Object.entries(coachingGuidance).map(([id, part]) => (
          <div key={id}>
            <h3>{tGroupSource(`guidance-${id}`, part.heading)}</h3>
            <ul>
              {part.items.map((item) => (
                <li key={item}>{tGroupSource(`guidance-${id}-${item}`, item)}</li>
              ))}
            </ul>
          </div>
        ))}
      </details>
    </Page>
  );
}

/** A write of the runner: runs once at a time, says what went wrong, refreshes after. */
function useWrite<A, R>(ctx: Ctx, write: (a: A) => Promise<R>, after?: (result: R) => void) {
  const t = useT();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string>();
  const mutation = useMutation({
    mutationFn: write,
    onSuccess: (result) => {
      setError(undefined);
      if (result && typeof result === 'object' && 'issues' in result && 'reportBacks' in result) {
        queryClient.setQueryData(
          groupKeys.session(ctx.networkId, ctx.groupId, ctx.sessionId),
          result as unknown as GroupSessionRunner,
        );
      }
      void queryClient.invalidateQueries({
        queryKey: groupKeys.session(ctx.networkId, ctx.groupId, ctx.sessionId),
      });
      void queryClient.invalidateQueries({
        queryKey: [...groupKeys.group(ctx.networkId, ctx.groupId), 'commitments'],
      });
      ctx.refresh();
      after?.(result);
    },
    onError: (e) => setError(problemMessage(e, t)),
  });
  const run = (a: A) => {
    if (!mutation.isPending) mutation.mutate(a);
  };
  return { run, pending: mutation.isPending, error };
}

function ErrorNote({ message }: { message: string | undefined }) {
  return message ? (
    <div className="notice error" role="alert">
      <p>{message}</p>
    </div>
  ) : null;
}

function Present({ ctx }: { ctx: Ctx }) {
  const tc = useCoachingT();
  const { group: g, runner: r, name } = ctx;
  const people = [
    ...new Set([
      ...g.members.map((m) => m.id),
      ...(r.facilitator.personId ? [r.facilitator.personId] : []),
    ]),
  ];
  const [present, setPresent] = useState<string[]>(r.presentIds);
  const [done, setDone] = useState<string>();
  const save = useWrite(
    ctx,
    (presentIds: string[]) =>
      patchSession(ctx.networkId, ctx.groupId, ctx.sessionId, { presentIds }),
    () => setDone(tc('coachingGroups.runner.presentSaved')),
  );
  return (
    <section aria-labelledby="present-heading">
      <h2 id="present-heading">{tc('coachingGroups.runner.present')}</h2>
      <fieldset className="field checkboxes">
        <legend className="visually-hidden">{tc('coachingGroups.runner.present')}</legend>
        {people.map((id) => (
          <div className="checkbox" key={id}>
            <input
              type="checkbox"
              id={`present-${id}`}
              checked={present.includes(id)}
              onChange={(e) => {
                setDone(undefined);
                setPresent((p) => (e.target.checked ? [...p, id] : p.filter((x) => x !== id)));
              }}
            />
            <label htmlFor={`present-${id}`}>{name(id)}</label>
          </div>
        ))}
      </fieldset>
      <ErrorNote message={save.error} />
      <div className="actions">
        <button type="button" onClick={() => save.run(present)}>
          {tc('coachingGroups.runner.savePresent')}
        </button>
        <span role="status" className="busy">
          {save.pending ? tc('coachingGroups.spirit.saving') : (done ?? '')}
        </span>
      </div>
    </section>
  );
}

function ReportBacks({ ctx, open }: { ctx: Ctx; open: boolean }) {
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

function Turns({ ctx, open }: { ctx: Ctx; open: boolean }) {
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

// ---- the turn's clock ---------------------------------------------------------

const clockKey = (issueId: string) => `sisi.turn.${issueId}`;

/** Remembers when a turn began in this tab, so a reload keeps counting from there. */
function startClock(issueId: string): void {
  try {
    sessionStorage.setItem(clockKey(issueId), String(Date.now()));
  } catch {
    // storage off: the clock starts when the turn is shown
  }
}

function clockStart(issueId: string): number {
  try {
    const stored = Number(sessionStorage.getItem(clockKey(issueId)));
    if (stored > 0) return stored;
  } catch {
    // storage off
  }
  startClock(issueId);
  return Date.now();
}

/** What the timer announces, nearest first, and how much time is left then. */
const MILESTONES = [
  ['up', 0],
  ['oneLeft', 60_000],
  ['fiveLeft', 5 * 60_000],
] as const;

const mmss = (ms: number) => {
  const s = Math.ceil(ms / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The visible countdown of a turn. The value ticks every second but is never announced;
 * the polite status says "5 minutes left", "1 minute left" and "time is up", once each.
 */
function TurnTimer({
  issueId,
  minutes,
  owner,
  onMinutes,
}: {
  issueId: string;
  minutes: number;
  owner: string;
  onMinutes: (minutes: number) => void;
}) {
  const tc = useCoachingT();
  const [startedAt] = useState(() => clockStart(issueId));
  const [now, setNow] = useState(() => Date.now());
  const [pausedAt, setPausedAt] = useState<number | null>(null);
  const [pausedFor, setPausedFor] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef(new Set<string>());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = (pausedAt ?? now) - startedAt - pausedFor;
  const left = Math.max(0, minutes * 60_000 - elapsed);
  useEffect(() => {
    // the nearest milestone reached, if the turn was longer than it; each is said once
    const total = minutes * 60_000;
    const reached = MILESTONES.find(([, at]) => left <= at && total > at);
    if (!reached || announced.current.has(reached[0])) return;
    for (const [id, at] of MILESTONES) if (at >= reached[1]) announced.current.add(id);
    setAnnouncement(tc(`coachingGroups.timer.${reached[0]}`, { name: owner }));
  }, [left, minutes, owner, tc]);
  const paused = pausedAt !== null;
  return (
    <div className={left === 0 ? 'turn-timer up' : 'turn-timer'}>
      <div
        role="timer"
        aria-live="off"
        aria-label={tc('coachingGroups.timer.label', { name: owner })}
        className="timer-value"
      >
        {mmss(left)}
      </div>
      <p className="hint">
        {tc('coachingGroups.timer.of', { minutes })}
        {paused ? ` · ${tc('coachingGroups.timer.paused')}` : ''}
      </p>
      <div className="actions timer-actions">
        <button
          type="button"
          onClick={() => {
            if (paused) {
              setPausedFor((p) => p + Date.now() - pausedAt);
              setPausedAt(null);
            } else {
              setPausedAt(Date.now());
            }
          }}
        >
          {paused ? tc('coachingGroups.timer.resume') : tc('coachingGroups.timer.pause')}
        </button>
        <button
          type="button"
          onClick={() => {
            announced.current.clear();
            onMinutes(Math.min(MAX_TURN_MINUTES, minutes + 5));
          }}
        >
          {tc('coachingGroups.timer.more')}
        </button>
        <button type="button" onClick={() => onMinutes(Math.max(MIN_TURN_MINUTES, minutes - 5))}>
          {tc('coachingGroups.timer.less')}
        </button>
      </div>
      <div role="status" className="visually-hidden">
        {announcement}
      </div>
    </div>
  );
}

// ---- one turn through the method ---------------------------------------------

const stepIndex = (step: IssueStep) => issueSteps.indexOf(step);

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

type Change = ReturnType<typeof useWrite<Omit<IssueChanges, 'version'>, GroupIssue>>;

function StepEditor({ ctx, issue, change }: { ctx: Ctx; issue: GroupIssue; change: Change }) {
  const tc = useCoachingT();
  const i = stepIndex(issue.step);
  const back = i > 0 ? issueSteps[i - 1] : undefined;
  const backButton = back ? (
    <button type="button" onClick={() => change.run({ step: back })}>
      {tc('coachingGroups.turn.back')}
    </button>
  ) : null;
  switch (issue.step) {
    case 'reframe':
      return <Reframe issue={issue} change={change} />;
    case 'clarify':
      return (
        <ListStep
          issue={issue}
          change={change}
          list="clarifyingQuestions"
          label={tc('coachingGroups.turn.question')}
          add={tc('coachingGroups.turn.addQuestion')}
          next="restate"
          backButton={backButton}
        />
      );
    case 'restate':
      return <Restate issue={issue} change={change} backButton={backButton} />;
    case 'recommend':
      return (
        <ListStep
          issue={issue}
          change={change}
          list="recommendations"
          label={tc('coachingGroups.turn.recommendation')}
          add={tc('coachingGroups.turn.addRecommendation')}
          next="select"
          backButton={backButton}
        />
      );
    case 'select':
      return <Select ctx={ctx} issue={issue} backButton={backButton} />;
  }
}

function Busy({ pending, t }: { pending: boolean; t: CoachingTranslate }) {
  return (
    <span role="status" className="busy">
      {pending ? t('coachingGroups.turn.saving') : ''}
    </span>
  );
}

function Reframe({ issue, change }: { issue: GroupIssue; change: Change }) {
  const tc = useCoachingT();
  const id = useId();
  const [value, setValue] = useState(issue.howDoI ?? '');
  return (
    <div className="step-editor">
      <div className="field">
        <label htmlFor={`${id}-how`}>{tc('coachingGroups.turn.howDoI')}</label>
        <p className="hint" id={`${id}-hint`}>
          {tc('coachingGroups.turn.howDoIHint')}
        </p>
        <div className="how-do-i-input">
          <span aria-hidden="true">{tc('coachingGroups.turn.howDoIPrefix')}</span>
          <input
            type="text"
            id={`${id}-how`}
            value={value}
            maxLength={500}
            onChange={(e) => setValue(e.target.value)}
            aria-describedby={`${id}-hint`}
          />
          <span aria-hidden="true">?</span>
        </div>
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            const howDoI = value.trim().replace(/\?+$/, '');
            if (howDoI) change.run({ howDoI, step: 'clarify' });
          }}
        >
          {tc('coachingGroups.turn.next')}
        </button>
        <Busy pending={change.pending} t={tc} />
      </div>
    </div>
  );
}

function ListStep({
  issue,
  change,
  list,
  label,
  add,
  next,
  backButton,
}: {
  issue: GroupIssue;
  change: Change;
  list: 'clarifyingQuestions' | 'recommendations';
  label: string;
  add: string;
  next: IssueStep;
  backButton: React.ReactNode;
}) {
  const tc = useCoachingT();
  const id = useId();
  const [value, setValue] = useState('');
  const addItem = () => {
    const item = value.trim();
    if (!item) return;
    change.run({ [list]: [...issue[list], item] });
    setValue('');
  };
  return (
    <div className="step-editor">
      <div className="field">
        <label htmlFor={`${id}-item`}>{label}</label>
        <textarea
          id={`${id}-item`}
          rows={2}
          maxLength={1000}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="button" onClick={addItem}>
          {add}
        </button>
        {backButton}
        <button type="button" className="primary" onClick={() => change.run({ step: next })}>
          {tc('coachingGroups.turn.next')}
        </button>
        <Busy pending={change.pending} t={tc} />
      </div>
    </div>
  );
}

function Restate({
  issue,
  change,
  backButton,
}: {
  issue: GroupIssue;
  change: Change;
  backButton: React.ReactNode;
}) {
  const tc = useCoachingT();
  const id = useId();
  const [value, setValue] = useState(issue.restatement ?? '');
  return (
    <div className="step-editor">
      <div className="field">
        <label htmlFor={`${id}-restate`}>{tc('coachingGroups.turn.restatement')}</label>
        <textarea
          id={`${id}-restate`}
          rows={3}
          maxLength={2000}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="actions">
        {backButton}
        <button
          type="button"
          className="primary"
          onClick={() => change.run({ restatement: value.trim(), step: 'recommend' })}
        >
          {tc('coachingGroups.turn.next')}
        </button>
        <Busy pending={change.pending} t={tc} />
      </div>
    </div>
  );
}

/** Two weeks after the session, or the next planned session's date if it comes first. */
function defaultReportBackBy(ctx: Ctx): string {
  const next = ctx.group.sessions.find((s) => s.date > ctx.runner.date && !s.held);
  const d = new Date(`${ctx.runner.date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 14);
  const inTwoWeeks = d.toISOString().slice(0, 10);
  return next && next.date < inTwoWeeks ? next.date : inTwoWeeks;
}

function Select({
  ctx,
  issue,
  backButton,
}: {
  ctx: Ctx;
  issue: GroupIssue;
  backButton: React.ReactNode;
}) {
  const tc = useCoachingT();
  const id = useId();
  const owner = ctx.name(issue.ownerId);
  const [chosen, setChosen] = useState<number[]>([]);
  const [own, setOwn] = useState('');
  const [date, setDate] = useState(() => defaultReportBackBy(ctx));
  const [problem, setProblem] = useState<string>();
  const commit = useWrite(ctx, (body: { actions: string[]; reportBackBy: string }) =>
    postCommitments(ctx.networkId, ctx.groupId, ctx.sessionId, issue.id, body),
  );
  const submit = () => {
    const actions = [
      ...chosen.map((n) => issue.recommendations[n]!).filter(Boolean),
      ...(own.trim() ? [own.trim()] : []),
    ];
    if (actions.length === 0) {
      setProblem(tc('coachingGroups.turn.chooseOne'));
      return;
    }
    setProblem(undefined);
    commit.run({ actions, reportBackBy: date });
  };
  return (
    <div className="step-editor">
      <fieldset className={problem ? 'field checkboxes invalid' : 'field checkboxes'}>
        <legend>{tc('coachingGroups.turn.choose', { name: owner })}</legend>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        {issue.recommendations.map((r, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: recommendations are replaced whole
          <div className="checkbox" key={n}>
            <input
              type="checkbox"
              id={`${id}-r${n}`}
              checked={chosen.includes(n)}
              onChange={(e) =>
                setChosen((c) => (e.target.checked ? [...c, n] : c.filter((x) => x !== n)))
              }
            />
            <label htmlFor={`${id}-r${n}`} className="break">
              {r}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-own`}>{tc('coachingGroups.turn.ownAction')}</label>
        <textarea
          id={`${id}-own`}
          rows={2}
          maxLength={1000}
          value={own}
          onChange={(e) => setOwn(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{tc('coachingGroups.turn.reportBackBy')}</label>
        <input
          type="date"
          id={`${id}-date`}
          className="short"
          value={date}
          min={ctx.runner.date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      <ErrorNote message={commit.error} />
      <div className="actions">
        {backButton}
        <button type="button" className="primary" onClick={submit}>
          {tc('coachingGroups.turn.commit')}
        </button>
        <span role="status" className="busy">
          {commit.pending ? tc('coachingGroups.turn.committing') : ''}
        </span>
      </div>
    </div>
  );
}

function Committed({ ctx, issue }: { ctx: Ctx; issue: GroupIssue }) {
  const tc = useCoachingT();
  const commitments = useQuery(groupCommitmentsQuery(ctx.networkId, ctx.groupId));
  const mine = (commitments.data ?? []).filter((c) => issue.commitmentIds.includes(c.id));
  if (commitments.isError) return <LoadError error={commitments.error} />;
  if (mine.length === 0) return null;
  return (
    <div className="committed">
      <p>
        {tc('coachingGroups.turn.committed', {
          name: ctx.name(issue.ownerId),
          date: formatDate(mine[0]!.reportBackBy),
        })}
      </p>
      <ul>
        {mine.map((c) => (
          <li key={c.id} className="break">
            {c.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Close({ ctx }: { ctx: Ctx }) {
  const tc = useCoachingT();
  const [done, setDone] = useState<string>();
  const hold = useWrite(
    ctx,
    () => patchSession(ctx.networkId, ctx.groupId, ctx.sessionId, { held: true }),
    () => setDone(tc('coachingGroups.runner.held')),
  );
  const r = ctx.runner;
  const logLink = `/networks/${ctx.networkId}/coaching-groups/${ctx.groupId}/sessions/${ctx.sessionId}/learning-log`;
  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">{tc('coachingGroups.runner.close')}</h2>
      {r.held ? null : r.date > today() ? (
        <p>{tc('coachingGroups.runner.notYetDate', { date: formatDate(r.date) })}</p>
      ) : r.needsReview ? null : (
        <>
          <p>{tc('coachingGroups.runner.closeHint')}</p>
          <ErrorNote message={hold.error} />
          <div className="actions">
            <button type="button" className="primary" onClick={() => hold.run(undefined)}>
              {tc('coachingGroups.runner.markHeld')}
            </button>
            <span role="status" className="busy">
              {hold.pending ? tc('coachingGroups.turn.saving') : ''}
            </span>
          </div>
        </>
      )}
      <StatusMessage message={done} />
      {ctx.group.access === 'member' ? (
        <p>
          <Link href={logLink}>{tc('coachingGroups.runner.writeLog')}</Link>
        </p>
      ) : null}
    </section>
  );
}
