import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import type { Page } from '../support/fixtures.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import {
  agreeAll,
  createMentorship,
  getMentorship,
  type Mentorship,
  mentorshipPath,
  mentorshipsPath,
  moveStage,
} from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

interface PlanDocument {
  version: number;
  content: Record<string, unknown>;
  updatedAt: string;
  updatedBy: string;
}

let api: TestApi;
let w: MentorshipWorld;

const planPath = (id: string, networkId = w.networkId) => `${mentorshipPath(networkId, id)}/plan`;
const items = () => api.countItems([w.networkId, w.otherNetworkId]);
const put = (id: string, token: string, body: unknown) =>
  api.call('PUT', planPath(id), { token, body });
const get = (id: string, token = w.tokens.admin) => api.call('GET', planPath(id), { token });
const fresh = () =>
  createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: w.mentor.id,
    menteeOrganizationIds: [w.mentee.id],
  });

/** Every question of Annex 3 answered (and Step 2's planning questions). */
const fullPlan = () => ({
  mentors: [{ name: 'Amina Mentor', organizationId: w.mentor.id }],
  mentees: [{ name: 'Joseph Mentee', organizationId: w.mentee.id }],
  startDate: '2025-02-01',
  anticipatedDurationMonths: 12,
  type: 'one-to-one',
  services: ['training', 'mentoring-coaching', 'other'],
  otherService: 'Legal accompaniment',
  capacityTypes: ['technical', 'organizational'],
  formats: ['on-site', 'telementoring'],
  whySelected: 'The matrix ranked them first; the mentee has no travel budget for a tour.',
  technicalAreas: ['peer-navigation', 'financial-management'],
  howMentorCanHelp: 'Share its case-management tools and review the first month of cases.',
  intendedOutcome: 'Peer navigators follow every client to treatment.',
  learningObjectives: [
    {
      id: 'lo-1',
      objective: 'Run peer case management',
      now: { capacity: 'No case files', performance: 'Clients lost after referral' },
      future: { capacity: 'Case files for every client', performance: '80% linked to care' },
      activities: [
        {
          id: 'act-1',
          description: 'On-site training on case files',
          personResponsible: 'Amina',
          resources: { human: 'Two trainers', financial: '400 USD', material: 'Forms' },
          timing: 'March 2025',
        },
      ],
    },
  ],
  milestones: [
    { id: 'm-1', description: 'Case files in use', dueDate: '2025-06-30' },
    {
      id: 'm-2',
      description: 'Training held',
      dueDate: '2025-03-31',
      status: 'reached',
      reachedOn: '2025-03-20',
    },
  ],
  objectivesChecklist: { specificity: true, measurability: true, 'work-plan': false },
  planningChecklist: { 'clear-objectives': true, 'point-people': true },
  menteeAvailability: 'Twelve months from February',
  communicationPlan: {
    channels: ['WhatsApp', 'Monthly call'],
    frequency: 'Weekly check-in, monthly review',
    pointPeople: [
      { name: 'Amina Mentor', organizationId: w.mentor.id },
      { name: 'Joseph Mentee', organizationId: w.mentee.id },
    ],
  },
});

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Plan');
});
afterAll(() => api.close());

describe('PUT/GET /networks/{networkId}/mentorships/{mentorshipId}/plan', () => {
  it('answers 200 with null before the first save, to everyone who sees the mentorship', async () => {
    const m = await fresh();
    for (const token of [w.tokens.admin, w.tokens.mentorCoordinator, w.tokens.menteeCoordinator]) {
      expect(await expectJson<null>(await get(m.id, token), 200)).toBeNull();
    }
    // not the mentorship's people: still 404, as for a mentorship that does not exist
    for (const token of [w.tokens.outsiderCoordinator, w.tokens.bystander]) {
      expect((await expectProblem(await get(m.id, token), 404)).detail).toBe(
        'mentorship not found',
      );
    }
    // another network's admin: 404 as well
    await expectProblem(await get(m.id, w.tokens.otherAdmin), 404);
  });

  it('stores every field of Annex 3 at version 1, and reads it back', async () => {
    const m = await fresh();
    const saved = await expectJson<PlanDocument>(
      await put(m.id, w.tokens.mentorCoordinator, fullPlan()),
      200,
    );
    // a milestone sent without a status is stored as planned
    const plan = fullPlan();
    const expected = {
      ...plan,
      milestones: [{ ...plan.milestones[0]!, status: 'planned' }, plan.milestones[1]],
    };
    expect(saved).toEqual({
      version: 1,
      content: expected,
      updatedAt: expect.any(String),
      updatedBy: w.mentor.coordinatorId,
    });
    expect(await expectJson<PlanDocument>(await get(m.id), 200)).toEqual(saved);
    expect(
      await expectJson<PlanDocument>(await get(m.id, w.tokens.menteeCoordinator), 200),
    ).toEqual(saved);
  });

  it('takes version 0 for the first save as well as no version, and replaces the plan whole', async () => {
    const m = await fresh();
    const first = await expectJson<PlanDocument>(
      await put(m.id, w.tokens.admin, { version: 0, intendedOutcome: 'First draft' }),
      200,
    );
    expect(first.version).toBe(1);
    const second = await expectJson<PlanDocument>(
      await put(m.id, w.tokens.menteeCoordinator, { version: 1, whySelected: 'Second draft' }),
      200,
    );
    expect(second).toMatchObject({
      version: 2,
      content: { whySelected: 'Second draft' },
      updatedBy: w.mentee.coordinatorId,
    });
    expect(second.content).not.toHaveProperty('intendedOutcome');
    expect(await expectJson<PlanDocument>(await get(m.id), 200)).toEqual(second);
  });

  describe('versions', () => {
    it('answers 409 naming version to a stale save, and keeps the stored plan', async () => {
      const m = await fresh();
      await expectJson(await put(m.id, w.tokens.admin, { intendedOutcome: 'v1' }), 200);
      const v2 = await expectJson<PlanDocument>(
        await put(m.id, w.tokens.admin, { version: 1, intendedOutcome: 'v2' }),
        200,
      );
      const before = await items();
      await expectProblem(
        await put(m.id, w.tokens.mentorCoordinator, { version: 1, intendedOutcome: 'lost?' }),
        409,
        'version',
      );
      await expectProblem(
        await put(m.id, w.tokens.mentorCoordinator, { version: 7, intendedOutcome: 'future' }),
        409,
        'version',
      );
      expect(await expectJson<PlanDocument>(await get(m.id), 200)).toEqual(v2);
      expect(await items()).toBe(before);
    });

    it('answers 409 to a "first" save when a plan exists, and to an edit when none does', async () => {
      const m = await fresh();
      await expectProblem(
        await put(m.id, w.tokens.admin, { version: 1, intendedOutcome: 'edit of nothing' }),
        409,
        'version',
      );
      expect(await expectJson<null>(await get(m.id), 200)).toBeNull();
      const v1 = await expectJson<PlanDocument>(
        await put(m.id, w.tokens.admin, { formats: ['twinning'] }),
        200,
      );
      await expectProblem(
        await put(m.id, w.tokens.admin, { formats: ['study-tour'] }),
        409,
        'version',
      );
      expect(await expectJson<PlanDocument>(await get(m.id), 200)).toEqual(v1);
      // a lost save does not touch the mentorship's approaches either
      expect((await getMentorship(api, w.networkId, w.tokens.admin, m.id)).approaches).toEqual([
        'twinning',
      ]);
    });

    it('lets exactly one of concurrent saves from the same version win; no update is lost', async () => {
      const m = await fresh();
      for (const version of [0, 1]) {
        const attempts = ['a', 'b', 'c', 'd', 'e'].map((who) => ({
          version,
          intendedOutcome: `written by ${who}`,
          formats: [who === 'a' ? 'on-site' : 'telementoring'],
        }));
        const answers = await Promise.all(attempts.map((body) => put(m.id, w.tokens.admin, body)));
        const statuses = answers.map((r) => r.status).sort();
        expect(statuses).toEqual([200, 409, 409, 409, 409]);
        const winner = answers.find((r) => r.status === 200)!;
        const won = (await winner.json()) as PlanDocument;
        expect(won.version).toBe(version + 1);
        for (const loser of answers.filter((r) => r.status === 409)) {
          await expectProblem(loser, 409, 'version');
        }
        const stored = await expectJson<PlanDocument>(await get(m.id), 200);
        expect(stored).toEqual(won);
        expect((await getMentorship(api, w.networkId, w.tokens.admin, m.id)).approaches).toEqual(
          won.content.formats,
        );
      }
    });
  });

  describe("the plan's formats are the mentorship's approaches", () => {
    it('copies them onto the mentorship without changing its version, so the list filters by them', async () => {
      const m = await fresh();
      const listed = async (approach: string) =>
        (
          await expectJson<Page<Mentorship>>(
            await api.call(
              'GET',
              `${mentorshipsPath(w.networkId)}?approach=${approach}&limit=100`,
              {
                token: w.tokens.admin,
              },
            ),
            200,
          )
        ).items.map((i) => i.id);

      expect(await listed('study-tour')).not.toContain(m.id);
      await expectJson(
        await put(m.id, w.tokens.admin, { formats: ['study-tour', 'community-of-practice'] }),
        200,
      );
      const after = await getMentorship(api, w.networkId, w.tokens.admin, m.id);
      expect(after.approaches).toEqual(['study-tour', 'community-of-practice']);
      expect(after.version).toBe(m.version);
      expect(await listed('study-tour')).toContain(m.id);
      expect(await listed('community-of-practice')).toContain(m.id);
      expect(await listed('telementoring')).not.toContain(m.id);

      // a later plan without study tours takes it out of that filter
      await expectJson(
        await put(m.id, w.tokens.admin, { version: 1, formats: ['telementoring'] }),
        200,
      );
      expect(await listed('study-tour')).not.toContain(m.id);
      expect(await listed('telementoring')).toContain(m.id);

      // a plan with no formats leaves none
      await expectJson(
        await put(m.id, w.tokens.admin, { version: 2, whySelected: 'undecided' }),
        200,
      );
      expect((await getMentorship(api, w.networkId, w.tokens.admin, m.id)).approaches).toEqual([]);
    });

    it("leaves the mentorship's version alone, so its stage moves never conflict with a plan save", async () => {
      const m = await fresh();
      await expectJson(await put(m.id, w.tokens.admin, { formats: ['twinning'] }), 200);
      expect((await getMentorship(api, w.networkId, w.tokens.admin, m.id)).version).toBe(m.version);
      const agreed = await agreeAll(api, w.networkId, w.tokens.admin, m);
      const moved = await expectJson<Mentorship>(
        await moveStage(api, w.networkId, w.tokens.admin, m.id, 'identify-expectations'),
        200,
      );
      expect(moved).toMatchObject({
        version: agreed.version + 1,
        stage: 'identify-expectations',
        approaches: ['twinning'],
      });
      await expectJson(
        await put(m.id, w.tokens.admin, { version: 1, formats: ['exchange-visit'] }),
        200,
      );
      expect(await getMentorship(api, w.networkId, w.tokens.admin, m.id)).toMatchObject({
        version: moved.version,
        approaches: ['exchange-visit'],
      });
    });
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    const cases: [string, () => Record<string, unknown>, string][] = [
      ['an unknown approach', () => ({ formats: ['teleportation'] }), 'formats.0'],
      ['a repeated approach', () => ({ formats: ['on-site', 'on-site'] }), 'formats'],
      ['an unknown field', () => ({ colour: 'blue' }), 'colour'],
      ['a negative version', () => ({ version: -1 }), 'version'],
      ['"other" without its text', () => ({ services: ['other'] }), 'otherService'],
      [
        'a milestone with an impossible date',
        () => ({ milestones: [{ id: 'm1', description: 'x', dueDate: '2025-02-30' }] }),
        'milestones.0.dueDate',
      ],
      [
        'an activity without a description',
        () => ({
          learningObjectives: [
            { id: 'lo', objective: 'x', activities: [{ id: 'a', description: '' }] },
          ],
        }),
        'learningObjectives.0.activities.0.description',
      ],
      [
        'a duration over 60 months',
        () => ({ anticipatedDurationMonths: 61 }),
        'anticipatedDurationMonths',
      ],
      [
        'a mentor of an organization outside the mentorship',
        () => ({ mentors: [{ name: 'Outsider', organizationId: w.outsider.id }] }),
        'mentors.0.organizationId',
      ],
      [
        'a mentee of an organization that does not exist',
        () => ({
          mentees: [
            { name: 'Ok', organizationId: w.mentee.id },
            { name: 'Ghost', organizationId: 'nosuchorganization' },
          ],
        }),
        'mentees.1.organizationId',
      ],
      [
        'a point person outside the mentorship',
        () => ({
          communicationPlan: { pointPeople: [{ name: 'Outsider', organizationId: w.outsider.id }] },
        }),
        'communicationPlan.pointPeople.0.organizationId',
      ],
    ];
    for (const [what, body, field] of cases) {
      it(`${what} → 400 naming ${field}`, async () => {
        const m = w.mentorship;
        const before = await items();
        const stored = await get(m.id);
        await expectProblem(await put(m.id, w.tokens.admin, body()), 400, field);
        expect(await items()).toBe(before);
        expect((await get(m.id)).status).toBe(stored.status);
      });
    }

    it('a body that is not JSON → 400', async () => {
      await expectProblem(await put(w.mentorship.id, w.tokens.admin, '{"formats":'), 400);
    });
  });

  describe('who may read and write it', () => {
    let m: Mentorship;
    let stored: PlanDocument;
    beforeAll(async () => {
      m = w.mentorship;
      stored = await expectJson<PlanDocument>(
        await put(m.id, w.tokens.admin, { intendedOutcome: 'Shared plan' }),
        200,
      );
    });

    it('lets the admin, the coordinators of its organizations and its participants read it', async () => {
      for (const token of [
        w.tokens.admin,
        w.tokens.mentorCoordinator,
        w.tokens.menteeCoordinator,
        w.tokens.participant,
      ]) {
        expect(await expectJson<PlanDocument>(await get(m.id, token), 200)).toEqual(stored);
      }
    });

    it('answers 404 to people of the network who do not see the mentorship, writing nothing', async () => {
      const before = await items();
      for (const token of [w.tokens.outsiderCoordinator, w.tokens.bystander]) {
        const problem = await expectProblem(await get(m.id, token), 404);
        expect(problem.detail).toBe('mentorship not found');
        await expectProblem(await put(m.id, token, { version: 1, intendedOutcome: 'x' }), 404);
      }
      expect(await items()).toBe(before);
    });

    it('answers 403 to a participant who is not a coordinator, writing nothing', async () => {
      const before = await items();
      await expectProblem(
        await put(m.id, w.tokens.participant, { version: 1, intendedOutcome: 'mine' }),
        403,
      );
      expect(await items()).toBe(before);
      expect(await expectJson<PlanDocument>(await get(m.id), 200)).toEqual(stored);
    });

    it('answers 404 to another network, on its path or on this one, writing nothing', async () => {
      const before = await items();
      const outsider = w.tokens.otherAdmin;
      await expectProblem(await get(m.id, outsider), 404);
      await expectProblem(await put(m.id, outsider, { version: 1, intendedOutcome: 'x' }), 404);
      await expectProblem(
        await api.call('GET', planPath(m.id, w.otherNetworkId), { token: outsider }),
        404,
      );
      await expectProblem(
        await api.call('PUT', planPath(m.id, w.otherNetworkId), {
          token: outsider,
          body: { version: 1, intendedOutcome: 'x' },
        }),
        404,
      );
      expect(await items()).toBe(before);
      expect(await expectJson<PlanDocument>(await get(m.id), 200)).toEqual(stored);
    });

    it('answers 404 to a mentorship that does not exist and 401 without a token', async () => {
      await expectProblem(await get('nosuchmentorship'), 404);
      await expectProblem(await put('nosuchmentorship', w.tokens.admin, {}), 404);
      await expectProblem(await api.call('GET', planPath(m.id)), 401);
    });
  });
});
