import type { Mentorship } from '@sisi/domain';
import { describe, expect, it } from 'vitest';
import { skillsFromAssessment } from '../sisi-kwa-sisi/plan-prefill.ts';
import { type MentorshipPersonRef, sidePeople, toBody, toDraft } from './plan-draft.ts';

const mentorship: Mentorship = {
  id: 'm-1',
  networkId: 'net-1',
  version: 2,
  type: 'one-to-many',
  stage: 'identify-expectations',
  mentorOrganizationId: 'org-a',
  menteeOrganizationIds: ['org-b', 'org-c'],
  peerMentoring: [],
  participantIds: ['p-a1', 'p-b1'],
  startDate: '2026-01-31',
  durationMonths: 12,
  schedule: { quarterlyReviews: [], midTermReview: '2026-07-31', endReview: '2027-01-31' },
  reviews: [],
  agreements: [],
  history: [],
  approaches: ['on-site'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

const people: MentorshipPersonRef[] = [
  { id: 'c-a', name: 'Ana Coordinator', organizationId: 'org-a', role: 'coordinator' },
  { id: 'p-a1', name: 'Beto Mentor', organizationId: 'org-a', role: 'participant' },
  { id: 'c-b', name: 'Carla Coordinator', organizationId: 'org-b', role: 'coordinator' },
  { id: 'p-b1', name: 'Dina Mentee', organizationId: 'org-b', role: 'participant' },
  // org-c has no participant yet: its coordinator stands for it
  { id: 'c-c', name: 'Eva Coordinator', organizationId: 'org-c', role: 'coordinator' },
];

describe('sidePeople', () => {
  it("names each side's participants, else its organizations' coordinators", () => {
    expect(sidePeople(mentorship, people, 'mentor').map((p) => p.name)).toEqual(['Beto Mentor']);
    expect(sidePeople(mentorship, people, 'mentee').map((p) => p.name)).toEqual([
      'Dina Mentee',
      'Eva Coordinator',
    ]);
    expect(sidePeople(mentorship, [], 'mentee')).toEqual([]);
  });
});

describe('the mentoring plan prefilled from the mentorship', () => {
  const who = (d: ReturnType<typeof toDraft>) => ({
    mentors: d.mentors.map(({ name, organizationId }) => ({ name, organizationId })),
    mentees: d.mentees.map(({ name, organizationId }) => ({ name, organizationId })),
    startDate: d.startDate,
    anticipatedDurationMonths: d.anticipatedDurationMonths,
    type: d.type,
  });
  const prefilled = {
    mentors: [{ name: 'Beto Mentor', organizationId: 'org-a' }],
    mentees: [
      { name: 'Dina Mentee', organizationId: 'org-b' },
      { name: 'Eva Coordinator', organizationId: 'org-c' },
    ],
    startDate: '2026-01-31',
    anticipatedDurationMonths: '12',
    type: 'one-to-many',
  };

  it('fills a new plan: dates, duration, type, the approaches and the people of each side', () => {
    const draft = toDraft(undefined, mentorship, people);
    expect(who(draft)).toEqual(prefilled);
    expect(draft.formats).toEqual(['on-site']);
    // what a save would send: valid people with their organizations
    expect(toBody(draft).mentees).toEqual(prefilled.mentees);
  });

  it('fills a plan that holds only the approaches the decision matrix saved', () => {
    const draft = toDraft({ formats: ['twinning'], whySelected: 'Close by' }, mentorship, people);
    expect(who(draft)).toEqual(prefilled);
    expect(draft.formats).toEqual(['twinning']);
    expect(draft.whySelected).toBe('Close by');
  });

  it('never overwrites a plan that says who or when, even in part', () => {
    const saved = {
      mentors: [{ name: 'Someone Else', organizationId: 'org-a' }],
      formats: [],
    };
    const draft = toDraft(saved, mentorship, people);
    expect(who(draft)).toEqual({
      mentors: [{ name: 'Someone Else', organizationId: 'org-a' }],
      mentees: [],
      startDate: '',
      anticipatedDurationMonths: '',
      type: '',
    });
    expect(who(toDraft({ startDate: '2026-02-01' }, mentorship, people)).mentors).toEqual([]);
  });

  it('leaves the people empty while they are unknown', () => {
    expect(who(toDraft(undefined, mentorship)).mentors).toEqual([]);
    expect(who(toDraft(undefined, undefined, people))).toEqual({
      mentors: [],
      mentees: [],
      startDate: '',
      anticipatedDurationMonths: '',
      type: '',
    });
  });
});

describe('the Sisi Kwa Sisi plan from the needs assessment', () => {
  it('suggests one row per skill, most needed area first, and a row for an area without skills', () => {
    expect(
      skillsFromAssessment({
        date: '2026-01-10',
        areas: [
          { area: 'program-management', priority: 'low', skills: [] },
          {
            area: 'finance-management',
            priority: 'high',
            skills: ['Monthly reconciliation', 'Donor reports'],
          },
          { area: 'resource-mobilization', priority: 'medium', skills: ['Concept notes'] },
        ],
      }),
    ).toEqual([
      { area: 'finance-management', skill: 'Monthly reconciliation' },
      { area: 'finance-management', skill: 'Donor reports' },
      { area: 'resource-mobilization', skill: 'Concept notes' },
      { area: 'program-management', skill: '' },
    ]);
  });

  it('suggests nothing without an assessment (a coordinator’s view has none)', () => {
    expect(skillsFromAssessment(undefined)).toEqual([]);
  });
});
