import { createRoute } from '@hono/zod-openapi';
import type { StoredCoachingGroup, StoredGroupSession, StoredLearningLog } from '@sisi/data';
import {
  facilitatorFor,
  type GroupLearningLog,
  groupLearningLogInputSchema,
  groupLearningLogSchema,
  type KeyQuestionId,
  keyQuestions,
  keyQuestionsWorksheetInputSchema,
  keyQuestionsWorksheetSchema,
  learningLogForm,
} from '@sisi/domain';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { depsOf, type Handler } from '../route-kit.ts';
import {
  type GroupCipher,
  type GroupScope,
  planOf,
  visibleGroup,
} from '../services/coaching-group-access.ts';
import { numberOf } from '../services/coaching-group-views.ts';
import { groupParam, sessionParam, TAGS } from './coaching-group-common.ts';

const logOut = named(groupLearningLogSchema, 'LearningLog');
const worksheetOut = named(keyQuestionsWorksheetSchema, 'KeyQuestionsWorksheet');

const PRIVATE =
  'Private to its author: the path names no person, so each member reads and writes only their own. Nobody else can read it — not another member, the facilitator, a coordinator, an admin, an operator or a donor: they get 404. A member who has not written theirs yet reads `null`. Encrypted per field, bound to its group, session, author and field.';

const LOG_FIELDS = learningLogForm.fields
  .map((f) => `\`${f.field}\`: “${f.text}”${'hint' in f ? ` (${f.hint})` : ''}`)
  .join('; ');

/** The path's session of the group. */
async function sessionOf({ repo, group }: GroupScope, sessionId: string) {
  const session = await repo.getSession(group.id, sessionId);
  if (!session) throw new NotFoundError('coaching session');
  return session;
}

/** A learning log as its author reads it, with its session's date and people. */
async function logView(
  { store }: GroupScope,
  group: StoredCoachingGroup,
  session: StoredGroupSession,
  log: StoredLearningLog,
  cipher: GroupCipher,
): Promise<GroupLearningLog> {
  const field = (name: 'content' | 'evaluation' | 'actionPlan') =>
    cipher.decrypt(log[name], 'learning-log', log.sessionId, log.authorId, name);
  const facilitator = facilitatorFor(numberOf(group, session.id).number, planOf(group));
  const ref = async (id: string) => {
    const p = await store.people.get(id);
    return p ? { id, name: p.name, organizationId: p.organizationId } : { id };
  };
  return {
    groupId: log.groupId,
    sessionId: log.sessionId,
    authorId: log.authorId,
    date: session.date,
    membersPresent: await Promise.all(session.presentIds.map(ref)),
    facilitator: 'personId' in facilitator ? await ref(facilitator.personId) : null,
    content: await field('content'),
    evaluation: await field('evaluation'),
    actionPlan: await field('actionPlan'),
    createdAt: log.createdAt,
    updatedAt: log.updatedAt,
  };
}

const learningLogPath =
  '/networks/{networkId}/coaching-groups/{groupId}/sessions/{sessionId}/learning-log';

const getLearningLog = createRoute({
  method: 'get',
  path: learningLogPath,
  tags: TAGS,
  summary: "The caller's own learning log of a session (003)",
  description: `${PRIVATE} The session's date, members present and facilitator come with it. The form's fields: ${LOG_FIELDS}.`,
  security: bearer,
  request: { params: sessionParam },
  responses: {
    200: jsonResponse(
      logOut.nullable(),
      'Your learning log, or `null` (a member) before you write it',
    ),
    ...problems(400, 401, 404),
  },
});
const getLearningLogHandler: Handler<typeof getLearningLog> = async (c) => {
  const { groupId, sessionId } = c.req.valid('param');
  const scope = await visibleGroup(c);
  const { tenant, group, access, repo, cipher } = scope;
  const session = await sessionOf(scope, sessionId);
  const log = await repo.getLearningLog(groupId, sessionId, tenant.userId);
  if (log) return c.json(await logView(scope, group, session, log, cipher), 200);
  // a member's log not written yet is an empty form; nobody else keeps one here
  if (access !== 'member') throw new NotFoundError('learning log');
  return c.json(null, 200);
};

const writeLearningLog = createRoute({
  method: 'put',
  path: learningLogPath,
  tags: TAGS,
  summary: 'Write your own learning log of a session (003)',
  description: `By a member of the group, for themselves (anyone else who sees the group: 403). \`{content, evaluation, actionPlan}\`, each up to 8,000 characters, at least one written. Writing again replaces it. ${PRIVATE} The form's fields: ${LOG_FIELDS}.`,
  security: bearer,
  request: { params: sessionParam, body: jsonBody(groupLearningLogInputSchema) },
  responses: {
    200: jsonResponse(logOut, 'Your learning log'),
    ...problems(400, 401, 403, 404),
  },
});
const writeLearningLogHandler: Handler<typeof writeLearningLog> = async (c) => {
  const { groupId, sessionId } = c.req.valid('param');
  const input = c.req.valid('json');
  const scope = await visibleGroup(c);
  const { tenant, group, access, repo, cipher } = scope;
  if (access !== 'member') {
    throw new ForbiddenError('forbidden_learning_log');
  }
  const session = await sessionOf(scope, sessionId);
  const now = depsOf(c).clock.now().toISOString();
  const existing = await repo.getLearningLog(groupId, sessionId, tenant.userId);
  const encrypt = (name: 'content' | 'evaluation' | 'actionPlan') =>
    cipher.encrypt(input[name], 'learning-log', sessionId, tenant.userId, name);
  const log: StoredLearningLog = {
    groupId,
    sessionId,
    authorId: tenant.userId,
    content: await encrypt('content'),
    evaluation: await encrypt('evaluation'),
    actionPlan: await encrypt('actionPlan'),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await repo.putLearningLog(log);
  return c.json(await logView(scope, group, session, log, cipher), 200);
};

const getWorksheet = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-groups/{groupId}/worksheet',
  tags: TAGS,
  summary: "The caller's own key questions worksheet (003)",
  description: `003: "${keyQuestions.heading}" — the source lists five (${keyQuestions.questions.map((q) => `\`${q.id}\`: “${q.text}”`).join('; ')}). Each member's answers are their own: a member who has written none reads \`null\`; anyone else gets 404.`,
  security: bearer,
  request: { params: groupParam },
  responses: {
    200: jsonResponse(
      worksheetOut.nullable(),
      'Your worksheet, or `null` (a member) before you write it',
    ),
    ...problems(400, 401, 404),
  },
});
const getWorksheetHandler: Handler<typeof getWorksheet> = async (c) => {
  const { groupId } = c.req.valid('param');
  const { tenant, access, repo, cipher } = await visibleGroup(c);
  const sheet = await repo.getWorksheet(groupId, tenant.userId);
  if (!sheet) {
    // a member's worksheet not written yet is an empty form; nobody else keeps one here
    if (access !== 'member') throw new NotFoundError('worksheet');
    return c.json(null, 200);
  }
  const answers: Partial<Record<KeyQuestionId, string>> = {};
  for (const [id, field] of Object.entries(sheet.answers)) {
    answers[id as KeyQuestionId] = await cipher.decrypt(field, 'worksheet', tenant.userId, id);
  }
  return c.json({ groupId, authorId: sheet.authorId, answers, updatedAt: sheet.updatedAt }, 200);
};

const writeWorksheet = createRoute({
  method: 'put',
  path: '/networks/{networkId}/coaching-groups/{groupId}/worksheet',
  tags: TAGS,
  summary: 'Write your own answers to the key questions',
  description:
    'By a member of the group, for themselves (anyone else who sees the group: 403). `answers` maps a question id to an answer (up to 4,000 characters); the whole worksheet is replaced. Encrypted per answer; private to its author.',
  security: bearer,
  request: { params: groupParam, body: jsonBody(keyQuestionsWorksheetInputSchema) },
  responses: {
    200: jsonResponse(worksheetOut, 'Your worksheet'),
    ...problems(400, 401, 403, 404),
  },
});
const writeWorksheetHandler: Handler<typeof writeWorksheet> = async (c) => {
  const { groupId } = c.req.valid('param');
  const { answers } = c.req.valid('json');
  const { tenant, access, repo, cipher } = await visibleGroup(c);
  if (access !== 'member') {
    throw new ForbiddenError('forbidden_key_questions');
  }
  const stored: Record<string, Awaited<ReturnType<GroupCipher['encrypt']>>> = {};
  const kept: Partial<Record<KeyQuestionId, string>> = {};
  for (const [id, text] of Object.entries(answers) as [KeyQuestionId, string][]) {
    if (!text) continue;
    stored[id] = await cipher.encrypt(text, 'worksheet', tenant.userId, id);
    kept[id] = text;
  }
  const updatedAt = depsOf(c).clock.now().toISOString();
  await repo.putWorksheet({ groupId, authorId: tenant.userId, answers: stored, updatedAt });
  return c.json({ groupId, authorId: tenant.userId, answers: kept, updatedAt }, 200);
};

/** What is private to each member of a group: the key questions worksheet, the learning log. */
export const coachingGroupPrivateRoutes = () =>
  router()
    .openapi(getLearningLog, getLearningLogHandler)
    .openapi(writeLearningLog, writeLearningLogHandler)
    .openapi(getWorksheet, getWorksheetHandler)
    .openapi(writeWorksheet, writeWorksheetHandler);
