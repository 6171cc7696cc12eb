import { describe, expect, it } from 'vitest';
import { approaches } from './approaches.ts';
import { approachIds } from './matrix.ts';
import {
  gatheringSchema,
  isGathering,
  missingSafetyItems,
  safetyCheckComplete,
  safetyChecklist,
} from './safety.ts';

const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.join('.'));

const allDone = Object.fromEntries(safetyChecklist.map((i) => [i.id, { done: true }]));

describe('safetyChecklist', () => {
  it('names the hostile environment, law enforcement and participants’ safety', () => {
    expect(safetyChecklist.map((i) => i.id)).toEqual([
      'participants-safety',
      'hostile-environment',
      'law-enforcement',
    ]);
    for (const item of safetyChecklist) {
      expect(item.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(item.text.length).toBeGreaterThan(0);
      expect(item.source).toMatch(/^001 p\. \d+/);
    }
  });
});

describe('isGathering', () => {
  it('is true exactly for the five face-to-face approaches', () => {
    expect(approachIds.filter(isGathering)).toEqual([
      'on-site',
      'community-of-practice',
      'study-tour',
      'exchange-visit',
      'exchange-event',
    ]);
    for (const a of approaches) expect(isGathering(a.id)).toBe(a.gathering);
  });
});

describe('safetyCheckComplete', () => {
  it('is true only when every item is done', () => {
    expect(safetyCheckComplete({ safety: allDone })).toBe(true);
    expect(
      safetyCheckComplete({
        safety: { ...allDone, 'law-enforcement': { done: true, note: 'Met the police liaison' } },
      }),
    ).toBe(true);
  });

  it('is false when the check is missing, partial or has an item not done', () => {
    expect(safetyCheckComplete({})).toBe(false);
    expect(safetyCheckComplete({ safety: {} })).toBe(false);
    expect(safetyCheckComplete({ safety: { 'participants-safety': { done: true } } })).toBe(false);
    expect(
      safetyCheckComplete({ safety: { ...allDone, 'hostile-environment': { done: false } } }),
    ).toBe(false);
  });

  it('works on a parsed gathering', () => {
    const gathering = gatheringSchema.parse({
      approach: 'study-tour',
      title: 'Visit to the drop-in centre',
      date: '2025-05-12',
      safety: allDone,
    });
    expect(safetyCheckComplete(gathering)).toBe(true);
  });
});

describe('missingSafetyItems', () => {
  it('lists the items not done, in checklist order', () => {
    expect(missingSafetyItems({})).toEqual(safetyChecklist.map((i) => i.id));
    expect(
      missingSafetyItems({
        safety: { 'law-enforcement': { done: true }, 'participants-safety': { done: false } },
      }),
    ).toEqual(['participants-safety', 'hostile-environment']);
    expect(missingSafetyItems({ safety: allDone })).toEqual([]);
  });
});

describe('gatheringSchema', () => {
  const valid = { approach: 'community-of-practice', title: ' COP launch ', date: '2025-05-12' };

  it('accepts a gathering without its safety check yet, trimmed', () => {
    expect(gatheringSchema.parse(valid)).toEqual({ ...valid, title: 'COP launch' });
    expect(
      gatheringSchema.safeParse({ ...valid, location: 'Nairobi', safety: allDone }).success,
    ).toBe(true);
  });

  it.each([
    [{ approach: 'conference' }, 'approach'],
    [{ title: '  ' }, 'title'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ date: '2025-06-31' }, 'date'],
    [{ location: 'x'.repeat(201) }, 'location'],
    [{ safety: { 'police-bribed': { done: true } } }, 'safety'],
    [{ safety: { 'law-enforcement': { done: 'yes' } } }, 'safety.law-enforcement.done'],
    [{ safety: { 'law-enforcement': {} } }, 'safety.law-enforcement.done'],
    [
      { safety: { 'law-enforcement': { done: true, note: 'x'.repeat(2001) } } },
      'safety.law-enforcement.note',
    ],
    [{ attendees: 40 }, ''],
  ])('rejects %j at %j', (change, path) => {
    const result = gatheringSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(paths(result)).toEqual([path]);
  });
});
