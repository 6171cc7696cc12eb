import { describe, expect, it } from 'vitest';
import { languages } from '../languages.ts';
import { noticeKinds, noticeMail } from './notices.ts';

const base = {
  to: 'tome@kp-org.example',
  name: 'Tomé',
  networkName: 'Rede Lusófona',
  by: 'Awa Admin',
  about: 'Círculo <pares>',
  nominee: 'Nuno',
  link: 'http://localhost:3000/networks/n1/coaching-programs/p1#nominations-heading',
};

describe('noticeMail', () => {
  it('a coach added to the pool, in English: who added them, what to do, the link, how to stop', () => {
    const mail = noticeMail({ ...base, kind: 'coach-willingness' });
    expect(mail.subject).toBe('You were added to the pool of Sisi Kwa Sisi coaches');
    expect(mail.text).toContain('Hello Tomé,');
    expect(mail.text).toContain(
      'Awa Admin added you to the pool of Sisi Kwa Sisi coaches of Rede Lusófona.',
    );
    expect(mail.text).toContain(`Say whether you are willing: ${base.link}`);
    expect(mail.text).toContain('You can turn off these notices in your account settings.');
    expect(mail.html).toContain(`href="${base.link}"`);
  });

  it('a reference in Portuguese names the nominee and the program, escaped in the HTML', () => {
    const mail = noticeMail({ ...base, kind: 'reference', language: 'pt' });
    expect(mail.subject).toBe('Confirme uma referência: Nuno, Círculo <pares>');
    expect(mail.text).toContain(`Confirmar a referência: ${base.link}`);
    expect(mail.html).toContain('lang="pt"');
    expect(mail.html).toContain('Círculo &lt;pares&gt;');
    expect(mail.html).not.toContain('<pares>');
  });

  it('every kind in every language: no key left as a key, no placeholder left unfilled', () => {
    for (const language of languages) {
      for (const kind of noticeKinds) {
        const mail = noticeMail({ ...base, kind, language });
        for (const part of [mail.subject, mail.text]) {
          expect(part, `${kind} in ${language}`).not.toMatch(/notice\.|\{\{/);
        }
        expect(mail.html).toContain(`lang="${language}"`);
      }
    }
  });
});
