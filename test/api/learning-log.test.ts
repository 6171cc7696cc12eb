import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  type CoachingGroup,
  createGroup,
  createSession,
  expectDonorRefused,
  type GroupSession,
  type GroupWorld,
  groupWorld,
  type LearningLog,
  putRawItem,
  rawNetworkItems,
  sessionPath,
} from '../support/coaching-groups.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

/**
 * API.md: `PUT|GET …/sessions/{sessionId}/learning-log` — each member's own learning log
 * (003); nobody else, not another member, the facilitator, a coordinator or an admin (nor
 * an operator or a donor) can read it: 404. A member who has not written theirs reads
 * `null` (API.md: a singleton not created yet is 200 with `null`).
 */
let api: TestApi;
let w: GroupWorld;
let g: CoachingGroup;
let session: GroupSession;

const items = () => api.countItems([w.networkId, w.otherNetworkId]);
const logPath = (sessionId = session.id, groupId = g.id, networkId = w.networkId) =>
  `${sessionPath(networkId, groupId, sessionId)}/learning-log`;
const put = (token: string, body: unknown, path = logPath()) =>
  api.call('PUT', path, { token, body });
const get = (token: string, path = logPath()) => api.call('GET', path, { token });

const MINE = {
  content: 'We worked on Chidi’s referral backlog and my reporting issue',
  evaluation: 'Asking before advising felt slow but the restated issue was the real one',
  actionPlan: 'Ask the outreach team which report they find useless; report back next time',
};

beforeAll(async () => {
  api = await createTestApi();
  w = await groupWorld(api, 'Logs');
  g = await createGroup(api, w);
  session = await createSession(api, w, g.id, '2025-03-04');
  await expectJson(
    await api.call('PATCH', sessionPath(w.networkId, g.id, session.id), {
      token: w.tokens.facilitator,
      body: { presentIds: [w.people.m1, w.people.m2, w.people.m4, w.people.facilitator] },
    }),
    200,
  );
});
afterAll(() => api.close());

describe('PUT and GET of a learning log by its author', () => {
  it('keeps the fields of 003 with the session’s date, members present and facilitator', async () => {
    // not written yet: an empty form (null) for the member
    expect(await expectJson<null>(await get(w.tokens.m1), 200)).toBeNull();
    const saved = await expectJson<LearningLog>(await put(w.tokens.m1, MINE), 200);
    expect(saved).toMatchObject({
      ...MINE,
      groupId: g.id,
      sessionId: session.id,
      authorId: w.people.m1,
      date: '2025-03-04',
      facilitator: { id: w.people.facilitator, name: 'Esi Facilitator' },
    });
    expect(saved.membersPresent.map((p) => p.name)).toEqual([
      'Amina One',
      'Baraka Two',
      'Dina Four',
      'Esi Facilitator',
    ]);
    expect(await expectJson<LearningLog>(await get(w.tokens.m1), 200)).toEqual(saved);
  });

  it('replaces the log on a second write, keeping when it was first written', async () => {
    const first = await expectJson<LearningLog & { createdAt: string }>(
      await get(w.tokens.m1),
      200,
    );
    const before = await items();
    const again = await expectJson<LearningLog & { createdAt: string }>(
      await put(w.tokens.m1, {
        ...MINE,
        actionPlan: `${MINE.actionPlan}. Also meet the district officer.`,
      }),
      200,
    );
    expect(await items()).toBe(before);
    expect(again.createdAt).toBe(first.createdAt);
    expect(again.actionPlan).toContain('district officer');
    await expectJson(await put(w.tokens.m1, MINE), 200);
  });

  it('gives another member their own log, never the author’s', async () => {
    const theirs = { content: 'Baraka’s own notes', evaluation: '', actionPlan: '' };
    await expectJson(await put(w.tokens.m2, theirs), 200);
    const read = await expectJson<LearningLog>(await get(w.tokens.m2), 200);
    expect(read).toMatchObject({ ...theirs, authorId: w.people.m2 });
    expect(JSON.stringify(read)).not.toContain(MINE.content);
  });
});

describe('nobody but its author reads a learning log', () => {
  const readers = () =>
    ({
      'another member (with no log)': w.tokens.m3,
      'a member who was absent': w.tokens.m4,
      'the facilitator': w.tokens.facilitator,
      "a coordinator of the author's organization": w.tokens.coordinatorA,
      "the facilitator's coordinator": w.tokens.coordinatorC,
      'a coordinator of no one in the group': w.tokens.coordinatorD,
      'the network admin': w.tokens.admin,
      'a member outside the group': w.tokens.outsider,
      'the operator': w.tokens.operator,
      'a donor': w.tokens.donor,
      "another network's admin": w.tokens.otherAdmin,
    }) as Record<string, string>;

  it('answers another member their own (empty) log, and 404 to everyone else', async () => {
    const members = [w.tokens.m3, w.tokens.m4];
    for (const [who, token] of Object.entries(readers())) {
      const res = await get(token);
      const text = await res.clone().text();
      if (token === w.tokens.donor) await expectDonorRefused(res);
      else if (members.includes(token)) expect(await expectJson(res, 200), who).toBeNull();
      else expect(res.status, who).toBe(404);
      for (const value of Object.values(MINE)) expect(text, who).not.toContain(value);
    }
    // a donor naming the network in their token is no different
    const donor = await api.tokenFor({ roles: ['donor'], networkId: w.networkId });
    const res = await get(donor);
    const text = await res.clone().text();
    await expectDonorRefused(res);
    for (const value of Object.values(MINE)) expect(text).not.toContain(value);
  });

  it('is not reachable through another group or session id either', async () => {
    const other = await createGroup(api, w, { name: 'Another circle' });
    const otherSession = await createSession(api, w, other.id, '2025-03-04');
    // the same member in another group reads their own log there: not written, null
    expect(
      await expectJson<null>(await get(w.tokens.m1, logPath(otherSession.id, other.id)), 200),
    ).toBeNull();
    // another group's session under this group, or a made-up group: 404
    await expectProblem(await get(w.tokens.m1, logPath(otherSession.id)), 404);
    await expectProblem(await get(w.tokens.m1, logPath(session.id, 'nosuchgroup1')), 404);
    await expectProblem(await get(w.tokens.m1, logPath(session.id, g.id, w.otherNetworkId)), 404);
  });

  it('holds no plaintext in the stored item, and does not decrypt when copied to another author', async () => {
    const raw = await rawNetworkItems(api, w.networkId);
    const stored = raw.find((i) => i.SK === `LOG#${session.id}#${w.people.m1}`)!;
    expect(stored).toBeDefined();
    const text = JSON.stringify(raw);
    for (const value of Object.values(MINE)) expect(text).not.toContain(value);
    for (const field of ['content', 'evaluation', 'actionPlan']) {
      expect(stored[field]).toMatchObject({
        v: 1,
        k: expect.any(String),
        iv: expect.any(String),
        ct: expect.any(String),
      });
    }

    // m1's ciphertext pasted onto m3's log: bound to m1's item, it does not open for m3
    await putRawItem(api, w.networkId, {
      ...stored,
      SK: `LOG#${session.id}#${w.people.m3}`,
      authorId: w.people.m3,
    });
    const res = await get(w.tokens.m3);
    const body = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(500);
    for (const value of Object.values(MINE)) expect(body).not.toContain(value);
  });
});

describe('writing a learning log', () => {
  it('is for members: the facilitator, coordinators and admins get 403, strangers 404; nothing written', async () => {
    const before = await items();
    for (const token of [w.tokens.facilitator, w.tokens.coordinatorA, w.tokens.admin]) {
      await expectProblem(await put(token, MINE), 403);
    }
    for (const token of [
      w.tokens.outsider,
      w.tokens.coordinatorD,
      w.tokens.otherAdmin,
      w.tokens.operator,
    ]) {
      await expectProblem(await put(token, MINE), 404);
    }
    await expectDonorRefused(await put(w.tokens.donor, MINE));
    await expectProblem(await put(w.tokens.m1, MINE, logPath('nosuchsession')), 404);
    expect(await items()).toBe(before);
  });

  const bad: [string, unknown, string][] = [
    ['nothing written in any field', { content: ' ', evaluation: '', actionPlan: '' }, 'content'],
    ['no evaluation', { content: 'x', actionPlan: 'y' }, 'evaluation'],
    ['no action plan', { content: 'x', evaluation: 'y' }, 'actionPlan'],
    ['content that is not text', { ...MINE, content: 42 }, 'content'],
    ['too long an evaluation', { ...MINE, evaluation: 'x'.repeat(8001) }, 'evaluation'],
    ['an unknown field', { ...MINE, mood: 'fine' }, 'mood'],
    ['a body that is not JSON', '{content:', 'body'],
  ];
  for (const [what, body, field] of bad) {
    it(`answers 400 naming ${field} for ${what}; nothing written or changed`, async () => {
      const before = await items();
      await expectProblem(await put(w.tokens.m4, body), 400, field);
      expect(await items()).toBe(before);
      expect(await expectJson<null>(await get(w.tokens.m4), 200)).toBeNull();
    });
  }
});
