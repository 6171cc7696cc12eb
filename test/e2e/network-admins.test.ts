import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn } from '../support/browser.ts';
import { type SeededAdmin, seedNetwork } from '../support/e2e-network.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue "People come and go", the network admins' screen in Chromium: an admin invites
 * another admin, who accepts; deactivating them asks for a confirmation first (Escape and
 * Cancel change nothing), then they can no longer sign in. The operator reaches the same
 * screen from the networks' list, at 360 px. Every state is checked by axe.
 */
describe('network admins in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let networkId: string;
  let admin: SeededAdmin;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    ({ networkId, admin } = await seedNetwork(server, {
      name: 'Andean KP Network',
      region: 'Andes',
      admin: { email: 'admin.andes@example.org', name: 'Rosa Quispe' },
      organizations: [],
      keyPopulations: ['transgender'],
    }));
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  const newPage = async (width = 1280): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    return context.newPage();
  };

  /** The text of the element that has focus (a string: this file has no DOM types). */
  let current: Page;
  const focused = () =>
    current.evaluate('document.activeElement?.textContent ?? null') as Promise<string | null>;

  const signInStatus = async (email: string, password: string) =>
    (
      await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
    ).status;

  it('an admin invites another admin, then deactivates them after confirming', async () => {
    const page = await newPage();
    current = page;
    await signIn(page, server.url, admin.email, admin.password);
    await page.getByRole('link', { name: 'Network admins' }).click();
    await page.getByRole('heading', { name: 'Network admins', level: 1 }).waitFor();
    await expect.poll(() => page.getByText('Rosa Quispe').first().isVisible()).toBe(true);
    await expectAccessible(page, 'network admins');

    // invite, in French
    await page.getByLabel('Admin name').fill('Bola Mendoza');
    await page.getByLabel('Admin email').fill('bola.andes@example.org');
    await page.getByLabel('Language of the invitation').selectOption('fr');
    await page.getByRole('button', { name: 'Invite admin' }).click();
    await page.getByText('Invitation sent to bola.andes@example.org.').waitFor();
    const card = page.getByRole('listitem').filter({ hasText: 'Bola Mendoza' });
    await expect.poll(() => card.getByText('Invited', { exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, 'network admins after an invitation');
    const firstLink = await server.invitationLink('bola.andes@example.org');

    // the mail was lost: send it again; the new link replaces the old one
    await card.getByRole('button', { name: 'Send the invitation again Bola Mendoza' }).click();
    await page.getByText('A new invitation was sent to bola.andes@example.org.').waitFor();
    const secondLink = await server.invitationLink('bola.andes@example.org');
    expect(secondLink).not.toBe(firstLink);
    const oldToken = firstLink.split('/invitations/')[1];
    expect((await fetch(`${server.url}/api/v1/invitations/${oldToken}`)).status).toBe(410);

    const password = 'a long admin password for bola';
    await server.accept('bola.andes@example.org', 'Bola Mendoza', password);
    expect(await signInStatus('bola.andes@example.org', password)).toBe(200);
    await page.reload();
    await expect.poll(() => card.getByText('Active', { exact: true }).isVisible()).toBe(true);

    // the confirmation step: Escape changes nothing, and focus goes back to the button
    const deactivate = card.getByRole('button', { name: 'Deactivate Bola Mendoza' });
    await deactivate.click();
    const dialog = page.getByRole('alertdialog', { name: 'Deactivate Bola Mendoza?' });
    await dialog.waitFor();
    await expect.poll(focused).toBe('Cancel');
    await expectAccessible(page, 'deactivation confirmation');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(focused).toBe('Deactivate Bola Mendoza');
    expect(await card.getByText('Active', { exact: true }).isVisible()).toBe(true);

    // Cancel, from the keyboard, changes nothing either
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await signInStatus('bola.andes@example.org', password)).toBe(200);

    // confirmed: deactivated, and their sign-in ends
    await deactivate.click();
    await dialog.getByRole('button', { name: 'Deactivate Bola Mendoza' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Bola Mendoza was deactivated.').waitFor();
    await expect.poll(() => card.getByText('Deactivated', { exact: true }).isVisible()).toBe(true);
    await expect
      .poll(() => card.getByRole('button', { name: 'Reactivate Bola Mendoza' }).isVisible())
      .toBe(true);
    await expectAccessible(page, 'network admins after a deactivation');
    expect(await signInStatus('bola.andes@example.org', password)).toBe(401);

    // the last active admin cannot deactivate themselves: the dialog says why
    const own = page.getByRole('listitem').filter({ hasText: 'Rosa Quispe' });
    await own.getByRole('button', { name: 'Deactivate Rosa Quispe' }).click();
    const ownDialog = page.getByRole('alertdialog', { name: 'Deactivate Rosa Quispe?' });
    await ownDialog.getByRole('button', { name: 'Deactivate Rosa Quispe' }).click();
    await ownDialog
      .getByRole('alert')
      .getByText(/last active admin/)
      .waitFor();
    await expectAccessible(page, 'deactivation refused');
    await ownDialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await signInStatus(admin.email, admin.password)).toBe(200);
  }, 120_000);

  it('the operator reaches a network’s admins from the networks’ list, at 360 px', async () => {
    const page = await newPage(360);
    await signIn(page, server.url, server.operator.email, server.operator.password);
    const network = page.getByRole('listitem').filter({ hasText: 'Andean KP Network' });
    await network.getByRole('link', { name: 'Network admins' }).click();
    await page.getByText(/^Admins of Andean KP Network/).waitFor();
    expect(page.url()).toBe(`${server.url}/networks/${networkId}/admins`);
    await expect.poll(() => page.getByText('Bola Mendoza').first().isVisible()).toBe(true);
    await expectAccessible(page, 'network admins at 360 px');

    const card = page.getByRole('listitem').filter({ hasText: 'Rosa Quispe' });
    await card.getByRole('button', { name: 'Deactivate Rosa Quispe' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Deactivate Rosa Quispe?' });
    await dialog.waitFor();
    await expectAccessible(page, 'deactivation confirmation at 360 px');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }, 60_000);

  it('the operator opens the local outbox at 360 px: an invitation’s link is a link to follow', async () => {
    const page = await newPage(360);
    await signIn(page, server.url, server.operator.email, server.operator.password);
    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { name: 'Outbox', level: 1 }).waitFor();
    await page.getByLabel('Recipient’s email').fill(admin.email);
    await page.getByRole('button', { name: 'Show' }).click();
    const mail = page
      .getByRole('listitem')
      .filter({ hasText: `To ${admin.email}` })
      .filter({ hasText: '/invitations/' })
      .first();
    await mail.waitFor();
    const link = mail.getByRole('link', { name: /\/invitations\// });
    expect(await link.getAttribute('href')).toBe(await server.invitationLink(admin.email));
    await expectAccessible(page, 'outbox at 360 px');
  }, 60_000);
});
