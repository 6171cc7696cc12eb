import { describe, expect, it } from 'vitest';
import {
  detectSymptoms,
  type MentorshipFacts,
  NO_EVENT_DAYS,
  practicalChallenges,
  practicalTipsFor,
  symptomChallenges,
  symptomIds,
} from './practical-tips.ts';

const healthy: MentorshipFacts = {
  today: '2026-06-01',
  startDate: '2026-01-10',
  ended: false,
  eventDates: ['2026-05-20'],
  milestones: [{ id: 'm1', description: 'Budget adopted', dueDate: '2026-07-01', reached: false }],
  reviews: [{ kind: 'quarterly', period: 1, dueDate: '2026-04-10', state: 'submitted' }],
  followUps: [{ dueDate: '2026-06-10', status: 'open' }],
};

describe('the practical challenges (001 pp. 45-49)', () => {
  it('are the eleven of the source, in its order', () => {
    expect(practicalChallenges.map((c) => c.title)).toEqual([
      'Staff Turnover',
      'Mentees Who Lose Interest',
      'Mentees Showing Lack of Progress',
      'Lack of Mentor Motivation',
      'Interaction with Operating Environment',
      'Resource Allocation',
      'Inappropriate Technology',
      'Lack of Time, Long Distance',
      'High Demand for Mentoring',
      'Monitoring and Evaluation Challenges',
      'Managing Conflict',
    ]);
    expect(practicalChallenges.every((c) => c.tips.length > 0)).toBe(true);
  });

  it('answer every symptom with challenges that exist', () => {
    const ids = practicalChallenges.map((c) => c.id) as string[];
    for (const s of symptomIds) {
      expect(symptomChallenges[s].length).toBeGreaterThan(0);
      for (const c of symptomChallenges[s]) expect(ids).toContain(c);
    }
  });
});

describe('detectSymptoms', () => {
  it('finds nothing wrong in a healthy mentorship', () => {
    expect(detectSymptoms(healthy)).toEqual([]);
  });

  it(`sees no event for ${NO_EVENT_DAYS} days, counting from the last one held`, () => {
    expect(detectSymptoms({ ...healthy, eventDates: ['2026-03-03'] })).toEqual([
      { id: 'no-recent-event', lastEventDate: '2026-03-03', days: 90 },
    ]);
    expect(detectSymptoms({ ...healthy, eventDates: ['2026-03-04'] })).toEqual([]);
  });

  it('counts from the start when no event was ever held, and not before 90 days', () => {
    expect(detectSymptoms({ ...healthy, eventDates: [] })).toEqual([
      { id: 'no-recent-event', days: 142 },
    ]);
    expect(detectSymptoms({ ...healthy, eventDates: [], startDate: '2026-04-01' })).toEqual([]);
  });

  it('does not count an event still to come as held', () => {
    expect(detectSymptoms({ ...healthy, eventDates: ['2026-01-20', '2026-06-15'] })).toEqual([
      { id: 'no-recent-event', lastEventDate: '2026-01-20', days: 132 },
    ]);
  });

  it('names the milestones past their date and not reached', () => {
    const symptoms = detectSymptoms({
      ...healthy,
      milestones: [
        { id: 'm1', description: 'Budget adopted', dueDate: '2026-05-01', reached: false },
        { id: 'm2', description: 'Policy signed', dueDate: '2026-05-01', reached: true },
        { id: 'm3', description: 'Due today', dueDate: '2026-06-01', reached: false },
      ],
    });
    expect(symptoms).toEqual([
      {
        id: 'milestones-overdue',
        milestones: [{ id: 'm1', description: 'Budget adopted', dueDate: '2026-05-01' }],
      },
    ]);
  });

  it('sees quarterly reports reminded or overdue as late, not those only requested', () => {
    const symptoms = detectSymptoms({
      ...healthy,
      reviews: [
        { kind: 'quarterly', period: 1, dueDate: '2026-04-10', state: 'overdue' },
        { kind: 'quarterly', period: 2, dueDate: '2026-05-15', state: 'reminded' },
        { kind: 'quarterly', period: 3, dueDate: '2026-06-01', state: 'requested' },
        { kind: 'mid-term', dueDate: '2026-04-10', state: 'reminded' },
      ],
    });
    expect(symptoms).toEqual([
      {
        id: 'reports-late',
        reviews: [
          { period: 1, dueDate: '2026-04-10', state: 'overdue' },
          { period: 2, dueDate: '2026-05-15', state: 'reminded' },
        ],
      },
    ]);
  });

  it('counts open follow-up actions past their date', () => {
    expect(
      detectSymptoms({
        ...healthy,
        followUps: [
          { dueDate: '2026-05-01', status: 'open' },
          { dueDate: '2026-05-02', status: 'open' },
          { dueDate: '2026-05-01', status: 'done' },
        ],
      }),
    ).toEqual([{ id: 'follow-ups-overdue', count: 2 }]);
  });

  it('shows nothing once the mentorship has ended', () => {
    expect(detectSymptoms({ ...healthy, ended: true, eventDates: [] })).toEqual([]);
  });
});

describe('practicalTipsFor', () => {
  it('gives each matching challenge once, in the source order', () => {
    const { symptoms, challenges } = practicalTipsFor({
      ...healthy,
      eventDates: [],
      followUps: [{ dueDate: '2026-05-01', status: 'open' }],
    });
    expect(symptoms.map((s) => s.id)).toEqual(['no-recent-event', 'follow-ups-overdue']);
    expect(challenges.map((c) => c.id)).toEqual([
      'mentees-lose-interest',
      'lack-of-progress',
      'mentor-motivation',
      'time-distance',
    ]);
    expect(symptoms[0]?.challengeIds).toEqual(symptomChallenges['no-recent-event']);
  });

  it('gives no tips when nothing is wrong', () => {
    expect(practicalTipsFor(healthy)).toEqual({ symptoms: [], challenges: [] });
  });
});
