import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { createMentorship, type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { type FollowUpAction, fileSummaryReport, summaryBody } from '../support/summary-reports.ts';

let api: TestApi;
let w: MentorshipWorld;
/** Today and a day far ahead, on the runtime's clock. */
let today: string;
const FAR = '2099-12-31';

type MyAction = FollowUpAction & {
  organizations: { id: string; name: string; role: 'mentor' | 'mentee' }[];
};

const items = () => api.countItems([w.networkId, w.otherNetworkId]);
const actionsPath = (m: { id: string }) => `${mentorshipPath(w.networkId, m.id)}/follow-up-actions`;
const mine = async (token: string, query = '') =>
  (
    await expectJson<{ items: MyAction[]; cursor?: string }>(
      await api.call('GET', `/networks/${w.networkId}/follow-up-actions${query}`, { token }),
      200,
    )
  ).items;
const patch = (m: { id: string }, a: { id: string }, token: string, body: unknown) =>
  api.call('PATCH', `${actionsPath(m)}/${a.id}`, { token, body });

/** A new mentorship of the world with its participant. */
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

/** Files a report on `m` with these actions; returns them as tracked (by due date). */
async function withActions(
  m: Mentorship,
  rows: { ownerId: string; dueDate: string; what?: string }[],
): Promise<FollowUpAction[]> {
  await fileSummaryReport(
    api,
    w.networkId,
    m.id,
    w.tokens.mentorCoordinator,
    summaryBody({
      organizationIds: [w.mentee.id],
      followUpActions: rows.map((r, i) => ({ what: r.what ?? `Action ${i + 1}`, ...r })),
    }),
  );
  return (
    await expectJson<{ items: FollowUpAction[] }>(
      await api.call('GET', actionsPath(m), { token: w.tokens.admin }),
      200,
    )
  ).items;
}

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Follow-ups');
  today = api.local.clock.now().toISOString().slice(0, 10);
});
afterAll(() => api.close());

describe('a mentorship’s follow-up actions', () => {
  it('are overdue while open past their due date, never on it or when done', async () => {
    const m = await fresh();
    const [past, due, later] = await withActions(m, [
      { ownerId: w.participantId, dueDate: '2025-02-10', what: 'late' },
      { ownerId: w.participantId, dueDate: today, what: 'due today' },
      { ownerId: w.participantId, dueDate: FAR, what: 'later' },
    ]);
    expect([past, due, later].map((a) => [a?.what, a?.overdue])).toEqual([
      ['late', true],
      ['due today', false],
      ['later', false],
    ]);
    const done = await expectJson<FollowUpAction>(
      await patch(m, past!, w.tokens.participant, { status: 'done', version: 1 }),
      200,
    );
    expect(done).toMatchObject({ status: 'done', version: 2, overdue: false });
  });
});

describe('PATCH …/follow-up-actions/{actionId}', () => {
  it('lets the owner change the status; the version moves on; a stale version is 409', async () => {
    const m = await fresh();
    const [action] = await withActions(m, [{ ownerId: w.participantId, dueDate: FAR }]);
    const done = await expectJson<FollowUpAction>(
      await patch(m, action!, w.tokens.participant, { status: 'done', version: 1 }),
      200,
    );
    expect(done).toMatchObject({
      id: action!.id,
      status: 'done',
      version: 2,
      updatedBy: w.participantId,
      updatedByName: expect.any(String),
    });
    const before = await items();
    await expectProblem(
      await patch(m, action!, w.tokens.admin, { status: 'dropped', version: 1 }),
      409,
      'version',
    );
    expect(await items()).toBe(before);
    const stored = await expectJson<{ items: FollowUpAction[] }>(
      await api.call('GET', actionsPath(m), { token: w.tokens.admin }),
      200,
    );
    expect(stored.items[0]).toMatchObject({ status: 'done', version: 2 });
  });

  const managers = ['admin', 'mentorCoordinator', 'menteeCoordinator'] as const;
  for (const caller of managers) {
    it(`lets the ${caller} update an action someone else owns`, async () => {
      const m = await fresh();
      const [action] = await withActions(m, [{ ownerId: w.participantId, dueDate: FAR }]);
      await expectJson(
        await patch(m, action!, w.tokens[caller], { status: 'dropped', version: 1 }),
        200,
      );
    });
  }

  it('answers 403 to a participant who does not own the action; nothing changes', async () => {
    const m = await fresh();
    const [action] = await withActions(m, [{ ownerId: w.mentor.coordinatorId, dueDate: FAR }]);
    const before = await items();
    await expectProblem(
      await patch(m, action!, w.tokens.participant, { status: 'done', version: 1 }),
      403,
    );
    expect(await items()).toBe(before);
  });

  const strangers = ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const;
  for (const caller of strangers) {
    it(`answers 404 to the ${caller}, who does not see the mentorship`, async () => {
      const m = await fresh();
      const [action] = await withActions(m, [{ ownerId: w.participantId, dueDate: FAR }]);
      await expectProblem(
        await patch(m, action!, w.tokens[caller], { status: 'done', version: 1 }),
        404,
      );
      const [stored] = (
        await expectJson<{ items: FollowUpAction[] }>(
          await api.call('GET', actionsPath(m), { token: w.tokens.admin }),
          200,
        )
      ).items;
      expect(stored).toMatchObject({ status: 'open', version: 1 });
    });
  }

  it('answers 404 for an action that does not exist', async () => {
    await expectProblem(
      await patch(w.mentorship, { id: '2025-02-10-nosuchactn' }, w.tokens.admin, {
        status: 'done',
        version: 1,
      }),
      404,
    );
  });

  const invalid: [string, unknown, string][] = [
    ['a status that is not one', { status: 'finished', version: 1 }, 'status'],
    ['no version', { status: 'done' }, 'version'],
    ['version 0', { status: 'done', version: 0 }, 'version'],
    ['an unknown field', { status: 'done', version: 1, what: 'Rewritten' }, 'what'],
  ];
  for (const [what, body, field] of invalid) {
    it(`answers 400 naming ${field} for ${what}; nothing changes`, async () => {
      const m = await fresh();
      const [action] = await withActions(m, [{ ownerId: w.participantId, dueDate: FAR }]);
      const before = await items();
      await expectProblem(await patch(m, action!, w.tokens.participant, body), 400, field);
      expect(await items()).toBe(before);
    });
  }
});

describe('GET /networks/{networkId}/follow-up-actions (the owner’s own list)', () => {
  it('holds the owner’s actions across mentorships, by status then due date, with who is in each', async () => {
    const who = await createMentorship(api, w.networkId, w.tokens.admin, {
      mentorOrganizationId: w.mentor.id,
      menteeOrganizationIds: [w.mentee.id],
    });
    const m1 = await fresh();
    const m2 = await fresh();
    const owner = w.tokens.menteeCoordinator;
    const [a1] = await withActions(m1, [{ ownerId: w.mentee.coordinatorId, dueDate: FAR }]);
    const [a2, other] = await withActions(m2, [
      { ownerId: w.mentee.coordinatorId, dueDate: '2025-02-10' },
      { ownerId: w.participantId, dueDate: '2025-02-11' },
    ]);
    await expectJson(await patch(m1, a1!, owner, { status: 'done', version: 1 }), 200);

    const all = await mine(owner, '?owner=me');
    const ours = all.filter((a) => [m1.id, m2.id].includes(a.mentorshipId));
    expect(ours.map((a) => [a.id, a.status, a.overdue])).toEqual([
      [a1!.id, 'done', false],
      [a2!.id, 'open', true],
    ]);
    expect(ours[1]!.organizations).toEqual([
      { id: w.mentor.id, name: 'Follow-ups mentor', role: 'mentor' },
      { id: w.mentee.id, name: 'Follow-ups mentee', role: 'mentee' },
    ]);
    // `owner=me` is the default; `status` narrows to one range of the index
    expect((await mine(owner)).map((a) => a.id)).toEqual(all.map((a) => a.id));
    const open = await mine(owner, '?status=open');
    expect(open.every((a) => a.status === 'open')).toBe(true);
    expect(open.map((a) => a.id)).toContain(a2!.id);
    expect(open.map((a) => a.id)).not.toContain(a1!.id);
    // someone else's actions are not on it
    expect(all.map((a) => a.id)).not.toContain(other!.id);
    expect((await mine(w.tokens.participant)).map((a) => a.id)).toContain(other!.id);
    expect(who.id).toBeTruthy();
  });

  it('leaves out the actions of a mentorship the owner no longer sees', async () => {
    const m = await fresh();
    const [action] = await withActions(m, [{ ownerId: w.participantId, dueDate: FAR }]);
    expect((await mine(w.tokens.participant)).map((a) => a.id)).toContain(action!.id);
    await expectJson(
      await api.call('PUT', `${mentorshipPath(w.networkId, m.id)}/participants`, {
        token: w.tokens.admin,
        body: { personIds: [] },
      }),
      200,
    );
    expect((await mine(w.tokens.participant)).map((a) => a.id)).not.toContain(action!.id);
  });

  it('pages through with a cursor', async () => {
    const m = await fresh();
    await withActions(m, [
      { ownerId: w.mentor.coordinatorId, dueDate: '2030-01-01' },
      { ownerId: w.mentor.coordinatorId, dueDate: '2030-01-02' },
      { ownerId: w.mentor.coordinatorId, dueDate: '2030-01-03' },
    ]);
    const first = await expectJson<{ items: MyAction[]; cursor?: string }>(
      await api.call('GET', `/networks/${w.networkId}/follow-up-actions?status=open&limit=2`, {
        token: w.tokens.mentorCoordinator,
      }),
      200,
    );
    expect(first.items.map((a) => a.dueDate)).toEqual(['2030-01-01', '2030-01-02']);
    const next = await expectJson<{ items: MyAction[] }>(
      await api.call(
        'GET',
        `/networks/${w.networkId}/follow-up-actions?status=open&limit=2&cursor=${first.cursor}`,
        { token: w.tokens.mentorCoordinator },
      ),
      200,
    );
    // the next page goes on in due-date order (later actions of other tests follow)
    expect(next.items[0]).toMatchObject({ mentorshipId: m.id, dueDate: '2030-01-03' });
  });

  it('answers 400 for an owner other than me, a bad status or a foreign cursor', async () => {
    for (const [query, field] of [
      ['?owner=person123', 'owner'],
      ['?status=late', 'status'],
      ['?cursor=abc', 'cursor'],
    ]) {
      await expectProblem(
        await api.call('GET', `/networks/${w.networkId}/follow-up-actions${query}`, {
          token: w.tokens.participant,
        }),
        400,
        field,
      );
    }
  });

  it('answers 404 on another network', async () => {
    await expectProblem(
      await api.call('GET', `/networks/${w.otherNetworkId}/follow-up-actions`, {
        token: w.tokens.participant,
      }),
      404,
    );
  });
});

describe('GET …/people', () => {
  it('names the coordinators of its organizations and its participants', async () => {
    const people = await expectJson<{ items: { id: string; name: string; role: string }[] }>(
      await api.call('GET', `${mentorshipPath(w.networkId, w.mentorship.id)}/people`, {
        token: w.tokens.participant,
      }),
      200,
    );
    expect(people.items.map((p) => [p.id, p.role]).sort()).toEqual(
      [
        [w.mentor.coordinatorId, 'coordinator'],
        [w.mentee.coordinatorId, 'coordinator'],
        [w.participantId, 'participant'],
      ].sort(),
    );
  });

  it('answers 404 to those who do not see the mentorship', async () => {
    for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
      await expectProblem(
        await api.call('GET', `${mentorshipPath(w.networkId, w.mentorship.id)}/people`, {
          token: w.tokens[caller],
        }),
        404,
      );
    }
  });
});
