import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, signIn as signInAs } from '../support/browser.ts';
import { seedNetwork, startMentorship } from '../support/e2e-network.ts';
import type { TestServer } from '../support/server.ts';

/**
 * Issue "Durable lifecycle workflows", item 6, end to end in Chromium: a mentorship started
 * through the API two months ago, the virtual clock moved past its first quarterly review;
 * the mentor organization's coordinator finds it under "Reviews due", opens the quarterly
 * report (001 Annex 5), logs an interaction of 2.5 hours, submits, and the review shows
 * "Submitted"; a second report of the period is refused, before the form and on submit
 * (409). Every page is checked by axe, and the list and the form at 360 px.
 */
describe('the quarterly report in the browser', () => {
  const ui = browserSuite();
  let server: TestServer;
  let context: BrowserContext;
  let networkId: string;
  let mentorshipId: string;
  let firstQuarter: string;
  let adminToken: string;
  const coordinator = {
    name: 'Amaru Quispe',
    email: 'coord.pe@example.org',
    password: 'a long coordinator password',
  };

  const api = <T>(method: string, path: string, token: string | undefined, body?: unknown) =>
    server.api<T>(method, path, token, body);

  beforeAll(async () => {
    server = ui.server;
    const seeded = await seedNetwork(server, {
      name: 'Andean KP Network',
      region: 'Latin America',
      admin: { email: 'admin.andean@example.org', name: 'Rosa Mamani' },
      organizations: [
        ['Colectivo Trans Andino', 'PE'],
        ['Red Boliviana de Personas Viviendo con VIH', 'BO'],
      ],
      keyPopulations: ['transgender'],
    });
    networkId = seeded.networkId;
    adminToken = seeded.admin.token;
    const [mentorId, menteeId] = seeded.organizationIds;
    await server.accept(coordinator.email, coordinator.name, coordinator.password);

    // started two months ago on the runtime's clock: the first quarterly review is a month
    // away, so it is not recorded as past
    const mentorship = await startMentorship(server, networkId, adminToken, {
      mentorOrganizationId: mentorId!,
      menteeOrganizationIds: [menteeId!],
    });
    mentorshipId = mentorship.id;
    firstQuarter = mentorship.schedule.quarterlyReviews[0]!;
    expect(firstQuarter > mentorship.today).toBe(true);
    // the day of the first quarterly review, after 08:00 UTC: it is requested
    expect(await server.local.clock.advance({ to: `${firstQuarter}T09:00:00Z` })).toBeDefined();
    context = await ui.newContext();
  }, 90_000);

  const signIn = async (page: Page) => {
    await signInAs(page, server.url, coordinator.email, coordinator.password);
    await page.getByRole('link', { name: 'Mentorships' }).click();
  };

  it('finds the due report, fills it and sees the review submitted', async () => {
    const page = await context.newPage();
    await signIn(page);

    const due = page.getByRole('region', { name: 'Reviews due' });
    const link = due.getByRole('link', {
      name: 'Quarterly report 1: Colectivo Trans Andino mentoring Red Boliviana de Personas Viviendo con VIH',
    });
    await link.waitFor();
    await expect.poll(() => due.getByText('State: Requested').isVisible()).toBe(true);
    await expectAccessible(page, 'mentorships with reviews due');

    // the mentorship page shows the state of each review
    await page.goto(`${server.url}/networks/${networkId}/mentorships/${mentorshipId}`);
    const schedule = page.getByRole('region', { name: 'Review schedule' });
    await schedule.getByText('State: Requested').first().waitFor();
    await expectAccessible(page, 'mentorship page with review states');
    await page.goBack();

    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Quarterly report 1' }).waitFor();
    await expectAccessible(page, 'quarterly report form');

    // the form checks before it sends: a row without its hours is named
    await page
      .getByRole('group', { name: 'What has been the technical area of focus for the mentorship?' })
      .getByLabel('Advocacy', { exact: true })
      .check();
    await page
      .getByRole('group', { name: 'Learning objective 1' })
      .getByLabel('Learning objective', { exact: true })
      .fill('A costed advocacy plan');
    await page.getByRole('button', { name: 'Add an interaction' }).click();
    const row = page.getByRole('group', { name: 'Interaction 1' });
    const today = new Date().toISOString().slice(0, 10);
    await row.getByLabel('DATE').fill(today);
    await row.getByLabel('ACTIVITY').fill('Call on the advocacy plan');
    await page.getByRole('button', { name: 'Submit the quarterly report' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByText(/TIME INVOLVED is required/).waitFor();
    await expectAccessible(page, 'quarterly report with an error');

    await row.getByLabel('TIME INVOLVED').fill('2.5');
    await expect.poll(() => page.getByText('2.5 hours').isVisible()).toBe(true);
    // the mentor's name comes from the signed-in coordinator
    expect(await page.getByLabel('Mentor 1', { exact: true }).inputValue()).toBe(coordinator.name);
    await page.getByRole('button', { name: 'Submit the quarterly report' }).click();

    await page.getByText('Quarterly report 1 submitted.').waitFor();
    const reviews = page.getByRole('region', { name: 'Review schedule' });
    const first = reviews.getByRole('listitem').filter({ hasText: 'Quarterly review 1' });
    await expect.poll(() => first.getByText('State: Submitted').isVisible()).toBe(true);
    await expectAccessible(page, 'mentorship page after the report');

    const report = await api<{
      totalHours: number;
      interactions: unknown[];
      mentorNames: string[];
    }>('GET', `/networks/${networkId}/mentorships/${mentorshipId}/quarterly-reports/1`, adminToken);
    expect(report).toMatchObject({
      totalHours: 2.5,
      mentorNames: [coordinator.name],
      interactions: [{ date: today, hours: 2.5, activity: 'Call on the advocacy plan' }],
    });

    // no longer due; and a second report of the period is refused before it is written
    await page.getByRole('link', { name: 'Back to mentorships' }).click();
    await page.getByText('Nothing is waiting for you.').waitFor();
    await page.goto(
      `${server.url}/networks/${networkId}/mentorships/${mentorshipId}/quarterly-reports/new?period=1`,
    );
    await page.getByText(/already submitted/).waitFor();
    await expectAccessible(page, 'quarterly report already submitted');
  }, 180_000);

  it('fits 360 px: the list with its due reviews and the form', async () => {
    const narrow = await ui.newContext({ viewport: { width: 360, height: 800 } });
    const page = await narrow.newPage();
    await signIn(page);
    await page.getByRole('heading', { name: 'Reviews due' }).waitFor();
    await expectAccessible(page, 'mentorships at 360 px');
    await page.goto(
      `${server.url}/networks/${networkId}/mentorships/${mentorshipId}/quarterly-reports/new?period=2`,
    );
    await page.getByRole('heading', { level: 1, name: 'Quarterly report 2' }).waitFor();
    await page.getByRole('button', { name: 'Add an interaction' }).click();
    await expectAccessible(page, 'quarterly report form at 360 px');

    // someone else files period 2 meanwhile: the submit is refused (409) and says why
    await page.getByLabel('Financial Management', { exact: true }).check();
    await page
      .getByRole('group', { name: 'Learning objective 1' })
      .getByLabel('Learning objective', { exact: true })
      .fill('Monthly financial reports');
    await page.getByRole('button', { name: 'Remove interaction 1' }).click();
    await api(
      'POST',
      `/networks/${networkId}/mentorships/${mentorshipId}/quarterly-reports`,
      adminToken,
      {
        period: 2,
        date: new Date().toISOString().slice(0, 10),
        mentorNames: ['Rosa Mamani'],
        technicalAreas: ['advocacy'],
        objectives: [{ objective: 'Filed by the admin' }],
        interactions: [],
      },
    );
    await page.getByRole('button', { name: 'Submit the quarterly report' }).click();
    await page
      .getByRole('alert')
      .getByText('The quarterly report for this period was already submitted.')
      .waitFor();
    await expectAccessible(page, 'quarterly report refused at 360 px');
    await narrow.close();
  }, 120_000);
});
