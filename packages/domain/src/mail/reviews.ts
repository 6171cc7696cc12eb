/**
 * The lifecycle's mail (API.md "Scheduled mail"): a review is requested on its date, a
 * missing quarterly report is reminded 14 days later and escalated to the network's admins
 * 28 days later. Names of organizations and people only: never a report's or a
 * questionnaire's content, which is confidential or anonymous.
 */
import type { ReviewKind } from '../mentorship/schedule.ts';
import type { MailMessage } from '../ports.ts';
import { button, escapeHtml, layout } from './html.ts';
import { mailLanguage, mailT } from './i18n.ts';
import { calendarFile } from './ics.ts';

/** What a mail of a review does: ask for it, remind of it, or tell the admins it is overdue. */
export type ReviewMailKind = 'request' | 'reminder' | 'escalation';
export const reviewMailKinds = ['request', 'reminder', 'escalation'] as const;

/** A review as a mail names it: `period` is the quarterly report's number. */
export interface ReviewRef {
  kind: ReviewKind;
  period?: number;
  /** `YYYY-MM-DD`. */
  dueDate: string;
}

export interface ReviewMailInput {
  kind: ReviewMailKind;
  to: string;
  /** The recipient's name, for the greeting. */
  name: string;
  /** The recipient's language when known; English otherwise. */
  language?: string;
  networkName: string;
  mentorOrganizationName: string;
  menteeOrganizationNames: string[];
  /** Where the app is, e.g. `https://sisi.example.org` (no trailing slash). */
  baseUrl: string;
  networkId: string;
  mentorshipId: string;
  review: ReviewRef;
  /** The review after this one and its execution number: attached as an `.ics` invitation. */
  next?: ReviewRef & { n: number };
  /** When the mail is made (the invitation's `DTSTAMP`). */
  now: Date;
}

const mentorshipUrl = (baseUrl: string, networkId: string, mentorshipId: string) =>
  `${baseUrl}/networks/${encodeURIComponent(networkId)}/mentorships/${encodeURIComponent(mentorshipId)}`;

/**
 * The page where a review is filled in: the quarterly report of its period, the reflection
 * questionnaire (mid-term) or the evaluation form (end).
 *
 * @example
 * reviewLink('http://localhost:3000', 'net-a1', 'm123456', { kind: 'quarterly', period: 2 })
 * // 'http://localhost:3000/networks/net-a1/mentorships/m123456/quarterly-reports/new?period=2'
 */
export function reviewLink(
  baseUrl: string,
  networkId: string,
  mentorshipId: string,
  review: Pick<ReviewRef, 'kind' | 'period'>,
): string {
  const base = mentorshipUrl(baseUrl, networkId, mentorshipId);
  switch (review.kind) {
    case 'quarterly':
      return `${base}/quarterly-reports/new?period=${review.period}`;
    case 'mid-term':
      return `${base}/reflection`;
    case 'end':
      return `${base}/evaluation`;
  }
}

/** The `.ics` UID of review `n`: its execution's name, so a re-sent invitation updates it. */
export const reviewEventUid = (networkId: string, mentorshipId: string, n: number): string =>
  `${networkId}-${mentorshipId}-p${n}@sisi`;

const formatDay = (lng: string, day: string) =>
  new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );

/**
 * One mail of the lifecycle for one recipient, in their language, with the link straight to
 * the form and an `.ics` invitation for the next review when there is one.
 *
 * @example
 * const mail = reviewMail({ kind: 'request', to, name, networkName, mentorOrganizationName,
 *   menteeOrganizationNames, baseUrl, networkId, mentorshipId,
 *   review: { kind: 'quarterly', period: 1, dueDate: '2026-04-15' },
 *   next: { n: 2, kind: 'quarterly', period: 2, dueDate: '2026-07-15' }, now: clock.now() });
 */
export function reviewMail(input: ReviewMailInput): MailMessage {
  const { review } = input;
  if (input.kind !== 'request' && review.kind !== 'quarterly') {
    throw new RangeError(`a ${input.kind} is for a quarterly report, not a ${review.kind} review`);
  }
  if (review.kind === 'quarterly' && !review.period) {
    throw new RangeError('a quarterly review needs its period');
  }
  const lng = mailLanguage(input.language);
  const t = mailT(lng);
  const mentees = new Intl.ListFormat(lng, { style: 'long', type: 'conjunction' }).format(
    input.menteeOrganizationNames,
  );
  const pair = t('review.pair', { mentor: input.mentorOrganizationName, mentees });
  const vars = {
    name: input.name,
    mentor: input.mentorOrganizationName,
    mentees,
    pair,
    period: review.period,
    dueDate: formatDay(lng, review.dueDate),
    networkName: input.networkName,
  };
  const section = input.kind === 'request' ? review.kind : input.kind;
  const subject = t(`review.${section}.subject`, vars);
  const link =
    input.kind === 'escalation'
      ? mentorshipUrl(input.baseUrl, input.networkId, input.mentorshipId)
      : reviewLink(input.baseUrl, input.networkId, input.mentorshipId, review);
  const action = t(`review.${section}.action`);

  let nextLine: string | undefined;
  let attachments: MailMessage['attachments'];
  if (input.next) {
    const next = input.next;
    const what = t(`review.next.${next.kind}`, { period: next.period });
    nextLine = t('review.next.line', { what, date: formatDay(lng, next.dueDate) });
    const ics = calendarFile({
      uid: reviewEventUid(input.networkId, input.mentorshipId, next.n),
      date: next.dueDate,
      summary: t(`review.calendar.${next.kind}`, { period: next.period, pair }),
      description: t('review.calendar.description', { what, pair }),
      url: reviewLink(input.baseUrl, input.networkId, input.mentorshipId, next),
      stamp: input.now,
    });
    attachments = [
      {
        filename: `sisi-review-${next.n}.ics`,
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        content: ics,
      },
    ];
  }

  const paragraphs = [
    t('review.greeting', vars),
    t(`review.${section}.intro`, vars),
    t(`review.${section}.ask`, vars),
  ];
  const text = [
    ...paragraphs,
    '',
    t('common.link', { action, link }),
    ...(nextLine ? ['', nextLine] : []),
    '',
    t('review.why', vars),
    t('common.signature'),
  ].join('\n');
  const html = layout(
    lng,
    subject,
    [
      ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
      button(link, action),
      `<p style="font-size:13px;word-break:break-all">${escapeHtml(link)}</p>`,
      ...(nextLine ? [`<p>${escapeHtml(nextLine)}</p>`] : []),
      `<p style="font-size:13px;color:#52606d">${escapeHtml(t('review.why', vars))}</p>`,
    ].join('\n'),
    t('common.signature'),
  );
  return { to: input.to, subject, text, html, ...(attachments ? { attachments } : {}) };
}
