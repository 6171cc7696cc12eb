import { detailCatalogs, errorCatalogs, errorCodes, errorText, keyPopulations } from '@sisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { organizationBody } from '../support/fixtures.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { STAGES } from '../support/mentorships.ts';
import { expectProblem, type Problem } from '../support/problem.ts';
import { summaryBody, summaryReportsPath } from '../support/summary-reports.ts';

/**
 * Every field error carries a stable `code` (with `params`), and its `message`, the
 * problem's `title` and `detail` are in the language `Accept-Language` asks for (ADR 0036).
 */
let api: TestApi;
let w: MentorshipWorld;

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Error codes');
});
afterAll(() => api?.close());

const organizations = () => `/networks/${w.networkId}/organizations`;
const summaries = () => summaryReportsPath(w.networkId, w.mentorship.id);
const { name: _name, ...withoutName } = organizationBody();

/** Sends `body` as the network admin; a 400 naming `field`, nothing written. */
async function refused(
  path: string,
  body: unknown,
  field: string,
  headers: Record<string, string> = {},
): Promise<{ problem: Problem; res: Response }> {
  const before = await api.countItems([w.networkId]);
  const res = await api.call('POST', path, { token: w.tokens.admin, body, headers });
  const problem = await expectProblem(res.clone(), 400, field);
  expect(await api.countItems([w.networkId])).toBe(before);
  return { problem, res };
}

describe('validation errors carry codes', () => {
  it.each([
    ['a missing field', organizations, () => withoutName, 'name', 'required', undefined],
    [
      'a name too long',
      organizations,
      () => organizationBody({ name: 'x'.repeat(161) }),
      'name',
      'too_long',
      { maximum: 160 },
    ],
    [
      'a name too short',
      organizations,
      () => organizationBody({ name: 'x' }),
      'name',
      'too_short',
      { minimum: 2 },
    ],
    [
      'an option that is not one',
      organizations,
      () => organizationBody({ keyPopulations: ['wizards'] }),
      'keyPopulations.0',
      'not_one_of',
      { options: [...keyPopulations] },
    ],
    [
      'a field the form does not have',
      organizations,
      () => organizationBody({ colour: 'blue' }),
      'colour',
      'not_a_known_field',
      undefined,
    ],
    [
      'an email that is not one',
      organizations,
      () => organizationBody({ coordinatorEmail: 'not an email' }),
      'coordinatorEmail',
      'invalid_format',
      { format: 'email' },
    ],
    [
      'a NUL in a name',
      organizations,
      () => organizationBody({ name: 'Org\u0000name' }),
      'name',
      'unsafe_text',
      { reason: 'nul' },
    ],
    [
      'a next meeting before the meeting',
      summaries,
      () => summaryBody({ meetingDate: '2025-02-03', nextMeetingDate: '2025-01-20' }),
      'nextMeetingDate',
      'date_order',
      { min: '2025-02-03' },
    ],
  ])('%s: code %4$s… at %3$s', async (_, path, body, field, code, params) => {
    const { problem } = await refused(path(), body(), field);
    const error = problem.errors!.find((e) => e.path === field)!;
    expect(error.code).toBe(code);
    if (params) expect(error.params).toEqual(params);
    else expect(error.params).toBeUndefined();
    expect(error.message).toBe(errorText(code as never, params ?? {}, 'en'));
    for (const e of problem.errors!) expect(errorCodes).toContain(e.code);
  });

  it('never names an internal option id in a message, in any language', async () => {
    for (const lng of ['en', 'fr', 'es', 'pt']) {
      const { problem } = await refused(
        organizations(),
        organizationBody({ keyPopulations: ['wizards'] }),
        'keyPopulations.0',
        { 'accept-language': lng },
      );
      const words = [problem.detail, ...problem.errors!.map((e) => e.message)].join(' ');
      for (const id of [...keyPopulations, 'wizards']) expect(words).not.toContain(id);
    }
  });
});

describe('messages follow Accept-Language', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['pt-BR', 'pt'],
    ['es-419', 'es'],
    ['de', 'en'],
    ['de-CH, pt;q=0.5', 'pt'],
  ] as const)('%s: words of %s', async (header, lng) => {
    const { problem, res } = await refused(organizations(), withoutName, 'name', {
      'accept-language': header,
    });
    expect(res.headers.get('content-language')).toBe(lng);
    const catalog: Record<string, string> = errorCatalogs[lng];
    const error = problem.errors!.find((e) => e.path === 'name')!;
    expect(error).toMatchObject({ code: 'required', message: catalog.required });
    expect(problem.detail).toContain(`name: ${catalog.required}`);
    if (lng === 'en') {
      expect(problem.title).toBe('Invalid input');
    } else {
      expect(problem.title).toBe(catalog.problem_title_400);
      expect(error.message).not.toBe(errorCatalogs.en.required);
    }
  });

  it('words a plural by the number in French', async () => {
    const { problem } = await refused(
      organizations(),
      organizationBody({ name: 'x'.repeat(161) }),
      'name',
      { 'accept-language': 'fr' },
    );
    expect(problem.errors!.find((e) => e.path === 'name')!.message).toBe(
      'Utilisez au plus 160 caractères.',
    );
  });

  it('says the common problems in the reader’s language; type stays the same', async () => {
    const token = w.tokens.admin;
    const english = await expectProblem(await api.call('GET', '/no-such-route', { token }), 404);
    const french = await expectProblem(
      await api.call('GET', '/no-such-route', { token, headers: { 'accept-language': 'fr' } }),
      404,
    );
    expect(french).toMatchObject({
      type: english.type,
      title: errorCatalogs.fr.problem_title_404,
      detail: errorCatalogs.fr.problem_not_found,
    });
    const spanish = await expectProblem(
      await api.call('GET', `/networks/${w.networkId}/organizations`, {
        headers: { 'accept-language': 'es' },
      }),
      401,
    );
    expect(spanish.detail).toBe(errorCatalogs.es.problem_unauthorized);
    const portuguese = await expectProblem(
      await api.call('DELETE', '/networks', {
        token: w.tokens.admin,
        headers: { 'accept-language': 'pt-BR' },
      }),
      405,
    );
    expect(portuguese.detail).toMatch(/^Este endereço só responde a .*GET/);
  });

  it('words a rule of the domain (422), its code and rule kept', async () => {
    const before = await api.countItems([w.networkId]);
    const res = await api.call(
      'POST',
      `/networks/${w.networkId}/mentorships/${w.mentorship.id}/stage`,
      {
        token: w.tokens.admin,
        body: { stage: STAGES.at(-1), reason: 'Skipping ahead' },
        headers: { 'accept-language': 'fr' },
      },
    );
    const problem = (await expectProblem(res, 422)) as Problem & { code?: string; rule?: string };
    expect(problem).toMatchObject({
      code: 'domain_rule',
      rule: expect.any(String),
      title: errorCatalogs.fr.problem_title_422,
    });
    // the thrower's precise sentence, from its key (ADR 0040); the SPA words the rule under
    // a field from `domain_rule_<rule>`, which every rule thrown has too
    const words = (detailCatalogs.fr as Record<string, string>)[
      `rule_${problem.rule?.replaceAll('-', '_')}`
    ];
    expect(words).toBeDefined();
    expect(problem.detail).toBe(words);
    expect(problem.errors).toEqual([
      { path: 'stage', code: 'domain_rule', params: { rule: problem.rule }, message: words },
    ]);
    const catalog: Record<string, string> = errorCatalogs.fr;
    expect(catalog[`domain_rule_${problem.rule}`]).toBeDefined();
    expect(await api.countItems([w.networkId])).toBe(before);
  });
  it('words a version conflict (409), its code kept on the problem and on `version`', async () => {
    const path = `/networks/${w.networkId}/organizations/${w.mentor.id}/asset-inventory`;
    const body = { areasOfExpertise: ['advocacy'], internalExperts: [], packagedResources: [] };
    const first = await api.call('PUT', path, {
      token: w.tokens.admin,
      body: { ...body, version: 0 },
    });
    expect(first.status, await first.clone().text()).toBe(200);
    const before = await api.countItems([w.networkId]);
    const stale = await api.call('PUT', path, {
      token: w.tokens.admin,
      body: { ...body, version: 0 },
      headers: { 'accept-language': 'pt' },
    });
    const problem = (await expectProblem(stale, 409, 'version')) as Problem & { code?: string };
    expect(problem).toMatchObject({
      code: 'version_conflict',
      title: errorCatalogs.pt.problem_title_409,
      detail: errorCatalogs.pt.version_conflict,
    });
    expect(problem.errors).toContainEqual({
      path: 'version',
      code: 'version_conflict',
      message: errorCatalogs.pt.version_conflict,
    });
    expect(await api.countItems([w.networkId])).toBe(before);
  });
  it('words an email already someone’s (409 email_taken)', async () => {
    const members = `/networks/${w.networkId}/organizations/${w.outsider.id}/members`;
    const body = { email: 'twice.invited@example.org', name: 'Twin' };
    const first = await api.call('POST', members, { token: w.tokens.admin, body });
    expect(first.status, await first.clone().text()).toBe(201);
    const before = await api.countItems([w.networkId]);
    const res = await api.call('POST', members, {
      token: w.tokens.admin,
      body,
      headers: { 'accept-language': 'es-AR' },
    });
    const problem = (await expectProblem(res, 409, 'email')) as Problem & { code?: string };
    expect(problem).toMatchObject({ code: 'email_taken', detail: errorCatalogs.es.email_taken });
    expect(problem.errors).toContainEqual({
      path: 'email',
      code: 'email_taken',
      message: errorCatalogs.es.email_taken,
    });
    expect(await api.countItems([w.networkId])).toBe(before);
  });
});
