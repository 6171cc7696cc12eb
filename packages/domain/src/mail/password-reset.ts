import type { MailMessage } from '../ports.ts';
import { button, escapeHtml, layout } from './html.ts';
import { mailLanguage, mailT } from './i18n.ts';

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
  const text = [
    ...lines,
    '',
    t('common.link', { action: t('passwordReset.action'), link: input.link }),
    '',
    t('passwordReset.expiry', vars),
    t('passwordReset.ignore'),
    '',
    t('common.signature'),
  ].join('\n');
  const html = layout(
    lng,
    subject,
    [
      ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
      button(input.link, t('passwordReset.action')),
      `<p style="font-size:13px;word-break:break-all">${escapeHtml(input.link)}</p>`,
      `<p>${escapeHtml(t('passwordReset.expiry', vars))}</p>`,
      `<p>${escapeHtml(t('passwordReset.ignore'))}</p>`,
    ].join('\n'),
    t('common.signature'),
  );
  return { to: input.to, subject, text, html };
}
