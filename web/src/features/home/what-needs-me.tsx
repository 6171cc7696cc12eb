import { taskKinds } from '@sisi/domain/static';
/**
 * "What needs me": the signed-in person's tasks (`GET /me/tasks`), soonest first, undated
 * ones last; each links straight to its form, overdue ones are marked in words. The landing
 * page of network admins, coordinators and members.
 *
 * `/networks/:networkId/home`
 */
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, call } from '../../api/client.ts';
import { Page } from '../../components/page.tsx';
import { PagedCards } from '../../components/paged-list.tsx';
import { type MonitorMessageKey, useMonitorT } from '../../i18n/en-monitoring.ts';
import { formatDate } from '../../i18n/index.ts';
import './home.css';

/** A task as `GET /me/tasks` gives it. */
export interface Task {
  id: string;
  kind: string;
  dueDate: string | null;
  overdue: boolean;
  link: string;
  mentorshipId?: string;
  period?: number;
  state?: string;
  about: string;
  detail?: string;
}

const KINDS = new Set<string>(taskKinds);

/** The reader's tasks, a page at a time; read again whenever the page opens. */
export const tasksQuery = () =>
  infiniteQueryOptions({
    queryKey: ['me', 'tasks'] as const,
    queryFn: ({ pageParam }): Promise<{ items: Task[]; cursor?: string }> =>
      call(
        api.me.tasks.$get({ query: { limit: '50', ...(pageParam ? { cursor: pageParam } : {}) } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: { cursor?: string | undefined }) => last.cursor,
    staleTime: 0,
  });

export function WhatNeedsMePage() {
  const tm = useMonitorT();
  const tasks = useInfiniteQuery(tasksQuery());
  return (
    <Page title={tm('monitor.home.heading')}>
      <p>{tm('monitor.home.intro')}</p>
      <PagedCards
        query={tasks}
        className="cards task-list"
        empty={tm('monitor.home.empty')}
        card={(task) => <TaskCard key={`${task.kind}#${task.id}`} task={task} />}
      />
    </Page>
  );
}

function TaskCard({ task }: { task: Task }) {
  const tm = useMonitorT();
  const kind = (KINDS.has(task.kind) ? task.kind : 'other') as 'other';
  const title = tm(`monitor.home.kinds.${kind}` satisfies MonitorMessageKey, {
    period: task.period ?? '',
    detail: task.detail ?? '',
  });
  const when = task.dueDate
    ? tm(task.overdue ? 'monitor.home.overdue' : 'monitor.home.due', {
        date: formatDate(task.dueDate),
      })
    : tm('monitor.home.noDate');
  return (
    <li className={task.overdue ? 'card task is-overdue' : 'card task'}>
      <h2 className="task-title">
        <Link href={task.link}>{title}</Link>
      </h2>
      {task.about ? <p className="task-about">{task.about}</p> : null}
      <p className={task.overdue ? 'task-due is-overdue' : 'task-due'}>{when}</p>
    </li>
  );
}
