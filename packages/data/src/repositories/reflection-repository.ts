import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ReflectionAnswerRecord, ReflectionSide } from '@sisi/domain';
import { transact } from '../transact.ts';

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
export class ReflectionRepository {
  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /**
   * Stores `record` and marks `personId` as having answered, together; a person who
   * answered before gets `ConflictError` and nothing is written.
   */
  async answer(record: ReflectionAnswerRecord, personId: string): Promise<void> {
    await transact(this.doc, [
      {
        Put: {
          TableName: this.tableName,
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
        conflictMessage: 'you have already answered the reflection questionnaire',
      },
      {
        Put: {
          TableName: this.tableName,
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
        conflictMessage: 'the answer could not be stored; try again',
      },
    ]);
  }

  /** Whether `personId` answered the mentorship's questionnaire. */
  async hasAnswered(mentorshipId: string, personId: string): Promise<boolean> {
    const out = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { PK: pk(mentorshipId), SK: `${MARKER}${personId}` },
        ProjectionExpression: 'PK',
        ConsistentRead: true,
      }),
    );
    return !!out.Item;
  }

  /** Every answer of the mentorship (a mentorship has tens of respondents at most). */
  async listAnswers(mentorshipId: string): Promise<ReflectionAnswerRecord[]> {
    const out: ReflectionAnswerRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': pk(mentorshipId), ':prefix': ANSWER },
          // names, not words: some are DynamoDB reserved words
          ProjectionExpression: '#m, #s, #a, #c',
          ExpressionAttributeNames: {
            '#m': 'mentorshipId',
            '#s': 'side',
            '#a': 'answers',
            '#c': 'comments',
          },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        out.push({
          mentorshipId: item.mentorshipId as string,
          side: item.side as ReflectionSide,
          answers: (item.answers ?? {}) as Record<string, string>,
          comments: (item.comments ?? {}) as Record<string, string>,
        });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** How many answers each side has (reads the sides only). */
  async countBySide(mentorshipId: string): Promise<Record<ReflectionSide, number>> {
    const counts: Record<ReflectionSide, number> = { mentor: 0, mentee: 0 };
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': pk(mentorshipId), ':prefix': ANSWER },
          ProjectionExpression: '#s',
          ExpressionAttributeNames: { '#s': 'side' },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const side = item.side as unknown;
        if (side === 'mentor' || side === 'mentee') counts[side] += 1;
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return counts;
  }
}
