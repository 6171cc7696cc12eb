import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import {
  contains,
  GPS_LATITUDE_BYTES,
  jpegWithMetadata,
  pngWithGarbagePixels,
  pngWithMetadata,
  SAMPLE_JPEG,
  SAMPLE_PNG,
  SAMPLE_WEBP,
  SECRETS,
  webpWithGarbagePixels,
  webpWithMetadata,
  withDeclaredSize,
} from '../support/images.ts';
import { type MentorshipWorld, mentorshipWorld } from '../support/mentorship-world.ts';
import { createMentorship, type Mentorship, mentorshipPath } from '../support/mentorships.ts';
import { expectJson, expectProblem } from '../support/problem.ts';
import { reportBody } from '../support/quarterly-reports.ts';
import { fileSummaryReport, summaryBody } from '../support/summary-reports.ts';

let api: TestApi;
let w: MentorshipWorld;

interface Photo {
  id: string;
  mentorshipId: string;
  attachTo: string;
  entryId?: string;
  caption?: string;
  contentType: string;
  size: number;
  uploadedBy: string;
}
type Entry = { kind: string; date: string; photos: { id: string; caption?: string }[] } & Record<
  string,
  unknown
>;

const MB = 1024 * 1024;
const items = () => api.countItems([w.networkId, w.otherNetworkId]);
/** Every stored upload (the photos' bytes) under the runtime's data folder. */
async function blobs(): Promise<number> {
  const root = join(api.dataDir, 'uploads');
  const files = await readdir(root, { recursive: true }).catch(() => [] as string[]);
  return files.filter((f) => /\/photos\/[^/]+\/[^/.]+$/.test(f.replaceAll('\\', '/'))).length;
}
const snapshot = async () => ({ items: await items(), blobs: await blobs() });

/** A multipart upload, as a browser sends one. */
function upload(
  networkId: string,
  mentorshipId: string,
  token: string,
  file: { bytes: Uint8Array; type: string; name?: string } | undefined,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  if (file) {
    form.set(
      'file',
      new File([Buffer.from(file.bytes)], file.name ?? 'photo', { type: file.type }),
    );
  }
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return api.app.request(`/api/v1${mentorshipPath(networkId, mentorshipId)}/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}
const getPhoto = (m: { id: string }, id: string, token: string) =>
  api.call('GET', `${mentorshipPath(w.networkId, m.id)}/photos/${id}`, { token });
const timeline = async (m: { id: string }, token = w.tokens.participant) =>
  (
    await expectJson<{ items: Entry[] }>(
      await api.call('GET', `${mentorshipPath(w.networkId, m.id)}/timeline`, { token }),
      200,
    )
  ).items;

/** A new mentorship of the world with its participant and a plan with two milestones. */
async function fresh(): Promise<Mentorship> {
  const m = await createMentorship(api, w.networkId, w.tokens.admin, {
    mentorOrganizationId: w.mentor.id,
    menteeOrganizationIds: [w.mentee.id],
  });
  await expectJson(
    await api.call('PUT', `${mentorshipPath(w.networkId, m.id)}/plan`, {
      token: w.tokens.admin,
      body: {
        milestones: [
          { id: 'm1', description: 'Budget drafted', dueDate: '2025-03-01' },
          { id: 'm2', description: 'Budget adopted', dueDate: '2099-06-01' },
        ],
      },
    }),
    200,
  );
  return expectJson<Mentorship>(
    await api.call('PUT', `${mentorshipPath(w.networkId, m.id)}/participants`, {
      token: w.tokens.admin,
      body: { personIds: [w.participantId] },
    }),
    200,
  );
}

beforeAll(async () => {
  api = await createTestApi();
  w = await mentorshipWorld(api, 'Progress');
});
afterAll(() => api.close());

describe('POST …/milestones/{milestoneId}/reached', () => {
  const reached = (m: { id: string }, id: string, token: string, body: unknown) =>
    api.call('POST', `${mentorshipPath(w.networkId, m.id)}/milestones/${id}/reached`, {
      token,
      body,
    });

  it('marks a plan milestone reached, once; the plan stays as it was', async () => {
    const m = await fresh();
    const plan = await api.call('GET', `${mentorshipPath(w.networkId, m.id)}/plan`, {
      token: w.tokens.admin,
    });
    const planBefore = await plan.json();
    const record = await expectJson(
      await reached(m, 'm1', w.tokens.participant, { reachedOn: '2025-02-20', note: 'Adopted!' }),
      201,
    );
    expect(record).toEqual({
      mentorshipId: m.id,
      milestoneId: 'm1',
      description: 'Budget drafted',
      dueDate: '2025-03-01',
      reachedOn: '2025-02-20',
      note: 'Adopted!',
      recordedAt: expect.any(String),
      recordedBy: w.participantId,
      recordedByName: expect.any(String),
    });
    const before = await items();
    await expectProblem(
      await reached(m, 'm1', w.tokens.admin, { reachedOn: '2025-02-21' }),
      409,
      'milestoneId',
    );
    expect(await items()).toBe(before);
    const planAfter = await (
      await api.call('GET', `${mentorshipPath(w.networkId, m.id)}/plan`, { token: w.tokens.admin })
    ).json();
    expect(planAfter).toEqual(planBefore);
    const entry = (await timeline(m)).find((e) => e.kind === 'milestone-reached');
    expect(entry).toMatchObject({ date: '2025-02-20', milestoneId: 'm1', note: 'Adopted!' });
  });

  it('answers 404 for a milestone the plan does not have', async () => {
    const m = await fresh();
    const before = await items();
    await expectProblem(await reached(m, 'm9', w.tokens.admin, { reachedOn: '2025-02-20' }), 404);
    expect(await items()).toBe(before);
  });

  const invalid: [string, unknown, string][] = [
    ['no day', {}, 'reachedOn'],
    ['a day that is not one', { reachedOn: '2025-02-30' }, 'reachedOn'],
    ['a day after today', { reachedOn: '2099-01-01' }, 'reachedOn'],
    ['an unknown field', { reachedOn: '2025-02-20', by: 'x' }, 'by'],
  ];
  for (const [what, body, field] of invalid) {
    it(`answers 400 naming ${field} for ${what}; nothing written`, async () => {
      const m = await fresh();
      const before = await items();
      await expectProblem(await reached(m, 'm1', w.tokens.admin, body), 400, field);
      expect(await items()).toBe(before);
    });
  }

  for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
    it(`answers 404 to the ${caller}; nothing written`, async () => {
      const before = await items();
      await expectProblem(
        await reached(w.mentorship, 'm1', w.tokens[caller], { reachedOn: '2025-02-20' }),
        404,
      );
      expect(await items()).toBe(before);
    });
  }
});

describe('photos', () => {
  it('strips a JPEG’s Exif with its GPS, XMP, IPTC and comment before storing it', async () => {
    const m = await fresh();
    const before = await snapshot();
    const photo = await expectJson<Photo>(
      await upload(
        w.networkId,
        m.id,
        w.tokens.participant,
        {
          bytes: jpegWithMetadata(),
          type: 'image/jpeg',
          name: 'IMG_0001.jpg',
        },
        { caption: 'After the workshop' },
      ),
      201,
    );
    expect(photo).toMatchObject({
      mentorshipId: m.id,
      attachTo: 'mentorship',
      caption: 'After the workshop',
      contentType: 'image/jpeg',
      size: SAMPLE_JPEG.length,
      uploadedBy: w.participantId,
    });
    expect(await snapshot()).toEqual({ items: before.items + 1, blobs: before.blobs + 1 });

    const res = await getPhoto(m, photo.id, w.tokens.menteeCoordinator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toMatch(/^private\b/);
    const stored = new Uint8Array(await res.arrayBuffer());
    expect(contains(stored, 'Exif')).toBe(false);
    expect(contains(stored, GPS_LATITUDE_BYTES)).toBe(false);
    for (const secret of Object.values(SECRETS)) expect(contains(stored, secret)).toBe(false);
    // the image itself, byte for byte: SOI … EOI, every other segment kept
    expect(Buffer.from(stored).equals(Buffer.from(SAMPLE_JPEG))).toBe(true);
  });

  it('strips a PNG’s text, time and eXIf chunks, and a WebP’s EXIF and XMP', async () => {
    const m = await fresh();
    for (const [bytes, type, clean] of [
      [pngWithMetadata(), 'image/png', SAMPLE_PNG],
      [webpWithMetadata(), 'image/webp', SAMPLE_WEBP],
    ] as const) {
      const photo = await expectJson<Photo>(
        await upload(w.networkId, m.id, w.tokens.admin, { bytes, type }),
        201,
      );
      expect(photo.contentType).toBe(type);
      const stored = new Uint8Array(
        await (await getPhoto(m, photo.id, w.tokens.admin)).arrayBuffer(),
      );
      expect(Buffer.from(stored).equals(Buffer.from(clean))).toBe(true);
      expect(contains(stored, GPS_LATITUDE_BYTES)).toBe(false);
    }
  });

  it('tells the type by the bytes: a PNG sent as image/jpeg is stored as a PNG', async () => {
    const m = await fresh();
    const photo = await expectJson<Photo>(
      await upload(w.networkId, m.id, w.tokens.admin, { bytes: SAMPLE_PNG, type: 'image/jpeg' }),
      201,
    );
    expect(photo.contentType).toBe('image/png');
    expect((await getPhoto(m, photo.id, w.tokens.admin)).headers.get('content-type')).toBe(
      'image/png',
    );
  });

  const refused: (readonly [
    string,
    () => Parameters<typeof upload>[3],
    Record<string, string>,
    string,
  ])[] = [
    [
      'an SVG declared as a JPEG',
      () => ({
        bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        type: 'image/jpeg',
      }),
      {},
      'file',
    ],
    [
      'a PDF',
      () => ({ bytes: new TextEncoder().encode('%PDF-1.7'), type: 'application/pdf' }),
      {},
      'file',
    ],
    [
      'a JPEG cut short',
      () => ({ bytes: SAMPLE_JPEG.subarray(0, 300), type: 'image/jpeg' }),
      {},
      'file',
    ],
    [
      'a file 1 byte over 5 MB',
      () => ({
        bytes: Buffer.concat([SAMPLE_JPEG, Buffer.alloc(5 * MB + 1 - SAMPLE_JPEG.length)]),
        type: 'image/jpeg',
      }),
      {},
      'file',
    ],
    [
      'a body far over the limit',
      () => ({ bytes: new Uint8Array(7 * MB), type: 'image/jpeg' }),
      {},
      'file',
    ],
    // decoded whole, at most 24 megapixels (ADR 0024): a header’s word is not enough
    ...(
      [
        ['image/jpeg', 65535, 65535],
        ['image/png', 65535, 65535],
        ['image/webp', 16384, 16384],
        ['image/jpeg', 6000, 4001],
      ] as const
    ).map(
      ([type, width, height]) =>
        [
          `a ${type} declaring ${width}×${height} pixels`,
          () => ({ bytes: withDeclaredSize(type, width, height), type }),
          {},
          'file',
        ] as const,
    ),
    [
      'a PNG whose pixel data does not inflate',
      () => ({ bytes: pngWithGarbagePixels(), type: 'image/png' }),
      {},
      'file',
    ],
    [
      'a WebP whose bitstream is noise',
      () => ({ bytes: webpWithGarbagePixels(), type: 'image/webp' }),
      {},
      'file',
    ],
    [
      'a caption with a NUL',
      () => ({ bytes: SAMPLE_JPEG, type: 'image/jpeg' }),
      { caption: 'The team\u0000' },
      'caption',
    ],
    ['no file', () => undefined, { caption: 'Nothing attached' }, 'file'],
    [
      'a summary report that does not exist',
      () => ({ bytes: SAMPLE_JPEG, type: 'image/jpeg' }),
      { attachTo: 'summary-report', entryId: '2025-02-03-nosuchreprt' },
      'entryId',
    ],
    [
      'a milestone the plan does not have',
      () => ({ bytes: SAMPLE_JPEG, type: 'image/jpeg' }),
      { attachTo: 'milestone', entryId: 'm9' },
      'entryId',
    ],
    [
      'a milestone without its id',
      () => ({ bytes: SAMPLE_JPEG, type: 'image/jpeg' }),
      { attachTo: 'milestone' },
      'entryId',
    ],
    [
      'an entry kind that is not one',
      () => ({ bytes: SAMPLE_JPEG, type: 'image/jpeg' }),
      { attachTo: 'album' },
      'attachTo',
    ],
    [
      'a caption over 300 characters',
      () => ({ bytes: SAMPLE_JPEG, type: 'image/jpeg' }),
      { caption: 'x'.repeat(301) },
      'caption',
    ],
  ];
  for (const [what, file, fields, field] of refused) {
    it(`answers 400 naming ${field} for ${what}; nothing stored`, async () => {
      const m = w.mentorship;
      const before = await snapshot();
      await expectProblem(
        await upload(w.networkId, m.id, w.tokens.admin, file(), fields),
        400,
        field,
      );
      expect(await snapshot()).toEqual(before);
    });
  }

  it('answers 400 naming file to a JSON body: photos come as multipart', async () => {
    const before = await snapshot();
    await expectProblem(
      await api.call('POST', `${mentorshipPath(w.networkId, w.mentorship.id)}/photos`, {
        token: w.tokens.admin,
        body: { file: 'aGVsbG8=' },
      }),
      400,
      'file',
    );
    expect(await snapshot()).toEqual(before);
  });

  for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
    it(`answers 404 to the ${caller}, upload and read alike; nothing stored`, async () => {
      const photo = await expectJson<Photo>(
        await upload(w.networkId, w.mentorship.id, w.tokens.admin, {
          bytes: SAMPLE_JPEG,
          type: 'image/jpeg',
        }),
        201,
      );
      const before = await snapshot();
      await expectProblem(
        await upload(w.networkId, w.mentorship.id, w.tokens[caller], {
          bytes: SAMPLE_JPEG,
          type: 'image/jpeg',
        }),
        404,
      );
      await expectProblem(await getPhoto(w.mentorship, photo.id, w.tokens[caller]), 404);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('is removed by its uploader (bytes and all), not by another participant', async () => {
    const m = await fresh();
    const photo = await expectJson<Photo>(
      await upload(w.networkId, m.id, w.tokens.menteeCoordinator, {
        bytes: SAMPLE_JPEG,
        type: 'image/jpeg',
      }),
      201,
    );
    const path = `${mentorshipPath(w.networkId, m.id)}/photos/${photo.id}`;
    const before = await snapshot();
    await expectProblem(await api.call('DELETE', path, { token: w.tokens.participant }), 403);
    expect(await snapshot()).toEqual(before);
    const res = await api.call('DELETE', path, { token: w.tokens.menteeCoordinator });
    expect(res.status).toBe(204);
    expect(await snapshot()).toEqual({ items: before.items - 1, blobs: before.blobs - 1 });
    await expectProblem(await getPhoto(m, photo.id, w.tokens.admin), 404);
  });
});

describe('GET …/timeline', () => {
  it('puts the mentorship’s story in date order, photos on their entries', async () => {
    const m = await fresh();
    const report = await fileSummaryReport(
      api,
      w.networkId,
      m.id,
      w.tokens.mentorCoordinator,
      summaryBody({
        organizationIds: [w.mentee.id],
        milestonesReached: ['m1'],
        followUpActions: [
          { what: 'Send the template', ownerId: w.participantId, dueDate: '2025-02-10' },
        ],
      }),
    );
    await expectJson(
      await api.call('POST', `${mentorshipPath(w.networkId, m.id)}/gatherings`, {
        token: w.tokens.admin,
        body: { approach: 'telementoring', title: 'Call on the budget', date: '2025-01-25' },
      }),
      201,
    );
    await expectJson(
      await api.call('POST', `${mentorshipPath(w.networkId, m.id)}/quarterly-reports`, {
        token: w.tokens.mentorCoordinator,
        body: reportBody(1),
      }),
      201,
    );
    const onReport = await expectJson<Photo>(
      await upload(
        w.networkId,
        m.id,
        w.tokens.participant,
        { bytes: SAMPLE_JPEG, type: 'image/jpeg' },
        {
          attachTo: 'summary-report',
          entryId: report.id,
          caption: 'The team',
        },
      ),
      201,
    );
    const onMilestone = await expectJson<Photo>(
      await upload(
        w.networkId,
        m.id,
        w.tokens.participant,
        { bytes: SAMPLE_PNG, type: 'image/png' },
        {
          attachTo: 'milestone',
          entryId: 'm1',
        },
      ),
      201,
    );
    const loose = await expectJson<Photo>(
      await upload(w.networkId, m.id, w.tokens.participant, {
        bytes: SAMPLE_WEBP,
        type: 'image/webp',
      }),
      201,
    );

    const entries = await timeline(m);
    const kinds = entries.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'stage-change',
        'gathering',
        'summary-report',
        'milestone-reached',
        'quarterly-report',
        'photo',
      ]),
    );
    const dates = entries.map((e) => e.date.slice(0, 10));
    expect(dates).toEqual([...dates].sort());
    const summary = entries.find((e) => e.kind === 'summary-report');
    expect(summary).toMatchObject({ id: report.id, date: '2025-02-03', followUpActions: 1 });
    expect(summary?.photos.map((p) => [p.id, p.caption])).toEqual([[onReport.id, 'The team']]);
    const milestone = entries.find((e) => e.kind === 'milestone-reached');
    expect(milestone).toMatchObject({ milestoneId: 'm1', date: '2025-02-03' });
    expect(milestone?.photos.map((p) => p.id)).toEqual([onMilestone.id]);
    expect(entries.filter((e) => e.kind === 'photo').map((e) => e.photoId)).toEqual([loose.id]);
  });

  it('answers 404 to those who do not see the mentorship', async () => {
    for (const caller of ['outsiderCoordinator', 'bystander', 'otherAdmin'] as const) {
      await expectProblem(
        await api.call('GET', `${mentorshipPath(w.networkId, w.mentorship.id)}/timeline`, {
          token: w.tokens[caller],
        }),
        404,
      );
    }
  });
});
