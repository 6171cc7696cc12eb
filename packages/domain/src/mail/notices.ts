import type { MailMessage } from '../ports.ts';
import { mailLanguage, mailT } from './i18n.ts';
import { linkMail } from './link-mail.ts';

/**
 * The optional mails: a request for the person's own action that the app also lists on
 * their home (`GET /me/tasks`). The person may turn them off (`PATCH /me {notices: false}`);
 * invitations, password resets and review mail are required and always sent (ADR 0046).
 */
export const noticeKinds = ['coach-willingness', 'reference', 'group-spirit'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export interface NoticeMailInput {
  kind: NoticeKind;
  to: string;
  name: string;
  language?: string;
  networkName: string;
  /** Who asked (the coordinator or admin who added the coach, the nominator). */
  by?: string;
  /** The group's or the program's name. */
  about?: string;
  /** The nominee's name (a reference). */
  nominee?: string;
  /** The full link to the SPA page where the person acts. */
  link: string;
}

/**
 * A notice mail in the person's language: what they are asked, why they receive it, and the
 * link to the page where they act.
 *
 * @example
 * noticeMail({ kind: 'coach-willingness', to, name, networkName, by, link });
 */
export function noticeMail(input: NoticeMailInput): MailMessage {
  const lng = mailLanguage(input.language);
  const t = mailT(lng);
  const vars = {
    name: input.name,
    networkName: input.networkName,
    by: input.by ?? '',
    about: input.about ?? '',
    nominee: input.nominee ?? '',
  };
  const k = `notice.${input.kind}`;
  return linkMail({
    to: input.to,
    lng,
    t,
    subject: t(`${k}.subject`, vars),
    lines: [t('notice.greeting', vars), t(`${k}.intro`, vars), t(`${k}.ask`, vars)],
    action: t(`${k}.action`, vars),
    link: input.link,
    after: [t('notice.why', vars)],
  });
}
