import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MentorshipRepository } from '@sisi/data';
import type { RollupMentorship } from '@sisi/domain';

/**
 * Mentorship facts read from the network tables (`tableOf` names a network's table).
 *
 * @example const facts = mentorshipFactsFrom(doc, (n) => networkTableName('sisi', n));
 */
export function mentorshipFactsFrom(
  doc: DynamoDBDocumentClient,
  tableOf: (networkId: string) => string,
) {
  return async (networkId: string, ids: string[]): Promise<Map<string, RollupMentorship>> => {
    const found = await new MentorshipRepository(doc, tableOf(networkId)).getMany([
      ...new Set(ids),
    ]);
    return new Map(
      found.map((m) => [m.id, { startDate: m.startDate, midTermReview: m.schedule.midTermReview }]),
    );
  };
}
