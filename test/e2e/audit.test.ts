import { readFile } from 'node:fs/promises';
import { exportsT } from '@sisi/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn } from '../support/browser.ts';
import { seedNetwork } from '../support/e2e-network.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The audit trail screen in Chromium: a network admin who signed in (once wrongly) opens
 * "Audit trail" from the menu, narrows it by kind and by person with the keyboard alone,
 * and downloads it as CSV. axe-clean, no sideways scroll at 360 and 1280 px.
 */
describe('the audit trail in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let networkId: string;
  let admin: { email: string; password: string; token: string };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    ({ networkId, admin } = await seedNetwork(server, {
      name: 'Southern Africa KP Network',
      region: 'Southern Africa',
      admin: { email: 'admin.sakp@example.org', name: 'Thandiwe Dube' },
      organizations: [['Harare Peer Circle', 'ZW']],
      keyPopulations: ['sex-workers'],
    }));
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const both = async (page: Page, name: string) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await expectAccessible(page, `${name} at 360 px`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page, `${name} at 1280 px`);
  };

  it('lists, narrows by kind and person with the keyboard, and downloads the CSV', async () => {
    const page = await context.newPage();
    const refused = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: 'a wrong password, sadly' }),
    });
    expect(refused.status).toBe(401);
    await signIn(page, server.url, admin.email, admin.password);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Signed in' }).first().waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Sign-in refused' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Invitation sent' }).count()).toBe(1);
    await both(page, 'the audit trail');
    if (process.env.SISI_SCREENSHOTS) {
      await page.screenshot({
        path: `${process.env.SISI_SCREENSHOTS}/audit-1280.png`,
        fullPage: true,
      });
      await page.setViewportSize({ width: 360, height: 800 });
      await page.screenshot({
        path: `${process.env.SISI_SCREENSHOTS}/audit-360.png`,
        fullPage: true,
      });
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    // the kind, by keyboard: focus the select and choose with the arrows
    await page.getByLabel('Kind').focus();
    await page.keyboard.press('ArrowDown'); // "Signed in", the first kind
    await page.getByText('Every kind').waitFor({ state: 'attached' });
    await expect.poll(() => page.getByRole('heading', { name: 'Sign-in refused' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('heading', { name: 'Signed in' }).count()).toBe(1);

    // the person: "Only this person" on the entry, reached by Tab and pressed with Enter
    await page.getByLabel('Kind').selectOption('');
    const only = page.getByRole('button', { name: /^Only this person \(/ }).first();
    await only.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Show everyone' }).count()).toBe(1);
    const person = await page.getByLabel('Person (id)').inputValue();
    expect(person).toMatch(/^[a-z0-9]+$/);
    // the admin's own acts: the coordinator's invitation, not the operator's of the admin
    await expect
      .poll(() => page.getByRole('heading', { name: 'Invitation accepted' }).count())
      .toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Invitation sent' }).count()).toBe(1);
    await both(page, 'the audit trail of one person');

    // a browser whose Accept-Language is another language than the page's
    await page.setExtraHTTPHeaders({ 'accept-language': 'pt-BR, pt;q=0.9' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^sisi-audit-${networkId}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    // stable column ids; kinds worded in the page's language, whatever the browser asks for
    const [header, ...rows] = (await readFile(await download.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(header).toBe(
      'at,kind,kind_label,actor_id,actor_role,actor_role_label,subject_id,targets,address,entry_id',
    );
    const pageLanguage = (await page.locator('html').getAttribute('lang')) ?? '';
    expect(pageLanguage.startsWith('pt')).toBe(false);
    const t = exportsT(pageLanguage.split('-')[0]!);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [, kind, label] = row.split(',');
      expect(label, row).toBe(t(`auditKind.${kind}`));
    }
    await page.close();
  });
});
