import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible } from '../support/browser.ts';
import { resetLink, seedNetwork } from '../support/e2e-network.ts';

const NEW_PASSWORD = 'river stone lantern morning';

/**
 * A forgotten password, end to end in Chromium: "Forgot your password?" on the sign-in page,
 * the link from the outbox (`GET /dev/outbox`), a new password (a weak one refused first),
 * then sign-in with it; the used link answers that it can no longer be used. At 360 px,
 * with axe and no sideways scrolling on every page.
 */
describe('password reset in the browser', () => {
  const ui = browserSuite(800);

  it('asks for a link, sets a new password from the mail, and signs in with it', async () => {
    const { admin } = await seedNetwork(ui.server, {
      name: 'Reset KP Network',
      region: 'Southern Africa',
      admin: { email: 'admin.reset@example.org', name: 'Thandi Dlamini' },
      organizations: [],
      keyPopulations: ['sex-workers'],
    });
    const page = await ui.newPage(360);
    await page.goto(`${ui.server.url}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await expectAccessible(page, 'ask for a reset at 360 px');

    await page.getByLabel('Email').fill(admin.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('a link to choose a new password is on its way').waitFor();
    await expectAccessible(page, 'reset asked at 360 px');

    const link = await resetLink(ui.server, admin.email);
    expect(link.startsWith(`${ui.server.url}/password-reset/`)).toBe(true);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await expectAccessible(page, 'choose a password at 360 px');

    // the password policy speaks through the form: a common password is refused
    await page.getByLabel('New password', { exact: true }).fill('password1234');
    await page.getByLabel('Confirm new password').fill('password1234');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect
      .poll(() =>
        page
          .getByText(/too easy to guess/i)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(page, 'choose a password with an error at 360 px');

    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your new password is set. Sign in with it.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByLabel('Email').inputValue()).toBe(admin.email);
    await expectAccessible(page, 'sign in after a reset at 360 px');

    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/login');
    // signed in: an admin lands on "What needs me"
    await page.getByRole('heading', { name: 'What needs me', level: 1 }).waitFor();

    // the old password no longer signs in; the used link says so
    const other = await ui.newPage(1280);
    await other.goto(`${ui.server.url}/login`);
    await other.getByLabel('Email').fill(admin.email);
    await other.getByLabel('Password').fill(admin.password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByText('Wrong email or password.').waitFor();
    await other.goto(link);
    await other.getByLabel('New password', { exact: true }).fill('another long passphrase here');
    await other.getByLabel('Confirm new password').fill('another long passphrase here');
    await other.getByRole('button', { name: 'Set the new password' }).click();
    await other.getByRole('heading', { name: 'This link can no longer be used' }).waitFor();
    await expectAccessible(other, 'used link');
    await other.getByRole('link', { name: 'Ask for a new link' }).click();
    await other.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
  }, 120_000);
});
