import type { AddressInfo } from 'node:net';
import type { Mailer } from '@sisi/domain';
import { type OutboxMailer, SmtpMailer } from '@sisi/local';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a free local port, keeping every mail it receives, parsed. */
export interface SmtpSink {
  url: string;
  received: ParsedMail[];
  /** Mail received for `email`, oldest first. */
  to(email: string): ParsedMail[];
  close(): Promise<void>;
}

const recipientsOf = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : [m.to]).flatMap((t) => t?.value.map((v) => v.address) ?? []);

/**
 * Starts an SMTP server (no TLS, no authentication) that parses what it receives.
 *
 * @example
 * const sink = await startSmtpSink();
 * const mailer = new SmtpMailer(sink.url, 'Sisi <no-reply@sisi.local>');
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    to: (email) => received.filter((m) => recipientsOf(m).includes(email)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A mailer that sends each mail by real SMTP to `sink` and keeps a copy in the runtime's
 * outbox, where the test helpers read invitation links. `outbox` is called at each send,
 * so it follows a restarted runtime.
 */
export function smtpAndOutbox(
  sink: SmtpSink,
  outbox: () => OutboxMailer,
): Mailer & { close(): void } {
  const smtp = new SmtpMailer(sink.url, 'Sisi <no-reply@sisi.local>');
  return {
    async send(message) {
      await smtp.send(message);
      return outbox().send(message);
    },
    close: () => smtp.close(),
  };
}
