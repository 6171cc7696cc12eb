import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, signIn } from '../support/browser.ts';

/** The language of the newest mail to `email`: its HTML's `lang`. */
async function mailLanguage(ui: ReturnType<typeof browserSuite>, email: string) {
  const mails = await ui.server.local.outbox.list(email);
  const html = mails.at(-1)?.html ?? '';
  return html.match(/<html lang="([a-z]+)">/)?.[1];
}

/** The value a select labelled `label` holds now. */
const selected = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).inputValue();

/**
 * Issue 14, the language of an invitation, in Chromium: every invitation form has a language
 * select. A new network's and a donor's are English until chosen; the people of a network are
 * invited in its default language unless another is chosen; the mail goes in the language sent.
 */
describe('the language of an invitation, chosen on its form', () => {
  const ui = browserSuite();

  it('network, donor, organization, member and admin invitations send the language chosen', async () => {
    // the operator creates a network whose default language is French
    const page = await ui.newPage(1280);
    await signIn(page, ui.server.url, ui.server.operator.email, ui.server.operator.password);
    await page.getByLabel('Network name').waitFor();
    expect(await selected(page, 'Network’s default language')).toBe('en');
    await page.getByLabel('Network name').fill('Sahel KP Network');
    await page.getByLabel('Region').fill('West Africa');
    await page.getByLabel('Admin email').fill('admin.sahel@example.org');
    await page.getByLabel('Admin name').fill('Awa Diallo');
    await page.getByLabel('Network’s default language').selectOption('fr');
    await page.getByRole('button', { name: 'Create network' }).click();
    await page.getByRole('heading', { name: 'Sahel KP Network' }).waitFor();
    expect(await mailLanguage(ui, 'admin.sahel@example.org')).toBe('fr');
    const networks = await ui.server.api<{ items: { id: string; defaultLanguage: string }[] }>(
      'GET',
      '/networks',
      await ui.server.operatorToken(),
    );
    const network = networks.items.find((n) => n.defaultLanguage === 'fr');
    expect(network).toBeDefined();
    const networkId = network?.id ?? '';

    // a donor: English until chosen, whatever their networks' language
    expect(await selected(page, 'Language of the invitation')).toBe('en');
    await page.getByLabel('Donor name').fill('Fundo Lusófono');
    await page.getByLabel('Donor email').fill('fundo@example.org');
    await page.getByLabel('Sahel KP Network').check();
    await page.getByLabel('Language of the invitation').selectOption('pt');
    await expectAccessible(page, 'networks with the donor invitation');
    await page.getByRole('button', { name: 'Invite donor' }).click();
    await page.getByText('Invitation sent to fundo@example.org.').waitFor();
    expect(await mailLanguage(ui, 'fundo@example.org')).toBe('pt');
    expect(await selected(page, 'Language of the invitation')).toBe('en');

    // the admin reads the SPA in English, their network's default stays French
    const password = 'a long admin password';
    const token = await ui.server.accept('admin.sahel@example.org', 'Awa Diallo', password);
    await ui.server.api('PATCH', '/me', token, { language: 'en' });
    const admin = await ui.newPage(1280);
    await signIn(admin, ui.server.url, 'admin.sahel@example.org', password);
    await admin.getByRole('button', { name: 'Sign out' }).waitFor();

    // a new organization: its coordinator's language is the network's until chosen
    await admin.goto(`${ui.server.url}/networks/${networkId}/organizations/new`);
    await admin.getByLabel('Organization name').waitFor();
    await expect.poll(() => selected(admin, 'Language of the invitation')).toBe('fr');
    await admin.getByLabel('Organization name').fill('Association Kiyo');
    await admin.getByLabel('Country').selectOption('ML');
    await admin.getByLabel('Sex workers').check();
    await admin.getByLabel('Coordinator email').fill('coord.kiyo@example.org');
    await admin.getByLabel('Coordinator name').fill('Fatoumata Keita');
    await admin.getByLabel('Language of the invitation').selectOption('pt');
    await expectAccessible(admin, 'organization form with its language');
    await admin.getByRole('button', { name: 'Create organization' }).click();
    await admin.getByRole('heading', { name: 'Association Kiyo' }).waitFor();
    expect(await mailLanguage(ui, 'coord.kiyo@example.org')).toBe('pt');

    // members: the network's language as it stands, then one chosen
    await expect.poll(() => selected(admin, 'Language of the invitation')).toBe('fr');
    await admin.getByLabel('Member name').fill('Moussa Traoré');
    await admin.getByLabel('Member email').fill('moussa.kiyo@example.org');
    await admin.getByRole('button', { name: 'Invite member' }).click();
    await admin.getByText('Invitation sent to moussa.kiyo@example.org.').waitFor();
    expect(await mailLanguage(ui, 'moussa.kiyo@example.org')).toBe('fr');
    await admin.getByLabel('Member name').fill('Ana Cruz');
    await admin.getByLabel('Member email').fill('ana.kiyo@example.org');
    await admin.getByLabel('Language of the invitation').selectOption('es');
    await admin.getByRole('button', { name: 'Invite member' }).click();
    await admin.getByText('Invitation sent to ana.kiyo@example.org.').waitFor();
    expect(await mailLanguage(ui, 'ana.kiyo@example.org')).toBe('es');
    // the form starts again at the network's language
    expect(await selected(admin, 'Language of the invitation')).toBe('fr');
    await expectAccessible(admin, 'member invitation with its language');

    // another admin: the network's language too, until chosen
    await admin.goto(`${ui.server.url}/networks/${networkId}/admins`);
    await admin.getByLabel('Admin name').waitFor();
    await expect.poll(() => selected(admin, 'Language of the invitation')).toBe('fr');
    await admin.getByLabel('Admin name').fill('Ibrahim Sow');
    await admin.getByLabel('Admin email').fill('ibrahim.sahel@example.org');
    await admin.getByRole('button', { name: 'Invite admin' }).click();
    await admin.getByText('Invitation sent to ibrahim.sahel@example.org.').waitFor();
    expect(await mailLanguage(ui, 'ibrahim.sahel@example.org')).toBe('fr');
  }, 120_000);
});
