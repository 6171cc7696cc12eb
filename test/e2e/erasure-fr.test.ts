import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@sisi/local';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible } from '../support/browser.ts';
import { seedNetwork } from '../support/e2e-network.ts';

const SHOTS = process.env.SISI_SCREENSHOTS;

/** The SPA's main catalog in French, as the page should read. */
const fr = JSON.parse(
  readFileSync(join(findRepoRoot(), 'web/src/i18n/locales/fr/common.json'), 'utf8'),
) as {
  leaving: Record<
    | 'erase'
    | 'eraseTitle'
    | 'eraseRemoved'
    | 'eraseKept'
    | 'eraseYes'
    | 'erasedMessage'
    | 'formerCoordinator'
    | 'formerAdmin'
    | 'leave'
    | 'leaveTitle'
    | 'leaveMentors'
    | 'leaveYes'
    | 'leftOn',
    string
  >;
  app: { signOut: string };
};
const words = fr.leaving;
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

/**
 * Erasure and leaving in French (ADR 0034, issue 14), in Chromium at 360 and 1280 px: the
 * confirmations, the tombstone and the archived organization read as the French catalog has
 * them (its longest sentences), axe-clean with no sideways scroll. Screenshots are taken when
 * `SISI_SCREENSHOTS` names a directory.
 */
describe('erasure and leaving in French', () => {
  const ui = browserSuite();

  async function frenchPage(width: number, email: string, password: string): Promise<Page> {
    const context = await ui.browser.newContext({
      locale: 'fr-FR',
      viewport: { width, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${ui.server.url}/login`);
    await page.locator('input[type="email"]').fill(email);
    await page.locator('input[type="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: fr.app.signOut }).waitFor();
    return page;
  }
  const shot = async (page: Page, name: string, fullPage = true) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/fr-${name}.png`, fullPage });
  };

  it('an admin erases a person and an admin, then the organization leaves', async () => {
    const { networkId, admin, organizationIds } = await seedNetwork(ui.server, {
      name: 'Réseau des Grands Lacs',
      region: 'Afrique centrale',
      admin: { email: 'admin.lacs@example.org', name: 'Aline Mukamana' },
      organizations: [['Association des Travailleuses du Sexe de Bujumbura', 'BI']],
      keyPopulations: ['sex-workers'],
    });
    await ui.server.api('PATCH', '/me', admin.token, { language: 'fr' });
    const organization = 'Association des Travailleuses du Sexe de Bujumbura';
    const organizationId = organizationIds[0]!;
    await ui.server.accept('coord.bi@example.org', 'Claudine Coordinatrice', 'a long password 1');
    const members = `/networks/${networkId}/organizations/${organizationId}/members`;
    const person = await ui.server.api<{ id: string }>('POST', members, admin.token, {
      email: 'esperance.n@example.org',
      name: 'Espérance Niyonzima-Hakizimana',
    });
    await ui.server.accept(
      'esperance.n@example.org',
      'Espérance Niyonzima-Hakizimana',
      'a long password 2',
    );
    await ui.server.api('PATCH', `${members}/${person.id}`, admin.token, { role: 'coordinator' });
    const orgPath = `${ui.server.url}/networks/${networkId}/organizations/${organizationId}`;

    // the people, wide and narrow
    const wide = await frenchPage(1280, admin.email, admin.password);
    await wide.goto(orgPath);
    await wide
      .getByRole('listitem')
      .filter({ hasText: 'Espérance Niyonzima-Hakizimana' })
      .waitFor();
    await expectAccessible(wide, 'people in French at 1280 px');
    await shot(wide, 'people-1280');

    const page = await frenchPage(360, admin.email, admin.password);
    await page.goto(orgPath);
    const esperance = page.getByRole('listitem').filter({
      hasText: 'Espérance Niyonzima-Hakizimana',
    });
    await esperance.waitFor();
    await expectAccessible(page, 'people in French at 360 px');
    await shot(page, 'people-360');

    // the erasure's confirmation, its longest French sentences
    await esperance.getByRole('button', { name: words.erase }).click();
    const dialog = page.getByRole('alertdialog', {
      name: fill(words.eraseTitle, { name: 'Espérance Niyonzima-Hakizimana' }),
    });
    await dialog.waitFor();
    const former = fill(words.formerCoordinator, { organization });
    await dialog.getByText(words.eraseRemoved).waitFor();
    await dialog.getByText(fill(words.eraseKept, { former })).waitFor();
    await expectAccessible(page, 'erase confirmation in French at 360 px');
    await shot(page, 'erase-dialog-360', false);
    await dialog.getByRole('button', { name: words.eraseYes }).click();
    const tombstone = page.getByRole('listitem').filter({
      has: page.getByText(former, { exact: true }),
    });
    await tombstone.waitFor({ timeout: 20_000 });
    await page.getByRole('status').filter({ hasText: words.erasedMessage }).waitFor();
    await expectAccessible(page, 'people after an erasure in French at 360 px');
    await shot(page, 'erased-360');

    // the organization leaves
    await page.getByRole('button', { name: words.leave }).click();
    const leave = page.getByRole('alertdialog', {
      name: fill(words.leaveTitle, { name: organization }),
    });
    await leave.getByText(words.leaveMentors).waitFor();
    await expectAccessible(page, 'leave confirmation in French at 360 px');
    await shot(page, 'leave-dialog-360', false);
    await leave.getByRole('button', { name: words.leaveYes }).click();
    await page.getByText(fill(words.leftOn, { date: '' }).replace(/\s*\.$/, '')).waitFor();
    await expectAccessible(page, 'an organization that left, in French at 360 px');
    await shot(page, 'left-360');

    await page.goto(`${ui.server.url}/networks/${networkId}/organizations`);
    await page.getByRole('listitem').filter({ hasText: organization }).waitFor();
    await expectAccessible(page, 'organizations with one archived, in French at 360 px');
    await shot(page, 'organizations-360');

    // a network admin erased, at 1280 px
    await ui.server.api('POST', `/networks/${networkId}/admins`, admin.token, {
      email: 'second.lacs@example.org',
      name: 'Baraka Second',
    });
    await wide.goto(`${ui.server.url}/networks/${networkId}/admins`);
    const baraka = wide.getByRole('listitem').filter({
      has: wide.getByRole('heading', { name: 'Baraka Second' }),
    });
    await baraka.getByRole('button', { name: words.erase }).click();
    const eraseAdmin = wide.getByRole('alertdialog', {
      name: fill(words.eraseTitle, { name: 'Baraka Second' }),
    });
    await eraseAdmin.getByText(fill(words.eraseKept, { former: words.formerAdmin })).waitFor();
    await expectAccessible(wide, 'erase an admin confirmation in French at 1280 px');
    await shot(wide, 'erase-admin-dialog-1280', false);
    await eraseAdmin.getByRole('button', { name: words.eraseYes }).click();
    await wide.getByRole('heading', { name: words.formerAdmin }).waitFor({ timeout: 20_000 });
    await expectAccessible(wide, 'admins after an erasure in French at 1280 px');
    await shot(wide, 'admins-1280');
    expect(await wide.getByText('second.lacs@example.org').count()).toBe(0);
  }, 180_000);
});
