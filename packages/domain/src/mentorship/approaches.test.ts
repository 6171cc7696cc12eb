import { describe, expect, it } from 'vitest';
import { approachById, approaches, approachScenarios } from './approaches.ts';
import { approachIds } from './matrix.ts';

describe('approaches', () => {
  it('are the nine approaches, in approachIds order, ids unique', () => {
    expect(approaches).toHaveLength(9);
    expect(approaches.map((a) => a.id)).toEqual([...approachIds]);
    expect(new Set(approaches.map((a) => a.name)).size).toBe(9);
  });

  it('flag exactly the five face-to-face gatherings', () => {
    expect(approaches.filter((a) => a.gathering).map((a) => a.id)).toEqual([
      'on-site',
      'community-of-practice',
      'study-tour',
      'exchange-visit',
      'exchange-event',
    ]);
  });

  it('have a definition, when-to-use conditions, a virtual answer and scenarios', () => {
    for (const a of approaches) {
      expect(a.definition, a.id).toMatch(/^An approach where /);
      expect(a.whenToUse.length, a.id).toBeGreaterThan(0);
      expect(new Set(a.whenToUse).size, a.id).toBe(a.whenToUse.length);
      expect(['yes', 'no', 'partly']).toContain(a.virtual);
      // The note is the table's own answer, so it starts with its yes or no.
      expect(a.virtualNote, a.id).toMatch(a.virtual === 'yes' ? /^Yes/ : /^No/);
      expect(a.scenarios.length, a.id).toBeGreaterThan(0);
      for (const s of a.scenarios) expect(approachScenarios).toContain(s);
    }
  });

  it('keep the scenarios of the summary table', () => {
    const scenarios = Object.fromEntries(approaches.map((a) => [a.id, a.scenarios]));
    expect(scenarios).toEqual({
      'on-site': ['one-to-one'],
      twinning: ['one-to-many'],
      'community-of-practice': ['one-to-many'],
      'study-tour': ['one-to-one', 'one-to-many'],
      'exchange-visit': ['one-to-many'],
      'exchange-event': ['one-to-many'],
      'internship-shadowing': ['one-to-one'],
      'resource-referral': ['one-to-one', 'one-to-many'],
      telementoring: ['one-to-one'],
    });
  });

  it('are found by id', () => {
    for (const id of approachIds) expect(approachById[id].id).toBe(id);
    expect(approachById.telementoring.virtual).toBe('yes');
    expect(approachById['study-tour'].virtual).toBe('no');
    expect(approachById['internship-shadowing'].virtual).toBe('partly');
  });
});
