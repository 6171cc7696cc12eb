import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, signIn } from '../support/browser.ts';

/**
 * Issue 16, item 2: the account page turns the notice mails off and on again (ADR 0045),
 * at 360 and 1280 px, in English and French, by keyboard, axe clean, with no sideways
 * scrolling. `SISI_SCREENSHOTS=<dir>` keeps a screenshot of each.
 */
describe('the account page: notices by email', () => {
  const ui = browserSuite();
  const admin = { email: 'admin.notices@example.org', password: 'a long admin password' };
  let adminToken = '';

  beforeAll(async () => {
    await ui.server.api('POST', '/networks', await ui.server.operatorToken(), {
      name: 'Réseau des avis',
      region: 'West and Central Africa',
      adminEmail: admin.email,
      adminName: 'Awa Diallo',
      defaultLanguage: 'fr',
    });
    adminToken = await ui.server.accept(admin.email, 'Awa Diallo', admin.password);
  }, 60_000);

  const noticesOf = async (token: string) =>
    (await ui.server.api<{ notices: boolean }>('GET', '/me', token)).notices;

  async function openAccount(width: number, who: { email: string; password: string }) {
    const page = await ui.newPage(width);
    await signIn(page, ui.server.url, who.email, who.password);
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    await page.goto(`${ui.server.url}/account`);
    return page;
  }

  async function shot(page: Page, name: string) {
    const dir = process.env.SISI_SCREENSHOTS;
    if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  }

  it.each([360, 1280])(
    'English at %i px: turned off by keyboard, and on again',
    async (width) => {
      const operator = ui.server.operator;
      const page = await openAccount(width, operator);
      await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      const box = page.getByRole('checkbox', { name: /Email me when someone asks me to act/ });
      await expect.poll(() => box.isEnabled()).toBe(true);
      expect(await box.isChecked()).toBe(true);
      await expectAccessible(page, `account page at ${width} px`);
      await shot(page, `account-en-${width}`);
      const token = await ui.server.operatorToken();
      await box.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => noticesOf(token)).toBe(false);
      await page.reload();
      await expect.poll(() => box.isEnabled()).toBe(true);
      expect(await box.isChecked()).toBe(false);
      await box.click();
      await expect.poll(() => noticesOf(token)).toBe(true);
      await expect.poll(() => box.isChecked()).toBe(true);
    },
    60_000,
  );

  it.each([360, 1280])(
    'French at %i px',
    async (width) => {
      const page = await openAccount(width, admin);
      await page.getByRole('heading', { level: 1, name: 'Votre compte' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Avis par e-mail' }).waitFor();
      const box = page.getByRole('checkbox', { name: /M’écrire quand on me demande d’agir/ });
      await expect.poll(() => box.isEnabled()).toBe(true);
      expect(await box.isChecked()).toBe(true);
      await expectAccessible(page, `la page du compte à ${width} px`);
      await shot(page, `account-fr-${width}`);
      expect(await noticesOf(adminToken)).toBe(true);
    },
    60_000,
  );
});
