import type { NetworkStore } from '@sisi/data';
import type { RollupMentorship } from '@sisi/domain';

/** The part of a network's store the facts are read from. */
export type MentorshipSource = { mentorships: Pick<NetworkStore['mentorships'], 'getMany'> };

/**
 * Mentorship facts read from the network tables (`storeOf` gives a network's store).
 *
 * @example
 * const facts = mentorshipFactsFrom((n) => createNetworkStore(doc, networkTableName('sisi', n)));
 */
export function mentorshipFactsFrom(storeOf: (networkId: string) => MentorshipSource) {
  return async (networkId: string, ids: string[]): Promise<Map<string, RollupMentorship>> => {
    const found = await storeOf(networkId).mentorships.getMany([...new Set(ids)]);
    return new Map(
      found.map((m) => [m.id, { startDate: m.startDate, midTermReview: m.schedule.midTermReview }]),
    );
  };
}
