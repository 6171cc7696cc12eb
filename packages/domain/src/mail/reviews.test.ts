import { describe, expect, it } from 'vitest';
import { calendarFile, escapeIcsText, foldIcsLine } from './ics.ts';
import { type ReviewMailInput, reviewLink, reviewMail } from './reviews.ts';

const BASE = 'http://localhost:3000';
const base: ReviewMailInput = {
  kind: 'request',
  to: 'ama@example.org',
  name: 'Ama Mensah',
  networkName: 'Southern Africa KP Alliance',
  mentorOrganizationName: 'Amani Trust',
  menteeOrganizationNames: ['Sauti Yetu', 'Kuza Collective'],
  baseUrl: BASE,
  networkId: 'kp-net-a1',
  mentorshipId: 'm_123456',
  review: { kind: 'quarterly', period: 2, dueDate: '2026-07-15' },
  next: { n: 4, kind: 'mid-term', dueDate: '2026-10-15' },
  now: new Date('2026-07-15T08:00:03.120Z'),
};
const mentorship = `${BASE}/networks/kp-net-a1/mentorships/m_123456`;

/** The unfolded content lines of an .ics text. */
const icsLines = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('reviewLink', () => {
  it('points at the form of each kind of review', () => {
    expect(reviewLink(BASE, 'kp-net-a1', 'm_123456', { kind: 'quarterly', period: 3 })).toBe(
      `${mentorship}/quarterly-reports/new?period=3`,
    );
    expect(reviewLink(BASE, 'kp-net-a1', 'm_123456', { kind: 'mid-term' })).toBe(
      `${mentorship}/reflection`,
    );
    expect(reviewLink(BASE, 'kp-net-a1', 'm_123456', { kind: 'end' })).toBe(
      `${mentorship}/evaluation`,
    );
  });
});

describe('reviewMail', () => {
  it('asks for the quarterly report of its period, with the link in text and HTML', () => {
    const mail = reviewMail(base);
    const link = `${mentorship}/quarterly-reports/new?period=2`;
    expect(mail.to).toBe(base.to);
    expect(mail.subject).toBe(
      'The quarterly report for period 2 is due: Amani Trust → Sauti Yetu and Kuza Collective',
    );
    expect(mail.text).toContain('Hello Ama Mensah,');
    expect(mail.text).toContain('is due on July 15, 2026');
    expect(mail.text).toContain(`Fill in the quarterly report: ${link}`);
    expect(mail.html).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    expect(mail.html).toContain('lang="en"');
  });

  it('asks everyone for the reflection at mid-term and the evaluation at the end', () => {
    const mid = reviewMail({ ...base, review: { kind: 'mid-term', dueDate: '2026-10-15' } });
    expect(mid.subject).toContain('Mid-term reflection');
    expect(mid.text).toContain(`${mentorship}/reflection`);
    expect(mid.text).toContain('stored without your name');
    const end = reviewMail({ ...base, review: { kind: 'end', dueDate: '2027-01-15' } });
    expect(end.subject).toContain('evaluation form');
    expect(end.text).toContain(`${mentorship}/evaluation`);
    expect(end.text).toContain('January 15, 2027');
  });

  it('reminds of a missing report and tells admins it is overdue, naming the pair', () => {
    const reminder = reviewMail({ ...base, kind: 'reminder' });
    expect(reminder.subject).toMatch(/^Reminder: the quarterly report for period 2/);
    expect(reminder.text).toContain(`${mentorship}/quarterly-reports/new?period=2`);
    const escalation = reviewMail({ ...base, kind: 'escalation' });
    expect(escalation.subject).toBe(
      'Overdue: the quarterly report for period 2 of Amani Trust → Sauti Yetu and Kuza Collective',
    );
    expect(escalation.text).toContain(
      'The quarterly report for period 2 of Amani Trust → Sauti Yetu and Kuza Collective is overdue',
    );
    expect(escalation.text).toContain(`Open the mentorship: ${mentorship}\n`);
  });

  it('refuses a reminder or escalation of a review that is not a quarterly report', () => {
    expect(() =>
      reviewMail({ ...base, kind: 'reminder', review: { kind: 'end', dueDate: '2027-01-15' } }),
    ).toThrow(RangeError);
    expect(() =>
      reviewMail({ ...base, review: { kind: 'quarterly', dueDate: '2026-07-15' } }),
    ).toThrow(RangeError);
  });

  it('attaches an .ics invitation for the next review, and none after the last', () => {
    const mail = reviewMail(base);
    expect(mail.text).toContain(
      'Next: the mid-term reflection questionnaire, on October 15, 2026.',
    );
    expect(mail.attachments).toHaveLength(1);
    const [ics] = mail.attachments!;
    expect(ics!.filename).toBe('sisi-review-4.ics');
    expect(ics!.contentType).toMatch(/^text\/calendar/);
    const lines = icsLines(ics!.content);
    expect(lines).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'UID:kp-net-a1-m_123456-p4@sisi',
        'DTSTAMP:20260715T080003Z',
        'DTSTART;VALUE=DATE:20261015',
        'DTEND;VALUE=DATE:20261016',
        'SUMMARY:Mid-term reflection: Amani Trust → Sauti Yetu and Kuza Collective',
        `URL:${mentorship}/reflection`,
        'END:VEVENT',
        'END:VCALENDAR',
      ]),
    );
    const { next: _next, ...last } = base;
    expect(reviewMail(last).attachments).toBeUndefined();
  });

  it('escapes names in the HTML, not in the text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const mail = reviewMail({ ...base, mentorOrganizationName: hostile, name: `A & ${hostile}` });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.text).toContain(hostile);
  });

  it("writes in the recipient's language (its base language for a regional tag), else English", () => {
    const fr = reviewMail({ ...base, language: 'fr-CA' });
    expect(fr.subject).toMatch(/^Le rapport trimestriel de la période 2 est attendu/);
    expect(fr.text).toContain('15 juillet 2026');
    expect(fr.text).toContain('Remplir le rapport trimestriel');
    expect(fr.html).toContain('lang="fr"');
    expect(reviewMail({ ...base, language: 'xx' }).subject).toBe(reviewMail(base).subject);
  });
});

describe('calendarFile', () => {
  it('is RFC 5545: CRLF lines, folded at 75 octets, text escaped', () => {
    const ics = calendarFile({
      uid: 'n-m-p2@sisi',
      date: '2026-02-28',
      summary: `Report, due; now\\${'é'.repeat(60)}`,
      stamp: new Date('2026-01-01T00:00:00Z'),
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of ics.split('\r\n')) {
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    }
    expect(icsLines(ics)).toContain(`SUMMARY:Report\\, due\\; now\\\\${'é'.repeat(60)}`);
    expect(icsLines(ics)).toContain('DTEND;VALUE=DATE:20260301');
  });

  it('escapes newlines and never splits a character when folding', () => {
    expect(escapeIcsText('a\nb')).toBe('a\\nb');
    const folded = foldIcsLine(`SUMMARY:${'→'.repeat(40)}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'→'.repeat(40)}`);
  });
});
