/**
 * Follow-up actions of a mentoring summary report (001 Annex 4, "FOLLOW-UP ACTIONS"): each
 * is tracked on its own — what, who, by when, and where it stands. Zod-free, so the SPA
 * marks overdue actions with the very rule the API applies.
 */

/** Where an action stands: still to do, done, or given up (no longer needed). */
export const followUpStatuses = ['open', 'done', 'dropped'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];

/**
 * Today as `YYYY-MM-DD` in UTC, the calendar the API's dates are in.
 *
 * @example dayOf(new Date('2026-03-01T23:30:00Z')) // '2026-03-01'
 */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

/**
 * An action is overdue when it is still open and its due date is before today: on its
 * due day it is not late yet. Done and dropped actions are never overdue.
 *
 * @example
 * isOverdue({ dueDate: '2026-02-27', status: 'open' }, '2026-03-01'); // true
 * isOverdue({ dueDate: '2026-03-01', status: 'open' }, '2026-03-01'); // false
 */
export function isOverdue(
  action: { dueDate: string; status: FollowUpStatus },
  today: string,
): boolean {
  return action.status === 'open' && action.dueDate < today;
}

/**
 * Actions in the order a person works through them: open ones first, the overdue before
 * the rest, each by due date; then done and dropped ones, most recent due date first.
 *
 * @example byUrgency([{ dueDate: '2026-05-01', status: 'done' }, { dueDate: '2026-06-01', status: 'open' }], '2026-03-01')[0].status // 'open'
 */
export function byUrgency<A extends { dueDate: string; status: FollowUpStatus }>(
  actions: readonly A[],
  today: string,
): A[] {
  const rank = (a: A) => (isOverdue(a, today) ? 0 : a.status === 'open' ? 1 : 2);
  return [...actions].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    return rank(a) === 2 ? b.dueDate.localeCompare(a.dueDate) : a.dueDate.localeCompare(b.dueDate);
  });
}
