import { randomUUID } from 'node:crypto';
import type { ReflectionAnswerRecord, ReflectionSide } from '@sisi/domain';
import { TableRepository } from '../table.ts';

const pk = (mentorshipId: string) => `MENTORSHIP#${mentorshipId}`;
const ANSWER = 'REFLECTION#ANSWER#';
const MARKER = 'REFLECTION#MARKER#';

/**
 * The mid-term reflection questionnaire's answers (001 Annex 6), kept so that no answer
 * can be tied to its respondent, in the mentorship's partition of the network table:
 *
 * - an answer (`REFLECTION#ANSWER#<random UUID>`) holds the mentorship, the side and the
 *   answers: no person, no time, and a random key (not a time-ordered one), so neither its
 *   content nor its place among the others says who wrote it or when;
 * - a marker (`REFLECTION#MARKER#<person id>`) says that person answered, on which side,
 *   and nothing of the answer: no key of it, no time.
 *
 * Both are written in one transaction whose conditions refuse a second marker: a second
 * answer by the same person writes nothing.
 *
 * @example
 * const reflection = createNetworkStore(doc, table).reflection;
 * await reflection.answer(record, tenant.userId); // ConflictError the second time
 */
export class ReflectionRepository extends TableRepository {
  /**
   * Stores `record` and marks `personId` as having answered, together; a person who
   * answered before gets `ConflictError` and nothing is written.
   */
  async answer(record: ReflectionAnswerRecord, personId: string): Promise<void> {
    await this.table.transact([
      this.table.putOp(
        {
          Item: {
            PK: pk(record.mentorshipId),
            SK: `${MARKER}${personId}`,
            entity: 'reflection-marker',
            mentorshipId: record.mentorshipId,
            personId,
            side: record.side,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
        {
          message: 'you have already answered the reflection questionnaire',
          key: 'conflict_already_reflected',
        },
      ),
      this.table.putOp(
        {
          Item: {
            PK: pk(record.mentorshipId),
            // random, so the keys' order is not the answers' order
            SK: `${ANSWER}${randomUUID()}`,
            entity: 'reflection-answer',
            mentorshipId: record.mentorshipId,
            side: record.side,
            answers: record.answers,
            comments: record.comments,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
        { message: 'the answer could not be stored; try again' },
      ),
    ]);
  }

  /** Whether `personId` answered the mentorship's questionnaire. */
  async hasAnswered(mentorshipId: string, personId: string): Promise<boolean> {
    const marker = await this.table.get(
      { PK: pk(mentorshipId), SK: `${MARKER}${personId}` },
      { projection: 'PK', consistent: true },
    );
    return marker !== undefined;
  }

  /** Every answer of the mentorship (a mentorship has tens of respondents at most). */
  async listAnswers(mentorshipId: string): Promise<ReflectionAnswerRecord[]> {
    const items = await this.table.all<Partial<ReflectionAnswerRecord>>({
      pk: pk(mentorshipId),
      prefix: ANSWER,
      // names, not words: some are DynamoDB reserved words
      projection: '#m, #s, #a, #c',
      names: { '#m': 'mentorshipId', '#s': 'side', '#a': 'answers', '#c': 'comments' },
      consistent: true,
    });
    return items.map((item) => ({
      mentorshipId: item.mentorshipId as string,
      side: item.side as ReflectionSide,
      answers: item.answers ?? {},
      comments: item.comments ?? {},
    }));
  }

  /** How many answers each side has (reads the sides only). */
  async countBySide(mentorshipId: string): Promise<Record<ReflectionSide, number>> {
    const counts: Record<ReflectionSide, number> = { mentor: 0, mentee: 0 };
    const items = await this.table.all<{ side?: unknown }>({
      pk: pk(mentorshipId),
      prefix: ANSWER,
      projection: '#s',
      names: { '#s': 'side' },
    });
    for (const { side } of items) {
      if (side === 'mentor' || side === 'mentee') counts[side] += 1;
    }
    return counts;
  }
}
