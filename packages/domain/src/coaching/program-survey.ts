/**
 * The participant survey of a peer coaching program (zod-free). Seed 002's "Monitoring and
 * Evaluation" says to "use tools and surveys to collect data and feedback from
 * participants" and to review "program outcomes and participant feedback"; it gives no
 * questions. Ours ask, statement by statement, whether the program delivers what 002 says
 * peer coaching offers (its second paragraph), plus three we added: confidentiality kept,
 * the pairing suited, and an open question for iterative improvement.
 */

import { MIN_AGGREGATE_COUNT } from './program-assessment.ts';
import type { Wording } from './program-content.ts';

export interface SurveyQuestion {
  id: string;
  text: string;
  kind: 'agreement' | 'text';
  wording: Wording;
  /** The source's sentence it rests on, verbatim; absent for the questions we added. */
  basis?: string;
}

const BENEFITS =
  'For individuals, it provides a platform for self-reflection, skill enhancement, and personal growth.';

export const programSurveyQuestions = [
  {
    id: 'self-reflection',
    text: 'Peer coaching gave me a platform for self-reflection.',
    kind: 'agreement',
    wording: 'derived',
    basis: BENEFITS,
  },
  {
    id: 'skills',
    text: 'Peer coaching helped me improve my skills.',
    kind: 'agreement',
    wording: 'derived',
    basis: BENEFITS,
  },
  {
    id: 'problems',
    text: 'Peer coaching helped me solve problems in my work.',
    kind: 'agreement',
    wording: 'derived',
    basis:
      'Peer coaching is a collaborative and reciprocal process where colleagues at similar levels in an organization help each other improve their skills, solve problems, and achieve personal and professional growth.',
  },
  {
    id: 'growth',
    text: 'Peer coaching supported my personal and professional growth.',
    kind: 'agreement',
    wording: 'derived',
    basis: BENEFITS,
  },
  {
    id: 'team',
    text: 'Peer coaching strengthened collaboration, trust and mutual support in my team.',
    kind: 'agreement',
    wording: 'derived',
    basis:
      'At the team level, peer coaching promotes collaboration, trust, and mutual support, leading to stronger team dynamics.',
  },
  {
    id: 'learning-culture',
    text: 'The program fosters a culture of continuous learning and development in our organization.',
    kind: 'agreement',
    wording: 'derived',
    basis:
      'For the organization, it fosters a culture of continuous learning and development, aligning with strategic goals and improving overall performance.',
  },
  {
    id: 'confidentiality',
    text: 'I trusted that what I shared in coaching stayed confidential.',
    kind: 'agreement',
    wording: 'derived',
  },
  {
    id: 'pairing',
    text: 'The way peers were paired suited me.',
    kind: 'agreement',
    wording: 'derived',
  },
  {
    id: 'improve',
    text: 'What would make the program better?',
    kind: 'text',
    wording: 'derived',
  },
] as const satisfies readonly SurveyQuestion[];

export type SurveyQuestionId = (typeof programSurveyQuestions)[number]['id'];
export const agreementQuestionIds = programSurveyQuestions
  .filter((q) => q.kind === 'agreement')
  .map((q) => q.id) as Exclude<SurveyQuestionId, 'improve'>[];
export type AgreementQuestionId = Exclude<SurveyQuestionId, 'improve'>;

/** The five-point agreement scale (ours). */
export const agreementScale = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Neither agree nor disagree' },
  { value: 4, label: 'Agree' },
  { value: 5, label: 'Strongly agree' },
] as const;

export interface SurveyAnswersLike {
  answers: Partial<Record<AgreementQuestionId, number>>;
  improve?: string;
}

export interface SurveyQuestionResult {
  questionId: AgreementQuestionId;
  /** Answers given (a question may be skipped). */
  count: number;
  /** Answers per scale value 1-5 (index 0 is value 1); absent when results are withheld. */
  distribution?: number[];
  mean?: number;
}

export interface SurveyResults {
  round: number;
  participants: number;
  responses: number;
  /** responses / participants, 0-1, two decimals; 0 with no participant. */
  responseRate: number;
  /** True while fewer than `MIN_AGGREGATE_COUNT` answered: counts only. */
  withheld: boolean;
  questions: SurveyQuestionResult[];
  /** The open answers, sorted (their order must not tell who wrote what). */
  comments: string[];
}

/**
 * The results of one survey round over a program, never per person: counts always, the
 * distributions, means and comments only from `MIN_AGGREGATE_COUNT` responses.
 *
 * @example
 * surveyResults(1, 10, responses).responseRate // e.g. 0.4
 */
export function surveyResults(
  round: number,
  participants: number,
  responses: readonly SurveyAnswersLike[],
): SurveyResults {
  const withheld = responses.length < MIN_AGGREGATE_COUNT;
  const questions = agreementQuestionIds.map((questionId): SurveyQuestionResult => {
    const values = responses.flatMap((r) => {
      const v = r.answers[questionId];
      return v === undefined ? [] : [v];
    });
    if (withheld) return { questionId, count: values.length };
    const distribution = [1, 2, 3, 4, 5].map((v) => values.filter((x) => x === v).length);
    return {
      questionId,
      count: values.length,
      distribution,
      ...(values.length
        ? { mean: Math.round((values.reduce((s, x) => s + x, 0) / values.length) * 100) / 100 }
        : {}),
    };
  });
  return {
    round,
    participants,
    responses: responses.length,
    responseRate: participants ? Math.round((responses.length / participants) * 100) / 100 : 0,
    withheld,
    questions,
    comments: withheld
      ? []
      : responses
          .flatMap((r) => (r.improve?.trim() ? [r.improve.trim()] : []))
          .sort((a, b) => a.localeCompare(b)),
  };
}
