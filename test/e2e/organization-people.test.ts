import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, signIn } from '../support/browser.ts';
import { seedNetwork } from '../support/e2e-network.ts';

/**
 * An organization's people change, in Chromium: its coordinator sends an invitation again,
 * is refused stepping down while the last coordinator, hands over to a member (makes them
 * coordinator, then steps down to member after confirming).
 */
describe("an organization's people in the browser", () => {
  const ui = browserSuite();

  it('a coordinator resends an invitation and hands over to a member', async () => {
    const { networkId, admin, organizationIds } = await seedNetwork(ui.server, {
      name: 'Handover Network',
      region: 'Southern Africa',
      admin: { email: 'admin.handover@example.org', name: 'Thandi Admin' },
      organizations: [['Ubuntu Peer Alliance', 'ZA']],
      keyPopulations: ['sex-workers'],
    });
    const organizationId = organizationIds[0]!;
    const password = 'a long coordinator password';
    await ui.server.accept('coord.za@example.org', 'Lerato Coordinator', password);
    const members = `/networks/${networkId}/organizations/${organizationId}/members`;
    await ui.server.api('POST', members, admin.token, {
      email: 'sipho@example.org',
      name: 'Sipho Member',
    });
    await ui.server.accept('sipho@example.org', 'Sipho Member', 'a long member password');
    await ui.server.api('POST', members, admin.token, {
      email: 'naledi@example.org',
      name: 'Naledi Invited',
    });
    const oldLink = await ui.server.invitationLink('naledi@example.org');

    const page = await ui.newPage(360);
    await signIn(page, ui.server.url, 'coord.za@example.org', password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${ui.server.url}/networks/${networkId}/organizations/${organizationId}`);
    await page.getByRole('heading', { name: 'Ubuntu Peer Alliance' }).waitFor();
    const card = (name: string) => page.getByRole('listitem').filter({ hasText: name });
    await card('Naledi Invited')
      .getByRole('button', { name: 'Send the invitation again' })
      .waitFor();
    await expectAccessible(page, 'people with actions at 360 px');

    // the invitation again: a new link, the old one gone
    await card('Naledi Invited').getByRole('button', { name: 'Send the invitation again' }).click();
    await card('Naledi Invited')
      .getByText('A new invitation was sent to naledi@example.org')
      .waitFor();
    const newLink = await ui.server.invitationLink('naledi@example.org');
    expect(newLink).not.toBe(oldLink);
    const oldToken = oldLink.split('/invitations/')[1];
    const gone = await fetch(`${ui.server.url}/api/v1/invitations/${oldToken}`);
    expect(gone.status).toBe(410);

    // the last coordinator cannot step down: asked first, then told why
    const me = card('Lerato Coordinator');
    await me.getByRole('button', { name: 'Make member' }).click();
    const question = me.getByRole('group');
    await question.waitFor();
    await expect
      .poll(() => page.evaluate("document.activeElement ? document.activeElement.textContent : ''"))
      .toContain('will no longer be a coordinator');
    await expectAccessible(page, 'confirm stepping down at 360 px');
    await me.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => question.count()).toBe(0);
    await expect
      .poll(() => page.evaluate("document.activeElement ? document.activeElement.textContent : ''"))
      .toBe('Make member');
    await me.getByRole('button', { name: 'Make member' }).click();
    await me.getByRole('button', { name: 'Yes, make member' }).click();
    await me.getByText('This is the last active coordinator of the organization.').waitFor();
    await expectAccessible(page, 'last coordinator refused at 360 px');

    // the handover: Sipho becomes coordinator, then Lerato steps down
    await card('Sipho Member').getByRole('button', { name: 'Make coordinator' }).click();
    await card('Sipho Member').getByText('Sipho Member is now a coordinator.').waitFor();
    await me.getByRole('button', { name: 'Make member' }).click();
    await me.getByRole('button', { name: 'Yes, make member' }).click();
    // no longer a coordinator: the actions are gone, and the badges tell who is
    await expect.poll(() => page.getByRole('button', { name: 'Make coordinator' }).count()).toBe(0);
    const badge = (name: string) => card(name).getByText('Coordinator', { exact: true }).count();
    await expect.poll(() => badge('Sipho Member')).toBe(1);
    await expect.poll(() => badge('Lerato Coordinator')).toBe(0);
    const people = await ui.server.api<{ items: { name: string; roles: string[] }[] }>(
      'GET',
      members,
      admin.token,
    );
    expect(Object.fromEntries(people.items.map((p) => [p.name, p.roles]))).toEqual({
      'Lerato Coordinator': ['member'],
      'Naledi Invited': ['member'],
      'Sipho Member': ['coordinator'],
    });
    await expectAccessible(page, 'people after the handover at 360 px');

    // the admin sees the same list with its actions at desktop width
    const wide = await ui.newPage(1280);
    await signIn(wide, ui.server.url, admin.email, admin.password);
    await wide.getByRole('button', { name: 'Sign out' }).waitFor();
    await wide.goto(`${ui.server.url}/networks/${networkId}/organizations/${organizationId}`);
    await wide.getByRole('button', { name: 'Send the invitation again' }).waitFor();
    await expectAccessible(wide, 'people with actions at 1280 px');

    // deactivating asks first; reactivating someone who never accepted makes them invited again
    const naledi = wide.getByRole('listitem').filter({ hasText: 'Naledi Invited' });
    await naledi.getByRole('button', { name: 'Deactivate' }).click();
    await naledi.getByText('will no longer be able to sign in').waitFor();
    await naledi.getByRole('button', { name: 'Yes, deactivate' }).click();
    await naledi.getByText('Naledi Invited is deactivated.').waitFor();
    await naledi.getByText('Deactivated', { exact: true }).waitFor();
    await expectAccessible(wide, 'a person deactivated at 1280 px');
    await naledi.getByRole('button', { name: 'Reactivate' }).click();
    await naledi.getByText('Invited', { exact: true }).waitFor();
    await naledi.getByRole('button', { name: 'Send the invitation again' }).waitFor();
  }, 180_000);
});
