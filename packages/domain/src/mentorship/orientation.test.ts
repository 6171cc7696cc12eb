import { describe, expect, it } from 'vitest';
import {
  attendeeRoles,
  operationalGuidelineKeys,
  orientationGuide,
  orientationSchema,
  orientationTextQuestionIds,
} from './orientation.ts';

const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

const questions = orientationGuide.flatMap((p) => p.questions);

describe('orientationGuide', () => {
  it('has the four parts of Annex 2 in order', () => {
    expect(orientationGuide.map((p) => p.title)).toEqual([
      'Get to Know Each Other',
      'Identify Areas for Mentoring',
      'Establish Operational Guidelines',
      'Confirm Next Steps',
    ]);
    expect(orientationGuide.map((p) => p.questions.length)).toEqual([3, 9, 7, 1]);
  });

  it('has unique kebab-case ids for parts and questions', () => {
    const ids = [...orientationGuide.map((p) => p.id), ...questions.map((q) => q.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('routes every answer to a field of the schema, each field to one question', () => {
    const textIds = questions.filter((q) => q.answer[0] === 'answers').map((q) => q.answer[1]);
    expect(textIds).toEqual([...orientationTextQuestionIds]);
    const guidelines = questions
      .filter((q) => q.answer[0] === 'operationalGuidelines')
      .map((q) => q.answer[1]);
    expect(guidelines).toEqual([...operationalGuidelineKeys]);
    expect(questions.filter((q) => q.answer[0] === 'technicalAreas')).toHaveLength(1);
    expect(questions.filter((q) => q.answer[0] === 'nextMeetings')).toHaveLength(1);
  });

  it('has the four attendee roles of "Initial Meetings"', () => {
    expect(attendeeRoles.map((r) => r.id)).toEqual([
      'decision-maker',
      'champion',
      'technical-expert',
      'mentee',
    ]);
  });
});

const full = {
  meetingDate: '2025-03-04',
  attendees: [
    { name: ' Amina ', organizationId: 'org_mentor1', roles: ['decision-maker', 'champion'] },
    { name: 'Joseph', organizationId: 'org_mentee1', roles: ['mentee'] },
  ],
  answers: { 'missions-strategies-values': 'Rights first.', 'two-way-transfer': 'Yes' },
  technicalAreas: ['advocacy', 'other'],
  otherTechnicalArea: 'Legal literacy',
  operationalGuidelines: {
    whenAndWhereToMeet: 'First Monday, at the mentee office',
    measuringSuccess: 'Milestones in the plan',
  },
  nextMeetings: [{ date: '2025-04-07', time: '09:30', place: 'Kisumu' }, { date: '2025-05-05' }],
  version: 3,
};

describe('orientationSchema', () => {
  it('accepts a full record and trims text', () => {
    const parsed = orientationSchema.parse(full);
    expect(parsed.attendees?.[0]?.name).toBe('Amina');
    expect(parsed.nextMeetings).toHaveLength(2);
  });

  it('accepts an empty record, since the guide is filled in progressively', () => {
    expect(orientationSchema.parse({})).toEqual({});
  });

  it.each([
    [{ meetingDate: '2025-02-30' }, 'meetingDate'],
    [{ attendees: [{ name: 'A', organizationId: 'org_mentor1', roles: [] }] }, 'attendees.0.roles'],
    [
      { attendees: [{ name: 'A', organizationId: 'org_mentor1', roles: ['observer'] }] },
      'attendees.0.roles.0',
    ],
    [
      { attendees: [{ name: 'A', organizationId: 'org_mentor1', roles: ['mentee', 'mentee'] }] },
      'attendees.0.roles',
    ],
    [
      { attendees: [{ name: 'x'.repeat(121), organizationId: 'org_mentor1', roles: ['mentee'] }] },
      'attendees.0.name',
    ],
    [
      { attendees: [{ name: 'A', organizationId: 'a b', roles: ['mentee'] }] },
      'attendees.0.organizationId',
    ],
    [{ answers: { expectations: 'x'.repeat(4001) } }, 'answers.expectations'],
    [{ answers: { 'when-and-where-to-meet': 'Mondays' } }, 'answers'],
    [{ technicalAreas: ['other'] }, 'otherTechnicalArea'],
    [{ operationalGuidelines: { dressCode: 'none' } }, 'operationalGuidelines'],
    [{ nextMeetings: [{ date: '2025-04-07', time: '9:30' }] }, 'nextMeetings.0.time'],
    [{ nextMeetings: Array.from({ length: 21 }, () => ({ date: '2025-04-07' })) }, 'nextMeetings'],
    [{ version: 0 }, 'version'],
    [{ notes: 'x' }, ''],
  ])('rejects %j at %j', (input, path) => {
    const result = orientationSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([path]);
  });
});
