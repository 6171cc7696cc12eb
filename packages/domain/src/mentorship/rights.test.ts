import { describe, expect, it } from 'vitest';
import { rightsAndResponsibilities, rightsHeadings } from './rights.ts';

describe('rightsAndResponsibilities', () => {
  const { mentee, mentor, version } = rightsAndResponsibilities;

  it('is versioned, since acceptances record which text was accepted', () => {
    expect(version).toBe('001-p9-v1');
  });

  it('has the four lists of the p. 9 table, without repeats', () => {
    expect([
      mentee.rights.length,
      mentee.responsibilities.length,
      mentor.rights.length,
      mentor.responsibilities.length,
    ]).toEqual([6, 4, 6, 5]);
    const all = [
      ...mentee.rights,
      ...mentee.responsibilities,
      ...mentor.rights,
      ...mentor.responsibilities,
    ];
    expect(new Set(all).size).toBe(all.length);
    for (const line of all) expect(line).toMatch(/^You (have the right|are (not )?expected)/);
  });

  it('lets either side decline to work with the other', () => {
    expect(mentee.rights).toContain(
      'You have the right to decline to work with any mentor with whom you feel uncomfortable.',
    );
    expect(mentor.rights).toContain(
      'You have the right to decline to work with any mentee with whom you feel uncomfortable.',
    );
  });

  it('names the four headings of the table', () => {
    expect(Object.values(rightsHeadings)).toEqual([
      'Mentee Rights',
      'Mentee Responsibilities',
      'Mentor Rights',
      'Mentor Responsibilities',
    ]);
  });
});
