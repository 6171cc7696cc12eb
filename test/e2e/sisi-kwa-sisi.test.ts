import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue 7, Sisi Kwa Sisi coaching, end to end in Chromium: the peer's coordinator fills the
 * needs assessment, sees the coaches of the pool ranked with their reasons and links the
 * best one; the coach opens the coaching, writes the Lead → Assist → Observe plan (a step
 * past its date and not done reads "Behind") and records one follow-up session with a
 * quality rating and private notes. Every page is checked by axe at 1280 and at 360 px.
 */
describe('Sisi Kwa Sisi coaching in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let networkId: string;
  let coachingId: string;
  let adminToken: string;
  const coordinator = {
    name: 'Wanjiru Kamau',
    email: 'coord.nairobi@example.org',
    password: 'a long coordinator password',
  };
  const coach = {
    name: 'Otieno Ouma',
    email: 'otieno@example.org',
    password: 'a long coach password',
  };
  const peer = {
    name: 'Achieng Atieno',
    email: 'achieng@example.org',
    password: 'a long peer password',
  };
  const NOTES = 'Achieng ran the register check herself after the first ten entries.';

  const api = <T>(method: string, path: string, token: string | undefined, body?: unknown) =>
    server.api<T>(method, path, token, body);
  const day = (offset: number) => {
    const d = server.local.clock.now();
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const network = await api<{ id: string }>('POST', '/networks', await server.operatorToken(), {
      name: 'Kenya Urban Health Network',
      region: 'East Africa',
      adminEmail: 'admin.kuhn@example.org',
      adminName: 'Neema Admin',
    });
    networkId = network.id;
    adminToken = await server.accept(
      'admin.kuhn@example.org',
      'Neema Admin',
      'a long admin password',
    );
    const organization = (name: string, coordinatorEmail: string) =>
      api<{ id: string }>('POST', `/networks/${networkId}/organizations`, adminToken, {
        name,
        country: 'KE',
        keyPopulations: ['sex-workers'],
        kpLed: true,
        coordinatorEmail,
        coordinatorName: `Coordinator of ${name}`,
      });
    const peerOrg = await organization('Nairobi Youth Clinic', coordinator.email);
    const coachOrg = await organization('Kisumu Health Link', 'coord.kisumu@example.org');
    await server.accept(coordinator.email, coordinator.name, coordinator.password);
    const invite = async (
      org: string,
      person: { name: string; email: string; password: string },
    ) => {
      const m = await api<{ id: string }>(
        'POST',
        `/networks/${networkId}/organizations/${org}/members`,
        adminToken,
        { email: person.email, name: person.name },
      );
      return { id: m.id, token: await server.accept(person.email, person.name, person.password) };
    };
    const coachPerson = await invite(coachOrg.id, coach);
    await invite(peerOrg.id, peer);
    const second = await invite(coachOrg.id, {
      name: 'Baraka Mwangi',
      email: 'baraka@example.org',
      password: 'a long second password',
    });
    // the pool: Otieno (M & E, proven, in Nairobi), Baraka (finance only)
    for (const [person, body] of [
      [
        coachPerson,
        {
          city: 'Nairobi',
          coachedOnTciModel: true,
          areas: [
            {
              area: 'monitoring-evaluation',
              evidence: 'Set up the county’s monthly data review',
            },
          ],
        },
      ],
      [second, { areas: [{ area: 'finance-management' }] }],
    ] as const) {
      await api('POST', `/networks/${networkId}/coaches`, adminToken, {
        personId: person.id,
        ...body,
      });
      await api('PUT', `/networks/${networkId}/coaches/${person.id}/willingness`, person.token, {
        willing: true,
      });
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pageAs = async (person: { email: string; password: string }, width = 1280) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, person.email, person.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  };

  it('links a coach from the needs assessment, then the coach plans and records a session', async () => {
    const page: Page = await pageAs(coordinator);
    await page.goto(`${server.url}/networks/${networkId}/sisi-kwa-sisi`);
    await page.getByRole('heading', { level: 1, name: 'Sisi Kwa Sisi coaching' }).waitFor();
    await page.getByText('No coaching yet.').waitFor();
    await expectAccessible(page, 'Sisi Kwa Sisi landing');

    await page.getByRole('link', { name: 'Link a coach to a peer (needs assessment)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Link a coach to a peer' }).waitFor();
    await page.getByLabel('Peer', { exact: true }).selectOption({ label: peer.name });
    const area = page.getByRole('group', { name: 'Area 1' });
    await area
      .getByLabel('In which thematic areas does the peer need their skills reinforced?')
      .selectOption({ label: 'M & E' });
    await area.getByLabel('How much does the peer need this area?').selectOption('high');
    await area
      .getByLabel('Which skills in this area should the coaching reinforce?')
      .fill('Monthly register review');
    await page.getByLabel('In which city does the peer work?').fill('Nairobi');
    await expectAccessible(page, 'needs assessment');
    await page.getByRole('button', { name: 'Suggest coaches' }).click();

    const suggestions = page.getByRole('region', { name: 'Suggested coaches' });
    const first = suggestions.getByRole('listitem').first();
    await first.getByRole('heading', { name: coach.name }).waitFor();
    await first.getByText('Competent in M & E, a high-priority need (+30)').waitFor();
    await first.getByText('Works in the same city, Nairobi (+8)').waitFor();
    await suggestions.getByText('Baraka Mwangi is competent in none of the areas needed').waitFor();
    await expectAccessible(page, 'suggested coaches');

    await first.getByRole('button', { name: `Link ${coach.name} as coach` }).click();
    await page.getByRole('heading', { level: 1, name: `Coaching of ${peer.name}` }).waitFor();
    await page.getByText(`Coaching of ${peer.name} by ${coach.name} started.`).waitFor();
    // the coordinator sees where it stands, not its content
    await page.getByText(/You manage this coaching/).waitFor();
    expect(await page.getByRole('heading', { name: 'Coaching plan' }).count()).toBe(0);
    await expectAccessible(page, 'coaching as its coordinator');
    coachingId = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.context().close();

    // the coach writes the plan: Lead was due five days ago and is not done
    const coachPage = await pageAs(coach);
    await coachPage.goto(
      `${server.url}/networks/${networkId}/sisi-kwa-sisi/coachings/${coachingId}`,
    );
    await coachPage.getByRole('heading', { name: 'Coaching plan' }).waitFor();
    await coachPage.getByText('Monthly register review').first().waitFor();
    await coachPage.getByLabel('Start of the period').fill(day(-10));
    await coachPage.getByLabel('End of the period').fill(day(50));
    const skill = coachPage.getByRole('group', { name: 'Skill 1' });
    // the new plan starts from the needs assessment: its skill, in its area
    expect(await skill.getByLabel('Skill to reinforce').inputValue()).toBe(
      'Monthly register review',
    );
    expect(await skill.getByLabel('Thematic area').inputValue()).toBe('monitoring-evaluation');
    expect(await coachPage.getByRole('group', { name: /^Skill \d+$/ }).count()).toBe(1);
    await skill.getByLabel('Thematic area').selectOption({ label: 'M & E' });
    await skill.getByLabel('Skill to reinforce').fill('Monthly register review');
    const progression = skill.getByRole('list', { name: 'Progression of Monthly register review' });
    await progression.getByRole('group', { name: 'Lead' }).getByLabel('Date').fill(day(-5));
    await progression.getByRole('group', { name: 'Assist' }).getByLabel('Date').fill(day(10));
    await progression.getByRole('group', { name: 'Observe' }).getByLabel('Date').fill(day(30));
    await coachPage.getByRole('button', { name: 'Save the plan' }).click();
    await coachPage.getByText('Plan saved.').waitFor();
    await progression
      .getByRole('group', { name: 'Lead' })
      .getByText('Behind: past its date and not done')
      .waitFor();
    await coachPage.getByText('Plan: Behind').first().waitFor();
    await expectAccessible(coachPage, 'coaching plan, behind');

    // Lead done: on track again
    await progression.getByRole('group', { name: 'Lead' }).getByLabel('Done').check();
    await coachPage.getByRole('button', { name: 'Save the plan' }).click();
    await coachPage.getByText('Plan: On track').first().waitFor();

    // one follow-up session, rated, with private notes
    await coachPage.getByLabel('Date of the session').fill(day(-5));
    await coachPage
      .getByRole('group', { name: 'Step' })
      .getByLabel('Lead', { exact: true })
      .check();
    await coachPage
      .getByLabel('Skill', { exact: true })
      .selectOption({ label: 'Monthly register review' });
    await coachPage
      .getByRole('group', { name: 'Quality of the session' })
      .getByLabel(/^4 – Very good/)
      .check();
    await coachPage.getByLabel('Private notes').fill(NOTES);
    await coachPage.getByRole('button', { name: 'Record the session' }).click();
    await coachPage.getByText('Session recorded.').waitFor();
    const sessions = coachPage.getByRole('region', { name: 'Follow-up sessions' });
    await sessions.getByText(NOTES).waitFor();
    await sessions.getByText('Quality 4 of 5 (Very good)').waitFor();
    await coachPage.getByText('1 session held').first().waitFor();
    await expectAccessible(coachPage, 'coaching with a session');

    const status = await api<{
      sessionsHeld: number;
      averageQuality: number;
      plan: { state: string };
    }>('GET', `/networks/${networkId}/coachings/${coachingId}`, adminToken);
    expect(status).toMatchObject({
      sessionsHeld: 1,
      averageQuality: 4,
      plan: { state: 'on-track' },
    });
    expect(JSON.stringify(status)).not.toContain('register check');
    await coachPage.context().close();
  }, 240_000);

  it('fits 360 px: the landing page, the pool, the coaching and the library', async () => {
    const page = await pageAs(peer, 360);
    const base = `${server.url}/networks/${networkId}/sisi-kwa-sisi`;
    await page.goto(base);
    await page.getByRole('link', { name: `${coach.name} coaching ${peer.name}` }).waitFor();
    await expectAccessible(page, 'landing at 360 px');

    await page.goto(`${base}/coaches`);
    await page.getByRole('heading', { name: coach.name }).waitFor();
    await expectAccessible(page, 'pool at 360 px');

    await page.goto(`${base}/coachings/${coachingId}`);
    await page.getByRole('region', { name: 'Follow-up sessions' }).getByText(NOTES).waitFor();
    await expectAccessible(page, 'coaching at 360 px');

    await page.goto(`${base}/best-practices`);
    await page.getByRole('heading', { name: 'Write up a best practice' }).waitFor();
    await page.getByLabel('From the coaching').selectOption({ index: 1 });
    await page.getByLabel('Title').fill('Check the register together, then alone');
    await page.getByLabel('Thematic area').selectOption({ label: 'M & E' });
    await page
      .getByLabel('What was done that worked')
      .fill('Ten entries together, the rest alone.');
    await page.getByRole('button', { name: 'Save the write-up' }).click();
    await page.getByText('Saved as a draft: only you can see it.').waitFor();
    await page.getByText('Draft: only you can see it', { exact: true }).waitFor();
    await expectAccessible(page, 'library with a draft at 360 px');
    // only the author's explicit consent puts it in the library
    await page
      .getByRole('button', {
        name: 'Publish Check the register together, then alone to the library',
      })
      .click();
    await page
      .getByRole('button', {
        name: 'Withdraw Check the register together, then alone from the library',
      })
      .waitFor();
    expect(
      await page.getByRole('heading', { name: 'Check the register together, then alone' }).count(),
    ).toBe(2);
    await expectAccessible(page, 'library at 360 px');
    await page.context().close();

    // the coordinator's forms: the needs assessment and adding a coach
    const coordinatorPage = await pageAs(coordinator, 360);
    await coordinatorPage.goto(`${base}/new`);
    await coordinatorPage.getByRole('button', { name: 'Suggest coaches' }).waitFor();
    await expectAccessible(coordinatorPage, 'needs assessment at 360 px');
    await coordinatorPage.goto(`${base}/coaches`);
    await coordinatorPage.getByRole('button', { name: 'Add to the pool' }).waitFor();
    await expectAccessible(coordinatorPage, 'pool with the add form at 360 px');
    await coordinatorPage.context().close();
  }, 180_000);
});
