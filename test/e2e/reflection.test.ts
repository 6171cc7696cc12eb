import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchChromium, signIn } from '../support/browser.ts';
import { reflectionBody } from '../support/reflection.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Issue "Monitoring and reporting", items 3 and 4, end to end in Chromium. A one-to-one
 * mentorship: the mentor side is its coordinator alone, the mentee side its coordinator and
 * two participating members. A member answers the reflection questionnaire (told their side's
 * results stay hidden until three answered: ADR 0025), the mentee coordinator and the other
 * member answer through the API,
 * the mentor coordinator is told their answer will be known as theirs, answers, and sees the
 * comparison. Then both coordinators sign their evaluation forms and see them side by side.
 * Pages are checked by axe at 1280 px and at 360 px.
 */
describe('the reflection questionnaire and the evaluation forms in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let networkId: string;
  let mentorshipId: string;
  let menteeOrgId: string;
  let menteeToken: string;
  let secondMemberToken: string;
  const people = {
    mentor: {
      email: 'coord.gh@example.org',
      name: 'Ama Mensah',
      password: 'a long mentor password',
    },
    mentee: {
      email: 'coord.ng@example.org',
      name: 'Chidi Okafor',
      password: 'a long mentee password',
    },
    member: {
      email: 'member.ng@example.org',
      name: 'Ngozi Eze',
      password: 'a long member password',
    },
    secondMember: {
      email: 'member2.ng@example.org',
      name: 'Bayo Adeyemi',
      password: 'a long second member password',
    },
  };

  const api = <T>(method: string, path: string, token: string | undefined, body?: unknown) =>
    server.api<T>(method, path, token, body);
  const mentorshipUrl = () => `${server.url}/networks/${networkId}/mentorships/${mentorshipId}`;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    const network = await api<{ id: string }>('POST', '/networks', await server.operatorToken(), {
      name: 'West Africa KP Network',
      region: 'West Africa',
      adminEmail: 'admin.wakp@example.org',
      adminName: 'Kwame Asante',
    });
    networkId = network.id;
    const adminToken = await server.accept(
      'admin.wakp@example.org',
      'Kwame Asante',
      'a long admin password',
    );
    const orgIds: string[] = [];
    for (const [name, country, who] of [
      ['Accra Peer Alliance', 'GH', people.mentor],
      ['Lagos Harm Reduction Collective', 'NG', people.mentee],
    ] as const) {
      const org = await api<{ id: string }>(
        'POST',
        `/networks/${networkId}/organizations`,
        adminToken,
        {
          name,
          country,
          keyPopulations: ['msm'],
          kpLed: true,
          coordinatorEmail: who.email,
          coordinatorName: who.name,
        },
      );
      orgIds.push(org.id);
    }
    await server.accept(people.mentor.email, people.mentor.name, people.mentor.password);
    menteeToken = await server.accept(
      people.mentee.email,
      people.mentee.name,
      people.mentee.password,
    );
    menteeOrgId = orgIds[1]!;
    const member = await api<{ id: string }>(
      'POST',
      `/networks/${networkId}/organizations/${menteeOrgId}/members`,
      adminToken,
      { email: people.member.email, name: people.member.name },
    );
    await server.accept(people.member.email, people.member.name, people.member.password);
    const secondMember = await api<{ id: string }>(
      'POST',
      `/networks/${networkId}/organizations/${menteeOrgId}/members`,
      adminToken,
      { email: people.secondMember.email, name: people.secondMember.name },
    );
    secondMemberToken = await server.accept(
      people.secondMember.email,
      people.secondMember.name,
      people.secondMember.password,
    );
    const mentorship = await api<{ id: string }>(
      'POST',
      `/networks/${networkId}/mentorships`,
      adminToken,
      {
        mentorOrganizationId: orgIds[0],
        menteeOrganizationIds: [menteeOrgId],
        startDate: server.local.clock.now().toISOString().slice(0, 10),
        durationMonths: 12,
      },
    );
    mentorshipId = mentorship.id;
    await api(
      'PUT',
      `/networks/${networkId}/mentorships/${mentorshipId}/participants`,
      adminToken,
      {
        personIds: [member.id, secondMember.id],
      },
    );
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (who: keyof typeof people, width: number, path: string): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, people[who].email, people[who].password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.goto(`${mentorshipUrl()}${path}`);
    return page;
  };

  /** Checks the `index`-th option of every question of the questionnaire. */
  const answerAll = async (page: Page, pick: (options: number) => number) => {
    const groups = page.locator('form#reflection fieldset');
    const count = await groups.count();
    expect(count).toBe(42);
    for (let i = 0; i < count; i++) {
      const radios = groups.nth(i).getByRole('radio');
      await radios.nth(pick(await radios.count())).check();
    }
  };

  it('the member answers, told how anonymous the answer is', async () => {
    const narrow = await open('member', 360, '/reflection');
    await narrow.getByRole('region', { name: 'How anonymous your answer is' }).waitFor();
    await expectAccessible(narrow, 'reflection questionnaire at 360 px');
    await narrow.context().close();

    const page = await open('member', 1280, '');
    // the mentorship page links the questionnaire from its review schedule
    await page
      .getByRole('region', { name: 'Review schedule' })
      .getByRole('link', { name: 'Reflection questionnaire (mid-term)' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Reflection questionnaire' }).waitFor();
    const notice = page.getByRole('region', { name: 'How anonymous your answer is' });
    await notice.getByText('People on it who can answer: 3. Answered so far: 0.').waitFor();
    await notice
      .getByText(/results stay hidden until at least 3 people on it have answered/)
      .waitFor();
    await expectAccessible(page, 'reflection questionnaire');

    // every question must be answered, as the paper asks
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary
      .getByText(/EXTREMELY WELL|is required/)
      .first()
      .waitFor();
    await expectAccessible(page, 'reflection questionnaire with errors');

    await answerAll(page, () => 0);
    await page.getByLabel('COMMENTS ON SYNERGY').fill('New ways to reach clients');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Thank you: your answers are in.').waitFor();
    const sides = page.getByRole('region', { name: 'Results by side' });
    await sides.getByText('1 of 3 people answered.').waitFor();
    await sides.getByText(/one person’s answers could be worked out from the results/).waitFor();
    await expectAccessible(page, 'reflection results, mentee side withheld');
    await page.context().close();
  }, 120_000);

  it('the mentor answers alone on their side, and the comparison marks each item', async () => {
    // the mentee side's second and third answers
    await api(
      'POST',
      `/networks/${networkId}/mentorships/${mentorshipId}/reflection/answers`,
      menteeToken,
      reflectionBody(0, {}, { synergy: 'Stronger referrals' }),
    );
    await api(
      'POST',
      `/networks/${networkId}/mentorships/${mentorshipId}/reflection/answers`,
      secondMemberToken,
      reflectionBody(0),
    );
    const page = await open('mentor', 1280, '/reflection');
    const notice = page.getByRole('region', { name: 'How anonymous your answer is' });
    await notice.getByText(/You are the only person on the Mentor side who can answer/).waitFor();
    // the strongest answer on synergy a, the weakest elsewhere
    await answerAll(page, (n) => n - 1);
    await page
      .getByRole('group', { name: /identify new and creative ways to solve problems/ })
      .getByLabel('EXTREMELY WELL')
      .check();
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Thank you: your answers are in.').waitFor();

    const comparison = page.getByRole('region', { name: 'Where the two sides agree and disagree' });
    await comparison.getByText('Both strong: both averages are 4 or more.').waitFor();
    const item = (text: RegExp) => comparison.getByRole('listitem').filter({ hasText: text });
    // synergy a: 5 and 5: both strong
    await item(/identify new and creative ways/)
      .getByText('Both strong')
      .waitFor();
    expect(await item(/identify new and creative ways/).textContent()).toContain(
      'Mentor side: 5 · Mentee side: 5',
    );
    // synergy b: 1 against 5: they disagree
    await item(/respond to the needs and problems/)
      .getByText('Disagree')
      .waitFor();
    // the comments of both sides, without names
    await comparison.getByText('New ways to reach clients').waitFor();
    await comparison.getByText('Stronger referrals').waitFor();
    await expectAccessible(page, 'reflection comparison');

    // the blank paper questionnaire, to print
    await page.getByRole('link', { name: 'Blank questionnaire, to print' }).click();
    await page
      .getByRole('heading', { name: 'Annex 6: Mentorship Reflection Questionnaire' })
      .waitFor();
    await page.getByText('COMMENTS ON DRAWBACKS OF PARTICIPATION').waitFor();
    await expectAccessible(page, 'blank reflection questionnaire');
    await page.context().close();

    // both sides answered: the mid-term review is submitted
    const reviews = await api<{ items: { kind: string; state: string }[] }>(
      'GET',
      `/networks/${networkId}/mentorships/${mentorshipId}/reviews`,
      menteeToken,
    );
    expect(reviews.items.find((r) => r.kind === 'mid-term')?.state).toBe('submitted');
  }, 120_000);

  it('each side signs its evaluation form and both are shown side by side', async () => {
    const narrow = await open('mentee', 360, '/evaluation');
    await narrow
      .getByRole('heading', { name: 'The form of Lagos Harm Reduction Collective' })
      .waitFor();
    await expectAccessible(narrow, 'evaluation form at 360 px');
    await narrow.context().close();

    const page = await open('mentor', 1280, '/evaluation');
    await page.getByRole('heading', { name: 'The form of Accra Peer Alliance' }).waitFor();
    await expectAccessible(page, 'evaluation form');
    await page
      .getByRole('group', { name: /4\. What were the technical areas/ })
      .getByLabel('Advocacy', { exact: true })
      .check();
    await page
      .getByRole('group', { name: /5\. What were the main activities/ })
      .getByLabel('TELEMENTORING')
      .check();
    await page
      .getByLabel(
        '6. What was the original understanding about the intended outcome to be achieved?',
      )
      .fill('A costed advocacy plan');
    await page
      .getByRole('group', { name: '8. Was the intended outcome achieved?' })
      .getByLabel('Yes')
      .check();
    for (const row of ['Support', 'Empowerment', 'Services', 'Constructive Use of Time']) {
      await page
        .getByRole('group', { name: new RegExp(`^${row}:`) })
        .getByLabel('TRUE')
        .check();
    }
    await page
      .getByLabel('9. On average, how many hours per month did you spend with your mentor/mentee?')
      .fill('6.5');
    const signature = page.getByRole('group', { name: "Mentor's Signature" });
    await signature.getByLabel('Name').fill(people.mentor.name);
    await signature.getByLabel('Date').fill('2026-01-14');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('This form is signed and can no longer change.').waitFor();

    // the mentee's coordinator signs theirs through the API
    await api(
      'PUT',
      `/networks/${networkId}/mentorships/${mentorshipId}/evaluations/${menteeOrgId}`,
      menteeToken,
      {
        technicalAreas: ['advocacy'],
        activities: ['telementoring'],
        intendedOutcome: 'An advocacy plan we can fund',
        outcomeAchieved: 'no',
        hoursPerMonth: 4,
        results: {
          support: 'true',
          empowerment: 'false',
          services: 'did-not-need-changing',
          'constructive-use-of-time': 'dont-know',
        },
        signature: { name: people.mentee.name, date: '2026-01-15' },
      },
    );
    await page.reload();
    const sideBySide = page.getByRole('region', { name: 'The forms side by side' });
    const hours = sideBySide
      .getByRole('listitem')
      .filter({ hasText: '9. On average, how many hours per month' });
    await hours.getByText('6.5 hours').waitFor();
    await hours.getByText('4 hours').waitFor();
    const achieved = sideBySide
      .getByRole('listitem')
      .filter({ hasText: '8. Was the intended outcome achieved?' });
    expect(await achieved.getByRole('definition').allTextContents()).toEqual(['Yes', 'No']);
    await expectAccessible(page, 'evaluations side by side');

    // the mentee's signed form, as on paper
    await page.getByRole('link', { name: 'Print: Lagos Harm Reduction Collective' }).click();
    await page.getByRole('table').waitFor();
    await page.getByText(`Mentee's Signature: ${people.mentee.name}`).waitFor();
    await expectAccessible(page, 'evaluation form as on paper');
    await page.context().close();
  }, 120_000);

  it('fits 360 px: the comparison, the evaluation forms and the blank form', async () => {
    const page = await open('member', 360, '/reflection');
    await page.getByRole('region', { name: 'Where the two sides agree and disagree' }).waitFor();
    await expectAccessible(page, 'reflection results at 360 px');
    await page.goto(`${mentorshipUrl()}/evaluation`);
    await page.getByRole('region', { name: 'The forms side by side' }).waitFor();
    await expectAccessible(page, 'evaluations at 360 px');
    await page.goto(`${mentorshipUrl()}/evaluation?view=blank`);
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'blank evaluation form at 360 px');
    await page.context().close();
  }, 120_000);
});
