import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The SPA under its strict Content-Security-Policy (no inline script or style, nothing from
 * elsewhere), in Chromium: the browser reports no violation while the operator signs in,
 * onboards a network and opens the pages around it, including printable blank forms.
 */
describe('the SPA under its Content-Security-Policy', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Every violation the page reports, from before its first script runs. */
  const watch = async (page: Page) => {
    const seen: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
    });
    await page.exposeFunction('reportViolation', (v: string) => seen.push(v));
    await page.addInitScript(
      `document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '')));`,
    );
    return seen;
  };

  it('runs with no violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const violations = await watch(page);
    await page.goto(`${server.url}/`);
    await page.getByLabel('Email').fill(server.operator.email);
    await page.getByLabel('Password').fill(server.operator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Network name').waitFor();
    await page.getByLabel('Network name').fill('Policy Network');
    await page.getByLabel('Region').fill('Southern Africa');
    await page.getByLabel('Admin email').fill('admin.policy@example.org');
    await page.getByLabel('Admin name').fill('Thandi Policy');
    await page.getByRole('button', { name: 'Create network' }).click();
    await page.getByText('Policy Network').first().waitFor();
    for (const path of ['/forms/summary-report', '/forms/quarterly-report', '/networks']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    // the SPA's styles came from its stylesheet: the policy did not starve the page
    const styled = await page.evaluate(
      'document.styleSheets.length > 0 && getComputedStyle(document.body).margin !== ""',
    );
    expect(styled).toBe(true);
    expect(violations).toEqual([]);
    await context.close();
  });
});
