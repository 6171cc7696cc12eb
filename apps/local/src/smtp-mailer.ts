import type { Mailer, MailMessage } from '@sisi/api';
import { createTransport, type Transporter } from 'nodemailer';

/**
 * Sends through an SMTP server given as a URL (`smtp://user:pass@host:587`,
 * `smtps://…`), e.g. a network's own mail relay.
 *
 * @example
 * const mailer = new SmtpMailer('smtp://localhost:2525', 'Sisi <no-reply@sisi.local>');
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    if (!/^smtps?:\/\//.test(url))
      throw new Error('SISI_SMTP_URL must start with smtp:// or smtps://');
    this.transport = createTransport(url);
  }

  async send(message: MailMessage): Promise<{ id: string }> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      attachments: message.attachments?.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
    });
    return { id: info.messageId };
  }

  close(): void {
    this.transport.close();
  }
}
