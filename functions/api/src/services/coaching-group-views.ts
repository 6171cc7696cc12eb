import type {
  PeopleRepository,
  StoredCoachingGroup,
  StoredGroupCommitment,
  StoredGroupIssue,
  StoredGroupSession,
} from '@sisi/data';
import {
  type CoachingGroup,
  type CoachingGroupSummary,
  commitmentState,
  facilitatorFor,
  type GroupAccess,
  type GroupCommitment,
  type GroupCommitmentReceipt,
  type GroupIssue,
  type GroupIssueReceipt,
  type GroupSessionRunner,
  type GroupSessionSummary,
  type GroupStatus,
  groupSizeAdvice,
  groupStatus,
  numberSessions,
  reportBacksFor,
  sessionNeedsReview,
} from '@sisi/domain';
import { type GroupCipher, planOf } from './coaching-group-access.ts';

/** The coordinator's figures of a group: counts and dates only. */
export function statusOf(g: StoredCoachingGroup, today: string): GroupStatus {
  const version = g.spirit?.version;
  return groupStatus(
    {
      memberIds: g.memberIds,
      sessions: Object.values(g.sessions),
      openCommitments: Object.values(g.openCommitments),
      commitmentsMade: g.commitmentsMade,
      spiritSet: !!g.spirit,
      agreedBy: Object.entries(g.agreements)
        .filter(([, a]) => a.version === version)
        .map(([id]) => id),
      review: planOf(g).review,
    },
    today,
  );
}

export function summaryOf(
  g: StoredCoachingGroup,
  access: GroupAccess,
  today: string,
): CoachingGroupSummary {
  return {
    id: g.id,
    name: g.name,
    memberIds: g.memberIds,
    facilitatorId: g.facilitatorId,
    organizationIds: g.organizationIds,
    createdAt: g.createdAt,
    access,
    status: statusOf(g, today),
  };
}

/** The group's sessions in date order, each with its number and facilitator. */
export function sessionsOf(g: StoredCoachingGroup): GroupSessionSummary[] {
  const plan = planOf(g);
  return numberSessions(Object.entries(g.sessions).map(([id, s]) => ({ id, ...s }))).map((s) => ({
    id: s.id,
    number: s.number,
    date: s.date,
    held: s.held,
    facilitator: facilitatorFor(s.number, plan),
  }));
}

/** Names of the group's people, from the network's directory (absent when gone). */
async function peopleOf(people: PeopleRepository, ids: string[]) {
  const found = await Promise.all([...new Set(ids)].map((id) => people.get(id)));
  return new Map(found.flatMap((p) => (p ? [[p.id, p] as const] : [])));
}

const person = (
  id: string,
  directory: Map<string, { name: string; organizationId: string }>,
): { id: string; name?: string; organizationId?: string } => {
  const p = directory.get(id);
  return p ? { id, name: p.name, organizationId: p.organizationId } : { id };
};

/**
 * The group as the caller may see it: its people, sessions, facilitation and figures for
 * everyone who sees it; the spirit's text only for its members and facilitator.
 */
export async function groupViewOf(
  g: StoredCoachingGroup,
  access: GroupAccess,
  today: string,
  people: PeopleRepository,
  cipher: GroupCipher,
): Promise<CoachingGroup> {
  const directory = await peopleOf(people, [...g.memberIds, g.facilitatorId]);
  const spirit = g.spirit;
  const agreedBy = Object.entries(g.agreements)
    .filter(([, a]) => a.version === spirit?.version)
    .map(([id]) => id);
  return {
    id: g.id,
    name: g.name,
    createdAt: g.createdAt,
    createdBy: g.createdBy,
    members: g.memberIds.map((id) => ({
      ...person(id, directory),
      agreedToSpirit: agreedBy.includes(id),
    })),
    facilitator: {
      ...person(g.facilitatorId, directory),
      isMember: g.memberIds.includes(g.facilitatorId),
    },
    organizationIds: g.organizationIds,
    access,
    sizeAdvice: groupSizeAdvice(g.memberIds.length),
    spirit: spirit
      ? {
          version: spirit.version,
          ...(access === 'overview'
            ? {}
            : { text: await cipher.decrypt(spirit.text, 'spirit', spirit.version) }),
          updatedAt: spirit.updatedAt,
          agreedBy,
        }
      : null,
    sessions: sessionsOf(g),
    review: g.review ?? null,
    status: statusOf(g, today),
  };
}

export async function issueViewOf(i: StoredGroupIssue, cipher: GroupCipher): Promise<GroupIssue> {
  return {
    id: i.id,
    groupId: i.groupId,
    sessionId: i.sessionId,
    ownerId: i.ownerId,
    version: i.version,
    step: i.step,
    ...(i.howDoI ? { howDoI: await cipher.decrypt(i.howDoI, 'issue', i.id, 'howDoI') } : {}),
    clarifyingQuestions: await Promise.all(
      i.clarifyingQuestions.map((q, n) =>
        cipher.decrypt(q, 'issue', i.id, 'clarifyingQuestions', n),
      ),
    ),
    ...(i.restatement
      ? { restatement: await cipher.decrypt(i.restatement, 'issue', i.id, 'restatement') }
      : {}),
    recommendations: await Promise.all(
      i.recommendations.map((r, n) => cipher.decrypt(r, 'issue', i.id, 'recommendations', n)),
    ),
    turnMinutes: i.turnMinutes,
    commitmentIds: i.commitmentIds,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

/** The issue without its confidential text (the answer of a create). */
export function issueReceiptOf(i: StoredGroupIssue): GroupIssueReceipt {
  return {
    id: i.id,
    groupId: i.groupId,
    sessionId: i.sessionId,
    ownerId: i.ownerId,
    version: i.version,
    step: i.step,
    turnMinutes: i.turnMinutes,
    commitmentIds: i.commitmentIds,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

/** The commitment without its text or outcomes (the answer of a create). */
export function commitmentReceiptOf(
  c: StoredGroupCommitment,
  today: string,
): GroupCommitmentReceipt {
  return {
    id: c.id,
    groupId: c.groupId,
    sessionId: c.sessionId,
    sessionDate: c.sessionDate,
    issueId: c.issueId,
    ownerId: c.ownerId,
    reportBackBy: c.reportBackBy,
    status: c.status,
    state: commitmentState(c, today),
    reportBacks: c.reportBacks.map(({ outcome: _secret, ...r }) => r),
    createdAt: c.createdAt,
  };
}

export async function commitmentViewOf(
  c: StoredGroupCommitment,
  today: string,
  cipher: GroupCipher,
): Promise<GroupCommitment> {
  return {
    id: c.id,
    groupId: c.groupId,
    sessionId: c.sessionId,
    sessionDate: c.sessionDate,
    issueId: c.issueId,
    ownerId: c.ownerId,
    text: await cipher.decrypt(c.text, 'commitment', c.id, 'text'),
    reportBackBy: c.reportBackBy,
    status: c.status,
    state: commitmentState(c, today),
    reportBacks: await Promise.all(
      c.reportBacks.map(async (r, n) => ({
        sessionId: r.sessionId,
        done: r.done,
        outcome: await cipher.decrypt(r.outcome, 'commitment', c.id, 'report-back', n),
        at: r.at,
        by: r.by,
      })),
    ),
    createdAt: c.createdAt,
  };
}

/** The number of a session among the group's, in date order. */
export function numberOf(g: StoredCoachingGroup, sessionId: string): GroupSessionSummary {
  const found = sessionsOf(g).find((s) => s.id === sessionId);
  if (!found) throw new Error(`session ${sessionId} is not in group ${g.id}'s summary`);
  return found;
}

/**
 * The session runner's state: report-backs on the commitments carried to this session
 * first, then the issues of this session's turns.
 */
export async function runnerViewOf(
  g: StoredCoachingGroup,
  session: StoredGroupSession,
  issues: StoredGroupIssue[],
  commitments: StoredGroupCommitment[],
  today: string,
  cipher: GroupCipher,
): Promise<GroupSessionRunner> {
  const summary = numberOf(g, session.id);
  return {
    ...summary,
    groupId: g.id,
    ...(session.heldAt ? { heldAt: session.heldAt } : {}),
    presentIds: session.presentIds,
    needsReview: sessionNeedsReview(summary.number, !!g.review),
    reportBacks: await Promise.all(
      reportBacksFor(session, commitments).map((c) => commitmentViewOf(c, today, cipher)),
    ),
    issues: await Promise.all(issues.map((i) => issueViewOf(i, cipher))),
  };
}
