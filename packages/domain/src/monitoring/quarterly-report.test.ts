import { describe, expect, it } from 'vitest';
import { quarterlyReportRecord, quarterlyReportSchema } from './quarterly-report.ts';
import {
  quarterlyReportForm,
  quarterlyReportTechnicalAreas,
  totalHours,
} from './quarterly-report-form.ts';

const valid = {
  period: 1,
  date: '2026-04-20',
  mentorNames: ['Ama Mensah'],
  technicalAreas: ['advocacy', 'other'],
  otherTechnicalArea: 'Digital security',
  objectives: [{ objective: 'A costed advocacy plan', progress: 'Draft reviewed' }],
  interactions: [
    { date: '2026-03-02', hours: 1.5, activity: 'Call on the budget' },
    { date: '2026-04-10', hours: 0.75, activity: 'Review of the draft' },
  ],
};

const paths = (input: unknown) =>
  quarterlyReportSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('the Annex 5 form', () => {
  it('asks its questions word for word, in order', () => {
    expect(quarterlyReportForm.questions.map((q) => q.text)).toEqual([
      'What has been the technical area of focus for the mentorship?',
      "What are your organizational pair's learning objectives?",
      'What is the progress in achieving these objectives?',
      "What trends have you noticed in your mentee organization's progress or challenges?",
      'Briefly describe the relationship between you and your mentee.',
      'How often did you interact with your mentee last month/quarter?',
      'What are the measurable outputs and outcomes of the mentoring process to date?',
      'What successes have you had this month?',
      'What are some of the challenges?',
      'Additional comments?',
    ]);
    expect(quarterlyReportForm.interactionLog.columns.map((c) => c.text)).toEqual([
      'DATE',
      'TIME INVOLVED',
      'ACTIVITY',
    ]);
    expect(quarterlyReportTechnicalAreas).toHaveLength(14);
  });

  it('names a schema field for every question (the first segment of its path)', () => {
    const fields = Object.keys(quarterlyReportSchema.shape);
    const all = [
      ...quarterlyReportForm.questions,
      ...quarterlyReportForm.interactionLog.columns,
      ...quarterlyReportForm.signature,
      ...quarterlyReportForm.header.filter(
        (h) => !h.field.endsWith('Id') && !h.field.endsWith('Ids'),
      ),
    ];
    for (const q of all) expect(fields, q.text).toContain(q.field.split('.')[0]);
  });
});

describe('quarterlyReportSchema', () => {
  it('takes a full report', () => {
    expect(quarterlyReportSchema.parse(valid)).toMatchObject({ ...valid, menteeNames: [] });
  });

  it('names each bad field', () => {
    expect(paths({ ...valid, period: 0 })).toEqual(['period']);
    expect(paths({ ...valid, period: '1' })).toEqual(['period']);
    expect(paths({ ...valid, mentorNames: [] })).toEqual(['mentorNames']);
    expect(paths({ ...valid, technicalAreas: ['monitoring-evaluation'] })).toEqual([
      'technicalAreas.0',
    ]);
    expect(paths({ ...valid, otherTechnicalArea: undefined })).toEqual(['otherTechnicalArea']);
    expect(paths({ ...valid, objectives: [{ progress: 'x' }] })).toEqual([
      'objectives.0.objective',
    ]);
    expect(
      paths({ ...valid, interactions: [{ date: '2026-03-02', hours: 0.1, activity: 'x' }] }),
    ).toEqual(['interactions.0.hours']);
    expect(
      paths({ ...valid, interactions: [{ date: '2026-05-01', hours: 1, activity: 'x' }] }),
    ).toEqual(['interactions.0.date']);
    expect(paths({ ...valid, interactions: undefined })).toEqual(['interactions']);
    expect(paths({ ...valid, notes: 'x' })).toEqual(['']);
  });
});

describe('totalHours and the stored record', () => {
  it('adds the hours up exactly', () => {
    expect(totalHours([{ hours: 0.25 }, { hours: 0.25 }, { hours: 0.25 }, { hours: 1.5 }])).toBe(
      2.25,
    );
    expect(totalHours([])).toBe(0);
  });

  it('records the period due date, the organizations and the total', () => {
    const record = quarterlyReportRecord(
      quarterlyReportSchema.parse(valid),
      {
        id: 'm_123456',
        mentorOrganizationId: 'org_mentor',
        menteeOrganizationIds: ['org_mentee'],
        schedule: { quarterlyReviews: ['2026-04-15', '2026-07-15'] },
      },
      { at: '2026-04-20T10:00:00.000Z', by: 'user_1', byName: 'Ama Mensah' },
    );
    expect(record).toMatchObject({
      mentorshipId: 'm_123456',
      period: 1,
      dueDate: '2026-04-15',
      mentorOrganizationId: 'org_mentor',
      menteeOrganizationIds: ['org_mentee'],
      totalHours: 2.25,
      submittedBy: 'user_1',
    });
  });
});
