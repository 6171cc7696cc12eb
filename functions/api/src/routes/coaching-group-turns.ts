import { createRoute, z } from '@hono/zod-openapi';
import type { StoredGroupCommitment, StoredGroupIssue, StoredGroupSession } from '@sisi/data';
import {
  createGroupCommitmentsSchema,
  createGroupIssueSchema,
  DEFAULT_TURN_MINUTES,
  groupCommitmentReceiptSchema,
  groupCommitmentSchema,
  groupIssueReceiptSchema,
  groupIssueSchema,
  groupReportBackInputSchema,
  issueProcessingMethod,
  sessionNeedsReview,
  updateGroupIssueSchema,
} from '@sisi/domain';
import { ConflictProblem, DomainRuleError, NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { conflictAs, depsOf, type Handler } from '../route-kit.ts';
import {
  type GroupCipher,
  type GroupScope,
  readableGroup,
  todayOf,
  writableGroup,
} from '../services/coaching-group-access.ts';
import {
  commitmentReceiptOf,
  commitmentViewOf,
  issueReceiptOf,
  issueViewOf,
  numberOf,
} from '../services/coaching-group-views.ts';
import { groupParam, sessionParam, TAGS } from './coaching-group-common.ts';

const issueOut = named(groupIssueSchema, 'CoachingGroupIssue');
const commitmentOut = named(groupCommitmentSchema, 'CoachingGroupCommitment');
const issueReceipt = named(groupIssueReceiptSchema, 'CoachingGroupIssueReceipt');
const commitmentReceipt = named(groupCommitmentReceiptSchema, 'CoachingGroupCommitmentReceipt');
const RECEIPT =
  'The answer carries no confidential text (a create’s answer may be kept for an `Idempotency-Key` replay): read it back with GET.';
const issueParam = sessionParam.extend({ issueId: z.string().max(100) });
const commitmentParam = groupParam.extend({ commitmentId: z.string().max(100) });

const METHOD = issueProcessingMethod.steps
  .map(
    (s, i) =>
      `${i + 1}. \`${s.id}\`: “${s.text}”${s.points.length ? ` (${s.points.join('; ')})` : ''}`,
  )
  .join(' ');

const WHO =
  "By the group's members and facilitator only (a coordinator or admin who oversees the group: 403; anyone else: 404). The texts are encrypted, each bound to its group, item and field.";

/** The session of the group, still open for turns. */
async function openSession(
  { repo, group }: GroupScope,
  sessionId: string,
): Promise<StoredGroupSession> {
  const session = await repo.getSession(group.id, sessionId);
  if (!session) throw new NotFoundError('coaching session');
  if (session.heldAt) throw new DomainRuleError('rule_held', 'session-held');
  return session;
}

/** The path's issue of the session. */
async function issueOf({ repo, group }: GroupScope, sessionId: string, issueId: string) {
  const issue = await repo.getIssue(group.id, sessionId, issueId);
  if (!issue) throw new NotFoundError('issue');
  return issue;
}

async function encryptList(cipher: GroupCipher, texts: string[], ...parts: string[]) {
  return Promise.all(texts.map((t, n) => cipher.encrypt(t, ...parts, n)));
}

const createIssue = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-groups/{groupId}/sessions/{sessionId}/issues',
  tags: TAGS,
  summary: "A member's turn begins: their issue",
  description: `${WHO} \`ownerId\` is a member of the group (else 400). The turn lasts \`turnMinutes\` (default ${DEFAULT_TURN_MINUTES}: 003, "each member will be restricted to 30 minutes"; 5 to 120). \`howDoI\` is the blank of "How do I ___?" (step 1), now or later. A held session (422) or a session after the third before the review (422) takes no turn. ${RECEIPT} The issue processing method (004): ${METHOD}`,
  security: bearer,
  request: { params: sessionParam, body: jsonBody(createGroupIssueSchema) },
  responses: {
    201: jsonResponse(issueReceipt, 'The issue, at its first step, without its text'),
    ...problems(400, 401, 403, 404, 422),
  },
});
const createIssueHandler: Handler<typeof createIssue> = async (c) => {
  const { groupId, sessionId } = c.req.valid('param');
  const input = c.req.valid('json');
  const scope = await writableGroup(c);
  const { tenant, group, repo, cipher } = scope;
  if (!group.memberIds.includes(input.ownerId)) {
    throw new ValidationError([
      { path: 'ownerId', code: 'unknown_reference' as const, params: { kind: 'person' } },
    ]);
  }
  await openSession(scope, sessionId);
  if (sessionNeedsReview(numberOf(group, sessionId).number, !!group.review)) {
    throw new DomainRuleError('rule_review_first', 'review-first');
  }
  const id = newId();
  const now = depsOf(c).clock.now().toISOString();
  const issue: StoredGroupIssue = {
    id,
    groupId,
    sessionId,
    ownerId: input.ownerId,
    version: 1,
    step: input.howDoI ? 'clarify' : 'reframe',
    ...(input.howDoI ? { howDoI: await cipher.encrypt(input.howDoI, 'issue', id, 'howDoI') } : {}),
    clarifyingQuestions: [],
    recommendations: [],
    turnMinutes: input.turnMinutes ?? DEFAULT_TURN_MINUTES,
    commitmentIds: [],
    createdAt: now,
    createdBy: tenant.userId,
    updatedAt: now,
    updatedBy: tenant.userId,
  };
  await repo.createIssue(issue);
  return c.json(issueReceiptOf(issue), 201);
};

const updateIssue = createRoute({
  method: 'patch',
  path: '/networks/{networkId}/coaching-groups/{groupId}/sessions/{sessionId}/issues/{issueId}',
  tags: TAGS,
  summary: 'The turn goes on: the step, questions, restatement, recommendations, time',
  description: `${WHO} \`version\` is the issue's version read (stale → 409). Each field given replaces the stored one: \`step\` (any step of the method, back or forward), \`howDoI\`, \`clarifyingQuestions\`, \`restatement\` (empty: none), \`recommendations\`, \`turnMinutes\`. A held session → 422.`,
  security: bearer,
  request: { params: issueParam, body: jsonBody(updateGroupIssueSchema) },
  responses: {
    200: jsonResponse(issueOut, 'The issue'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const updateIssueHandler: Handler<typeof updateIssue> = async (c) => {
  const { sessionId, issueId } = c.req.valid('param');
  const input = c.req.valid('json');
  const scope = await writableGroup(c);
  const { tenant, repo, cipher } = scope;
  await openSession(scope, sessionId);
  const issue = await issueOf(scope, sessionId, issueId);
  if (issue.version !== input.version) {
    throw new ConflictProblem('conflict_issue_changed', 'version');
  }
  const next: StoredGroupIssue = {
    ...issue,
    version: issue.version + 1,
    updatedAt: depsOf(c).clock.now().toISOString(),
    updatedBy: tenant.userId,
    ...(input.step ? { step: input.step } : {}),
    ...(input.turnMinutes ? { turnMinutes: input.turnMinutes } : {}),
    ...(input.howDoI !== undefined
      ? { howDoI: await cipher.encrypt(input.howDoI, 'issue', issueId, 'howDoI') }
      : {}),
    ...(input.clarifyingQuestions
      ? {
          clarifyingQuestions: await encryptList(
            cipher,
            input.clarifyingQuestions,
            'issue',
            issueId,
            'clarifyingQuestions',
          ),
        }
      : {}),
    ...(input.recommendations
      ? {
          recommendations: await encryptList(
            cipher,
            input.recommendations,
            'issue',
            issueId,
            'recommendations',
          ),
        }
      : {}),
  };
  if (input.restatement !== undefined) {
    if (input.restatement) {
      next.restatement = await cipher.encrypt(input.restatement, 'issue', issueId, 'restatement');
    } else {
      delete next.restatement;
    }
  }
  await repo.replaceIssue(next, issue.version); // a stale version: 409 on `version`
  return c.json(await issueViewOf(next, cipher), 200);
};

const commitToActions = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-groups/{groupId}/sessions/{sessionId}/issues/{issueId}/commitments',
  tags: TAGS,
  summary: 'The issue owner selects actions and commits to report back by a date',
  description: `${WHO} 004, step 5: "Issue owner selects one or more actions to follow up on — Commits to respond back to the group within a given time frame with outcomes". Each action becomes a commitment of the owner, open until reported back at a later session (it is carried forward from session to session until then). \`reportBackBy\` is after the session's date (else 400). The issue must be reframed first (422); once per issue (409). ${RECEIPT}`,
  security: bearer,
  request: { params: issueParam, body: jsonBody(createGroupCommitmentsSchema) },
  responses: {
    201: jsonResponse(
      z.object({ issue: issueReceipt, items: z.array(commitmentReceipt) }),
      'The issue and its commitments, without their text',
    ),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const commitToActionsHandler: Handler<typeof commitToActions> = async (c) => {
  const { groupId, sessionId, issueId } = c.req.valid('param');
  const { actions, reportBackBy } = c.req.valid('json');
  const scope = await writableGroup(c);
  const { tenant, repo, cipher } = scope;
  const session = await openSession(scope, sessionId);
  if (reportBackBy <= session.date) {
    throw new ValidationError([
      { path: 'reportBackBy', code: 'date_order' as const, params: { after: session.date } },
    ]);
  }
  const issue = await issueOf(scope, sessionId, issueId);
  if (!issue.howDoI) throw new DomainRuleError('rule_reframe_first', 'reframe-first', 'howDoI');
  if (issue.commitmentIds.length > 0) {
    throw new ConflictProblem('conflict_actions_committed', 'actions');
  }
  const deps = depsOf(c);
  const now = deps.clock.now().toISOString();
  const commitments: StoredGroupCommitment[] = await Promise.all(
    actions.map(async (text, position) => {
      const id = newId();
      return {
        id,
        groupId,
        sessionId,
        sessionDate: session.date,
        issueId,
        position,
        ownerId: issue.ownerId,
        text: await cipher.encrypt(text, 'commitment', id, 'text'),
        reportBackBy,
        status: 'open' as const,
        reportBacks: [],
        createdAt: now,
        createdBy: tenant.userId,
      };
    }),
  );
  const next: StoredGroupIssue = {
    ...issue,
    version: issue.version + 1,
    step: 'select',
    commitmentIds: commitments.map((m) => m.id),
    updatedAt: now,
    updatedBy: tenant.userId,
  };
  await repo.commit(next, issue.version, commitments).catch(conflictAs('actions'));
  const today = todayOf(deps);
  return c.json(
    { issue: issueReceiptOf(next), items: commitments.map((m) => commitmentReceiptOf(m, today)) },
    201,
  );
};

const listCommitments = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-groups/{groupId}/commitments',
  tags: TAGS,
  summary: "The group's commitments, oldest session first",
  description:
    "For the group's people only (anyone else: 404). `state` is `open`, `overdue` (its report-back date has passed) or `reported`; each report-back with its outcome.",
  security: bearer,
  request: { params: groupParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(commitmentOut) }), 'The commitments'),
    ...problems(400, 401, 404),
  },
});
const listCommitmentsHandler: Handler<typeof listCommitments> = async (c) => {
  const { repo, group, cipher } = await readableGroup(c);
  const today = todayOf(depsOf(c));
  const items = await Promise.all(
    (await repo.listCommitments(group.id)).map((m) => commitmentViewOf(m, today, cipher)),
  );
  return c.json({ items }, 200);
};

const reportBack = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-groups/{groupId}/commitments/{commitmentId}/report-backs',
  tags: TAGS,
  summary: 'Report back on a commitment at a later session',
  description: `${WHO} At a session of the group after the one the commitment was made in (\`sessionId\`, else 400), not yet held (422). \`done: true\` closes the commitment; \`done: false\` carries it forward to the next session, to \`reportBackBy\` when given (on or after this session's date). A commitment already reported → 409. ${RECEIPT}`,
  security: bearer,
  request: { params: commitmentParam, body: jsonBody(groupReportBackInputSchema) },
  responses: {
    200: jsonResponse(commitmentReceipt, 'The commitment, without its text'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const reportBackHandler: Handler<typeof reportBack> = async (c) => {
  const { groupId, commitmentId } = c.req.valid('param');
  const input = c.req.valid('json');
  const { tenant, repo, cipher } = await writableGroup(c);
  const commitment = await repo.getCommitment(groupId, commitmentId);
  if (!commitment) throw new NotFoundError('commitment');
  const session = await repo.getSession(groupId, input.sessionId);
  if (!session) {
    throw new ValidationError([
      { path: 'sessionId', code: 'unknown_reference' as const, params: { kind: 'session' } },
    ]);
  }
  const errors = [];
  if (session.date <= commitment.sessionDate) {
    errors.push({
      path: 'sessionId',
      code: 'date_order' as const,
    });
  }
  if (input.reportBackBy && input.reportBackBy < session.date) {
    errors.push({
      path: 'reportBackBy',
      code: 'date_order' as const,
      params: { min: session.date },
    });
  }
  if (errors.length) throw new ValidationError(errors);
  if (session.heldAt) throw new DomainRuleError('rule_held', 'session-held', 'sessionId');
  if (commitment.status === 'reported') {
    throw new ConflictProblem('conflict_reported_back', 'sessionId');
  }
  const deps = depsOf(c);
  const n = commitment.reportBacks.length;
  const next: StoredGroupCommitment = {
    ...commitment,
    status: input.done ? 'reported' : 'open',
    reportBackBy: input.reportBackBy ?? commitment.reportBackBy,
    reportBacks: [
      ...commitment.reportBacks,
      {
        sessionId: session.id,
        done: input.done,
        outcome: await cipher.encrypt(input.outcome, 'commitment', commitmentId, 'report-back', n),
        at: deps.clock.now().toISOString(),
        by: tenant.userId,
      },
    ],
  };
  await repo.reportBack(next, n).catch(conflictAs('sessionId'));
  return c.json(commitmentReceiptOf(next, todayOf(deps)), 200);
};

/** The turns of a session: issues through 004's method, commitments and report-backs. */
export const coachingGroupTurnRoutes = () =>
  router()
    .openapi(createIssue, createIssueHandler)
    .openapi(updateIssue, updateIssueHandler)
    .openapi(commitToActions, commitToActionsHandler)
    .openapi(listCommitments, listCommitmentsHandler)
    .openapi(reportBack, reportBackHandler);
