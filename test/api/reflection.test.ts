import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { networkTableName } from '@sisi/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { testDynamo } from '../support/dynamo.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { createMentorship, type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import {
  REFLECTION_ITEMS,
  type ReflectionResults,
  reflectionBody,
  reflectionPath,
} from '../support/reflection.ts';

let api: TestApi;
let w: MentorshipWorld;

const items = () => api.countItems([w.networkId, w.otherNetworkId]);
const answer = (mentorshipId: string, token: string, body: unknown, networkId = w.networkId) =>
  api.call('POST', `${reflectionPath(networkId, mentorshipId)}/answers`, { token, body });
const results = async (mentorshipId: string, token: string) =>
  expectJson<ReflectionResults>(
    await api.call('GET', reflectionPath(w.networkId, mentorshipId), { token }),
    200,
  );
const sideOf = (r: ReflectionResults, side: 'mentor' | 'mentee') =>
  r.sides.find((s) => s.side === side)!;

/** A new mentorship of the world with the mentee's member taking part. */
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

/** The claims of a test token (its payload, unverified: the test made it). */
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
    sub?: string;
    id?: string;
    email: string;
    name: string;
  };

/** Every item of the mentorship's partition whose sort key starts with `prefix`. */
async function storedItems(mentorshipId: string, prefix: string) {
  const { doc } = testDynamo();
  const out = await doc.send(
    new QueryCommand({
      TableName: networkTableName(api.prefix, w.networkId),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
      ExpressionAttributeValues: { ':pk': `MENTORSHIP#${mentorshipId}`, ':p': prefix },
    }),
  );
  return out.Items ?? [];
}

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Reflection');
});
afterAll(() => api.close());

describe('GET …/reflection before anyone answered', () => {
  it('tells each caller their side, who may answer and how anonymous an answer would be', async () => {
    const m = await fresh();
    const asParticipant = await results(m.id, w.tokens.participant);
    expect(asParticipant.you).toEqual({
      canAnswer: true,
      answered: false,
      side: 'mentee',
      notice: 'first',
    });
    // the mentor side: its coordinator only; the mentee side: its coordinator and the member
    expect(asParticipant.sides).toEqual([
      {
        side: 'mentor',
        organizationIds: [w.mentor.id],
        possibleRespondents: 1,
        answers: 0,
        shown: false,
      },
      {
        side: 'mentee',
        organizationIds: [w.mentee.id],
        possibleRespondents: 2,
        answers: 0,
        shown: false,
      },
    ]);
    expect(asParticipant.comparison).toHaveLength(Object.keys(REFLECTION_ITEMS).length);
    expect(new Set(asParticipant.comparison.map((c) => c.verdict))).toEqual(
      new Set(['not-enough-answers']),
    );
    expect(asParticipant.rule).toEqual({
      strongAtLeast: 4,
      weakBelow: 3,
      apartAtLeast: 1.5,
      minAnswers: 1,
    });
    // alone on the mentor side: the answer will be known to be theirs
    expect((await results(m.id, w.tokens.mentorCoordinator)).you).toEqual({
      canAnswer: true,
      answered: false,
      side: 'mentor',
      notice: 'only-respondent',
    });
    // a network admin is on no side
    expect((await results(m.id, w.tokens.admin)).you).toEqual({
      canAnswer: false,
      answered: false,
    });
  });

  for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
    it(`answers 404 to the ${caller}, who does not see the mentorship`, async () => {
      await expectProblem(
        await api.call('GET', reflectionPath(w.networkId, w.mentorship.id), {
          token: w.tokens[caller],
        }),
        404,
      );
    });
  }
});

describe('POST …/reflection/answers', () => {
  it('takes one answer per person; a second is 409 and writes nothing', async () => {
    const m = await fresh();
    const first = await answer(m.id, w.tokens.participant, reflectionBody(0));
    expect(await expectJson(first, 201)).toEqual({ side: 'mentee', answered: true });
    const before = await items();
    await expectProblem(await answer(m.id, w.tokens.participant, reflectionBody(3)), 409);
    expect(await items()).toBe(before);
    const after = await results(m.id, w.tokens.participant);
    expect(after.you).toEqual({ canAnswer: false, answered: true, side: 'mentee' });
    // one answer of two possible: withheld, so it cannot be read as the participant's
    expect(sideOf(after, 'mentee')).toEqual({
      side: 'mentee',
      organizationIds: [w.mentee.id],
      possibleRespondents: 2,
      answers: 1,
      shown: false,
    });
    // the other mentee respondent is told the side stays hidden: with two answers, each of
    // the two could read the other's from the pool (ADR 0025)
    expect((await results(m.id, w.tokens.menteeCoordinator)).you.notice).toBe('first');
  });

  it('lets one of two racing answers by the same person win; the other gets 409', async () => {
    const m = await fresh();
    const both = await Promise.all([
      answer(m.id, w.tokens.menteeCoordinator, reflectionBody(0)),
      answer(m.id, w.tokens.menteeCoordinator, reflectionBody(1)),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await storedItems(m.id, 'REFLECTION#ANSWER#')).length).toBe(1);
  });

  it('stores no answer that links to its respondent: no id, name, email or time', async () => {
    const m = await fresh();
    const comments = { overall: 'Useful visits', synergy: 'We learned a lot' };
    await expectJson(
      await answer(m.id, w.tokens.participant, reflectionBody(1, {}, comments)),
      201,
    );
    await expectJson(await answer(m.id, w.tokens.mentorCoordinator, reflectionBody(0)), 201);
    const person = claimsOf(w.tokens.participant);
    const answers = await storedItems(m.id, 'REFLECTION#ANSWER#');
    const markers = await storedItems(m.id, 'REFLECTION#MARKER#');
    expect(answers).toHaveLength(2);
    expect(markers).toHaveLength(2);
    const ids = [w.participantId, w.mentor.coordinatorId];
    for (const item of answers) {
      const text = JSON.stringify(item);
      for (const secret of [...ids, person.email, person.name]) expect(text).not.toContain(secret);
      // nothing that looks like a time: a timestamp could be matched with the marker
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(Object.keys(item).sort()).toEqual(
        ['PK', 'SK', 'answers', 'comments', 'entity', 'mentorshipId', 'side'].sort(),
      );
      // a random key, not a time-ordered one
      expect(item.SK).toMatch(
        /^REFLECTION#ANSWER#[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
    expect(answers.map((a) => a.comments)).toContainEqual(comments);
    // the markers say who answered, on which side, and nothing of the answer
    for (const marker of markers) {
      const text = JSON.stringify(marker);
      for (const a of answers) expect(text).not.toContain(String(a.SK).split('#').at(-1));
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(Object.keys(marker).sort()).toEqual(
        ['PK', 'SK', 'entity', 'mentorshipId', 'personId', 'side'].sort(),
      );
    }
    expect(markers.map((k) => k.personId).sort()).toEqual([...ids].sort());
  });

  it('answers 403 to a network admin, who is on no side; nothing written', async () => {
    const before = await items();
    await expectProblem(await answer(w.mentorship.id, w.tokens.admin, reflectionBody()), 403);
    expect(await items()).toBe(before);
  });

  for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
    it(`answers 404 to the ${caller}, who does not see the mentorship; nothing written`, async () => {
      const before = await items();
      await expectProblem(await answer(w.mentorship.id, w.tokens[caller], reflectionBody()), 404);
      expect(await items()).toBe(before);
    });
  }

  it('answers 404 under another network and for a mentorship that does not exist', async () => {
    const before = await items();
    await expectProblem(
      await answer(w.mentorship.id, w.tokens.admin, reflectionBody(), w.otherNetworkId),
      404,
    );
    await expectProblem(
      await answer(w.mentorship.id, w.tokens.otherAdmin, reflectionBody(), w.otherNetworkId),
      404,
    );
    await expectProblem(
      await answer('nosuchmentorship', w.tokens.participant, reflectionBody()),
      404,
    );
    expect(await items()).toBe(before);
  });

  const invalid: [string, () => unknown, string][] = [
    [
      'an item left out',
      () => {
        const { answers, ...rest } = reflectionBody();
        const { 'decision-making-b': _gone, ...left } = answers;
        return { ...rest, answers: left };
      },
      'answers.decision-making-b',
    ],
    [
      '"don\'t know" where the paper has none',
      () => reflectionBody(0, { 'synergy-a': 'dont-know' }),
      'answers.synergy-a',
    ],
    [
      'an option of another scale',
      () => reflectionBody(0, { 'learning-c': 'excellent' }),
      'answers.learning-c',
    ],
    [
      'an item not on the form',
      () => reflectionBody(0, { 'synergy-f': 'very-well' }),
      'answers.synergy-f',
    ],
    ['no answers at all', () => ({ comments: {} }), 'answers'],
    [
      'a comment box the paper does not have',
      () => reflectionBody(0, {}, { satisfaction: 'x' }),
      'comments.satisfaction',
    ],
    [
      'a comment too long',
      () => reflectionBody(0, {}, { overall: 'x'.repeat(4001) }),
      'comments.overall',
    ],
    ['a name', () => ({ ...reflectionBody(), name: 'Ama' }), 'name'],
  ];
  for (const [what, body, field] of invalid) {
    it(`answers 400 naming ${field} for ${what}; nothing written, the person may still answer`, async () => {
      const before = await items();
      await expectProblem(await answer(w.mentorship.id, w.tokens.participant, body()), 400, field);
      expect(await items()).toBe(before);
    });
  }
});

describe('the mid-term review among the reviews due', () => {
  it('links the questionnaire, and stops asking whoever answered', async () => {
    // five months ago on the runtime's clock: the mid-term review is a month away
    const today = api.local.clock.now().toISOString().slice(0, 10);
    const [y, mo, d] = today.split('-').map(Number) as [number, number, number];
    const start = new Date(Date.UTC(y, mo - 1 - 5, Math.min(d, 28))).toISOString().slice(0, 10);
    const m = await createMentorship(api, w.networkId, w.tokens.admin, {
      mentorOrganizationId: w.mentor.id,
      menteeOrganizationIds: [w.mentee.id],
      startDate: start,
    });
    await api.call('PUT', `${mentorshipPath(w.networkId, m.id)}/participants`, {
      token: w.tokens.admin,
      body: { personIds: [w.participantId] },
    });
    const midTerm = `${m.schedule.midTermReview}T09:00:00.000Z`;
    expect(midTerm > api.local.clock.now().toISOString()).toBe(true);
    expect(await api.local.clock.advance({ to: midTerm })).toBeDefined();
    const dueOf = async (token: string) =>
      (
        await expectJson<{ items: { mentorshipId: string; kind: string; link: string }[] }>(
          await api.call('GET', `/networks/${w.networkId}/reviews/due`, { token }),
          200,
        )
      ).items.filter((i) => i.mentorshipId === m.id && i.kind === 'mid-term');
    const link = `/networks/${w.networkId}/mentorships/${m.id}/reflection`;
    expect((await dueOf(w.tokens.participant)).map((i) => i.link)).toEqual([link]);
    expect((await dueOf(w.tokens.menteeCoordinator)).map((i) => i.link)).toEqual([link]);
    await expectJson(await answer(m.id, w.tokens.participant, reflectionBody(0)), 201);
    expect(await dueOf(w.tokens.participant)).toEqual([]);
    // the other mentee respondent is still asked
    expect((await dueOf(w.tokens.menteeCoordinator)).map((i) => i.link)).toEqual([link]);
  });
});

describe('the results pooled per side and the comparison, through the API', () => {
  it('shows a side once it has 3 answers (or the one of a side of one), and marks each item', async () => {
    const m = await fresh();
    // a second participating member: the mentee side has three possible respondents
    const second = await expectJson<{ id: string }>(
      await api.call('POST', `/networks/${w.networkId}/organizations/${w.mentee.id}/members`, {
        token: w.tokens.admin,
        body: { email: `second-${m.id}@example.org`, name: 'Second Member' },
      }),
      201,
    );
    await expectJson(
      await api.call('PUT', `${mentorshipPath(w.networkId, m.id)}/participants`, {
        token: w.tokens.admin,
        body: { personIds: [w.participantId, second.id] },
      }),
      200,
    );
    const secondToken = await api.tokenFor({
      id: second.id,
      roles: ['member'],
      networkId: w.networkId,
      organizationId: w.mentee.id,
    });
    // mentor side (one respondent): its coordinator
    await expectJson(
      await answer(
        m.id,
        w.tokens.mentorCoordinator,
        reflectionBody(
          2,
          {
            'synergy-a': 'extremely-well', // 5
            'synergy-b': 'not-well-at-all', // 1
            'synergy-c': 'extremely-well', // 5
            'synergy-d': 'somewhat-well', // 3
            'trust-respect-a': 'dont-know',
            'learning-a': 'yes', // 5
            'drawbacks-a': 'yes', // a drawback experienced: 1
          },
          { synergy: 'Mentor view', overall: 'On track' },
        ),
      ),
      201,
    );
    // the mentor side is shown at once (everyone on it answered); the mentee side has none
    let r = await results(m.id, w.tokens.menteeCoordinator);
    expect(sideOf(r, 'mentor').shown).toBe(true);
    expect(sideOf(r, 'mentee').shown).toBe(false);
    expect(new Set(r.comparison.map((c) => c.verdict))).toEqual(new Set(['not-enough-answers']));

    await expectJson(
      await answer(
        m.id,
        w.tokens.participant,
        reflectionBody(
          2,
          {
            'synergy-a': 'extremely-well', // 5
            'synergy-b': 'not-so-well', // 2
            'synergy-c': 'not-so-well', // 2
            'synergy-d': 'somewhat-well', // 3
            'trust-respect-a': 'excellent', // 5
            'learning-a': 'yes', // 5
            'drawbacks-a': 'yes', // 1
          },
          { synergy: 'Zebra crossing ideas' },
        ),
      ),
      201,
    );
    // one mentee answer of three possible: still withheld
    r = await results(m.id, w.tokens.admin);
    expect(sideOf(r, 'mentee')).toMatchObject({ answers: 1, shown: false });
    expect(sideOf(r, 'mentee').items).toBeUndefined();

    await expectJson(
      await answer(
        m.id,
        w.tokens.menteeCoordinator,
        reflectionBody(
          2,
          {
            'synergy-a': 'very-well', // 4
            'synergy-b': 'not-well-at-all', // 1
            'synergy-c': 'somewhat-well', // 3
            'synergy-d': 'very-well', // 4
            'trust-respect-a': 'good', // 3
            'learning-a': 'no', // 1
            'drawbacks-a': 'yes', // 1
          },
          { synergy: 'Apples and plans' },
        ),
      ),
      201,
    );
    // two of three: still withheld, or each of the two could read the other's answers
    r = await results(m.id, w.tokens.participant);
    expect(sideOf(r, 'mentee')).toMatchObject({ possibleRespondents: 3, answers: 2, shown: false });
    expect(sideOf(r, 'mentee').items).toBeUndefined();
    expect((await results(m.id, secondToken)).you.notice).toBe('pooled');

    await expectJson(
      await answer(
        m.id,
        secondToken,
        reflectionBody(
          2,
          {
            'synergy-a': 'extremely-well', // 5
            'synergy-b': 'not-well-at-all', // 1
            'synergy-c': 'not-so-well', // 2
            'synergy-d': 'somewhat-well', // 3
            'trust-respect-a': 'excellent', // 5
            'learning-a': 'no', // 1
            'drawbacks-a': 'yes', // 1
          },
          { synergy: 'Mangoes first' },
        ),
      ),
      201,
    );
    r = await results(m.id, w.tokens.participant);
    const mentee = sideOf(r, 'mentee');
    expect(mentee).toMatchObject({ possibleRespondents: 3, answers: 3, shown: true });
    const item = (id: string) => mentee.items!.find((i) => i.itemId === id)!;
    expect(item('synergy-a')).toEqual({
      itemId: 'synergy-a',
      count: 3,
      dontKnow: 0,
      mean: 4.67,
      distribution: [
        { optionId: 'extremely-well', count: 2 },
        { optionId: 'very-well', count: 1 },
        { optionId: 'somewhat-well', count: 0 },
        { optionId: 'not-so-well', count: 0 },
        { optionId: 'not-well-at-all', count: 0 },
      ],
    });
    expect(sideOf(r, 'mentor').items!.find((i) => i.itemId === 'trust-respect-a')).toMatchObject({
      count: 0,
      dontKnow: 1,
      mean: null,
    });
    // comments without names, in alphabetical order (not the order they came in)
    expect(mentee.comments!.find((c) => c.boxId === 'synergy')!.texts).toEqual([
      'Apples and plans',
      'Mangoes first',
      'Zebra crossing ideas',
    ]);
    expect(sideOf(r, 'mentor').comments!.find((c) => c.boxId === 'overall')!.texts).toEqual([
      'On track',
    ]);

    const verdict = (id: string) => r.comparison.find((c) => c.itemId === id);
    // 5 vs 4.67: both strong
    expect(verdict('synergy-a')).toEqual({
      itemId: 'synergy-a',
      mentor: 5,
      mentee: 4.67,
      verdict: 'agree-strong',
    });
    // 1 vs 1.33: both weak
    expect(verdict('synergy-b')?.verdict).toBe('agree-weak');
    // 5 vs 2.33: one strong, one weak
    expect(verdict('synergy-c')?.verdict).toBe('disagree');
    // 3 vs 3.33: neither
    expect(verdict('synergy-d')?.verdict).toBe('mixed');
    // the mentor side only said "don't know"
    expect(verdict('trust-respect-a')).toEqual({
      itemId: 'trust-respect-a',
      mentor: null,
      mentee: 4.33,
      verdict: 'not-enough-answers',
    });
    // yes vs yes and two noes: 5 vs 2.33, one strong, one weak
    expect(verdict('learning-a')?.verdict).toBe('disagree');
    // every drawback experienced: 1 vs 1
    expect(verdict('drawbacks-a')?.verdict).toBe('agree-weak');

    // the mid-term review is submitted once both sides answered
    const reviews = await expectJson<{ items: { kind: string; state: string }[] }>(
      await api.call('GET', `${mentorshipPath(w.networkId, m.id)}/reviews`, {
        token: w.tokens.admin,
      }),
      200,
    );
    expect(reviews.items.find((i) => i.kind === 'mid-term')?.state).toBe('submitted');
    expect(reviews.items.find((i) => i.kind === 'end')?.state).not.toBe('submitted');
  });

  it('exports the pooled results as CSV, never a withheld side’s answers', async () => {
    const m = await fresh();
    await expectJson(
      await answer(
        m.id,
        w.tokens.mentorCoordinator,
        reflectionBody(0, {}, { overall: 'Mentor says' }),
      ),
      201,
    );
    await expectJson(
      await answer(m.id, w.tokens.participant, reflectionBody(4, {}, { overall: 'Lonely mentee' })),
      201,
    );
    const res = await api.call('GET', `${mentorshipPath(w.networkId, m.id)}/exports/reflection`, {
      token: w.tokens.admin,
    });
    expect(res.status).toBe(200);
    const csv = await res.text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    // stable column ids; each code followed by its words (English here)
    expect(lines[0]).toMatch(/^section,section_label,item,item_label,letter,mentor_answers,/);
    // synergy a: the mentor side's one answer (its only respondent), the mentee side withheld
    expect(lines[1]).toContain('EXTREMELY WELL: 1; VERY WELL: 0');
    expect(lines[1]).toContain('Withheld until the side has 3 answers');
    expect(lines[1]).toMatch(/,not-enough-answers,Not enough answers$/);
    expect(csv).toContain('Mentor says');
    expect(csv).not.toContain('Lonely mentee');
    expect(csv).not.toContain('NOT WELL AT ALL: 1');
  });

  it('keeps the mid-term review unsubmitted while only one side answered', async () => {
    const m = await fresh();
    await expectJson(await answer(m.id, w.tokens.participant, reflectionBody(0)), 201);
    await expectJson(await answer(m.id, w.tokens.menteeCoordinator, reflectionBody(0)), 201);
    const reviews = await expectJson<{ items: { kind: string; state: string }[] }>(
      await api.call('GET', `${mentorshipPath(w.networkId, m.id)}/reviews`, {
        token: w.tokens.admin,
      }),
      200,
    );
    expect(reviews.items.find((i) => i.kind === 'mid-term')?.state).not.toBe('submitted');
  });
});
