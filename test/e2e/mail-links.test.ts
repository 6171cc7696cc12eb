import { addMonths } from '@sisi/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue "Everyone sees their next step", item 3, end to end in Chromium at 360 px: a
 * coordinator opens the review mail's link signed out, signs in, and lands on the report
 * form of that period (the query string survived sign-in); the tab is closed, the link
 * opened again in a new one: no sign-in (the refresh cookie, ADR 0042). Signing out on
 * the device ends that; "Sign out everywhere" ends it on another device too.
 */
describe('mail links that land, and a sign-in that outlives the tab', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let link = '';
  const coordinator = {
    name: 'Amaru Quispe',
    email: 'coord.pe@example.org',
    password: 'a long coordinator password',
  };

  const api = <T>(method: string, path: string, token: string | undefined, body?: unknown) =>
    server.api<T>(method, path, token, body);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const network = await api<{ id: string }>('POST', '/networks', await server.operatorToken(), {
      name: 'Andean KP Network',
      region: 'Latin America',
      adminEmail: 'admin.andean@example.org',
      adminName: 'Rosa Mamani',
    });
    const networkId = network.id;
    const adminToken = await server.accept(
      'admin.andean@example.org',
      'Rosa Mamani',
      'a long admin password',
    );
    const orgIds: string[] = [];
    for (const [name, country] of [
      ['Colectivo Trans Andino', 'PE'],
      ['Red Boliviana de Personas Viviendo con VIH', 'BO'],
    ] as const) {
      const org = await api<{ id: string }>(
        'POST',
        `/networks/${networkId}/organizations`,
        adminToken,
        {
          name,
          country,
          keyPopulations: ['transgender'],
          kpLed: true,
          coordinatorEmail: `coord.${country.toLowerCase()}@example.org`,
          coordinatorName: `Coordinator ${country}`,
        },
      );
      orgIds.push(org.id);
    }
    await server.accept(coordinator.email, coordinator.name, coordinator.password);
    const today = server.local.clock.now().toISOString().slice(0, 10);
    const mentorship = await api<{ id: string; schedule: { quarterlyReviews: string[] } }>(
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
    const firstQuarter = mentorship.schedule.quarterlyReviews[0]!;
    // the day of the first quarterly review, after 08:00 UTC: its mail is sent
    expect(await server.local.clock.advance({ to: `${firstQuarter}T09:00:00Z` })).toBeDefined();
    // the mail goes out from the workflow runner, just after the clock moved
    for (let waited = 0; !link && waited < 30_000; waited += 250) {
      const mails = await server.local.outbox.list(coordinator.email);
      link =
        mails
          .map((m) => m.text.match(/https?:\/\/\S+\/quarterly-reports\/new\?period=\d+/)?.[0])
          .find(Boolean) ?? '';
      if (!link) await new Promise((r) => setTimeout(r, 250));
    }
    expect(link).toMatch(/\/quarterly-reports\/new\?period=1$/);
    expect(new URL(link).pathname).toBe(
      `/networks/${networkId}/mentorships/${mentorship.id}/quarterly-reports/new`,
    );
    context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  const target = () => {
    const url = new URL(link);
    return `${url.pathname}${url.search}`;
  };
  const onTheForm = async (page: Page) => {
    await page.getByRole('heading', { level: 1, name: 'Quarterly report 1' }).waitFor();
    const url = new URL(page.url());
    expect(`${url.pathname}${url.search}`).toBe(target());
  };

  it('opens the mail link signed out, signs in, and lands on the form of that period', async () => {
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Sign in to Sisi' }).waitFor();
    const login = new URL(page.url());
    expect(login.pathname).toBe('/login');
    expect(login.searchParams.get('next')).toBe(target());
    await expectAccessible(page, 'sign-in from a mail link at 360 px');

    await page.getByLabel('Email').fill(coordinator.email);
    await page.getByLabel('Password').fill(coordinator.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await onTheForm(page);
    await expectAccessible(page, 'the quarterly report form from the mail link at 360 px');

    // the refresh cookie as the browser keeps it: HttpOnly, Secure, Strict, on its path only
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'sisi_refresh');
    expect(cookie).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/api/v1/auth/session',
    });
    expect(await page.evaluate('document.cookie')).not.toContain('sisi_refresh');
    await page.close();
  }, 90_000);

  it('opens the link again in a new tab after closing the first: no sign-in', async () => {
    const page = await context.newPage();
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname);
    });
    await page.goto(link);
    await onTheForm(page);
    expect(visited).not.toContain('/login');
    // the token of this tab is a new one, from the kept sign-in
    expect(await page.evaluate("sessionStorage.getItem('sisi.token')")).toBeTruthy();
    await page.close();
  }, 60_000);

  it('asks to sign in again once signed out on this device', async () => {
    const page = await context.newPage();
    await page.goto(link);
    await onTheForm(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Sisi' }).waitFor();
    await expect
      .poll(async () => (await context.cookies()).some((c) => c.name === 'sisi_refresh'))
      .toBe(false);
    await page.close();
    const again = await context.newPage();
    await again.goto(link);
    await again.getByRole('heading', { name: 'Sign in to Sisi' }).waitFor();
    await again.close();
  }, 60_000);

  it('ends the sign-in on another device with "Sign out everywhere"', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 800 } });
    try {
      const signIn = async (page: Page) => {
        await page.goto(link);
        await page.getByLabel('Email').fill(coordinator.email);
        await page.getByLabel('Password').fill(coordinator.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await onTheForm(page);
      };
      const onPhone = await phone.newPage();
      await signIn(onPhone);
      await onPhone.close();
      // sign-outs are kept to the second: the phone's sign-in is of an earlier one
      await new Promise((r) => setTimeout(r, 1_100));

      const here = await context.newPage();
      await signIn(here);
      await here.getByRole('link', { name: `Signed in as ${coordinator.name}` }).click();
      await here.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
      await expectAccessible(here, 'account page at 360 px');
      await here.getByRole('button', { name: 'Sign out everywhere' }).click();
      await here.getByText('You are signed out on every device.').waitFor();

      const phoneAgain = await phone.newPage();
      await phoneAgain.goto(link);
      await phoneAgain.getByRole('heading', { name: 'Sign in to Sisi' }).waitFor();
    } finally {
      await phone.close();
    }
  }, 90_000);
});
