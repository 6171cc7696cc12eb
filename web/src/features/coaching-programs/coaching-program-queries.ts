/**
 * Queries and writes of the peer coaching program screens (seed 002) and of the coordinator
 * overview. Keys live under `['networks', id, 'coaching-programs', …]`, so invalidating a
 * program refreshes its nominations, pairs, sessions and figures too.
 */
import type {
  CoachingProgram,
  CompetencyAggregate,
  CompetencyChange,
  Consent,
  Nomination,
  NominationState,
  Page,
  Participant,
  ProgramFigures,
  SelfAssessment,
  SurveyResults,
} from '@sisi/domain';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api, call } from '../../api/client.ts';

export const programKeys = {
  all: (networkId: string) => ['networks', networkId, 'coaching-programs'] as const,
  list: (networkId: string, mine: boolean) =>
    ['networks', networkId, 'coaching-programs', 'list', mine ? 'mine' : 'visible'] as const,
  program: (networkId: string, programId: string) =>
    ['networks', networkId, 'coaching-programs', programId] as const,
  part: (networkId: string, programId: string, part: string) =>
    ['networks', networkId, 'coaching-programs', programId, part] as const,
  sessions: (networkId: string, programId: string, pairId: string) =>
    ['networks', networkId, 'coaching-programs', programId, 'pairs', pairId, 'sessions'] as const,
  overview: (networkId: string) => ['networks', networkId, 'coaching-overview'] as const,
};

export interface ProgramView extends CoachingProgram {
  viewer: {
    manages: boolean;
    relations: ('nominee' | 'participant' | 'referee')[];
    participant: boolean;
    consent?: Consent;
    surveyAnswered: boolean;
    baselineDone: boolean;
  };
}

export type NominationView = Nomination & { state: NominationState };

export interface PairView {
  id: string;
  programId: string;
  round: number;
  startDate?: string;
  endDate?: string;
  memberIds: [string, string];
  memberNames: [string, string];
  sessionsHeld: number;
  lastSessionDate?: string;
  consentComplete: boolean;
}

export interface RoundView {
  round: number;
  startDate?: string;
  endDate?: string;
  bye?: string;
  byeName?: string;
  pairs: PairView[];
}

export interface PairsView {
  pairingMode: 'fixed' | 'rotational';
  rotationWeeks?: number;
  rounds: RoundView[];
}

export interface SessionView {
  id: string;
  pairId: string;
  date: string;
  createdBy: string;
  createdAt: string;
  notes: {
    id: string;
    authorId: string;
    authorName: string;
    at: string;
    text: string;
    shared: boolean;
  }[];
}

/** What a session write answers: its notes without their text. */
export type SessionReceipt = Omit<SessionView, 'notes'> & {
  notes: Omit<SessionView['notes'][number], 'text'>[];
};

export interface AssessmentSummary {
  participants: number;
  minimumCount: number;
  competencies: CompetencyAggregate[];
  overallMeanChange?: number;
}

export interface OverviewProgram {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  pilot: boolean;
  pairingMode: 'fixed' | 'rotational';
  figures: ProgramFigures;
}

export interface OverviewGroup {
  id: string;
  name: string;
  status: {
    members: number;
    sessionsHeld: number;
    sessionsPlanned: number;
    lastSessionDate?: string;
    nextSessionDate?: string;
    commitmentsMade: number;
    commitmentsOpen: number;
    commitmentsOverdue: number;
    spirit: { set: boolean; agreed: number; of: number };
    review: 'not-yet' | 'due' | 'done';
    facilitation: string;
  };
}

export interface OverviewCoaching {
  id: string;
  coach: { id: string; name: string };
  peer: { id: string; name: string };
  status: 'active' | 'closed';
  sessionsHeld: number;
  lastSessionDate?: string;
  nextMeetingDate?: string;
  plan: { state: 'none' | 'on-track' | 'behind' | 'complete'; stepsOpen: number };
}

export interface Overview {
  programs: OverviewProgram[];
  groups: OverviewGroup[];
  coachings: OverviewCoaching[];
  truncated: { programs: boolean; groups: boolean; coachings: boolean };
}

const pages = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: { cursor?: string | undefined }) => last.cursor,
};

const programs = () => api.networks[':networkId']['coaching-programs'];
const program = () => programs()[':programId'];
const pair = () => program().pairs[':pairId'];
const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });

/** The programs the reader sees (or, with `mine`, is tied to), page by page. */
export const programsQuery = (networkId: string, mine = false) =>
  infiniteQueryOptions({
    queryKey: programKeys.list(networkId, mine),
    queryFn: ({ pageParam }): Promise<Page<CoachingProgram>> =>
      call(
        programs().$get({
          param: { networkId },
          query: {
            ...(mine ? { involvement: 'mine' as const } : {}),
            ...(pageParam ? { cursor: pageParam } : {}),
          },
        }),
      ) as Promise<Page<CoachingProgram>>,
    ...pages,
  });

export const programQuery = (networkId: string, programId: string) =>
  queryOptions({
    queryKey: programKeys.program(networkId, programId),
    queryFn: (): Promise<ProgramView> =>
      call(program().$get({ param: { networkId, programId } })) as Promise<ProgramView>,
  });

export const createProgram = (networkId: string, body: unknown, key: string) =>
  call(
    programs().$post({ param: { networkId }, json: body as never }, withKey(key)),
  ) as Promise<CoachingProgram>;

export const patchProgram = (networkId: string, programId: string, body: unknown) =>
  call(
    program().$patch({ param: { networkId, programId }, json: body as never }),
  ) as Promise<CoachingProgram>;

export const programSummaryQuery = (networkId: string, programId: string) =>
  queryOptions({
    queryKey: programKeys.part(networkId, programId, 'summary'),
    queryFn: (): Promise<ProgramFigures> =>
      call(program().summary.$get({ param: { networkId, programId } })) as Promise<ProgramFigures>,
  });

export const nominationsQuery = (networkId: string, programId: string) =>
  queryOptions({
    queryKey: programKeys.part(networkId, programId, 'nominations'),
    queryFn: async (): Promise<NominationView[]> =>
      (
        (await call(program().nominations.$get({ param: { networkId, programId } }))) as {
          items: NominationView[];
        }
      ).items,
  });

export const postNomination = (networkId: string, programId: string, body: unknown, key: string) =>
  call(
    program().nominations.$post(
      { param: { networkId, programId }, json: body as never },
      withKey(key),
    ),
  ) as Promise<NominationView>;

export const confirmReference = (
  networkId: string,
  programId: string,
  nominationId: string,
  refereeId: string,
  statement?: string,
) =>
  call(
    program().nominations[':nominationId'].references[':refereeId'].confirm.$post({
      param: { networkId, programId, nominationId, refereeId },
      json: statement ? { statement } : {},
    }),
  ) as Promise<NominationView>;

export const participantsQuery = (networkId: string, programId: string) =>
  queryOptions({
    queryKey: programKeys.part(networkId, programId, 'participants'),
    queryFn: async (): Promise<Participant[]> =>
      (
        (await call(program().participants.$get({ param: { networkId, programId } }))) as {
          items: Participant[];
        }
      ).items,
  });

export const acceptParticipant = (networkId: string, programId: string, nominationId: string) =>
  call(
    program().participants.$post({ param: { networkId, programId }, json: { nominationId } }),
  ) as Promise<Participant>;

export const signConsent = (
  networkId: string,
  programId: string,
  body: { textVersion: string; signature: string; agree: boolean },
) =>
  call(
    program().consent.$post({ param: { networkId, programId }, json: body as never }),
  ) as Promise<Participant>;

export const pairsQuery = (networkId: string, programId: string) =>
  queryOptions({
    queryKey: programKeys.part(networkId, programId, 'pairs'),
    queryFn: (): Promise<PairsView> =>
      call(program().pairs.$get({ param: { networkId, programId } })) as Promise<PairsView>,
  });

export const postPairs = (networkId: string, programId: string, pairs: [string, string][]) =>
  call(
    program().pairs.$post({ param: { networkId, programId }, json: { pairs } }),
  ) as Promise<PairsView>;

export const postRotation = (
  networkId: string,
  programId: string,
  body: { startDate?: string; rounds: number },
) =>
  call(
    program().rotation.$post({ param: { networkId, programId }, json: body }),
  ) as Promise<PairsView>;

export const sessionsQuery = (networkId: string, programId: string, pairId: string) =>
  queryOptions({
    queryKey: programKeys.sessions(networkId, programId, pairId),
    queryFn: async (): Promise<SessionView[]> =>
      (
        (await call(pair().sessions.$get({ param: { networkId, programId, pairId } }))) as {
          items: SessionView[];
        }
      ).items,
  });

export const postSession = (
  networkId: string,
  programId: string,
  pairId: string,
  body: { date: string; notes?: string; notesShared?: boolean },
  key: string,
) =>
  call(
    pair().sessions.$post({ param: { networkId, programId, pairId }, json: body }, withKey(key)),
  ) as Promise<SessionReceipt>;

export const postNote = (
  networkId: string,
  programId: string,
  pairId: string,
  sessionId: string,
  text: string,
  shared = false,
) =>
  call(
    pair().sessions[':sessionId'].notes.$post({
      param: { networkId, programId, pairId, sessionId },
      json: { text, shared },
    }),
  ) as Promise<SessionReceipt>;

export const myAssessmentsQuery = (networkId: string, programId: string) =>
  queryOptions({
    queryKey: programKeys.part(networkId, programId, 'self-assessments-mine'),
    queryFn: (): Promise<{ items: SelfAssessment[]; change: CompetencyChange[] }> =>
      call(
        program()['self-assessments'].mine.$get({ param: { networkId, programId } }),
      ) as Promise<{ items: SelfAssessment[]; change: CompetencyChange[] }>,
  });

export const assessmentSummaryQuery = (networkId: string, programId: string) =>
  queryOptions({
    queryKey: programKeys.part(networkId, programId, 'self-assessments-summary'),
    queryFn: (): Promise<AssessmentSummary> =>
      call(
        program()['self-assessments'].summary.$get({ param: { networkId, programId } }),
      ) as Promise<AssessmentSummary>,
  });

export const postAssessment = (
  networkId: string,
  programId: string,
  body: { kind: 'baseline' | 'follow-up'; ratings: Record<string, number> },
) =>
  call(
    program()['self-assessments'].$post({ param: { networkId, programId }, json: body as never }),
  ) as Promise<SelfAssessment>;

export const openSurveyRound = (networkId: string, programId: string) =>
  call(program()['survey-rounds'].$post({ param: { networkId, programId } })) as Promise<{
    round: number;
  }>;

export const postSurveyResponse = (
  networkId: string,
  programId: string,
  body: { answers: Record<string, number>; improve?: string },
) =>
  call(
    program()['survey-responses'].$post({ param: { networkId, programId }, json: body as never }),
  ) as Promise<{ round: number }>;

export const surveyResultsQuery = (networkId: string, programId: string, round: number) =>
  queryOptions({
    queryKey: [...programKeys.part(networkId, programId, 'survey'), round] as const,
    queryFn: (): Promise<SurveyResults> =>
      call(
        program().survey.results.$get({
          param: { networkId, programId },
          query: { round: String(round) },
        }),
      ) as Promise<SurveyResults>,
  });

export const overviewQuery = (networkId: string) =>
  queryOptions({
    queryKey: programKeys.overview(networkId),
    queryFn: (): Promise<Overview> =>
      call(
        api.networks[':networkId']['coaching-overview'].$get({ param: { networkId } }),
      ) as Promise<Overview>,
  });
