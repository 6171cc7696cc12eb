import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  type MilestoneReached,
  milestoneStates,
  type PhotoRecord,
  photoUploadSchema,
  type TimelineSources,
} from './progress.ts';

const empty: TimelineSources = {
  milestones: [],
  summaryReports: [],
  gatherings: [],
  quarterlyReports: [],
  stageChanges: [],
  photos: [],
};

const reached: MilestoneReached = {
  mentorshipId: 'mentorship1',
  milestoneId: 'm1',
  description: 'Budget adopted',
  dueDate: '2026-03-01',
  reachedOn: '2026-02-20',
  recordedAt: '2026-02-21T09:00:00.000Z',
  recordedBy: 'person123',
  recordedByName: 'Ama',
};

const photo = (id: string, over: Partial<PhotoRecord> = {}): PhotoRecord => ({
  id,
  mentorshipId: 'mentorship1',
  attachTo: 'mentorship',
  contentType: 'image/jpeg',
  size: 100,
  uploadedAt: '2026-02-10T12:00:00.000Z',
  uploadedBy: 'person123',
  uploadedByName: 'Ama',
  ...over,
});

describe('milestoneStates', () => {
  const plan = [
    { id: 'm1', description: 'Budget adopted', dueDate: '2026-03-01', status: 'planned' },
    {
      id: 'm2',
      description: 'Policy',
      dueDate: '2026-03-01',
      status: 'reached',
      reachedOn: '2026-02-01',
    },
    { id: 'm3', description: 'Later', dueDate: '2026-05-01', status: 'planned' },
  ];

  it('marks reached by the plan or by a record, and overdue the others past their date', () => {
    expect(milestoneStates(plan, [], '2026-04-01')).toEqual([
      {
        id: 'm1',
        description: 'Budget adopted',
        dueDate: '2026-03-01',
        reached: false,
        overdue: true,
      },
      {
        id: 'm2',
        description: 'Policy',
        dueDate: '2026-03-01',
        reached: true,
        reachedOn: '2026-02-01',
        overdue: false,
      },
      { id: 'm3', description: 'Later', dueDate: '2026-05-01', reached: false, overdue: false },
    ]);
    expect(milestoneStates(plan, [reached], '2026-04-01')[0]).toMatchObject({
      reached: true,
      reachedOn: '2026-02-20',
      overdue: false,
    });
  });
});

describe('photoUploadSchema', () => {
  it('attaches to the mentorship unless told otherwise', () => {
    expect(photoUploadSchema.parse({})).toEqual({ attachTo: 'mentorship' });
  });

  it('needs the entry of a summary report or milestone, and none for the mentorship', () => {
    const path = (input: unknown) =>
      photoUploadSchema.safeParse(input).error?.issues.map((i) => i.path.join('.'));
    expect(path({ attachTo: 'milestone' })).toEqual(['entryId']);
    expect(path({ attachTo: 'mentorship', entryId: 'x' })).toEqual(['entryId']);
    expect(path({ attachTo: 'album' })).toEqual(['attachTo']);
    expect(path({ caption: 'x'.repeat(301) })).toEqual(['caption']);
  });
});

describe('buildTimeline', () => {
  it('puts everything in date order, oldest first, one day in a fixed order', () => {
    const timeline = buildTimeline({
      ...empty,
      milestones: [reached],
      summaryReports: [
        {
          id: '2026-02-20-r1',
          meetingDate: '2026-02-20',
          reportedBy: 'both',
          participants: ['Ama'],
          followUpActions: [{}, {}],
        },
      ],
      gatherings: [{ id: 'g1', date: '2026-02-01', title: 'Site visit', approach: 'study-tour' }],
      quarterlyReports: [{ period: 1, date: '2026-04-20', totalHours: 8 }],
      stageChanges: [
        { at: '2026-01-15T10:00:00.000Z', from: null, to: 'build-relationship', reason: 'Started' },
      ],
    });
    expect(timeline.map((e) => [e.kind, e.date.slice(0, 10)])).toEqual([
      ['stage-change', '2026-01-15'],
      ['gathering', '2026-02-01'],
      ['summary-report', '2026-02-20'],
      ['milestone-reached', '2026-02-20'],
      ['quarterly-report', '2026-04-20'],
    ]);
    expect(timeline[2]).toMatchObject({ followUpActions: 2, participants: ['Ama'] });
  });

  it('hangs photos on their entry; the others are entries of their own', () => {
    const timeline = buildTimeline({
      ...empty,
      milestones: [reached],
      photos: [
        photo('p1', { attachTo: 'milestone', entryId: 'm1', caption: 'We did it' }),
        photo('p2'),
        photo('p3', { attachTo: 'summary-report', entryId: 'gone' }),
      ],
    });
    expect(timeline.map((e) => e.kind)).toEqual(['photo', 'photo', 'milestone-reached']);
    const milestone = timeline.find((e) => e.kind === 'milestone-reached');
    expect(milestone?.photos).toEqual([
      {
        id: 'p1',
        caption: 'We did it',
        contentType: 'image/jpeg',
        uploadedAt: '2026-02-10T12:00:00.000Z',
        uploadedBy: 'person123',
      },
    ]);
    expect(
      timeline.filter((e) => e.kind === 'photo').flatMap((e) => e.photos.map((p) => p.id)),
    ).toEqual(['p2', 'p3']);
  });
});
