import {
  type SESv2Client,
  SendEmailCommand,
  type SendEmailCommandOutput,
} from '@aws-sdk/client-sesv2';
import { DataError } from '@sisi/data';
import type { Mailer, MailMessage } from '@sisi/domain';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface SesMailerOptions {
  /** The verified sender, e.g. `Sisi <no-reply@sisi.example.org>`. */
  from: string;
  /** An SES configuration set (bounces, complaints, sending metrics), when there is one. */
  configurationSetName?: string;
}

/** SES refused or failed a send; `cause` keeps the SDK error. */
export class MailSendError extends DataError {
  override name = 'MailSendError';
}

/** The RFC 5322 bytes of a message with attachments (multipart/mixed, text + HTML inside). */
export function composeRawMessage(from: string, message: MailMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: (message.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  });
  return new Promise((resolve, reject) => {
    composer.compile().build((error, raw) => (error ? reject(error) : resolve(raw)));
  });
}

/**
 * Sends mail through Amazon SES v2 (the AWS adapter of the `Mailer` port, shared by the API
 * and the lifecycle Lambdas). A message without attachments goes as SES "Simple" content; one
 * with attachments (an `.ics` invitation) as a raw MIME message.
 *
 * @example
 * const mailer = new SesMailer(new SESv2Client({}), { from: 'Sisi <no-reply@sisi.example.org>' });
 * await mailer.send({ to, subject, text, html });
 */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly options: SesMailerOptions,
  ) {
    if (!options.from) throw new Error('SesMailer: `from` is required');
  }

  async send(message: MailMessage): Promise<{ id: string }> {
    const common = {
      FromEmailAddress: this.options.from,
      Destination: { ToAddresses: [message.to] },
      ...(this.options.configurationSetName
        ? { ConfigurationSetName: this.options.configurationSetName }
        : {}),
    };
    const command = message.attachments?.length
      ? new SendEmailCommand({
          ...common,
          Content: { Raw: { Data: await composeRawMessage(this.options.from, message) } },
        })
      : new SendEmailCommand({
          ...common,
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: message.text, Charset: 'UTF-8' },
                Html: { Data: message.html, Charset: 'UTF-8' },
              },
            },
          },
        });
    let out: SendEmailCommandOutput;
    try {
      out = await this.client.send(command);
    } catch (error) {
      throw new MailSendError(`SES did not send the mail: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (!out.MessageId) throw new MailSendError('SES answered without a MessageId');
    return { id: out.MessageId };
  }
}
