import { describe, expect, it } from 'vitest';
import { byUrgency, dayOf, isOverdue } from './follow-up.ts';
import { datedId, summaryReportRecord, summaryReportSchema } from './summary-report.ts';
import { summaryReportForm } from './summary-report-form.ts';

const valid = {
  organizationIds: ['orgmentee1'],
  meetingDate: '2026-03-02',
  participants: ['Ama Mensah', 'Rosa Mamani'],
  agenda: 'The advocacy budget',
  progress: 'The first draft is done',
  milestonesReached: ['m1'],
  followUpActions: [
    { what: 'Share the budget template', ownerId: 'person123', dueDate: '2026-03-16' },
    { what: 'Book the venue', ownerId: 'person456', dueDate: '2026-03-20' },
  ],
  issues: [{ raised: 'No projector', solutions: 'Borrow one', pending: 'Who brings it' }],
  nextMeetingDate: '2026-04-06',
  nextMeetingAgenda: 'The second draft',
  reportedBy: 'both',
  date: '2026-03-03',
};

const paths = (input: unknown) =>
  summaryReportSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('the Annex 4 sheet', () => {
  it('has every box of the sheet, word for word, in order', () => {
    expect(summaryReportForm.fields.map((f) => f.text)).toEqual([
      'ORGANIZATION',
      'MEETING DATE',
      'MEETING PARTICIPANTS',
      'AGENDA/DISCUSSION POINTS FOR THE DAY',
      'PROGRESS ON THE MENTORING PROCESS/MILESTONES REACHED',
      'FOLLOW-UP ACTIONS',
      'ISSUES',
      'NEXT MEETING DATE',
      'AGENDA FOR THE NEXT MEETING',
      'REPORTED BY (MENTOR OR MENTEE, OR BOTH)',
      'DATE',
    ]);
    expect(summaryReportForm.issueColumns.map((c) => c.text)).toEqual([
      'RAISED',
      'SOLUTIONS PROPOSED/TAKEN',
      'PENDING',
    ]);
    expect(summaryReportForm.heading).toBe('MENTORING PROGRESS REPORT SHEET');
  });

  it('names a field of the schema for every box', () => {
    const shape = Object.keys(summaryReportSchema.shape);
    for (const f of summaryReportForm.fields) expect(shape).toContain(f.field);
    expect(shape).toContain(summaryReportForm.milestonesReached.field);
  });
});

describe('summaryReportSchema', () => {
  it('takes a whole sheet', () => {
    expect(summaryReportSchema.parse(valid)).toMatchObject({ reportedBy: 'both' });
  });

  it('defaults the lists it does not need', () => {
    const parsed = summaryReportSchema.parse({
      organizationIds: ['orgmentee1'],
      meetingDate: '2026-03-02',
      participants: ['Ama'],
      reportedBy: 'mentor',
      date: '2026-03-02',
    });
    expect(parsed).toMatchObject({ followUpActions: [], issues: [], milestonesReached: [] });
  });

  const invalid: [string, unknown, string][] = [
    ['no organization', { ...valid, organizationIds: [] }, 'organizationIds'],
    [
      'a repeated organization',
      { ...valid, organizationIds: ['orgx12', 'orgx12'] },
      'organizationIds',
    ],
    ['no participant', { ...valid, participants: [] }, 'participants'],
    ['a blank participant', { ...valid, participants: ['  '] }, 'participants.0'],
    ['a reporter not on the sheet', { ...valid, reportedBy: 'donor' }, 'reportedBy'],
    ['no date', { ...valid, date: undefined }, 'date'],
    ['a meeting after the report', { ...valid, meetingDate: '2026-03-04' }, 'meetingDate'],
    [
      'a next meeting before this one',
      { ...valid, nextMeetingDate: '2026-03-01' },
      'nextMeetingDate',
    ],
    [
      'an action without what',
      { ...valid, followUpActions: [{ ownerId: 'person123', dueDate: '2026-03-16' }] },
      'followUpActions.0.what',
    ],
    [
      'an action without its owner',
      { ...valid, followUpActions: [{ what: 'x', dueDate: '2026-03-16' }] },
      'followUpActions.0.ownerId',
    ],
    [
      'an action due before the meeting',
      { ...valid, followUpActions: [{ what: 'x', ownerId: 'person123', dueDate: '2026-03-01' }] },
      'followUpActions.0.dueDate',
    ],
    [
      'an issue without what was raised',
      { ...valid, issues: [{ pending: 'x' }] },
      'issues.0.raised',
    ],
    ['a repeated milestone', { ...valid, milestonesReached: ['m1', 'm1'] }, 'milestonesReached'],
    ['an unknown field', { ...valid, rating: 5 }, ''],
  ];
  for (const [what, input, path] of invalid) {
    it(`refuses ${what}`, () => {
      expect(paths(input)).toContain(path);
    });
  }
});

describe('summaryReportRecord', () => {
  it('builds the report and one open action per row, with names and ids', () => {
    const answers = summaryReportSchema.parse(valid);
    const { report, actions } = summaryReportRecord(answers, 'mentorship1', {
      id: datedId('2026-03-02', 'abcdefghij'),
      actionIds: ['2026-03-16-aaaaaaaaaa', '2026-03-20-bbbbbbbbbb'],
      owners: new Map([
        ['person123', 'Ama Mensah'],
        ['person456', 'Rosa Mamani'],
      ]),
      milestones: new Map([['m1', 'Budget drafted']]),
      at: '2026-03-03T10:00:00.000Z',
      by: 'person123',
      byName: 'Ama Mensah',
    });
    expect(report.id).toBe('2026-03-02-abcdefghij');
    expect(report.milestonesReached).toEqual([{ id: 'm1', description: 'Budget drafted' }]);
    expect(report.followUpActions.map((a) => a.ownerName)).toEqual(['Ama Mensah', 'Rosa Mamani']);
    expect(actions).toHaveLength(2);
    expect(actions[1]).toMatchObject({
      id: '2026-03-20-bbbbbbbbbb',
      summaryReportId: '2026-03-02-abcdefghij',
      meetingDate: '2026-03-02',
      status: 'open',
      version: 1,
      ownerName: 'Rosa Mamani',
    });
  });

  it('needs an id for every action', () => {
    const answers = summaryReportSchema.parse(valid);
    expect(() =>
      summaryReportRecord(answers, 'mentorship1', {
        id: 'r',
        actionIds: ['only-one'],
        owners: new Map(),
        milestones: new Map(),
        at: '',
        by: 'p',
        byName: '',
      }),
    ).toThrow(RangeError);
  });
});

describe('follow-up actions', () => {
  it('are overdue only while open and past their due date', () => {
    expect(isOverdue({ dueDate: '2026-03-01', status: 'open' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-03-02', status: 'open' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-01', status: 'done' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-03-01', status: 'dropped' }, '2026-03-02')).toBe(false);
  });

  it('count days in UTC', () => {
    expect(dayOf(new Date('2026-03-01T23:59:59Z'))).toBe('2026-03-01');
  });

  it('sort overdue first, then open by date, then closed ones newest first', () => {
    const actions = [
      { id: 'done-old', dueDate: '2026-01-01', status: 'done' as const },
      { id: 'open-later', dueDate: '2026-04-01', status: 'open' as const },
      { id: 'overdue', dueDate: '2026-02-01', status: 'open' as const },
      { id: 'dropped-new', dueDate: '2026-02-15', status: 'dropped' as const },
      { id: 'open-soon', dueDate: '2026-03-05', status: 'open' as const },
    ];
    expect(byUrgency(actions, '2026-03-01').map((a) => a.id)).toEqual([
      'overdue',
      'open-soon',
      'open-later',
      'dropped-new',
      'done-old',
    ]);
  });
});
