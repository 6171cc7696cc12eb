import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, signIn } from '../support/browser.ts';
import { seedNetwork } from '../support/e2e-network.ts';
import type { TestServer } from '../support/server.ts';

/**
 * Issue 7, peer coaching programs (seed 002), end to end in Chromium: the coordinator
 * designs a pilot program (objective, KPI, fixed pairs) and nominates a peer; the referee
 * confirms the reference; the coordinator accepts the nominee and pairs them; the
 * participant signs the informed consent form and records a session with private notes;
 * the coordinator's overview shows the session held, never the note, and the pair's page
 * is closed to the coordinator. Pages are checked by axe at 1280 and 360 px.
 */
describe('a peer coaching program in the browser', () => {
  const ui = browserSuite();
  let server: TestServer;
  let networkId: string;
  let organizationId: string;
  let adminToken: string;
  let programId = '';
  const people = {
    coordinator: {
      name: 'Mutinta Phiri',
      email: 'coord.lusaka@example.org',
      password: 'a long coordinator password',
    },
    mwila: {
      name: 'Mwila Banda',
      email: 'mwila@example.org',
      password: 'a long participant password',
    },
    chanda: {
      name: 'Chanda Zulu',
      email: 'chanda@example.org',
      password: 'a long second password',
    },
    bwalya: {
      name: 'Bwalya Tembo',
      email: 'bwalya@example.org',
      password: 'a long referee password',
    },
  };
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const NOTE = 'Mwila practised telling the outreach team about the stock-out; next: the clinic.';

  const api = <T>(method: string, path: string, token: string | undefined, body?: unknown) =>
    server.api<T>(method, path, token, body);

  beforeAll(async () => {
    server = ui.server;
    const seeded = await seedNetwork(server, {
      name: 'Zambia KP Peer Network',
      region: 'Southern Africa',
      admin: { email: 'admin.zkpn@example.org', name: 'Natasha Admin' },
      organizations: [['Lusaka Peer Educators', 'ZM', people.coordinator]],
      keyPopulations: ['sex-workers'],
    });
    networkId = seeded.networkId;
    adminToken = seeded.admin.token;
    organizationId = seeded.organizationIds[0]!;
    tokens.coordinator = await server.accept(
      people.coordinator.email,
      people.coordinator.name,
      people.coordinator.password,
    );
    for (const key of ['mwila', 'chanda', 'bwalya'] as const) {
      const p = people[key];
      const m = await api<{ id: string }>(
        'POST',
        `/networks/${networkId}/organizations/${organizationId}/members`,
        adminToken,
        { email: p.email, name: p.name },
      );
      ids[key] = m.id;
      tokens[key] = await server.accept(p.email, p.name, p.password);
    }
  }, 120_000);

  const newPage = async (
    who: keyof typeof people,
    width = 1280,
  ): Promise<[BrowserContext, Page]> => {
    const context = await ui.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await signIn(page, server.url, people[who].email, people[who].password);
    await page.getByRole('link', { name: 'Coaching', exact: true }).waitFor();
    return [context, page];
  };
  const at360 = async (page: Page, name: string) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessible(page, `${name} at 360 px`);
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  it('lets the coordinator design a pilot program and nominate a peer', async () => {
    const [context, page] = await newPage('coordinator');
    await page.getByRole('link', { name: 'Coaching', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Coaching' }).waitFor();
    await expectAccessible(page, 'coaching landing');
    await page.getByRole('link', { name: /^Peer coaching programs/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Peer coaching programs' }).waitFor();
    await expectAccessible(page, 'programs');
    await at360(page, 'programs');

    await page.getByRole('link', { name: 'Design a new program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Design a peer coaching program' }).waitFor();
    // the coordinator's own organization is chosen for them
    await expect
      .poll(() => page.getByLabel('Organization', { exact: true }).inputValue())
      .toBe(organizationId);
    await page.getByLabel('Name of the program').fill('Peer educators pilot');
    await page.getByLabel('Objective 1').fill('Stronger active listening among peer educators');
    await page.getByRole('button', { name: 'Add a KPI' }).click();
    await page
      .getByRole('group', { name: 'KPI 1' })
      .getByLabel('Indicator')
      .fill('Sessions held per pair');
    await page
      .getByRole('group', { name: 'KPI 1' })
      .getByLabel('Target', { exact: true })
      .fill('six');
    await page.getByLabel('This is a pilot').check();
    await page.getByLabel('Pairing').selectOption('fixed');
    await page.getByRole('button', { name: 'Create the program' }).click();
    // checked before it is sent: the target must be a number
    await page
      .getByRole('alert')
      .filter({ hasText: 'There is a problem' })
      .getByText(/KPI 1: Target must be a number/)
      .waitFor();
    await expectAccessible(page, 'program form with an error');
    await page
      .getByRole('group', { name: 'KPI 1' })
      .getByLabel('Target', { exact: true })
      .fill('6');
    await at360(page, 'program form');
    await page.getByRole('button', { name: 'Create the program' }).click();

    await page.getByRole('heading', { level: 1, name: 'Peer educators pilot' }).waitFor();
    await page.getByText('Program “Peer educators pilot” created.').waitFor();
    programId = page.url().split('/').pop()!;
    expect(programId).toMatch(/^[a-z0-9]{16}$/);
    await page.getByText('Pilot', { exact: true }).waitFor();

    // nominate Mwila, Bwalya as referee
    await page.getByLabel('Nominee', { exact: true }).selectOption({ label: people.mwila.name });
    await page
      .getByRole('group', { name: 'Referee 1' })
      .getByLabel('Referee 1', { exact: true })
      .selectOption({ label: people.bwalya.name });
    await page.getByLabel('Why you nominate them (optional)').fill('Trusted by the outreach team');
    await page.getByRole('button', { name: 'Nominate', exact: true }).click();
    await page.getByText(`${people.mwila.name} is nominated`).waitFor();
    await page.getByText(`Awaiting ${people.bwalya.name}`, { exact: true }).waitFor();
    await expectAccessible(page, 'program with a nomination');
    await at360(page, 'program with a nomination');
    await context.close();
  }, 120_000);

  it('lets the referee confirm, and the coordinator accept and pair', async () => {
    const [refContext, refPage] = await newPage('bwalya');
    await refPage.goto(`${server.url}/networks/${networkId}/coaching-programs/${programId}`);
    await refPage.getByText('You are a referee for a nomination in this program.').waitFor();
    await expectAccessible(refPage, 'program as referee');
    await refPage.getByLabel('Your words (optional)').fill('Listens before advising.');
    await refPage
      .getByRole('button', { name: `Confirm my reference for ${people.mwila.name}` })
      .click();
    await refPage.getByText(`Your reference for ${people.mwila.name} is confirmed.`).waitFor();
    await refContext.close();

    // Chanda goes the whole way through the API
    const base = `/networks/${networkId}/coaching-programs/${programId}`;
    const n = await api<{ id: string }>('POST', `${base}/nominations`, tokens.coordinator, {
      nomineeId: ids.chanda,
      refereeIds: [ids.bwalya],
    });
    await api(
      'POST',
      `${base}/nominations/${n.id}/references/${ids.bwalya}/confirm`,
      tokens.bwalya,
      {},
    );
    await api('POST', `${base}/participants`, tokens.coordinator, { nominationId: n.id });
    await api('POST', `${base}/consent`, tokens.chanda, {
      textVersion: '002-consent-v1',
      signature: people.chanda.name,
      agree: true,
    });

    const [context, page] = await newPage('coordinator');
    await page.goto(`${server.url}${base}`);
    await page
      .getByRole('button', { name: `Accept ${people.mwila.name} as a participant` })
      .click();
    await page.getByText(`${people.mwila.name} is now a participant.`).waitFor();
    await page.getByRole('link', { name: 'Pairs and rotation schedule' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Pairs' }).waitFor();
    await page.getByLabel('First person').selectOption({ label: people.mwila.name });
    await page.getByLabel('Second person').selectOption({ label: people.chanda.name });
    await page.getByRole('button', { name: 'Form the pair' }).click();
    await page.getByText('Pair formed.').waitFor();
    await page.getByText(`${people.mwila.name} & ${people.chanda.name}`).waitFor();
    await page.getByText('Consent missing').waitFor();
    await expectAccessible(page, 'pairs');
    await at360(page, 'pairs');
    await context.close();
  }, 120_000);

  it('lets the participant sign the consent form and record a private session note', async () => {
    const [context, page] = await newPage('mwila');
    await page.goto(`${server.url}/networks/${networkId}/coaching-programs/${programId}`);
    await page.getByRole('link', { name: 'Read and sign the consent form' }).click();
    await page.getByRole('heading', { level: 1, name: 'Informed consent' }).waitFor();
    await page.getByRole('heading', { name: 'Confidentiality', exact: true }).waitFor();
    await expectAccessible(page, 'consent form');
    await at360(page, 'consent form');
    await page.getByRole('button', { name: 'Sign the consent form' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await page.getByLabel('I agree').check();
    await page.getByLabel('Your full name, as your signature').fill(people.mwila.name);
    await page.getByRole('button', { name: 'Sign the consent form' }).click();
    await page.getByText('Consent signed.', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'Pairs and rotation schedule' }).click();
    await page.getByRole('link', { name: /^Open our sessions/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Our coaching sessions' }).waitFor();
    await page
      .getByText(`yours alone unless you share one with ${people.chanda.name}`, { exact: false })
      .waitFor();
    await page.getByLabel('Your notes (yours alone unless you share them)').fill(NOTE);
    await page.getByRole('button', { name: 'Record the session' }).click();
    await page.getByText('Session recorded.').waitFor();
    await page.getByText(NOTE).waitFor();
    // the note is kept to its author unless shared (ADR 0027)
    await page.getByText('Only you read this note', { exact: false }).waitFor();
    await expectAccessible(page, 'pair sessions');
    await at360(page, 'pair sessions');
    await context.close();
  }, 120_000);

  it('shows the coordinator where the program stands, and never the note', async () => {
    const [context, page] = await newPage('coordinator');
    await page.goto(`${server.url}/networks/${networkId}/coaching-programs`);
    await page.getByRole('link', { name: 'Coordinator overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coaching overview' }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: 'Peer educators pilot' });
    await card.getByRole('link', { name: 'Peer educators pilot' }).waitFor();
    const fact = (label: string) =>
      card
        .locator('.facts > div')
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator('dd');
    await expect.poll(() => fact('Sessions held').textContent()).toBe('1');
    await expect.poll(() => fact('Participants').textContent()).toBe('2');
    await expect.poll(() => fact('Consent signed').textContent()).toBe('2 of 2');
    expect(await page.content()).not.toContain('stock-out');
    await expectAccessible(page, 'coaching overview');
    await at360(page, 'coaching overview');

    // the pair's page answers "not found" to the coordinator
    const pairs = await api<{ rounds: { pairs: { id: string }[] }[] }>(
      'GET',
      `/networks/${networkId}/coaching-programs/${programId}/pairs`,
      tokens.coordinator,
    );
    await page.goto(
      `${server.url}/networks/${networkId}/coaching-programs/${programId}/pairs/${pairs.rounds[0]!.pairs[0]!.id}`,
    );
    await page
      .getByText('This page or item does not exist, or you cannot see it.')
      .waitFor()
      .catch(async (error) => {
        throw new Error(`${error}\n${await page.locator('main').textContent()}`);
      });
    expect(await page.content()).not.toContain('stock-out');
    await context.close();
  });

  it('lets the participant rate themself and answer the survey the coordinator opens', async () => {
    const base = `${server.url}/networks/${networkId}/coaching-programs/${programId}`;
    const [coordContext, coord] = await newPage('coordinator');
    await coord.goto(`${base}/survey`);
    await coord.getByRole('button', { name: 'Open survey round 1' }).click();
    await coord.getByText('Survey round 1 is open.').waitFor();
    await coord.getByText('Response rate: 0% (0 of 2)').waitFor();
    await expectAccessible(coord, 'survey results');
    await at360(coord, 'survey results');

    const [context, page] = await newPage('mwila');
    await page.goto(`${base}/self-assessment`);
    await page.getByRole('heading', { name: 'Your baseline self-assessment' }).waitFor();
    await page.getByRole('group', { name: 'Active listening' }).getByLabel('2 – Beginning').check();
    await expectAccessible(page, 'self-assessment');
    await at360(page, 'self-assessment');
    await page.getByRole('button', { name: 'Save my self-assessment' }).click();
    await page.getByText('Self-assessment saved.').waitFor();
    await page.getByRole('heading', { name: 'A follow-up self-assessment' }).waitFor();

    await page.goto(`${base}/survey`);
    await page
      .getByRole('group', { name: 'Peer coaching helped me improve my skills.' })
      .getByLabel('4 – Agree')
      .check();
    await page.getByLabel('What would make the program better?').fill('More time per session');
    await expectAccessible(page, 'survey');
    await at360(page, 'survey');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Thank you: your answers are in.').waitFor();
    await context.close();

    await coord.reload();
    await coord.getByText('Response rate: 50% (1 of 2)').waitFor();
    await coord.getByText('Answers are shown from 3 responses', { exact: false }).waitFor();
    expect(await coord.content()).not.toContain('More time per session');
    await coordContext.close();
  }, 120_000);
});
