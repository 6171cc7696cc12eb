/**
 * "Recognize progress" (001 Step 4): milestones marked reached, and a timeline of what the
 * mentorship did — milestones, meetings (summary reports), gatherings, quarterly reports and
 * stage changes — with photos. The photos' bytes live in a `BlobStore`; only their metadata
 * is here.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema } from '../common.ts';
import { coded } from '../errors/codes.ts';

/** The largest photo taken, in bytes (5 MB). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** Marks a milestone of the mentoring plan reached. */
export const milestoneReachedSchema = z
  .object({
    reachedOn: isoDateSchema,
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type MilestoneReachedInput = z.output<typeof milestoneReachedSchema>;

/** The record of a milestone reached: a child item beside the plan, which stays as it is. */
export const milestoneReachedRecordSchema = z.object({
  mentorshipId: idSchema,
  milestoneId: z.string(),
  /** The milestone's description and due date in the plan when it was marked. */
  description: z.string(),
  dueDate: z.string(),
  reachedOn: z.string(),
  note: z.string().optional(),
  /** The summary report that named it reached, when it was one. */
  summaryReportId: idSchema.optional(),
  recordedAt: z.string(),
  recordedBy: idSchema,
  recordedByName: z.string(),
});
export type MilestoneReached = z.output<typeof milestoneReachedRecordSchema>;

/** A milestone of the plan with where it stands. */
export const milestoneStateSchema = z.object({
  id: z.string(),
  description: z.string(),
  dueDate: z.string(),
  reached: z.boolean(),
  reachedOn: z.string().optional(),
  /** Still not reached and its due date is before today. */
  overdue: z.boolean(),
});
export type MilestoneState = z.output<typeof milestoneStateSchema>;

/**
 * The plan's milestones with their state: reached when the plan says so (`status: reached`)
 * or a record on the timeline does.
 *
 * @example
 * milestoneStates([{ id: 'm1', description: 'Budget adopted', dueDate: '2026-03-01', status: 'planned' }], [], '2026-04-01')[0].overdue // true
 */
export function milestoneStates(
  plan: readonly {
    id: string;
    description: string;
    dueDate: string;
    status?: string;
    reachedOn?: string | undefined;
  }[],
  records: readonly Pick<MilestoneReached, 'milestoneId' | 'reachedOn'>[],
  today: string,
): MilestoneState[] {
  const reachedOn = new Map(records.map((r) => [r.milestoneId, r.reachedOn]));
  return plan.map((m) => {
    const on = reachedOn.get(m.id) ?? (m.status === 'reached' ? m.reachedOn : undefined);
    const reached = reachedOn.has(m.id) || m.status === 'reached';
    return {
      id: m.id,
      description: m.description,
      dueDate: m.dueDate,
      reached,
      ...(on ? { reachedOn: on } : {}),
      overdue: !reached && m.dueDate < today,
    };
  });
}

/** What a photo is attached to on the timeline. */
export const photoAttachments = ['mentorship', 'summary-report', 'milestone'] as const;
export type PhotoAttachment = (typeof photoAttachments)[number];

/** The text fields of a photo upload (the file itself comes beside them). */
export const photoUploadSchema = z
  .object({
    attachTo: z.enum(photoAttachments).default('mentorship'),
    /** The summary report's or milestone's id; none for the mentorship itself. */
    entryId: z.string().trim().max(64).optional(),
    caption: z.string().trim().max(300).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.attachTo !== 'mentorship' && !p.entryId) {
      ctx.addIssue({
        code: 'custom',
        path: ['entryId'],
        message: `is required to attach a photo to a ${p.attachTo}`,
        ...coded('required'),
      });
    }
    if (p.attachTo === 'mentorship' && p.entryId) {
      ctx.addIssue({
        code: 'custom',
        path: ['entryId'],
        message: 'is only for a photo attached to a summary report or a milestone',
        ...coded('not_applicable'),
      });
    }
  });
export type PhotoUpload = z.output<typeof photoUploadSchema>;

export const photoContentTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** A stored photo's metadata (its bytes, stripped of metadata, are in the blob store). */
export const photoRecordSchema = z.object({
  id: idSchema,
  mentorshipId: idSchema,
  attachTo: z.enum(photoAttachments),
  entryId: z.string().optional(),
  caption: z.string().optional(),
  contentType: z.enum(photoContentTypes),
  /** Size in bytes, as stored. */
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: idSchema,
  uploadedByName: z.string(),
});
export type PhotoRecord = z.output<typeof photoRecordSchema>;

/** A photo as the timeline shows it. */
const photoRef = photoRecordSchema.pick({
  id: true,
  caption: true,
  contentType: true,
  uploadedAt: true,
  uploadedBy: true,
});
export type PhotoRef = z.output<typeof photoRef>;

const entryBase = { date: z.string(), photos: z.array(photoRef) };

/** One entry of a mentorship's timeline; `date` is `YYYY-MM-DD` or an ISO instant. */
export const timelineEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('milestone-reached'),
    ...entryBase,
    milestoneId: z.string(),
    description: z.string(),
    dueDate: z.string(),
    note: z.string().optional(),
  }),
  z.object({
    kind: z.literal('summary-report'),
    ...entryBase,
    id: z.string(),
    reportedBy: z.string(),
    participants: z.array(z.string()),
    agenda: z.string().optional(),
    followUpActions: z.number().int(),
  }),
  z.object({
    kind: z.literal('gathering'),
    ...entryBase,
    id: z.string(),
    title: z.string(),
    approach: z.string(),
  }),
  z.object({
    kind: z.literal('quarterly-report'),
    ...entryBase,
    period: z.number().int(),
    totalHours: z.number(),
  }),
  z.object({
    kind: z.literal('stage-change'),
    ...entryBase,
    from: z.string().nullable(),
    to: z.string(),
    reason: z.string(),
  }),
  z.object({ kind: z.literal('photo'), ...entryBase, photoId: z.string() }),
]);
export type TimelineEntry = z.output<typeof timelineEntrySchema>;

/** What a timeline is made of, as read from storage. */
export interface TimelineSources {
  milestones: readonly MilestoneReached[];
  summaryReports: readonly {
    id: string;
    meetingDate: string;
    reportedBy: string;
    participants: readonly string[];
    agenda?: string | undefined;
    followUpActions: readonly unknown[];
  }[];
  gatherings: readonly { id: string; date: string; title: string; approach: string }[];
  quarterlyReports: readonly { period: number; date: string; totalHours: number }[];
  stageChanges: readonly { at: string; from: string | null; to: string; reason: string }[];
  photos: readonly PhotoRecord[];
}

/**
 * The timeline in date order, oldest first (as a poster timeline reads); entries of one day
 * in a fixed order (stage changes, gatherings, meetings, milestones, reports, photos).
 * Photos attached to a summary report or a milestone go with that entry; the others, and
 * those whose entry is gone, are entries of their own.
 *
 * @example
 * buildTimeline({ ...empty, milestones: [reached] })[0].kind // 'milestone-reached'
 */
export function buildTimeline(s: TimelineSources): TimelineEntry[] {
  const ref = (p: PhotoRecord): PhotoRef => ({
    id: p.id,
    contentType: p.contentType,
    uploadedAt: p.uploadedAt,
    uploadedBy: p.uploadedBy,
    ...(p.caption ? { caption: p.caption } : {}),
  });
  const byEntry = new Map<string, PhotoRecord[]>();
  for (const p of s.photos) {
    if (p.attachTo === 'mentorship' || !p.entryId) continue;
    const key = `${p.attachTo}#${p.entryId}`;
    byEntry.set(key, [...(byEntry.get(key) ?? []), p]);
  }
  const used = new Set<string>();
  const photosOf = (kind: string, id: string) => {
    const list = byEntry.get(`${kind}#${id}`) ?? [];
    for (const p of list) used.add(p.id);
    return list.map(ref);
  };
  const entries: TimelineEntry[] = [
    ...s.stageChanges.map(
      (h): TimelineEntry => ({
        kind: 'stage-change',
        date: h.at,
        from: h.from,
        to: h.to,
        reason: h.reason,
        photos: [],
      }),
    ),
    ...s.gatherings.map(
      (g): TimelineEntry => ({
        kind: 'gathering',
        date: g.date,
        id: g.id,
        title: g.title,
        approach: g.approach,
        photos: [],
      }),
    ),
    ...s.summaryReports.map(
      (r): TimelineEntry => ({
        kind: 'summary-report',
        date: r.meetingDate,
        id: r.id,
        reportedBy: r.reportedBy,
        participants: [...r.participants],
        ...(r.agenda ? { agenda: r.agenda } : {}),
        followUpActions: r.followUpActions.length,
        photos: photosOf('summary-report', r.id),
      }),
    ),
    ...s.milestones.map(
      (m): TimelineEntry => ({
        kind: 'milestone-reached',
        date: m.reachedOn,
        milestoneId: m.milestoneId,
        description: m.description,
        dueDate: m.dueDate,
        ...(m.note ? { note: m.note } : {}),
        photos: photosOf('milestone', m.milestoneId),
      }),
    ),
    ...s.quarterlyReports.map(
      (q): TimelineEntry => ({
        kind: 'quarterly-report',
        date: q.date,
        period: q.period,
        totalHours: q.totalHours,
        photos: [],
      }),
    ),
  ];
  for (const p of s.photos) {
    if (used.has(p.id)) continue;
    entries.push({ kind: 'photo', date: p.uploadedAt, photoId: p.id, photos: [ref(p)] });
  }
  const ORDER: TimelineEntry['kind'][] = [
    'stage-change',
    'gathering',
    'summary-report',
    'milestone-reached',
    'quarterly-report',
    'photo',
  ];
  const day = (d: string) => d.slice(0, 10);
  return entries
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        day(a.e.date).localeCompare(day(b.e.date)) ||
        ORDER.indexOf(a.e.kind) - ORDER.indexOf(b.e.kind) ||
        a.e.date.localeCompare(b.e.date) ||
        a.i - b.i,
    )
    .map(({ e }) => e);
}
