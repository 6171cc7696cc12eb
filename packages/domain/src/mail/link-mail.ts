import type { MailMessage } from '../ports.ts';
import { button, escapeHtml, layout } from './html.ts';
import type { mailT } from './i18n.ts';

export interface LinkMailInput {
  to: string;
  /** The mail's language (the `lang` of its HTML). */
  lng: string;
  /** The mail catalog's `t` in that language. */
  t: ReturnType<typeof mailT>;
  subject: string;
  /** The paragraphs before the link: greeting, why this mail. */
  lines: string[];
  /** The button's words; the plain text reads `{action}: {link}`. */
  action: string;
  link: string;
  /** The paragraphs after the link: how long it works, what to do if unexpected. */
  after: string[];
}

/**
 * A mail whose point is one link (an invitation, a password reset): plain text and HTML
 * with the same content, the lines, the link as a button and in full, then the lines after.
 *
 * @example
 * linkMail({ to, lng, t, subject, lines: [greeting, intro], action, link, after: [expiry, ignore] });
 */
export function linkMail(input: LinkMailInput): MailMessage {
  const { t, link } = input;
  const text = [
    ...input.lines,
    '',
    t('common.link', { action: input.action, link }),
    '',
    ...input.after,
    '',
    t('common.signature'),
  ].join('\n');
  const html = layout(
    input.lng,
    input.subject,
    [
      ...input.lines.map((l) => `<p>${escapeHtml(l)}</p>`),
      button(link, input.action),
      `<p style="font-size:13px;word-break:break-all">${escapeHtml(link)}</p>`,
      ...input.after.map((l) => `<p>${escapeHtml(l)}</p>`),
    ].join('\n'),
    t('common.signature'),
  );
  return { to: input.to, subject: input.subject, text, html };
}
