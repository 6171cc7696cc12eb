import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn } from '../support/browser.ts';
import { seedNetwork } from '../support/e2e-network.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Agreements by the organization itself, in Chromium: the mentor organization's coordinator
 * declines the rights and responsibilities with a reason and the page shows it; a network
 * admin accepts for the mentee only after confirming it is on its behalf, and for the
 * mentor too, which replaces the decline. Checked by axe at 1280 and 360 px.
 */
describe('the rights and responsibilities: declined, then accepted on behalf', () => {
  let server: TestServer;
  let browser: Browser;
  let path: string;
  let admin: { email: string; password: string; token: string };
  const coordinator = { email: 'coord.pe@example.org', password: 'a long coordinator password' };
  const shots = process.env.SISI_SCREENSHOTS;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    let networkId: string;
    let organizationIds: string[];
    ({ networkId, admin, organizationIds } = await seedNetwork(server, {
      name: 'Andes Network',
      region: 'Latin America',
      admin: { email: 'admin.andes@example.org', name: 'Lucía Pérez' },
      organizations: [
        ['Colectivo Trans Andino', 'PE'],
        ['Red de Trabajadoras Sexuales del Sur', 'CL'],
      ],
      keyPopulations: ['transgender'],
    }));
    await server.accept(coordinator.email, 'Coordinator PE', coordinator.password);
    const m = await server.api<{ id: string }>(
      'POST',
      `/networks/${networkId}/mentorships`,
      admin.token,
      {
        mentorOrganizationId: organizationIds[0],
        menteeOrganizationIds: [organizationIds[1]],
        startDate: '2026-01-31',
        durationMonths: 12,
        peerMentoring: [],
      },
    );
    path = `/networks/${networkId}/mentorships/${m.id}`;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a coordinator declines with a reason, shown on the page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, coordinator.email, coordinator.password);
    await page.getByRole('link', { name: 'Mentorships' }).first().waitFor();
    await page.goto(`${server.url}${path}`);
    await page.getByText('Decline, with a reason').click();
    const decline = page.getByRole('button', { name: 'Decline for Colectivo Trans Andino' });
    await decline.click();
    // the reason is required: the form says so and nothing is sent
    const reason = page.getByLabel('Why your organization declines');
    await expect.poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Our board meets next month');
    await decline.click();
    await page.getByText('Declined by Coordinator PE', { exact: false }).waitFor();
    await page.getByText('Reason: Our board meets next month').waitFor();
    await expectAccessible(page, 'rights with a decline');
    if (shots) await page.screenshot({ path: `${shots}/rights-declined-1280.png`, fullPage: true });
    await context.close();
  }, 120_000);

  it('an admin accepts on behalf only after confirming; the acceptance says so and replaces the decline', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, server.url, admin.email, admin.password);
    await page.getByRole('link', { name: 'Mentorships' }).first().waitFor();
    await page.goto(`${server.url}${path}`);
    await page.getByText('Reason: Our board meets next month').waitFor();
    await page
      .getByRole('button', { name: 'Accept for Red de Trabajadoras Sexuales del Sur' })
      .click();
    const dialog = page.getByRole('alertdialog', {
      name: 'Accept on behalf of Red de Trabajadoras Sexuales del Sur?',
    });
    await dialog.waitFor();
    await expectAccessible(page, 'confirm acceptance on behalf at 360 px');
    if (shots) await page.screenshot({ path: `${shots}/rights-confirm-360.png` });
    // cancelling sends nothing
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page
      .getByRole('button', { name: 'Accept for Red de Trabajadoras Sexuales del Sur' })
      .click();
    await dialog
      .getByRole('button', { name: 'Accept on behalf of Red de Trabajadoras Sexuales del Sur' })
      .click();
    await page
      .getByText(
        'Accepted by Lucía Pérez, the network admin, on behalf of Red de Trabajadoras Sexuales del Sur',
        { exact: false },
      )
      .waitFor();
    // the mentor's decline stands until it is accepted for it
    await page.getByRole('button', { name: 'Accept for Colectivo Trans Andino' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Accept on behalf of Colectivo Trans Andino' })
      .click();
    await page.getByText('on behalf of Colectivo Trans Andino', { exact: false }).first().waitFor();
    await expect.poll(() => page.getByText('Reason: Our board meets next month').count()).toBe(0);
    await expectAccessible(page, 'rights accepted on behalf at 360 px');
    if (shots) await page.screenshot({ path: `${shots}/rights-on-behalf-360.png`, fullPage: true });
    const stored = await server.api<{ agreements: { onBehalf?: boolean }[]; declines?: unknown[] }>(
      'GET',
      path,
      admin.token,
    );
    expect(stored.agreements.map((a) => a.onBehalf)).toEqual([true, true]);
    expect(stored.declines).toEqual([]);
    await context.close();
  }, 120_000);
});
