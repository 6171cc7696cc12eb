import { createRoute, z } from '@hono/zod-openapi';
import type { NetworkStore, StoredPair, StoredPairSession, StoredSessionNote } from '@sisi/data';
import {
  addMonths,
  consentComplete,
  noteInputSchema,
  pairSessionSchema,
  sessionInputSchema,
  sessionNoteSchema,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import { DomainRuleError, NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { conflictAs, depsOf, type Handler } from '../route-kit.ts';
import { todayOf } from '../services/coaching-group-access.ts';
import { ownPair, type PairScope, sessionNoteScope } from '../services/coaching-program-access.ts';

const programParam = z.object({ networkId: z.string().max(100), programId: z.string().max(100) });
const pairParam = programParam.extend({ pairId: z.string().max(100) });
const sessionParam = pairParam.extend({ sessionId: z.string().max(100) });

const sessionOut = named(pairSessionSchema, 'CoachingProgramSession');
/**
 * What a write answers: the session without its notes' text, so an `Idempotency-Key`
 * record (kept in the platform table to replay the answer) never holds confidential text.
 */
const receiptOut = named(
  pairSessionSchema.extend({ notes: z.array(sessionNoteSchema.omit({ text: true })) }),
  'CoachingProgramSessionReceipt',
);
const receipt = (s: StoredPairSession, readerId: string) => ({
  ...s,
  notes: s.notes
    .filter((n) => readsNote(n, readerId))
    .map(({ text: _sealed, ...n }) => ({ ...n, shared: n.shared ?? true })),
});

/**
 * A note is its author's alone unless they shared it with the other member of the pair
 * (ADR 0027); notes from before that rule were written to be read by both.
 */
const readsNote = (n: StoredSessionNote, readerId: string) =>
  n.authorId === readerId || (n.shared ?? true);

/** At most this many notes in one session (both members together). */
const MAX_NOTES_PER_SESSION = 50;
/** A session may be recorded up to this many months ahead of the clock (planned ones). */
const FUTURE_MONTHS = 3;

type ProgramRepo = NetworkStore['coachingPrograms'];

/** A stored session as its pair reads it: each note decrypted in its own scope. */
async function readable(c: Context<AppEnv>, { tenant }: PairScope, s: StoredPairSession) {
  const { cipher } = depsOf(c);
  const notes = await Promise.all(
    s.notes
      .filter((n) => readsNote(n, tenant.userId))
      .map(async (n) => ({
        id: n.id,
        authorId: n.authorId,
        authorName: n.authorName,
        at: n.at,
        shared: n.shared ?? true,
        text: await cipher.decrypt(
          n.text,
          sessionNoteScope(tenant.networkId, {
            programId: s.programId,
            pairId: s.pairId,
            sessionId: s.id,
            noteId: n.id,
          }),
        ),
      })),
  );
  return { ...s, notes };
}

/** A note by the caller, its text encrypted in the note's own scope. */
async function sealedNote(
  c: Context<AppEnv>,
  { tenant }: PairScope,
  ids: { programId: string; pairId: string; sessionId: string },
  text: string,
  shared: boolean,
): Promise<StoredSessionNote> {
  const { clock, cipher } = depsOf(c);
  const id = newId(12);
  return {
    id,
    authorId: tenant.userId,
    authorName: tenant.name,
    at: clock.now().toISOString(),
    shared,
    text: await cipher.encrypt(text, sessionNoteScope(tenant.networkId, { ...ids, noteId: id })),
  };
}

/** Both members must have signed the consent form before anything is recorded. */
async function requireConsent(repo: ProgramRepo, programId: string, pair: StoredPair) {
  const participants = await repo.listParticipants(programId);
  if (!consentComplete(participants, pair.memberIds)) {
    throw new DomainRuleError('rule_consent_missing', 'consent-missing');
  }
}

const now = (c: Context<AppEnv>) => depsOf(c).clock.now().toISOString();

const addSession = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs/{programId}/pairs/{pairId}/sessions',
  tags: ['Coaching programs'],
  summary: 'Record a session of your pair, with your confidential notes',
  description:
    'By one of the pair’s two members only (anyone else: 404). Both must have signed the consent form first (422). `notes` is encrypted; only its author reads it, and the other member too when `notesShared` is true (ADR 0027).',
  security: bearer,
  request: { params: pairParam, body: jsonBody(sessionInputSchema) },
  responses: {
    201: jsonResponse(receiptOut, 'The session; its notes without their text (read them with GET)'),
    ...problems(400, 401, 404, 422),
  },
});
const addSessionHandler: Handler<typeof addSession> = async (c) => {
  const input = c.req.valid('json');
  const scope = await ownPair(c);
  const { tenant, repo, program, pair } = scope;
  const today = todayOf(depsOf(c));
  if (input.date > addMonths(today, FUTURE_MONTHS)) {
    throw new ValidationError([
      { path: 'date', code: 'too_far_ahead', params: { months: FUTURE_MONTHS } },
    ]);
  }
  await requireConsent(repo, program.id, pair);
  const sessionId = newId();
  const ids = { programId: program.id, pairId: pair.id, sessionId };
  const session: StoredPairSession = {
    id: sessionId,
    programId: program.id,
    pairId: pair.id,
    date: input.date,
    createdBy: tenant.userId,
    createdAt: now(c),
    notes: input.notes ? [await sealedNote(c, scope, ids, input.notes, input.notesShared)] : [],
  };
  const last =
    pair.lastSessionDate && pair.lastSessionDate > input.date ? pair.lastSessionDate : input.date;
  await repo.addSession(session, last);
  return c.json(receipt(session, scope.tenant.userId), 201);
};

const listSessions = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-programs/{programId}/pairs/{pairId}/sessions',
  tags: ['Coaching programs'],
  summary: 'Your pair’s sessions, your notes and those your partner shared',
  description:
    'Only the pair’s two members read them; another participant, the coordinator, an admin, the operator or a donor is answered 404. Each member reads their own notes and the notes the other shared (ADR 0027). Newest first.',
  security: bearer,
  request: { params: pairParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(sessionOut) }), 'The sessions'),
    ...problems(400, 401, 404),
  },
});
const listSessionsHandler: Handler<typeof listSessions> = async (c) => {
  const scope = await ownPair(c);
  const { repo, program, pair } = scope;
  const sessions = await repo.listSessions(program.id, pair.id);
  return c.json({ items: await Promise.all(sessions.map((s) => readable(c, scope, s))) }, 200);
};

const addNote = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs/{programId}/pairs/{pairId}/sessions/{sessionId}/notes',
  tags: ['Coaching programs'],
  summary: 'Add your confidential note to a session of your pair',
  description:
    'By one of the pair’s two members only (anyone else: 404). Encrypted; only its author reads it, and the other member too when `shared` is true (ADR 0027).',
  security: bearer,
  request: { params: sessionParam, body: jsonBody(noteInputSchema) },
  responses: {
    201: jsonResponse(receiptOut, 'The session; its notes without their text (read them with GET)'),
    ...problems(400, 401, 404, 409, 422),
  },
});
const addNoteHandler: Handler<typeof addNote> = async (c) => {
  const { sessionId } = c.req.valid('param');
  const { text, shared } = c.req.valid('json');
  const scope = await ownPair(c);
  const { repo, program, pair } = scope;
  const session = await repo.getSession(program.id, pair.id, sessionId);
  if (!session) throw new NotFoundError('session');
  await requireConsent(repo, program.id, pair);
  const note = await sealedNote(
    c,
    scope,
    { programId: program.id, pairId: pair.id, sessionId },
    text,
    shared,
  );
  await repo
    .addNote(program.id, pair.id, sessionId, note, MAX_NOTES_PER_SESSION)
    .catch(conflictAs('text'));
  return c.json(receipt({ ...session, notes: [...session.notes, note] }, scope.tenant.userId), 201);
};

/**
 * A pair's sessions and their confidential notes, encrypted per field and readable by the
 * pair only.
 */
export const coachingProgramSessionRoutes = () =>
  router()
    .openapi(addSession, addSessionHandler)
    .openapi(listSessions, listSessionsHandler)
    .openapi(addNote, addNoteHandler);
