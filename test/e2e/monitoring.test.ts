import { addMonths } from '@sisi/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn } from '../support/browser.ts';
import { jpegWithMetadata } from '../support/images.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue "Monitoring and reporting", end to end in Chromium: the mentor organization's
 * coordinator files a mentoring summary report (001 Annex 4) with a follow-up action owned by
 * the mentee's coordinator, sees it tracked (and overdue, in words) on the mentorship, files
 * the quarterly report (Annex 5) and prints both; the owner finds the action on "My follow-up
 * actions" and marks it done; a photo goes on the progress timeline. Every page is checked by
 * axe at 1280 px, and the main ones at 360 px.
 */
describe('monitoring in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let networkId: string;
  let mentorshipId: string;
  const mentorCoordinator = {
    name: 'Wanjiru Kamau',
    email: 'coord.ke@example.org',
    password: 'a long mentor password',
  };
  const menteeCoordinator = {
    name: 'Tendai Moyo',
    email: 'coord.zw@example.org',
    password: 'a long mentee password',
  };
  const ACTION = 'Share the budget template';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const network = await server.api<{ id: string }>(
      'POST',
      '/networks',
      await server.operatorToken(),
      {
        name: 'East and Southern Africa KP Network',
        region: 'East and Southern Africa',
        adminEmail: 'admin.esa@example.org',
        adminName: 'Grace Banda',
      },
    );
    networkId = network.id;
    const adminToken = await server.accept(
      'admin.esa@example.org',
      'Grace Banda',
      'a long admin password',
    );
    const orgIds: string[] = [];
    for (const [name, country, who] of [
      ['Kenya Sex Workers Alliance', 'KE', mentorCoordinator],
      ['Zimbabwe Trans Network', 'ZW', menteeCoordinator],
    ] as const) {
      const org = await server.api<{ id: string }>(
        'POST',
        `/networks/${networkId}/organizations`,
        adminToken,
        {
          name,
          country,
          keyPopulations: ['sex-workers', 'transgender'],
          kpLed: true,
          coordinatorEmail: who.email,
          coordinatorName: who.name,
        },
      );
      orgIds.push(org.id);
      await server.accept(who.email, who.name, who.password);
    }
    // started two months ago; the clock then moves to its first quarterly review
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
    expect(await server.local.clock.advance({ to: `${firstQuarter}T09:00:00Z` })).toBeDefined();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const mentorshipUrl = () => `${server.url}/networks/${networkId}/mentorships/${mentorshipId}`;

  async function fileSummaryReport(page: Page) {
    await page.goto(mentorshipUrl());
    const monitoring = page.getByRole('region', { name: 'Monitoring' });
    await monitoring.getByText('No follow-up action yet.').waitFor();
    await expectAccessible(page, 'mentorship page with monitoring');
    await monitoring.getByRole('link', { name: 'File a mentoring summary report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentoring summary report' }).waitFor();
    await page.getByRole('heading', { name: 'MENTORING PROGRESS REPORT SHEET' }).waitFor();
    await expectAccessible(page, 'summary report form');

    // the form checks before it sends: no meeting date
    await page.getByRole('button', { name: 'File the summary report' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByText(/MEETING DATE is required/).waitFor();
    await expectAccessible(page, 'summary report with an error');

    // the browser's today: not after the server's, which is a month ahead
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('MEETING DATE', { exact: true }).fill(today);
    await page.getByRole('button', { name: 'Add a participant' }).click();
    await page.getByLabel('Participant 2', { exact: true }).fill('Rosa Mamani');
    await page
      .getByLabel('AGENDA/DISCUSSION POINTS FOR THE DAY')
      .fill('The advocacy budget and the peer educators’ schedule');
    await page.getByRole('button', { name: 'Add a follow-up action' }).click();
    const action = page.getByRole('group', { name: 'Follow-up action 1' });
    await action.getByLabel('What').fill(ACTION);
    await action
      .getByLabel('Who')
      .selectOption({ label: `${menteeCoordinator.name} (coordinator)` });
    await action.getByLabel('By when').fill(today);
    await page.getByRole('button', { name: 'Add an issue' }).click();
    await page.getByRole('group', { name: 'Issue 1' }).getByLabel('RAISED').fill('No projector');
    // the signed-in mentor's coordinator reports as the mentor
    expect(
      await page
        .getByRole('group', { name: 'REPORTED BY (MENTOR OR MENTEE, OR BOTH)' })
        .getByLabel('Mentor', { exact: true })
        .isChecked(),
    ).toBe(true);
    await page.getByRole('button', { name: 'File the summary report' }).click();
    await page.getByText(/Summary report of the meeting of .* filed\./).waitFor();
    return today;
  }

  it('files a summary report with a follow-up action, then the quarterly report, and prints both', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, mentorCoordinator.email, mentorCoordinator.password);
    await page.getByRole('link', { name: 'Mentorships' }).waitFor();
    await fileSummaryReport(page);

    // the action shows on the mentorship, overdue in words (due before the server's today)
    const monitoring = page.getByRole('region', { name: 'Monitoring' });
    const item = monitoring.getByRole('listitem').filter({ hasText: ACTION });
    await item.getByText('Overdue', { exact: true }).waitFor();
    await item.getByText(`Who: ${menteeCoordinator.name}`).waitFor();
    await item.getByText('Status: Open').waitFor();
    await expectAccessible(page, 'mentorship page with a follow-up action');

    // the quarterly report (Annex 5) of the first quarter, due today on the server's clock
    await page.getByRole('link', { name: 'Fill in quarterly report 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quarterly report 1' }).waitFor();
    await page.getByLabel('Advocacy', { exact: true }).check();
    await page
      .getByRole('group', { name: 'Learning objective 1' })
      .getByLabel('Learning objective', { exact: true })
      .fill('A costed advocacy plan');
    await page.getByRole('button', { name: 'Submit the quarterly report' }).click();
    await page.getByText('Quarterly report 1 submitted.').waitFor();

    // the print views of both forms
    await monitoring.getByRole('link', { name: /^Meeting of / }).click();
    await page.getByRole('heading', { name: 'MENTORING PROGRESS REPORT SHEET' }).waitFor();
    await page.getByRole('cell', { name: ACTION }).waitFor();
    await page.getByRole('button', { name: 'Print' }).waitFor();
    await expectAccessible(page, 'summary report print view');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: 'Back to the mentorship' }).click();
    await page.getByRole('link', { name: 'Print quarterly report 1' }).click();
    await page.getByRole('heading', { name: "Mentor's Report" }).waitFor();
    await page.getByText('A costed advocacy plan').waitFor();
    await expectAccessible(page, 'quarterly report print view');
    await page.goto(`${server.url}/forms/summary-report`);
    await page.getByRole('heading', { name: 'MENTORING PROGRESS REPORT SHEET' }).waitFor();
    await expectAccessible(page, 'blank Annex 4');
    await page.goto(`${server.url}/forms/quarterly-report`);
    await page.getByText('Thank You for Your Time!').waitFor();
    await expectAccessible(page, 'blank Annex 5');
    await context.close();
  }, 180_000);

  it('shows the owner their action on "My follow-up actions", where they mark it done', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, menteeCoordinator.email, menteeCoordinator.password);
    await page.getByRole('link', { name: 'My follow-up actions' }).click();
    await page.getByRole('heading', { level: 1, name: 'My follow-up actions' }).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: ACTION });
    await item.getByText('Overdue', { exact: true }).waitFor();
    await item
      .getByRole('link', { name: 'Kenya Sex Workers Alliance mentoring Zimbabwe Trans Network' })
      .waitFor();
    await expectAccessible(page, 'my follow-up actions');
    await item.getByRole('button', { name: `Mark “${ACTION}” done` }).click();
    await page.getByText(`“${ACTION}” is now Done.`).waitFor();
    // open actions only: it has left the list
    await page.getByText('You own no follow-up action.').waitFor();
    await page.getByRole('button', { name: 'Show done and dropped actions' }).click();
    await page
      .getByRole('listitem')
      .filter({ hasText: ACTION })
      .getByText('Status: Done')
      .waitFor();
    await expectAccessible(page, 'my follow-up actions with closed ones');
    await context.close();
  }, 120_000);

  it('puts a photo on the progress timeline, without its metadata, and it shows', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, mentorCoordinator.email, mentorCoordinator.password);
    await page.getByRole('link', { name: 'Mentorships' }).waitFor();
    await page.goto(`${mentorshipUrl()}/progress`);
    await page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await expectAccessible(page, 'progress page');
    await page.getByLabel('Photo (JPEG, PNG or WebP, at most 5 MB)').setInputFiles({
      name: 'IMG_0001.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from(jpegWithMetadata()),
    });
    await page.getByLabel('Caption (optional)').fill('After the budget workshop');
    await page.getByRole('button', { name: 'Add the photo' }).click();
    await page.getByText('Photo added.').waitFor();
    const img = page.getByRole('img', { name: 'Photo: After the budget workshop' });
    await img.waitFor();
    // the stored bytes still decode as the image they were
    await expect
      .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(8);
    await expectAccessible(page, 'progress page with a photo');
    await context.close();
  }, 120_000);

  it('fits 360 px: the mentorship’s monitoring, the summary report form and the owner’s list', async () => {
    const narrow = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await narrow.newPage();
    await signIn(page, server.url, mentorCoordinator.email, mentorCoordinator.password);
    await page.getByRole('link', { name: 'Mentorships' }).waitFor();
    await page.goto(mentorshipUrl());
    await page
      .getByRole('region', { name: 'Monitoring' })
      .getByText(ACTION, { exact: true })
      .waitFor();
    await expectAccessible(page, 'mentorship page at 360 px');
    await page.goto(`${mentorshipUrl()}/summary-reports/new`);
    await page.getByRole('heading', { name: 'MENTORING PROGRESS REPORT SHEET' }).waitFor();
    await page.getByRole('button', { name: 'Add a follow-up action' }).click();
    await page.getByRole('button', { name: 'Add an issue' }).click();
    await expectAccessible(page, 'summary report form at 360 px');
    await page.goto(`${mentorshipUrl()}/progress`);
    await page.getByRole('img', { name: 'Photo: After the budget workshop' }).waitFor();
    await expectAccessible(page, 'progress page at 360 px');
    await page.goto(`${server.url}/networks/${networkId}/follow-up-actions`);
    await page.getByRole('heading', { level: 1, name: 'My follow-up actions' }).waitFor();
    await expectAccessible(page, 'my follow-up actions at 360 px');
    await page.goto(`${server.url}/forms/quarterly-report`);
    await page.getByText('Thank You for Your Time!').waitFor();
    await expectAccessible(page, 'blank Annex 5 at 360 px');
    await narrow.close();
  }, 180_000);
});
