/**
 * The five stages of 001 "The Mentoring Process". Not linear: a relationship may go back
 * to any earlier stage; forward it moves one stage at a time; ending has its own route.
 */
export const stages = [
  'build-relationship',
  'identify-expectations',
  'manage-process',
  'monitor',
  'end',
] as const;
export type Stage = (typeof stages)[number];

export type StageMoveVerdict =
  | { ok: true }
  | {
      ok: false;
      reason: 'same-stage' | 'skips-stages' | 'use-end' | 'ended' | 'agreements-missing';
    };

/**
 * Whether a mentorship in `from` may move to `to` through the stage route.
 *
 * @example canMoveStage('manage-process', 'build-relationship', true) // { ok: true }
 * @example canMoveStage('build-relationship', 'manage-process', true) // skips-stages
 */
export function canMoveStage(from: Stage, to: Stage, everyoneAgreed: boolean): StageMoveVerdict {
  if (from === 'end') return { ok: false, reason: 'ended' };
  if (to === 'end') return { ok: false, reason: 'use-end' };
  const a = stages.indexOf(from);
  const b = stages.indexOf(to);
  if (a === b) return { ok: false, reason: 'same-stage' };
  if (b > a + 1) return { ok: false, reason: 'skips-stages' };
  if (from === 'build-relationship' && !everyoneAgreed)
    return { ok: false, reason: 'agreements-missing' };
  return { ok: true };
}
