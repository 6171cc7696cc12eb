import { z } from 'zod';
import { counterName } from '../catalog.ts';
import { contributionBuilder, emptyContribution } from '../contribution.ts';
import { addDays, quarterOf } from '../quarter.ts';
import type { ContributionModule } from './module.ts';

/** A report is on time when submitted by its review date + 14 days (the reminder's day). */
export const ON_TIME_DAYS = 14;
/** A report still missing on its review date + 28 days (the escalation) counts as missing. */
export const MISSING_AFTER_DAYS = 28;

const reportShape = z.object({
  dueDate: z.string(),
  submittedAt: z.string(),
  totalHours: z.number().default(0),
});

/**
 * A quarterly report counts in the quarter of its review date (`dueDate`): on time or late,
 * one submission for that date (so "missing" can be told when read), and its interaction
 * hours, over one report.
 */
export const quarterlyReportModule: ContributionModule = {
  entity: 'quarterly-report',
  contribute(item) {
    const parsed = reportShape.safeParse(item);
    if (!parsed.success) return emptyContribution();
    const r = parsed.data;
    const due = r.dueDate.slice(0, 10);
    const q = quarterOf(due);
    const onTime = r.submittedAt.slice(0, 10) <= addDays(due, ON_TIME_DAYS);
    const b = contributionBuilder()
      .add(q, counterName.cell('quarterlyReports', 'status', onTime ? 'on-time' : 'late'))
      .add(q, counterName.submitted(due));
    if (r.totalHours > 0) {
      b.add(q, counterName.total('interactionHours'), r.totalHours).add(
        q,
        counterName.support('interactionHours'),
      );
    }
    return b.build();
  },
};

const gatheringShape = z.object({ date: z.string() });

/** A mentoring event (a gathering) counts in the quarter of its date. */
export const gatheringModule: ContributionModule = {
  entity: 'gathering',
  contribute(item) {
    const parsed = gatheringShape.safeParse(item);
    if (!parsed.success) return emptyContribution();
    const q = quarterOf(parsed.data.date);
    return contributionBuilder()
      .add(q, counterName.total('events'))
      .add(q, counterName.cell('events', 'kind', 'gathering'))
      .build();
  },
};
