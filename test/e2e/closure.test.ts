import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn as signInAs } from '../support/browser.ts';
import { seedNetwork } from '../support/e2e-network.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** The words of the error codes, as the SPA shows them in English (ADR 0036). */
const errorWords = (await import('../../packages/domain/locales/en/errors.json')).default;
/**
 * The closure questions (001 "Closure"), end to end in Chromium: a mentorship moved to
 * "Monitor the relationship" through the API, then a network admin answers two of its
 * closure questions and saves them. A mentorship still at its first stage explains why
 * there is nothing to answer yet, and a save refused because the stage moved back keeps
 * what was typed. Every page is checked by axe.
 */
describe('the closure questions in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let networkId: string;
  let monitored: string;
  let early: string;
  let movedBack: string;
  let admin: { email: string; password: string; token: string };

  const api = <T>(method: string, path: string, token: string, body?: unknown) =>
    server.api<T>(method, path, token, body);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const seeded = await seedNetwork(server, {
      name: 'East Africa KP Network',
      region: 'East Africa',
      admin: { email: 'admin.eakp@example.org', name: 'Amani Njoroge' },
      organizations: [
        ['Nairobi Peer Collective', 'KE'],
        ['Kampala Harm Reduction Network', 'UG'],
      ],
      keyPopulations: ['people-who-inject-drugs'],
    });
    ({ networkId, admin } = seeded);
    const orgIds = seeded.organizationIds;
    const [mentorId, menteeId] = orgIds as [string, string];
    const start = () =>
      api<{ id: string }>('POST', `/networks/${networkId}/mentorships`, admin.token, {
        mentorOrganizationId: mentorId,
        menteeOrganizationIds: [menteeId],
        startDate: '2025-01-15',
        durationMonths: 12,
      });
    // both organizations accept, then three steps forward to "Monitor the relationship"
    const toMonitor = async () => {
      const { id } = await start();
      const path = `/networks/${networkId}/mentorships/${id}`;
      for (const organizationId of orgIds) {
        await api('POST', `${path}/agreements`, admin.token, { organizationId, onBehalf: true });
      }
      for (const stage of ['identify-expectations', 'manage-process', 'monitor']) {
        await api('POST', `${path}/stage`, admin.token, { stage, reason: `on to ${stage}` });
      }
      return id;
    };
    monitored = await toMonitor();
    movedBack = await toMonitor();
    early = (await start()).id;
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const signIn = async (page: Page) => {
    await signInAs(page, server.url, admin.email, admin.password);
    await page.getByRole('link', { name: 'Mentorships' }).waitFor();
  };

  it('answers two closure questions of a monitored mentorship', async () => {
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${server.url}/networks/${networkId}/mentorships/${monitored}`);
    const tools = page.getByRole('navigation', { name: 'Mentorship tools' });
    await tools.getByRole('link', { name: 'Closure', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Closure' }).waitFor();
    await page.getByText('Not saved yet.').waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('navigation', { name: 'This mentorship' })
          .getByRole('link', { name: 'Closure', exact: true })
          .getAttribute('aria-current'),
      )
      .toBe('page');
    await expectAccessible(page, 'closure (empty)');

    // nothing answered: the summary says so, and nothing is sent
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expect
      .poll(() => page.getByText(errorWords.one_needed, { exact: false }).count())
      .toBeGreaterThan(0);
    await expectAccessible(page, 'closure (nothing answered)');

    await page
      .getByLabel('How far have we come?')
      .fill('The books are reconciled every month now.');
    await page
      .getByLabel('What worked well?')
      .fill('Monthly calls with the same two people on each side.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Closure answers saved.').waitFor();
    await expectAccessible(page, 'closure (saved)');

    const closure = await api<{ version: number; content: { answers: Record<string, string> } }>(
      'GET',
      `/networks/${networkId}/mentorships/${monitored}/closure`,
      admin.token,
    );
    expect(closure.version).toBe(1);
    expect(closure.content.answers).toEqual({
      'how-far': 'The books are reconciled every month now.',
      'worked-well': 'Monthly calls with the same two people on each side.',
    });
    await page.close();
  }, 120_000);

  it('explains, at 360 px, that closure comes later for a mentorship at its first stage', async () => {
    const narrow = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await narrow.newPage();
    await signIn(page);
    await page.goto(`${server.url}/networks/${networkId}/mentorships/${early}`);
    const tools = page.getByRole('navigation', { name: 'Mentorship tools' });
    await tools.getByRole('link', { name: 'Gatherings' }).waitFor();
    expect(await tools.getByRole('link', { name: 'Closure', exact: true }).count()).toBe(0);

    await page.goto(`${server.url}/networks/${networkId}/mentorships/${early}/closure`);
    await page.getByText('Closure comes when the relationship is being reviewed').waitFor();
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectAccessible(page, 'closure too early at 360 px');

    await page.goto(`${server.url}/networks/${networkId}/mentorships/${monitored}/closure`);
    await page.getByLabel('What worked well?').waitFor();
    await expectAccessible(page, 'closure at 360 px');
    await narrow.close();
  }, 120_000);

  it('keeps the answers on the page when the stage moved back before Save (422)', async () => {
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${server.url}/networks/${networkId}/mentorships/${movedBack}/closure`);
    await page.getByLabel('Were the planned goals achieved?').fill('Two of the three.');
    // meanwhile, someone takes the mentorship back to "Manage the process"
    await api('POST', `/networks/${networkId}/mentorships/${movedBack}/stage`, admin.token, {
      stage: 'manage-process',
      reason: 'one more objective to work on',
    });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The answers were not saved').waitFor();
    await page.getByText('Closure comes when the relationship is being reviewed').waitFor();
    expect(await page.getByLabel('Were the planned goals achieved?').inputValue()).toBe(
      'Two of the three.',
    );
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'closure refused (422)');
    const res = await fetch(
      `${server.url}/api/v1/networks/${networkId}/mentorships/${movedBack}/closure`,
      { headers: { authorization: `Bearer ${admin.token}` } },
    );
    // nothing saved: the closure is still "not created yet" (200 null, ADR 0043)
    expect(res.status).toBe(200);
    expect(await res.json()).toBeNull();
    await page.close();
  }, 120_000);
});
