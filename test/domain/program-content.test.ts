import { readFileSync } from 'node:fs';
import {
  type ConsentSection,
  coachingCompetencies,
  coachingConsentForm,
  programCoachingDefinition,
  programDesignElements,
  programSections,
  programSurveyQuestions,
  type SurveyQuestion,
  selectionCriteria,
} from '@sisi/domain/static';
import { describe, expect, it } from 'vitest';

/** Seed 002 (`../shared/seeds`), kept in the repository so the check runs in every clone. */
const seed = readFileSync(
  new URL('../fixtures/seeds/002_be95a82c9a906120.txt', import.meta.url),
  'utf8',
);

describe('peer coaching programs: seed 002 as data', () => {
  it('quotes the definition and every design element word for word', () => {
    expect(seed).toContain(programCoachingDefinition.text);
    for (const element of programDesignElements) expect(seed).toContain(element.text);
  });

  it('quotes, word for word, the sentence each derived text rests on', () => {
    for (const c of selectionCriteria) expect(seed).toContain(c.basis);
    for (const s of coachingConsentForm.sections as readonly ConsentSection[]) {
      if (s.basis) expect(seed).toContain(s.basis);
    }
    for (const c of coachingCompetencies) expect(seed).toContain(c.basis);
    for (const q of programSurveyQuestions as readonly SurveyQuestion[]) {
      if (q.basis) expect(seed).toContain(q.basis);
    }
  });

  it('follows the source’s headings in its order', () => {
    const positions = programSections.map((s) => seed.indexOf(s.title));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
