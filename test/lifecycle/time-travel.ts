import { expect } from 'vitest';
import type { TestApi } from '../support/api.ts';
import type { Mentorship } from '../support/mentorships.ts';
import type { LifecycleWorld } from './world.ts';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus `days`. */
export const plusDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** One lifecycle mail as the tests compare them: the virtual day it was sent, kind, recipient. */
export interface Sent {
  on: string;
  kind: string;
  to: string;
}

export const line = (s: Sent): string => `${s.on} ${s.kind} → ${s.to}`;
const byDayKindTo = (a: Sent, b: Sent) =>
  a.on.localeCompare(b.on) || a.kind.localeCompare(b.kind) || a.to.localeCompare(b.to);

/** The kind of a lifecycle mail, from its (English) subject: `request q2`, `mid-term`, … */
export function kindOf(subject: string): string {
  const period = subject.match(/period (\d+)/)?.[1];
  if (subject.startsWith('The quarterly report for period')) return `request q${period}`;
  if (subject.startsWith('Reminder: the quarterly report')) return `reminder q${period}`;
  if (subject.startsWith('Overdue: the quarterly report')) return `escalation q${period}`;
  if (subject.startsWith('Mid-term reflection')) return 'mid-term';
  if (subject.startsWith('End of the mentorship')) return 'end';
  throw new Error(`not a lifecycle mail: ${subject}`);
}

/** Who gets what (API.md, "Scheduled mail"). */
export interface Recipients {
  /** The mentor organization's coordinator: quarterly requests and reminders. */
  mentorCoordinator: string;
  /** The network's admins: escalations. */
  admins: string[];
  /** Everyone in the mentorship, both sides: mid-term and end. */
  everyone: string[];
}

export function recipientsOf(w: LifecycleWorld): Recipients {
  return {
    mentorCoordinator: w.mentor.coordinatorEmail,
    admins: [w.adminEmail],
    everyone: [w.mentor.coordinatorEmail, w.mentee.coordinatorEmail, w.participant.email],
  };
}

export interface Scenario {
  /** Quarterly period → the day its report was submitted (around noon, after that day's steps). */
  reports?: Record<number, string>;
  /** The day the mentorship was ended (after that day's steps). */
  endedOn?: string;
  /** The runtime was down after `after` until `until`: what fell due meanwhile went out on `until`. */
  downtime?: { after: string; until: string };
}

/**
 * The mail a mentorship must get, from its schedule alone: each review asked for on its day
 * (a quarterly report already in: not asked); a quarterly report still missing reminded on
 * day +14 and escalated on day +28; nothing after the mentorship ended.
 */
export function expectedMails(m: Mentorship, to: Recipients, scenario: Scenario = {}): Sent[] {
  const out: Sent[] = [];
  const reportIn = (period: number | undefined, before: string) => {
    const on = period === undefined ? undefined : scenario.reports?.[period];
    return on !== undefined && on < before;
  };
  for (const r of m.reviews) {
    if (r.state !== 'upcoming') continue;
    const add = (on: string, kind: string, recipients: string[]) => {
      for (const address of recipients) out.push({ on, kind, to: address });
    };
    if (r.kind !== 'quarterly') {
      add(r.dueDate, r.kind, to.everyone);
      continue;
    }
    const q = `q${r.period}`;
    const remindOn = plusDays(r.dueDate, 14);
    const escalateOn = plusDays(r.dueDate, 28);
    if (!reportIn(r.period, r.dueDate)) add(r.dueDate, `request ${q}`, [to.mentorCoordinator]);
    if (!reportIn(r.period, remindOn)) add(remindOn, `reminder ${q}`, [to.mentorCoordinator]);
    if (!reportIn(r.period, escalateOn)) add(escalateOn, `escalation ${q}`, to.admins);
  }
  const { downtime, endedOn } = scenario;
  return out
    .filter((s) => endedOn === undefined || s.on <= endedOn)
    .map((s) =>
      downtime && s.on > downtime.after && s.on <= downtime.until
        ? { ...s, on: downtime.until }
        : s,
    )
    .sort(byDayKindTo);
}

/** The lifecycle mail `m` actually got, by virtual day sent (`sentAt`), kind and recipient. */
export async function sentMails(w: LifecycleWorld, m: Mentorship): Promise<Sent[]> {
  const mails = await w.mailOf(m);
  return mails
    .map((mail) => ({ on: mail.sentAt.slice(0, 10), kind: kindOf(mail.subject), to: mail.to }))
    .sort(byDayKindTo);
}

/** `POST /dev/clock` as the operator; the answer's `now`. */
export async function moveClock(
  api: TestApi,
  body: { advanceDays: number } | { to: string },
): Promise<string> {
  const res = await api.call('POST', '/dev/clock', { token: api.operatorToken, body });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { now: string }).now;
}

/** The virtual day. */
export const today = (api: TestApi): string => api.local.clock.now().toISOString().slice(0, 10);
