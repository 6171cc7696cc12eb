import { detailCatalogs } from '@sisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import {
  addCoach,
  assessment,
  type Coach,
  type Coaching,
  type CoachingWorld,
  coachingWorld,
  rawCoachingItems,
  type Suggestions,
} from '../support/sisi-kwa-sisi.ts';

let api: TestApi;
let w: CoachingWorld;
let operator: string;
let donor: string;

const base = () => `/networks/${w.networkId}`;
const items = () => api.countItems([w.networkId, w.otherNetworkId]);
const person = (i: number) => ({ id: w.people.coaches[i]!, token: w.tokens.coaches[i]! });

/** The API's day (its virtual clock), `offset` days on. */
const day = (offset = 0) => {
  const d = api.local.deps.clock.now();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

/**
 * Expects `res` to refuse `token` as if the item did not exist: 404 (a donor is stopped by
 * the donor fence before any network route, with the same 404). The answer is a problem and
 * carries nothing of the item.
 */
async function expectRefused(res: Response, _token: string) {
  await expectProblem(res, 404);
}

/** Calls `path` as each of `tokens` and expects each refused (404), nothing written. */
async function allNotFound(method: string, path: string, tokens: string[], body?: unknown) {
  const before = await items();
  for (const token of tokens) {
    await expectRefused(
      await api.call(method, path, { token, ...(body !== undefined ? { body } : {}) }),
      token,
    );
  }
  expect(await items()).toBe(before);
}

async function link(coachId: string, peerId: string, token = w.tokens.peerCoordinator) {
  return api.call('POST', `${base()}/coachings`, {
    token,
    body: { coachId, peerId, needsAssessment: assessment() },
  });
}

beforeAll(async () => {
  api = await createTestApi();
  w = await coachingWorld(api, 5);
  operator = api.operatorToken;
  donor = await api.tokenFor({ roles: ['donor'], networkId: w.networkId });
});
afterAll(() => api.close());

describe('the pool of coaches', () => {
  it('an admin adds a coach, who is not willing until they confirm it themself', async () => {
    const added = await expectJson<Coach>(
      await api.call('POST', `${base()}/coaches`, {
        token: w.tokens.admin,
        body: {
          personId: person(0).id,
          city: 'Nairobi',
          coachedOnTciModel: true,
          areas: [
            {
              area: 'monitoring-evaluation',
              evidence: 'Set up the county M&E dashboard',
              links: ['https://example.org/dashboard'],
            },
          ],
        },
      }),
      201,
    );
    expect(added).toMatchObject({
      personId: person(0).id,
      name: 'Coach A',
      organizationId: w.coachOrg.id,
      willing: false,
      maxPeers: 2,
      activeCoachings: 0,
      version: 1,
    });
    const path = `${base()}/coaches/${person(0).id}/willingness`;
    for (const token of [w.tokens.admin, w.tokens.coachCoordinator, w.tokens.peer]) {
      await expectProblem(await api.call('PUT', path, { token, body: { willing: true } }), 403);
    }
    const confirmed = await expectJson<Coach>(
      await api.call('PUT', path, { token: person(0).token, body: { willing: true } }),
      200,
    );
    expect(confirmed).toMatchObject({ willing: true, version: 2 });
  });

  it('a coordinator adds people of their own organization only', async () => {
    await expectJson<Coach>(
      await api.call('POST', `${base()}/coaches`, {
        token: w.tokens.coachCoordinator,
        body: { personId: person(1).id, areas: [{ area: 'finance-management' }], maxPeers: 1 },
      }),
      201,
    );
    const before = await items();
    for (const token of [w.tokens.peerCoordinator, w.tokens.bystander, person(2).token]) {
      await expectProblem(
        await api.call('POST', `${base()}/coaches`, {
          token,
          body: { personId: person(2).id, areas: [{ area: 'finance-management' }] },
        }),
        403,
      );
    }
    expect(await items()).toBe(before);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = await items();
    const cases: [Record<string, unknown>, string][] = [
      [{ personId: person(2).id, areas: [] }, 'areas'],
      [{ personId: person(2).id, areas: [{ area: 'cooking' }] }, 'areas.0.area'],
      [
        { personId: person(2).id, areas: [{ area: 'finance-management', links: ['ftp://x'] }] },
        'areas.0.links.0',
      ],
      [
        { personId: person(2).id, areas: [{ area: 'finance-management' }], maxPeers: 0 },
        'maxPeers',
      ],
      [{ personId: 'nosuchperson', areas: [{ area: 'finance-management' }] }, 'personId'],
      [{ personId: person(2).id, areas: [{ area: 'finance-management' }], extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      await expectProblem(
        await api.call('POST', `${base()}/coaches`, { token: w.tokens.admin, body }),
        400,
        field,
      );
    }
    // the storage's conflict has words of its own, in the reader's language (ADR 0040)
    for (const lng of ['en', 'fr', 'pt'] as const) {
      const problem = await expectProblem(
        await api.call('POST', `${base()}/coaches`, {
          token: w.tokens.admin,
          body: { personId: person(0).id, areas: [{ area: 'finance-management' }] },
          headers: { 'accept-language': lng },
        }),
        409,
        'personId',
      );
      expect(problem.detail).toBe(detailCatalogs[lng].conflict_already_coach);
      expect(problem.errors?.[0]?.message).toBe(detailCatalogs[lng].conflict_already_coach);
    }
    expect(detailCatalogs.en.conflict_already_coach).toBe(
      'this person is already in the pool of coaches',
    );
    expect(await items()).toBe(before);
  });

  it('the coach edits their evidence; a stale version is a 409 and changes nothing', async () => {
    const path = `${base()}/coaches/${person(0).id}`;
    const current = await expectJson<Coach>(
      await api.call('GET', path, { token: w.tokens.bystander }),
      200,
    );
    const edited = await expectJson<Coach>(
      await api.call('PATCH', path, {
        token: person(0).token,
        body: { version: current.version, maxPeers: 3 },
      }),
      200,
    );
    expect(edited).toMatchObject({ maxPeers: 3, version: current.version + 1, willing: true });
    await expectProblem(
      await api.call('PATCH', path, {
        token: w.tokens.admin,
        body: { version: current.version, maxPeers: 1 },
      }),
      409,
      'version',
    );
    await expectProblem(
      await api.call('PATCH', path, {
        token: w.tokens.peerCoordinator,
        body: { version: edited.version, maxPeers: 1 },
      }),
      403,
    );
    await expectProblem(
      await api.call('PATCH', path, {
        token: w.tokens.admin,
        body: { version: edited.version, areas: [] },
      }),
      400,
      'areas',
    );
    expect(
      await expectJson<Coach>(await api.call('GET', path, { token: w.tokens.admin }), 200),
    ).toEqual(edited);
  });

  it('everyone in the network reads the pool, filtered by area; others get 404', async () => {
    const page = await expectJson<{ items: Coach[] }>(
      await api.call('GET', `${base()}/coaches?area=finance-management`, {
        token: w.tokens.bystander,
      }),
      200,
    );
    expect(page.items.map((c) => c.personId)).toEqual([person(1).id]);
    await allNotFound('GET', `${base()}/coaches`, [w.tokens.otherAdmin, operator, donor]);
  });
});

describe('coach suggestions (matching through the API)', () => {
  let m: CoachingWorld;
  const suggest = (body: unknown, token = m.tokens.peerCoordinator) =>
    api.call('POST', `/networks/${m.networkId}/coach-suggestions`, { token, body });

  beforeAll(async () => {
    m = await coachingWorld(api, 5);
    const coach = (i: number) => ({ id: m.people.coaches[i]!, token: m.tokens.coaches[i]! });
    const [a, b, c, d, e] = [0, 1, 2, 3, 4].map(coach) as [
      ReturnType<typeof coach>,
      ReturnType<typeof coach>,
      ReturnType<typeof coach>,
      ReturnType<typeof coach>,
      ReturnType<typeof coach>,
    ];
    const add = (p: { id: string; token: string }, body: Record<string, unknown>, willing = true) =>
      addCoach(api, m, p, body, { willing });
    await add(a, {
      city: 'nairobi',
      coachedOnTciModel: true,
      areas: [{ area: 'monitoring-evaluation', evidence: 'Runs the monthly data review' }],
    });
    await add(b, { areas: [{ area: 'finance-management' }] });
    await add(
      { id: m.people.colleague, token: m.tokens.colleague },
      {
        areas: [{ area: 'finance-management' }, { area: 'monitoring-evaluation' }],
      },
    );
    await add(c, { areas: [{ area: 'monitoring-evaluation' }] }, false);
    await add(d, { areas: [{ area: 'program-management' }] });
    await add(e, { areas: [{ area: 'monitoring-evaluation' }], maxPeers: 1 });
    await expectJson(
      await api.call('POST', `/networks/${m.networkId}/coachings`, {
        token: m.tokens.admin,
        body: { coachId: e.id, peerId: m.people.bystander, needsAssessment: assessment() },
      }),
      201,
    );
  });

  it('ranks by fit to the needs, with each reason, and says who was left out and why', async () => {
    const before = await api.countItems([m.networkId]);
    const result = await expectJson<Suggestions>(
      await suggest({
        peerId: m.people.peer,
        needsAssessment: assessment({
          city: 'Nairobi',
          areas: [
            { area: 'monitoring-evaluation', priority: 'high' },
            { area: 'finance-management', priority: 'low' },
          ],
        }),
      }),
      200,
    );
    expect(result.suggestions.map((s) => [s.personId, s.score])).toEqual([
      [m.people.coaches[0], 30 + 5 + 5 + 8],
      [m.people.colleague, 30 + 10 + 6],
      [m.people.coaches[1], 10],
    ]);
    expect(result.suggestions[0]!.reasons.map((r) => r.text)).toEqual([
      'Competent in M & E, a high-priority need (+30)',
      'Evidence of competency in M & E (+5)',
      'Coached on the TCI model (+5)',
      'Works in the same city, nairobi (+8)',
    ]);
    expect(result.suggestions[1]!.coveredAreas).toEqual([
      'monitoring-evaluation',
      'finance-management',
    ]);
    expect(result.excluded).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: m.people.coaches[2], reason: 'not-willing' }),
        expect.objectContaining({ personId: m.people.coaches[3], reason: 'no-needed-area' }),
        expect.objectContaining({ personId: m.people.coaches[4], reason: 'no-free-place' }),
      ]),
    );
    expect(result.excluded).toHaveLength(3);
    expect(await api.countItems([m.networkId])).toBe(before);
  });

  it('turns the ranking when the needs change: finance first', async () => {
    const result = await expectJson<Suggestions>(
      await suggest({
        peerId: m.people.peer,
        needsAssessment: assessment({
          city: undefined,
          areas: [{ area: 'finance-management', priority: 'high' }],
        }),
      }),
      200,
    );
    expect(result.suggestions.map((s) => [s.personId, s.score])).toEqual([
      [m.people.colleague, 36],
      [m.people.coaches[1], 30],
    ]);
  });

  it('is for admins and the peer’s coordinator; bad input → 400 naming the field', async () => {
    const body = { peerId: m.people.peer, needsAssessment: assessment() };
    for (const token of [m.tokens.coachCoordinator, m.tokens.bystander]) {
      await expectProblem(await suggest(body, token), 403);
    }
    await expectJson(await suggest(body, m.tokens.admin), 200);
    await expectProblem(
      await suggest({ ...body, needsAssessment: assessment({ areas: [] }) }),
      400,
      'needsAssessment.areas',
    );
    await expectProblem(
      await suggest({
        ...body,
        needsAssessment: assessment({ areas: [{ area: 'finance-management', priority: 'soon' }] }),
      }),
      400,
      'needsAssessment.areas.0.priority',
    );
    await expectProblem(await suggest({ ...body, peerId: 'nosuchperson' }), 400, 'peerId');
    for (const token of [w.tokens.admin, operator, donor]) {
      await expectRefused(await suggest(body, token), token);
    }
  });
});

describe('a coaching between a coach and a peer', () => {
  let coaching: Coaching;
  const path = () => `${base()}/coachings/${coaching.id}`;

  it('is linked by the peer’s coordinator, and counts on the coach’s places', async () => {
    coaching = await expectJson<Coaching>(await link(person(0).id, w.people.peer), 201);
    expect(coaching).toMatchObject({
      coach: { id: person(0).id, name: 'Coach A', organizationId: w.coachOrg.id },
      peer: { id: w.people.peer, organizationId: w.peerOrg.id },
      status: 'active',
      sessionsHeld: 0,
      plan: { state: 'none', stepsTotal: 0 },
    });
    // the coordinator wrote the assessment, but the coaching's content is the pair's
    expect(coaching.needsAssessment).toBeUndefined();
    const coach = await expectJson<Coach>(
      await api.call('GET', `${base()}/coaches/${person(0).id}`, { token: w.tokens.admin }),
      200,
    );
    expect(coach.activeCoachings).toBe(1);
  });

  it('refuses coaches who are not in the pool (400), not willing or full (422); nothing written', async () => {
    let before = await items();
    await expectProblem(await link(person(3).id, w.people.colleague), 400, 'coachId');
    expect(await items()).toBe(before);

    await addCoach(
      api,
      w,
      person(2),
      { areas: [{ area: 'finance-management' }] },
      { willing: false },
    );
    before = await items();
    const unwilling = await expectProblem(
      await link(person(2).id, w.people.colleague),
      422,
      'coachId',
    );
    expect(unwilling).toMatchObject({ rule: 'coach-not-willing' });
    expect(await items()).toBe(before);

    // person 1 has one place, and has not confirmed yet; once they do, the bystander takes it
    await expectProblem(await link(person(1).id, w.people.bystander), 422, 'coachId');
    await expectJson(
      await api.call('PUT', `${base()}/coaches/${person(1).id}/willingness`, {
        token: person(1).token,
        body: { willing: true },
      }),
      200,
    );
    await expectJson(await link(person(1).id, w.people.bystander), 201);
    before = await items();
    const full = await expectProblem(await link(person(1).id, w.people.colleague), 422, 'coachId');
    expect(full).toMatchObject({ rule: 'coach-full' });
    expect(await items()).toBe(before);
  });

  it('is linked by admins and the peer’s coordinator only; bad input → 400, nothing written', async () => {
    const before = await items();
    for (const token of [w.tokens.coachCoordinator, w.tokens.outsiderCoordinator, w.tokens.peer]) {
      await expectProblem(await link(person(0).id, w.people.colleague, token), 403);
    }
    const bad: [Record<string, unknown>, string][] = [
      [{ coachId: person(0).id, peerId: w.people.colleague }, 'needsAssessment'],
      [
        {
          coachId: person(0).id,
          peerId: w.people.colleague,
          needsAssessment: assessment({ areas: [] }),
        },
        'needsAssessment.areas',
      ],
      [{ coachId: person(0).id, peerId: person(0).id, needsAssessment: assessment() }, 'peerId'],
      [{ coachId: person(0).id, peerId: 'nosuchperson', needsAssessment: assessment() }, 'peerId'],
      [
        {
          coachId: person(0).id,
          peerId: w.people.colleague,
          needsAssessment: assessment({ date: '2025-02-30' }),
        },
        'needsAssessment.date',
      ],
    ];
    for (const [body, field] of bad) {
      await expectProblem(
        await api.call('POST', `${base()}/coachings`, { token: w.tokens.admin, body }),
        400,
        field,
      );
    }
    expect(await items()).toBe(before);
  });

  it('shows the pair its needs assessment; coordinators and admins its status only', async () => {
    for (const token of [w.tokens.peer, person(0).token]) {
      const seen = await expectJson<Coaching>(await api.call('GET', path(), { token }), 200);
      expect(seen.needsAssessment).toEqual({
        ...assessment(),
        areas: [
          { area: 'monitoring-evaluation', priority: 'high', skills: ['Data quality checks'] },
        ],
      });
    }
    for (const token of [w.tokens.admin, w.tokens.peerCoordinator, w.tokens.coachCoordinator]) {
      const seen = await expectJson<Coaching>(await api.call('GET', path(), { token }), 200);
      expect(seen.needsAssessment).toBeUndefined();
      expect(seen.myRole).toBeUndefined();
      expect(seen.sessionsHeld).toBe(0);
    }
    await allNotFound('GET', path(), [
      w.tokens.bystander,
      w.tokens.outsiderCoordinator,
      w.tokens.otherAdmin,
      operator,
      donor,
    ]);
  });
});

describe('the Lead → Assist → Observe plan and the follow-up sessions', () => {
  let coaching: Coaching;
  let planVersion = 0;
  const path = () => `${base()}/coachings/${coaching.id}`;
  const NOTES = 'Pendo struggled with the registers; we agreed she leads the next review';
  const outsiders = () => [
    w.tokens.bystander,
    w.tokens.peerCoordinator,
    w.tokens.coachCoordinator,
    w.tokens.admin,
    w.tokens.otherAdmin,
    operator,
    donor,
  ];
  const plan = (assistDone = false) => ({
    periodStart: day(-30),
    periodEnd: day(60),
    skills: [
      {
        id: 'registers',
        area: 'monitoring-evaluation',
        skill: 'Monthly register review',
        lead: { date: day(-20), done: true },
        assist: { date: day(-5), done: assistDone },
        observe: { date: day(20) },
      },
    ],
  });

  beforeAll(async () => {
    const c = await addCoach(api, w, person(3), {
      areas: [{ area: 'monitoring-evaluation' }],
    });
    coaching = await expectJson<Coaching>(
      await link(c.personId, w.people.colleague, w.tokens.admin),
      201,
    );
  });
  const colleague = () => w.tokens.colleague;
  const coach = () => person(3).token;

  it('before its first save the plan is null to the pair, and 404 to anyone else', async () => {
    for (const token of [coach(), colleague()]) {
      expect(
        await expectJson<null>(await api.call('GET', `${path()}/plan`, { token }), 200),
      ).toBeNull();
    }
    await allNotFound('GET', `${path()}/plan`, outsiders());
  });

  it('the pair saves the plan; a step past its date not done puts it behind', async () => {
    const saved = await expectJson<{ version: number; content: unknown }>(
      await api.call('PUT', `${path()}/plan`, { token: coach(), body: plan() }),
      200,
    );
    expect(saved.version).toBe(1);
    planVersion = saved.version;
    const status = await expectJson<Coaching>(
      await api.call('GET', path(), { token: w.tokens.admin }),
      200,
    );
    expect(status.plan).toEqual({
      state: 'behind',
      stepsTotal: 3,
      stepsDone: 1,
      stepsBehind: 1,
      stepsOpen: 2,
      periodEnd: day(60),
    });
    const marked = await expectJson<{ version: number }>(
      await api.call('PUT', `${path()}/plan`, {
        token: colleague(),
        body: { ...plan(true), version: planVersion },
      }),
      200,
    );
    planVersion = marked.version;
    const after = await expectJson<Coaching>(
      await api.call('GET', path(), { token: w.tokens.peerCoordinator }),
      200,
    );
    expect(after.plan).toMatchObject({ state: 'on-track', stepsDone: 2, stepsBehind: 0 });
  });

  it('refuses a plan out of order naming the date, a stale version with 409; nothing written', async () => {
    const before = await items();
    const bad = plan();
    bad.skills[0]!.assist.date = day(-25);
    await expectProblem(
      await api.call('PUT', `${path()}/plan`, {
        token: coach(),
        body: { ...bad, version: planVersion },
      }),
      400,
      'skills.0.assist.date',
    );
    await expectProblem(
      await api.call('PUT', `${path()}/plan`, {
        token: coach(),
        body: { ...plan(), periodEnd: day(10), version: planVersion },
      }),
      400,
      'skills.0.observe.date',
    );
    await expectProblem(
      await api.call('PUT', `${path()}/plan`, { token: coach(), body: { ...plan(), version: 0 } }),
      409,
      'version',
    );
    expect(await items()).toBe(before);
    const stored = await expectJson<{ version: number }>(
      await api.call('GET', `${path()}/plan`, { token: colleague() }),
      200,
    );
    expect(stored.version).toBe(planVersion);
  });

  it('the plan is the pair’s: anyone else reads and writes 404', async () => {
    await allNotFound('GET', `${path()}/plan`, outsiders());
    await allNotFound('PUT', `${path()}/plan`, outsiders(), { ...plan(), version: planVersion });
  });

  it('records a session with a rating and private notes, encrypted at rest', async () => {
    const before = await items();
    const session = await expectJson<Record<string, unknown>>(
      await api.call('POST', `${path()}/sessions`, {
        token: colleague(),
        body: {
          date: day(-5),
          step: 'assist',
          skillId: 'registers',
          quality: 4,
          notes: NOTES,
          nextMeetingDate: day(20),
        },
      }),
      201,
    );
    expect(session).toMatchObject({ step: 'assist', quality: 4, hasNotes: true });
    // the answer does not repeat the notes: nothing else keeps a copy (idempotency replays)
    expect(JSON.stringify(session)).not.toContain('struggled');
    expect(await items()).toBe(before + 1);

    const raw = await rawCoachingItems(api, w.networkId, coaching.id);
    const stored = raw.find((i) => String(i.SK).startsWith('SESSION#'))!;
    expect(stored.notes).toEqual({
      v: 1,
      k: expect.any(String),
      iv: expect.any(String),
      ct: expect.any(String),
    });
    const everything = JSON.stringify(raw);
    expect(everything).not.toContain(NOTES);
    expect(everything).not.toContain('struggled');

    for (const token of [colleague(), coach()]) {
      const page = await expectJson<{ items: Record<string, unknown>[] }>(
        await api.call('GET', `${path()}/sessions`, { token }),
        200,
      );
      expect(page.items).toEqual([expect.objectContaining({ notes: NOTES, quality: 4 })]);
    }
    await expectJson(
      await api.call('POST', `${path()}/sessions`, {
        token: coach(),
        body: { date: day(-1), step: 'assist', quality: 3, mode: 'virtual' },
      }),
      201,
    );
    const status = await expectJson<Coaching>(
      await api.call('GET', path(), { token: w.tokens.admin }),
      200,
    );
    expect(status).toMatchObject({
      sessionsHeld: 2,
      lastSessionDate: day(-1),
      averageQuality: 3.5,
    });
    expect(status.nextMeetingDate).toBeUndefined();
  });

  it('the notes are the pair’s: another member, coordinators, an admin, the operator, a donor → 404', async () => {
    await allNotFound('GET', `${path()}/sessions`, outsiders());
    await allNotFound('POST', `${path()}/sessions`, outsiders(), {
      date: day(),
      step: 'observe',
      quality: 5,
      notes: 'not theirs to write',
    });
  });

  it('refuses a bad session with 400 naming the field, and writes nothing', async () => {
    const before = await items();
    const cases: [Record<string, unknown>, string][] = [
      [{ date: day(), step: 'observe', quality: 6 }, 'quality'],
      [{ date: day(), step: 'watch', quality: 3 }, 'step'],
      [{ date: day(), step: 'observe' }, 'quality'],
      [{ date: day(), step: 'observe', quality: 3, skillId: 'nosuchskill' }, 'skillId'],
      [{ date: day(), step: 'observe', quality: 3, nextMeetingDate: day(-2) }, 'nextMeetingDate'],
    ];
    for (const [body, field] of cases) {
      await expectProblem(
        await api.call('POST', `${path()}/sessions`, { token: coach(), body }),
        400,
        field,
      );
    }
    expect(await items()).toBe(before);
  });

  it('lists status figures per coaching, to each reader what they may see', async () => {
    const ids = async (token: string) =>
      (
        await expectJson<{ items: Coaching[] }>(
          await api.call('GET', `${base()}/coachings`, { token }),
          200,
        )
      ).items;
    const adminView = await ids(w.tokens.admin);
    expect(adminView.map((c) => c.id)).toContain(coaching.id);
    const mine = adminView.find((c) => c.id === coaching.id)!;
    expect(mine).toMatchObject({ sessionsHeld: 2, averageQuality: 3.5 });
    expect(JSON.stringify(adminView)).not.toContain('needsAssessment');
    expect(JSON.stringify(adminView)).not.toContain('Data quality checks');
    expect((await ids(w.tokens.peerCoordinator)).map((c) => c.id)).toContain(coaching.id);
    expect(await ids(w.tokens.outsiderCoordinator)).toEqual([]);
    const asCoach = await ids(coach());
    expect(asCoach.map((c) => [c.id, c.myRole])).toEqual([[coaching.id, 'coach']]);
    expect((await ids(w.tokens.bystander)).map((c) => c.myRole)).toEqual(['peer']);
    await allNotFound('GET', `${base()}/coachings`, [w.tokens.otherAdmin, operator, donor]);
  });

  it('closes: the coach’s place is freed, and no more plan changes or sessions', async () => {
    for (const token of [w.tokens.bystander, w.tokens.outsiderCoordinator]) {
      await expectProblem(await api.call('POST', `${path()}/close`, { token, body: {} }), 404);
    }
    await expectProblem(
      await api.call('POST', `${path()}/close`, { token: coach(), body: { reason: 7 } }),
      400,
      'reason',
    );
    const closed = await expectJson<Coaching>(
      await api.call('POST', `${path()}/close`, {
        token: w.tokens.peerCoordinator,
        body: { reason: 'plan complete' },
      }),
      200,
    );
    expect(closed.status).toBe('closed');
    const coachNow = await expectJson<Coach>(
      await api.call('GET', `${base()}/coaches/${person(3).id}`, { token: w.tokens.admin }),
      200,
    );
    expect(coachNow.activeCoachings).toBe(0);
    await expectProblem(
      await api.call('POST', `${path()}/close`, { token: coach(), body: {} }),
      409,
    );
    const before = await items();
    const rule = await expectProblem(
      await api.call('PUT', `${path()}/plan`, {
        token: coach(),
        body: { ...plan(), version: planVersion },
      }),
      422,
    );
    expect(rule).toMatchObject({ rule: 'coaching-closed' });
    await expectProblem(
      await api.call('POST', `${path()}/sessions`, {
        token: coach(),
        body: { date: day(), step: 'observe', quality: 5 },
      }),
      422,
    );
    expect(await items()).toBe(before);
  });
});

describe('best practices', () => {
  let coachingId: string;
  const path = () => `${base()}/best-practices`;
  const body = (overrides: Record<string, unknown> = {}) => ({
    coachingId,
    title: 'Friday register reviews',
    area: 'monitoring-evaluation',
    practice: 'We go through the registers together every Friday before the report is sent.',
    learnings: 'Ten minutes a week avoids a day of corrections.',
    ...overrides,
  });
  const library = async (token: string) =>
    (
      await expectJson<{ items: { id: string; coachingId?: string }[] }>(
        await api.call('GET', path(), { token }),
        200,
      )
    ).items;

  beforeAll(async () => {
    const list = await expectJson<{ items: Coaching[] }>(
      await api.call('GET', `${base()}/coachings?status=active`, { token: w.tokens.peer }),
      200,
    );
    coachingId = list.items[0]!.id;
  });

  it('stays a draft only its author sees without the author’s consent', async () => {
    const draft = await expectJson<{ id: string; status: string; coachingId: string }>(
      await api.call('POST', path(), {
        token: w.tokens.peer,
        body: body({ consentToPublish: false }),
      }),
      201,
    );
    expect(draft).toMatchObject({ status: 'draft', coachingId, authorId: w.people.peer });
    expect(draft).not.toHaveProperty('publishedAt');
    for (const token of [w.tokens.bystander, person(0).token, w.tokens.admin]) {
      expect((await library(token)).map((p) => p.id)).not.toContain(draft.id);
    }
    await allNotFound('GET', `${path()}/${draft.id}`, [
      person(0).token,
      w.tokens.admin,
      w.tokens.peerCoordinator,
      w.tokens.otherAdmin,
      operator,
      donor,
    ]);
    const mine = await expectJson<{ items: { id: string }[] }>(
      await api.call('GET', `${path()}?scope=mine`, { token: w.tokens.peer }),
      200,
    );
    expect(mine.items.map((p) => p.id)).toContain(draft.id);

    // consent must be explicit, and the author's own
    await expectProblem(
      await api.call('PUT', `${path()}/${draft.id}/publication`, {
        token: w.tokens.peer,
        body: { consent: false },
      }),
      400,
      'consent',
    );
    await allNotFound(
      'PUT',
      `${path()}/${draft.id}/publication`,
      [person(0).token, w.tokens.admin],
      {
        consent: true,
      },
    );
    const published = await expectJson<{ status: string; consentAt: string }>(
      await api.call('PUT', `${path()}/${draft.id}/publication`, {
        token: w.tokens.peer,
        body: { consent: true },
      }),
      200,
    );
    expect(published).toMatchObject({ status: 'published', consentAt: expect.any(String) });
    const seen = await library(w.tokens.bystander);
    expect(seen.map((p) => p.id)).toContain(draft.id);
    // readers of the library do not learn which coaching it came from
    expect(seen.find((p) => p.id === draft.id)).not.toHaveProperty('coachingId');
    await expectProblem(
      await api.call('DELETE', `${path()}/${draft.id}/publication`, { token: person(0).token }),
      403,
    );
    await expectJson(
      await api.call('DELETE', `${path()}/${draft.id}/publication`, { token: w.tokens.peer }),
      200,
    );
    expect((await library(w.tokens.bystander)).map((p) => p.id)).not.toContain(draft.id);
  });

  it('publishes at once with consent; only the pair of the coaching writes one up', async () => {
    const published = await expectJson<{ id: string; status: string }>(
      await api.call('POST', path(), {
        token: w.tokens.peer,
        body: body({ consentToPublish: true }),
      }),
      201,
    );
    expect(published.status).toBe('published');
    expect((await library(w.tokens.colleague)).map((p) => p.id)).toContain(published.id);
    const before = await items();
    await expectProblem(
      await api.call('POST', path(), {
        token: w.tokens.colleague,
        body: body({ consentToPublish: true }),
      }),
      400,
      'coachingId',
    );
    await expectProblem(
      await api.call('POST', path(), { token: w.tokens.peer, body: body() }),
      400,
      'consentToPublish',
    );
    await expectProblem(
      await api.call('POST', path(), {
        token: w.tokens.peer,
        body: body({ consentToPublish: true, title: '' }),
      }),
      400,
      'title',
    );
    await allNotFound(
      'POST',
      path(),
      [w.tokens.otherAdmin, operator, donor],
      body({ consentToPublish: true }),
    );
    expect(await items()).toBe(before);
  });
});

describe('another network', () => {
  it('answers 404 on every coaching route, with real ids, and writes nothing', async () => {
    const list = await expectJson<{ items: Coaching[] }>(
      await api.call('GET', `${base()}/coachings`, { token: w.tokens.admin }),
      200,
    );
    const coachingId = list.items[0]!.id;
    const practice = await expectJson<{ items: { id: string }[] }>(
      await api.call('GET', `${base()}/best-practices`, { token: w.tokens.admin }),
      200,
    );
    const practiceId = practice.items[0]!.id;
    const coachId = person(0).id;
    const routes: [string, string, unknown?][] = [
      ['GET', `${base()}/coaches`],
      [
        'POST',
        `${base()}/coaches`,
        { personId: person(4).id, areas: [{ area: 'finance-management' }] },
      ],
      ['GET', `${base()}/coaches/${coachId}`],
      ['PATCH', `${base()}/coaches/${coachId}`, { version: 1, maxPeers: 5 }],
      ['PUT', `${base()}/coaches/${coachId}/willingness`, { willing: false }],
      [
        'POST',
        `${base()}/coach-suggestions`,
        { peerId: w.people.peer, needsAssessment: assessment() },
      ],
      [
        'POST',
        `${base()}/coachings`,
        { coachId, peerId: w.people.colleague, needsAssessment: assessment() },
      ],
      ['GET', `${base()}/coachings`],
      ['GET', `${base()}/coachings/${coachingId}`],
      ['POST', `${base()}/coachings/${coachingId}/close`, {}],
      ['GET', `${base()}/coachings/${coachingId}/plan`],
      [
        'PUT',
        `${base()}/coachings/${coachingId}/plan`,
        {
          periodStart: day(),
          periodEnd: day(),
          skills: [
            {
              id: 's1',
              area: 'finance-management',
              skill: 'Taken over',
              lead: { date: day() },
              assist: { date: day() },
              observe: { date: day() },
            },
          ],
        },
      ],
      ['GET', `${base()}/coachings/${coachingId}/sessions`],
      [
        'POST',
        `${base()}/coachings/${coachingId}/sessions`,
        { date: day(), step: 'lead', quality: 3 },
      ],
      ['GET', `${base()}/best-practices`],
      [
        'POST',
        `${base()}/best-practices`,
        {
          coachingId,
          title: 'x',
          area: 'monitoring-evaluation',
          practice: 'x',
          consentToPublish: true,
        },
      ],
      ['GET', `${base()}/best-practices/${practiceId}`],
      ['PUT', `${base()}/best-practices/${practiceId}/publication`, { consent: true }],
      ['DELETE', `${base()}/best-practices/${practiceId}/publication`],
    ];
    const before = await items();
    for (const [method, path, body] of routes) {
      const options = (token: string) => ({ token, ...(body !== undefined ? { body } : {}) });
      await expectProblem(await api.call(method, path, options(w.tokens.otherAdmin)), 404);
      // this network's ids under the other network's own path, by its own admin
      const [, , , , id] = path.split('/');
      if (id) {
        const there = path.replace(base(), `/networks/${w.otherNetworkId}`);
        await expectProblem(await api.call(method, there, options(w.tokens.otherAdmin)), 404);
      }
    }
    expect(await items()).toBe(before);
  });
});
