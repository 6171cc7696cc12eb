import type { MailMessage } from '../ports.ts';
import { mailLanguage, mailT } from './i18n.ts';
import { linkMail } from './link-mail.ts';

export interface PasswordResetMailInput {
  to: string;
  name: string;
  /** `{baseUrl}/password-reset/{token}`: the SPA page that sets the new password. */
  link: string;
  expiresAt: Date;
  language?: string;
}

/**
 * The password reset mail: plain text and HTML with the same content, in the person's
 * language.
 *
 * @example
 * const mail = passwordResetMail({ to, name, link: `${baseUrl}/password-reset/${token}`, expiresAt });
 */
export function passwordResetMail(input: PasswordResetMailInput): MailMessage {
  const lng = mailLanguage(input.language);
  const t = mailT(lng);
  const expiresAt = new Intl.DateTimeFormat(lng, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(input.expiresAt);
  const vars = { name: input.name, expiresAt };
  const subject = t('passwordReset.subject', vars);
  const lines = [t('passwordReset.greeting', vars), t('passwordReset.intro', vars)];
  return linkMail({
    to: input.to,
    lng,
    t,
    subject,
    lines,
    action: t('passwordReset.action'),
    link: input.link,
    after: [t('passwordReset.expiry', vars), t('passwordReset.ignore')],
  });
}
