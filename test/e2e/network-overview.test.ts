import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible, signIn } from '../support/browser.ts';
import { seedNetwork, startMentorship } from '../support/e2e-network.ts';

/**
 * Issue 16, item 7, in Chromium at 360 px: the operator opens a network from the networks'
 * list and sees its status, default language, the way to its admins and its size; counts
 * only, nobody of the network named. axe clean, no sideways scrolling.
 */
describe('the operator’s network page', () => {
  const ui = browserSuite();
  let networkId: string;

  beforeAll(async () => {
    const seeded = await seedNetwork(ui.server, {
      name: 'Sahel KP Network',
      region: 'Sahel',
      admin: { email: 'admin.sahel@example.org', name: 'Awa Diallo' },
      organizations: [
        ['Bamako Peer Collective', 'ML'],
        ['Niamey Health Alliance', 'NE'],
      ],
      keyPopulations: ['sex-workers'],
    });
    networkId = seeded.networkId;
    const [mentorOrganizationId, menteeId] = seeded.organizationIds as [string, string];
    await startMentorship(ui.server, networkId, seeded.admin.token, {
      mentorOrganizationId,
      menteeOrganizationIds: [menteeId],
    });
  }, 60_000);

  it('opens from the list and shows status, admins link and counts at 360 px', async () => {
    const page = await ui.newPage(360);
    await signIn(page, ui.server.url, ui.server.operator.email, ui.server.operator.password);
    await page.getByRole('link', { name: 'Sahel KP Network' }).click();
    await page.getByRole('heading', { name: 'Sahel KP Network', level: 1 }).waitFor();
    expect(page.url()).toBe(`${ui.server.url}/networks/${networkId}/overview`);

    const fact = (term: string) =>
      page.locator('.facts > div').filter({ has: page.getByRole('term').getByText(term) });
    await expect.poll(() => fact('Status').getByRole('definition').textContent()).toBe('Active');
    expect(await fact('Region').getByRole('definition').textContent()).toBe('Sahel');
    expect(await fact('Default language').getByRole('definition').textContent()).toBe('English');
    // two organizations, their two coordinators, one mentorship, no group
    const size = page.getByRole('region', { name: 'Size' });
    const count = (term: string) =>
      size
        .locator('.facts > div')
        .filter({ has: page.getByRole('term').getByText(term, { exact: true }) })
        .getByRole('definition')
        .textContent();
    expect(await count('Organizations')).toBe('2');
    expect(await count('People in organizations')).toBe('2');
    expect(await count('Mentorships')).toBe('1');
    expect(await count('Peer coaching groups')).toBe('0');
    // nobody of the network is named: not the admin, not a coordinator
    const text = await page.locator('main').textContent();
    expect(text).not.toContain('Awa Diallo');
    expect(text).not.toContain('Coordinator ML');
    await expectAccessible(page, 'network page at 360 px');

    await page.getByRole('link', { name: 'See and invite the admins' }).click();
    await page.getByText(/^Admins of Sahel KP Network/).waitFor();
    expect(page.url()).toBe(`${ui.server.url}/networks/${networkId}/admins`);
  }, 60_000);
});
