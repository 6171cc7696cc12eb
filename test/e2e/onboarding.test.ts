import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible as expectPageAccessible, launchChromium } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue "Foundation", end to end in Chromium: the operator onboards a network, its admin
 * accepts the invitation from the outbox and onboards an organization, whose coordinator
 * is invited. Every page is checked by axe, at desktop width and at 360 px.
 */
describe('onboarding in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const checked: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  const newPage = async (width = 1280) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };

  /** axe-clean, and no sideways scrolling at the page's current width. */
  const expectAccessible = async (page: Page, name: string) => {
    await expectPageAccessible(page, name);
    checked.push(name);
  };

  it('operator creates a network, admin accepts and creates an organization', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Email').waitFor();
    await expectAccessible(page, 'sign in');

    await page.getByLabel('Email').fill(server.operator.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('Wrong email or password.').isVisible()).toBe(true);
    await expectAccessible(page, 'sign in with an error');

    await page.getByLabel('Password').fill(server.operator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Network name').waitFor();
    await expectAccessible(page, 'networks');

    await page.getByLabel('Network name').fill('Asia Pacific KP Network');
    await page.getByLabel('Region').fill('Asia and the Pacific');
    await page.getByLabel('Admin email').fill('admin.apkp@example.org');
    await page.getByLabel('Admin name').fill('Ploy Srisuk');
    await page.getByRole('button', { name: 'Create network' }).click();
    await page.getByRole('heading', { name: 'Asia Pacific KP Network' }).waitFor();
    await expectAccessible(page, 'networks after create');

    const link = await server.invitationLink('admin.apkp@example.org');
    expect(link.startsWith(`${server.url}/invitations/`)).toBe(true);

    // the admin, in a browser of their own
    const admin = await newPage();
    await admin.goto(link);
    await admin.getByLabel('Choose a password').waitFor();
    await expect
      .poll(() => admin.getByText('admin.apkp@example.org').first().isVisible())
      .toBe(true);
    await expectAccessible(admin, 'accept invitation');
    await admin.getByLabel('Your name').fill('Ploy Srisuk');
    await admin.getByLabel('Choose a password').fill('a long admin password');
    await admin.getByLabel('Confirm password').fill('a long admin password');
    await admin.getByRole('button', { name: 'Accept invitation' }).click();

    // an admin lands on what needs them: nothing yet
    await admin.getByText('Nothing needs you now.').waitFor();
    await admin.getByRole('link', { name: 'Organizations' }).first().click();
    await admin.getByRole('link', { name: 'Add an organization' }).waitFor();
    await expectAccessible(admin, 'organizations (empty)');
    await admin.getByRole('link', { name: 'Add an organization' }).click();
    await admin.getByLabel('Organization name').waitFor();
    await expectAccessible(admin, 'organization form');

    await admin.getByLabel('Organization name').fill('Rainbow Sky Association');
    await admin.getByLabel('Country').selectOption('TH');
    await admin.getByLabel('Men who have sex with men').check();
    await admin.getByLabel('Transgender people').check();
    await admin.getByLabel('Key-population-led').check();
    await admin.getByLabel('Coordinator email').fill('coordinator.rsat@example.org');
    await admin.getByLabel('Coordinator name').fill('Somchai Wong');
    await admin.getByRole('button', { name: 'Create organization' }).click();

    await admin.getByText('Organization created.', { exact: false }).waitFor();
    await admin.getByRole('heading', { name: 'Rainbow Sky Association' }).waitFor();
    await expectAccessible(admin, 'organization page');

    // the coordinator was invited by mail, and shows as invited
    const coordinatorLink = await server.invitationLink('coordinator.rsat@example.org');
    expect(coordinatorLink).toMatch(/\/invitations\//);
    await expect.poll(() => admin.getByText('Somchai Wong').first().isVisible()).toBe(true);

    // the same pages at 360 px wide
    const narrow = await newPage(360);
    await narrow.goto(`${server.url}/login`);
    await narrow.getByLabel('Email').fill('admin.apkp@example.org');
    await narrow.getByLabel('Password').fill('a long admin password');
    await narrow.getByRole('button', { name: 'Sign in' }).click();
    await narrow.getByRole('heading', { level: 1, name: 'What needs me' }).waitFor();
    await narrow.getByRole('link', { name: 'Organizations' }).first().click();
    await narrow.getByRole('link', { name: 'Rainbow Sky Association' }).waitFor();
    await expectAccessible(narrow, 'organizations at 360 px');
    await narrow.getByRole('link', { name: 'Rainbow Sky Association' }).click();
    await narrow.getByRole('heading', { name: 'Rainbow Sky Association' }).waitFor();
    await expectAccessible(narrow, 'organization page at 360 px');
    await narrow.goto(coordinatorLink);
    await narrow.getByLabel('Choose a password').waitFor();
    await expectAccessible(narrow, 'accept invitation at 360 px');

    expect(checked).toHaveLength(11);
  }, 120_000);
});
