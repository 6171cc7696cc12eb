import { errorText } from '@sisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  type CoachingGroup,
  createGroup,
  createSession,
  type GroupSession,
  type GroupWorld,
  groupWorld,
  sessionPath,
} from '../support/coaching-groups.ts';
import { organizationBody } from '../support/fixtures.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

/**
 * Names and texts refuse a NUL and a lone UTF-16 surrogate with a 400 naming the field, on
 * every route (one check over every validated input): a lone surrogate cannot be written as
 * UTF-8, so an encrypted field would silently have kept U+FFFD instead.
 */
let api: TestApi;
let w: GroupWorld;
let g: CoachingGroup;
let session: GroupSession;

const items = () => api.countItems([w.networkId]);
const logPath = () => `${sessionPath(w.networkId, g.id, session.id)}/learning-log`;
const LOG = { content: 'What we did', evaluation: 'How it went', actionPlan: 'What comes next' };

beforeAll(async () => {
  api = await createTestApi();
  w = await groupWorld(api, 'Unsafe text');
  g = await createGroup(api, w);
  session = await createSession(api, w, g.id, '2025-03-04');
  await expectJson(
    await api.call('PATCH', sessionPath(w.networkId, g.id, session.id), {
      token: w.tokens.facilitator,
      body: { presentIds: [w.people.m1, w.people.m2, w.people.facilitator] },
    }),
    200,
  );
});
afterAll(() => api.close());

/** Sends JSON text exactly as written, its `\u` escapes included. */
const send = (method: string, path: string, token: string, json: string) =>
  api.app.request(`/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: json,
  });

describe('NUL and lone surrogates', () => {
  it.each([
    ['a NUL', 'Org\\u0000name', 'nul'],
    ['a lone high surrogate', 'Org \\ud800 name', 'surrogate'],
    ['a lone low surrogate', 'Org \\udc00', 'surrogate'],
  ])(
    'an organization name with %s: 400 naming `name`, nothing written',
    async (_, name, reason) => {
      const before = await items();
      const json = JSON.stringify({ ...organizationBody(), name: 'x' }).replace(
        '"name":"x"',
        `"name":"${name}"`,
      );
      const problem = await expectProblem(
        await send('POST', `/networks/${w.networkId}/organizations`, w.tokens.admin, json),
        400,
        'name',
      );
      expect(problem.errors).toContainEqual({
        path: 'name',
        code: 'unsafe_text',
        params: { reason },
        message: errorText('unsafe_text', { reason }, 'en'),
      });
      expect(await items()).toBe(before);
    },
  );

  it('a pair of surrogates (an emoji) is text like any other', async () => {
    const saved = await expectJson<typeof LOG>(
      await send(
        'PUT',
        logPath(),
        w.tokens.m1,
        JSON.stringify({ ...LOG, content: 'x' }).replace('"x"', '"Well done \\ud83d\\ude00"'),
      ),
      200,
    );
    expect(saved.content).toBe('Well done 😀');
  });

  it('an encrypted learning log with a lone surrogate: 400 naming the field, nothing kept', async () => {
    const before = await items();
    const json = JSON.stringify({ ...LOG, evaluation: 'x' }).replace('"x"', '"half \\ud83d"');
    await expectProblem(await send('PUT', logPath(), w.tokens.m2, json), 400, 'evaluation');
    expect(await items()).toBe(before);
    // its author reads "none written yet" (ADR 0043): nothing was kept
    expect(
      await expectJson(await api.call('GET', logPath(), { token: w.tokens.m2 }), 200),
    ).toBeNull();
  });

  it('free text with a NUL in a nested list names its path', async () => {
    const before = await items();
    const json = JSON.stringify({
      ...organizationBody(),
      strengthsOffered: ['fine', 'x'],
    }).replace('"x"', '"bad\\u0000"');
    const res = await send('POST', `/networks/${w.networkId}/organizations`, w.tokens.admin, json);
    await expectProblem(res, 400, 'strengthsOffered.1');
    expect(await items()).toBe(before);
  });
});
