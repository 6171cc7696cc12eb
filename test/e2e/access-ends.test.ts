import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, signIn } from '../support/browser.ts';
import { seedNetwork } from '../support/e2e-network.ts';

const ENDED = 'Your access has ended or your session expired; sign in again.';

/**
 * Access that ends, in Chromium: a signed-in coordinator is deactivated by an admin (through
 * the API); their next click lands on the sign-in page saying why, and signing in again is
 * refused. One server instance: the deactivating instance forgets its cached access at once.
 */
describe('a deactivated person in the browser', () => {
  const ui = browserSuite();

  it('is signed out on their next click, told why, and cannot sign in again', async () => {
    const { networkId, admin, organizationIds } = await seedNetwork(ui.server, {
      name: 'Leaving Network',
      region: 'East Africa',
      admin: { email: 'admin.leaving@example.org', name: 'Amina Admin' },
      organizations: [['Harbour Collective', 'KE']],
      keyPopulations: ['sex-workers'],
    });
    const organizationId = organizationIds[0]!;
    const password = 'a long leaving coordinator password';
    const leaving = await ui.server.accept('coord.ke@example.org', 'Wanjiru Leaving', password);
    const members = `/networks/${networkId}/organizations/${organizationId}/members`;
    const successor = await ui.server.api<{ id: string }>('POST', members, admin.token, {
      email: 'otieno@example.org',
      name: 'Otieno Successor',
    });
    await ui.server.accept('otieno@example.org', 'Otieno Successor', 'a long successor password');
    // another coordinator first: the last active one cannot be deactivated
    await ui.server.api('PATCH', `${members}/${successor.id}`, admin.token, {
      role: 'coordinator',
    });
    const me = await ui.server.api<{ id: string }>('GET', '/me', leaving);

    const page = await ui.newPage(360);
    await signIn(page, ui.server.url, 'coord.ke@example.org', password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    const changed = await ui.server.api<{ status: string }>(
      'PATCH',
      `${members}/${me.id}`,
      admin.token,
      { status: 'deactivated' },
    );
    expect(changed.status).toBe('deactivated');

    // the next click asks the API for something new: 401, so back to sign-in, saying why
    await page.getByRole('link', { name: 'My organization' }).first().click();
    await page.getByText(ENDED).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate("sessionStorage.getItem('sisi.token')")).toBeNull();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await expectAccessible(page, 'sign-in after access ended at 360 px');

    // and signing in again is refused, as a wrong password would be
    await page.getByLabel('Email').fill('coord.ke@example.org');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate("sessionStorage.getItem('sisi.token')")).toBeNull();
  }, 120_000);
});
