import { detailCatalogs, detailText } from '@sisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { acceptInvitation, uniqueEmail } from '../support/fixtures.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { expectProblem, type Problem } from '../support/problem.ts';

/**
 * The precise detail of a 403, 409, 410 or 422 reads in the language `Accept-Language` asks
 * for, from its key in `locales/{lng}/details.json`; English keeps its words (ADR 0040).
 */
let api: TestApi;
let w: MentorshipWorld;

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Problem details');
});
afterAll(() => api?.close());

const LANGUAGES = ['en', 'fr', 'pt'] as const;
const asked = { en: 'en-GB', fr: 'fr-FR, en;q=0.5', pt: 'pt-BR' } as const;

/** The same request in each language; nothing written by any of them. */
async function inEachLanguage(
  send: (headers: Record<string, string>) => Promise<Response>,
  status: number,
  field?: string,
): Promise<Record<(typeof LANGUAGES)[number], Problem>> {
  const before = await api.countItems([w.networkId]);
  const out = {} as Record<(typeof LANGUAGES)[number], Problem>;
  for (const lng of LANGUAGES) {
    const res = await send({ 'accept-language': asked[lng] });
    expect(res.headers.get('content-language')).toBe(lng);
    out[lng] = await expectProblem(res, status, field);
  }
  expect(await api.countItems([w.networkId])).toBe(before);
  return out;
}

describe('a problem’s precise detail in the reader’s language', () => {
  it('403: a coordinator asking to erase someone hears who may', async () => {
    const answers = await inEachLanguage(
      (headers) =>
        api.call('POST', `/networks/${w.networkId}/people/${w.participantId}/erasure`, {
          token: w.tokens.mentorCoordinator,
          body: {},
          headers,
        }),
      403,
    );
    expect(answers.en.detail).toBe('only the operator and the network’s admins may do this');
    expect(answers.fr.detail).toBe(detailCatalogs.fr.forbidden_operator_or_admins);
    expect(answers.pt.detail).toBe(detailCatalogs.pt.forbidden_operator_or_admins);
    expect(answers.fr.detail).toMatch(/administrateur·rices du réseau/);
    expect(answers.pt.detail).toMatch(/administradores\(as\) da rede/);
  });

  it('409: an organization accepting twice, on the problem and on its field', async () => {
    const path = `/networks/${w.networkId}/mentorships/${w.mentorship.id}/agreements`;
    const accept = (headers: Record<string, string> = {}) =>
      api.call('POST', path, {
        token: w.tokens.mentorCoordinator,
        body: { organizationId: w.mentor.id },
        headers,
      });
    expect([201, 409]).toContain((await accept()).status);
    const answers = await inEachLanguage(accept, 409, 'organizationId');
    expect(answers.en.detail).toBe('this organization has already accepted');
    for (const lng of LANGUAGES) {
      const words = detailText('conflict_organization_accepted', {}, lng);
      expect(answers[lng]).toMatchObject({ code: 'conflict', detail: words });
      expect(answers[lng].errors).toEqual([
        { path: 'organizationId', code: 'conflict', message: words },
      ]);
    }
    expect(answers.fr.detail).toBe('cette organisation a déjà accepté');
    expect(answers.pt.detail).toBe('esta organização já aceitou');
  });

  it('410: an invitation used already', async () => {
    const email = uniqueEmail('twice');
    const invited = await api.call(
      'POST',
      `/networks/${w.networkId}/organizations/${w.outsider.id}/members`,
      { token: w.tokens.admin, body: { email, name: 'Twice Accepted' } },
    );
    expect(invited.status).toBe(201);
    const token = await api.invitationToken(email);
    await acceptInvitation(api, email, 'Twice Accepted');
    const answers = await inEachLanguage(
      (headers) =>
        api.call('POST', `/invitations/${token}/accept`, {
          body: { name: 'Twice Accepted', password: 'a long enough password' },
          headers,
        }),
      410,
    );
    expect(answers.en.detail).toBe(
      'this invitation was already used or has expired; ask for a new one',
    );
    expect(answers.fr.detail).toBe(detailCatalogs.fr.gone_invitation_used);
    expect(answers.pt.detail).toBe(detailCatalogs.pt.gone_invitation_used);
    expect(answers.pt.detail).toMatch(/^este convite já foi usado/);
  });

  it('422: an admin erasing their own data, on the problem and on `personId`', async () => {
    const me = (await (await api.call('GET', '/me', { token: w.tokens.admin })).json()) as {
      id: string;
    };
    const answers = await inEachLanguage(
      (headers) =>
        api.call('POST', `/networks/${w.networkId}/people/${me.id}/erasure`, {
          token: w.tokens.admin,
          body: {},
          headers,
        }),
      422,
      'personId',
    );
    expect(answers.en.detail).toBe(
      'an admin cannot erase their own data: another admin or the operator does it',
    );
    for (const lng of LANGUAGES) {
      const words = detailText('rule_self_erasure', {}, lng);
      expect(answers[lng]).toMatchObject({ code: 'domain_rule', rule: 'self-erasure' });
      expect(answers[lng].detail).toBe(words);
      expect(answers[lng].errors).toEqual([
        { path: 'personId', code: 'domain_rule', params: { rule: 'self-erasure' }, message: words },
      ]);
    }
    expect(answers.fr.detail).toMatch(/^un·e administrateur·rice ne peut pas effacer/);
    expect(answers.pt.detail).toMatch(/^um\(a\) administrador\(a\) não pode apagar/);
  });

  it('words a count the reader’s way (a plural key)', () => {
    expect(detailText('rule_coach_full', { count: 1 }, 'en')).toBe(
      'the coach already coaches 1 peer, all their places',
    );
    expect(detailText('rule_coach_full', { count: 3 }, 'fr')).toBe(
      'le ou la coach accompagne déjà 3 pairs : toutes ses places sont prises',
    );
  });
});
