import { mailT } from '@sisi/domain';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  acceptInvitation,
  createOrganization,
  organizationBody,
  type User,
  uniqueEmail,
} from '../support/fixtures.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { type SmtpSink, smtpAndOutbox, startSmtpSink } from '../support/smtp.ts';

/**
 * Issue 14, item 1: a person's language (`GET`/`PATCH /me`), a network's default language,
 * and the language an invitation names. Mail goes through a real SMTP server.
 */

type Me = User & { language: string };
interface Network {
  id: string;
  name: string;
  defaultLanguage: string;
}

let api: TestApi;
let sink: SmtpSink;
let mailer: ReturnType<typeof smtpAndOutbox>;
/** A network whose default language is French, its admin and an organization of it. */
let networkId: string;
let networkName: string;
let adminToken: string;
let orgId: string;

/** The newest mail `email` received by SMTP; fails when there is none. */
function lastMail(email: string): ParsedMail {
  const mail = sink.to(email).at(-1);
  if (!mail) throw new Error(`no mail received for ${email}`);
  return mail;
}

/** Waits (up to 5 s) until `email` has received `count` mails: some are sent after the answer. */
async function received(email: string, count: number): Promise<void> {
  const until = Date.now() + 5000;
  while (sink.to(email).length < count && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(sink.to(email)).toHaveLength(count);
}

/** The invitation mail's language: its HTML's `lang`, and a subject from that catalog. */
function expectInvitationIn(email: string, language: string, network?: string): void {
  const mail = lastMail(email);
  expect(mail.html).toContain(`<html lang="${language}">`);
  if (network) {
    expect(mail.subject).toBe(
      mailT(language)('invitation.subject', { networkName: network }) as string,
    );
  }
}

const me = (token: string) => api.call('GET', '/me', { token });
const patchMe = (token: string, body: unknown) => api.call('PATCH', '/me', { token, body });

/** What a refused request must leave alone: the person, every item, the mail sent. */
async function snapshot(userId: string) {
  return {
    user: await api.local.platform.getUser(userId),
    items: await api.countItems([networkId]),
    mails: sink.received.length,
  };
}

async function createNetwork(body: Record<string, unknown>) {
  return api.call('POST', '/networks', {
    token: api.operatorToken,
    body: {
      name: `Réseau ${Math.random().toString(36).slice(2, 8)}`,
      region: 'West and Central Africa',
      adminEmail: uniqueEmail('admin'),
      adminName: 'Awa Admin',
      ...body,
    },
  });
}

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = smtpAndOutbox(sink, () => api.local.outbox);
  api = await createTestApi({ mailer });
  const adminEmail = uniqueEmail('fr-admin');
  networkName = 'Réseau Ouest';
  const network = await expectJson<Network>(
    await createNetwork({ name: networkName, adminEmail, defaultLanguage: 'fr' }),
    201,
  );
  networkId = network.id;
  adminToken = (await acceptInvitation(api, adminEmail)).token;
  orgId = (await createOrganization(api, networkId, adminToken)).id;
}, 60_000);
afterAll(async () => {
  await api.close();
  mailer.close();
  await sink.close();
});

describe('GET /me and PATCH /me {language}', () => {
  /** One signed-in person of each role. */
  async function everyRole(): Promise<[string, string][]> {
    const org = await createOrganization(api, networkId, adminToken, {
      coordinatorLanguage: 'pt',
    });
    const coordinator = await acceptInvitation(api, org.coordinatorEmail);
    const memberEmail = uniqueEmail('member');
    await expectJson(
      await api.call('POST', `/networks/${networkId}/organizations/${org.id}/members`, {
        token: adminToken,
        body: { email: memberEmail, name: 'Mamadou Member', language: 'es' },
      }),
      201,
    );
    const member = await acceptInvitation(api, memberEmail);
    const donorEmail = uniqueEmail('donor');
    await expectJson(
      await api.call('POST', '/donors', {
        token: api.operatorToken,
        body: { email: donorEmail, name: 'A Fund', networkIds: [networkId] },
      }),
      201,
    );
    const donor = await acceptInvitation(api, donorEmail);
    return [
      ['operator', api.operatorToken],
      ['network-admin', adminToken],
      ['coordinator', coordinator.token],
      ['member', member.token],
      ['donor', donor.token],
    ];
  }

  it('carries the language the invitation named, the network default, or English', async () => {
    const byRole = new Map(await everyRole());
    const languageOf = async (role: string) =>
      (await expectJson<Me>(await me(byRole.get(role)!), 200)).language;
    expect(await languageOf('network-admin')).toBe('fr'); // the network's default
    expect(await languageOf('coordinator')).toBe('pt'); // coordinatorLanguage
    expect(await languageOf('member')).toBe('es'); // language
    expect(await languageOf('donor')).toBe('en'); // donors: English unless named
    expect(await languageOf('operator')).toBe('en'); // never set: English
  });

  it('every role sets its own language: 200 with the /me shape, and GET /me shows it', async () => {
    for (const [role, token] of await everyRole()) {
      const before = await expectJson<Me>(await me(token), 200);
      const next = before.language === 'es' ? 'pt' : 'es';
      const answer = await expectJson<Me>(await patchMe(token, { language: next }), 200);
      const now = expect.any(String); // the server's time, newer at each answer
      expect(answer, role).toEqual({ ...before, language: next, now });
      expect(await expectJson<Me>(await me(token), 200), role).toEqual({ ...answer, now });
    }
  });

  it.each([
    { what: 'a language Sisi does not write', body: { language: 'de' }, field: 'language' },
    { what: 'a regional tag', body: { language: 'pt-BR' }, field: 'language' },
    { what: 'not a string', body: { language: 7 }, field: 'language' },
    { what: 'null', body: { language: null }, field: 'language' },
    { what: 'no language', body: {}, field: 'language' },
    { what: 'another field', body: { language: 'fr', theme: 'dark' }, field: 'theme' },
    { what: 'only another field', body: { locale: 'fr' }, field: 'language' },
    { what: 'not an object', body: ['fr'], field: 'body' },
  ])('$what → 400 naming $field, nothing written', async ({ body, field }) => {
    const token = adminToken;
    const self = await expectJson<Me>(await me(token), 200);
    const before = await snapshot(self.id);
    await expectProblem(await patchMe(token, body), 400, field);
    expect(await snapshot(self.id)).toEqual(before);
    expect(await expectJson<Me>(await me(token), 200)).toEqual({
      ...self,
      now: expect.any(String),
    });
  });

  it('without a token → 401', async () => {
    await expectProblem(await api.call('PATCH', '/me', { body: { language: 'fr' } }), 401);
  });

  it('the next mail to the person is in the new language: a password reset', async () => {
    const org = await createOrganization(api, networkId, adminToken);
    const session = await acceptInvitation(api, org.coordinatorEmail);
    await expectJson(await patchMe(session.token, { language: 'pt' }), 200);
    const res = await api.call('POST', '/auth/password-reset', {
      body: { email: org.coordinatorEmail },
    });
    expect(res.status).toBe(202);
    await received(org.coordinatorEmail, 2); // the invitation, then the reset
    const mail = lastMail(org.coordinatorEmail);
    expect(mail.html).toContain('<html lang="pt">');
    expect(mail.subject).toBe(mailT('pt')('passwordReset.subject') as string);
  });
});

describe('the language of an invitation', () => {
  it('POST /networks: defaultLanguage is kept, shown, and the first admin is invited in it', async () => {
    const adminEmail = uniqueEmail('es-admin');
    const created = await expectJson<Network>(
      await createNetwork({ name: 'Red Andina', adminEmail, defaultLanguage: 'es' }),
      201,
    );
    expect(created.defaultLanguage).toBe('es');
    const shown = await expectJson<Network>(
      await api.call('GET', `/networks/${created.id}`, { token: api.operatorToken }),
      200,
    );
    // the operator's read adds the network's counts (ADR 0045)
    expect(shown).toEqual({
      ...created,
      counts: { organizations: 0, people: 0, mentorships: 0, coachingGroups: 0 },
    });
    expectInvitationIn(adminEmail, 'es', 'Red Andina');
  });

  it('POST /networks without defaultLanguage: English', async () => {
    const adminEmail = uniqueEmail('en-admin');
    const created = await expectJson<Network>(
      await createNetwork({ name: 'Plain Network', adminEmail }),
      201,
    );
    expect(created.defaultLanguage).toBe('en');
    expectInvitationIn(adminEmail, 'en', 'Plain Network');
  });

  it('coordinatorLanguage reaches the coordinator; without it, the network default', async () => {
    const named = await createOrganization(api, networkId, adminToken, {
      coordinatorLanguage: 'es',
    });
    expectInvitationIn(named.coordinatorEmail, 'es', networkName);
    const unnamed = await createOrganization(api, networkId, adminToken, { languages: ['pt'] });
    // the organization's spoken languages do not choose it: the network's default does
    expectInvitationIn(unnamed.coordinatorEmail, 'fr', networkName);
  });

  it('a member invitation names its language; without it, the network default', async () => {
    const invite = async (body: Record<string, unknown>) => {
      const email = uniqueEmail('invited-member');
      await expectJson(
        await api.call('POST', `/networks/${networkId}/organizations/${orgId}/members`, {
          token: adminToken,
          body: { email, name: 'Invited Member', ...body },
        }),
        201,
      );
      return email;
    };
    expectInvitationIn(await invite({ language: 'pt' }), 'pt', networkName);
    expectInvitationIn(await invite({}), 'fr', networkName);
  });

  it('a donor invitation names its language; without it, English', async () => {
    const invite = async (body: Record<string, unknown>) => {
      const email = uniqueEmail('donor');
      await expectJson(
        await api.call('POST', '/donors', {
          token: api.operatorToken,
          body: { email, name: 'Fonds Solidaire', networkIds: [networkId], ...body },
        }),
        201,
      );
      return email;
    };
    expectInvitationIn(await invite({ language: 'fr' }), 'fr');
    expectInvitationIn(await invite({}), 'en');
  });

  it('a network admin invitation without a language: the network default', async () => {
    const email = uniqueEmail('second-admin');
    const admin = await expectJson<{ language: string }>(
      await api.call('POST', `/networks/${networkId}/admins`, {
        token: adminToken,
        body: { email, name: 'Second Admin' },
      }),
      201,
    );
    expect(admin.language).toBe('fr');
    expectInvitationIn(email, 'fr', networkName);
  });

  it('an invitation sent again goes in the person’s language', async () => {
    const email = uniqueEmail('resent');
    const person = await expectJson<{ id: string }>(
      await api.call('POST', `/networks/${networkId}/organizations/${orgId}/members`, {
        token: adminToken,
        body: { email, name: 'Resent Member', language: 'es' },
      }),
      201,
    );
    const res = await api.call(
      'POST',
      `/networks/${networkId}/organizations/${orgId}/members/${person.id}/invitation`,
      { token: adminToken },
    );
    expect(res.status).toBe(202);
    expect(sink.to(email)).toHaveLength(2);
    expectInvitationIn(email, 'es', networkName);
  });

  describe('a bad language → 400 naming the field, nothing written, no mail', () => {
    const bad = ['de', 'EN', 'pt-BR', '', 3];
    it.each(bad)('POST /networks defaultLanguage %j', async (value) => {
      const before = { ...(await snapshot('nobody')), tables: await api.tables() };
      await expectProblem(await createNetwork({ defaultLanguage: value }), 400, 'defaultLanguage');
      expect({ ...(await snapshot('nobody')), tables: await api.tables() }).toEqual(before);
    });
    it.each(bad)('POST …/organizations coordinatorLanguage %j', async (value) => {
      const before = await snapshot('nobody');
      const body = organizationBody({ coordinatorLanguage: value });
      await expectProblem(
        await api.call('POST', `/networks/${networkId}/organizations`, {
          token: adminToken,
          body,
        }),
        400,
        'coordinatorLanguage',
      );
      expect(await snapshot('nobody')).toEqual(before);
      expect(sink.to(body.coordinatorEmail as string)).toEqual([]);
    });
    it.each(bad)('POST …/members language %j', async (value) => {
      const before = await snapshot('nobody');
      await expectProblem(
        await api.call('POST', `/networks/${networkId}/organizations/${orgId}/members`, {
          token: adminToken,
          body: { email: uniqueEmail('bad'), name: 'Bad Language', language: value },
        }),
        400,
        'language',
      );
      expect(await snapshot('nobody')).toEqual(before);
    });
    it.each(bad)('POST /donors language %j', async (value) => {
      const before = await snapshot('nobody');
      await expectProblem(
        await api.call('POST', '/donors', {
          token: api.operatorToken,
          body: {
            email: uniqueEmail('bad'),
            name: 'Bad',
            networkIds: [networkId],
            language: value,
          },
        }),
        400,
        'language',
      );
      expect(await snapshot('nobody')).toEqual(before);
    });
  });
});
