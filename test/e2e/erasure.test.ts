import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, signIn } from '../support/browser.ts';
import { seedNetwork } from '../support/e2e-network.ts';

const SHOTS = process.env.SISI_SCREENSHOTS;

/**
 * Erasure and leaving in Chromium (ADR 0034): an admin erases a person of an organization
 * through the confirmation, which says what is removed and what stays; the People list then
 * shows "A former coordinator of …" where the name was. Then the organization leaves the
 * network through its own confirmation. At 360 and 1280 px, with axe and no sideways scroll.
 */
describe('erasure and leaving in the browser', () => {
  const ui = browserSuite();

  it('an admin erases a person, then the organization leaves the network', async () => {
    const { networkId, admin, organizationIds } = await seedNetwork(ui.server, {
      name: 'Erasure Network',
      region: 'East Africa',
      admin: { email: 'admin.erasure@example.org', name: 'Amani Admin' },
      organizations: [['Sauti Peer Alliance', 'KE']],
      keyPopulations: ['sex-workers'],
    });
    const organizationId = organizationIds[0]!;
    await ui.server.accept('coord.ke@example.org', 'Wanjiru Coordinator', 'a long password one');
    const members = `/networks/${networkId}/organizations/${organizationId}/members`;
    const person = await ui.server.api<{ id: string }>('POST', members, admin.token, {
      email: 'zawadi.quixote@example.org',
      name: 'Zawadi Quixote',
    });
    await ui.server.accept('zawadi.quixote@example.org', 'Zawadi Quixote', 'a long password two');
    await ui.server.api('PATCH', `${members}/${person.id}`, admin.token, { role: 'coordinator' });

    for (const width of [360, 1280]) {
      const page = await ui.newPage(width);
      await signIn(page, ui.server.url, admin.email, admin.password);
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await page.goto(`${ui.server.url}/networks/${networkId}/organizations/${organizationId}`);
      await page.getByRole('heading', { name: 'Sauti Peer Alliance' }).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Zawadi Quixote' }).waitFor();
      await expectAccessible(page, `people with the erase action at ${width} px`);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/people-${width}.png`, fullPage: true });
      if (width === 1280) break;
      await page.close();
    }

    const page = await ui.newPage(360);
    await signIn(page, ui.server.url, admin.email, admin.password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${ui.server.url}/networks/${networkId}/organizations/${organizationId}`);
    const zawadi = page.getByRole('listitem').filter({ hasText: 'Zawadi Quixote' });
    await zawadi.getByRole('button', { name: "Erase this person's data" }).click();
    const dialog = page.getByRole('alertdialog', { name: "Erase Zawadi Quixote's data?" });
    await dialog.waitFor();
    await dialog.getByText('Removed for good: their name, email').waitFor();
    await dialog.getByText('"A former coordinator of Sauti Peer Alliance"').waitFor();
    await expectAccessible(page, 'erase confirmation at 360 px');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/erase-dialog-360.png` });
    // Cancel first: nothing happens
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await zawadi.getByRole('button', { name: "Erase this person's data" }).click();
    await dialog.getByRole('button', { name: 'Yes, erase their data' }).click();

    // the card's own name line (the other cards' closed dialogs name the former role too)
    const tombstone = page.getByRole('listitem').filter({
      has: page.getByText('A former coordinator of Sauti Peer Alliance', { exact: true }),
    });
    await tombstone.waitFor({ timeout: 20_000 });
    await page.getByRole('status').filter({ hasText: "The person's data is erased." }).waitFor();
    await expect.poll(() => page.getByText('Zawadi Quixote', { exact: true }).count()).toBe(0);
    await expect.poll(() => page.getByText('zawadi.quixote@example.org').count()).toBe(0);
    expect(await tombstone.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'people after an erasure at 360 px');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/erased-360.png`, fullPage: true });
    const listed = await ui.server.api<{ items: { id: string; name: string; email: string }[] }>(
      'GET',
      members,
      admin.token,
    );
    expect(listed.items.find((p) => p.id === person.id)).toMatchObject({ name: '', email: '' });

    // the organization leaves: its consequences listed, then archived
    await page.getByRole('button', { name: 'Organization leaves the network' }).click();
    const leave = page.getByRole('alertdialog', {
      name: 'Sauti Peer Alliance leaves the network?',
    });
    await leave.getByText('its people are deactivated and signed out at once').waitFor();
    await expectAccessible(page, 'leave confirmation at 360 px');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/leave-dialog-360.png` });
    await leave.getByRole('button', { name: 'Yes, it leaves the network' }).click();
    await page.getByText(/Left the network on/).waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: 'Organization leaves the network' }).count())
      .toBe(0);
    await expectAccessible(page, 'an organization that left at 360 px');

    const wide = await ui.newPage(1280);
    await signIn(wide, ui.server.url, admin.email, admin.password);
    await wide.getByRole('button', { name: 'Sign out' }).waitFor();
    await wide.goto(`${ui.server.url}/networks/${networkId}/organizations`);
    await wide
      .getByRole('listitem')
      .filter({ hasText: 'Sauti Peer Alliance' })
      .getByText('Left the network')
      .waitFor();
    await expectAccessible(wide, 'organizations with one archived at 1280 px');
    if (SHOTS) await wide.screenshot({ path: `${SHOTS}/organizations-1280.png`, fullPage: true });

    // a network admin erased from the admins' list, shown as a former network admin
    await ui.server.api('POST', `/networks/${networkId}/admins`, admin.token, {
      email: 'second.admin@example.org',
      name: 'Baraka Second',
    });
    await ui.server.accept('second.admin@example.org', 'Baraka Second', 'a long password three');
    await wide.getByRole('link', { name: 'Network admins' }).click();
    const baraka = wide.getByRole('listitem').filter({
      has: wide.getByRole('heading', { name: 'Baraka Second' }),
    });
    await baraka.getByRole('button', { name: "Erase this person's data" }).click();
    const eraseAdmin = wide.getByRole('alertdialog', { name: "Erase Baraka Second's data?" });
    await eraseAdmin.getByText('"A former network admin"').waitFor();
    await expectAccessible(wide, 'erase an admin confirmation at 1280 px');
    await eraseAdmin.getByRole('button', { name: 'Yes, erase their data' }).click();
    await wide
      .getByRole('heading', { name: 'A former network admin' })
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => wide.getByText('second.admin@example.org').count()).toBe(0);
    // the signed-in admin cannot erase themselves: no such button on their own card
    const own = wide.getByRole('listitem').filter({
      has: wide.getByRole('heading', { name: 'Amani Admin' }),
    });
    expect(await own.getByRole('button', { name: "Erase this person's data" }).count()).toBe(0);
    await expectAccessible(wide, 'admins after an erasure at 1280 px');
    if (SHOTS) await wide.screenshot({ path: `${SHOTS}/admins-1280.png`, fullPage: true });
  }, 180_000);
});
