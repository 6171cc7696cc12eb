import { describe, expect, it } from 'vitest';
import { type Language, languages } from '../languages.ts';
import type { MailMessage } from '../ports.ts';
import { type Catalog, mailCatalogs } from './catalogs.ts';
import { invitationMail } from './invitation.ts';
import { passwordResetMail } from './password-reset.ts';
import { type ReviewMailInput, reviewMail } from './reviews.ts';

/**
 * Every mail kind, wholly in each language: no English sentence of the catalog is left in
 * the subject, text, HTML or `.ics` of a mail in another language.
 */

const leaves = (c: Catalog): string[] =>
  Object.values(c).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));

/** The literal pieces of a catalog's strings (between placeholders) that have words. */
const fragments = (c: Catalog) =>
  leaves(c)
    .flatMap((v) => v.split(/\{\{[^}]*\}\}/))
    .map((f) => f.trim())
    .filter((f) => f.length >= 4 && /\p{L}/u.test(f));

const review: Omit<ReviewMailInput, 'kind' | 'review'> = {
  to: 'ama@example.org',
  name: 'Ama Mensah',
  networkName: 'Réseau KP',
  mentorOrganizationName: 'Amani Trust',
  menteeOrganizationNames: ['Sauti Yetu', 'Kuza'],
  baseUrl: 'http://localhost:3000',
  networkId: 'kp-net-a1',
  mentorshipId: 'm_123456',
  now: new Date('2026-07-15T08:00:00Z'),
};
const quarterly = { kind: 'quarterly', period: 2, dueDate: '2026-07-15' } as const;

/** One mail of every kind (and variant) in `language`. */
function everyMail(language: Language): [string, MailMessage][] {
  const invitation = {
    to: 'ama@example.org',
    name: 'Ama',
    inviterName: 'Thandiwe',
    link: 'http://localhost:3000/invitations/tok',
    expiresAt: new Date('2026-03-14T00:00:00Z'),
    language,
  };
  const roles = ['operator', 'network-admin', 'coordinator', 'member'] as const;
  return [
    ...roles.map((role): [string, MailMessage] => [
      `invitation (${role})`,
      invitationMail({ ...invitation, role, networkName: 'Réseau KP', organizationName: 'Amani' }),
    ]),
    ['invitation (donor, no network)', invitationMail({ ...invitation, role: 'donor' })],
    [
      'password reset',
      passwordResetMail({ ...invitation, link: 'http://localhost:3000/password-reset/tok' }),
    ],
    [
      'quarterly request, next quarterly',
      reviewMail({
        ...review,
        language,
        kind: 'request',
        review: quarterly,
        next: { n: 3, kind: 'quarterly', period: 3, dueDate: '2026-10-15' },
      }),
    ],
    [
      'mid-term request, next end',
      reviewMail({
        ...review,
        language,
        kind: 'request',
        review: { kind: 'mid-term', dueDate: '2026-10-15' },
        next: { n: 4, kind: 'end', dueDate: '2027-01-15' },
      }),
    ],
    [
      'end request',
      reviewMail({
        ...review,
        language,
        kind: 'request',
        review: { kind: 'end', dueDate: '2027-01-15' },
      }),
    ],
    [
      'reminder, next mid-term',
      reviewMail({
        ...review,
        language,
        kind: 'reminder',
        review: quarterly,
        next: { n: 3, kind: 'mid-term', dueDate: '2026-10-15' },
      }),
    ],
    ['escalation', reviewMail({ ...review, language, kind: 'escalation', review: quarterly })],
  ];
}

const partsOf = (mail: MailMessage) => ({
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  ics: (mail.attachments ?? []).map((a) => String(a.content).replace(/\r\n /g, '')).join('\n'),
});

const english = fragments(mailCatalogs.en);

describe('mail in every language', () => {
  it('the English mail does use the English catalog (so the checks below can fail)', () => {
    for (const [kind, mail] of everyMail('en')) {
      const { subject, text } = partsOf(mail);
      expect(english.filter((f) => `${subject}\n${text}`.includes(f)).length, kind).toBeGreaterThan(
        2,
      );
    }
  });

  describe.each(languages.filter((l) => l !== 'en'))('%s', (language) => {
    const own = leaves(mailCatalogs[language]).join('\n');
    // English pieces the language does not share (names such as "Sisi" it does)
    const foreign = english.filter((f) => !own.includes(f));

    it.each(everyMail(language))('%s: no English left, in its language', (_kind, mail) => {
      const parts = partsOf(mail);
      for (const [part, content] of Object.entries(parts)) {
        const left = foreign.filter((f) => content.includes(f));
        expect(left, `${part}: ${content}`).toEqual([]);
      }
      expect(mail.html).toContain(`<html lang="${language}">`);
      expect(mail.text).toContain((mailCatalogs[language].common as Catalog).signature as string);
    });

    it('writes dates with Intl in the language', () => {
      const mail = reviewMail({ ...review, language, kind: 'request', review: quarterly });
      const day = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date('2026-07-15T00:00:00Z'),
      );
      expect(mail.text).toContain(day);
      expect(mail.text).not.toContain('July 15, 2026');
    });
  });
});
