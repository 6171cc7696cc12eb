import { describe, expect, it } from 'vitest';
import { needlePattern } from './eraser.ts';

const scrub = (text: string, needles: string[]) => {
  const pattern = needlePattern(needles);
  return pattern ? text.replace(pattern, '«gone»') : text;
};

describe('needlePattern', () => {
  it('finds a name case- and accent-blind, as it is typed and as sort keys keep it', () => {
    const needles = ['Zéphyrine Quixote'];
    expect(scrub('By ZÉPHYRINE QUIXOTE on Monday', needles)).toBe('By «gone» on Monday');
    expect(scrub('zephyrine quixote#p1', needles)).toBe('«gone»#p1');
  });

  it('finds an email in any case', () => {
    expect(scrub('to: ZQ@Example.org', ['zq@example.org'])).toBe('to: «gone»');
  });

  it('leaves a name that is part of a longer word', () => {
    expect(scrub('Banana Ana', ['Ana'])).toBe('Banana «gone»');
  });

  it('replaces the longest needle first, and skips needles under three characters', () => {
    expect(scrub('Ana Maria and Ana', ['Ana', 'Ana Maria'])).toBe('«gone» and «gone»');
    expect(needlePattern(['Al', ' ', ''])).toBeUndefined();
  });
});
