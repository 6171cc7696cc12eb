/** What a new Sisi Kwa Sisi coaching plan starts from: the peer's needs assessment. */
import type { CoachingView } from '@sisi/domain';

const PRIORITY_ORDER = ['high', 'medium', 'low'];

/**
 * A new plan's skills from the needs assessment, most needed first: one row per skill to
 * reinforce, or per area when it names none. The dates are the pair's to agree.
 */
export function skillsFromAssessment(
  assessment: CoachingView['needsAssessment'],
): { area: string; skill: string }[] {
  const areas = [...(assessment?.areas ?? [])].sort(
    (a, b) => PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority),
  );
  return areas
    .flatMap((n) =>
      n.skills.length
        ? n.skills.map((skill) => ({ area: n.area, skill }))
        : [{ area: n.area, skill: '' }],
    )
    .slice(0, 20);
}
