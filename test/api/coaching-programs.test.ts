import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  CONSENT_VERSION,
  createProgram,
  enrol,
  type Nomination,
  type Pair,
  type Program,
  type ProgramWorld,
  programBody,
  programPath,
  programsPath,
  programWorld,
  rawNetworkItems,
  rawPlatformItems,
  type Schedule,
  type Session,
} from '../support/coaching-programs.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

let api: TestApi;
let w: ProgramWorld;

const items = () => api.countItems([w.networkId, w.otherNetworkId]);
/**
 * Whoever is not let in: 404 as for something that does not exist — a donor too, whom the
 * API's donor fence stops before any network route with the same 404.
 */
const refusedStatus = (_token: string) => 404;
const path = (programId: string, rest = '') => `${programPath(w.networkId, programId)}${rest}`;

beforeAll(async () => {
  api = await createTestApi();
  w = await programWorld(api);
});
afterAll(() => api.close());

describe('POST /networks/{networkId}/coaching-programs', () => {
  it('lets the organization’s coordinator design a program: objectives, KPIs, pilot, pairing', async () => {
    const p = await createProgram(api, w, w.tokens.coordinator, {
      pairingMode: 'rotational',
      rotationWeeks: 4,
      kpis: [
        { name: 'Sessions held per pair', target: 6, unit: 'sessions', current: 2 },
        { name: 'Drop-outs', target: 1, unit: 'people', direction: 'at-most' },
      ],
    });
    expect(p).toMatchObject({
      networkId: w.networkId,
      organizationId: w.home.id,
      version: 1,
      name: 'Peer coaching pilot 2025',
      pilot: true,
      pairingMode: 'rotational',
      rotationWeeks: 4,
      surveyRound: 0,
      createdBy: w.home.coordinatorId,
    });
    expect(p.kpis).toEqual([
      {
        id: expect.any(String),
        name: 'Sessions held per pair',
        target: 6,
        unit: 'sessions',
        direction: 'at-least',
        current: 2,
      },
      {
        id: expect.any(String),
        name: 'Drop-outs',
        target: 1,
        unit: 'people',
        direction: 'at-most',
      },
    ]);
    const read = await expectJson<Program>(
      await api.call('GET', path(p.id), { token: w.tokens.coordinator }),
      200,
    );
    expect(read).toEqual({
      ...p,
      viewer: {
        manages: true,
        relations: [],
        participant: false,
        surveyAnswered: false,
        baselineDone: false,
      },
    });
  });

  it('lets a network admin create one for any organization; others get 403, nothing written', async () => {
    await createProgram(api, w, w.tokens.admin, { organizationId: w.away.id });
    for (const token of [w.tokens.awayCoordinator, w.people[0]!.token]) {
      const before = await items();
      await expectProblem(
        await api.call('POST', programsPath(w.networkId), { token, body: programBody(w) }),
        403,
      );
      expect(await items()).toBe(before);
    }
  });

  it('answers 404 to another network’s admin and the operator (and a donor), nothing written', async () => {
    for (const token of [w.tokens.otherAdmin, w.tokens.operator, w.tokens.donor]) {
      const before = await items();
      await expectProblem(
        await api.call('POST', programsPath(w.networkId), { token, body: programBody(w) }),
        refusedStatus(token),
      );
      expect(await items()).toBe(before);
    }
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['no name', { name: ' ' }, 'name'],
    ['no objective', { objectives: [] }, 'objectives'],
    ['rotational without weeks', { pairingMode: 'rotational' }, 'rotationWeeks'],
    ['weeks for fixed pairs', { rotationWeeks: 2 }, 'rotationWeeks'],
    ['0 weeks', { pairingMode: 'rotational', rotationWeeks: 0 }, 'rotationWeeks'],
    ['an unknown pairing', { pairingMode: 'random' }, 'pairingMode'],
    ['a KPI target that is not a number', { kpis: [{ name: 'x', target: '6' }] }, 'kpis.0.target'],
    ['a KPI without a name', { kpis: [{ target: 6 }] }, 'kpis.0.name'],
    ['pilot as text', { pilot: 'yes' }, 'pilot'],
    ['an unknown field', { budget: 100 }, ''],
    ['an organization of no network', { organizationId: 'nosuchorganization' }, 'organizationId'],
  ];
  for (const [what, change, field] of invalid) {
    it(`answers 400 naming ${field || 'the field'} for ${what}; nothing written`, async () => {
      const before = await items();
      const problem = await expectProblem(
        await api.call('POST', programsPath(w.networkId), {
          token: w.tokens.admin,
          body: programBody(w, change),
        }),
        400,
        field || undefined,
      );
      if (!field) expect(problem.detail).toMatch(/budget/);
      expect(await items()).toBe(before);
    });
  }

  it('answers 400 naming organizationId for another network’s organization', async () => {
    const other = await api.createNetwork('Programs third network');
    const { createOrganization } = await import('../support/fixtures.ts');
    const foreign = await createOrganization(api, other.networkId, other.adminToken);
    const before = await items();
    await expectProblem(
      await api.call('POST', programsPath(w.networkId), {
        token: w.tokens.admin,
        body: programBody(w, { organizationId: foreign.id }),
      }),
      400,
      'organizationId',
    );
    expect(await items()).toBe(before);
  });
});

describe('who sees a program', () => {
  let p: Program;
  beforeAll(async () => {
    p = await createProgram(api, w, w.tokens.coordinator, { name: 'Visibility' });
  });

  it('shows it to its organization’s people, and to nobody else until they are tied to it', async () => {
    await expectJson(await api.call('GET', path(p.id), { token: w.bystander.token }), 200);
    await expectJson(await api.call('GET', path(p.id), { token: w.tokens.admin }), 200);
    for (const token of [w.tokens.awayCoordinator, w.referee.token]) {
      await expectProblem(await api.call('GET', path(p.id), { token }), 404);
    }
    // a referee of another organization sees it once named
    await expectJson(
      await api.call('POST', path(p.id, '/nominations'), {
        token: w.bystander.token,
        body: { nomineeId: w.people[4]!.id, refereeIds: [w.referee.id] },
      }),
      201,
    );
    const seen = await expectJson<Program>(
      await api.call('GET', path(p.id), { token: w.referee.token }),
      200,
    );
    expect(seen.viewer).toMatchObject({ manages: false, relations: ['referee'] });
    const mine = await expectJson<{ items: Program[] }>(
      await api.call('GET', `${programsPath(w.networkId)}?involvement=mine`, {
        token: w.referee.token,
      }),
      200,
    );
    expect(mine.items.map((x) => x.id)).toEqual([p.id]);
  });

  it('lists the network’s programs to admins and the organization’s to its people', async () => {
    const list = async (token: string) =>
      (
        await expectJson<{ items: Program[] }>(
          await api.call('GET', `${programsPath(w.networkId)}?limit=100`, { token }),
          200,
        )
      ).items;
    const all = await list(w.tokens.admin);
    expect(all.map((x) => x.id)).toContain(p.id);
    expect(all.some((x) => x.organizationId === w.away.id)).toBe(true);
    const home = await list(w.people[0]!.token);
    expect(home.map((x) => x.id)).toContain(p.id);
    expect(home.every((x) => x.organizationId === w.home.id)).toBe(true);
    const away = await list(w.tokens.awayCoordinator);
    expect(away.every((x) => x.organizationId === w.away.id)).toBe(true);
  });

  it('answers 404 for another network’s program under this network’s path, and on the other network', async () => {
    const theirs = await expectJson<Program>(
      await api.call('POST', programsPath(w.otherNetworkId), {
        token: w.tokens.otherAdmin,
        body: {
          ...programBody(w),
          organizationId: (
            await (
              await import('../support/fixtures.ts')
            ).createOrganization(api, w.otherNetworkId, w.tokens.otherAdmin)
          ).id,
        },
      }),
      201,
    );
    await expectProblem(await api.call('GET', path(theirs.id), { token: w.tokens.admin }), 404);
    await expectProblem(
      await api.call('GET', programPath(w.otherNetworkId, theirs.id), { token: w.tokens.admin }),
      404,
    );
    const before = await items();
    await expectProblem(
      await api.call('PATCH', path(theirs.id), {
        token: w.tokens.admin,
        body: { version: 1, name: 'Taken over' },
      }),
      404,
    );
    expect(await items()).toBe(before);
  });
});

describe('PATCH /networks/{networkId}/coaching-programs/{programId}', () => {
  it('changes the design at the version read; a stale version is a 409', async () => {
    const p = await createProgram(api, w, w.tokens.coordinator);
    const next = await expectJson<Program>(
      await api.call('PATCH', path(p.id), {
        token: w.tokens.coordinator,
        body: {
          version: 1,
          pilot: false,
          kpis: [{ ...p.kpis[0]!, current: 4 }],
          pairingMode: 'rotational',
          rotationWeeks: 2,
        },
      }),
      200,
    );
    expect(next).toMatchObject({
      version: 2,
      pilot: false,
      pairingMode: 'rotational',
      rotationWeeks: 2,
      kpis: [{ id: p.kpis[0]!.id, current: 4 }],
    });
    await expectProblem(
      await api.call('PATCH', path(p.id), {
        token: w.tokens.admin,
        body: { version: 1, name: 'Stale' },
      }),
      409,
      'version',
    );
  });

  it('refuses members (403) and bad input (400 naming the field), nothing written', async () => {
    const p = await createProgram(api, w, w.tokens.coordinator);
    const before = await items();
    await expectProblem(
      await api.call('PATCH', path(p.id), { token: w.people[0]!.token, body: { version: 1 } }),
      403,
    );
    await expectProblem(
      await api.call('PATCH', path(p.id), {
        token: w.tokens.coordinator,
        body: { version: 1, pairingMode: 'rotational' },
      }),
      400,
      'rotationWeeks',
    );
    await expectProblem(
      await api.call('PATCH', path(p.id), { token: w.tokens.coordinator, body: { name: 'x' } }),
      400,
      'version',
    );
    expect(await items()).toBe(before);
  });
});

describe('nominations and references', () => {
  let p: Program;
  let nomination: Nomination;
  beforeAll(async () => {
    p = await createProgram(api, w, w.tokens.coordinator, { name: 'Nominations' });
    nomination = await expectJson<Nomination>(
      await api.call('POST', path(p.id, '/nominations'), {
        token: w.people[1]!.token,
        body: {
          nomineeId: w.people[0]!.id,
          refereeIds: [w.referee.id, w.people[2]!.id],
          reason: 'Respected by the outreach team',
        },
      }),
      201,
    );
  });
  const confirmPath = (refereeId: string, nominationId = nomination.id) =>
    path(p.id, `/nominations/${nominationId}/references/${refereeId}/confirm`);

  it('records the nominee, the nominator and the referees, awaiting a reference', () => {
    expect(nomination).toMatchObject({
      nomineeId: w.people[0]!.id,
      nomineeName: 'Achieng Otieno',
      nominatedBy: w.people[1]!.id,
      status: 'open',
      state: 'awaiting-reference',
      referees: [
        { personId: w.referee.id, name: 'Refilwe Dube' },
        { personId: w.people[2]!.id, name: 'Chausiku Njeri' },
      ],
    });
  });

  it('lets only the referee confirm their own reference (403 to everyone else who sees it)', async () => {
    const before = await items();
    for (const token of [
      w.tokens.coordinator,
      w.tokens.admin,
      w.people[0]!.token, // the nominee
      w.people[1]!.token, // the nominator
      w.people[2]!.token, // the other referee
    ]) {
      await expectProblem(
        await api.call('POST', confirmPath(w.referee.id), { token, body: {} }),
        403,
      );
    }
    // someone who does not see the nomination is told it does not exist
    await expectProblem(
      await api.call('POST', confirmPath(w.referee.id), { token: w.bystander.token, body: {} }),
      404,
    );
    await expectProblem(
      await api.call('POST', confirmPath(w.referee.id), { token: w.tokens.otherAdmin, body: {} }),
      404,
    );
    expect(await items()).toBe(before);
    // accepting before any reference is confirmed breaks a rule
    await expectProblem(
      await api.call('POST', path(p.id, '/participants'), {
        token: w.tokens.coordinator,
        body: { nominationId: nomination.id },
      }),
      422,
      'nominationId',
    );
    expect(await items()).toBe(before);

    const confirmed = await expectJson<Nomination>(
      await api.call('POST', confirmPath(w.referee.id), {
        token: w.referee.token,
        body: { statement: 'Listens well and is trusted by peers.' },
      }),
      200,
    );
    expect(confirmed.state).toBe('referenced');
    expect(confirmed.referees[0]).toMatchObject({
      confirmedAt: expect.any(String),
      statement: 'Listens well and is trusted by peers.',
    });
    await expectProblem(
      await api.call('POST', confirmPath(w.referee.id), { token: w.referee.token, body: {} }),
      409,
      'refereeId',
    );
  });

  it('accepts the referenced nominee once: participant, nomination accepted; twice is a 409', async () => {
    const participant = await expectJson<{ personId: string; nominationId: string }>(
      await api.call('POST', path(p.id, '/participants'), {
        token: w.tokens.coordinator,
        body: { nominationId: nomination.id },
      }),
      201,
    );
    expect(participant).toMatchObject({ personId: w.people[0]!.id, nominationId: nomination.id });
    const list = await expectJson<{ items: Nomination[] }>(
      await api.call('GET', path(p.id, '/nominations'), { token: w.tokens.coordinator }),
      200,
    );
    expect(list.items.find((n) => n.id === nomination.id)?.state).toBe('accepted');
    await expectProblem(
      await api.call('POST', path(p.id, '/participants'), {
        token: w.tokens.admin,
        body: { nominationId: nomination.id },
      }),
      409,
      'nominationId',
    );
    // the nominee now finds the program among their own
    const mine = await expectJson<Program>(
      await api.call('GET', path(p.id), { token: w.people[0]!.token }),
      200,
    );
    expect(mine.viewer).toMatchObject({ participant: true, relations: ['nominee', 'participant'] });
  });

  it('shows a member only the nominations they are part of', async () => {
    const other = await expectJson<{ items: Nomination[] }>(
      await api.call('GET', path(p.id, '/nominations'), { token: w.bystander.token }),
      200,
    );
    expect(other.items).toEqual([]);
    const referee = await expectJson<{ items: Nomination[] }>(
      await api.call('GET', path(p.id, '/nominations'), { token: w.referee.token }),
      200,
    );
    expect(referee.items.map((n) => n.id)).toEqual([nomination.id]);
  });

  it('refuses a second nomination of the same person (409) and bad input (400); nothing written', async () => {
    const before = await items();
    await expectProblem(
      await api.call('POST', path(p.id, '/nominations'), {
        token: w.tokens.coordinator,
        body: { nomineeId: w.people[0]!.id, refereeIds: [w.referee.id] },
      }),
      409,
      'nomineeId',
    );
    const cases: [unknown, string][] = [
      [{ nomineeId: w.people[3]!.id, refereeIds: [w.people[3]!.id] }, 'refereeIds.0'],
      [{ nomineeId: w.people[3]!.id, refereeIds: [] }, 'refereeIds'],
      [{ nomineeId: 'nosuchperson1', refereeIds: [w.referee.id] }, 'nomineeId'],
      [{ nomineeId: w.people[3]!.id, refereeIds: [w.referee.id, 'nosuchperson2'] }, 'refereeIds.1'],
      [{ refereeIds: [w.referee.id] }, 'nomineeId'],
    ];
    for (const [body, field] of cases) {
      await expectProblem(
        await api.call('POST', path(p.id, '/nominations'), { token: w.tokens.coordinator, body }),
        400,
        field,
      );
    }
    await expectProblem(
      await api.call('POST', path(p.id, '/participants'), {
        token: w.tokens.coordinator,
        body: { nominationId: 'nosuchnomination' },
      }),
      400,
      'nominationId',
    );
    expect(await items()).toBe(before);
  });
});

describe('consent, pairs and confidential session notes', () => {
  let p: Program;
  let pair: Pair;
  const [a, b, c] = [0, 1, 2];
  const NOTE = 'Ama worries about the clinic director; we practised the conversation.';

  beforeAll(async () => {
    p = await createProgram(api, w, w.tokens.coordinator, { name: 'Confidential notes' });
    for (const i of [a, b, c]) await enrol(api, w, p.id, w.people[i]!, false);
  });

  it('lets a participant sign the consent form for themself only', async () => {
    const before = await items();
    for (const token of [w.tokens.coordinator, w.bystander.token]) {
      await expectProblem(
        await api.call('POST', path(p.id, '/consent'), {
          token,
          body: { textVersion: CONSENT_VERSION, signature: 'Someone', agree: true },
        }),
        403,
      );
    }
    await expectProblem(
      await api.call('POST', path(p.id, '/consent'), {
        token: w.people[a]!.token,
        body: { textVersion: 'old-version', signature: 'Achieng Otieno', agree: true },
      }),
      400,
      'textVersion',
    );
    await expectProblem(
      await api.call('POST', path(p.id, '/consent'), {
        token: w.people[a]!.token,
        body: { textVersion: CONSENT_VERSION, signature: 'Achieng Otieno', agree: false },
      }),
      400,
      'agree',
    );
    expect(await items()).toBe(before);
    const signed = await expectJson<{ consent: { textVersion: string; signature: string } }>(
      await api.call('POST', path(p.id, '/consent'), {
        token: w.people[a]!.token,
        body: { textVersion: CONSENT_VERSION, signature: 'Achieng Otieno', agree: true },
      }),
      201,
    );
    expect(signed.consent).toMatchObject({
      textVersion: CONSENT_VERSION,
      signature: 'Achieng Otieno',
    });
    await expectProblem(
      await api.call('POST', path(p.id, '/consent'), {
        token: w.people[a]!.token,
        body: { textVersion: CONSENT_VERSION, signature: 'Again', agree: true },
      }),
      409,
    );
  });

  it('forms fixed pairs of participants only, each person once', async () => {
    const before = await items();
    await expectProblem(
      await api.call('POST', path(p.id, '/pairs'), {
        token: w.tokens.coordinator,
        body: { pairs: [[w.people[a]!.id, w.bystander.id]] },
      }),
      400,
      'pairs.0.1',
    );
    await expectProblem(
      await api.call('POST', path(p.id, '/rotation'), {
        token: w.tokens.coordinator,
        body: { startDate: '2025-03-03', rounds: 2 },
      }),
      422,
    );
    await expectProblem(
      await api.call('POST', path(p.id, '/pairs'), {
        token: w.people[a]!.token,
        body: { pairs: [[w.people[a]!.id, w.people[b]!.id]] },
      }),
      403,
    );
    expect(await items()).toBe(before);
    const schedule = await expectJson<Schedule>(
      await api.call('POST', path(p.id, '/pairs'), {
        token: w.tokens.coordinator,
        body: { pairs: [[w.people[a]!.id, w.people[b]!.id]] },
      }),
      201,
    );
    pair = schedule.rounds[0]!.pairs[0]!;
    expect(pair).toMatchObject({
      round: 0,
      memberIds: [w.people[a]!.id, w.people[b]!.id],
      memberNames: ['Achieng Otieno', 'Baraka Mwangi'],
      sessionsHeld: 0,
      consentComplete: false,
    });
    await expectProblem(
      await api.call('POST', path(p.id, '/pairs'), {
        token: w.tokens.coordinator,
        body: { pairs: [[w.people[b]!.id, w.people[c]!.id]] },
      }),
      400,
      'pairs.0.0',
    );
  });

  it('refuses a session until both members signed (422), nothing written', async () => {
    const before = await items();
    await expectProblem(
      await api.call('POST', path(p.id, `/pairs/${pair.id}/sessions`), {
        token: w.people[a]!.token,
        body: { date: '2025-03-10', notes: NOTE },
      }),
      422,
    );
    expect(await items()).toBe(before);
    await expectJson(
      await api.call('POST', path(p.id, '/consent'), {
        token: w.people[b]!.token,
        body: { textVersion: CONSENT_VERSION, signature: 'Baraka Mwangi', agree: true },
      }),
      201,
    );
  });

  it('records the pair’s session and notes: each note its author’s, unless shared with the pair (ADR 0027)', async () => {
    const session = await expectJson<Session>(
      await api.call('POST', path(p.id, `/pairs/${pair.id}/sessions`), {
        token: w.people[a]!.token,
        body: { date: '2025-03-10', notes: NOTE },
        headers: { 'idempotency-key': 'session-key-0001' },
      }),
      201,
    );
    // the answer (which an Idempotency-Key keeps for replay) carries no note text
    expect(session.notes).toEqual([
      {
        id: expect.any(String),
        authorId: w.people[a]!.id,
        authorName: expect.any(String),
        at: expect.any(String),
        shared: false,
      },
    ]);
    const replay = await api.call('POST', path(p.id, `/pairs/${pair.id}/sessions`), {
      token: w.people[a]!.token,
      body: { date: '2025-03-10', notes: NOTE },
      headers: { 'idempotency-key': 'session-key-0001' },
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).not.toContain('clinic director');
    const reply = await expectJson<Session>(
      await api.call('POST', path(p.id, `/pairs/${pair.id}/sessions/${session.id}/notes`), {
        token: w.people[b]!.token,
        body: { text: 'Next time: the budget conversation.', shared: true },
      }),
      201,
    );
    // b's receipt: b's own note only; a's private note is not even listed
    expect(reply.notes.map((n) => n.authorId)).toEqual([w.people[b]!.id]);
    expect(JSON.stringify(reply)).not.toContain('budget conversation');
    const read = await expectJson<{ items: Session[] }>(
      await api.call('GET', path(p.id, `/pairs/${pair.id}/sessions`), {
        token: w.people[a]!.token,
      }),
      200,
    );
    expect(read.items).toHaveLength(1);
    expect(read.items[0]!.notes).toEqual([
      {
        id: session.notes[0]!.id,
        authorId: w.people[a]!.id,
        authorName: expect.any(String),
        at: expect.any(String),
        shared: false,
        text: NOTE,
      },
      {
        id: expect.any(String),
        authorId: w.people[b]!.id,
        authorName: expect.any(String),
        at: expect.any(String),
        shared: true,
        text: 'Next time: the budget conversation.',
      },
    ]);
    // b reads their own note and none of a's, which a kept to themselves
    const readByB = await expectJson<{ items: Session[] }>(
      await api.call('GET', path(p.id, `/pairs/${pair.id}/sessions`), {
        token: w.people[b]!.token,
      }),
      200,
    );
    expect(readByB.items[0]!.notes.map((n) => n.text)).toEqual([
      'Next time: the budget conversation.',
    ]);
    expect(JSON.stringify(readByB)).not.toContain('clinic director');
    // a shares a second note: b reads it
    await expectJson(
      await api.call('POST', path(p.id, `/pairs/${pair.id}/sessions/${session.id}/notes`), {
        token: w.people[a]!.token,
        body: { text: 'Shared: the plan for March.', shared: true },
      }),
      201,
    );
    const again = await expectJson<{ items: Session[] }>(
      await api.call('GET', path(p.id, `/pairs/${pair.id}/sessions`), {
        token: w.people[b]!.token,
      }),
      200,
    );
    expect(again.items[0]!.notes.map((n) => n.text)).toEqual([
      'Next time: the budget conversation.',
      'Shared: the plan for March.',
    ]);
    const schedule = await expectJson<Schedule>(
      await api.call('GET', path(p.id, '/pairs'), { token: w.tokens.coordinator }),
      200,
    );
    expect(schedule.rounds[0]!.pairs[0]).toMatchObject({ sessionsHeld: 1, consentComplete: true });
  });

  it('answers 404 on the pair’s notes to everyone but the pair (a donor too, at the fence)', async () => {
    const session = (
      await expectJson<{ items: Session[] }>(
        await api.call('GET', path(p.id, `/pairs/${pair.id}/sessions`), {
          token: w.people[b]!.token,
        }),
        200,
      )
    ).items[0]!;
    const outsiders: [string, string][] = [
      ['another participant', w.people[c]!.token],
      ['another member', w.bystander.token],
      ['the coordinator', w.tokens.coordinator],
      ['another coordinator', w.tokens.awayCoordinator],
      ['a network admin', w.tokens.admin],
      ['the referee', w.referee.token],
      ['the operator', w.tokens.operator],
      ['a donor', w.tokens.donor],
      ['another network’s admin', w.tokens.otherAdmin],
    ];
    const before = await items();
    for (const [who, token] of outsiders) {
      const get = await api.call('GET', path(p.id, `/pairs/${pair.id}/sessions`), { token });
      const text = await get.clone().text();
      expect(get.status, `${who}: ${text}`).toBe(refusedStatus(token));
      expect(text).not.toContain('clinic director');
      await expectProblem(
        await api.call('POST', path(p.id, `/pairs/${pair.id}/sessions`), {
          token,
          body: { date: '2025-03-11', notes: 'Written by an outsider' },
        }),
        refusedStatus(token),
      );
      await expectProblem(
        await api.call('POST', path(p.id, `/pairs/${pair.id}/sessions/${session.id}/notes`), {
          token,
          body: { text: 'Written by an outsider' },
        }),
        refusedStatus(token),
      );
    }
    expect(await items()).toBe(before);
  });

  it('stores the notes encrypted: no plaintext in any raw item, nor in the platform table', async () => {
    const raw = await rawNetworkItems(api, w.networkId);
    const text = JSON.stringify(raw);
    const platform = JSON.stringify(await rawPlatformItems(api));
    expect(platform).toContain('session-key-0001');
    expect(platform).not.toContain('clinic director');
    expect(text).not.toContain('clinic director');
    expect(text).not.toContain('budget conversation');
    const stored = raw.find((i) => String(i.SK).startsWith(`SESSION#${pair.id}#`))!;
    expect(stored).toBeDefined();
    for (const note of stored.notes as { text: unknown }[]) {
      expect(note.text).toMatchObject({
        v: 1,
        k: expect.any(String),
        iv: expect.any(String),
        ct: expect.any(String),
      });
    }
  });

  it('refuses bad session input (400 naming the field), nothing written', async () => {
    const before = await items();
    for (const [body, field] of [
      [{ date: '2025-02-30' }, 'date'],
      [{ date: '2025-03-12', notes: '' }, 'notes'],
      [{ date: '2099-01-01' }, 'date'],
      [{}, 'date'],
    ] as const) {
      await expectProblem(
        await api.call('POST', path(p.id, `/pairs/${pair.id}/sessions`), {
          token: w.people[a]!.token,
          body,
        }),
        400,
        field,
      );
    }
    expect(await items()).toBe(before);
  });
});

describe('rotation', () => {
  it('schedules rounds every N weeks with no repeat pair before every pairing was used; a bye when odd', async () => {
    const p = await createProgram(api, w, w.tokens.coordinator, {
      name: 'Rotation',
      pairingMode: 'rotational',
      rotationWeeks: 2,
    });
    await enrol(api, w, p.id, w.people[0]!, false);
    const before = await items();
    await expectProblem(
      await api.call('POST', path(p.id, '/rotation'), {
        token: w.tokens.coordinator,
        body: { startDate: '2025-03-03', rounds: 2 },
      }),
      422,
    );
    expect(await items()).toBe(before);
    for (const person of w.people.slice(1)) await enrol(api, w, p.id, person, false);
    const ready = await items();
    await expectProblem(
      await api.call('POST', path(p.id, '/rotation'), {
        token: w.tokens.coordinator,
        body: { rounds: 2 },
      }),
      400,
      'startDate',
    );
    await expectProblem(
      await api.call('POST', path(p.id, '/rotation'), {
        token: w.tokens.coordinator,
        body: { startDate: '2025-03-03', rounds: 0 },
      }),
      400,
      'rounds',
    );
    expect(await items()).toBe(ready);
    const first = await expectJson<Schedule>(
      await api.call('POST', path(p.id, '/rotation'), {
        token: w.tokens.coordinator,
        body: { startDate: '2025-03-03', rounds: 3 },
      }),
      201,
    );
    // later rounds continue after the last one
    const all = await expectJson<Schedule>(
      await api.call('POST', path(p.id, '/rotation'), {
        token: w.tokens.admin,
        body: { rounds: 3 },
      }),
      201,
    );
    expect(all.rounds.slice(0, 3)).toEqual(first.rounds);
    expect(all.rounds.map((r) => [r.round, r.startDate, r.endDate])).toEqual([
      [1, '2025-03-03', '2025-03-16'],
      [2, '2025-03-17', '2025-03-30'],
      [3, '2025-03-31', '2025-04-13'],
      [4, '2025-04-14', '2025-04-27'],
      [5, '2025-04-28', '2025-05-11'],
      [6, '2025-05-12', '2025-05-25'],
    ]);
    const ids = w.people.map((x) => x.id);
    const key = (pair: Pair) => [...pair.memberIds].sort().join('+');
    const firstCycle = all.rounds.slice(0, 5).flatMap((r) => r.pairs.map(key));
    expect(new Set(firstCycle).size).toBe(10); // 5 people: all 10 pairs, once each
    expect(
      all.rounds
        .slice(0, 5)
        .map((r) => r.bye)
        .sort(),
    ).toEqual([...ids].sort());
    for (const round of all.rounds) {
      expect(round.pairs).toHaveLength(2);
      expect([...round.pairs.flatMap((x) => x.memberIds), round.bye].sort()).toEqual(
        [...ids].sort(),
      );
      expect(round.byeName).toEqual(expect.any(String));
    }
    // a participant sees the schedule; a bystander does not
    await expectJson(
      await api.call('GET', path(p.id, '/pairs'), { token: w.people[3]!.token }),
      200,
    );
    await expectProblem(
      await api.call('GET', path(p.id, '/pairs'), { token: w.bystander.token }),
      403,
    );
  });
});

describe('self-assessments, survey and the coordinator overview', () => {
  let p: Program;
  const ratingsOf = (base: number) => ({
    'active-listening': base,
    'effective-feedback': base,
    'self-reflection': Math.min(5, base + 1),
  });

  beforeAll(async () => {
    p = await createProgram(api, w, w.tokens.coordinator, { name: 'Feedback' });
    for (const person of w.people.slice(0, 4)) await enrol(api, w, p.id, person);
  });

  it('keeps each participant’s answers their own and shows the coordinator aggregates only', async () => {
    const assess = (i: number, kind: string, base: number) =>
      api.call('POST', path(p.id, '/self-assessments'), {
        token: w.people[i]!.token,
        body: { kind, ratings: ratingsOf(base) },
      });
    const before = await items();
    await expectProblem(await assess(0, 'follow-up', 3), 422, 'kind');
    await expectProblem(
      await api.call('POST', path(p.id, '/self-assessments'), {
        token: w.people[0]!.token,
        body: { kind: 'baseline', ratings: { 'active-listening': 6 } },
      }),
      400,
      'ratings.active-listening',
    );
    await expectProblem(
      await api.call('POST', path(p.id, '/self-assessments'), {
        token: w.tokens.coordinator,
        body: { kind: 'baseline', ratings: ratingsOf(3) },
      }),
      403,
    );
    expect(await items()).toBe(before);

    for (const i of [0, 1]) await expectJson(await assess(i, 'baseline', 2), 201);
    await expectProblem(await assess(0, 'baseline', 3), 409, 'kind');
    for (const i of [0, 1]) await expectJson(await assess(i, 'follow-up', 4), 201);

    const summary = async () =>
      expectJson<{
        participants: number;
        competencies: { competencyId: string; changeCount: number; meanChange?: number }[];
        overallMeanChange?: number;
      }>(
        await api.call('GET', path(p.id, '/self-assessments/summary'), {
          token: w.tokens.coordinator,
        }),
        200,
      );
    // two people: counts only, no mean that would tell each the other's answers
    const two = await summary();
    expect(two.competencies.find((x) => x.competencyId === 'active-listening')).toEqual({
      competencyId: 'active-listening',
      baselineCount: 2,
      changeCount: 2,
    });
    expect(two.overallMeanChange).toBeUndefined();
    await expectJson(await assess(2, 'baseline', 1), 201);
    await expectJson(await assess(2, 'follow-up', 4), 201);
    const three = await summary();
    expect(three.competencies.find((x) => x.competencyId === 'active-listening')).toMatchObject({
      changeCount: 3,
      meanChange: 2.33,
    });

    const mine = await expectJson<{
      items: unknown[];
      change: { competencyId: string; change?: number }[];
    }>(
      await api.call('GET', path(p.id, '/self-assessments/mine'), { token: w.people[2]!.token }),
      200,
    );
    expect(mine.items).toHaveLength(2);
    expect(mine.change.find((x) => x.competencyId === 'active-listening')?.change).toBe(3);
    await expectProblem(
      await api.call('GET', path(p.id, '/self-assessments/summary'), { token: w.people[0]!.token }),
      403,
    );
    await expectProblem(
      await api.call('GET', path(p.id, '/self-assessments/mine'), { token: w.tokens.coordinator }),
      403,
    );
  });

  it('stores survey answers without names, once per person and round, and aggregates them', async () => {
    const answer = (i: number, skills: number, improve?: string) =>
      api.call('POST', path(p.id, '/survey-responses'), {
        token: w.people[i]!.token,
        body: { answers: { skills, growth: 4 }, ...(improve ? { improve } : {}) },
      });
    const before = await items();
    await expectProblem(await answer(0, 4), 422);
    await expectProblem(
      await api.call('POST', path(p.id, '/survey-rounds'), { token: w.people[0]!.token }),
      403,
    );
    expect(await items()).toBe(before);
    expect(
      await expectJson(
        await api.call('POST', path(p.id, '/survey-rounds'), { token: w.tokens.coordinator }),
        201,
      ),
    ).toEqual({ round: 1 });
    await expectProblem(
      await api.call('POST', path(p.id, '/survey-responses'), {
        token: w.people[0]!.token,
        body: { answers: { skills: 9 } },
      }),
      400,
      'answers.skills',
    );
    await expectJson(await answer(0, 5, 'More time for each session'), 201);
    await expectProblem(await answer(0, 3), 409, 'round');

    const results = async () =>
      expectJson<{
        responses: number;
        responseRate: number;
        withheld: boolean;
        comments: string[];
        questions: { questionId: string; mean?: number; distribution?: number[] }[];
      }>(
        await api.call('GET', path(p.id, '/survey/results'), { token: w.tokens.coordinator }),
        200,
      );
    expect(await results()).toMatchObject({
      responses: 1,
      responseRate: 0.25,
      withheld: true,
      comments: [],
    });
    await expectJson(await answer(1, 4), 201);
    await expectJson(await answer(2, 3, 'A guide for the first session'), 201);
    const shown = await results();
    expect(shown).toMatchObject({ responses: 3, responseRate: 0.75, withheld: false });
    expect(shown.questions.find((q) => q.questionId === 'skills')).toMatchObject({
      mean: 4,
      distribution: [0, 0, 1, 1, 1],
    });
    expect(shown.comments).toEqual(['A guide for the first session', 'More time for each session']);

    const responses = (await rawNetworkItems(api, w.networkId)).filter(
      (i) => i.entity === 'coaching-program-survey-response',
    );
    expect(responses.length).toBeGreaterThanOrEqual(3);
    const ids = w.people.map((x) => x.id);
    for (const r of responses) {
      for (const id of ids) expect(JSON.stringify(r)).not.toContain(id);
    }
    await expectProblem(
      await api.call('GET', path(p.id, '/survey/results?round=2'), { token: w.tokens.coordinator }),
      400,
      'round',
    );
  });

  it('gives the coordinator an overview of every program, group and coaching: figures only', async () => {
    const rotation = await createProgram(api, w, w.tokens.coordinator, { name: 'Overview pairs' });
    await enrol(api, w, rotation.id, w.people[0]!);
    await enrol(api, w, rotation.id, w.people[1]!);
    const schedule = await expectJson<Schedule>(
      await api.call('POST', path(rotation.id, '/pairs'), {
        token: w.tokens.coordinator,
        body: { pairs: [[w.people[0]!.id, w.people[1]!.id]] },
      }),
      201,
    );
    const pairId = schedule.rounds[0]!.pairs[0]!.id;
    await expectJson(
      await api.call('POST', path(rotation.id, `/pairs/${pairId}/sessions`), {
        token: w.people[1]!.token,
        body: { date: '2025-04-01', notes: 'A private overview note' },
      }),
      201,
    );
    interface Overview {
      programs: { id: string; organizationName: string; figures: Record<string, unknown> }[];
      groups: unknown[];
      coachings: unknown[];
      truncated: Record<string, boolean>;
    }
    const overview = await expectJson<Overview>(
      await api.call('GET', `/networks/${w.networkId}/coaching-overview`, {
        token: w.tokens.coordinator,
      }),
      200,
    );
    const row = overview.programs.find((x) => x.id === rotation.id)!;
    expect(row.organizationName).toBe(w.home.name);
    expect(row.figures).toMatchObject({
      participants: 2,
      consentSigned: 2,
      pairs: 1,
      sessionsHeld: 1,
      pairsWithSessions: 1,
    });
    const feedback = overview.programs.find((x) => x.id === p.id)!;
    expect(feedback.figures).toMatchObject({
      participants: 4,
      selfAssessment: { baseline: 3, followUp: 3, meanChange: expect.any(Number) },
      survey: { round: 1, responses: 3, participants: 4, responseRate: 0.75 },
    });
    expect(Array.isArray(overview.groups)).toBe(true);
    expect(Array.isArray(overview.coachings)).toBe(true);
    expect(JSON.stringify(overview)).not.toContain('private overview note');
    // another organization's coordinator sees none of these programs; the admin sees them all
    const away = await expectJson<Overview>(
      await api.call('GET', `/networks/${w.networkId}/coaching-overview`, {
        token: w.tokens.awayCoordinator,
      }),
      200,
    );
    expect(away.programs.every((x) => x.organizationName === w.away.name)).toBe(true);
    const admin = await expectJson<Overview>(
      await api.call('GET', `/networks/${w.networkId}/coaching-overview`, {
        token: w.tokens.admin,
      }),
      200,
    );
    expect(admin.programs.map((x) => x.id)).toContain(rotation.id);
    await expectProblem(
      await api.call('GET', `/networks/${w.networkId}/coaching-overview`, {
        token: w.people[0]!.token,
      }),
      403,
    );
    for (const token of [w.tokens.otherAdmin, w.tokens.operator, w.tokens.donor]) {
      await expectProblem(
        await api.call('GET', `/networks/${w.networkId}/coaching-overview`, { token }),
        refusedStatus(token),
      );
    }
    // the program's own summary gives the same figures
    const summary = await expectJson<Record<string, unknown>>(
      await api.call('GET', path(rotation.id, '/summary'), { token: w.tokens.coordinator }),
      200,
    );
    expect(summary).toEqual(row.figures);
    await expectProblem(
      await api.call('GET', path(rotation.id, '/summary'), { token: w.people[0]!.token }),
      403,
    );
  });
});
