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
import { coachingGuidance } from '@sisi/domain/static';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { LoadError, Loading, Page, StatusMessage } from '../../components/page.tsx';
import { tGroupSource, useCoachingT } from '../../i18n/en-coaching.ts';
import { formatDate } from '../../i18n/index.ts';
import { peopleNames, today } from './coaching-group-parts.tsx';
import { groupKeys, patchSession, useGroupSession } from './coaching-group-queries.ts';
import { ReportBacks } from './session-runner-report-backs.tsx';
import { Turns } from './session-runner-turns.tsx';
import { type Ctx, ErrorNote, useWrite } from './session-runner-write.tsx';

/** `/networks/:networkId/coaching-groups/:groupId/sessions/:sessionId/run` */
export function SessionRunnerPage() {
  const { networkId, groupId, sessionId, group, runner } = useGroupSession();
  const tc = useCoachingT();
  const queryClient = useQueryClient();
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
