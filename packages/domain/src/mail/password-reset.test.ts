import { describe, expect, it } from 'vitest';
import { passwordResetMail } from './password-reset.ts';

const base = {
  to: 'amina@kp-org.example',
  name: 'Amina',
  link: 'http://localhost:3000/password-reset/abc_DEF-123',
  expiresAt: new Date('2026-03-04T10:15:00Z'),
};

describe('passwordResetMail', () => {
  it('carries the link, its hour and what to do if it was not asked for, in text and HTML', () => {
    const mail = passwordResetMail(base);
    expect(mail.to).toBe(base.to);
    expect(mail.subject).toBe('Choose a new password for Sisi');
    expect(mail.text).toContain(`Choose a new password: ${base.link}`);
    expect(mail.text).toContain('expires in one hour, on March 4, 2026 at 10:15 AM (UTC)');
    expect(mail.text).toContain('If you did not ask for it');
    expect(mail.html).toContain(`href="${base.link}"`);
    expect(mail.html).toContain('Hello Amina,');
  });

  it('escapes the name and link in the HTML', () => {
    const mail = passwordResetMail({
      ...base,
      name: '<b>Amina</b>',
      link: `${base.link}?a=1&b="2"`,
    });
    expect(mail.html).not.toContain('<b>Amina</b>');
    expect(mail.html).toContain('&lt;b&gt;Amina&lt;/b&gt;');
    expect(mail.html).toContain('?a=1&amp;b=&quot;2&quot;');
  });

  it("writes in the person's language, the date too", () => {
    const mail = passwordResetMail({ ...base, language: 'fr' });
    expect(mail.subject).toBe('Choisissez un nouveau mot de passe pour Sisi');
    expect(mail.text).toContain('Bonjour Amina,');
    expect(mail.text).toContain(`Choisir un nouveau mot de passe : ${base.link}`);
    expect(mail.text).toContain('le 4 mars 2026 à 10:15 (UTC)');
    expect(mail.html).toContain('lang="fr"');
  });
});
