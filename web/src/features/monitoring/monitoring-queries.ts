/**
 * Queries and writes of the monitoring screens: summary reports (Annex 4), follow-up actions,
 * the people who own them, milestones, the timeline with its photos, the practical tips and
 * the CSV exports. Keys extend those of `queries.ts`, so invalidating a mentorship refreshes
 * all of it. Photos and CSV files are not JSON: they are fetched with the session's token and
 * handed to the page as object URLs (an `<img>` or a link cannot send a bearer token).
 */
import type {
  FollowUpAction,
  FollowUpStatus,
  MilestoneReachedInput,
  MilestoneState,
  PhotoRecord,
  SummaryReport,
  SummaryReportInput,
  TimelineEntry,
} from '@sisi/domain';
import { queryOptions } from '@tanstack/react-query';
import { ApiProblem, api, apiHeaders, call, type FieldError } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';

export type TrackedAction = FollowUpAction & { overdue: boolean };
export type MyAction = TrackedAction & {
  organizations: { id: string; name: string; role: 'mentor' | 'mentee' }[];
};
export interface MentorshipPerson {
  id: string;
  name: string;
  organizationId: string;
  role: 'coordinator' | 'participant';
}
export interface PracticalTips {
  symptoms: ({ id: string; challengeIds: string[] } & {
    days?: number;
    lastEventDate?: string;
    milestones?: { id: string; description: string; dueDate: string }[];
    reviews?: { period: number; dueDate: string; state: string }[];
    count?: number;
  })[];
  challenges: {
    id: string;
    title: string;
    tips: string[];
    case?: { title: string; parts: { title: string; text: string }[] };
  }[];
}

const base = (networkId: string, mentorshipId: string) =>
  ['networks', networkId, 'mentorships', mentorshipId] as const;

export const monitoringKeys = {
  summaryReports: (n: string, m: string) => [...base(n, m), 'summary-reports'] as const,
  summaryReport: (n: string, m: string, id: string) =>
    [...base(n, m), 'summary-reports', id] as const,
  followUps: (n: string, m: string) => [...base(n, m), 'follow-up-actions'] as const,
  people: (n: string, m: string) => [...base(n, m), 'people'] as const,
  milestones: (n: string, m: string) => [...base(n, m), 'milestones'] as const,
  timeline: (n: string, m: string) => [...base(n, m), 'timeline'] as const,
  tips: (n: string, m: string) => [...base(n, m), 'tips'] as const,
  photo: (n: string, m: string, id: string) => [...base(n, m), 'photos', id] as const,
  mine: (n: string) => ['networks', n, 'follow-up-actions', 'mine'] as const,
};

const mentorshipApi = () => api.networks[':networkId'].mentorships[':mentorshipId'];

/** The mentorship's summary reports by meeting date (the first 100). */
export const summaryReportsQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: monitoringKeys.summaryReports(networkId, mentorshipId),
    queryFn: async (): Promise<SummaryReport[]> =>
      (
        await call(
          mentorshipApi()['summary-reports'].$get({
            param: { networkId, mentorshipId },
            query: { limit: '100' },
          }),
        )
      ).items,
  });

export const summaryReportQuery = (
  networkId: string,
  mentorshipId: string,
  reportId: string,
  options: { print?: boolean } = {},
) =>
  queryOptions({
    queryKey: [
      ...monitoringKeys.summaryReport(networkId, mentorshipId, reportId),
      ...(options.print ? ['print'] : []),
    ],
    queryFn: (): Promise<SummaryReport> =>
      call(
        mentorshipApi()['summary-reports'][':reportId'].$get({
          param: { networkId, mentorshipId, reportId },
          // the print view's read is recorded as a print (audit trail): read it once
          query: options.print ? { purpose: 'print' } : {},
        }),
      ),
    ...(options.print ? { staleTime: Number.POSITIVE_INFINITY } : {}),
  });

/** Files a summary report (its follow-up actions become tracked items). */
export const postSummaryReport = (
  networkId: string,
  mentorshipId: string,
  body: SummaryReportInput,
  idempotencyKey: string,
): Promise<SummaryReport> =>
  call(
    mentorshipApi()['summary-reports'].$post(
      { param: { networkId, mentorshipId }, json: body },
      { headers: { 'idempotency-key': idempotencyKey } },
    ),
  );

/** The mentorship's follow-up actions by due date (the first 100). */
export const followUpsQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: monitoringKeys.followUps(networkId, mentorshipId),
    queryFn: async (): Promise<TrackedAction[]> =>
      (
        await call(
          mentorshipApi()['follow-up-actions'].$get({
            param: { networkId, mentorshipId },
            query: { limit: '100' },
          }),
        )
      ).items,
  });

/** The reader's own follow-up actions: open ones, or all when `all`. */
export const myFollowUpsQuery = (networkId: string, all: boolean) =>
  queryOptions({
    queryKey: [...monitoringKeys.mine(networkId), all ? 'all' : 'open'] as const,
    queryFn: async (): Promise<MyAction[]> =>
      (
        await call(
          api.networks[':networkId']['follow-up-actions'].$get({
            param: { networkId },
            query: { owner: 'me', limit: '100', ...(all ? {} : { status: 'open' }) },
          }),
        )
      ).items,
  });

export const patchFollowUp = (
  networkId: string,
  mentorshipId: string,
  actionId: string,
  body: { status: FollowUpStatus; version: number },
): Promise<TrackedAction> =>
  call(
    mentorshipApi()['follow-up-actions'][':actionId'].$patch({
      param: { networkId, mentorshipId, actionId },
      json: body,
    }),
  );

/** Who can own a follow-up action: its organizations' coordinators and its participants. */
export const peopleQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: monitoringKeys.people(networkId, mentorshipId),
    queryFn: async (): Promise<MentorshipPerson[]> =>
      (await call(mentorshipApi().people.$get({ param: { networkId, mentorshipId } }))).items,
  });

export const milestonesQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: monitoringKeys.milestones(networkId, mentorshipId),
    queryFn: async (): Promise<MilestoneState[]> =>
      (await call(mentorshipApi().milestones.$get({ param: { networkId, mentorshipId } }))).items,
  });

export const markMilestoneReached = (
  networkId: string,
  mentorshipId: string,
  milestoneId: string,
  body: MilestoneReachedInput,
) =>
  call(
    mentorshipApi().milestones[':milestoneId'].reached.$post({
      param: { networkId, mentorshipId, milestoneId },
      json: body,
    }),
  );

export const timelineQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: monitoringKeys.timeline(networkId, mentorshipId),
    queryFn: async (): Promise<TimelineEntry[]> =>
      (await call(mentorshipApi().timeline.$get({ param: { networkId, mentorshipId } }))).items,
  });

/** The symptoms and tips; `null` for a reader who does not coordinate the mentorship (403). */
export const tipsQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: monitoringKeys.tips(networkId, mentorshipId),
    queryFn: async (): Promise<PracticalTips | null> => {
      try {
        return (await call(
          mentorshipApi().tips.$get({ param: { networkId, mentorshipId } }),
        )) as PracticalTips;
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 403) return null;
        throw error;
      }
    },
  });

/** A fetch of a non-JSON resource; a problem answer becomes an `ApiProblem`. */
async function fetchRaw(url: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { ...apiHeaders(), ...init.headers } });
  } catch (error) {
    throw new ApiProblem(0, 'Network error', error instanceof Error ? error.message : '');
  }
  if (res.ok) return res;
  let body: { title?: string; detail?: string; errors?: FieldError[] } = {};
  try {
    body = await res.json();
  } catch {
    // not a problem document
  }
  throw new ApiProblem(
    res.status,
    body.title ?? `HTTP ${res.status}`,
    body.detail ?? '',
    Array.isArray(body.errors) ? body.errors : [],
  );
}

const mentorshipUrl = (networkId: string, mentorshipId: string) =>
  `/api/v1/networks/${encodeURIComponent(networkId)}/mentorships/${encodeURIComponent(mentorshipId)}`;

/** Uploads a photo (multipart); the server strips its metadata before storing it. */
export async function uploadPhoto(
  networkId: string,
  mentorshipId: string,
  file: File,
  fields: { attachTo: string; entryId?: string; caption?: string },
): Promise<PhotoRecord> {
  const form = new FormData();
  form.set('file', file);
  form.set('attachTo', fields.attachTo);
  if (fields.entryId) form.set('entryId', fields.entryId);
  if (fields.caption) form.set('caption', fields.caption);
  const res = await fetchRaw(`${mentorshipUrl(networkId, mentorshipId)}/photos`, {
    method: 'POST',
    body: form,
  });
  return res.json() as Promise<PhotoRecord>;
}

export const deletePhoto = async (networkId: string, mentorshipId: string, photoId: string) => {
  await fetchRaw(
    `${mentorshipUrl(networkId, mentorshipId)}/photos/${encodeURIComponent(photoId)}`,
    {
      method: 'DELETE',
    },
  );
};

/**
 * A photo as an object URL for an `<img>`. Kept for the page's life (never refetched, never
 * revoked): a timeline holds a few photos, and the browser frees them when the page goes.
 */
export const photoQuery = (networkId: string, mentorshipId: string, photoId: string) =>
  queryOptions({
    queryKey: monitoringKeys.photo(networkId, mentorshipId, photoId),
    queryFn: async (): Promise<string> => {
      const res = await fetchRaw(
        `${mentorshipUrl(networkId, mentorshipId)}/photos/${encodeURIComponent(photoId)}`,
      );
      return URL.createObjectURL(await res.blob());
    },
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The CSV export path of a form: one mentorship's, or the network's. */
export const exportUrl = (networkId: string, form: string, mentorshipId?: string) =>
  mentorshipId
    ? `${mentorshipUrl(networkId, mentorshipId)}/exports/${encodeURIComponent(form)}`
    : `/api/v1/networks/${encodeURIComponent(networkId)}/exports/${encodeURIComponent(form)}`;

/**
 * A CSV export's URL asking for its labels in the reader's language (`lang`): the browser's
 * `Accept-Language` need not be the language chosen in Sisi.
 */
export function inReadersLanguage(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}lang=${currentLanguage()}`;
}

/**
 * Downloads a CSV export as a file, under the name the server gives it, its labels in the
 * reader's language.
 */
export async function downloadCsv(url: string): Promise<void> {
  const res = await fetchRaw(inReadersLanguage(url));
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'export.csv';
  const href = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
