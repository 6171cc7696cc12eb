import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { createMentorship, type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

let api: TestApi;
let w: MentorshipWorld;

interface Evaluation {
  mentorshipId: string;
  organizationId: string;
  role: 'mentor' | 'mentee';
  version: number;
  content: Record<string, unknown>;
  updatedAt: string;
  updatedBy: string;
  signedAt?: string;
}
interface EvaluationList {
  items: {
    organizationId: string;
    role: 'mentor' | 'mentee';
    status: 'not-started' | 'draft' | 'signed';
    evaluation?: Evaluation;
  }[];
}

const items = () => api.countItems([w.networkId, w.otherNetworkId]);
const listPath = (mentorshipId: string, networkId = w.networkId) =>
  `${mentorshipPath(networkId, mentorshipId)}/evaluations`;
const onePath = (mentorshipId: string, organizationId: string, networkId = w.networkId) =>
  `${listPath(mentorshipId, networkId)}/${organizationId}`;
const put = (mentorshipId: string, organizationId: string, token: string, body: unknown) =>
  api.call('PUT', onePath(mentorshipId, organizationId), { token, body });
const list = async (mentorshipId: string, token: string) =>
  expectJson<EvaluationList>(await api.call('GET', listPath(mentorshipId), { token }), 200);

/** Every answer of the form, as one organization might give them. */
const draft = {
  mentors: 'Ama Mensah, Kofi Boateng',
  mentees: 'Wanjiru Kamau',
  matchedFor: '12 months',
  technicalAreas: ['advocacy', 'other'],
  otherTechnicalArea: 'Digital security',
  activities: ['telementoring', 'exchange-visit'],
  intendedOutcome: 'A costed advocacy plan',
  outcomeChanged: 'yes',
  outcomeChangedHow: 'Budget advocacy was added',
  outcomeAchieved: 'yes',
  outcomeAchievedDetails: 'Adopted by the board in March',
  hoursPerMonth: 6.5,
  costToDate: { amount: 2400, currency: 'USD' },
  doingDifferently: 'Monthly budget reviews',
  otherComments: 'Thank you',
  results: {
    support: 'true',
    empowerment: 'false',
    services: 'did-not-need-changing',
    'constructive-use-of-time': 'dont-know',
    'other-achievements': 'true',
  },
  otherAchievements: 'A new donor',
  menteeBenefits: 'Planning skills',
  mentorGains: 'A fresh view of our own work',
  attitudeChanges: 'More patience',
  easy: 'Shared values',
  hard: 'Distance',
};
const signature = (name: string) => ({ name, date: '2026-01-14' });

/** A new mentorship of the world, with the mentee's member taking part. */
async function fresh(): Promise<Mentorship> {
  const m = await createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: w.mentor.id,
    menteeOrganizationIds: [w.mentee.id],
  });
  return expectJson<Mentorship>(
    await api.call('PUT', `${mentorshipPath(w.networkId, m.id)}/participants`, {
      token: w.tokens.admin,
      body: { personIds: [w.participantId] },
    }),
    200,
  );
}

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Evaluation');
});
afterAll(() => api.close());

describe('the evaluation forms of a mentorship', () => {
  it('lists one per organization, mentor first, none started', async () => {
    const m = await fresh();
    expect(await list(m.id, w.tokens.participant)).toEqual({
      items: [
        { organizationId: w.mentor.id, role: 'mentor', status: 'not-started' },
        { organizationId: w.mentee.id, role: 'mentee', status: 'not-started' },
      ],
    });
    // none saved yet: an empty form (null), for everyone who sees the mentorship
    for (const token of [w.tokens.admin, w.tokens.mentorCoordinator, w.tokens.participant]) {
      expect(
        await expectJson<null>(await api.call('GET', onePath(m.id, w.mentor.id), { token }), 200),
      ).toBeNull();
    }
    // an organization outside the mentorship, or a caller who does not see it: 404
    await expectProblem(
      await api.call('GET', onePath(m.id, w.outsider.id), { token: w.tokens.admin }),
      404,
    );
    await expectProblem(
      await api.call('GET', onePath(m.id, w.mentor.id), { token: w.tokens.outsiderCoordinator }),
      404,
    );
  });

  it("saves the coordinator's draft with every field, versioned; the other side does not read it", async () => {
    const m = await fresh();
    const saved = await expectJson<Evaluation>(
      await put(m.id, w.mentor.id, w.tokens.mentorCoordinator, draft),
      200,
    );
    expect(saved).toEqual({
      mentorshipId: m.id,
      organizationId: w.mentor.id,
      role: 'mentor',
      version: 1,
      content: draft,
      updatedAt: expect.any(String),
      updatedBy: w.mentor.coordinatorId,
    });
    for (const token of [w.tokens.mentorCoordinator, w.tokens.admin]) {
      expect(
        await expectJson(await api.call('GET', onePath(m.id, w.mentor.id), { token }), 200),
      ).toEqual(saved);
    }
    // a draft is its organization's own until signed: the others read no form (null)
    for (const token of [w.tokens.menteeCoordinator, w.tokens.participant]) {
      expect(
        await expectJson<null>(await api.call('GET', onePath(m.id, w.mentor.id), { token }), 200),
      ).toBeNull();
      const seen = await list(m.id, token);
      expect(seen.items[0]).toEqual({
        organizationId: w.mentor.id,
        role: 'mentor',
        status: 'draft',
      });
    }
    expect((await list(m.id, w.tokens.admin)).items[0]?.evaluation).toEqual(saved);

    // a second save names the version it read; a stale one is refused
    const second = await expectJson<Evaluation>(
      await put(m.id, w.mentor.id, w.tokens.admin, { ...draft, hoursPerMonth: 8, version: 1 }),
      200,
    );
    expect(second).toMatchObject({ version: 2, content: { hoursPerMonth: 8 } });
    const before = await items();
    await expectProblem(
      await put(m.id, w.mentor.id, w.tokens.mentorCoordinator, { ...draft, version: 1 }),
      409,
      'version',
    );
    await expectProblem(
      await put(m.id, w.mentor.id, w.tokens.mentorCoordinator, { mentors: 'First?' }),
      409,
      'version',
    );
    expect(await items()).toBe(before);
    expect(
      await expectJson(
        await api.call('GET', onePath(m.id, w.mentor.id), { token: w.tokens.admin }),
        200,
      ),
    ).toEqual(second);
  });

  it('shows both sides side by side once signed, then keeps them as signed (422)', async () => {
    const m = await fresh();
    // signing needs the answers the comparison rests on
    const before = await items();
    const problem = await expectProblem(
      await put(m.id, w.mentee.id, w.tokens.menteeCoordinator, {
        mentees: 'Wanjiru Kamau',
        signature: signature('Wanjiru Kamau'),
      }),
      400,
    );
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(
      [
        'activities',
        'intendedOutcome',
        'outcomeAchieved',
        'results.constructive-use-of-time',
        'results.empowerment',
        'results.services',
        'results.support',
        'technicalAreas',
      ].sort(),
    );
    expect(await items()).toBe(before);

    const mentor = await expectJson<Evaluation>(
      await put(m.id, w.mentor.id, w.tokens.mentorCoordinator, {
        ...draft,
        signature: signature('Ama Mensah'),
      }),
      200,
    );
    expect(mentor.signedAt).toEqual(expect.any(String));
    const mentee = await expectJson<Evaluation>(
      await put(m.id, w.mentee.id, w.tokens.menteeCoordinator, {
        ...draft,
        hoursPerMonth: 4,
        results: { ...draft.results, support: 'false' },
        signature: signature('Wanjiru Kamau'),
      }),
      200,
    );
    // everyone who sees the mentorship reads both
    for (const token of [w.tokens.participant, w.tokens.menteeCoordinator, w.tokens.admin]) {
      expect(await list(m.id, token)).toEqual({
        items: [
          { organizationId: w.mentor.id, role: 'mentor', status: 'signed', evaluation: mentor },
          { organizationId: w.mentee.id, role: 'mentee', status: 'signed', evaluation: mentee },
        ],
      });
    }
    expect(
      await expectJson(
        await api.call('GET', onePath(m.id, w.mentor.id), { token: w.tokens.participant }),
        200,
      ),
    ).toEqual(mentor);

    // signed is final, even for an admin with the right version
    const after = await items();
    const refused = await expectProblem(
      await put(m.id, w.mentor.id, w.tokens.admin, { ...draft, version: mentor.version }),
      422,
    );
    expect(refused).toMatchObject({ rule: 'evaluation-signed' });
    expect(await items()).toBe(after);

    // every organization signed: the end review is submitted
    const reviews = await expectJson<{ items: { kind: string; state: string }[] }>(
      await api.call('GET', `${mentorshipPath(w.networkId, m.id)}/reviews`, {
        token: w.tokens.admin,
      }),
      200,
    );
    expect(reviews.items.find((r) => r.kind === 'end')?.state).toBe('submitted');
    expect(reviews.items.find((r) => r.kind === 'mid-term')?.state).not.toBe('submitted');
  });

  it('exports the forms as CSV: signed ones for everyone, a draft for who may edit it', async () => {
    const m = await fresh();
    await expectJson(
      await put(m.id, w.mentor.id, w.tokens.mentorCoordinator, {
        ...draft,
        signature: signature('Ama Mensah'),
      }),
      200,
    );
    await expectJson(
      await put(m.id, w.mentee.id, w.tokens.menteeCoordinator, { ...draft, hard: 'Draft secret' }),
      200,
    );
    const csvFor = async (token: string) => {
      const res = await api.call(
        'GET',
        `${mentorshipPath(w.networkId, m.id)}/exports/evaluations`,
        {
          token,
        },
      );
      expect(res.status).toBe(200);
      return (await res.text()).replace(/^\uFEFF/, '');
    };
    const mine = await csvFor(w.tokens.menteeCoordinator);
    expect(mine.trimEnd().split('\r\n')).toHaveLength(3);
    expect(mine).toContain('Draft secret');
    const theirs = await csvFor(w.tokens.participant);
    expect(theirs.trimEnd().split('\r\n')).toHaveLength(2);
    expect(theirs).not.toContain('Draft secret');
    // the header row is the columns' stable ids (ADR 0038)
    expect(theirs.split('\r\n')[0]).toMatch(
      /^organization,side,side_label,status,status_label,mentors,/,
    );
    expect(theirs).toContain('Ama Mensah');
  });

  it('keeps the end review unsubmitted while one organization has not signed', async () => {
    const m = await fresh();
    await expectJson(
      await put(m.id, w.mentor.id, w.tokens.mentorCoordinator, {
        ...draft,
        signature: signature('Ama Mensah'),
      }),
      200,
    );
    await expectJson(await put(m.id, w.mentee.id, w.tokens.menteeCoordinator, draft), 200);
    const reviews = await expectJson<{ items: { kind: string; state: string }[] }>(
      await api.call('GET', `${mentorshipPath(w.networkId, m.id)}/reviews`, {
        token: w.tokens.admin,
      }),
      200,
    );
    expect(reviews.items.find((r) => r.kind === 'end')?.state).not.toBe('submitted');
  });
});

describe('who may write an evaluation', () => {
  const forbidden: [string, keyof MentorshipWorld['tokens']][] = [
    ["the mentee's coordinator, on the mentor's form", 'menteeCoordinator'],
    ['a participating member', 'participant'],
  ];
  for (const [who, caller] of forbidden) {
    it(`answers 403 to ${who}; nothing written`, async () => {
      const before = await items();
      await expectProblem(await put(w.mentorship.id, w.mentor.id, w.tokens[caller], draft), 403);
      expect(await items()).toBe(before);
    });
  }

  it("lets a network admin fill an organization's form", async () => {
    const m = await fresh();
    const saved = await expectJson<Evaluation>(
      await put(m.id, w.mentee.id, w.tokens.admin, { mentees: 'Wanjiru Kamau' }),
      200,
    );
    expect(saved).toMatchObject({ role: 'mentee', version: 1, updatedBy: expect.any(String) });
  });

  for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
    it(`answers 404 to the ${caller}, who does not see the mentorship; nothing written`, async () => {
      const before = await items();
      await expectProblem(await put(w.mentorship.id, w.mentor.id, w.tokens[caller], draft), 404);
      await expectProblem(
        await api.call('GET', listPath(w.mentorship.id), { token: w.tokens[caller] }),
        404,
      );
      expect(await items()).toBe(before);
    });
  }

  it('answers 404 for an organization outside the mentorship, and under another network', async () => {
    const before = await items();
    await expectProblem(await put(w.mentorship.id, w.outsider.id, w.tokens.admin, draft), 404);
    await expectProblem(
      await api.call('GET', onePath(w.mentorship.id, w.outsider.id), { token: w.tokens.admin }),
      404,
    );
    await expectProblem(
      await api.call('PUT', onePath(w.mentorship.id, w.mentor.id, w.otherNetworkId), {
        token: w.tokens.admin,
        body: draft,
      }),
      404,
    );
    await expectProblem(
      await api.call('PUT', onePath(w.mentorship.id, w.mentor.id, w.otherNetworkId), {
        token: w.tokens.otherAdmin,
        body: draft,
      }),
      404,
    );
    expect(await items()).toBe(before);
  });
});

describe('bad input', () => {
  const invalid: [string, Record<string, unknown>, string][] = [
    ['hours that are negative', { hoursPerMonth: -2 }, 'hoursPerMonth'],
    ['hours that are not a number', { hoursPerMonth: 'six' }, 'hoursPerMonth'],
    [
      'a currency that is not a code',
      { costToDate: { amount: 5, currency: 'dollars' } },
      'costToDate.currency',
    ],
    ['a cost without its amount', { costToDate: { currency: 'USD' } }, 'costToDate.amount'],
    ['an activity not on the form', { activities: ['coaching'] }, 'activities.0'],
    ['an area not on the form', { technicalAreas: ['program-management'] }, 'technicalAreas.0'],
    ['"other" without its text', { technicalAreas: ['other'] }, 'otherTechnicalArea'],
    ['a results row not on the form', { results: { happiness: 'true' } }, 'results.happiness'],
    ['a results answer not on the form', { results: { support: 'maybe' } }, 'results.support'],
    ['a yes/no that is neither', { outcomeChanged: 'perhaps' }, 'outcomeChanged'],
    ['a signature without its date', { signature: { name: 'Ama' } }, 'signature.date'],
    ['a version that is not a number', { version: 'one' }, 'version'],
    ['an unknown field', { rating: 5 }, 'rating'],
  ];
  for (const [what, body, field] of invalid) {
    it(`answers 400 naming ${field} for ${what}; nothing written`, async () => {
      const before = await items();
      await expectProblem(
        await put(w.mentorship.id, w.mentor.id, w.tokens.mentorCoordinator, body),
        400,
        field,
      );
      expect(await items()).toBe(before);
    });
  }
});
