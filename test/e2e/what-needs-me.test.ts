import { addMonths } from '@sisi/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue "Everyone sees their next step", item 1, end to end in Chromium at 360 px: a
 * coordinator signs in and lands on "What needs me", which lists the due quarterly report
 * before the undated rights to accept; the item opens the report's form, and once it is
 * filed the home no longer lists it. axe and no horizontal scroll on each page.
 * `SISI_SCREENSHOTS=<dir>` keeps screenshots of the home at 360 and 1280 px, in English and
 * French.
 */
describe('"What needs me" in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let networkId: string;
  let mentorshipId: string;
  const coordinator = {
    name: 'Amaru Quispe',
    email: 'coord.pe@example.org',
    password: 'a long coordinator password',
  };
  const shots = process.env.SISI_SCREENSHOTS;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const network = await server.api<{ id: string }>(
      'POST',
      '/networks',
      await server.operatorToken(),
      {
        name: 'Andean KP Network',
        region: 'Latin America',
        adminEmail: 'admin.andean@example.org',
        adminName: 'Rosa Mamani',
      },
    );
    networkId = network.id;
    const adminToken = await server.accept(
      'admin.andean@example.org',
      'Rosa Mamani',
      'a long admin password',
    );
    const orgIds: string[] = [];
    for (const [name, country] of [
      ['Colectivo Trans Andino', 'PE'],
      ['Red Boliviana de Personas Viviendo con VIH', 'BO'],
    ] as const) {
      const org = await server.api<{ id: string }>(
        'POST',
        `/networks/${networkId}/organizations`,
        adminToken,
        {
          name,
          country,
          keyPopulations: ['transgender'],
          kpLed: true,
          coordinatorEmail: `coord.${country.toLowerCase()}@example.org`,
          coordinatorName: `Coordinator ${country}`,
        },
      );
      orgIds.push(org.id);
    }
    await server.accept(coordinator.email, coordinator.name, coordinator.password);
    const today = server.local.clock.now().toISOString().slice(0, 10);
    const mentorship = await server.api<{ id: string; schedule: { quarterlyReviews: string[] } }>(
      'POST',
      `/networks/${networkId}/mentorships`,
      adminToken,
      {
        mentorOrganizationId: orgIds[0],
        menteeOrganizationIds: [orgIds[1]],
        startDate: addMonths(today, -2),
        durationMonths: 12,
      },
    );
    mentorshipId = mentorship.id;
    const firstQuarter = mentorship.schedule.quarterlyReviews[0]!;
    // the day of the first quarterly review, after 08:00 UTC: it is requested
    expect(await server.local.clock.advance({ to: `${firstQuarter}T09:00:00Z` })).toBeDefined();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const tasksOf = (page: Page) =>
    page.locator('.task-list .task-title').allTextContents() as Promise<string[]>;

  it('lands a coordinator on their tasks, opens the report from there, and drops it once filed', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, server.url, coordinator.email, coordinator.password);
    await page.getByRole('heading', { level: 1, name: 'What needs me' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/networks/${networkId}/home`);
    const report = page.getByRole('link', { name: 'Write quarterly report 1' });
    await report.waitFor();
    // soonest first: the dated report, then the rights, which nothing dates
    expect(await tasksOf(page)).toEqual([
      'Write quarterly report 1',
      'Accept the rights and responsibilities',
    ]);
    await page
      .getByText('Colectivo Trans Andino → Red Boliviana de Personas Viviendo con VIH')
      .first()
      .waitFor();
    await page.getByText(/^Due /).first().waitFor();
    await expectAccessible(page, 'what needs me at 360 px');
    if (shots) await page.screenshot({ path: `${shots}/home-due-en-360.png`, fullPage: true });

    await report.click();
    await page.getByRole('heading', { level: 1, name: 'Quarterly report 1' }).waitFor();
    expect(new URL(page.url()).search).toBe('?period=1');
    await page
      .getByRole('group', { name: 'What has been the technical area of focus for the mentorship?' })
      .getByLabel('Advocacy', { exact: true })
      .check();
    await page
      .getByRole('group', { name: 'Learning objective 1' })
      .getByLabel('Learning objective', { exact: true })
      .fill('A costed advocacy plan');
    await page.getByRole('button', { name: 'Submit the quarterly report' }).click();
    await page.getByText('Quarterly report 1 submitted.').waitFor();

    await page.getByRole('link', { name: 'What needs me' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'What needs me' }).waitFor();
    await page.getByRole('link', { name: 'Accept the rights and responsibilities' }).waitFor();
    await expect.poll(() => tasksOf(page)).toEqual(['Accept the rights and responsibilities']);
    await expectAccessible(page, 'what needs me after the report');
    await context.close();
  }, 180_000);

  it('reads in the person’s language at 360 and 1280 px, and says when nothing is left', async () => {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await signIn(page, server.url, coordinator.email, coordinator.password);
      await page.getByRole('heading', { level: 1, name: 'What needs me' }).waitFor();
      await page.getByRole('link', { name: 'Accept the rights and responsibilities' }).waitFor();
      await page.getByText('No due date').waitFor();
      if (shots) await page.screenshot({ path: `${shots}/home-en-${width}.png`, fullPage: true });
      await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
      await page.getByRole('heading', { level: 1, name: 'Ce qui m’attend' }).waitFor();
      await page.getByRole('link', { name: 'Accepter les droits et responsabilités' }).waitFor();
      await page.getByText('Sans échéance').waitFor();
      await expectAccessible(page, `what needs me in French at ${width} px`);
      if (shots) await page.screenshot({ path: `${shots}/home-fr-${width}.png`, fullPage: true });
      // back to English, which the person's profile keeps for the next sign-in
      await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
      await page.getByRole('heading', { level: 1, name: 'What needs me' }).waitFor();
      await context.close();
    }

    // the rights accepted, nothing is left
    const { token } = await server.api<{ token: string }>('POST', '/auth/login', undefined, {
      email: coordinator.email,
      password: coordinator.password,
    });
    const m = await server.api<{ mentorOrganizationId: string }>(
      'GET',
      `/networks/${networkId}/mentorships/${mentorshipId}`,
      token,
    );
    await server.api(
      'POST',
      `/networks/${networkId}/mentorships/${mentorshipId}/agreements`,
      token,
      {
        organizationId: m.mentorOrganizationId,
      },
    );
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, server.url, coordinator.email, coordinator.password);
    await page.getByText('Nothing needs you now.').waitFor();
    await expectAccessible(page, 'what needs me, empty, at 360 px');
    if (shots) await page.screenshot({ path: `${shots}/home-empty-en-360.png`, fullPage: true });
    await context.close();
  }, 180_000);
});
