import { z } from 'zod';
import { counterName } from '../catalog.ts';
import { contributionBuilder, emptyContribution } from '../contribution.ts';
import { quarterOf } from '../quarter.ts';
import type { ContributionModule } from './module.ts';

const created = z.object({ createdAt: z.string() });
const dated = z.object({ date: z.string() });

/** A thing counted once, in the quarter it was created. */
const countCreated = (entity: string, group: string): ContributionModule => ({
  entity,
  contribute(item) {
    const parsed = created.safeParse(item);
    if (!parsed.success) return emptyContribution();
    return contributionBuilder()
      .add(quarterOf(parsed.data.createdAt), counterName.total(group))
      .build();
  },
});

/** A peer coaching group (003, 004), in the quarter it was formed. */
export const coachingGroupModule = countCreated('coaching-group', 'coachingGroups');
/** A Sisi Kwa Sisi coaching (000), in the quarter it was set up. */
export const sisiKwaSisiModule = countCreated('coaching', 'sisiKwaSisiCoachings');
/** A peer coaching program (002), in the quarter it was created. */
export const coachingProgramModule = countCreated('coaching-program', 'coachingPrograms');

const session = (q: string, kind: string) =>
  contributionBuilder()
    .add(q, counterName.total('coachingSessions'))
    .add(q, counterName.cell('coachingSessions', 'kind', kind))
    .build();

/**
 * A coaching session on its date: a group's (`CGROUP#…`) or a Sisi Kwa Sisi coaching's
 * (`COACHING#…`); both kinds of item are `coaching-session`, their partition tells them apart.
 */
export const coachingSessionModule: ContributionModule = {
  entity: 'coaching-session',
  contribute(item) {
    const parsed = dated.safeParse(item);
    const pk = String(item.PK ?? '');
    const kind = pk.startsWith('CGROUP#')
      ? 'group'
      : pk.startsWith('COACHING#')
        ? 'sisi-kwa-sisi'
        : undefined;
    if (!parsed.success || !kind) return emptyContribution();
    return session(quarterOf(parsed.data.date), kind);
  },
};

/** A session of a coaching program's pair, on its date. */
export const pairSessionModule: ContributionModule = {
  entity: 'coaching-program-session',
  contribute(item) {
    const parsed = dated.safeParse(item);
    if (!parsed.success) return emptyContribution();
    return session(quarterOf(parsed.data.date), 'pair');
  },
};

const round = z.object({
  createdAt: z.string(),
  startDate: z.string().optional(),
  pairs: z.array(z.unknown()),
});

/** A round of a program's pairs: its pairs, in the quarter the round starts (fixed pairs: made). */
export const coachingRoundModule: ContributionModule = {
  entity: 'coaching-program-round',
  contribute(item) {
    const parsed = round.safeParse(item);
    if (!parsed.success) return emptyContribution();
    const q = quarterOf(parsed.data.startDate ?? parsed.data.createdAt);
    return contributionBuilder()
      .add(q, counterName.total('coachingPairs'), parsed.data.pairs.length)
      .build();
  },
};
