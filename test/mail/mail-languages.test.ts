import { readFileSync } from 'node:fs';
import { escapeHtml } from '@sisi/domain';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plusDays, today } from '../lifecycle/time-travel.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { acceptInvitation, createOrganization, uniqueEmail } from '../support/fixtures.ts';
import { createMentorship } from '../support/mentorships.ts';
import { expectJson } from '../support/problem.ts';
import { type SmtpSink, smtpAndOutbox, startSmtpSink } from '../support/smtp.ts';

/**
 * Issue 14, item 2: mail arrives wholly in its recipient's language, checked against the
 * catalog files themselves (read here as a translator writes them), through real SMTP.
 */

type Catalog = { [key: string]: string | Catalog };
const catalog = (language: string): Catalog =>
  JSON.parse(
    readFileSync(
      new URL(`../../packages/domain/locales/${language}/mail.json`, import.meta.url),
      'utf8',
    ),
  );
/** The string at a dotted key. */
const at = (c: Catalog, key: string): string => {
  const value = key.split('.').reduce<string | Catalog>((node, k) => (node as Catalog)[k]!, c);
  if (typeof value !== 'string') throw new Error(`no string at ${key}`);
  return value;
};
/** `{{name}}` placeholders filled, as i18next does (no escaping). */
const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`no value for {{${name}}} in ${template}`);
    return String(vars[name]);
  });
const occurrences = (text: string, part: string) => text.split(part).length - 1;
const longDate = (language: string, date: Date) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);

let api: TestApi;
let sink: SmtpSink;
let mailer: ReturnType<typeof smtpAndOutbox>;
let networkId: string;
let adminToken: string;
const NETWORK = 'Rede Lusófona';
const INVITER = 'Network Admin';

/** The one mail `email` received by SMTP whose subject is `subject`. */
function mailTo(email: string, subject: string): ParsedMail {
  const found = sink.to(email).filter((m) => m.subject === subject);
  expect(
    found,
    `${email} received: ${sink
      .to(email)
      .map((m) => m.subject)
      .join(' | ')}`,
  ).toHaveLength(1);
  return found[0]!;
}

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = smtpAndOutbox(sink, () => api.local.outbox);
  api = await createTestApi({ mailer });
  ({ networkId, adminToken } = await api.createNetwork(NETWORK));
}, 60_000);
afterAll(async () => {
  await api.close();
  mailer.close();
  await sink.close();
});

describe('an invitation sent with language pt', () => {
  it('arrives wholly in Portuguese: subject, text and HTML, each catalog string once, no English', async () => {
    const org = await createOrganization(api, networkId, adminToken, { name: 'Kuza Moçambique' });
    const email = uniqueEmail('pt-member');
    const name = 'Inês Machava';
    await expectJson(
      await api.call('POST', `/networks/${networkId}/organizations/${org.id}/members`, {
        token: adminToken,
        body: { email, name, language: 'pt' },
      }),
      201,
    );
    const expiresAt = new Date(api.local.clock.now().getTime() + 7 * 86_400_000);
    const link = (await api.mails(email))[0]!.text.match(/https?:\/\/\S+\/invitations\/\S+/)![0];

    /** The invitation's entries of a catalog, filled with this invitation's values. */
    const entries = (language: string) => {
      const c = catalog(language);
      const action = at(c, 'invitation.action');
      const vars = {
        name,
        inviterName: INVITER,
        networkName: NETWORK,
        organizationName: org.name,
        role: at(c, 'role.member'),
        count: 7,
        expiresAt: longDate(language, expiresAt),
        action,
        link,
      };
      const plural = new Intl.PluralRules(language).select(7);
      const keys = {
        subject: 'invitation.subject',
        greeting: 'invitation.greeting',
        intro: 'invitation.intro',
        organization: 'invitation.organization',
        action: 'invitation.action',
        link: 'common.link',
        expiry: `invitation.expiry_${plural}`,
        ignore: 'invitation.ignore',
        signature: 'common.signature',
      };
      return Object.fromEntries(
        Object.entries(keys).map(([k, key]) => [k, fill(at(c, key), vars)]),
      ) as Record<keyof typeof keys, string>;
    };

    const pt = entries('pt');
    const mail = mailTo(email, pt.subject);
    const text = mail.text ?? '';
    const html = String(mail.html);
    expect(html).toContain('<html lang="pt">');
    expect(occurrences(html, `<title>${escapeHtml(pt.subject)}</title>`)).toBe(1);
    const { subject: _subject, ...body } = pt;
    for (const [k, value] of Object.entries(body)) {
      // the link line ("action: link") is the text's alone; the HTML has a button instead
      expect(occurrences(text, value), `text: ${k}`).toBe(1);
      if (k !== 'link') expect(occurrences(html, escapeHtml(value)), `html: ${k}`).toBe(1);
    }
    // nothing of the English invitation, nor its English role name
    const en = entries('en');
    for (const [k, value] of Object.entries(en)) {
      for (const [part, content] of [
        ['subject', mail.subject ?? ''],
        ['text', text],
        ['html', html],
      ] as const) {
        expect(
          content.includes(value) || content.includes(escapeHtml(value)),
          `${part}: ${k}`,
        ).toBe(false);
      }
    }
    expect(text).not.toContain(at(catalog('en'), 'role.member'));
  });
});

describe('scheduled mail in the recipient’s language, read when it is sent', () => {
  it('a French coordinator is asked for the quarterly report in French; after PATCH /me es, reminded in Spanish', async () => {
    const mentor = await createOrganization(api, networkId, adminToken, {
      name: 'Amani Trust',
      coordinatorLanguage: 'fr',
    });
    const mentee = await createOrganization(api, networkId, adminToken, { name: 'Sauti Yetu' });
    const coordinator = await acceptInvitation(api, mentor.coordinatorEmail, 'Awa Diop');
    await api.call('POST', '/dev/clock', {
      token: api.operatorToken,
      body: { to: `${plusDays(today(api), 1)}T12:00:00Z` },
    });
    const m = await createMentorship(api, networkId, adminToken, {
      mentorOrganizationId: mentor.id,
      menteeOrganizationIds: [mentee.id],
      startDate: plusDays(today(api), 10),
      durationMonths: 12,
    });
    const [q1, q2] = m.schedule.quarterlyReviews as [string, string];
    const goTo = async (day: string) =>
      expect(
        (
          await api.call('POST', '/dev/clock', {
            token: api.operatorToken,
            body: { to: `${day}T12:00:00Z` },
          })
        ).status,
      ).toBe(200);

    /** A review mail's strings in `language`, filled as the lifecycle fills them. */
    const reviewStrings = (language: string, section: 'quarterly' | 'reminder') => {
      const c = catalog(language);
      const pair = fill(at(c, 'review.pair'), { mentor: mentor.name, mentees: mentee.name });
      const vars = {
        name: 'Awa Diop',
        mentor: mentor.name,
        pair,
        period: 1,
        dueDate: longDate(language, new Date(`${q1}T00:00:00Z`)),
        networkName: NETWORK,
      };
      const what = fill(at(c, 'review.next.quarterly'), { period: 2 });
      return {
        subject: fill(at(c, `review.${section}.subject`), vars),
        lines: [
          fill(at(c, 'review.greeting'), vars),
          fill(at(c, `review.${section}.intro`), vars),
          fill(at(c, `review.${section}.ask`), vars),
          at(c, `review.${section}.action`),
          fill(at(c, 'review.next.line'), {
            what,
            date: longDate(language, new Date(`${q2}T00:00:00Z`)),
          }),
          fill(at(c, 'review.why'), vars),
          at(c, 'common.signature'),
        ],
        summary: fill(at(c, 'review.calendar.quarterly'), { period: 2, pair }),
        description: fill(at(c, 'review.calendar.description'), { what, pair }),
      };
    };
    const expectIn = (mail: ParsedMail, strings: ReturnType<typeof reviewStrings>) => {
      for (const line of strings.lines) {
        expect(mail.text, line).toContain(line);
        expect(String(mail.html), line).toContain(escapeHtml(line));
      }
      const ics = mail.attachments[0]!.content.toString('utf8').replace(/\r\n /g, '');
      expect(ics).toContain(`SUMMARY:${strings.summary.replace(/,/g, '\\,')}`);
      expect(ics).toContain(`DESCRIPTION:${strings.description.replace(/,/g, '\\,')}`);
    };

    await goTo(q1);
    const fr = reviewStrings('fr', 'quarterly');
    const request = mailTo(mentor.coordinatorEmail, fr.subject);
    expect(String(request.html)).toContain('<html lang="fr">');
    expectIn(request, fr);
    const en = reviewStrings('en', 'quarterly');
    for (const line of [en.subject, ...en.lines, en.summary]) {
      expect(`${request.subject}\n${request.text}`).not.toContain(line);
    }

    // the coordinator chooses Spanish: the reminder, sent 14 days later, follows
    await expectJson(
      await api.call('PATCH', '/me', { token: coordinator.token, body: { language: 'es' } }),
      200,
    );
    await goTo(plusDays(q1, 14));
    const es = reviewStrings('es', 'reminder');
    const reminder = mailTo(mentor.coordinatorEmail, es.subject);
    expect(String(reminder.html)).toContain('<html lang="es">');
    expectIn(reminder, es);
  });
});
