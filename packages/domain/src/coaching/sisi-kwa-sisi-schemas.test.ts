import { describe, expect, it } from 'vitest';
import '../common.ts';
import {
  coachingPlanContentSchema,
  coachingSessionInputSchema,
  createBestPracticeSchema,
  createCoachingSchema,
  createCoachSchema,
  needsAssessmentSchema,
  publicationSchema,
} from './sisi-kwa-sisi-schemas.ts';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

const skill = (id: string, lead: string, assist: string, observe: string) => ({
  id,
  area: 'monitoring-evaluation',
  skill: 'Monthly data quality check',
  lead: { date: lead },
  assist: { date: assist },
  observe: { date: observe },
});

describe('coachingPlanContentSchema', () => {
  it('takes a plan in order and marks steps not done by default', () => {
    const plan = coachingPlanContentSchema.parse({
      periodStart: '2025-01-01',
      periodEnd: '2025-03-31',
      skills: [skill('s1', '2025-01-10', '2025-02-10', '2025-03-10')],
    });
    expect(plan.skills[0]!.lead).toEqual({ date: '2025-01-10', done: false });
  });

  it('names the step out of order, as the API answers it', () => {
    const result = coachingPlanContentSchema.safeParse({
      periodStart: '2025-01-01',
      periodEnd: '2025-03-31',
      skills: [
        skill('s1', '2025-01-10', '2025-02-10', '2025-03-10'),
        skill('s2', '2025-02-10', '2025-01-10', '2025-04-10'),
      ],
    });
    expect(paths(result)).toEqual(['skills.1.assist.date', 'skills.1.observe.date']);
  });

  it('refuses an empty plan and repeated skill ids', () => {
    expect(
      paths(
        coachingPlanContentSchema.safeParse({
          periodStart: '2025-01-01',
          periodEnd: '2025-03-31',
          skills: [],
        }),
      ),
    ).toEqual(['skills']);
    const same = skill('s1', '2025-01-10', '2025-02-10', '2025-03-10');
    expect(
      paths(
        coachingPlanContentSchema.safeParse({
          periodStart: '2025-01-01',
          periodEnd: '2025-03-31',
          skills: [same, same],
        }),
      ),
    ).toEqual(['skills']);
  });
});

describe('needs assessment and coaching', () => {
  const assessment = {
    date: '2025-01-05',
    areas: [{ area: 'finance-management', priority: 'high', skills: ['Budget tracking'] }],
  };

  it('needs at least one area, each once, with a known priority', () => {
    expect(needsAssessmentSchema.safeParse(assessment).success).toBe(true);
    expect(paths(needsAssessmentSchema.safeParse({ ...assessment, areas: [] }))).toEqual(['areas']);
    expect(
      paths(
        needsAssessmentSchema.safeParse({
          ...assessment,
          areas: [{ area: 'finance-management', priority: 'urgent' }],
        }),
      ),
    ).toEqual(['areas.0.priority']);
  });

  it('refuses a coaching where the coach is the peer', () => {
    expect(
      paths(
        createCoachingSchema.safeParse({
          coachId: 'person-1',
          peerId: 'person-1',
          needsAssessment: assessment,
        }),
      ),
    ).toEqual(['peerId']);
  });

  it('takes a coach with evidence links that are web addresses only', () => {
    const base = { personId: 'person-1', areas: [{ area: 'monitoring-evaluation' }] };
    expect(createCoachSchema.parse(base)).toMatchObject({ coachedOnTciModel: false });
    expect(
      paths(
        createCoachSchema.safeParse({
          ...base,
          areas: [{ area: 'monitoring-evaluation', links: ['javascript:alert(1)'] }],
        }),
      ),
    ).toEqual(['areas.0.links.0']);
  });
});

describe('sessions and best practices', () => {
  it('rates a session from 1 to 5', () => {
    const session = { date: '2025-02-01', step: 'lead', quality: 4 };
    expect(coachingSessionInputSchema.parse(session)).toMatchObject({ mode: 'in-person' });
    expect(paths(coachingSessionInputSchema.safeParse({ ...session, quality: 6 }))).toEqual([
      'quality',
    ]);
    expect(
      paths(coachingSessionInputSchema.safeParse({ ...session, nextMeetingDate: '2025-01-01' })),
    ).toEqual(['nextMeetingDate']);
  });

  it('asks for consent explicitly: absent is an error, and publishing needs true', () => {
    const practice = {
      coachingId: 'coaching-1',
      title: 'Weekly data review',
      area: 'monitoring-evaluation',
      practice: 'We check the registers together every Friday.',
    };
    expect(paths(createBestPracticeSchema.safeParse(practice))).toEqual(['consentToPublish']);
    expect(publicationSchema.safeParse({ consent: true }).success).toBe(true);
    expect(paths(publicationSchema.safeParse({ consent: false }))).toEqual(['consent']);
  });
});
