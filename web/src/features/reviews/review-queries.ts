/**
 * Queries and writes of the review screens: where each review of a mentorship stands, the
 * reviews due for the reader, and the mentor's quarterly report. Keys extend those of
 * `queries.ts`, so invalidating a mentorship refreshes its reviews too.
 */
import type {
  DueReviewState,
  QuarterlyReport,
  QuarterlyReportInput,
  ReviewWithState,
} from '@sisi/domain';
import { queryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';

/** A review waiting for the reader, as `GET /networks/{n}/reviews/due` gives it. */
export interface DueReview {
  mentorshipId: string;
  organizations: { id: string; name: string; role: 'mentor' | 'mentee' }[];
  n: number;
  kind: ReviewWithState['kind'];
  period?: number;
  dueDate: string;
  state: DueReviewState;
  /** The app's path of the form to fill. */
  link: string;
}

export const reviewKeys = {
  mentorshipReviews: (networkId: string, mentorshipId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId, 'reviews'] as const,
  reports: (networkId: string, mentorshipId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId, 'quarterly-reports'] as const,
  report: (networkId: string, mentorshipId: string, period: number) =>
    ['networks', networkId, 'mentorships', mentorshipId, 'quarterly-reports', period] as const,
  due: (networkId: string) => ['networks', networkId, 'reviews', 'due'] as const,
};

const mentorshipApi = () => api.networks[':networkId'].mentorships[':mentorshipId'];

/** Each scheduled review of a mentorship with its state, in date order. */
export const mentorshipReviewsQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: reviewKeys.mentorshipReviews(networkId, mentorshipId),
    queryFn: async (): Promise<ReviewWithState[]> =>
      (await call(mentorshipApi().reviews.$get({ param: { networkId, mentorshipId } }))).items,
  });

/** The reviews waiting for the reader, oldest first. */
export const dueReviewsQuery = (networkId: string) =>
  queryOptions({
    queryKey: reviewKeys.due(networkId),
    queryFn: (): Promise<{ items: DueReview[]; truncated: boolean }> =>
      call(api.networks[':networkId'].reviews.due.$get({ param: { networkId } })),
  });

/** The quarterly report of a period; `null` when none is in yet. */
export const quarterlyReportQuery = (
  networkId: string,
  mentorshipId: string,
  period: number,
  options: { print?: boolean } = {},
) =>
  queryOptions({
    queryKey: [
      ...reviewKeys.report(networkId, mentorshipId, period),
      ...(options.print ? ['print'] : []),
    ],
    ...(options.print ? { staleTime: Number.POSITIVE_INFINITY } : {}),
    queryFn: (): Promise<QuarterlyReport | null> =>
      call(
        mentorshipApi()['quarterly-reports'][':period'].$get({
          param: { networkId, mentorshipId, period: String(period) },
          // the print view's read is recorded as a print (audit trail)
          query: options.print ? { purpose: 'print' } : {},
        }),
      ),
  });

/** Submits a quarterly report (a second one for the same period: 409). */
export const postQuarterlyReport = (
  networkId: string,
  mentorshipId: string,
  body: QuarterlyReportInput,
  idempotencyKey: string,
): Promise<QuarterlyReport> =>
  call(
    mentorshipApi()['quarterly-reports'].$post(
      { param: { networkId, mentorshipId }, json: body },
      { headers: { 'idempotency-key': idempotencyKey } },
    ),
  );
