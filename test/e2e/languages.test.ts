import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { languages } from '@sisi/domain/languages';
import { findRepoRoot, seedDemo } from '@sisi/local';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, seriousViolations } from '../support/browser.ts';
import { sample } from '../support/sample.ts';

/** The SPA's main catalog in one language, as the page should read. */
function common(lng: string) {
  const file = join(findRepoRoot(), `web/src/i18n/locales/${lng}/common.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as {
    app: { language: string; signOut: string; titleSuffix: string };
    login: { title: string; heading: string; email: string; password: string; submit: string };
    nav: { myOrganization: string; mentorships: string; coaching: string; myFollowUps: string };
  };
}

const htmlLang = (page: Page) => page.evaluate('document.documentElement.lang');

/**
 * Signs in through the sign-in page as it reads in `lng`, `lng` chosen there: a language
 * chosen on the sign-in page wins over the one the profile keeps (an earlier test saved one).
 */
async function signInIn(page: Page, lng: string, email: string, password: string) {
  const switcher = page.locator('.language-switcher select');
  if ((await switcher.inputValue()) !== lng) await switcher.selectOption(lng);
  else {
    await switcher.selectOption(lng === 'en' ? 'fr' : 'en');
    await switcher.selectOption(lng);
  }
  const words = common(lng).login;
  await page.getByLabel(words.email, { exact: true }).fill(email);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: words.submit }).click();
}

/**
 * Issue 14, the SPA's four languages in Chromium: the browser's language before sign-in, the
 * switcher (by keyboard), the choice kept across sign-in and reload, and every language
 * axe-clean at 360 px, with French and Portuguese (the longest) never scrolling sideways.
 * `pnpm test` checks two of the four languages for axe and one of the two longest for
 * sideways scrolling, a different draw each day; `pnpm test:full` checks them all.
 */
describe('the SPA in four languages', () => {
  const ui = browserSuite();
  let coordinator: { email: string; password: string };
  let home: string;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sisi-languages-'));
    const demo = await seedDemo(ui.server.local, join(dir, 'demo-credentials.json'));
    if (!demo) throw new Error('the demo was not seeded');
    coordinator = demo.coordinator;
  }, 60_000);

  /** A page whose browser asks for `locale` first. */
  async function pageIn(locale: string, width: number): Promise<Page> {
    const context = await ui.browser.newContext({ locale, viewport: { width, height: 900 } });
    return context.newPage();
  }

  it('a French browser gets the sign-in page in French; Spanish chosen there stays through sign-in and reload; a switch signed in is saved with PATCH /me', async () => {
    const page = await pageIn('fr-FR', 1280);
    await page.goto(`${ui.server.url}/login`);
    const fr = common('fr');
    await page.getByRole('heading', { name: fr.login.heading, level: 1 }).waitFor();
    expect(await htmlLang(page)).toBe('fr');
    expect(await page.title()).toBe(`${fr.login.title} · ${fr.app.titleSuffix}`);

    // the switcher, by keyboard: French → the next language in the list, Spanish
    const switcher = page.getByLabel(fr.app.language, { exact: true });
    expect(await switcher.inputValue()).toBe('fr');
    await switcher.focus();
    await page.keyboard.press('ArrowDown');
    const es = common('es');
    await page.getByRole('heading', { name: es.login.heading, level: 1 }).waitFor();
    expect(await htmlLang(page)).toBe('es');
    expect(await page.getByLabel(es.app.language, { exact: true }).inputValue()).toBe('es');
    // the page title follows
    await expect.poll(() => page.title()).toBe(`${es.login.title} · ${es.app.titleSuffix}`);

    await signInIn(page, 'es', coordinator.email, coordinator.password);
    await page.getByRole('link', { name: es.nav.myOrganization }).waitFor();
    await page.getByRole('button', { name: es.app.signOut }).waitFor();
    expect(await htmlLang(page)).toBe('es');
    home = new URL(page.url()).pathname;
    expect(home).toMatch(/^\/networks\/[^/]+\/home$/); // "What needs me"

    await page.reload();
    await page.getByRole('link', { name: es.nav.mentorships }).waitFor();
    expect(await htmlLang(page)).toBe('es');

    // signed in, a choice is also sent to the profile; the page follows at once
    const pt = common('pt');
    const saved = page.waitForRequest(
      (r) => r.method() === 'PATCH' && new URL(r.url()).pathname === '/api/v1/me',
    );
    await page.getByLabel(es.app.language, { exact: true }).selectOption('pt');
    expect((await saved).postDataJSON()).toEqual({ language: 'pt' });
    await page.getByRole('link', { name: pt.nav.mentorships }).waitFor();
    expect(await htmlLang(page)).toBe('pt');
    await page.context().close();
  });

  it.each(sample(languages, 2))(
    '%s is axe-clean at 360 px, signed out and signed in',
    async (lng) => {
      const page = await pageIn(lng, 360);
      await page.goto(`${ui.server.url}/login`);
      const words = common(lng);
      await page.getByRole('heading', { name: words.login.heading, level: 1 }).waitFor();
      expect(await htmlLang(page)).toBe(lng);
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page), `axe on sign-in in ${lng}`).toEqual([]);

      await signInIn(page, lng, coordinator.email, coordinator.password);
      await page.getByRole('link', { name: words.nav.myOrganization }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page), `axe on the home page in ${lng}`).toEqual([]);
      await page.context().close();
    },
  );

  it.each(sample(['fr', 'pt'], 1))(
    'the main screens do not scroll sideways at 360 px in %s (the longest words)',
    async (lng) => {
      const shots = process.env.SISI_SCREENSHOTS;
      for (const width of [360, 1280]) {
        const page = await pageIn(lng, width);
        await page.goto(`${ui.server.url}/login`);
        if (width === 360) await expectAccessible(page, `sign-in in ${lng}`);
        if (shots)
          await page.screenshot({ path: `${shots}/${lng}-login-${width}.png`, fullPage: true });
        await signInIn(page, lng, coordinator.email, coordinator.password);
        const words = common(lng);
        await page.getByRole('link', { name: words.nav.myOrganization }).waitFor();
        const networkId = home.split('/')[2];
        const screens: [string, string][] = [
          ['home', home],
          ['mentorships', `/networks/${networkId}/mentorships`],
          ['new mentorship', `/networks/${networkId}/mentorships/new`],
          ['coaching', `/networks/${networkId}/coaching`],
          ['follow-ups', `/networks/${networkId}/follow-up-actions`],
          ['decision matrix', '/decision-matrix'],
        ];
        for (const [name, path] of screens) {
          await page.goto(`${ui.server.url}${path}`);
          await page.getByRole('heading', { level: 1 }).waitFor();
          expect(await htmlLang(page)).toBe(lng);
          if (width === 360) await expectAccessible(page, `${name} in ${lng}`);
          if (shots) {
            const file = `${lng}-${name.replace(/ /g, '-')}-${width}.png`;
            await page.screenshot({ path: `${shots}/${file}`, fullPage: true });
          }
        }
        await page.context().close();
      }
    },
    120_000,
  );
});
