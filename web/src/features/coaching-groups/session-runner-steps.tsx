/**
 * The steps of a turn while it runs: reframe as "How do I …?", clarifying questions,
 * restatement, recommendations, and the owner's commitment to report back by a date.
 */
import type { GroupIssue } from '@sisi/domain';
import { type IssueStep, issueSteps } from '@sisi/domain/static';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { LoadError } from '../../components/page.tsx';
import { useCoachingT } from '../../i18n/en-coaching.ts';
import { formatDate } from '../../i18n/index.ts';
import { groupCommitmentsQuery, postCommitments } from './coaching-group-queries.ts';
import { Busy, type Change, type Ctx, ErrorNote, useWrite } from './session-runner-write.tsx';

const stepIndex = (step: IssueStep) => issueSteps.indexOf(step);

/** The editor of the turn's current step, with a way back to the step before. */
export function StepEditor({
  ctx,
  issue,
  change,
}: {
  ctx: Ctx;
  issue: GroupIssue;
  change: Change;
}) {
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

/** What the owner committed to at the end of the turn, and by when. */
export function Committed({ ctx, issue }: { ctx: Ctx; issue: GroupIssue }) {
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
