import { createRoute, z } from '@hono/zod-openapi';
import type { NetworkStore } from '@sisi/data';
import {
  buildTimeline,
  fieldIssues,
  ImageFormatError,
  MAX_PHOTO_BYTES,
  type Mentorship,
  type MilestoneReached,
  milestoneReachedRecordSchema,
  milestoneReachedSchema,
  milestoneStateSchema,
  type PhotoRecord,
  photoAttachments,
  photoBlobKey,
  photoRecordSchema,
  photoUploadSchema,
  type QuarterlyReport,
  sniffImageType,
  stripImageMetadata,
  timelineEntrySchema,
  unsafeTextFields,
} from '@sisi/domain';
import {
  ConflictProblem,
  type FieldError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../errors.ts';
import { newId } from '../ids.ts';
import { checkImage, ImageRejectedError, MAX_PHOTO_PIXELS } from '../image-check.ts';
import { routeBodyLimit } from '../middleware/body-limit.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { type Handler, network } from '../route-kit.ts';
import { canManage, visibleMentorship } from '../services/mentorship-access.ts';
import { milestonesOf, todayOf } from '../services/monitoring.ts';
import { mentorshipParam } from './mentorship-params.ts';

const milestoneParam = mentorshipParam.extend({ milestoneId: z.string().max(100) });
const photoParam = mentorshipParam.extend({ photoId: z.string().max(100) });

const timelineOut = z
  .object({ items: z.array(named(timelineEntrySchema, 'TimelineEntry')) })
  .openapi('Timeline');
const milestonesOut = z
  .object({ items: z.array(named(milestoneStateSchema, 'MilestoneState')) })
  .openapi('Milestones');
const reachedIn = named(milestoneReachedSchema, 'MilestoneReachedInput');
const reachedOut = named(milestoneReachedRecordSchema, 'MilestoneReached');
const photoOut = named(photoRecordSchema, 'Photo');

const MB = MAX_PHOTO_BYTES / (1024 * 1024);
/** Room for the multipart envelope and the text fields around the file. */
const ENVELOPE = 64 * 1024;

const binary = { type: 'string', format: 'binary' } as const;

/** Reads every page of a child list. */
async function all<T>(load: (cursor?: string) => Promise<{ items: T[]; cursor?: string }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

/** A photo's `entryId` must be a summary report or a plan milestone of the mentorship (400). */
async function checkEntry(
  store: NetworkStore,
  today: string,
  m: Mentorship,
  attachTo: PhotoRecord['attachTo'],
  entryId: string | undefined,
) {
  if (attachTo === 'mentorship' || !entryId) return;
  const found =
    attachTo === 'summary-report'
      ? !!(await store.summaryReports.get(m.id, entryId))
      : (await milestonesOf(store, m, today)).some((ms) => ms.id === entryId);
  if (!found) {
    throw new ValidationError([
      {
        path: 'entryId',
        code: 'unknown_reference',
        params: { kind: attachTo === 'summary-report' ? 'summary-report' : 'milestone' },
      },
    ]);
  }
}

const getTimeline = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/timeline',
  tags: ['Monitoring'],
  summary: 'The timeline of a mentorship: milestones, meetings, gatherings, reports, photos',
  description:
    'Oldest first (as a poster timeline reads): stage changes, gatherings, summary reports (their meetings), milestones reached, quarterly reports, and photos — those attached to a summary report or a milestone with that entry, the others as entries of their own. Everyone who sees the mentorship reads it.',
  security: bearer,
  request: { params: mentorshipParam },
  responses: {
    200: jsonResponse(timelineOut, 'The timeline, oldest first'),
    ...problems(401, 404),
  },
});
const getTimelineHandler: Handler<typeof getTimeline> = async (c) => {
  const m = await visibleMentorship(c);
  const { mentorships, summaryReports: summaries, progress, reviews } = network(c).store;
  const [milestones, summaryReports, gatherings, quarterlyReports, photos] = await Promise.all([
    progress.listReached(m.id),
    summaries.listAll(m.id),
    all((cursor) =>
      mentorships.listChildren<{
        id: string;
        date: string;
        title: string;
        approach: string;
      }>(m.id, 'GATHERING#', 100, cursor),
    ),
    all<QuarterlyReport>((cursor) => reviews.listReports(m.id, 100, cursor)),
    progress.listPhotos(m.id),
  ]);
  const items = buildTimeline({
    milestones,
    summaryReports,
    gatherings,
    quarterlyReports,
    stageChanges: m.history,
    photos,
  });
  return c.json({ items }, 200);
};

const getMilestones = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/milestones',
  tags: ['Monitoring'],
  summary: "The mentoring plan's milestones and where each stands",
  description:
    'Reached when the plan says so or a record on the timeline does; `overdue` when not reached and due before today. No plan yet: an empty list.',
  security: bearer,
  request: { params: mentorshipParam },
  responses: {
    200: jsonResponse(milestonesOut, 'The milestones in the plan’s order'),
    ...problems(401, 404),
  },
});
const getMilestonesHandler: Handler<typeof getMilestones> = async (c) => {
  const m = await visibleMentorship(c);
  return c.json({ items: await milestonesOf(network(c).store, m, todayOf(c.var.deps.clock)) }, 200);
};

const markReached = createRoute({
  method: 'post',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/milestones/{milestoneId}/reached',
  tags: ['Monitoring'],
  summary: 'Mark a milestone of the mentoring plan reached (and celebrate it)',
  description:
    'By everyone who sees the mentorship (either party may record progress, as on the summary report). The plan is not rewritten: a record beside it holds the day, the note and who marked it. A milestone the plan does not have: 404; one already reached: 409 naming `milestoneId`; a day after today: 400 naming `reachedOn`.',
  security: bearer,
  request: { params: milestoneParam, body: jsonBody(reachedIn) },
  responses: {
    201: jsonResponse(reachedOut, 'The milestone, reached'),
    ...problems(400, 401, 404, 409),
  },
});
const markReachedHandler: Handler<typeof markReached> = async (c) => {
  const { tenant, store } = network(c);
  const { clock } = c.var.deps;
  const { milestoneId } = c.req.valid('param');
  const input = c.req.valid('json');
  const m = await visibleMentorship(c);
  const milestone = (await milestonesOf(store, m, todayOf(clock))).find(
    (ms) => ms.id === milestoneId,
  );
  if (!milestone) throw new NotFoundError('milestone');
  if (input.reachedOn > todayOf(clock)) {
    throw new ValidationError([{ path: 'reachedOn', code: 'not_in_future' }]);
  }
  if (milestone.reached) {
    throw new ConflictProblem('conflict_milestone_reached', 'milestoneId');
  }
  const record: MilestoneReached = {
    mentorshipId: m.id,
    milestoneId: milestone.id,
    description: milestone.description,
    dueDate: milestone.dueDate,
    reachedOn: input.reachedOn,
    ...(input.note ? { note: input.note } : {}),
    recordedAt: clock.now().toISOString(),
    recordedBy: tenant.userId,
    recordedByName: tenant.name,
  };
  await store.progress.markReached(record);
  return c.json(record, 201);
};

const uploadPhoto = createRoute({
  method: 'post',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/photos',
  tags: ['Monitoring'],
  summary: 'Add a photo to the timeline (images only; metadata stripped before storing)',
  description: `multipart/form-data: \`file\` (a JPEG, PNG or WebP image, told by its bytes, not its declared type; at most ${MB} MB and ${MAX_PHOTO_PIXELS / 1_000_000} megapixels, decoded whole before it is kept), \`attachTo\` (${photoAttachments.map((a) => `\`${a}\``).join(', ')}; default \`mentorship\`), \`entryId\` (the summary report's or milestone's id) and an optional \`caption\`. Before the photo is stored, its metadata is stripped (EXIF with GPS, XMP, IPTC, comments, PNG text and time chunks, WebP EXIF/XMP), losslessly; an EXIF orientation that turns the picture is kept alone. Anything else, a broken image or one too big: 400 naming \`file\`, nothing stored. By everyone who sees the mentorship.`,
  security: bearer,
  // larger than the API's default, and still counted while the body streams in
  middleware: [
    routeBodyLimit(MAX_PHOTO_BYTES + ENVELOPE, () => {
      throw new ValidationError([
        { path: 'file', code: 'too_large', params: { kilobytes: MAX_PHOTO_BYTES / 1024 } },
      ]);
    }),
  ] as const,
  request: {
    params: mentorshipParam,
    body: {
      required: true,
      description: 'The photo and its fields',
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: {
              file: binary,
              attachTo: { type: 'string', enum: [...photoAttachments] },
              entryId: { type: 'string' },
              caption: { type: 'string', maxLength: 300 },
            },
          },
        },
      },
    },
  },
  responses: {
    201: jsonResponse(photoOut, 'The stored photo'),
    ...problems(400, 401, 404),
  },
});
const uploadPhotoHandler: Handler<typeof uploadPhoto> = async (c) => {
  const { tenant, store } = network(c);
  const deps = c.var.deps;
  const { networkId } = c.req.valid('param');
  const m = await visibleMentorship(c);
  const type = c.req.header('content-type') ?? '';
  const form = /^multipart\/form-data/i.test(type)
    ? await c.req.parseBody().catch(() => {
        throw new ValidationError([{ path: 'body', code: 'invalid_multipart' }]);
      })
    : {};
  const fields: Record<string, string> = {};
  for (const name of ['attachTo', 'entryId', 'caption']) {
    const value = form[name];
    if (typeof value === 'string' && value.trim() !== '') fields[name] = value;
  }
  const parsed = photoUploadSchema.safeParse(fields);
  const errors: FieldError[] = parsed.success
    ? []
    : fieldIssues(parsed.error.issues, { input: fields });
  errors.push(...unsafeTextFields(fields));
  const file = form.file;
  if (!(file instanceof File)) {
    errors.push({ path: 'file', code: 'required' });
  } else if (file.size > MAX_PHOTO_BYTES) {
    errors.push({ path: 'file', code: 'too_large', params: { kilobytes: MAX_PHOTO_BYTES / 1024 } });
  }
  if (errors.length || !parsed.success || !(file instanceof File)) {
    throw new ValidationError(errors);
  }
  const raw = new Uint8Array(await file.arrayBuffer());
  if (!sniffImageType(raw)) {
    throw new ValidationError([{ path: 'file', code: 'file_type' }]);
  }
  let stripped: ReturnType<typeof stripImageMetadata>;
  try {
    stripped = stripImageMetadata(raw);
  } catch (error) {
    if (error instanceof ImageFormatError) {
      throw new ValidationError([{ path: 'file', code: 'unreadable_image' }]);
    }
    throw error;
  }
  try {
    await checkImage(stripped.bytes, stripped.contentType);
  } catch (error) {
    if (error instanceof ImageRejectedError) {
      throw new ValidationError([{ path: 'file', code: 'unreadable_image' }]);
    }
    throw error;
  }
  const upload = parsed.data;
  await checkEntry(store, todayOf(deps.clock), m, upload.attachTo, upload.entryId);

  const id = newId();
  const key = photoBlobKey(networkId, m.id, id);
  const record: PhotoRecord = {
    id,
    mentorshipId: m.id,
    attachTo: upload.attachTo,
    ...(upload.entryId ? { entryId: upload.entryId } : {}),
    ...(upload.caption ? { caption: upload.caption } : {}),
    contentType: stripped.contentType,
    size: stripped.bytes.length,
    uploadedAt: deps.clock.now().toISOString(),
    uploadedBy: tenant.userId,
    uploadedByName: tenant.name,
  };
  await deps.blobs.put(key, stripped.bytes, stripped.contentType);
  try {
    await store.progress.putPhoto(record);
  } catch (error) {
    // no metadata item, no photo: the bytes must not linger unseen
    await deps.blobs.delete(key);
    throw error;
  }
  return c.json(record, 201);
};

const getPhoto = createRoute({
  method: 'get',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/photos/{photoId}',
  tags: ['Monitoring'],
  summary: 'A photo of the timeline, as stored (without its metadata)',
  description:
    'Only people who see the mentorship read it. Served with its `Content-Type`, `X-Content-Type-Options: nosniff` and `Cache-Control: private`.',
  security: bearer,
  request: { params: photoParam },
  responses: {
    200: {
      description: 'The image',
      content: {
        'image/jpeg': { schema: binary },
        'image/png': { schema: binary },
        'image/webp': { schema: binary },
      },
    },
    ...problems(401, 404),
  },
});
const getPhotoHandler: Handler<typeof getPhoto> = async (c) => {
  const { networkId, photoId } = c.req.valid('param');
  const m = await visibleMentorship(c);
  const photo = await network(c).store.progress.getPhoto(m.id, photoId);
  if (!photo) throw new NotFoundError('photo');
  const blob = await c.var.deps.blobs.get(photoBlobKey(networkId, m.id, photo.id));
  if (!blob) throw new NotFoundError('photo');
  return new Response(new Uint8Array(blob.bytes), {
    status: 200,
    headers: {
      'content-type': photo.contentType,
      'content-length': String(blob.bytes.length),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=3600',
      'content-security-policy': "default-src 'none'",
    },
  });
};

const deletePhoto = createRoute({
  method: 'delete',
  path: '/networks/{networkId}/mentorships/{mentorshipId}/photos/{photoId}',
  tags: ['Monitoring'],
  summary: 'Remove a photo (a person asked to be taken out of it, a wrong upload)',
  description:
    'By whoever uploaded it, a coordinator of the mentorship’s organizations or a network admin (others: 403). The metadata item and the bytes both go.',
  security: bearer,
  request: { params: photoParam },
  responses: {
    204: { description: 'Removed' },
    ...problems(401, 403, 404),
  },
});
const deletePhotoHandler: Handler<typeof deletePhoto> = async (c) => {
  const { tenant, store } = network(c);
  const { networkId, photoId } = c.req.valid('param');
  const m = await visibleMentorship(c);
  const { progress } = store;
  const photo = await progress.getPhoto(m.id, photoId);
  if (!photo) throw new NotFoundError('photo');
  if (photo.uploadedBy !== tenant.userId && !canManage(tenant, m)) {
    throw new ForbiddenError('forbidden_remove_photo');
  }
  await progress.deletePhoto(m.id, photo.id);
  await c.var.deps.blobs.delete(photoBlobKey(networkId, m.id, photo.id));
  return c.body(null, 204);
};

/**
 * "Recognize progress" (001 Step 4): a timeline of what a mentorship did, milestones marked
 * reached, and photos — images only, size-limited, and stripped of their metadata (GPS,
 * camera, names) before they are stored, because a photo can expose people.
 */
export const progressRoutes = () =>
  router()
    .openapi(getTimeline, getTimelineHandler)
    .openapi(getMilestones, getMilestonesHandler)
    .openapi(markReached, markReachedHandler)
    .openapi(uploadPhoto, uploadPhotoHandler)
    .openapi(getPhoto, getPhotoHandler)
    .openapi(deletePhoto, deletePhotoHandler);
