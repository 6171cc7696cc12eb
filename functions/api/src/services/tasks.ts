import { InvalidCursorError, type NetworkStore } from '@sisi/data';
import { dayOf, type Mentorship, type Page, type TaskKind } from '@sisi/domain';
import type { NetworkTenant } from '../middleware/auth.ts';
import { dueReviewsFor, mapLimited, reviewFormPath } from '../routes/reviews.ts';
import { involvedOrganizations } from './mentorship-access.ts';
import { organizationNames } from './monitoring.ts';

export { type TaskKind, taskKinds } from '@sisi/domain';

/** One thing the signed-in person must do, and the app's path of its form. */
export interface Task {
  /** Unique among the caller's tasks of its kind. */
  id: string;
  kind: TaskKind;
  /** `YYYY-MM-DD`, or `null` when nothing dates it. */
  dueDate: string | null;
  /** Its due date is before today (UTC, on the runtime's clock). */
  overdue: boolean;
  link: string;
  mentorshipId?: string;
  /** The quarterly report's period. */
  period?: number;
  /** A review's state. */
  state?: 'requested' | 'reminded' | 'overdue';
  /** Names of what it is about: the mentorship's organizations, a group, a program. */
  about: string;
  /** A follow-up action's words. */
  detail?: string;
}

/**
 * The SPA paths of the confirmations a person is asked for: the tasks' `link`s, and the
 * links of the notice mails that announce them (`services/notices.ts`).
 */
export const confirmationPaths = {
  'coach-willingness': (networkId: string) => `/networks/${networkId}/sisi-kwa-sisi/coaches`,
  reference: (networkId: string, programId: string) =>
    `/networks/${networkId}/coaching-programs/${programId}#nominations-heading`,
  'group-spirit': (networkId: string, groupId: string) =>
    `/networks/${networkId}/coaching-groups/${groupId}`,
};

/** How many items of each index a task list reads at most (newest first). */
export const TASK_SOURCE_LIMIT = 500;
/** Programs and groups whose children are read at once. */
const PARALLEL = 8;

/** Every page of an index Query, up to `TASK_SOURCE_LIMIT` items. */
async function allPages<T>(load: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    out.push(...page.items);
    cursor = page.cursor;
  } while (cursor && out.length < TASK_SOURCE_LIMIT);
  return out.slice(0, TASK_SOURCE_LIMIT);
}

const reviewKind = { quarterly: 'quarterly-report', 'mid-term': 'reflection', end: 'evaluation' };

/**
 * The caller's tasks, unsorted: each kind from Queries on the indexes its feature keeps
 * (the mentorships per organization and per person, the follow-up actions per owner, the
 * coaching groups and programs per person and per organization) or a keyed read (the
 * caller's coach record), never a Scan. Only the caller's network's table is read.
 */
export async function tasksOf(store: NetworkStore, tenant: NetworkTenant, now: Date) {
  const today = dayOf(now);
  const networkId = tenant.networkId;
  const base = `/networks/${networkId}`;
  const coordinatorOf = tenant.roles.includes('coordinator') ? tenant.organizationId : undefined;
  const overdue = (d: string | null) => d !== null && d < today;
  const mentorshipPath = (id: string) => `${base}/mentorships/${id}`;

  const [reviews, actions, agreements, coach, groups, programs] = await Promise.all([
    dueReviewsFor(store, tenant, now),
    allPages((cursor) =>
      store.summaryReports.listByOwner(tenant.userId, { status: 'open', limit: 100, cursor }),
    ),
    coordinatorOf
      ? allPages((cursor) => store.mentorships.listFor('organization', coordinatorOf, 100, cursor))
      : Promise.resolve([] as Mentorship[]),
    store.coaching.getCoach(tenant.userId),
    allPages((cursor) => store.coachingGroups.listFor('person', tenant.userId, 100, cursor)),
    programTasks(store, tenant),
  ]);

  // names of the mentorships' organizations, for `about`
  const mentorships = new Map<string, Mentorship>();
  for (const { m } of reviews.due) mentorships.set(m.id, m);
  const unopened = agreements.filter(
    (m) =>
      !m.ending &&
      m.stage === 'build-relationship' &&
      !!coordinatorOf &&
      involvedOrganizations(m).includes(coordinatorOf) &&
      !m.agreements.some((a) => a.organizationId === coordinatorOf) &&
      !(m.declines ?? []).some((d) => d.organizationId === coordinatorOf),
  );
  for (const m of unopened) mentorships.set(m.id, m);
  const missing = [...new Set(actions.map((a) => a.mentorshipId))].filter(
    (id) => !mentorships.has(id),
  );
  for (const m of await store.mentorships.getMany(missing)) mentorships.set(m.id, m);
  const names = await organizationNames(
    store,
    [...mentorships.values()].flatMap(involvedOrganizations),
  );
  const aboutMentorship = (id: string) => {
    const m = mentorships.get(id);
    return m
      ? involvedOrganizations(m)
          .map((o) => names.get(o) ?? '')
          .join(' → ')
      : '';
  };

  const tasks: Task[] = [];
  for (const { m, r } of reviews.due) {
    tasks.push({
      id: `${m.id}#${r.n}`,
      kind: reviewKind[r.kind] as TaskKind,
      dueDate: r.dueDate,
      overdue: overdue(r.dueDate),
      link: reviewFormPath(networkId, m.id, r),
      mentorshipId: m.id,
      ...(r.period === undefined ? {} : { period: r.period }),
      state: r.state as 'requested' | 'reminded' | 'overdue',
      about: aboutMentorship(m.id),
    });
  }
  for (const a of actions) {
    // an action of a mentorship that has ended asks for nothing more
    const m = mentorships.get(a.mentorshipId);
    if (!m || m.ending) continue;
    tasks.push({
      id: `${a.mentorshipId}#${a.id}`,
      kind: 'follow-up-action',
      dueDate: a.dueDate,
      overdue: overdue(a.dueDate),
      link: `${base}/follow-up-actions`,
      mentorshipId: a.mentorshipId,
      about: aboutMentorship(a.mentorshipId),
      detail: a.what,
    });
  }
  for (const m of unopened) {
    tasks.push({
      id: m.id,
      kind: 'agreement',
      dueDate: null,
      overdue: false,
      link: `${mentorshipPath(m.id)}#agreements`,
      mentorshipId: m.id,
      about: aboutMentorship(m.id),
    });
  }
  if (coach && !coach.willing && !coach.willingAt) {
    tasks.push({
      id: tenant.userId,
      kind: 'coach-willingness',
      dueDate: null,
      overdue: false,
      link: confirmationPaths['coach-willingness'](networkId),
      about: coach.name,
    });
  }
  for (const g of groups) {
    const groupPath = confirmationPaths['group-spirit'](networkId, g.id);
    if (g.memberIds.includes(tenant.userId) && g.spirit) {
      const agreed = g.agreements[tenant.userId];
      if (agreed?.version !== g.spirit.version) {
        tasks.push({
          id: g.id,
          kind: 'group-spirit',
          dueDate: null,
          overdue: false,
          link: groupPath,
          about: g.name,
        });
      }
    }
    for (const [sessionId, s] of Object.entries(g.sessions)) {
      if (s.held || s.date < today) continue;
      tasks.push({
        id: `${g.id}#${sessionId}`,
        kind: 'group-session',
        dueDate: s.date,
        overdue: false,
        link: groupPath,
        about: g.name,
      });
    }
  }
  tasks.push(
    ...programs.map((t) => (t.kind === 'reference' ? t : { ...t, link: `${base}${t.link}` })),
  );
  return tasks;
}

/**
 * References the caller is asked to confirm (programs they are tied to, per person), and
 * for a coordinator the nominations of their organization's programs whose reference is
 * in, waiting to be accepted (programs per organization).
 */
async function programTasks(store: NetworkStore, tenant: NetworkTenant): Promise<Task[]> {
  const repo = store.coachingPrograms;
  const coordinatorOf = tenant.roles.includes('coordinator') ? tenant.organizationId : undefined;
  const [mine, ours] = await Promise.all([
    allPages((cursor) => repo.listForPerson(tenant.userId, 100, cursor)),
    coordinatorOf
      ? allPages((cursor) => repo.listByOrganization(coordinatorOf, 100, cursor))
      : Promise.resolve([]),
  ]);
  const programs = new Map([...mine, ...ours].map((p) => [p.id, p]));
  const ourIds = new Set(ours.map((p) => p.id));
  const mineIds = new Set(mine.map((p) => p.id));
  const perProgram = await mapLimited([...programs.values()], PARALLEL, async (p) => {
    const nominations = await repo.listNominations(p.id);
    const out: Task[] = [];
    for (const n of nominations) {
      if (n.status !== 'open') continue;
      if (mineIds.has(p.id)) {
        for (const r of n.referees) {
          if (r.personId !== tenant.userId || r.confirmedAt) continue;
          out.push({
            id: `${p.id}#${n.id}`,
            kind: 'reference',
            dueDate: null,
            overdue: false,
            link: confirmationPaths.reference(tenant.networkId, p.id),
            about: `${p.name}: ${n.nomineeName}`,
          });
        }
      }
      if (ourIds.has(p.id) && n.referees.some((r) => r.confirmedAt)) {
        out.push({
          id: `${p.id}#${n.id}`,
          kind: 'nomination',
          dueDate: null,
          overdue: false,
          link: `/coaching-programs/${p.id}#nominations-heading`,
          about: `${p.name}: ${n.nomineeName}`,
        });
      }
    }
    return out;
  });
  return perProgram.flat();
}

/** Soonest first, undated last; then by kind and id, so pages follow one fixed order. */
export const taskSortKey = (t: Pick<Task, 'dueDate' | 'kind' | 'id'>) =>
  `${t.dueDate ?? '~'}#${t.kind}#${t.id}`;

const CURSOR = /^(\d{4}-\d{2}-\d{2}|~)#[a-z-]+#.+$/;

export const encodeTaskCursor = (key: string) => Buffer.from(key, 'utf8').toString('base64url');

/** The sort key a cursor carries; anything else is an `InvalidCursorError` (400 on `cursor`). */
export function decodeTaskCursor(cursor: string): string {
  const key = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  if (!CURSOR.test(key)) throw new InvalidCursorError('the cursor is not one this list gave');
  return key;
}

/** One page of the sorted tasks, after the cursor's key. */
export function pageOfTasks(tasks: Task[], limit: number, cursor?: string): Page<Task> {
  const after = cursor === undefined ? undefined : decodeTaskCursor(cursor);
  const sorted = tasks
    .map((t) => ({ t, key: taskSortKey(t) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .filter(({ key }) => after === undefined || key > after);
  const items = sorted.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(({ t }) => t),
    ...(sorted.length > limit && last ? { cursor: encodeTaskCursor(last.key) } : {}),
  };
}
