import { z } from 'zod';
import { reflectionForm, reflectionOption } from '../../monitoring/reflection-form.ts';
import { counterName, evaluationRowsCounted, reflectionGroup } from '../catalog.ts';
import { contributionBuilder, emptyContribution } from '../contribution.ts';
import { quarterOf } from '../quarter.ts';
import { type ContributionModule, mentorshipIdOf } from './module.ts';

const summaryReport = z.object({ meetingDate: z.string() });

/** A mentoring summary report (Annex 4): an event logged, on its meeting's date. */
export const summaryReportModule: ContributionModule = {
  entity: 'summary-report',
  contribute(item) {
    const parsed = summaryReport.safeParse(item);
    if (!parsed.success) return emptyContribution();
    const q = quarterOf(parsed.data.meetingDate);
    return contributionBuilder()
      .add(q, counterName.total('events'))
      .add(q, counterName.cell('events', 'kind', 'summary-report'))
      .build();
  },
};

const followUp = z.object({ meetingDate: z.string(), status: z.string() });

/** A follow-up action (Annex 4), by its status now, in the quarter of the meeting it came from. */
export const followUpActionModule: ContributionModule = {
  entity: 'follow-up-action',
  contribute(item) {
    const parsed = followUp.safeParse(item);
    if (!parsed.success) return emptyContribution();
    const q = quarterOf(parsed.data.meetingDate);
    return contributionBuilder()
      .add(q, counterName.total('followUpActions'))
      .add(q, counterName.cell('followUpActions', 'status', parsed.data.status))
      .build();
  },
};

const reflection = z.object({ answers: z.record(z.string(), z.string()) });

/**
 * An anonymous reflection questionnaire (Annex 6): per section, its mean strength (1-5, "don't
 * know" left out) and one questionnaire behind it. It carries no date, on purpose: it counts
 * in the quarter of its mentorship's mid-term review.
 */
export const reflectionAnswerModule: ContributionModule = {
  entity: 'reflection-answer',
  mentorshipsNeeded: (item) => {
    const id = mentorshipIdOf(item);
    return id ? [id] : [];
  },
  contribute(item, facts) {
    const parsed = reflection.safeParse(item);
    const id = mentorshipIdOf(item);
    const midTerm = id ? facts.mentorship(id)?.midTermReview : undefined;
    if (!parsed.success || !midTerm) return emptyContribution();
    const q = quarterOf(midTerm);
    const b = contributionBuilder();
    for (const section of reflectionForm.sections) {
      const scores = section.items.flatMap((it) => {
        const chosen = parsed.data.answers[it.id];
        const score = chosen === undefined ? null : reflectionOption(it, chosen)?.score;
        return typeof score === 'number' ? [score] : [];
      });
      if (!scores.length) continue;
      const group = reflectionGroup(section.id);
      b.add(q, counterName.total(group), scores.reduce((s, v) => s + v, 0) / scores.length).add(
        q,
        counterName.support(group),
      );
    }
    return b.build();
  },
};

const evaluation = z.object({
  signedAt: z.string().optional(),
  content: z.object({ results: z.record(z.string(), z.string()).default({}) }),
});

/**
 * A signed evaluation form (Annex 7), in the quarter it was signed: the answer of each row
 * of its results table. Drafts count for nothing; signing makes it final.
 */
export const evaluationModule: ContributionModule = {
  entity: 'mentorship-evaluation',
  contribute(item) {
    const parsed = evaluation.safeParse(item);
    if (!parsed.success || !parsed.data.signedAt) return emptyContribution();
    const q = quarterOf(parsed.data.signedAt);
    const b = contributionBuilder().add(q, counterName.total('evaluations'));
    for (const row of evaluationRowsCounted) {
      const answer = parsed.data.content.results[row];
      if (answer) b.add(q, counterName.cell('evaluations', row, answer));
    }
    return b.build();
  },
};
