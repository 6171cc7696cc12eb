import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { createGroup, createSession, groupPath, groupWorld } from '../support/coaching-groups.ts';
import {
  createProgram,
  type Nomination,
  programPath,
  programWorld,
} from '../support/coaching-programs.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { createMentorship, type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { reportBody, submitReport } from '../support/quarterly-reports.ts';
import { reflectionBody } from '../support/reflection.ts';
import { fileSummaryReport, summaryBody } from '../support/summary-reports.ts';

/** A task as `GET /me/tasks` answers it. */
interface Task {
  id: string;
  kind: string;
  dueDate: string | null;
  overdue: boolean;
  link: string;
  mentorshipId?: string;
  period?: number;
  state?: string;
  about: string;
  detail?: string;
}

type Caller = keyof MentorshipWorld['tokens'];

let api: TestApi;
let w: MentorshipWorld;
/** A mentorship starting on the clock's today, so its reviews come due as the clock moves. */
let m: Mentorship;

const clockDay = () => api.local.clock.now().toISOString().slice(0, 10);
async function advanceTo(iso: string, ms = 60_000) {
  const target = new Date(Date.parse(iso) + ms);
  if (target > api.local.clock.now()) {
    expect(await api.local.clock.advance({ to: target.toISOString() })).toBeDefined();
  }
}

async function page(caller: Caller, query = ''): Promise<{ items: Task[]; cursor?: string }> {
  return expectJson(await api.call('GET', `/me/tasks${query}`, { token: w.tokens[caller] }), 200);
}
/** Every task of the caller, all pages. */
async function tasks(caller: Caller): Promise<Task[]> {
  const out: Task[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(caller, `?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...p.items);
    cursor = p.cursor;
  } while (cursor);
  return out;
}
const keys = async (caller: Caller) =>
  (await tasks(caller)).map((t) => `${t.kind}:${t.mentorshipId ?? t.id}:${t.dueDate ?? '-'}`);

const mentorshipLink = (id: string) => `/networks/${w.networkId}/mentorships/${id}`;

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Tasks');
  const created = await createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: w.mentor.id,
    menteeOrganizationIds: [w.mentee.id],
    startDate: clockDay(),
    durationMonths: 12,
  });
  m = await expectJson<Mentorship>(
    await api.call('PUT', `${mentorshipPath(w.networkId, created.id)}/participants`, {
      token: w.tokens.admin,
      body: { personIds: [w.participantId] },
    }),
    200,
  );
});
afterAll(() => api.close());

describe('GET /me/tasks', () => {
  it('asks each organization’s coordinator to accept the rights, until it does', async () => {
    // both mentorships of the world wait for both organizations
    const older = w.mentorship.id;
    const expected = [older, m.id].sort().map((id) => `agreement:${id}:-`);
    expect(await keys('mentorCoordinator')).toEqual(expected);
    expect(await keys('menteeCoordinator')).toEqual(expected);
    const first = (await tasks('mentorCoordinator')).find((t) => t.mentorshipId === m.id)!;
    expect(first).toEqual({
      id: m.id,
      kind: 'agreement',
      dueDate: null,
      overdue: false,
      link: `${mentorshipLink(m.id)}#agreements`,
      mentorshipId: m.id,
      about: 'Tasks mentor → Tasks mentee',
    });
    // nobody else is asked: admins, members, an organization not in it, another network
    for (const caller of ['admin', 'participant', 'outsiderCoordinator', 'otherAdmin'] as const) {
      expect(await tasks(caller)).toEqual([]);
    }

    await expectJson(
      await api.call('POST', `${mentorshipPath(w.networkId, m.id)}/agreements`, {
        token: w.tokens.mentorCoordinator,
        body: { organizationId: w.mentor.id },
      }),
      201,
    );
    expect(await keys('mentorCoordinator')).toEqual([`agreement:${older}:-`]);
    expect(await keys('menteeCoordinator')).toEqual(expected);
    await expectJson(
      await api.call('POST', `${mentorshipPath(w.networkId, m.id)}/agreements`, {
        token: w.tokens.menteeCoordinator,
        body: { organizationId: w.mentee.id },
      }),
      201,
    );
    expect(await keys('menteeCoordinator')).toEqual([`agreement:${older}:-`]);
  });

  it('lists an owner’s open follow-up actions by date, until done', async () => {
    await fileSummaryReport(
      api,
      w.networkId,
      m.id,
      w.tokens.mentorCoordinator,
      summaryBody({
        organizationIds: [w.mentee.id],
        followUpActions: [
          { what: 'Share the budget', ownerId: w.participantId, dueDate: '2099-05-01' },
          { what: 'Train peers', ownerId: w.participantId, dueDate: '2025-03-10' },
        ],
      }),
    );
    const mine = await tasks('participant');
    expect(mine.map((t) => [t.kind, t.detail, t.dueDate, t.overdue])).toEqual([
      ['follow-up-action', 'Train peers', '2025-03-10', true],
      ['follow-up-action', 'Share the budget', '2099-05-01', false],
    ]);
    expect(mine[0]).toMatchObject({
      link: `/networks/${w.networkId}/follow-up-actions`,
      mentorshipId: m.id,
      about: 'Tasks mentor → Tasks mentee',
    });
    // the coordinator who filed it owns none of them
    expect((await tasks('mentorCoordinator')).some((t) => t.kind === 'follow-up-action')).toBe(
      false,
    );

    const actions = await expectJson<{ items: { id: string; what: string; version: number }[] }>(
      await api.call('GET', `${mentorshipPath(w.networkId, m.id)}/follow-up-actions`, {
        token: w.tokens.participant,
      }),
      200,
    );
    const done = actions.items.find((a) => a.what === 'Train peers')!;
    await expectJson(
      await api.call('PATCH', `${mentorshipPath(w.networkId, m.id)}/follow-up-actions/${done.id}`, {
        token: w.tokens.participant,
        body: { status: 'done', version: done.version },
      }),
      200,
    );
    expect((await tasks('participant')).map((t) => t.detail)).toEqual(['Share the budget']);
  });

  it('asks the mentor’s coordinator for a due quarterly report, the admins once overdue, until filed', async () => {
    const q1 = m.reviews.find((r) => r.kind === 'quarterly' && r.period === 1)!;
    await advanceTo(`${q1.dueDate}T08:00:00Z`);
    const report = (await tasks('mentorCoordinator')).filter((t) => t.mentorshipId === m.id);
    expect(report).toEqual([
      {
        id: `${m.id}#1`,
        kind: 'quarterly-report',
        dueDate: q1.dueDate,
        overdue: false,
        link: `${mentorshipLink(m.id)}/quarterly-reports/new?period=1`,
        mentorshipId: m.id,
        period: 1,
        state: 'requested',
        about: 'Tasks mentor → Tasks mentee',
      },
    ]);
    expect((await tasks('menteeCoordinator')).some((t) => t.kind === 'quarterly-report')).toBe(
      false,
    );
    expect(await tasks('admin')).toEqual([]);

    // 28 days on: overdue, and the admins hear of it
    await advanceTo(`${q1.dueDate}T08:00:00Z`, 29 * 86_400_000);
    const late = (await tasks('mentorCoordinator')).find((t) => t.kind === 'quarterly-report')!;
    expect(late).toMatchObject({ state: 'overdue', overdue: true, period: 1 });
    expect((await tasks('admin')).map((t) => `${t.kind}:${t.period}:${t.state}`)).toEqual([
      'quarterly-report:1:overdue',
    ]);
    // the earlier follow-up action (2025) comes before the report, the later one (2099) after
    expect((await tasks('participant')).map((t) => t.kind)).toEqual(['follow-up-action']);
    expect((await tasks('otherAdmin')).length).toBe(0);

    await submitReport(api, w.networkId, m.id, w.tokens.mentorCoordinator, reportBody(1));
    expect((await tasks('mentorCoordinator')).some((t) => t.kind === 'quarterly-report')).toBe(
      false,
    );
    expect(await tasks('admin')).toEqual([]);
  });

  it('asks a coach added to the pool to say whether they are willing, once', async () => {
    await expectJson(
      await api.call('POST', `/networks/${w.networkId}/coaches`, {
        token: w.tokens.admin,
        body: { personId: w.participantId, areas: [{ area: 'monitoring-evaluation' }] },
      }),
      201,
    );
    const asked = (await tasks('participant')).filter((t) => t.kind === 'coach-willingness');
    expect(asked).toEqual([
      {
        id: w.participantId,
        kind: 'coach-willingness',
        dueDate: null,
        overdue: false,
        link: `/networks/${w.networkId}/sisi-kwa-sisi/coaches`,
        about: 'Participating Member',
      },
    ]);
    // undated items come last
    expect((await tasks('participant')).map((t) => t.kind)).toEqual([
      'follow-up-action',
      'coach-willingness',
    ]);
    await expectJson(
      await api.call('PUT', `/networks/${w.networkId}/coaches/${w.participantId}/willingness`, {
        token: w.tokens.participant,
        body: { willing: false },
      }),
      200,
    );
    expect((await tasks('participant')).map((t) => t.kind)).toEqual(['follow-up-action']);
  });

  it('pages soonest first with a cursor that follows the order', async () => {
    await fileSummaryReport(
      api,
      w.networkId,
      m.id,
      w.tokens.mentorCoordinator,
      summaryBody({
        organizationIds: [w.mentee.id],
        followUpActions: [
          { what: 'Call the clinic', ownerId: w.participantId, dueDate: '2099-01-01' },
          { what: 'Book a room', ownerId: w.participantId, dueDate: '2099-12-31' },
        ],
      }),
    );
    const all = await tasks('participant');
    expect(all.map((t) => t.detail)).toEqual([
      'Call the clinic',
      'Share the budget',
      'Book a room',
    ]);
    const seen: Task[] = [];
    let cursor: string | undefined;
    do {
      const p = await page('participant', `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(p.items.length).toBe(1);
      seen.push(...p.items);
      cursor = p.cursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('asks everyone in the mentorship for the reflection until they answered, then the evaluation', async () => {
    const midTerm = m.reviews.find((r) => r.kind === 'mid-term')!;
    await advanceTo(`${midTerm.dueDate}T08:00:00Z`);
    const reflectionOf = async (caller: Caller) =>
      (await tasks(caller)).filter((t) => t.kind === 'reflection');
    expect(await reflectionOf('participant')).toEqual([
      {
        id: `${m.id}#${m.reviews.indexOf(midTerm) + 1}`,
        kind: 'reflection',
        dueDate: midTerm.dueDate,
        overdue: false,
        link: `${mentorshipLink(m.id)}/reflection`,
        mentorshipId: m.id,
        state: 'requested',
        about: 'Tasks mentor → Tasks mentee',
      },
    ]);
    for (const caller of ['mentorCoordinator', 'menteeCoordinator'] as const) {
      expect((await reflectionOf(caller)).map((t) => t.mentorshipId)).toEqual([m.id]);
    }
    for (const caller of ['admin', 'outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
      expect(await reflectionOf(caller)).toEqual([]);
    }
    await expectJson(
      await api.call('POST', `${mentorshipPath(w.networkId, m.id)}/reflection/answers`, {
        token: w.tokens.participant,
        body: reflectionBody(0),
      }),
      201,
    );
    expect(await reflectionOf('participant')).toEqual([]);
    expect((await reflectionOf('menteeCoordinator')).length).toBe(1);

    const end = m.reviews.find((r) => r.kind === 'end')!;
    await advanceTo(`${end.dueDate}T08:00:00Z`);
    const evaluation = (await tasks('mentorCoordinator')).filter((t) => t.kind === 'evaluation');
    expect(evaluation.map((t) => [t.dueDate, t.link])).toEqual([
      [end.dueDate, `${mentorshipLink(m.id)}/evaluation`],
    ]);
    expect((await tasks('admin')).some((t) => t.kind === 'evaluation')).toBe(false);
  });

  it('refuses a bad limit or cursor with a 400 naming it', async () => {
    for (const limit of ['0', '101', 'many', '2.5']) {
      await expectProblem(
        await api.call('GET', `/me/tasks?limit=${limit}`, { token: w.tokens.mentorCoordinator }),
        400,
        'limit',
      );
    }
    for (const cursor of ['not-a-cursor', 'bm90IGEga2V5', '!!']) {
      await expectProblem(
        await api.call('GET', `/me/tasks?cursor=${encodeURIComponent(cursor)}`, {
          token: w.tokens.mentorCoordinator,
        }),
        400,
        'cursor',
      );
    }
    await expectProblem(await api.call('GET', '/me/tasks'), 401);
  });
});

describe('GET /me/tasks in coaching', () => {
  const DAY_MS = 86_400_000;
  const dayIn = (days: number) =>
    new Date(api.local.clock.now().getTime() + days * DAY_MS).toISOString().slice(0, 10);
  const tasksWith = async (token: string) => {
    const body = await expectJson<{ items: Task[] }>(
      await api.call('GET', '/me/tasks?limit=100', { token }),
      200,
    );
    return body.items;
  };

  it('asks a group’s members to agree to its spirit, and lists its sessions coming up', async () => {
    const g = await groupWorld(api, 'Task groups');
    const group = await createGroup(api, g);
    const path = groupPath(g.networkId, group.id);
    const next = await createSession(api, g, group.id, dayIn(7));
    await expectJson(
      await api.call('PUT', `${path}/spirit`, {
        token: g.tokens.facilitator,
        body: { text: 'We listen before we advise.', version: 0 },
      }),
      200,
    );
    const link = `/networks/${g.networkId}/coaching-groups/${group.id}`;
    expect(await tasksWith(g.tokens.m1)).toEqual([
      {
        id: `${group.id}#${next.id}`,
        kind: 'group-session',
        dueDate: dayIn(7),
        overdue: false,
        link,
        about: 'Team leads circle',
      },
      {
        id: group.id,
        kind: 'group-spirit',
        dueDate: null,
        overdue: false,
        link,
        about: 'Team leads circle',
      },
    ]);
    // the facilitator (not a member) runs the session, and is not asked to agree
    expect((await tasksWith(g.tokens.facilitator)).map((t) => t.kind)).toEqual(['group-session']);
    await expectJson(
      await api.call('POST', `${path}/spirit/agreements`, {
        token: g.tokens.m1,
        body: { version: 1 },
      }),
      200,
    );
    expect((await tasksWith(g.tokens.m1)).map((t) => t.kind)).toEqual(['group-session']);
    expect((await tasksWith(g.tokens.m2)).map((t) => t.kind)).toEqual([
      'group-session',
      'group-spirit',
    ]);
    // nobody outside the group, nor another network's admin, nor the operator
    for (const token of [
      g.tokens.outsider,
      g.tokens.coordinatorD,
      g.tokens.otherAdmin,
      g.tokens.operator,
    ]) {
      expect(await tasksWith(token)).toEqual([]);
    }
    // a donor reads summaries only
    await expectProblem(await api.call('GET', '/me/tasks', { token: g.tokens.donor }), 403);
  });

  it('asks a referee to confirm, then the coordinator to accept the nominee', async () => {
    const p = await programWorld(api, 'Task programs');
    const program = await createProgram(api, p, p.tokens.coordinator);
    const path = programPath(p.networkId, program.id);
    const nominee = p.people[0]!;
    const nomination = await expectJson<Nomination>(
      await api.call('POST', `${path}/nominations`, {
        token: p.tokens.coordinator,
        body: { nomineeId: nominee.id, refereeIds: [p.referee.id] },
      }),
      201,
    );
    const about = `Peer coaching pilot 2025: ${nomination.nomineeName}`;
    const link = `/networks/${p.networkId}/coaching-programs/${program.id}#nominations-heading`;
    expect(await tasksWith(p.referee.token)).toEqual([
      {
        id: `${program.id}#${nomination.id}`,
        kind: 'reference',
        dueDate: null,
        overdue: false,
        link,
        about,
      },
    ]);
    expect(await tasksWith(p.tokens.coordinator)).toEqual([]);
    expect(await tasksWith(nominee.token)).toEqual([]);

    await expectJson(
      await api.call(
        'POST',
        `${path}/nominations/${nomination.id}/references/${p.referee.id}/confirm`,
        { token: p.referee.token, body: {} },
      ),
      200,
    );
    expect(await tasksWith(p.referee.token)).toEqual([]);
    expect(await tasksWith(p.tokens.coordinator)).toEqual([
      {
        id: `${program.id}#${nomination.id}`,
        kind: 'nomination',
        dueDate: null,
        overdue: false,
        link,
        about,
      },
    ]);
    // another organization's coordinator, and another network, see none of it
    expect(await tasksWith(p.tokens.awayCoordinator)).toEqual([]);
    expect(await tasksWith(p.tokens.otherAdmin)).toEqual([]);

    await expectJson(
      await api.call('POST', `${path}/participants`, {
        token: p.tokens.coordinator,
        body: { nominationId: nomination.id },
      }),
      201,
    );
    expect(await tasksWith(p.tokens.coordinator)).toEqual([]);
  });
});
