import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { MailSendError, SesMailer } from './ses-mailer.ts';

const ses = mockClient(SESv2Client);
afterEach(() => ses.reset());

const FROM = 'Sisi <no-reply@sisi.example.org>';
const message = {
  to: 'ama@example.org',
  subject: 'Le rapport trimestriel de la période 2 est attendu : Amani → Sauti',
  text: 'Bonjour Ama,\nhttp://localhost:3000/x',
  html: '<p>Bonjour Ama,</p>',
};
const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:net-a1-m123456-p3@sisi',
  'DTSTART;VALUE=DATE:20261015',
  'SUMMARY:Mid-term reflection',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('SesMailer', () => {
  it('sends a mail without attachments as Simple content: from, to, subject, text, html', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-west-1' }), {
      from: FROM,
      configurationSetName: 'sisi',
    });
    expect(await mailer.send(message)).toEqual({ id: 'ses-1' });
    const calls = ses.commandCalls(SendEmailCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      FromEmailAddress: FROM,
      Destination: { ToAddresses: ['ama@example.org'] },
      ConfigurationSetName: 'sisi',
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
  });

  it('sends a mail with an .ics attachment as a raw MIME message that carries it', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-2' });
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-west-1' }), { from: FROM });
    await mailer.send({
      ...message,
      attachments: [
        {
          filename: 'sisi-review-3.ics',
          contentType: 'text/calendar; charset=utf-8',
          content: ICS,
        },
      ],
    });
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.FromEmailAddress).toBe(FROM);
    expect(input.Destination).toEqual({ ToAddresses: ['ama@example.org'] });
    expect(input.Content?.Simple).toBeUndefined();
    const raw = Buffer.from(input.Content!.Raw!.Data!).toString('utf8');
    expect(raw).toMatch(/^From: Sisi <no-reply@sisi\.example\.org>\r$/m);
    expect(raw).toMatch(/^To: ama@example\.org\r$/m);
    // a non-ASCII subject is encoded (RFC 2047), not sent raw
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(raw).toMatch(/Content-Type: multipart\/mixed/);
    expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; name=sisi-review-3\.ics/);
    expect(raw).toMatch(/Content-Disposition: attachment; filename=sisi-review-3\.ics/);
    // what a mail client reads back: both bodies, the subject, and the .ics byte for byte
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.trim()).toBe(message.text);
    expect(parsed.html).toContain(message.html);
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]!.filename).toBe('sisi-review-3.ics');
    expect(parsed.attachments[0]!.contentType).toBe('text/calendar');
    expect(parsed.attachments[0]!.content.toString('utf8')).toBe(ICS);
  });

  it('wraps an SES failure in MailSendError, keeping the cause', async () => {
    const refused = Object.assign(new Error('Email address is not verified.'), {
      name: 'MessageRejected',
    });
    ses.on(SendEmailCommand).rejects(refused);
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-west-1' }), { from: FROM });
    const error = await mailer.send(message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailSendError);
    expect((error as MailSendError).cause).toBe(refused);
  });

  it('checks its options up front', () => {
    expect(() => new SesMailer(new SESv2Client({}), { from: '' })).toThrow(/from/);
  });
});
