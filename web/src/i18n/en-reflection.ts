/**
 * The English strings of the mid-term and end screens: the reflection questionnaire (001
 * Annex 6) with its anonymity notice, pooled results and comparison view, and the evaluation
 * forms (001 Annex 7) side by side. Registered into the SPA's i18next instance when a screen
 * that needs them loads, so the first page does not carry them. The forms' own words are the
 * source's and come from `@sisi/domain`; `tPaper` looks them up under `paperTexts.<id>`
 * first, so another language can translate them by id.
 *
 * Everything lives under one root key, `reflection`, so it never collides with the others.
 */
import type { TOptions } from 'i18next';
import { addCatalog, i18n, type MessageKey } from './index.ts';
import type { Leaves } from './keys.ts';

export const enReflection = {
  reflection: {
    links: {
      reflection: 'Reflection questionnaire (mid-term)',
      evaluation: 'Evaluation forms (end)',
    },
    print: 'Print',
    printHint: 'Prints this page as you see it.',
    blank: 'Blank questionnaire, to print',
    blankEvaluation: 'Blank evaluation form, to print',
    backFromBlank: 'Back to the questionnaire',
    backFromBlankEvaluation: 'Back to the evaluation forms',
    annex: '{{annex}}: {{title}}',
    sides: { mentor: 'Mentor side', mentee: 'Mentee side' },
    title: 'Reflection questionnaire',
    intro:
      'At mid-term, each person of the mentorship answers once, on their own. The answers are pooled per side (the mentor organization; the mentee organizations together) and the two sides then compare.',
    notice: {
      heading: 'How anonymous your answer is',
      stored:
        'Your name is not stored with your answers, and neither is the time you answer. Only the fact that you answered is recorded, so that nobody answers twice.',
      side: 'You answer for the {{side}}. People on it who can answer: {{possible}}. Answered so far: {{answered}}.',
      'only-respondent':
        'You are the only person on the {{side}} who can answer. Its results will be your answers alone, and everyone who sees this mentorship will know they are yours.',
      first:
        'Your side’s results stay hidden until at least 3 people on it have answered, so that nobody can work out another person’s answers from them.',
      pooled: 'Your answers will be pooled with those of the others on your side.',
      comments:
        'Comments are shown word for word to everyone who sees the mentorship: leave out anything that would tell who wrote them.',
    },
    form: {
      submit: 'Send my answers',
      submitting: 'Sending…',
      sent: 'Thank you: your answers are in.',
      alreadyAnswered: 'You have already answered this questionnaire: nothing was sent again.',
      comments: 'Comments (optional)',
    },
    notRespondent:
      'The coordinators and participants of the mentorship’s organizations answer this questionnaire. You can read the pooled results.',
    answered: 'You have answered this questionnaire. Thank you.',
    results: {
      heading: 'Results by side',
      summary: '{{answered}} of {{possible}} people answered.',
      withheld:
        'Shown once 3 people on this side have answered: with fewer, one person’s answers could be worked out from the results.',
      none: 'Nobody on this side has answered yet.',
      byOption: 'Answers by option',
      average: 'Average {{mean}} of 5',
      noAverage: 'No average',
      dontKnow: 'Don’t know: {{count}}',
      optionCount: '{{option}}: {{count}}',
      commentsHeading: 'Comments',
      noComments: 'No comments.',
    },
    comparison: {
      heading: 'Where the two sides agree and disagree',
      purpose:
        'The point is not to find fault or to score high, but to celebrate where you both agree you are strong, make corrections where you both agree you are weak, and understand each other where you disagree.',
      rule: 'How each question is marked: every answer counts from 5 (the strongest answer of its scale) to 1 (the weakest); for yes/no questions 5 for the good answer (a benefit received, a drawback not experienced) and 1 for the other; “don’t know” is not counted. The averages of the two sides are then compared:',
      ruleStrong: 'Both strong: both averages are {{strong}} or more.',
      ruleWeak: 'Both weak: both averages are below {{weak}}.',
      ruleDisagree:
        'Disagree: one side strong and the other weak, or the averages {{apart}} or more apart.',
      ruleMixed: 'Mixed: anything else.',
      ruleNotEnough:
        'Not enough answers: a side’s results are not shown yet, or it gave no answer but “don’t know”.',
      tally:
        'Both strong: {{strong}}. Both weak: {{weak}}. Disagree: {{disagree}}. Mixed: {{mixed}}. Not enough answers: {{notEnough}}.',
      verdictLabel: 'Comparison:',
      verdicts: {
        'agree-strong': 'Both strong',
        'agree-weak': 'Both weak',
        disagree: 'Disagree',
        mixed: 'Mixed',
        'not-enough-answers': 'Not enough answers',
      },
      sideAverage: '{{side}}: {{value}}',
      noValue: 'no average',
    },
    paper: {
      name: 'Name: not to be written (the questionnaire is anonymous)',
      commentsLines: 'Lines for comments',
      answerLines: 'Lines for the answer',
      checked: 'Marked:',
    },
  },
  evaluation: {
    title: 'Evaluation forms',
    intro:
      'At the end, each organization of the mentorship fills its own form. Once signed, the forms are shown side by side for the organizations to compare.',
    roles: { mentor: 'Mentor organization', mentee: 'Mentee organization' },
    statuses: {
      'not-started': 'Not started',
      draft: 'Being filled in: shown to the others once signed',
      signed: 'Signed',
    },
    signedBy: 'Signed by {{name}} on {{date}}',
    sideBySide: 'The forms side by side',
    sideBySideHint: 'Each question with every organization’s answer.',
    nothingToCompare: 'No organization has signed its form yet.',
    notAnswered: 'Not answered',
    fill: {
      heading: 'The form of {{organization}}',
      choose: 'Fill in the form of',
      notYours:
        'An organization’s coordinator, or a network admin, fills its evaluation form. You can read the signed forms below.',
      signedFinal: 'This form is signed and can no longer change.',
      signHint:
        'To sign, type your name and the date. A signed form is final and is shown to everyone who sees the mentorship; signing needs answers to questions 4, 5, 6, 8 and the first four rows of question 13.',
      signatureName: 'Name',
      save: 'Save',
      saving: 'Saving…',
      saved: 'Evaluation form saved.',
      conflict:
        'Someone else saved this form meanwhile. Reload it to see their version; your changes are kept aside.',
      yes: 'Yes',
      no: 'No',
      details: 'Details',
      otherArea: 'Other technical area',
      otherAchievements: 'Other achievements: which?',
      hoursHint: 'Hours, to the quarter hour (e.g. 6.5).',
      costAmount: 'Amount',
      costCurrency: 'Currency',
      costCurrencyHint: 'Its three-letter code, e.g. USD, KES or PEN.',
      cost: '{{amount}} {{currency}}',
      hours: '{{hours}} hours',
      notANumber: 'must be a number',
      resultsHint: 'One answer per row.',
      matchedForValue: '{{count}} months',
    },
  },
} as const;

/** Every key of this catalog, e.g. `'reflection.notice.heading'`. */
export type ReflectionMessageKey = Leaves<typeof enReflection>;
export type ReflectionTranslate = (
  key: ReflectionMessageKey | MessageKey,
  options?: TOptions,
) => string;

// Registered once, when the first screen that imports this module loads.
const tr = addCatalog<ReflectionTranslate>(enReflection, 'reflection.notice.heading');

/** The translate function of the mid-term and end screens: this catalog's keys and the main one's. */
export function useReflectionT(): ReflectionTranslate {
  return tr;
}

/** A text of Annex 6 or 7: its translation by id when a catalog has one, else the paper's. */
export function tPaper(id: string, text: string): string {
  return i18n.t(`paperTexts.${id}`, { defaultValue: text }) as string;
}
