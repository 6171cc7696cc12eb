import { z } from 'zod';
import { counterName } from '../catalog.ts';
import { contributionBuilder, emptyContribution } from '../contribution.ts';
import { quarterOf } from '../quarter.ts';
import type { ContributionModule } from './module.ts';

const shape = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  kpLed: z.boolean(),
  keyPopulations: z.array(z.string()),
  nameVisibleToDonors: z.boolean().optional(),
});

/** The label holding an opted-in organization's name. */
export const organizationLabel = (id: string) => `org:${id}`;

/**
 * An organization counts in the quarter it was onboarded (`createdAt`): by whether it is
 * KP-led and by each key population it serves. Its name is a label only when it opted in.
 */
export const organizationModule: ContributionModule = {
  entity: 'organization',
  contribute(item) {
    const org = shape.safeParse(item);
    if (!org.success) return emptyContribution();
    const o = org.data;
    const q = quarterOf(o.createdAt);
    const b = contributionBuilder()
      .add(q, counterName.total('organizations'))
      .add(q, counterName.cell('organizations', 'kpLed', o.kpLed ? 'yes' : 'no'));
    for (const kp of new Set(o.keyPopulations)) {
      b.add(q, counterName.cell('organizations', 'keyPopulation', kp));
    }
    if (o.nameVisibleToDonors) b.label(organizationLabel(o.id), o.name);
    return b.build();
  },
};
