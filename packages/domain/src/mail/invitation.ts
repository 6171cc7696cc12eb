import { INVITATION_TTL_DAYS } from '../identity.ts';
import type { MailMessage } from '../ports.ts';
import type { Role } from '../roles.ts';
import { mailLanguage, mailT } from './i18n.ts';
import { linkMail } from './link-mail.ts';

export interface InvitationMailInput {
  to: string;
  name: string;
  role: Role;
  inviterName: string;
  networkName?: string;
  organizationName?: string;
  link: string;
  expiresAt: Date;
  language?: string;
}

/**
 * The invitation: plain text and HTML with the same content, in the recipient's language.
 *
 * @example
 * const mail = invitationMail({ to, name, role: 'coordinator', inviterName, networkName,
 *   link: `${baseUrl}/invitations/${token}`, expiresAt });
 */
export function invitationMail(input: InvitationMailInput): MailMessage {
  const lng = mailLanguage(input.language);
  const t = mailT(lng);
  const role = t(`role.${input.role}`);
  const expiresAt = new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(
    input.expiresAt,
  );
  const vars = { ...input, role, expiresAt, count: INVITATION_TTL_DAYS };
  const subject = input.networkName
    ? t('invitation.subject', vars)
    : t('invitation.subjectNoNetwork', vars);
  const lines = [
    t('invitation.greeting', vars),
    input.networkName ? t('invitation.intro', vars) : t('invitation.introNoNetwork', vars),
    ...(input.organizationName ? [t('invitation.organization', vars)] : []),
  ];
  return linkMail({
    to: input.to,
    lng,
    t,
    subject,
    lines,
    action: t('invitation.action'),
    link: input.link,
    after: [t('invitation.expiry', vars), t('invitation.ignore')],
  });
}
