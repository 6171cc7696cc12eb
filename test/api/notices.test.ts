import { mailT } from '@sisi/domain';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendNotices } from '../../functions/api/src/services/notices.ts';
import { BASE, createTestApi, type TestApi } from '../support/api.ts';
import { acceptInvitation, createOrganization, uniqueEmail } from '../support/fixtures.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { type SmtpSink, smtpAndOutbox, startSmtpSink } from '../support/smtp.ts';

/**
 * Issue 16, item 2: every new request for a person's action mails them once, in their
 * language, linking to the page where they act (the link `GET /me/tasks` gives the task);
 * with notices off, none arrives (ADR 0045). Mail goes through a real SMTP server.
 */

interface Person {
  id: string;
  email: string;
  token: string;
}
interface Task {
  kind: string;
  link: string;
}

let api: TestApi;
let sink: SmtpSink;
let mailer: ReturnType<typeof smtpAndOutbox>;
let networkId: string;
let networkName: string;
let adminToken: string;
let orgId: string;

/** A member of the organization, invited in `language` and signed up (active). */
async function person(language: string, name: string): Promise<Person> {
  const email = uniqueEmail('notice');
  await expectJson(
    await api.call('POST', `/networks/${networkId}/organizations/${orgId}/members`, {
      token: adminToken,
      body: { email, name, language },
    }),
    201,
  );
  const session = await acceptInvitation(api, email, name);
  return { id: session.user.id, email, token: session.token };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** Waits (up to 5 s) until `email` has `count` mails, then a moment more: no extra one comes. */
async function expectMails(email: string, count: number): Promise<ParsedMail[]> {
  const until = Date.now() + 5000;
  while (sink.to(email).length < count && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await settle();
  expect(sink.to(email)).toHaveLength(count);
  return sink.to(email);
}

/** The person's task of `kind` (the home's link). */
async function taskOf(p: Person, kind: string): Promise<Task> {
  const page = await expectJson<{ items: Task[] }>(
    await api.call('GET', '/me/tasks', { token: p.token }),
    200,
  );
  const task = page.items.find((t) => t.kind === kind);
  if (!task) throw new Error(`no ${kind} task: ${JSON.stringify(page.items)}`);
  return task;
}

/** The notice is in `language` (its HTML's `lang`, the catalog's subject and button) and links to the task. */
function expectNotice(
  mail: ParsedMail,
  language: string,
  kind: string,
  task: Task,
  vars: Record<string, string>,
) {
  const t = mailT(language);
  expect(mail.html).toContain(`<html lang="${language}">`);
  expect(mail.subject).toBe(t(`notice.${kind}.subject`, { networkName, ...vars }) as string);
  expect(mail.text).toContain(t(`notice.${kind}.action`) as string);
  expect(mail.text).toContain(t('notice.why', { networkName }) as string);
  expect(mail.text).toContain(`${BASE}${task.link}`);
  expect(mail.html).toContain(`href="${BASE}${task.link.replace(/&/g, '&amp;')}"`);
}

const addToPool = (personId: string) =>
  api.call('POST', `/networks/${networkId}/coaches`, {
    token: adminToken,
    body: { personId, areas: [{ area: 'monitoring-evaluation' }] },
  });

beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = smtpAndOutbox(sink, () => api.local.outbox);
  api = await createTestApi({ mailer });
  networkName = 'Rede Notícias';
  const created = await api.createNetwork(networkName);
  networkId = created.networkId;
  adminToken = created.adminToken;
  orgId = (await createOrganization(api, networkId, adminToken)).id;
}, 60_000);
afterAll(async () => {
  await api.close();
  mailer.close();
  await sink.close();
});

describe('notice mails', () => {
  it('a coach added to the pool: one mail in Portuguese, linking to where they say they are willing', async () => {
    const coach = await person('pt', 'Tomé Coach');
    await expectMails(coach.email, 1); // the invitation
    await expectJson(await addToPool(coach.id), 201);
    const mails = await expectMails(coach.email, 2);
    const task = await taskOf(coach, 'coach-willingness');
    expect(task.link).toBe(`/networks/${networkId}/sisi-kwa-sisi/coaches`);
    expectNotice(mails[1]!, 'pt', 'coach-willingness', task, {});
    expect(mails[1]!.text).toContain('Tomé Coach');

    // added again: 409, and no second mail; a retried notice queues nothing
    await expectProblem(await addToPool(coach.id), 409, 'personId');
    const notice = {
      kind: 'coach-willingness' as const,
      networkId,
      userId: coach.id,
      about: coach.id,
      path: task.link,
    };
    await sendNotices(api.local.deps, [notice]);
    await Promise.all([
      sendNotices(api.local.deps, [notice]),
      sendNotices(api.local.deps, [notice]),
    ]);
    await expectMails(coach.email, 2);
  });

  it('a referee named in a nomination: one mail in French, linking to the nominations', async () => {
    const referee = await person('fr', 'Fatou Référente');
    const nominee = await person('pt', 'Nuno Nominee');
    const program = await expectJson<{ id: string; name: string }>(
      await api.call('POST', `/networks/${networkId}/coaching-programs`, {
        token: adminToken,
        body: {
          organizationId: orgId,
          name: 'Programme pilote',
          objectives: ['Improve active listening'],
          kpis: [{ name: 'Sessions held per pair', target: 6, unit: 'sessions' }],
          pilot: true,
          pairingMode: 'fixed',
        },
      }),
      201,
    );
    await expectMails(referee.email, 1);
    await expectJson(
      await api.call('POST', `/networks/${networkId}/coaching-programs/${program.id}/nominations`, {
        token: adminToken,
        body: { nomineeId: nominee.id, refereeIds: [referee.id] },
      }),
      201,
    );
    const mails = await expectMails(referee.email, 2);
    const task = await taskOf(referee, 'reference');
    expect(task.link).toBe(
      `/networks/${networkId}/coaching-programs/${program.id}#nominations-heading`,
    );
    expectNotice(mails[1]!, 'fr', 'reference', task, {
      nominee: 'Nuno Nominee',
      about: 'Programme pilote',
    });
    // the nominee is asked nothing yet
    await expectMails(nominee.email, 1);
  });

  it('group members when the spirit is written: one mail each in their language, once per version', async () => {
    const [writer, pt, fr, off] = [
      await person('en', 'Wanjiru Writer'),
      await person('pt', 'Paulo Membro'),
      await person('fr', 'Aïcha Membre'),
      await person('es', 'Sofía Sin Avisos'),
    ];
    await expectJson(
      await api.call('PATCH', '/me', { token: off.token, body: { notices: false } }),
      200,
    );
    const group = await expectJson<{ id: string; name: string }>(
      await api.call('POST', `/networks/${networkId}/coaching-groups`, {
        token: adminToken,
        body: {
          name: 'Cercle des pairs',
          memberIds: [writer.id, pt.id, fr.id, off.id],
          facilitatorId: writer.id,
        },
      }),
      201,
    );
    const spirit = (version: number) =>
      api.call('PUT', `/networks/${networkId}/coaching-groups/${group.id}/spirit`, {
        token: writer.token,
        body: { text: `We keep what is said here ${version}`, version },
      });
    await expectJson(await spirit(0), 200);
    const [ptMails, frMails] = [await expectMails(pt.email, 2), await expectMails(fr.email, 2)];
    expectNotice(ptMails[1]!, 'pt', 'group-spirit', await taskOf(pt, 'group-spirit'), {
      about: 'Cercle des pairs',
    });
    expectNotice(frMails[1]!, 'fr', 'group-spirit', await taskOf(fr, 'group-spirit'), {
      about: 'Cercle des pairs',
    });
    await expectMails(writer.email, 1); // the writer asks nobody but the others
    await expectMails(off.email, 1); // notices off: the task is listed, no mail
    expect((await taskOf(off, 'group-spirit')).link).toBe(
      `/networks/${networkId}/coaching-groups/${group.id}`,
    );
    // a new version asks again, once
    await expectJson(await spirit(1), 200);
    await expectMails(pt.email, 3);
    await expectMails(fr.email, 3);
    await expectMails(off.email, 1);
  });

  it('with notices off, a coach added to the pool gets no mail; required mail still comes', async () => {
    const coach = await person('pt', 'Quieta Coach');
    const me = await expectJson<{ notices: boolean }>(
      await api.call('GET', '/me', { token: coach.token }),
      200,
    );
    expect(me.notices).toBe(true);
    const off = await expectJson<{ notices: boolean; language: string }>(
      await api.call('PATCH', '/me', { token: coach.token, body: { notices: false } }),
      200,
    );
    expect(off).toMatchObject({ notices: false, language: 'pt' });
    expect(
      await expectJson<{ notices: boolean }>(
        await api.call('GET', '/me', { token: coach.token }),
        200,
      ),
    ).toMatchObject({ notices: false, language: 'pt' });
    await expectJson(await addToPool(coach.id), 201);
    await expectMails(coach.email, 1);
    await taskOf(coach, 'coach-willingness'); // still on the home
    // a password reset is required mail
    expect(
      (await api.call('POST', '/auth/password-reset', { body: { email: coach.email } })).status,
    ).toBe(202);
    const mails = await expectMails(coach.email, 2);
    expect(mails[1]!.subject).toBe(mailT('pt')('passwordReset.subject') as string);
  });
});

describe('PATCH /me {notices}', () => {
  it.each([
    { what: 'a string', body: { notices: 'no' } },
    { what: 'null', body: { notices: null } },
    { what: 'a number', body: { notices: 0 } },
    { what: 'with a bad language', body: { notices: false, language: 'de' }, field: 'language' },
  ])('$what → 400 naming the field, nothing written', async ({ body, field }) => {
    const p = await person('fr', 'Bad Input');
    const before = await api.local.platform.getUser(p.id);
    await expectProblem(
      await api.call('PATCH', '/me', { token: p.token, body }),
      400,
      field ?? 'notices',
    );
    expect(await api.local.platform.getUser(p.id)).toEqual(before);
    expect(
      await expectJson<{ notices: boolean }>(await api.call('GET', '/me', { token: p.token }), 200),
    ).toMatchObject({ notices: true, language: 'fr' });
  });

  it('turning notices on again is kept, and the language is left alone', async () => {
    const p = await person('es', 'Back On');
    await expectJson(
      await api.call('PATCH', '/me', { token: p.token, body: { notices: false } }),
      200,
    );
    const on = await expectJson<{ notices: boolean; language: string }>(
      await api.call('PATCH', '/me', { token: p.token, body: { notices: true } }),
      200,
    );
    expect(on).toMatchObject({ notices: true, language: 'es' });
    expect((await api.local.platform.getUser(p.id))?.notices).toBe(true);
  });
});
