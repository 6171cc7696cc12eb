import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn as signInAs } from '../support/browser.ts';
import { seedNetwork } from '../support/e2e-network.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The mentoring forms no other end-to-end test fills, in Chromium: the orientation
 * meeting, scheduling a gathering (its error summary first), an organization's capacity
 * assessment and asset inventory, and a change of stage on the mentorship's page. Each
 * form's page is checked by axe.
 */
describe('the mentoring forms in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let networkId: string;
  let mentorId: string;
  let mentorshipId: string;
  let admin: { email: string; password: string; token: string };

  const api = <T>(method: string, path: string, token: string, body?: unknown) =>
    server.api<T>(method, path, token, body);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const seeded = await seedNetwork(server, {
      name: 'Southern Africa KP Network',
      region: 'Southern Africa',
      admin: { email: 'admin.sakp@example.org', name: 'Thandi Dlamini' },
      organizations: [
        ['Lusaka Peer Network', 'ZM'],
        ['Harare Key Populations Forum', 'ZW'],
      ],
      keyPopulations: ['msm'],
    });
    ({ networkId, admin } = seeded);
    const orgIds = seeded.organizationIds;
    mentorId = orgIds[0]!;
    const mentorship = await api<{ id: string }>(
      'POST',
      `/networks/${networkId}/mentorships`,
      admin.token,
      {
        mentorOrganizationId: mentorId,
        menteeOrganizationIds: [orgIds[1]],
        startDate: '2025-03-01',
        durationMonths: 12,
      },
    );
    mentorshipId = mentorship.id;
    // both organizations accept the rights and responsibilities: the next stage is open
    for (const organizationId of orgIds) {
      await api(
        'POST',
        `/networks/${networkId}/mentorships/${mentorshipId}/agreements`,
        admin.token,
        { organizationId, onBehalf: true },
      );
    }
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // a step that cannot happen fails with its locator, well within the test's time
    context.setDefaultTimeout(10_000);
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
  const mentorshipPath = () => `${server.url}/networks/${networkId}/mentorships/${mentorshipId}`;

  it('saves the orientation meeting', async () => {
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${mentorshipPath()}/orientation`);
    await page.getByRole('heading', { level: 1, name: 'Orientation meeting' }).waitFor();
    await page.getByText('Not saved yet.').waitFor();
    await expectAccessible(page, 'the orientation meeting');
    await page.getByLabel('Meeting date').fill('2025-03-10');
    await page.getByText('You have unsaved changes.').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Orientation meeting saved.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Meeting date').inputValue()).toBe('2025-03-10');
    await page.close();
  });

  it('schedules a gathering after showing what is missing', async () => {
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${mentorshipPath()}/gatherings`);
    await page.getByRole('heading', { level: 1, name: 'Gatherings' }).waitFor();
    await page.getByRole('button', { name: 'Schedule gathering' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    // the summary takes the focus (a string, so this Node-typed file needs no DOM types)
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.className'))
      .toBe('error-summary');
    await expect.poll(() => summary.textContent()).toContain('Title');
    await expectAccessible(page, 'the gathering form with errors');
    await page.getByLabel('Approach').selectOption({ label: 'Resource Referral' });
    await page.getByLabel('Title').fill('Referral to the legal clinic');
    await page.getByLabel('Date', { exact: true }).fill('2025-04-02');
    await page.getByRole('button', { name: 'Schedule gathering' }).click();
    await page.getByText('Gathering “Referral to the legal clinic” scheduled').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Referral to the legal clinic' }).waitFor();
    expect(await summary.count()).toBe(0);
    await page.close();
  });

  it('records a capacity assessment and saves the asset inventory', async () => {
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`${server.url}/networks/${networkId}/organizations/${mentorId}/capacity`);
    await page
      .getByRole('heading', { level: 1, name: 'Capacity of Lusaka Peer Network' })
      .waitFor();
    await page.getByText('No assessment recorded yet.').waitFor();
    await expectAccessible(page, 'the capacity page');
    await page.getByLabel('Date of the assessment').fill('2025-02-20');
    await page.getByLabel('Self-assessment').check();
    await page.getByLabel('Area', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Knowledge').fill('Bookkeeping for small grants');
    await page.getByRole('button', { name: 'Record assessment' }).click();
    await page.getByText('Capacity assessment recorded.').waitFor();
    await page.getByRole('heading', { level: 3, name: /Self-assessment/ }).waitFor();
    // the form is empty again, for the next one
    expect(await page.getByLabel('Date of the assessment').inputValue()).toBe('');

    await page.getByRole('button', { name: 'Save inventory' }).click();
    await page.getByText('Asset inventory saved.').waitFor();
    await page.close();
  });

  it('moves the mentorship on to its next stage', async () => {
    const page = await context.newPage();
    await signIn(page);
    await page.goto(mentorshipPath());
    await page.getByRole('heading', { level: 2, name: 'Change stage' }).waitFor();
    await page.getByRole('button', { name: 'Change stage' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect.poll(() => summary.textContent()).toContain('Reason for the change is required');
    await page.getByLabel(/Identify expectations and approaches/).check();
    await page.getByLabel('Reason for the change').fill('Both organizations are ready');
    await page.getByRole('button', { name: 'Change stage' }).click();
    await page.getByText('Stage changed to “Identify expectations and approaches”.').waitFor();
    expect(await page.getByLabel('Reason for the change').inputValue()).toBe('');
    await expectAccessible(page, 'the mentorship after a change of stage');
    await page.close();
  });
});
