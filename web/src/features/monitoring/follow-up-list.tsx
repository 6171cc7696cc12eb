/**
 * Follow-up actions (001 Step 4) with their status in words, not colour alone, and the
 * buttons of who may mark one done, drop it or reopen it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ApiProblem } from '../../api/client.ts';
import { problemMessage } from '../../components/form/index.ts';
import { ErrorNotice, StatusMessage } from '../../components/page.tsx';
import { useMonitorT } from '../../i18n/en-monitoring.ts';
import { formatDate } from '../../i18n/index.ts';
import { monitoringKeys, patchFollowUp, type TrackedAction } from './monitoring-queries.ts';
import './monitoring.css';

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
      <ErrorNotice message={error} />
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
