/**
 * Port types shared by every runtime and every Lambda: the API, the lifecycle handlers and
 * the adapters (SES, SMTP, the outbox, the virtual clock) all speak these. Types only: the
 * domain stays free of I/O.
 */

/**
 * Time, so tests and demos can move it.
 *
 * @example
 * const fixed: Clock = { now: () => new Date('2026-04-15T08:00:00Z') };
 */
export interface Clock {
  now(): Date;
}

/** One file attached to a mail, e.g. an `.ics` invitation (`content` is the text itself). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * A mail as the templates build it: the same content as plain text and HTML.
 *
 * @example
 * const message: MailMessage = { to: 'ama@example.org', subject: 'Hi', text: 'Hi', html: '<p>Hi</p>' };
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Optional attachments, e.g. an `.ics` invitation. */
  attachments?: MailAttachment[];
}

/**
 * Sends mail: SES on AWS, SMTP or the on-disk outbox locally.
 *
 * @example
 * const { id } = await mailer.send(invitationMail({ … }));
 */
export interface Mailer {
  send(message: MailMessage): Promise<{ id: string }>;
}
