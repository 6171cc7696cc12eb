import { z } from 'zod';
import { counterName } from '../catalog.ts';
import { contributionBuilder, emptyContribution } from '../contribution.ts';
import { quarterOf } from '../quarter.ts';
import { type ContributionModule, mentorshipIdOf } from './module.ts';

const mentorshipShape = z.object({
  startDate: z.string(),
  stage: z.string(),
  type: z.string(),
  approaches: z.array(z.string()).default([]),
  schedule: z.object({ quarterlyReviews: z.array(z.string()) }),
  ending: z.object({ endedAt: z.string() }).optional(),
});

/**
 * A mentorship counts in the quarter of its start date, by its current stage, its type and
 * each approach of its plan. It also says which quarterly reviews are due: each date of its
 * schedule, but none after it ended (the lifecycle asks for no report then).
 */
export const mentorshipModule: ContributionModule = {
  entity: 'mentorship',
  contribute(item) {
    const parsed = mentorshipShape.safeParse(item);
    if (!parsed.success) return emptyContribution();
    const m = parsed.data;
    const q = quarterOf(m.startDate);
    const b = contributionBuilder()
      .add(q, counterName.total('mentorships'))
      .add(q, counterName.cell('mentorships', 'stage', m.stage))
      .add(q, counterName.cell('mentorships', 'type', m.type));
    for (const a of new Set(m.approaches)) b.add(q, counterName.cell('mentorships', 'approach', a));
    const endedOn = m.ending?.endedAt.slice(0, 10);
    for (const due of m.schedule.quarterlyReviews) {
      if (endedOn && due > endedOn) continue;
      b.add(quarterOf(due), counterName.due(due));
    }
    return b.build();
  },
};

const planShape = z.object({
  content: z.object({ technicalAreas: z.array(z.string()).default([]) }),
});

/**
 * The mentoring plan adds its technical areas of focus to its mentorship, in the quarter
 * the mentorship started (a fact that never changes, looked up by the rollup).
 */
export const mentoringPlanModule: ContributionModule = {
  entity: 'mentorship-plan',
  mentorshipsNeeded: (item) => {
    const id = mentorshipIdOf(item);
    return id ? [id] : [];
  },
  contribute(item, facts) {
    const id = mentorshipIdOf(item);
    const plan = planShape.safeParse(item);
    const start = id ? facts.mentorship(id)?.startDate : undefined;
    if (!plan.success || !start) return emptyContribution();
    const q = quarterOf(start);
    const b = contributionBuilder();
    for (const area of new Set(plan.data.content.technicalAreas)) {
      b.add(q, counterName.cell('mentorships', 'technicalArea', area));
    }
    return b.build();
  },
};
