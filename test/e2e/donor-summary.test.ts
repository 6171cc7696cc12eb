import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findRepoRoot } from '@sisi/local';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue "Donor view", item 3, in Chromium: a donor funding one network signs in, lands on
 * the dashboard, sees the organizations counted, small cells shown as "withheld" (never 0),
 * a chart per group with a table of the same numbers, downloads the CSV; axe-clean at
 * 1280 and 360 px.
 */
describe('the donor dashboard in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const donor = { email: 'fund@example.org', password: 'a long donor password', name: 'KP Fund' };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const operator = await server.operatorToken();
    const network = await server.api<{ id: string }>('POST', '/networks', operator, {
      name: 'Lake Region KP Alliance',
      region: 'East Africa',
      adminEmail: 'admin.lake@example.org',
      adminName: 'Achieng Odhiambo',
    });
    const admin = await server.accept(
      'admin.lake@example.org',
      'Achieng Odhiambo',
      'a long admin password',
    );
    for (let i = 0; i < 7; i++) {
      await server.api('POST', `/networks/${network.id}/organizations`, admin, {
        name: `Lake member ${i}`,
        country: 'KE',
        keyPopulations: i < 6 ? ['sex-workers'] : ['people-who-inject-drugs'],
        kpLed: i < 6,
        nameVisibleToDonors: i === 0,
        coordinatorEmail: `coord.lake${i}@example.org`,
        coordinatorName: `Coordinator Lake ${i}`,
      });
    }
    await server.api('POST', '/donors', operator, {
      email: donor.email,
      name: donor.name,
      networkIds: [network.id],
    });
    await server.accept(donor.email, donor.name, donor.password);
    // the quarter the organizations joined in must end before donors see it
    await server.api('POST', '/dev/clock', operator, { advanceDays: 100 });
    await server.local.rollups.drain();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lands a donor on the summary, withheld cells said so, and the CSV to download', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, server.url, donor.email, donor.password);
    await page.waitForURL(/\/summary$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Donor summary');
    const organizations = page.getByRole('table', { name: 'Organizations', exact: true });
    await organizations.waitFor();
    const total = organizations.getByRole('row', { name: /^Total/ });
    expect(await total.textContent()).toContain('7');
    const pwid = organizations.getByRole('row', { name: /People who inject drugs/ });
    expect(await pwid.textContent()).toContain('withheld');
    expect(await pwid.textContent()).not.toMatch(/\b[01]\b/);
    await page.locator('.donor-chart canvas').first().waitFor();
    expect(await page.getByText('Lake member 0').count()).toBe(1);
    expect(await page.getByText('Lake member 3').count()).toBe(0);
    expect(await page.getByText('Coordinator Lake').count()).toBe(0);
    await expectAccessible(page, 'donor dashboard');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'network,quarter,group,group_label,breakdown,breakdown_label,value,value_label,cell',
    );
    // each code beside the words the dashboard shows for it
    const [tableWords, valueWords] = (await pwid.locator('th').first().textContent())!.split(': ');
    expect(
      csv
        .split('\r\n')
        .find(
          (line) => line.includes(',keyPopulation,') && line.includes(',people-who-inject-drugs,'),
        )!
        .split(','),
    ).toEqual([
      'Lake Region KP Alliance',
      'all',
      'organizations',
      (await organizations.locator('caption').textContent())!,
      'keyPopulation',
      tableWords,
      'people-who-inject-drugs',
      valueWords,
      'withheld',
    ]);
    expect(csv).not.toContain('Coordinator');
    expect(csv.split('\r\n').filter((line) => line.startsWith('All networks,all,'))).not.toEqual(
      [],
    );
    await context.close();
  });

  it('fits 360 px and stays axe-clean', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await signIn(page, server.url, donor.email, donor.password);
    await page.waitForURL(/\/summary$/);
    await page.getByRole('table', { name: 'Organizations', exact: true }).waitFor();
    await page.locator('.donor-chart canvas').first().waitFor();
    await expectAccessible(page, 'donor dashboard at 360 px');
    await context.close();
  });

  it('writes the CSV in the reader’s language, its column ids and codes unchanged', async () => {
    const token = (
      await server.api<{ token: string }>('POST', '/auth/login', undefined, {
        email: donor.email,
        password: donor.password,
      })
    ).token;
    await server.api('PATCH', '/me', token, { language: 'fr' });
    const words = JSON.parse(
      await readFile(join(findRepoRoot(), 'web/src/i18n/locales/fr/donor.json'), 'utf8'),
    ) as { donorView: { allNetworks: string; exportCsv: string } };
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      locale: 'fr-FR',
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator('input[type="email"]').fill(donor.email);
    await page.locator('input[type="password"]').fill(donor.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/summary$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: words.donorView.exportCsv }).click(),
    ]);
    const lines = (await readFile((await download.path())!, 'utf8')).split('\r\n');
    expect(lines[0]).toBe(
      'network,quarter,group,group_label,breakdown,breakdown_label,value,value_label,cell',
    );
    const total = lines.filter((line) => line.startsWith(`${words.donorView.allNetworks},all,`));
    expect(total).not.toEqual([]);
    expect(total.some((line) => line.includes(',organizations,'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/all networks/i);
    await context.close();
  });
});
