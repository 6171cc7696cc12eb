/**
 * The safety and security check before a face-to-face gathering (001: "Violence, Safety,
 * and Security", p. 10; the COP, study tour, exchange visit and exchange event sections).
 * Key populations are criminalized in many countries, so the API refuses (422) to schedule
 * a gathering approach until every item is done; the schema itself accepts an unfinished
 * check so that it can be saved while it is being worked through.
 */
import { z } from 'zod';
import { isoDateSchema } from '../common.ts';
import { approachById } from './approaches.ts';
import type { ApproachId } from './matrix.ts';
import { approachIdSchema } from './mentorship.ts';

export interface SafetyChecklistItem {
  id: string;
  text: string;
  /** Where 001 says it, for reviewers and for a "why is this asked" link. */
  source: string;
}

export const safetyChecklist = [
  {
    id: 'participants-safety',
    text: "In preparing any mentoring activity (e.g., a study tour, site visit, or community of practice), it is essential to ensure participants' safety and security.",
    source: '001 p. 10, “Violence, Safety, and Security”',
  },
  {
    id: 'hostile-environment',
    // The source says "disrupt the COP"; the same caution is asked of every gathering.
    text: 'Be mindful about gathering groups of key populations in hostile environments that may disrupt the gathering or even expose participants to violence and abuse.',
    source: '001 p. 24, Community of Practice, “Other Considerations”',
  },
  {
    id: 'law-enforcement',
    text: 'Consider consulting with and/or sensitizing law enforcement officials before proceeding with a highly visible mentoring activity.',
    source: '001 p. 10, “Violence, Safety, and Security”',
  },
] as const satisfies readonly SafetyChecklistItem[];
export type SafetyChecklistId = (typeof safetyChecklist)[number]['id'];
export const safetyChecklistIdSchema = z.enum(
  safetyChecklist.map((i) => i.id) as [SafetyChecklistId, ...SafetyChecklistId[]],
);

export const safetyItemSchema = z
  .object({ done: z.boolean(), note: z.string().trim().max(2000).optional() })
  .strict();

export const gatheringSchema = z
  .object({
    approach: approachIdSchema,
    title: z.string().trim().min(1, 'is required').max(200),
    date: isoDateSchema,
    location: z.string().trim().max(200).optional(),
    safety: z.partialRecord(safetyChecklistIdSchema, safetyItemSchema).optional(),
  })
  .strict();
export type Gathering = z.output<typeof gatheringSchema>;

/**
 * Whether the approach brings key-population participants together face to face, so
 * that it needs the safety check.
 *
 * @example isGathering('study-tour') // true
 * @example isGathering('telementoring') // false
 */
export function isGathering(approach: ApproachId): boolean {
  return approachById[approach].gathering;
}

/**
 * The checklist items not yet done, in checklist order (what a 422 names).
 *
 * @example
 * missingSafetyItems({ safety: { 'participants-safety': { done: true } } })
 * // ['hostile-environment', 'law-enforcement']
 */
export function missingSafetyItems(gathering: Pick<Gathering, 'safety'>): SafetyChecklistId[] {
  return safetyChecklist
    .map((item) => item.id)
    .filter((id) => gathering.safety?.[id]?.done !== true);
}

/**
 * Whether every safety checklist item is done. It does not look at the approach: callers
 * ask `isGathering` first, so a telementoring call is never held up by it.
 *
 * @example
 * safetyCheckComplete({ safety: {
 *   'participants-safety': { done: true },
 *   'hostile-environment': { done: true },
 *   'law-enforcement': { done: true, note: 'Met the district police liaison' },
 * } }) // true
 */
export function safetyCheckComplete(gathering: Pick<Gathering, 'safety'>): boolean {
  return missingSafetyItems(gathering).length === 0;
}
