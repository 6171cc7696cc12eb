import type { AddressInfo } from 'node:net';
import { SmtpMailer } from '@sisi/local';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Received {
  envelope: { from: string | false; to: string[] };
  mail: ParsedMail;
}

let server: SMTPServer;
let url: string;
const received: Received[] = [];

const address = (a: SMTPServerAddress | false) => (a ? a.address : false);

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            envelope: {
              from: address(session.envelope.mailFrom),
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            mail,
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('SmtpMailer', () => {
  it('delivers subject, to, from, text, html and an attachment as sent', async () => {
    const mailer = new SmtpMailer(url, 'Sisi <no-reply@sisi.local>');
    const message = {
      to: 'ama@example.org',
      subject: 'Vous êtes invité·e à rejoindre Réseau Clés sur Sisi',
      text: 'Bonjour Ama,\n\nAccepter : http://localhost:3000/invitations/abc_123-xyz\n\nSisi',
      html: '<p>Bonjour Ama,</p><p><a href="http://localhost:3000/invitations/abc_123-xyz">Accepter</a> – ça marche</p>',
      attachments: [
        {
          filename: 'review.ics',
          contentType: 'text/calendar',
          content:
            'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Revue trimestrielle\r\nEND:VCALENDAR\r\n',
        },
      ],
    };
    try {
      const { id } = await mailer.send(message);
      expect(received).toHaveLength(1);
      const { envelope, mail } = received[0]!;

      expect(envelope).toEqual({ from: 'no-reply@sisi.local', to: ['ama@example.org'] });
      expect(mail.messageId).toBe(id);
      expect(mail.subject).toBe(message.subject);
      expect(mail.from?.value).toEqual([{ address: 'no-reply@sisi.local', name: 'Sisi' }]);
      const to = Array.isArray(mail.to) ? mail.to : [mail.to];
      expect(to.flatMap((t) => t?.value.map((v) => v.address))).toEqual([message.to]);
      expect(mail.text).toBe(message.text);
      expect(mail.html).toBe(message.html);

      expect(mail.attachments).toHaveLength(1);
      const [attachment] = mail.attachments;
      expect(attachment?.filename).toBe('review.ics');
      expect(attachment?.contentType).toBe('text/calendar');
      expect(attachment?.content.toString('utf8')).toBe(message.attachments[0]?.content);
    } finally {
      mailer.close();
    }
  });

  it('refuses a URL that is not smtp:// or smtps://', () => {
    expect(() => new SmtpMailer('http://127.0.0.1:25', 'Sisi <no-reply@sisi.local>')).toThrow(
      /smtp/,
    );
  });
});
