import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  type CoachingGroup,
  type Commitment,
  createGroup,
  createSession,
  expectDonorRefused,
  type GroupSession,
  type GroupSummary,
  type GroupWorld,
  groupPath,
  groupsPath,
  groupWorld,
  holdSession,
  type Issue,
  type Runner,
  rawNetworkItems,
  rawPlatformItems,
  sessionPath,
} from '../support/coaching-groups.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

let api: TestApi;
let w: GroupWorld;

const items = () => api.countItems([w.networkId, w.otherNetworkId]);

/** The API's day (its virtual clock), `offset` days on. */
const day = (offset = 0) => {
  const d = api.local.deps.clock.now();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/** Calls as each of `tokens`: every answer is `status` and nothing is written. */
async function allAnswer(
  status: number,
  method: string,
  path: string,
  tokens: string[],
  body?: unknown,
) {
  const before = await items();
  for (const token of tokens) {
    const res = await api.call(method, path, { token, ...(body !== undefined ? { body } : {}) });
    if (token === w.tokens.donor) await expectDonorRefused(res);
    else await expectProblem(res, status);
  }
  expect(await items()).toBe(before);
}

const getGroup = async (groupId: string, token: string) =>
  expectJson<CoachingGroup>(await api.call('GET', groupPath(w.networkId, groupId), { token }), 200);
const runner = async (groupId: string, sessionId: string, token = w.tokens.m1) =>
  expectJson<Runner>(
    await api.call('GET', sessionPath(w.networkId, groupId, sessionId), { token }),
    200,
  );
const startTurn = async (groupId: string, sessionId: string, body: Record<string, unknown>) =>
  expectJson<Issue>(
    await api.call('POST', `${sessionPath(w.networkId, groupId, sessionId)}/issues`, {
      token: w.tokens.facilitator,
      body,
    }),
    201,
  );
const commit = async (
  groupId: string,
  sessionId: string,
  issueId: string,
  body: Record<string, unknown>,
  token = w.tokens.m1,
) =>
  api.call(
    'POST',
    `${sessionPath(w.networkId, groupId, sessionId)}/issues/${issueId}/commitments`,
    {
      token,
      body,
    },
  );
const reportBack = (groupId: string, commitmentId: string, body: unknown, token = w.tokens.m2) =>
  api.call('POST', `${groupPath(w.networkId, groupId)}/commitments/${commitmentId}/report-backs`, {
    token,
    body,
  });

beforeAll(async () => {
  api = await createTestApi();
  w = await groupWorld(api);
});
afterAll(() => api.close());

describe('POST /networks/{networkId}/coaching-groups', () => {
  it('lets an admin create a group of four with a facilitator from outside it', async () => {
    const g = await createGroup(api, w);
    expect(g).toMatchObject({
      id: expect.any(String),
      name: 'Team leads circle',
      access: 'overview',
      sizeAdvice: { size: 4, within: true, direction: 'within', min: 4, max: 7 },
      facilitator: { id: w.people.facilitator, name: 'Esi Facilitator', isMember: false },
      spirit: null,
      sessions: [],
      review: null,
      status: {
        members: 4,
        sessionsHeld: 0,
        sessionsPlanned: 0,
        commitmentsOpen: 0,
        spirit: { set: false, agreed: 0, of: 4 },
        review: 'not-yet',
        facilitation: 'initial',
      },
    });
    expect(g.members.map((m) => [m.id, m.name])).toEqual([
      [w.people.m1, 'Amina One'],
      [w.people.m2, 'Baraka Two'],
      [w.people.m3, 'Chidi Three'],
      [w.people.m4, 'Dina Four'],
    ]);
    expect(g.organizationIds.sort()).toEqual([w.orgA.id, w.orgB.id, w.orgC.id].sort());
    expect(await getGroup(g.id, w.tokens.m3)).toMatchObject({ id: g.id, access: 'member' });
    expect(await getGroup(g.id, w.tokens.facilitator)).toMatchObject({ access: 'facilitator' });
  });

  it('creates a group outside 4-7 with the warning, and a member facilitator (coordinator)', async () => {
    const pair = await createGroup(
      api,
      w,
      { memberIds: [w.people.m1, w.people.m2], facilitatorId: w.people.m1 },
      w.tokens.coordinatorD,
    );
    expect(pair.sizeAdvice).toMatchObject({ size: 2, within: false, direction: 'below' });
    expect(pair.facilitator.isMember).toBe(true);
    // the coordinator who made it oversees it, though nobody of D is in it
    expect(pair.organizationIds).toContain(w.orgD.id);
    expect((await getGroup(pair.id, w.tokens.coordinatorD)).access).toBe('overview');
    const eight = await createGroup(api, w, {
      memberIds: Object.values(w.people)
        .filter((id) => id !== w.people.facilitator)
        .concat([w.orgA.coordinatorId, w.orgB.coordinatorId, w.orgC.coordinatorId]),
    });
    expect(eight.sizeAdvice).toMatchObject({ size: 8, within: false, direction: 'above' });
  });

  it('refuses members and donors (403, 404) and other networks (404); nothing written', async () => {
    const body = {
      name: 'x',
      memberIds: [w.people.m1, w.people.m2],
      facilitatorId: w.people.m1,
    };
    await allAnswer(403, 'POST', groupsPath(w.networkId), [w.tokens.m1, w.tokens.outsider], body);
    await allAnswer(
      404,
      'POST',
      groupsPath(w.networkId),
      [w.tokens.otherAdmin, w.tokens.operator, w.tokens.donor],
      body,
    );
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['no name', { name: undefined }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['one member', { memberIds: ['membr0001'] }, 'memberIds'],
    ['members that are not a list', { memberIds: 'everyone' }, 'memberIds'],
    ['a member that is not an id', { memberIds: ['ok-member-1', 'no spaces'] }, 'memberIds.1'],
    ['no facilitator', { facilitatorId: undefined }, 'facilitatorId'],
    ['an unknown field', { leader: 'x' }, 'leader'],
  ];
  for (const [what, change, field] of bad) {
    it(`answers 400 naming ${field || 'the body'} for ${what}; nothing written`, async () => {
      const before = await items();
      const body = {
        name: 'Circle',
        memberIds: [w.people.m1, w.people.m2],
        facilitatorId: w.people.m3,
        ...change,
      };
      await expectProblem(
        await api.call('POST', groupsPath(w.networkId), { token: w.tokens.admin, body }),
        400,
        field,
      );
      expect(await items()).toBe(before);
    });
  }

  it('names each unknown person: memberIds.<i> and facilitatorId; nothing written', async () => {
    const other = await api.createNetwork('Strangers');
    const before = await items();
    const problem = await expectProblem(
      await api.call('POST', groupsPath(w.networkId), {
        token: w.tokens.admin,
        body: {
          name: 'Circle',
          memberIds: [w.people.m1, 'nosuchperson1', w.people.m2, w.orgA.id],
          facilitatorId: 'nosuchperson2',
        },
      }),
      400,
    );
    expect(problem.errors?.map((e) => e.path)).toEqual([
      'memberIds.1',
      'memberIds.3',
      'facilitatorId',
    ]);
    // the admin of another network is no person of this one either
    await expectProblem(
      await api.call('POST', groupsPath(w.networkId), {
        token: w.tokens.admin,
        body: {
          name: 'Circle',
          memberIds: [w.people.m1, w.people.m2],
          facilitatorId: other.networkId,
        },
      }),
      400,
      'facilitatorId',
    );
    await expectProblem(
      await api.call('POST', groupsPath(w.networkId), {
        token: w.tokens.admin,
        body: {
          name: 'Circle',
          memberIds: [w.people.m1, w.people.m2, w.people.m1],
          facilitatorId: w.people.m3,
        },
      }),
      400,
      'memberIds.2',
    );
    expect(await items()).toBe(before);
  });
});

describe('GET /networks/{networkId}/coaching-groups', () => {
  it('lists for each caller the groups they are in or oversee, with figures only', async () => {
    const g = await createGroup(api, w, { name: 'Listed circle' });
    const ids = async (token: string) => {
      const page = await expectJson<{ items: GroupSummary[] }>(
        await api.call('GET', `${groupsPath(w.networkId)}?limit=100`, { token }),
        200,
      );
      return page.items.map((i) => i.id);
    };
    for (const token of [
      w.tokens.admin,
      w.tokens.coordinatorA,
      w.tokens.coordinatorC,
      w.tokens.m1,
      w.tokens.m4,
      w.tokens.facilitator,
    ]) {
      expect(await ids(token)).toContain(g.id);
    }
    for (const token of [w.tokens.coordinatorD, w.tokens.outsider]) {
      expect(await ids(token)).not.toContain(g.id);
    }
    const page = await expectJson<{ items: GroupSummary[] }>(
      await api.call('GET', `${groupsPath(w.networkId)}?limit=100`, { token: w.tokens.admin }),
      200,
    );
    const listed = page.items.find((i) => i.id === g.id)!;
    expect(Object.keys(listed).sort()).toEqual(
      [
        'access',
        'createdAt',
        'facilitatorId',
        'id',
        'memberIds',
        'name',
        'organizationIds',
        'status',
      ].sort(),
    );
    expect(listed.status.members).toBe(4);
  });

  it('pages newest first with a cursor', async () => {
    const first = await expectJson<{ items: GroupSummary[]; cursor?: string }>(
      await api.call('GET', `${groupsPath(w.networkId)}?limit=1`, { token: w.tokens.admin }),
      200,
    );
    expect(first.items).toHaveLength(1);
    expect(first.cursor).toBeDefined();
    const second = await expectJson<{ items: GroupSummary[] }>(
      await api.call(
        'GET',
        `${groupsPath(w.networkId)}?limit=1&cursor=${encodeURIComponent(first.cursor!)}`,
        { token: w.tokens.admin },
      ),
      200,
    );
    expect(second.items[0]!.createdAt <= first.items[0]!.createdAt).toBe(true);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    await expectProblem(
      await api.call('GET', `${groupsPath(w.networkId)}?limit=0`, { token: w.tokens.admin }),
      400,
      'limit',
    );
  });

  it('is 404 on another network', async () => {
    await allAnswer(404, 'GET', groupsPath(w.networkId), [
      w.tokens.otherAdmin,
      w.tokens.operator,
      w.tokens.donor,
    ]);
  });
});

describe('GET /networks/{networkId}/coaching-groups/{groupId}', () => {
  it('is 404 for people who neither are in it nor oversee it, and on another network', async () => {
    const g = await createGroup(api, w);
    await allAnswer(404, 'GET', groupPath(w.networkId, g.id), [
      w.tokens.outsider,
      w.tokens.coordinatorD,
      w.tokens.otherAdmin,
      w.tokens.operator,
      w.tokens.donor,
    ]);
    // this network's admin asking for the group under another network's path
    await allAnswer(404, 'GET', groupPath(w.otherNetworkId, g.id), [w.tokens.admin]);
    await allAnswer(404, 'GET', groupPath(w.networkId, 'nosuchgroup1'), [w.tokens.admin]);
  });
});

describe("the group's spirit", () => {
  let g: CoachingGroup;
  const spirit = (token: string, body: unknown) =>
    api.call('PUT', `${groupPath(w.networkId, g.id)}/spirit`, { token, body });
  const agree = (token: string, version: number) =>
    api.call('POST', `${groupPath(w.networkId, g.id)}/spirit/agreements`, {
      token,
      body: { version },
    });
  const TEXT = 'We keep what is said here in this room. We listen before we advise.';

  beforeAll(async () => {
    g = await createGroup(api, w);
  });

  it('is written by the facilitator, read by the group only, agreed by each member', async () => {
    await expectProblem(await agree(w.tokens.m1, 1), 422, 'version');
    const written = await expectJson<CoachingGroup>(
      await spirit(w.tokens.facilitator, { text: TEXT, version: 0 }),
      200,
    );
    expect(written.spirit).toMatchObject({ version: 1, text: TEXT, agreedBy: [] });
    expect(written.status.spirit).toEqual({ set: true, agreed: 0, of: 4 });

    await expectJson(await agree(w.tokens.m1, 1), 200);
    const agreed = await expectJson<CoachingGroup>(await agree(w.tokens.m3, 1), 200);
    expect(agreed.spirit?.agreedBy.sort()).toEqual([w.people.m1, w.people.m3].sort());
    expect(
      agreed.members
        .filter((m) => m.agreedToSpirit)
        .map((m) => m.id)
        .sort(),
    ).toEqual([w.people.m1, w.people.m3].sort());
    expect(agreed.status.spirit).toEqual({ set: true, agreed: 2, of: 4 });

    // who agreed, yes; the text, no
    for (const token of [w.tokens.admin, w.tokens.coordinatorA]) {
      const seen = await getGroup(g.id, token);
      expect(seen.spirit).toMatchObject({ version: 1, agreedBy: expect.any(Array) });
      expect(seen.spirit).not.toHaveProperty('text');
      expect(JSON.stringify(seen)).not.toContain('in this room');
    }
    expect((await getGroup(g.id, w.tokens.m4)).spirit?.text).toBe(TEXT);
  });

  it('asks everyone again after a new text; a stale version is a 409, nothing changed', async () => {
    const current = await getGroup(g.id, w.tokens.m2);
    const before = await items();
    await expectProblem(await spirit(w.tokens.m2, { text: 'Other', version: 0 }), 409, 'version');
    await expectProblem(await agree(w.tokens.m2, current.spirit!.version + 1), 409, 'version');
    expect(await items()).toBe(before);
    const next = await expectJson<CoachingGroup>(
      await spirit(w.tokens.m2, {
        text: `${TEXT} We start on time.`,
        version: current.spirit!.version,
      }),
      200,
    );
    expect(next.spirit).toMatchObject({ version: current.spirit!.version + 1, agreedBy: [] });
  });

  it('refuses who oversees the group (403), who does not see it (404); agreeing is for members', async () => {
    const body = { text: 'Taken over', version: 5 };
    await allAnswer(
      403,
      'PUT',
      `${groupPath(w.networkId, g.id)}/spirit`,
      [w.tokens.admin, w.tokens.coordinatorA],
      body,
    );
    await allAnswer(
      404,
      'PUT',
      `${groupPath(w.networkId, g.id)}/spirit`,
      [w.tokens.outsider, w.tokens.otherAdmin, w.tokens.donor],
      body,
    );
    const version = (await getGroup(g.id, w.tokens.m1)).spirit!.version;
    await allAnswer(
      403,
      'POST',
      `${groupPath(w.networkId, g.id)}/spirit/agreements`,
      [w.tokens.facilitator, w.tokens.admin],
      { version },
    );
  });

  it('answers 400 naming the field for bad input; nothing written', async () => {
    const before = await items();
    await expectProblem(await spirit(w.tokens.m1, { text: '', version: 1 }), 400, 'text');
    await expectProblem(await spirit(w.tokens.m1, { text: 'x', version: -1 }), 400, 'version');
    await expectProblem(await spirit(w.tokens.m1, { text: 'x' }), 400, 'version');
    await expectProblem(await agree(w.tokens.m1, 0), 400, 'version');
    expect(await items()).toBe(before);
  });
});

describe('sessions, the facilitator of the first three and the review after the third', () => {
  let g: CoachingGroup;
  let sessions: GroupSession[];

  beforeAll(async () => {
    g = await createGroup(api, w);
  });

  it('numbers sessions by date; the first three are the facilitator’s', async () => {
    // made out of date order: numbered by date
    const third = await createSession(api, w, g.id, day(-10), w.tokens.admin);
    const first = await createSession(api, w, g.id, day(-30), w.tokens.coordinatorA);
    const second = await createSession(api, w, g.id, day(-20), w.tokens.m1);
    expect(third).toMatchObject({ groupId: g.id, number: 1, held: false });
    const seen = await getGroup(g.id, w.tokens.m1);
    expect(seen.sessions.map((s) => [s.id, s.number])).toEqual([
      [first.id, 1],
      [second.id, 2],
      [third.id, 3],
    ]);
    for (const s of seen.sessions) {
      expect(s.facilitator).toEqual({ kind: 'initial', personId: w.people.facilitator });
    }
    sessions = [first, second, third];
  });

  it('refuses a second session on a date (409), bad dates (400), strangers (404)', async () => {
    const before = await items();
    const path = `${groupPath(w.networkId, g.id)}/sessions`;
    await expectProblem(
      await api.call('POST', path, { token: w.tokens.m1, body: { date: sessions[0]!.date } }),
      409,
      'date',
    );
    for (const date of ['2025-02-30', '10/01/2025', undefined]) {
      await expectProblem(
        await api.call('POST', path, { token: w.tokens.m1, body: { date } }),
        400,
        'date',
      );
    }
    expect(await items()).toBe(before);
    await allAnswer(
      404,
      'POST',
      path,
      [w.tokens.outsider, w.tokens.coordinatorD, w.tokens.otherAdmin],
      {
        date: day(5),
      },
    );
  });

  it('holds the review once three sessions were held, not before (422)', async () => {
    const review = { mode: 'rotation', order: [w.people.m2, w.people.m4] };
    const path = `${groupPath(w.networkId, g.id)}/review`;
    const fourth = await createSession(api, w, g.id, day(1));
    expect(fourth.facilitator).toEqual({ kind: 'pending-review' });

    await holdSession(api, w, g.id, sessions[0]!.id);
    await holdSession(api, w, g.id, sessions[1]!.id);
    expect((await getGroup(g.id, w.tokens.admin)).status.review).toBe('not-yet');
    const before = await items();
    await expectProblem(
      await api.call('POST', path, { token: w.tokens.facilitator, body: review }),
      422,
    );
    expect(await items()).toBe(before);

    // a session is held on or after its date; once
    await expectProblem(
      await api.call('PATCH', sessionPath(w.networkId, g.id, fourth.id), {
        token: w.tokens.facilitator,
        body: { held: true },
      }),
      422,
      'held',
    );
    await holdSession(api, w, g.id, sessions[2]!.id);
    await expectProblem(
      await api.call('PATCH', sessionPath(w.networkId, g.id, sessions[2]!.id), {
        token: w.tokens.facilitator,
        body: { held: true },
      }),
      409,
      'held',
    );
    expect((await getGroup(g.id, w.tokens.admin)).status).toMatchObject({
      sessionsHeld: 3,
      sessionsPlanned: 1,
      lastSessionDate: sessions[2]!.date,
      nextSessionDate: fourth.date,
      review: 'due',
    });

    // a session after the third takes no turn before the review
    await expectProblem(
      await api.call('POST', `${sessionPath(w.networkId, g.id, fourth.id)}/issues`, {
        token: w.tokens.m1,
        body: { ownerId: w.people.m1 },
      }),
      422,
    );

    // bad choices: 400 naming them; oversight: 403
    await expectProblem(
      await api.call('POST', path, {
        token: w.tokens.m1,
        body: { mode: 'rotation', order: [w.people.m1, w.people.outsider] },
      }),
      400,
      'order.1',
    );
    await expectProblem(
      await api.call('POST', path, {
        token: w.tokens.m1,
        body: { mode: 'named', facilitatorId: w.people.outsider },
      }),
      400,
      'facilitatorId',
    );
    await expectProblem(
      await api.call('POST', path, { token: w.tokens.m1, body: { mode: 'lottery' } }),
      400,
      'mode',
    );
    await allAnswer(403, 'POST', path, [w.tokens.admin, w.tokens.coordinatorA], review);
    // holding the third session changed items, added none
    expect(await items()).toBe(before);

    const reviewed = await expectJson<CoachingGroup>(
      await api.call('POST', path, { token: w.tokens.facilitator, body: review }),
      200,
    );
    expect(reviewed.review).toMatchObject({
      mode: 'rotation',
      order: review.order,
      by: w.people.facilitator,
    });
    expect(reviewed.status).toMatchObject({ review: 'done', facilitation: 'rotation' });
    // its leader from outside was not chosen: the answer is the overview, the last they see
    expect(reviewed.access).toBe('overview');
    expect(reviewed.sessions[3]!.facilitator).toEqual({ kind: 'rotation', personId: w.people.m2 });
    await expectProblem(await api.call('POST', path, { token: w.tokens.m1, body: review }), 409);

    // the facilitator from outside was not chosen: no longer one of the group's people
    await expectProblem(
      await api.call('GET', groupPath(w.networkId, g.id), { token: w.tokens.facilitator }),
      404,
    );
    const fifth = await createSession(api, w, g.id, day(8), w.tokens.m1);
    expect(fifth.facilitator).toEqual({ kind: 'rotation', personId: w.people.m4 });
    const sixth = await createSession(api, w, g.id, day(15), w.tokens.m1);
    expect(sixth.facilitator).toEqual({ kind: 'rotation', personId: w.people.m2 });
  });

  it('records who was present: the group’s people only', async () => {
    const s = sessions[0]!;
    const path = sessionPath(w.networkId, g.id, s.id);
    const before = await items();
    await expectProblem(
      await api.call('PATCH', path, {
        token: w.tokens.m1,
        body: { presentIds: [w.people.m1, w.people.outsider] },
      }),
      400,
      'presentIds.1',
    );
    await expectProblem(
      await api.call('PATCH', path, { token: w.tokens.m1, body: {} }),
      400,
      'presentIds',
    );
    expect(await items()).toBe(before);
    await allAnswer(403, 'PATCH', path, [w.tokens.admin], { presentIds: [w.people.m1] });
    const updated = await expectJson<Runner>(
      await api.call('PATCH', path, {
        token: w.tokens.m1,
        body: { presentIds: [w.people.m1, w.people.m3, w.people.facilitator] },
      }),
      200,
    );
    expect(updated.presentIds).toEqual([w.people.m1, w.people.m3, w.people.facilitator]);
  });
});

describe('a session run: report-backs first, then turns through the issue method', () => {
  let g: CoachingGroup;
  let s1: GroupSession;
  let s2: GroupSession;
  let s3: GroupSession;
  let issue: Issue;
  let commitments: Commitment[];
  const HOW = 'get my outreach team to report on time';
  const QUESTION = 'What does on time mean for the team today?';
  const DEEPER = 'How do I make reporting useful to the outreach team itself';
  const ACTIONS = [
    'Ask the team which report they find useless',
    'Share last month’s data back at the team meeting',
  ];
  const OUTCOME = 'The team dropped two forms and now reports weekly';

  beforeAll(async () => {
    g = await createGroup(api, w);
    s1 = await createSession(api, w, g.id, day(-21));
    s2 = await createSession(api, w, g.id, day(-7));
    s3 = await createSession(api, w, g.id, day(0));
  });

  it('takes a turn through the method: reframe, questions, restatement, recommendations', async () => {
    const started = await startTurn(g.id, s1.id, { ownerId: w.people.m1 });
    expect(started).toMatchObject({
      ownerId: w.people.m1,
      step: 'reframe',
      turnMinutes: 30,
      version: 1,
    });
    expect(started).not.toHaveProperty('howDoI');

    const patch = (body: Record<string, unknown>, token = w.tokens.facilitator) =>
      api.call('PATCH', `${sessionPath(w.networkId, g.id, s1.id)}/issues/${started.id}`, {
        token,
        body,
      });
    let next = await expectJson<Issue>(
      await patch({ version: 1, howDoI: HOW, step: 'clarify', turnMinutes: 25 }),
      200,
    );
    next = await expectJson<Issue>(
      await patch({
        version: next.version,
        clarifyingQuestions: [QUESTION, 'Who reads the reports?'],
        step: 'restate',
      }),
      200,
    );
    next = await expectJson<Issue>(
      await patch({ version: next.version, restatement: DEEPER, step: 'recommend' }, w.tokens.m2),
      200,
    );
    next = await expectJson<Issue>(
      await patch(
        { version: next.version, recommendations: [...ACTIONS, 'Pay per report'], step: 'select' },
        w.tokens.m3,
      ),
      200,
    );
    expect(next).toMatchObject({
      step: 'select',
      howDoI: HOW,
      clarifyingQuestions: [QUESTION, 'Who reads the reports?'],
      restatement: DEEPER,
      recommendations: [...ACTIONS, 'Pay per report'],
      turnMinutes: 25,
      version: 5,
    });

    const before = await items();
    await expectProblem(await patch({ version: 1, howDoI: 'stale' }), 409, 'version');
    await expectProblem(await patch({ version: 5, step: 'argue' }), 400, 'step');
    await expectProblem(await patch({ version: 5, turnMinutes: 500 }), 400, 'turnMinutes');
    await expectProblem(
      await patch({ version: 5, clarifyingQuestions: [''] }),
      400,
      'clarifyingQuestions.0',
    );
    await expectProblem(await patch({ howDoI: 'x' }), 400, 'version');
    await expectProblem(await patch({ version: 5, howDoI: 'x' }, w.tokens.admin), 403);
    await expectProblem(await patch({ version: 5, howDoI: 'x' }, w.tokens.outsider), 404);
    expect(await items()).toBe(before);
    issue = next;
  });

  it('refuses turns that are not a member’s, oversight, strangers, bad minutes; nothing written', async () => {
    const path = `${sessionPath(w.networkId, g.id, s1.id)}/issues`;
    const before = await items();
    await expectProblem(
      await api.call('POST', path, { token: w.tokens.m1, body: { ownerId: w.people.facilitator } }),
      400,
      'ownerId',
    );
    await expectProblem(
      await api.call('POST', path, {
        token: w.tokens.m1,
        body: { ownerId: w.people.m1, turnMinutes: 2 },
      }),
      400,
      'turnMinutes',
    );
    await expectProblem(
      await api.call('POST', path, {
        token: w.tokens.m1,
        body: { ownerId: w.people.m1, howDoI: '' },
      }),
      400,
      'howDoI',
    );
    expect(await items()).toBe(before);
    await allAnswer(403, 'POST', path, [w.tokens.admin, w.tokens.coordinatorA], {
      ownerId: w.people.m1,
    });
    await allAnswer(404, 'POST', path, [w.tokens.outsider, w.tokens.otherAdmin, w.tokens.donor], {
      ownerId: w.people.m1,
    });
    await allAnswer(
      404,
      'POST',
      `${sessionPath(w.networkId, g.id, 'nosuchsession')}/issues`,
      [w.tokens.m1],
      {
        ownerId: w.people.m1,
      },
    );
  });

  it('the owner selects actions and commits to report back by a date', async () => {
    const before = await items();
    await expectProblem(
      await commit(g.id, s1.id, issue.id, { actions: ACTIONS, reportBackBy: s1.date }),
      400,
      'reportBackBy',
    );
    await expectProblem(
      await commit(g.id, s1.id, issue.id, { actions: [], reportBackBy: day(30) }),
      400,
      'actions',
    );
    await expectProblem(
      await commit(g.id, s1.id, issue.id, { actions: ['  '], reportBackBy: day(30) }),
      400,
      'actions.0',
    );
    await expectProblem(
      await commit(g.id, s1.id, issue.id, { actions: ACTIONS }),
      400,
      'reportBackBy',
    );
    await expectProblem(
      await commit(
        g.id,
        s1.id,
        issue.id,
        { actions: ACTIONS, reportBackBy: day(30) },
        w.tokens.admin,
      ),
      403,
    );
    const unframed = await startTurn(g.id, s1.id, { ownerId: w.people.m2 });
    const afterTurn = await items();
    expect(afterTurn).toBe(before + 1);
    await expectProblem(
      await commit(g.id, s1.id, unframed.id, { actions: ACTIONS, reportBackBy: day(30) }),
      422,
      'howDoI',
    );
    expect(await items()).toBe(afterTurn);

    // one open past its date (overdue), one open until later
    const first = await expectJson<{ issue: Issue; items: Commitment[] }>(
      await commit(g.id, s1.id, issue.id, { actions: ACTIONS, reportBackBy: day(-1) }),
      201,
    );
    expect(first.issue).toMatchObject({
      step: 'select',
      commitmentIds: first.items.map((c) => c.id),
    });
    // the answer keeps no text (it may be kept for an Idempotency-Key replay); GET has it
    expect(first.items.map((c) => [c.ownerId, c.state, 'text' in c])).toEqual(
      ACTIONS.map(() => [w.people.m1, 'overdue', false]),
    );
    const listed = await expectJson<{ items: Commitment[] }>(
      await api.call('GET', `${groupPath(w.networkId, g.id)}/commitments`, { token: w.tokens.m4 }),
      200,
    );
    expect(listed.items.map((c) => [c.id, c.text])).toEqual(
      first.items.map((c, i) => [c.id, ACTIONS[i]]),
    );
    await expectProblem(
      await commit(g.id, s1.id, issue.id, { actions: ['More'], reportBackBy: day(30) }),
      409,
      'actions',
    );
    commitments = first.items;
  });

  it('starts the next session with report-backs; what is not done is carried forward', async () => {
    const second = await runner(g.id, s2.id, w.tokens.m4);
    expect(second.reportBacks.map((c) => c.id)).toEqual(commitments.map((c) => c.id));
    expect(second.reportBacks.map((c) => c.text)).toEqual(ACTIONS);
    expect(second.issues).toEqual([]);
    // the first session's own commitments are not reported back in it
    expect((await runner(g.id, s1.id)).reportBacks).toEqual([]);

    const [done, carried] = commitments as [Commitment, Commitment];
    const before = await items();
    await expectProblem(
      await reportBack(g.id, done.id, { sessionId: s1.id, outcome: OUTCOME, done: true }),
      400,
      'sessionId',
    );
    await expectProblem(
      await reportBack(g.id, done.id, { sessionId: 'nosuchsession', outcome: OUTCOME, done: true }),
      400,
      'sessionId',
    );
    await expectProblem(
      await reportBack(g.id, done.id, { sessionId: s2.id, outcome: '', done: true }),
      400,
      'outcome',
    );
    await expectProblem(
      await reportBack(g.id, done.id, { sessionId: s2.id, outcome: OUTCOME }),
      400,
      'done',
    );
    await expectProblem(
      await reportBack(g.id, carried.id, {
        sessionId: s2.id,
        outcome: 'x',
        done: false,
        reportBackBy: day(-30),
      }),
      400,
      'reportBackBy',
    );
    await expectProblem(
      await reportBack(
        g.id,
        done.id,
        { sessionId: s2.id, outcome: OUTCOME, done: true },
        w.tokens.admin,
      ),
      403,
    );
    await expectProblem(
      await reportBack(
        g.id,
        done.id,
        { sessionId: s2.id, outcome: OUTCOME, done: true },
        w.tokens.outsider,
      ),
      404,
    );
    expect(await items()).toBe(before);

    const closed = await expectJson<Commitment>(
      await reportBack(g.id, done.id, { sessionId: s2.id, outcome: OUTCOME, done: true }),
      200,
    );
    expect(closed).toMatchObject({ status: 'reported', state: 'reported' });
    expect(closed.reportBacks).toEqual([
      { sessionId: s2.id, done: true, at: expect.any(String), by: w.people.m2 },
    ]);
    const heard = (await runner(g.id, s2.id)).reportBacks.find((c) => c.id === done.id)!;
    expect(heard.reportBacks.map((r) => [r.outcome, r.done])).toEqual([[OUTCOME, true]]);
    await expectProblem(
      await reportBack(g.id, done.id, { sessionId: s2.id, outcome: 'again', done: true }),
      409,
      'sessionId',
    );
    const still = await expectJson<Commitment>(
      await reportBack(g.id, carried.id, {
        sessionId: s2.id,
        outcome: 'Started: one meeting so far',
        done: false,
        reportBackBy: day(20),
      }),
      200,
    );
    expect(still).toMatchObject({ status: 'open', state: 'open', reportBackBy: day(20) });

    // session 2 shows both (one reported there); session 3 only what is still open
    expect((await runner(g.id, s2.id)).reportBacks.map((c) => c.id)).toEqual([done.id, carried.id]);
    const third = await runner(g.id, s3.id);
    expect(third.reportBacks.map((c) => [c.id, c.state])).toEqual([[carried.id, 'open']]);
    expect(third.reportBacks[0]!.reportBacks.map((r) => r.outcome)).toEqual([
      'Started: one meeting so far',
    ]);
  });

  it('shows the figures to coordinators and admins, never the content', async () => {
    await holdSession(api, w, g.id, s1.id);
    const seen = await getGroup(g.id, w.tokens.coordinatorA);
    expect(seen.status).toMatchObject({
      sessionsHeld: 1,
      sessionsPlanned: 2,
      commitmentsMade: 2,
      commitmentsOpen: 1,
      commitmentsOverdue: 0,
    });
    const text = JSON.stringify(seen);
    for (const secret of [HOW, QUESTION, ...ACTIONS, OUTCOME]) expect(text).not.toContain(secret);
    for (const path of [
      sessionPath(w.networkId, g.id, s2.id),
      `${groupPath(w.networkId, g.id)}/commitments`,
    ]) {
      await allAnswer(404, 'GET', path, [
        w.tokens.admin,
        w.tokens.coordinatorA,
        w.tokens.coordinatorC,
        w.tokens.outsider,
        w.tokens.otherAdmin,
        w.tokens.operator,
        w.tokens.donor,
      ]);
    }
    const list = await expectJson<{ items: Commitment[] }>(
      await api.call('GET', `${groupPath(w.networkId, g.id)}/commitments`, {
        token: w.tokens.facilitator,
      }),
      200,
    );
    expect(list.items.map((c) => c.status)).toEqual(['reported', 'open']);
  });

  it('closes a held session to new turns and report-backs (422)', async () => {
    const before = await items();
    await expectProblem(
      await api.call('POST', `${sessionPath(w.networkId, g.id, s1.id)}/issues`, {
        token: w.tokens.m1,
        body: { ownerId: w.people.m1 },
      }),
      422,
    );
    await expectProblem(
      await api.call('PATCH', `${sessionPath(w.networkId, g.id, s1.id)}/issues/${issue.id}`, {
        token: w.tokens.m1,
        body: { version: issue.version + 1, howDoI: 'later' },
      }),
      422,
    );
    expect(await items()).toBe(before);
  });

  it('keeps no text in the replay of a create sent with an Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'turn-key-0001' };
    const path = `${sessionPath(w.networkId, g.id, s3.id)}/issues`;
    const body = { ownerId: w.people.m3, howDoI: 'stop losing clients between referrals' };
    const first = await api.call('POST', path, { token: w.tokens.m3, body, headers });
    expect(first.status).toBe(201);
    const again = await api.call('POST', path, { token: w.tokens.m3, body, headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(JSON.stringify(await rawPlatformItems(api))).not.toContain('losing clients');
    expect((await runner(g.id, s3.id)).issues.map((i) => i.howDoI)).toEqual([body.howDoI]);
  });

  it('stores every confidential text encrypted: no plaintext in the table', async () => {
    const raw = JSON.stringify(await rawNetworkItems(api, w.networkId));
    for (const secret of [
      HOW,
      QUESTION,
      DEEPER,
      'Pay per report',
      ...ACTIONS,
      OUTCOME,
      'one meeting so far',
    ]) {
      expect(raw).not.toContain(secret);
    }
    expect(raw).toContain('"ct"');
  });
});

describe('the key questions worksheet', () => {
  let g: CoachingGroup;
  const ANSWER = 'Get the clinic to open on Saturdays';
  const path = () => `${groupPath(w.networkId, g.id)}/worksheet`;

  beforeAll(async () => {
    g = await createGroup(api, w);
  });

  it("is each member's own: written and read by its author only", async () => {
    // not written yet: an empty form (null) for a member; nobody else keeps one here
    expect(
      await expectJson<null>(await api.call('GET', path(), { token: w.tokens.m1 }), 200),
    ).toBeNull();
    for (const token of [w.tokens.facilitator, w.tokens.admin, w.tokens.otherAdmin]) {
      await expectProblem(await api.call('GET', path(), { token }), 404);
    }
    const saved = await expectJson<{ answers: Record<string, string> }>(
      await api.call('PUT', path(), {
        token: w.tokens.m1,
        body: {
          answers: {
            'trying-to-do': ANSWER,
            'who-can-help': 'The district officer',
            'stopping-me': '',
          },
        },
      }),
      200,
    );
    expect(saved.answers).toEqual({
      'trying-to-do': ANSWER,
      'who-can-help': 'The district officer',
    });
    expect(
      (
        await expectJson<{ answers: Record<string, string> }>(
          await api.call('GET', path(), { token: w.tokens.m1 }),
          200,
        )
      ).answers,
    ).toEqual(saved.answers);
    for (const token of [
      w.tokens.m2,
      w.tokens.facilitator,
      w.tokens.admin,
      w.tokens.coordinatorA,
      w.tokens.outsider,
      w.tokens.operator,
      w.tokens.donor,
    ]) {
      const res = await api.call('GET', path(), { token });
      if (token === w.tokens.donor) await expectDonorRefused(res.clone());
      // another member reads their own worksheet, not written yet
      else if (token === w.tokens.m2) expect(await res.clone().json()).toBeNull();
      else expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(ANSWER);
    }
    expect(JSON.stringify(await rawNetworkItems(api, w.networkId))).not.toContain(ANSWER);
  });

  it('refuses non-members (403, 404) and bad answers (400); nothing written', async () => {
    const before = await items();
    await expectProblem(
      await api.call('PUT', path(), { token: w.tokens.m2, body: { answers: { sixth: 'x' } } }),
      400,
      'answers.sixth',
    );
    await expectProblem(
      await api.call('PUT', path(), { token: w.tokens.m2, body: {} }),
      400,
      'answers',
    );
    expect(await items()).toBe(before);
    await allAnswer(
      403,
      'PUT',
      path(),
      [w.tokens.facilitator, w.tokens.admin, w.tokens.coordinatorA],
      {
        answers: { 'trying-to-do': 'x' },
      },
    );
    await allAnswer(404, 'PUT', path(), [w.tokens.outsider, w.tokens.otherAdmin], { answers: {} });
  });
});
