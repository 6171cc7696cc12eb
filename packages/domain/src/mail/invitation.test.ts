import { describe, expect, it } from 'vitest';
import { type InvitationMailInput, invitationMail } from './invitation.ts';

const base: InvitationMailInput = {
  to: 'ama@example.org',
  name: 'Ama',
  role: 'coordinator',
  inviterName: 'Thandiwe',
  networkName: 'Southern Africa KP Alliance',
  organizationName: 'Amani',
  link: 'http://localhost:3000/invitations/tok_123-abc',
  expiresAt: new Date(Date.UTC(2026, 2, 14)),
};

describe('invitationMail', () => {
  it('puts the link in both the text and the HTML, and addresses the invitee', () => {
    const mail = invitationMail(base);
    expect(mail.to).toBe(base.to);
    expect(mail.text).toContain(base.link);
    expect(mail.html).toContain(`href="${base.link}"`);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(base.name);
      expect(part).toContain(base.networkName);
      expect(part).toContain(base.organizationName);
      expect(part).toContain(base.inviterName);
    }
    expect(mail.subject).toContain(base.networkName);
  });

  it('escapes every interpolated value in the HTML, not in the text', () => {
    const hostile = '<script>alert("x")</script>';
    const mail = invitationMail({
      ...base,
      name: hostile,
      inviterName: `${hostile} & co`,
      networkName: `Net ${hostile}`,
      organizationName: `Org's ${hostile}`,
    });
    expect(mail.html).not.toContain('<script');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('&amp; co');
    expect(mail.html).toContain('Org&#39;s');
    expect(mail.text).toContain(hostile);
  });

  it('escapes the link inside the href attribute', () => {
    const mail = invitationMail({ ...base, link: 'http://localhost:3000/invitations/x?a=1&b="2"' });
    expect(mail.html).toContain(
      'href="http://localhost:3000/invitations/x?a=1&amp;b=&quot;2&quot;"',
    );
    expect(mail.text).toContain('x?a=1&b="2"');
  });

  it('writes French when the language is fr, English otherwise', () => {
    const english = invitationMail(base);
    const french = invitationMail({ ...base, language: 'fr' });
    expect(french.subject).not.toBe(english.subject);
    expect(french.subject).toBe(`Invitation à rejoindre ${base.networkName} sur Sisi`);
    expect(french.subject).toContain(base.networkName);
    expect(french.html).toContain('lang="fr"');
    expect(french.text).toContain(base.link);
    expect(french.html).toContain(base.link);
    expect(english.subject).toMatch(/^You are invited/);
    expect(english.html).toContain('lang="en"');
    // an unsupported language falls back to English
    expect(invitationMail({ ...base, language: 'xx' }).subject).toBe(english.subject);
  });

  it('states the expiry date in the recipient language', () => {
    expect(invitationMail(base).text).toContain('for 7 days: it expires on March 14, 2026.');
    expect(invitationMail({ ...base, language: 'fr' }).text).toContain(
      'pendant 7 jours : il expire le 14 mars 2026.',
    );
  });

  it('has a subject of its own when there is no network (a donor)', () => {
    const { networkName: _n, organizationName: _o, ...donor } = base;
    const mail = invitationMail({ ...donor, role: 'donor', language: 'es' });
    expect(mail.subject).toBe('Le invitamos a unirse a Sisi');
    expect(mail.text).toContain('Thandiwe le invita a unirse a Sisi como donante.');
  });
});
