/** Why a relationship ends early: the toolkit's list (001 "Closure"), plus "other". */
export const prematureReasons = [
  'organizational-change',
  'loss-of-interest',
  'unmet-expectations',
  'changed-circumstances',
  'mismatch',
  'other',
] as const;
export type PrematureReason = (typeof prematureReasons)[number];
