/**
 * What every part of the session runner shares: the session it runs (`Ctx`) and its one way
 * to write (`useWrite`), with the notes a write shows while busy or after it fails.
 */
import type { CoachingGroup, GroupIssue, GroupSessionRunner } from '@sisi/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemMessage } from '../../components/form/index.ts';
import type { CoachingTranslate } from '../../i18n/en-coaching.ts';
import { useT } from '../../i18n/index.ts';
import { groupKeys, type IssueChanges } from './coaching-group-queries.ts';

/** A person's name by id, or the unknown-person text. */
export type Names = (id: string | undefined) => string;

/** The session being run, with its group and a way to refresh both. */
export interface Ctx {
  networkId: string;
  groupId: string;
  sessionId: string;
  group: CoachingGroup;
  runner: GroupSessionRunner;
  name: Names;
  /** Refreshes the runner, the group and the lists after a write. */
  refresh: () => void;
}

/** A write of the runner: runs once at a time, says what went wrong, refreshes after. */
export function useWrite<A, R>(ctx: Ctx, write: (a: A) => Promise<R>, after?: (result: R) => void) {
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

/** What went wrong with the last write, as an alert; nothing when it went through. */
export function ErrorNote({ message }: { message: string | undefined }) {
  return message ? (
    <div className="notice error" role="alert">
      <p>{message}</p>
    </div>
  ) : null;
}

/** The write that changes the issue of a turn. */
export type Change = ReturnType<typeof useWrite<Omit<IssueChanges, 'version'>, GroupIssue>>;

/** The polite "saving" status next to a step's buttons. */
export function Busy({ pending, t }: { pending: boolean; t: CoachingTranslate }) {
  return (
    <span role="status" className="busy">
      {pending ? t('coachingGroups.turn.saving') : ''}
    </span>
  );
}
