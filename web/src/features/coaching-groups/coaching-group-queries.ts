/**
 * Queries and writes of the peer coaching group screens (003, 004). Keys sit under
 * `['networks', n, 'coaching-groups']`, so invalidating a group refreshes its sessions,
 * commitments and the caller's own worksheet and logs too.
 */
import type {
  CoachingGroup,
  CoachingGroupSummary,
  GroupCommitment,
  GroupCommitmentReceipt,
  GroupIssue,
  GroupIssueReceipt,
  GroupLearningLog,
  GroupSessionRunner,
  GroupSessionSummary,
  KeyQuestionId,
  KeyQuestionsWorksheet,
  Page,
} from '@sisi/domain';
import { infiniteQueryOptions, queryOptions, useQuery } from '@tanstack/react-query';
import { useParams } from 'wouter';
import { api, call } from '../../api/client.ts';

export const groupKeys = {
  all: (networkId: string) => ['networks', networkId, 'coaching-groups'] as const,
  group: (networkId: string, groupId: string) =>
    ['networks', networkId, 'coaching-groups', groupId] as const,
  session: (networkId: string, groupId: string, sessionId: string) =>
    ['networks', networkId, 'coaching-groups', groupId, 'sessions', sessionId] as const,
  log: (networkId: string, groupId: string, sessionId: string) =>
    ['networks', networkId, 'coaching-groups', groupId, 'sessions', sessionId, 'log'] as const,
  worksheet: (networkId: string, groupId: string) =>
    ['networks', networkId, 'coaching-groups', groupId, 'worksheet'] as const,
};

const groups = () => api.networks[':networkId']['coaching-groups'];
const group = () => groups()[':groupId'];
const session = () => group().sessions[':sessionId'];

/** The groups the reader is in or oversees, newest first, with their figures. */
export const coachingGroupsQuery = (networkId: string) =>
  infiniteQueryOptions({
    queryKey: [...groupKeys.all(networkId), 'list'] as const,
    queryFn: ({ pageParam }): Promise<Page<CoachingGroupSummary>> =>
      call(groups().$get({ param: { networkId }, query: pageParam ? { cursor: pageParam } : {} })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: { cursor?: string | undefined }) => last.cursor,
  });

export const coachingGroupQuery = (networkId: string, groupId: string) =>
  queryOptions({
    queryKey: groupKeys.group(networkId, groupId),
    queryFn: (): Promise<CoachingGroup> => call(group().$get({ param: { networkId, groupId } })),
  });

/** The session runner's state: report-backs, then the turns. */
export const sessionRunnerQuery = (networkId: string, groupId: string, sessionId: string) =>
  queryOptions({
    queryKey: groupKeys.session(networkId, groupId, sessionId),
    queryFn: (): Promise<GroupSessionRunner> =>
      call(session().$get({ param: { networkId, groupId, sessionId } })),
  });

/**
 * The group session of the page's address (`…/coaching-groups/:groupId/sessions/:sessionId/…`):
 * its ids, its group and its runner.
 * @example const { networkId, group, runner } = useGroupSession();
 */
export function useGroupSession() {
  const {
    networkId = '',
    groupId = '',
    sessionId = '',
  } = useParams<{ networkId: string; groupId: string; sessionId: string }>();
  const group = useQuery(coachingGroupQuery(networkId, groupId));
  const runner = useQuery(sessionRunnerQuery(networkId, groupId, sessionId));
  return { networkId, groupId, sessionId, group, runner };
}

/** Every commitment of the group, oldest session first (the group's people only). */
export const groupCommitmentsQuery = (networkId: string, groupId: string) =>
  queryOptions({
    queryKey: [...groupKeys.group(networkId, groupId), 'commitments'] as const,
    queryFn: async (): Promise<GroupCommitment[]> =>
      (await call(group().commitments.$get({ param: { networkId, groupId } }))).items,
  });

/** The reader's own learning log of a session; `null` until written. */
export const learningLogQuery = (networkId: string, groupId: string, sessionId: string) =>
  queryOptions({
    queryKey: groupKeys.log(networkId, groupId, sessionId),
    queryFn: (): Promise<GroupLearningLog | null> =>
      call(session()['learning-log'].$get({ param: { networkId, groupId, sessionId } })),
  });

/** The reader's own key questions worksheet; `null` until written. */
export const worksheetQuery = (networkId: string, groupId: string) =>
  queryOptions({
    queryKey: groupKeys.worksheet(networkId, groupId),
    queryFn: (): Promise<KeyQuestionsWorksheet | null> =>
      call(group().worksheet.$get({ param: { networkId, groupId } })),
  });

export const postCoachingGroup = (
  networkId: string,
  body: { name: string; memberIds: string[]; facilitatorId: string },
  idempotencyKey: string,
): Promise<CoachingGroup> =>
  call(
    groups().$post(
      { param: { networkId }, json: body },
      { headers: { 'idempotency-key': idempotencyKey } },
    ),
  );

export const putSpirit = (
  networkId: string,
  groupId: string,
  body: { text: string; version: number },
): Promise<CoachingGroup> =>
  call(group().spirit.$put({ param: { networkId, groupId }, json: body }));

export const agreeToSpirit = (
  networkId: string,
  groupId: string,
  version: number,
): Promise<CoachingGroup> =>
  call(group().spirit.agreements.$post({ param: { networkId, groupId }, json: { version } }));

export const postReview = (
  networkId: string,
  groupId: string,
  body: { mode: 'named'; facilitatorId: string } | { mode: 'rotation'; order: string[] },
): Promise<CoachingGroup> =>
  call(group().review.$post({ param: { networkId, groupId }, json: body }));

export const postSession = (
  networkId: string,
  groupId: string,
  date: string,
  idempotencyKey: string,
): Promise<GroupSessionSummary & { groupId: string }> =>
  call(
    group().sessions.$post(
      { param: { networkId, groupId }, json: { date } },
      { headers: { 'idempotency-key': idempotencyKey } },
    ),
  );

export const patchSession = (
  networkId: string,
  groupId: string,
  sessionId: string,
  body: { presentIds?: string[]; held?: true },
): Promise<GroupSessionRunner> =>
  call(session().$patch({ param: { networkId, groupId, sessionId }, json: body }));

export const postIssue = (
  networkId: string,
  groupId: string,
  sessionId: string,
  body: { ownerId: string; howDoI?: string; turnMinutes?: number },
): Promise<GroupIssueReceipt> =>
  call(session().issues.$post({ param: { networkId, groupId, sessionId }, json: body }));

export interface IssueChanges {
  version: number;
  step?: GroupIssue['step'];
  howDoI?: string;
  clarifyingQuestions?: string[];
  restatement?: string;
  recommendations?: string[];
  turnMinutes?: number;
}

export const patchIssue = (
  networkId: string,
  groupId: string,
  sessionId: string,
  issueId: string,
  body: IssueChanges,
): Promise<GroupIssue> =>
  call(
    session().issues[':issueId'].$patch({
      param: { networkId, groupId, sessionId, issueId },
      json: body,
    }),
  );

export const postCommitments = (
  networkId: string,
  groupId: string,
  sessionId: string,
  issueId: string,
  body: { actions: string[]; reportBackBy: string },
): Promise<{ issue: GroupIssueReceipt; items: GroupCommitmentReceipt[] }> =>
  call(
    session().issues[':issueId'].commitments.$post({
      param: { networkId, groupId, sessionId, issueId },
      json: body,
    }),
  );

export const postReportBack = (
  networkId: string,
  groupId: string,
  commitmentId: string,
  body: { sessionId: string; outcome: string; done: boolean; reportBackBy?: string },
): Promise<GroupCommitmentReceipt> =>
  call(
    group().commitments[':commitmentId']['report-backs'].$post({
      param: { networkId, groupId, commitmentId },
      json: body,
    }),
  );

export const putLearningLog = (
  networkId: string,
  groupId: string,
  sessionId: string,
  body: { content: string; evaluation: string; actionPlan: string },
): Promise<GroupLearningLog> =>
  call(session()['learning-log'].$put({ param: { networkId, groupId, sessionId }, json: body }));

export const putWorksheet = (
  networkId: string,
  groupId: string,
  answers: Partial<Record<KeyQuestionId, string>>,
): Promise<KeyQuestionsWorksheet> =>
  call(group().worksheet.$put({ param: { networkId, groupId }, json: { answers } }));
