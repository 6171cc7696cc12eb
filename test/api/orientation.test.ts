import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { createMentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';

interface OrientationDocument {
  version: number;
  content: Record<string, unknown>;
  updatedAt: string;
  updatedBy: string;
}

let api: TestApi;
let w: MentorshipWorld;

const orientationPath = (id: string, networkId = w.networkId) =>
  `${mentorshipPath(networkId, id)}/orientation`;
const items = () => api.countItems([w.networkId, w.otherNetworkId]);
const put = (id: string, token: string, body: unknown) =>
  api.call('PUT', orientationPath(id), { token, body });
const get = (id: string, token = w.tokens.admin) => api.call('GET', orientationPath(id), { token });
const fresh = () =>
  createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: w.mentor.id,
    menteeOrganizationIds: [w.mentee.id],
  });

/** The four parts of the Annex 2 guide, and who attended by role. */
const meeting = () => ({
  meetingDate: '2025-01-20',
  attendees: [
    { name: 'Grace Director', organizationId: w.mentor.id, roles: ['decision-maker'] },
    {
      name: 'Peter Champion',
      organizationId: w.mentee.id,
      roles: ['champion', 'technical-expert'],
    },
    { name: 'Mary Navigator', organizationId: w.mentee.id, roles: ['mentee'] },
  ],
  answers: {
    'missions-strategies-values': 'Both serve sex workers in the region.',
    'common-interests': 'Peer navigation',
    expectations: 'Monthly visits and quick answers by phone.',
    'two-way-transfer': 'Yes: the mentee brings its advocacy network.',
  },
  technicalAreas: ['peer-navigation', 'other'],
  otherTechnicalArea: 'Legal literacy',
  operationalGuidelines: {
    whenAndWhereToMeet: 'First Monday, at the mentee’s office',
    communicationBetweenMeetings: 'WhatsApp group',
    measuringSuccess: 'Clients linked to care',
  },
  nextMeetings: [
    { date: '2025-02-03', time: '10:00', place: 'Mentee office' },
    { date: '2025-03-03' },
  ],
});

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Orientation');
});
afterAll(() => api.close());

describe('PUT/GET /networks/{networkId}/mentorships/{mentorshipId}/orientation', () => {
  it('answers 200 with null before the first save; 404 to who does not see the mentorship', async () => {
    const m = await fresh();
    for (const token of [w.tokens.admin, w.tokens.mentorCoordinator, w.tokens.menteeCoordinator]) {
      expect(await expectJson<null>(await get(m.id, token), 200)).toBeNull();
    }
    expect((await expectProblem(await get(m.id, w.tokens.outsiderCoordinator), 404)).detail).toBe(
      'mentorship not found',
    );
    // another network's admin: 404 as well
    await expectProblem(await get(m.id, w.tokens.otherAdmin), 404);
  });

  it('stores the whole guide and the attendees at version 1, then versions each edit', async () => {
    const m = await fresh();
    const first = await expectJson<OrientationDocument>(
      await put(m.id, w.tokens.menteeCoordinator, meeting()),
      200,
    );
    expect(first).toEqual({
      version: 1,
      content: meeting(),
      updatedAt: expect.any(String),
      updatedBy: w.mentee.coordinatorId,
    });
    expect(await expectJson<OrientationDocument>(await get(m.id), 200)).toEqual(first);

    const second = await expectJson<OrientationDocument>(
      await put(m.id, w.tokens.mentorCoordinator, { ...meeting(), version: 1, nextMeetings: [] }),
      200,
    );
    expect(second).toMatchObject({ version: 2, content: { nextMeetings: [] } });
    expect(await expectJson<OrientationDocument>(await get(m.id), 200)).toEqual(second);
  });

  it('answers 409 naming version to a stale save, and keeps the stored meeting', async () => {
    const m = await fresh();
    await expectJson(await put(m.id, w.tokens.admin, meeting()), 200);
    const v2 = await expectJson<OrientationDocument>(
      await put(m.id, w.tokens.admin, { version: 1, meetingDate: '2025-01-21' }),
      200,
    );
    const before = await items();
    for (const body of [
      { version: 1, meetingDate: '2025-01-22' },
      { meetingDate: '2025-01-23' },
      { version: 0, meetingDate: '2025-01-24' },
    ]) {
      await expectProblem(await put(m.id, w.tokens.admin, body), 409, 'version');
    }
    expect(await items()).toBe(before);
    expect(await expectJson<OrientationDocument>(await get(m.id), 200)).toEqual(v2);
  });

  it('lets exactly one of two concurrent saves from the same version win', async () => {
    const m = await fresh();
    const answers = await Promise.all(
      ['one', 'two'].map((who) =>
        put(m.id, w.tokens.admin, { answers: { expectations: `written by ${who}` } }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = (await answers.find((r) => r.status === 200)!.json()) as OrientationDocument;
    expect(await expectJson<OrientationDocument>(await get(m.id), 200)).toEqual(won);
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    const cases: [string, () => Record<string, unknown>, string][] = [
      [
        'an attendee of an organization outside the mentorship',
        () => ({
          attendees: [
            meeting().attendees[0],
            { name: 'Outsider', organizationId: w.outsider.id, roles: ['champion'] },
          ],
        }),
        'attendees.1.organizationId',
      ],
      [
        'an attendee without a role',
        () => ({ attendees: [{ name: 'Nobody', organizationId: w.mentor.id, roles: [] }] }),
        'attendees.0.roles',
      ],
      [
        'an unknown attendee role',
        () => ({ attendees: [{ name: 'X', organizationId: w.mentor.id, roles: ['donor'] }] }),
        'attendees.0.roles.0',
      ],
      [
        'an unknown question',
        () => ({ answers: { 'favourite-colour': 'blue' } }),
        'answers.favourite-colour',
      ],
      [
        'an unknown operational guideline',
        () => ({ operationalGuidelines: { dressCode: 'casual' } }),
        'operationalGuidelines.dressCode',
      ],
      [
        'a next meeting at 25:00',
        () => ({ nextMeetings: [{ date: '2025-02-03', time: '25:00' }] }),
        'nextMeetings.0.time',
      ],
      [
        '"other" area without its text',
        () => ({ technicalAreas: ['other'] }),
        'otherTechnicalArea',
      ],
      ['an impossible meeting date', () => ({ meetingDate: '2025-13-01' }), 'meetingDate'],
    ];
    for (const [what, body, field] of cases) {
      it(`${what} → 400 naming ${field}`, async () => {
        const before = await items();
        await expectProblem(await put(w.mentorship.id, w.tokens.admin, body()), 400, field);
        expect(await items()).toBe(before);
        expect(await expectJson<null>(await get(w.mentorship.id), 200)).toBeNull();
      });
    }
  });

  describe('who may read and write it', () => {
    let stored: OrientationDocument;
    beforeAll(async () => {
      stored = await expectJson<OrientationDocument>(
        await put(w.mentorship.id, w.tokens.mentorCoordinator, meeting()),
        200,
      );
    });

    it('lets everyone who sees the mentorship read it', async () => {
      for (const token of [
        w.tokens.admin,
        w.tokens.mentorCoordinator,
        w.tokens.menteeCoordinator,
        w.tokens.participant,
      ]) {
        expect(
          await expectJson<OrientationDocument>(await get(w.mentorship.id, token), 200),
        ).toEqual(stored);
      }
    });

    it('answers 403 to a participant, 404 to those who do not see it and to another network; nothing written', async () => {
      const before = await items();
      const edit = { version: 1, meetingDate: '2025-01-30' };
      await expectProblem(await put(w.mentorship.id, w.tokens.participant, edit), 403);
      for (const token of [w.tokens.outsiderCoordinator, w.tokens.bystander, w.tokens.otherAdmin]) {
        await expectProblem(await get(w.mentorship.id, token), 404);
        await expectProblem(await put(w.mentorship.id, token, edit), 404);
      }
      await expectProblem(
        await api.call('PUT', orientationPath(w.mentorship.id, w.otherNetworkId), {
          token: w.tokens.otherAdmin,
          body: edit,
        }),
        404,
      );
      expect(await items()).toBe(before);
      expect(await expectJson<OrientationDocument>(await get(w.mentorship.id), 200)).toEqual(
        stored,
      );
    });
  });
});
