/**
 * The approach decision-making matrix of 001, page 40, transcribed in DOMAIN.md: six
 * questions, one answer each; an approach scores one point per answer it is marked for.
 */

export const approachIds = [
  'on-site',
  'twinning',
  'community-of-practice',
  'study-tour',
  'exchange-visit',
  'exchange-event',
  'internship-shadowing',
  'resource-referral',
  'telementoring',
] as const;
export type ApproachId = (typeof approachIds)[number];

export const matrixQuestions = {
  organizations: ['one', 'several'],
  areas: ['one', 'multiple'],
  experience: ['yes', 'no'],
  travelBudget: ['yes', 'no'],
  term: ['long', 'short'],
  internet: ['yes', 'no'],
} as const;
export type MatrixQuestion = keyof typeof matrixQuestions;
export type MatrixAnswers = { [Q in MatrixQuestion]: (typeof matrixQuestions)[Q][number] };

type Marks = {
  [Q in MatrixQuestion]: { [A in (typeof matrixQuestions)[Q][number]]: ApproachId[] };
};

/** Which approaches each answer is marked for (columns TW ST COP OS TM IS RR PLE EV). */
export const matrixMarks: Marks = {
  organizations: {
    one: ['on-site', 'telementoring', 'internship-shadowing', 'resource-referral'],
    several: [
      'twinning',
      'study-tour',
      'community-of-practice',
      'exchange-event',
      'exchange-visit',
    ],
  },
  areas: {
    one: ['study-tour', 'resource-referral', 'exchange-event', 'exchange-visit'],
    multiple: ['twinning', 'on-site'],
  },
  experience: {
    yes: ['twinning'],
    no: [
      'twinning',
      'study-tour',
      'on-site',
      'internship-shadowing',
      'resource-referral',
      'exchange-event',
    ],
  },
  travelBudget: {
    yes: [
      'twinning',
      'study-tour',
      'community-of-practice',
      'on-site',
      'internship-shadowing',
      'exchange-event',
      'exchange-visit',
    ],
    no: ['telementoring', 'resource-referral'],
  },
  term: {
    long: [
      'twinning',
      'community-of-practice',
      'on-site',
      'telementoring',
      'internship-shadowing',
      'exchange-visit',
    ],
    short: ['study-tour', 'resource-referral', 'exchange-event', 'exchange-visit'],
  },
  internet: {
    yes: ['twinning', 'study-tour', 'telementoring'],
    no: [
      'study-tour',
      'on-site',
      'internship-shadowing',
      'resource-referral',
      'exchange-event',
      'exchange-visit',
    ],
  },
};

export interface RankedApproach {
  approach: ApproachId;
  score: number;
  /** The answers that earned a point, as `question:answer`, in question order. */
  reasons: string[];
}

/**
 * The nine approaches ranked by score, highest first; ties keep the order of
 * `approachIds` so the answer is stable.
 *
 * @example
 * rankApproaches({ organizations: 'one', areas: 'multiple', experience: 'no',
 *   travelBudget: 'yes', term: 'long', internet: 'no' })[0] // { approach: 'on-site', score: 6, … }
 */
export function rankApproaches(answers: MatrixAnswers): RankedApproach[] {
  const ranked = approachIds.map((approach) => {
    const reasons: string[] = [];
    for (const question of Object.keys(matrixQuestions) as MatrixQuestion[]) {
      const answer = answers[question];
      const marked = (matrixMarks[question] as Record<string, ApproachId[]>)[answer] ?? [];
      if (marked.includes(approach)) reasons.push(`${question}:${answer}`);
    }
    return { approach, score: reasons.length, reasons };
  });
  return ranked.sort(
    (a, b) =>
      b.score - a.score || approachIds.indexOf(a.approach) - approachIds.indexOf(b.approach),
  );
}
