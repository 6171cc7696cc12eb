/**
 * Queries and writes of the mid-term and end forms: the reflection questionnaire's results
 * (001 Annex 6) and its one answer per person, and the organizations' evaluation forms
 * (001 Annex 7). Keys extend the mentorship's (`['networks', n, 'mentorships', m, …]`), so
 * invalidating a mentorship refreshes them too.
 */
import type {
  EvaluationContent,
  EvaluationInput,
  EvaluationRecord,
  EvaluationStatus,
  ReflectionAnswersInput,
  ReflectionResults,
} from '@sisi/domain';
import { queryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';
import type { StoredDoc } from '../../api/queries.ts';

/** One organization's entry in `GET …/evaluations`. */
export interface EvaluationEntry {
  organizationId: string;
  role: 'mentor' | 'mentee';
  status: EvaluationStatus;
  /** Present when signed, or to who may still edit the draft. */
  evaluation?: EvaluationRecord;
}

/** A saved form as the editor reads it: a versioned document (and, in fact, its record). */
export type EvaluationDoc = StoredDoc<EvaluationContent>;
/** Whether a saved form is signed (final). */
export const isSigned = (doc: EvaluationDoc | null | undefined): boolean =>
  !!(doc as EvaluationRecord | null | undefined)?.signedAt;

export const reflectionKeys = {
  reflection: (networkId: string, mentorshipId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId, 'reflection'] as const,
  evaluations: (networkId: string, mentorshipId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId, 'evaluations'] as const,
  evaluation: (networkId: string, mentorshipId: string, organizationId: string) =>
    ['networks', networkId, 'mentorships', mentorshipId, 'evaluations', organizationId] as const,
};

const mentorshipApi = () => api.networks[':networkId'].mentorships[':mentorshipId'];

/** Each side's pooled answers, the comparison and the reader's own part. */
export const reflectionQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: reflectionKeys.reflection(networkId, mentorshipId),
    queryFn: (): Promise<ReflectionResults> =>
      call(mentorshipApi().reflection.$get({ param: { networkId, mentorshipId } })),
  });

/** The reader's one answer (a second one: 409). The answer carries nothing of the reader. */
export const postReflectionAnswers = (
  networkId: string,
  mentorshipId: string,
  body: ReflectionAnswersInput,
): Promise<{ side: 'mentor' | 'mentee'; answered: true }> =>
  call(
    mentorshipApi().reflection.answers.$post({ param: { networkId, mentorshipId }, json: body }),
  );

/** Every organization's evaluation form and where it stands, mentor first. */
export const evaluationsQuery = (networkId: string, mentorshipId: string) =>
  queryOptions({
    queryKey: reflectionKeys.evaluations(networkId, mentorshipId),
    queryFn: async (): Promise<EvaluationEntry[]> =>
      (await call(mentorshipApi().evaluations.$get({ param: { networkId, mentorshipId } })))
        .items as EvaluationEntry[],
  });

/** One organization's form; `null` when none is saved (or the draft is not the reader's). */
export const evaluationQuery = (networkId: string, mentorshipId: string, organizationId: string) =>
  queryOptions({
    queryKey: reflectionKeys.evaluation(networkId, mentorshipId, organizationId),
    queryFn: (): Promise<EvaluationDoc | null> =>
      call(
        mentorshipApi().evaluations[':organizationId'].$get({
          param: { networkId, mentorshipId, organizationId },
        }),
      ) as Promise<EvaluationDoc | null>,
  });

/** Saves an organization's form; `version` is the one read (a stale one: 409). */
export const putEvaluation = (
  networkId: string,
  mentorshipId: string,
  organizationId: string,
  body: EvaluationInput & { version?: number },
): Promise<EvaluationDoc> =>
  call(
    mentorshipApi().evaluations[':organizationId'].$put({
      param: { networkId, mentorshipId, organizationId },
      json: body,
    }),
  );
