import { createRoute, z } from '@hono/zod-openapi';
import type { NetworkStore } from '@sisi/data';
import {
  acceptParticipantSchema,
  COACHING_CONSENT_VERSION,
  confirmReferenceSchema,
  consentInputSchema,
  type Nomination,
  nominationInputSchema,
  nominationSchema,
  nominationState,
  type Participant,
  participantSchema,
  selectionCriteria,
} from '@sisi/domain';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.ts';
import {
  ConflictProblem,
  DomainRuleError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../errors.ts';
import { newId } from '../ids.ts';
import { bearer, jsonBody, jsonResponse, named, problems, router } from '../openapi.ts';
import { depsOf, type Handler } from '../route-kit.ts';
import { managedProgram, visibleProgram } from '../services/coaching-program-access.ts';
import { sendNotices } from '../services/notices.ts';
import { confirmationPaths } from '../services/tasks.ts';

const networkParam = z.object({ networkId: z.string().max(100) });
const programParam = networkParam.extend({ programId: z.string().max(100) });
const referenceParam = programParam.extend({
  nominationId: z.string().max(100),
  refereeId: z.string().max(100),
});

const nominationOut = named(nominationSchema, 'CoachingNomination');
const participantOut = named(participantSchema, 'CoachingParticipant');

const withState = (n: Nomination) => ({ ...n, state: nominationState(n) });

const now = (c: Context<AppEnv>) => depsOf(c).clock.now().toISOString();

/** People of this network by id; a missing one is a 400 naming `path`. */
async function peopleOf(store: NetworkStore, refs: { path: string; id: string }[]) {
  const found = await Promise.all(refs.map((r) => store.people.get(r.id)));
  const errors = refs
    .filter((_, i) => !found[i])
    .map((r) => ({ path: r.path, code: 'unknown_reference' as const, params: { kind: 'person' } }));
  if (errors.length) throw new ValidationError(errors);
  return found.map((p) => p!);
}

const nominate = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs/{programId}/nominations',
  tags: ['Coaching programs'],
  summary: 'Nominate a peer, with one to three referees who confirm',
  description: `Peer nomination (seed 002): anyone who sees the program nominates a person of the network and names referees (not the nominee). Each referee confirms in the app, and is mailed a notice (once, in their language, unless they turned notices off: ADR 0046) linking to the program's nominations. One nomination per person and program (409 naming \`nomineeId\`). The selection criteria: ${selectionCriteria.map((s) => `“${s.text}”`).join(' ')}`,
  security: bearer,
  request: { params: programParam, body: jsonBody(nominationInputSchema) },
  responses: {
    201: jsonResponse(nominationOut, 'The nomination, awaiting its references'),
    ...problems(400, 401, 404, 409),
  },
});
const nominateHandler: Handler<typeof nominate> = async (c) => {
  const input = c.req.valid('json');
  const { store, repo, tenant, program } = await visibleProgram(c);
  const [nominee, ...referees] = await peopleOf(store, [
    { path: 'nomineeId', id: input.nomineeId },
    ...input.refereeIds.map((id, i) => ({ path: `refereeIds.${i}`, id })),
  ]);
  const nomination: Nomination = {
    id: newId(),
    programId: program.id,
    nomineeId: nominee!.id,
    nomineeName: nominee!.name,
    nomineeOrganizationId: nominee!.organizationId,
    nominatedBy: tenant.userId,
    nominatedByName: tenant.name,
    ...(input.reason ? { reason: input.reason } : {}),
    referees: referees.map((r) => ({ personId: r.id, name: r.name })),
    status: 'open',
    createdAt: now(c),
  };
  await repo.createNomination(program, nomination);
  await sendNotices(
    depsOf(c),
    nomination.referees.map((r) => ({
      kind: 'reference' as const,
      networkId: tenant.networkId,
      userId: r.personId,
      about: `${program.id}#${nomination.id}`,
      path: confirmationPaths.reference(tenant.networkId, program.id),
      by: tenant.name,
      name: program.name,
      nominee: nomination.nomineeName,
    })),
  );
  return c.json(withState(nomination), 201);
};

const listNominations = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-programs/{programId}/nominations',
  tags: ['Coaching programs'],
  summary: 'Nominations and their references',
  description:
    'Managers see every nomination; anyone else the ones they made, are nominated in, or are a referee of. Oldest first.',
  security: bearer,
  request: { params: programParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(nominationOut) }), 'The nominations'),
    ...problems(400, 401, 404),
  },
});
const listNominationsHandler: Handler<typeof listNominations> = async (c) => {
  const { repo, tenant, program, manages } = await visibleProgram(c);
  const all = await repo.listNominations(program.id);
  const mine = (n: Nomination) =>
    n.nomineeId === tenant.userId ||
    n.nominatedBy === tenant.userId ||
    n.referees.some((r) => r.personId === tenant.userId);
  return c.json({ items: all.filter((n) => manages || mine(n)).map(withState) }, 200);
};

const confirmReference = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs/{programId}/nominations/{nominationId}/references/{refereeId}/confirm',
  tags: ['Coaching programs'],
  summary: 'A referee confirms their reference (by that referee only)',
  description:
    'Only the person named as `refereeId` confirms (anyone else who sees the nomination: 403). Once confirmed it stays so (a second confirmation: 409).',
  security: bearer,
  request: { params: referenceParam, body: jsonBody(confirmReferenceSchema) },
  responses: {
    200: jsonResponse(nominationOut, 'The nomination with the confirmation'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const confirmReferenceHandler: Handler<typeof confirmReference> = async (c) => {
  const { nominationId, refereeId } = c.req.valid('param');
  const { statement } = c.req.valid('json');
  const { repo, tenant, program, manages } = await visibleProgram(c);
  const nomination = await repo.getNomination(program.id, nominationId);
  const involved =
    nomination &&
    (manages ||
      nomination.nomineeId === tenant.userId ||
      nomination.nominatedBy === tenant.userId ||
      nomination.referees.some((r) => r.personId === tenant.userId));
  if (!nomination || !involved) throw new NotFoundError('nomination');
  const index = nomination.referees.findIndex((r) => r.personId === refereeId);
  if (index < 0) throw new NotFoundError('referee');
  if (refereeId !== tenant.userId) {
    throw new ForbiddenError('forbidden_referee_own');
  }
  const at = now(c);
  await repo.confirmReference(program.id, nomination.id, index, refereeId, at, statement);
  const referees = nomination.referees.map((r, i) =>
    i === index ? { ...r, confirmedAt: at, ...(statement ? { statement } : {}) } : r,
  );
  return c.json(withState({ ...nomination, referees }), 200);
};

const acceptParticipant = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs/{programId}/participants',
  tags: ['Coaching programs'],
  summary: 'Accept a nominee as a participant (from a nomination with a confirmed reference)',
  description:
    'By the program’s managers. The nomination needs at least one confirmed reference (else 422); a nominee accepted twice is a 409.',
  security: bearer,
  request: { params: programParam, body: jsonBody(acceptParticipantSchema) },
  responses: {
    201: jsonResponse(participantOut, 'The participant'),
    ...problems(400, 401, 403, 404, 409, 422),
  },
});
const acceptParticipantHandler: Handler<typeof acceptParticipant> = async (c) => {
  const { nominationId } = c.req.valid('json');
  const { repo, tenant, program } = await managedProgram(c);
  const nomination = await repo.getNomination(program.id, nominationId);
  if (!nomination) {
    throw new ValidationError([
      { path: 'nominationId', code: 'unknown_reference' as const, params: { kind: 'nomination' } },
    ]);
  }
  const state = nominationState(nomination);
  if (state === 'accepted') {
    throw new ConflictProblem('conflict_nomination_accepted', 'nominationId');
  }
  if (state === 'awaiting-reference') {
    throw new DomainRuleError('rule_reference_missing', 'reference-missing', 'nominationId');
  }
  const participant: Participant = {
    programId: program.id,
    personId: nomination.nomineeId,
    name: nomination.nomineeName,
    organizationId: nomination.nomineeOrganizationId,
    nominationId: nomination.id,
    acceptedAt: now(c),
    acceptedBy: tenant.userId,
  };
  await repo.acceptParticipant(program, participant);
  return c.json(participant, 201);
};

const listParticipants = createRoute({
  method: 'get',
  path: '/networks/{networkId}/coaching-programs/{programId}/participants',
  tags: ['Coaching programs'],
  summary: 'The participants, and whether each signed the consent form',
  description: 'For the program’s managers and its participants (others who see it: 403).',
  security: bearer,
  request: { params: programParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(participantOut) }), 'The participants'),
    ...problems(400, 401, 403, 404),
  },
});
const listParticipantsHandler: Handler<typeof listParticipants> = async (c) => {
  const { repo, program, manages, relations } = await visibleProgram(c);
  if (!manages && !relations.includes('participant')) {
    throw new ForbiddenError('forbidden_participants_listed');
  }
  return c.json({ items: await repo.listParticipants(program.id) }, 200);
};

const signConsent = createRoute({
  method: 'post',
  path: '/networks/{networkId}/coaching-programs/{programId}/consent',
  tags: ['Coaching programs'],
  summary: 'Sign the coaching informed consent form (the participant themself)',
  description: `Each participant signs before their first session: no session (nor its notes) is recorded for a pair until both have signed (422). \`textVersion\` must be the form’s current version, \`${COACHING_CONSENT_VERSION}\`; \`signature\` is the name typed; \`agree\` must be true. Signing twice: 409.`,
  security: bearer,
  request: { params: programParam, body: jsonBody(consentInputSchema) },
  responses: {
    201: jsonResponse(participantOut, 'The participant with their consent'),
    ...problems(400, 401, 403, 404, 409),
  },
});
const signConsentHandler: Handler<typeof signConsent> = async (c) => {
  const input = c.req.valid('json');
  const { repo, tenant, program } = await visibleProgram(c);
  const participant = await repo.getParticipant(program.id, tenant.userId);
  if (!participant) {
    throw new ForbiddenError('forbidden_participant_signs');
  }
  if (input.textVersion !== COACHING_CONSENT_VERSION) {
    throw new ValidationError([
      {
        path: 'textVersion',
        code: 'outdated_form' as const,
        params: { version: COACHING_CONSENT_VERSION },
      },
    ]);
  }
  const consent = {
    textVersion: input.textVersion,
    signature: input.signature,
    signedAt: now(c),
  };
  await repo.signConsent(program.id, tenant.userId, consent);
  return c.json({ ...participant, consent }, 201);
};

/**
 * The people of a coaching program (seed 002): peers nominated and confirmed by their
 * references, the participants accepted from them, and the informed consent each signs.
 */
export const coachingProgramPeopleRoutes = () =>
  router()
    .openapi(nominate, nominateHandler)
    .openapi(listNominations, listNominationsHandler)
    .openapi(confirmReference, confirmReferenceHandler)
    .openapi(acceptParticipant, acceptParticipantHandler)
    .openapi(listParticipants, listParticipantsHandler)
    .openapi(signConsent, signConsentHandler);
