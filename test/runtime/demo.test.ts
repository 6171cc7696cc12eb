import { join } from 'node:path';
import { seedDemo } from '@sisi/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { expectJson } from '../support/problem.ts';

/** The demo `pnpm start` seeds: every screen it promises has something on it. */
describe('the demo network', () => {
  let api: TestApi;
  let credentials: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    api = await createTestApi();
    credentials = await seedDemo(api.local, join(api.dataDir, 'demo-credentials.json'));
  }, 120_000);
  afterAll(() => api?.close());

  const signIn = async (who: { email: string; password: string }) =>
    (await expectJson<{ token: string }>(await api.login(who.email, who.password), 200)).token;

  it('seeds once: a second start changes nothing and reads the same credentials', async () => {
    const before = await api.countItems([credentials!.networkId]);
    const again = await seedDemo(api.local, join(api.dataDir, 'demo-credentials.json'));
    expect(again).toEqual(credentials);
    expect(await api.countItems([credentials!.networkId])).toBe(before);
  });

  it('gives the coordinator mentorships, an overdue follow-up action and a coaching group', async () => {
    const token = await signIn(credentials!.coordinator);
    const network = `/networks/${credentials!.networkId}`;
    const mine = await expectJson<{ items: { what: string; overdue: boolean }[] }>(
      await api.call('GET', `${network}/follow-up-actions?owner=me`, { token }),
      200,
    );
    expect(mine.items.map((a) => [a.what, a.overdue])).toEqual(
      expect.arrayContaining([
        ['Share the crisis response roster template', true],
        ['Plan the joint training day', false],
      ]),
    );
    const groups = await expectJson<{ items: { name: string; memberIds: string[] }[] }>(
      await api.call('GET', `${network}/coaching-groups`, { token }),
      200,
    );
    expect(groups.items.map((g) => [g.name, g.memberIds.length])).toEqual([
      ['Coordinators’ peer coaching circle', 5],
    ]);
    const mentorships = await expectJson<{ items: { stage: string }[] }>(
      await api.call('GET', `${network}/mentorships`, { token }),
      200,
    );
    expect(mentorships.items.length).toBeGreaterThan(0);
  });

  it('lets the demo admin and donor sign in, the donor to summaries only', async () => {
    await signIn(credentials!.admin);
    const donor = await signIn(credentials!.donor!);
    await expectJson(await api.call('GET', '/summary', { token: donor }), 200);
  });
});
