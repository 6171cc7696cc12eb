import type {
  CoachingPair,
  CoachingProgram,
  Consent,
  Nomination,
  Page,
  Participant,
  SelfAssessment,
  SurveyResponse,
} from '@sisi/domain';
import { ConflictError } from '../errors.ts';
import type { EncryptedField } from '../field-cipher.ts';
import {
  changedMeanwhile,
  type Query,
  stripKeys,
  TableRepository,
  type WriteOp,
} from '../table.ts';

const pk = (programId: string) => `CPROGRAM#${programId}`;
const programKey = (id: string) => ({ PK: pk(id), SK: 'PROGRAM' });
const pad = (n: number, width = 3) => String(n).padStart(width, '0');
const roundKey = (programId: string, round: number) => ({
  PK: pk(programId),
  SK: `ROUND#${pad(round)}`,
});

/** How a person is tied to a program; each tie lets them find it in their own list. */
export type ProgramRelation = 'nominee' | 'referee' | 'participant';

/** One pair inside its round's item. */
export interface StoredPair {
  id: string;
  memberIds: [string, string];
  memberNames: [string, string];
  sessionsHeld: number;
  lastSessionDate?: string;
}

/**
 * A round of pairs: the fixed pairs (round 0, no dates) or one rotation round. Pairs live
 * inside their round's item, so a whole rotation schedule is one transaction of at most
 * `MAX_ROTATION_ROUNDS` items.
 */
export interface StoredRound {
  programId: string;
  round: number;
  startDate?: string;
  endDate?: string;
  bye?: string;
  pairs: StoredPair[];
  createdAt: string;
}

/** A confidential note of a pair session, as stored: the text is an `EncryptedField`. */
export interface StoredSessionNote {
  id: string;
  authorId: string;
  authorName: string;
  at: string;
  text: EncryptedField;
  /**
   * Whether the other member of the pair reads it; absent on notes written before notes
   * were their author's alone, which were written to be read by both (ADR 0027).
   */
  shared?: boolean;
}

export interface StoredPairSession {
  id: string;
  programId: string;
  pairId: string;
  date: string;
  createdBy: string;
  createdAt: string;
  notes: StoredSessionNote[];
}

/** What a coordinator's figures are computed from: no note, answer or comment in it. */
export interface ProgramFigureItems {
  participants: Pick<Participant, 'personId' | 'consent'>[];
  nominations: Pick<Nomination, 'status' | 'referees'>[];
  rounds: StoredRound[];
  assessments: Pick<SelfAssessment, 'personId' | 'kind' | 'ratings' | 'submittedAt'>[];
  /** Markers of who answered, per survey round (count only). */
  surveyAnswered: Map<number, number>;
}

/** `r003p002`: the pair's round and place in it, so a pair is found from its id alone. */
export const pairId = (round: number, index: number): string => `r${pad(round)}p${pad(index)}`;

/** The round and index of a pair id; `undefined` when it is not one. */
export function parsePairId(id: string): { round: number; index: number } | undefined {
  const m = /^r(\d{3})p(\d{3})$/.exec(id);
  return m ? { round: Number(m[1]), index: Number(m[2]) } : undefined;
}

/**
 * Peer coaching programs of one network (seed 002). A program is one partition
 * (`CPROGRAM#id`): the program, its nominations, participants, rounds of pairs, pair
 * sessions (notes encrypted by the caller), self-assessments and anonymous survey answers.
 * Lists are Queries: every program (`GSI1` `CPROGRAMS`), an organization's
 * (`GSI2` `ORG#id#CPROGRAMS`) and a person's (`GSI2` `PERSON#id#CPROGRAMS`, one link item per
 * person and program whose `relations` say how they are tied to it).
 *
 * @example
 * const programs = createNetworkStore(doc, table).coachingPrograms;
 * const page = await programs.listByOrganization(orgId, 25);
 */
export class CoachingProgramRepository extends TableRepository {
  // --- programs -------------------------------------------------------------------------

  get(id: string): Promise<CoachingProgram | undefined> {
    return this.table.get<CoachingProgram>(programKey(id), { consistent: true });
  }

  async create(program: CoachingProgram): Promise<void> {
    await this.table.transact([
      this.table.putOp({
        Item: {
          ...programKey(program.id),
          entity: 'coaching-program',
          GSI1PK: 'CPROGRAMS',
          GSI1SK: `${program.createdAt}#${program.id}`,
          GSI2PK: `ORG#${program.organizationId}#CPROGRAMS`,
          GSI2SK: `${program.createdAt}#${program.id}`,
          ...program,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    ]);
  }

  /**
   * Writes the program's own fields if it is still at `expectedVersion` (`next` carries
   * `expectedVersion + 1`); a stale one is a `ConflictError` on `version`. The open survey
   * round is left as stored: opening a round never makes an edit stale, nor the reverse.
   */
  async replace(next: CoachingProgram, expectedVersion: number): Promise<void> {
    const { id: _id, surveyRound: _round, networkId: _n, organizationId: _o, ...fields } = next;
    const names: Record<string, string> = { '#v': 'version' };
    const values: Record<string, unknown> = { ':v': expectedVersion };
    const sets: string[] = [];
    const removes: string[] = [];
    for (const key of ['description', 'rotationWeeks'] as const) {
      if (fields[key] === undefined) {
        names[`#r_${key}`] = key;
        removes.push(`#r_${key}`);
      }
    }
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .forEach(([k, v], i) => {
        names[`#f${i}`] = k;
        values[`:f${i}`] = v;
        sets.push(`#f${i} = :f${i}`);
      });
    await this.table.transact([
      this.table.updateOp(
        {
          Key: programKey(next.id),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_exists(PK) AND #v = :v',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
        changedMeanwhile('program'),
      ),
    ]);
  }

  /** Opens survey round `expected + 1`; a `ConflictError` if another opened it first. */
  async openSurveyRound(programId: string, expected: number, now: string): Promise<number> {
    await this.table.update(
      {
        Key: programKey(programId),
        UpdateExpression: 'SET surveyRound = :next, updatedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND surveyRound = :expected',
        ExpressionAttributeValues: { ':next': expected + 1, ':expected': expected, ':now': now },
      },
      {
        message: 'another survey round was opened meanwhile',
        field: 'surveyRound',
        key: 'conflict_round_opened',
      },
    );
    return expected + 1;
  }

  /** Every program of the network, newest first. */
  list(limit: number, cursor?: string): Promise<Page<CoachingProgram>> {
    return this.table.page<CoachingProgram>(newestFirst('GSI1', 'CPROGRAMS'), limit, cursor);
  }

  /** An organization's programs, newest first. */
  listByOrganization(
    organizationId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<CoachingProgram>> {
    return this.table.page<CoachingProgram>(
      newestFirst('GSI2', `ORG#${organizationId}#CPROGRAMS`),
      limit,
      cursor,
    );
  }

  /** The programs a person is tied to (nominee, referee, participant), newest first. */
  async listForPerson(
    personId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<CoachingProgram>> {
    const page = await this.table.page<{ programId: string }>(
      newestFirst('GSI2', `PERSON#${personId}#CPROGRAMS`),
      limit,
      cursor,
    );
    return { items: await this.getMany(page.items.map((i) => i.programId)), cursor: page.cursor };
  }

  /** In the order of `ids`; missing ones left out. */
  getMany(ids: string[]): Promise<CoachingProgram[]> {
    return this.table.getMany<CoachingProgram>(ids, programKey);
  }

  // --- people tied to a program ---------------------------------------------------------

  /** How `personId` is tied to the program (none: an empty list). */
  async relationsOf(programId: string, personId: string): Promise<ProgramRelation[]> {
    const link = await this.table.get<{ relations?: Set<ProgramRelation> }>(
      { PK: pk(programId), SK: `PERSON#${personId}` },
      { consistent: true },
    );
    return link?.relations ? [...link.relations].sort() : [];
  }

  private linkOp(program: CoachingProgram, personId: string, relation: ProgramRelation): WriteOp {
    return this.table.updateOp({
      Key: { PK: pk(program.id), SK: `PERSON#${personId}` },
      UpdateExpression:
        'SET entity = :e, programId = :p, personId = :person, GSI2PK = :g, GSI2SK = :s ADD relations :r',
      ExpressionAttributeValues: {
        ':e': 'coaching-program-person',
        ':p': program.id,
        ':person': personId,
        ':g': `PERSON#${personId}#CPROGRAMS`,
        ':s': `${program.createdAt}#${program.id}`,
        ':r': new Set([relation]),
      },
    });
  }

  private queryAll<T>(programId: string, prefix: string): Promise<T[]> {
    return this.table.all<T>({ pk: pk(programId), prefix, consistent: true });
  }

  /** An item of the program's partition, read consistently. */
  private getChild<T>(programId: string, sk: string): Promise<T | undefined> {
    return this.table.get<T>({ PK: pk(programId), SK: sk }, { consistent: true });
  }

  // --- nominations ----------------------------------------------------------------------

  /**
   * A nomination, its nominee's marker (one nomination per person and program: a second is
   * a `ConflictError` on `nomineeId`) and the nominee's and referees' links, in one
   * transaction.
   */
  async createNomination(program: CoachingProgram, nomination: Nomination): Promise<void> {
    await this.table.transact([
      this.table.putOp(
        {
          Item: {
            PK: pk(program.id),
            SK: `NOMINEE#${nomination.nomineeId}`,
            entity: 'coaching-program-nominee',
            nominationId: nomination.id,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
        {
          message: 'this person is already nominated for the program',
          field: 'nomineeId',
          key: 'conflict_already_nominated',
        },
      ),
      this.table.putOp({
        Item: {
          PK: pk(program.id),
          SK: `NOMINATION#${nomination.id}`,
          entity: 'coaching-program-nomination',
          ...nomination,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
      this.linkOp(program, nomination.nomineeId, 'nominee'),
      ...nomination.referees.map((r) => this.linkOp(program, r.personId, 'referee')),
    ]);
  }

  getNomination(programId: string, nominationId: string): Promise<Nomination | undefined> {
    return this.getChild<Nomination>(programId, `NOMINATION#${nominationId}`);
  }

  async listNominations(programId: string): Promise<Nomination[]> {
    const items = await this.queryAll<Nomination>(programId, 'NOMINATION#');
    return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  /**
   * Records referee number `index`'s confirmation; a `ConflictError` on `refereeId` if it was
   * confirmed before (or the list changed).
   */
  async confirmReference(
    programId: string,
    nominationId: string,
    index: number,
    refereeId: string,
    at: string,
    statement?: string,
  ): Promise<void> {
    await this.table.update(
      {
        Key: { PK: pk(programId), SK: `NOMINATION#${nominationId}` },
        UpdateExpression: `SET referees[${index}].confirmedAt = :at${statement ? `, referees[${index}].#st = :st` : ''}`,
        ConditionExpression: `referees[${index}].personId = :who AND attribute_not_exists(referees[${index}].confirmedAt)`,
        ...(statement ? { ExpressionAttributeNames: { '#st': 'statement' } } : {}),
        ExpressionAttributeValues: {
          ':at': at,
          ':who': refereeId,
          ...(statement ? { ':st': statement } : {}),
        },
      },
      {
        message: 'this reference is already confirmed',
        field: 'refereeId',
        key: 'conflict_reference_confirmed',
      },
    );
  }

  // --- participants ---------------------------------------------------------------------

  /** The participant, the nomination marked accepted and the person's link, in one transaction. */
  async acceptParticipant(program: CoachingProgram, participant: Participant): Promise<void> {
    await this.table.transact([
      this.table.putOp(
        {
          Item: {
            PK: pk(program.id),
            SK: `PARTICIPANT#${participant.personId}`,
            entity: 'coaching-program-participant',
            ...participant,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
        {
          message: 'this person is already a participant',
          field: 'nominationId',
          key: 'conflict_already_participant',
        },
      ),
      this.table.updateOp(
        {
          Key: { PK: pk(program.id), SK: `NOMINATION#${participant.nominationId}` },
          UpdateExpression: 'SET #s = :accepted',
          ConditionExpression: '#s = :open',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':accepted': 'accepted', ':open': 'open' },
        },
        {
          message: 'this nomination was already accepted',
          field: 'nominationId',
          key: 'conflict_nomination_accepted',
        },
      ),
      this.linkOp(program, participant.personId, 'participant'),
    ]);
  }

  getParticipant(programId: string, personId: string): Promise<Participant | undefined> {
    return this.getChild<Participant>(programId, `PARTICIPANT#${personId}`);
  }

  async listParticipants(programId: string): Promise<Participant[]> {
    const items = await this.queryAll<Participant>(programId, 'PARTICIPANT#');
    return items.sort(
      (a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId),
    );
  }

  /** Stores a participant's consent; a second signature is a `ConflictError` on `textVersion`. */
  async signConsent(programId: string, personId: string, consent: Consent): Promise<void> {
    await this.table.update(
      {
        Key: { PK: pk(programId), SK: `PARTICIPANT#${personId}` },
        UpdateExpression: 'SET consent = :c',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(consent)',
        ExpressionAttributeValues: { ':c': consent },
      },
      {
        message: 'you have already signed the consent form',
        field: 'textVersion',
        key: 'conflict_consent_signed',
      },
    );
  }

  // --- rounds and pairs -----------------------------------------------------------------

  async listRounds(programId: string): Promise<StoredRound[]> {
    const items = await this.queryAll<StoredRound>(programId, 'ROUND#');
    return items.sort((a, b) => a.round - b.round);
  }

  getRound(programId: string, round: number): Promise<StoredRound | undefined> {
    return this.table.get<StoredRound>(roundKey(programId, round), { consistent: true });
  }

  /**
   * Adds fixed pairs to round 0, if it still holds `seen` pairs (`undefined`: it does not
   * exist yet); otherwise a `ConflictError` on `pairs` and nothing written.
   */
  async addFixedPairs(
    programId: string,
    pairs: StoredPair[],
    seen: number | undefined,
    now: string,
  ): Promise<void> {
    const conflict = changedMeanwhile('pairs', 'pairs');
    const op: WriteOp =
      seen === undefined
        ? this.table.putOp(
            {
              Item: {
                ...roundKey(programId, 0),
                entity: 'coaching-program-round',
                programId,
                round: 0,
                pairs,
                createdAt: now,
              } satisfies Record<string, unknown> & StoredRound,
              ConditionExpression: 'attribute_not_exists(PK)',
            },
            conflict,
          )
        : this.table.updateOp(
            {
              Key: roundKey(programId, 0),
              UpdateExpression: 'SET pairs = list_append(pairs, :new)',
              ConditionExpression: 'size(pairs) = :seen',
              ExpressionAttributeValues: { ':new': pairs, ':seen': seen },
            },
            conflict,
          );
    await this.table.transact([op]);
  }

  /** New rotation rounds, all or none (a round that exists already: `ConflictError` on `rounds`). */
  async addRounds(rounds: StoredRound[]): Promise<void> {
    await this.table.transact(
      rounds.map((r) =>
        this.table.putOp(
          {
            Item: { ...roundKey(r.programId, r.round), entity: 'coaching-program-round', ...r },
            ConditionExpression: 'attribute_not_exists(PK)',
          },
          {
            message: 'rounds were added meanwhile; reload and try again',
            field: 'rounds',
            key: 'conflict_rounds_added',
          },
        ),
      ),
    );
  }

  /** The pairs of every round, with their round's dates (round order, then place). */
  static pairsOf(rounds: readonly StoredRound[]): CoachingPair[] {
    return rounds.flatMap((r) =>
      r.pairs.map((p) => ({
        ...p,
        programId: r.programId,
        round: r.round,
        ...(r.startDate ? { startDate: r.startDate } : {}),
        ...(r.endDate ? { endDate: r.endDate } : {}),
        createdAt: r.createdAt,
      })),
    );
  }

  // --- pair sessions --------------------------------------------------------------------

  /**
   * A session of pair `pairId` (the caller encrypted its notes) and the pair's count, in
   * one transaction; retried when another session of the same round raced it.
   */
  async addSession(session: StoredPairSession, lastSessionDate: string): Promise<void> {
    const at = parsePairId(session.pairId);
    if (!at) throw new ConflictError('not a pair of this program', 'pairId');
    await this.table.transact(
      [
        this.table.putOp({
          Item: {
            PK: pk(session.programId),
            SK: `SESSION#${session.pairId}#${session.id}`,
            entity: 'coaching-program-session',
            ...session,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
        this.table.updateOp(
          {
            Key: roundKey(session.programId, at.round),
            UpdateExpression: `SET pairs[${at.index}].sessionsHeld = pairs[${at.index}].sessionsHeld + :one, pairs[${at.index}].lastSessionDate = :last`,
            ConditionExpression: `pairs[${at.index}].id = :pair`,
            ExpressionAttributeValues: {
              ':one': 1,
              ':pair': session.pairId,
              ':last': lastSessionDate,
            },
          },
          { message: 'not a pair of this program', field: 'pairId' },
        ),
      ],
      { retry: true },
    );
  }

  getSession(
    programId: string,
    pairId: string,
    sessionId: string,
  ): Promise<StoredPairSession | undefined> {
    return this.getChild<StoredPairSession>(programId, `SESSION#${pairId}#${sessionId}`);
  }

  /** A pair's sessions, newest first. */
  async listSessions(programId: string, pairId: string): Promise<StoredPairSession[]> {
    const items = await this.queryAll<StoredPairSession>(programId, `SESSION#${pairId}#`);
    return items.sort(
      (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
    );
  }

  /** Appends an (encrypted) note to a session; at most `max` notes per session. */
  async addNote(
    programId: string,
    pairId: string,
    sessionId: string,
    note: StoredSessionNote,
    max: number,
  ): Promise<void> {
    await this.table.update(
      {
        Key: { PK: pk(programId), SK: `SESSION#${pairId}#${sessionId}` },
        UpdateExpression: 'SET notes = list_append(notes, :n)',
        ConditionExpression: 'attribute_exists(PK) AND size(notes) < :max',
        ExpressionAttributeValues: { ':n': [note], ':max': max },
      },
      { message: `a session holds at most ${max} notes`, field: 'text' },
    );
  }

  // --- self-assessments -----------------------------------------------------------------

  /**
   * Stores a self-assessment. A person's baseline has a fixed key: a second one is a
   * `ConflictError` on `kind`.
   */
  async addSelfAssessment(a: SelfAssessment): Promise<void> {
    const SK =
      a.kind === 'baseline'
        ? `ASSESS#${a.personId}#B`
        : `ASSESS#${a.personId}#F#${a.submittedAt}#${a.id}`;
    await this.table.transact([
      this.table.putOp(
        {
          Item: { PK: pk(a.programId), SK, entity: 'coaching-program-self-assessment', ...a },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
        {
          message: 'your baseline self-assessment is already in',
          field: 'kind',
          key: 'conflict_baseline_in',
        },
      ),
    ]);
  }

  /** One person's self-assessments (baseline first, then follow-ups oldest first). */
  listSelfAssessments(programId: string, personId: string): Promise<SelfAssessment[]> {
    return this.queryAll<SelfAssessment>(programId, `ASSESS#${personId}#`);
  }

  /** Everyone's, for aggregates only. */
  listAllSelfAssessments(programId: string): Promise<SelfAssessment[]> {
    return this.queryAll<SelfAssessment>(programId, 'ASSESS#');
  }

  // --- participant survey ---------------------------------------------------------------

  /**
   * An anonymous answer and, separately, the marker that stops a second one from the same
   * person in the same round (a `ConflictError` on `round`), in one transaction. The answer
   * holds no person id and no time, and its key is random: it cannot be tied to its marker.
   */
  async addSurveyResponse(
    response: SurveyResponse,
    personId: string,
    responseId: string,
    now: string,
  ): Promise<void> {
    const round = pad(response.round);
    await this.table.transact([
      this.table.putOp(
        {
          Item: {
            PK: pk(response.programId),
            SK: `SURVEY#${round}#M#${personId}`,
            entity: 'coaching-program-survey-marker',
            at: now,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
        {
          message: 'you have already answered this survey round',
          field: 'round',
          key: 'conflict_round_answered',
        },
      ),
      this.table.putOp({
        Item: {
          PK: pk(response.programId),
          SK: `SURVEY#${round}#R#${responseId}`,
          entity: 'coaching-program-survey-response',
          ...response,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    ]);
  }

  async hasAnsweredSurvey(programId: string, round: number, personId: string): Promise<boolean> {
    const marker = await this.getChild(programId, `SURVEY#${pad(round)}#M#${personId}`);
    return marker !== undefined;
  }

  listSurveyResponses(programId: string, round: number): Promise<SurveyResponse[]> {
    return this.queryAll<SurveyResponse>(programId, `SURVEY#${pad(round)}#R#`);
  }

  // --- figures --------------------------------------------------------------------------

  /**
   * Everything a program's status figures need, in one Query of its partition that
   * projects away notes, survey answers and comments.
   */
  async figureItems(programId: string): Promise<ProgramFigureItems> {
    const items = await this.table.all<Record<string, unknown>>({
      pk: pk(programId),
      projection:
        'SK, personId, consent, #status, referees, #round, startDate, endDate, pairs, programId, createdAt, kind, ratings, submittedAt',
      names: { '#status': 'status', '#round': 'round' },
      consistent: true,
      keepKeys: true,
    });
    return this.sortFigureItems(items);
  }

  private sortFigureItems(items: Record<string, unknown>[]): ProgramFigureItems {
    const strip = <T>(item: Record<string, unknown>) => stripKeys<T>(item);
    const out: ProgramFigureItems = {
      participants: [],
      nominations: [],
      rounds: [],
      assessments: [],
      surveyAnswered: new Map(),
    };
    for (const item of items) {
      const sk = String(item.SK ?? '');
      if (sk.startsWith('PARTICIPANT#')) out.participants.push(strip(item));
      else if (sk.startsWith('NOMINATION#')) out.nominations.push(strip(item));
      else if (sk.startsWith('ROUND#')) out.rounds.push(strip(item));
      else if (sk.startsWith('ASSESS#')) out.assessments.push(strip(item));
      else if (/^SURVEY#\d{3}#M#/.test(sk)) {
        const round = Number(sk.slice(7, 10));
        out.surveyAnswered.set(round, (out.surveyAnswered.get(round) ?? 0) + 1);
      }
    }
    out.rounds.sort((a, b) => a.round - b.round);
    return out;
  }
}

/** A partition of an index, newest first. */
const newestFirst = (index: 'GSI1' | 'GSI2', pk: string): Query => ({
  index,
  pk,
  descending: true,
});
