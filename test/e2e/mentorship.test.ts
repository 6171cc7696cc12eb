import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn } from '../support/browser.ts';
import { seedNetwork } from '../support/e2e-network.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue "Mentorships", end to end in Chromium: a network admin starts a mentorship, runs
 * the approach decision matrix, saves the chosen approach to the plan (whose who and when
 * come filled from the mentorship) and fills the plan's first learning objective and
 * milestone; then the mentor's coordinator opens each of its forms. Every page is checked
 * by axe, and no request fails: a form not filled yet is an empty state, not a 404.
 */
describe('a mentorship in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let networkId: string;
  let organizationIds: string[];
  let mentorshipId: string;
  let admin: { email: string; password: string; token: string };
  const coordinator = { email: 'coord.pe@example.org', password: 'a long coordinator password' };
  /** Every answer of 400 or more seen by the browser, as `status method path`. */
  const failed: string[] = [];
  const watch = (c: BrowserContext) =>
    c.on('response', (res) => {
      if (res.status() >= 400) {
        failed.push(`${res.status()} ${res.request().method()} ${new URL(res.url()).pathname}`);
      }
    });

  const api = <T>(method: string, path: string, token: string, body?: unknown) =>
    server.api<T>(method, path, token, body);

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    // the network and its organizations come through the API: the onboarding test covers their screens
    ({ networkId, admin, organizationIds } = await seedNetwork(server, {
      name: 'Latin America KP Network',
      region: 'Latin America',
      admin: { email: 'admin.lakp@example.org', name: 'Lucía Pérez' },
      organizations: [
        ['Colectivo Trans Andino', 'PE'],
        ['Red de Trabajadoras Sexuales del Sur', 'CL'],
      ],
      keyPopulations: ['transgender'],
    }));
    await server.accept(coordinator.email, 'Coordinator PE', coordinator.password);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    watch(context);
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('starts a mentorship, runs the matrix and fills the plan', async () => {
    const page = await context.newPage();
    await signIn(page, server.url, admin.email, admin.password);
    await page.getByRole('link', { name: 'Mentorships' }).click();
    await page.getByRole('link', { name: 'Start a mentorship' }).waitFor();
    await expectAccessible(page, 'mentorships (empty)');

    await page.getByRole('link', { name: 'Start a mentorship' }).click();
    await page.getByLabel('Mentor organization').selectOption({ label: 'Colectivo Trans Andino' });
    await page
      .getByRole('group', { name: 'Mentee organizations' })
      .getByLabel('Red de Trabajadoras Sexuales del Sur')
      .check();
    await page.getByLabel('Start date').fill('2026-01-31');
    await page.getByLabel('Duration in months').fill('12');
    // the schedule shows before anything is saved: Jan 31 + 3 months is Apr 30
    await expect
      .poll(() =>
        page
          .getByText(/30 April 2026|April 30, 2026|2026-04-30/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(page, 'new mentorship');
    await page.getByRole('button', { name: 'Start mentorship' }).click();

    await page.getByText('Mentorship started', { exact: false }).first().waitFor();
    await expectAccessible(page, 'mentorship page');
    mentorshipId = new URL(page.url()).pathname.split('/').at(-1)!;

    // the decision matrix, one question at a time
    await page.getByRole('link', { name: 'Choose approaches' }).click();
    const answers = ['One organization', 'Multiple areas', 'No', 'Yes', 'Long term', 'No'];
    for (const [i, answer] of answers.entries()) {
      await page.getByRole('heading', { name: `Question ${i + 1} of 6` }).waitFor();
      if (i === 0) await expectAccessible(page, 'decision matrix');
      await page.getByLabel(answer, { exact: true }).check();
      await page.getByRole('button', { name: i === 5 ? 'See the ranking' : 'Next' }).click();
    }
    await page.getByRole('heading', { name: 'Ranking of the approaches' }).waitFor();
    await expectAccessible(page, 'ranking');
    // on-site mentoring is marked for every one of these six answers
    const ranking = await api<{ ranking: { approach: string; score: number }[] }>(
      'POST',
      '/decision-matrix',
      admin.token,
      {
        answers: {
          organizations: 'one',
          areas: 'multiple',
          experience: 'no',
          travelBudget: 'yes',
          term: 'long',
          internet: 'no',
        },
      },
    );
    expect(ranking.ranking[0]).toMatchObject({ approach: 'on-site', score: 6 });
    await expect.poll(() => page.getByText('Score: 6 of 6').first().isVisible()).toBe(true);

    await page
      .getByRole('group', { name: 'Approaches to use' })
      .getByLabel('On-site mentoring')
      .check();
    await page
      .getByLabel('Why was this type of mentoring selected?')
      .fill('Several areas to build, a long term, and little bandwidth.');
    await page.getByRole('button', { name: 'Save to the plan' }).click();
    await page.getByText('Saved to the mentoring plan.').waitFor();

    // the plan: who and when come from the mentorship (the matrix saved only the approach)
    await page.getByRole('link', { name: 'Open the mentoring plan' }).click();
    const mentor1 = page.getByRole('group', { name: 'Mentor 1' });
    await expect
      .poll(() => mentor1.getByLabel('Name', { exact: true }).inputValue())
      .toBe('Coordinator PE');
    expect(
      await page
        .getByRole('group', { name: 'Mentee 1' })
        .getByLabel('Name', { exact: true })
        .inputValue(),
    ).toBe('Coordinator CL');
    expect(await page.getByLabel('Start dates of the relationship').inputValue()).toBe(
      '2026-01-31',
    );
    // a learning objective with NOW and FUTURE, and a milestone
    await page.getByRole('button', { name: 'Add a learning objective' }).click();
    const objective = page.getByRole('group', { name: 'Learning objective 1' });
    await objective
      .getByLabel('Learning Objective', { exact: true })
      .fill('Keep books a donor audit accepts');
    await objective
      .getByRole('group', { name: 'Now' })
      .getByLabel('Description of Capacity')
      .fill('Receipts in a shoebox');
    await objective
      .getByRole('group', { name: 'Future' })
      .getByLabel('Description of Capacity')
      .fill('Monthly reconciled accounts');
    await page.getByRole('button', { name: 'Add a milestone' }).click();
    const milestone = page.getByRole('group', { name: 'Milestone 1' });
    await milestone.getByLabel('Description', { exact: true }).fill('First reconciled month');
    await milestone.getByLabel('Due date').fill('2026-04-30');
    await expectAccessible(page, 'mentoring plan');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Mentoring plan saved.').waitFor();

    const plan = await api<{ version: number; content: Record<string, unknown> }>(
      'GET',
      `/networks/${networkId}/mentorships/${mentorshipId}/plan`,
      admin.token,
    );
    expect(plan.version).toBe(2);
    expect(plan.content.formats).toEqual(['on-site']);
    expect(plan.content).toMatchObject({
      mentors: [{ name: 'Coordinator PE', organizationId: organizationIds[0] }],
      mentees: [{ name: 'Coordinator CL', organizationId: organizationIds[1] }],
      startDate: '2026-01-31',
      anticipatedDurationMonths: 12,
      type: 'one-to-one',
    });
    expect(plan.content.learningObjectives).toMatchObject([
      {
        objective: 'Keep books a donor audit accepts',
        now: { capacity: 'Receipts in a shoebox' },
        future: { capacity: 'Monthly reconciled accounts' },
      },
    ]);
    expect(plan.content.milestones).toMatchObject([
      { description: 'First reconciled month', dueDate: '2026-04-30', status: 'planned' },
    ]);
    // the chosen approach now filters the list
    const listed = await api<{ items: { id: string }[] }>(
      'GET',
      `/networks/${networkId}/mentorships?approach=on-site`,
      admin.token,
    );
    expect(listed.items.map((m) => m.id)).toEqual([mentorshipId]);

    // and the mentorship page at 360 px
    const narrow = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const small = await narrow.newPage();
    await signIn(small, server.url, admin.email, admin.password);
    await small.getByRole('link', { name: 'Mentorships' }).click();
    await small.goto(`${server.url}/networks/${networkId}/mentorships/${mentorshipId}`);
    await small.getByRole('link', { name: 'Mentoring plan' }).waitFor();
    await expectAccessible(small, 'mentorship page at 360 px');
    await small.getByRole('link', { name: 'Mentoring plan' }).click();
    await small.getByRole('button', { name: 'Save', exact: true }).waitFor();
    await expectAccessible(small, 'mentoring plan at 360 px');
    await narrow.close();
    expect(failed, 'failed requests in the walk-through').toEqual([]);
  }, 180_000);

  it("opens each of the mentorship's forms for the mentor's coordinator, no request failing", async () => {
    expect(mentorshipId, 'the mentorship of the test above').toBeTruthy();
    const own = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    watch(own);
    failed.length = 0;
    const page = await own.newPage();
    await signIn(page, server.url, coordinator.email, coordinator.password);
    await page.getByRole('link', { name: 'Mentorships' }).first().waitFor();
    const base = `${server.url}/networks/${networkId}/mentorships/${mentorshipId}`;
    for (const path of [
      '',
      '/orientation',
      '/plan',
      '/gatherings',
      '/progress',
      '/reflection',
      '/evaluation',
    ]) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
    }
    // the quarterly report: the mentees' names come from the mentorship (the plan's mentees)
    await page.goto(`${base}/quarterly-reports/new?period=1`);
    await page.getByRole('heading', { level: 1, name: /Quarterly report/ }).waitFor();
    await expect
      .poll(() => page.getByLabel('Mentee 1', { exact: true }).inputValue())
      .toBe('Coordinator CL');
    await expectAccessible(page, 'the quarterly report, prefilled');
    await own.close();
    expect(failed, 'failed requests while opening the forms').toEqual([]);
  }, 120_000);

  // Last: it moves the server's virtual clock on for good.
  it('takes the server’s date for today: a moved clock’s demo keeps its own defaults', async () => {
    await api('POST', '/dev/clock', await server.operatorToken(), { advanceDays: 40 });
    const me = await api<{ now: string }>('GET', '/me', admin.token);
    const serverToday = me.now.slice(0, 10);
    expect(serverToday).not.toBe(new Date().toISOString().slice(0, 10));
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await fresh.newPage();
    await signIn(page, server.url, admin.email, admin.password);
    await page.getByRole('link', { name: 'Mentorships' }).click();
    await page.getByRole('link', { name: 'Start a mentorship' }).click();
    await expect.poll(() => page.getByLabel('Start date').inputValue()).toBe(serverToday);
    await fresh.close();
  }, 60_000);
});
