/**
 * 001 Annex 7, "Mentorship Evaluation Form": its 18 questions, the technical areas and
 * activities to mark, the results table and the signature lines, word for word (capitals as
 * on the paper), in order, as data (zod-free, so the form screen and its print view render
 * from it as is). `field` names the property of `evaluationSchema` that holds each answer.
 *
 * Questions 7 and 8 are yes/no questions answered on lines: the app keeps a yes/no and the
 * lines (`followUp`). Each organization of the mentorship fills its own form; it is signed
 * on its side's line ("Mentor's Signature" or "Mentee's Signature").
 */
import type { ApproachId } from '../mentorship/matrix.ts';
import { type FormOption, quarterlyReportTechnicalAreas } from './quarterly-report-form.ts';

export interface EvaluationQuestion {
  /** The paper's number. */
  n: number;
  id: string;
  field: string;
  text: string;
  /** The lines under a yes/no question, with the paper's words when it has them. */
  followUp?: { field: string; text?: string };
}

/** "(Circle all applicable)": the paper's activities, as the approaches of the toolkit. */
export const evaluationActivities = [
  { id: 'on-site', label: 'ON-SITE MENTORING' },
  { id: 'twinning', label: 'TWINNING' },
  { id: 'community-of-practice', label: 'COMMUNITY OF PRACTICE' },
  { id: 'study-tour', label: 'STUDY TOUR/SITE VISIT' },
  { id: 'exchange-visit', label: 'EXCHANGE VISITS' },
  { id: 'internship-shadowing', label: 'INTERNSHIP/SHADOWING' },
  { id: 'resource-referral', label: 'RESOURCE REFERRAL' },
  { id: 'telementoring', label: 'TELEMENTORING' },
  { id: 'exchange-event', label: 'PEER EXCHANGE/WORKSHOP EVENT' },
] as const satisfies readonly FormOption<ApproachId>[];
export type EvaluationActivity = (typeof evaluationActivities)[number]['id'];

/** The columns of the results table (question 13). */
export const evaluationResultAnswers = [
  { id: 'true', label: 'TRUE' },
  { id: 'false', label: 'FALSE' },
  { id: 'did-not-need-changing', label: 'DID NOT NEED CHANGING (FINE TO BEGIN WITH)' },
  { id: 'dont-know', label: "DON'T KNOW" },
] as const satisfies readonly FormOption[];
export type EvaluationResultAnswer = (typeof evaluationResultAnswers)[number]['id'];

/** The rows of the results table: its bold title and the statement after it. */
export const evaluationResultRows = [
  {
    id: 'support',
    title: 'Support',
    text: 'Feels that s/he has enough support to do work better',
  },
  { id: 'empowerment', title: 'Empowerment', text: 'Feels he or she has more future options' },
  {
    id: 'services',
    title: 'Services',
    text: 'Feels he or she is able to provide better services to key populations',
  },
  {
    id: 'constructive-use-of-time',
    title: 'Constructive Use of Time',
    text: 'Is more effectively involved in more activities',
  },
  { id: 'other-achievements', title: 'Other Achievements', text: '' },
] as const satisfies readonly { id: string; title: string; text: string }[];
export type EvaluationResultRow = (typeof evaluationResultRows)[number]['id'];

/**
 * The whole form. `technicalAreas` are Annex 5's boxes (the same list and layout).
 *
 * @example
 * evaluationForm.questions.find((q) => q.n === 9)?.text
 * // 'On average, how many hours per month did you spend with your mentor/mentee?'
 */
export const evaluationForm = {
  annex: 'Annex 7',
  title: 'Mentorship Evaluation Form',
  instructionsHeading: 'Instructions',
  instructions:
    'This template is for reflection on a mentoring relationship once it is coming to a close. Mentors and mentees should both complete the form and compare their responses.',
  questions: [
    { n: 1, id: 'mentors', field: 'mentors', text: 'Who were the mentors?' },
    { n: 2, id: 'mentees', field: 'mentees', text: 'Who were the mentees?' },
    {
      n: 3,
      id: 'matched-for',
      field: 'matchedFor',
      text: 'How long have you been matched (years or months)?',
    },
    {
      n: 4,
      id: 'technical-areas',
      field: 'technicalAreas',
      text: 'What were the technical areas of focus for the mentorship?',
    },
    {
      n: 5,
      id: 'activities',
      field: 'activities',
      text: 'What were the main activities carried out during the mentorship? (Circle all applicable)',
    },
    {
      n: 6,
      id: 'intended-outcome',
      field: 'intendedOutcome',
      text: 'What was the original understanding about the intended outcome to be achieved?',
    },
    {
      n: 7,
      id: 'outcome-changed',
      field: 'outcomeChanged',
      text: 'Did this understanding change over time?',
      followUp: { field: 'outcomeChangedHow', text: 'If yes, how?' },
    },
    {
      n: 8,
      id: 'outcome-achieved',
      field: 'outcomeAchieved',
      text: 'Was the intended outcome achieved?',
      followUp: { field: 'outcomeAchievedDetails' },
    },
    {
      n: 9,
      id: 'hours-per-month',
      field: 'hoursPerMonth',
      text: 'On average, how many hours per month did you spend with your mentor/mentee?',
    },
    {
      n: 10,
      id: 'cost-to-date',
      field: 'costToDate',
      text: 'What has been the cost to date of the mentoring activity?',
    },
    {
      n: 11,
      id: 'doing-differently',
      field: 'doingDifferently',
      text: 'What (if anything) are you doing differently since you have been engaged in this activity?',
    },
    { n: 12, id: 'other-comments', field: 'otherComments', text: 'Any other comments?' },
    { n: 13, id: 'results', field: 'results', text: 'Mentorship results:' },
    {
      n: 14,
      id: 'mentee-benefits',
      field: 'menteeBenefits',
      text: 'What do you think are the main benefits the mentee gained or learned from the relationship?',
    },
    {
      n: 15,
      id: 'mentor-gains',
      field: 'mentorGains',
      text: 'What has the mentor gained or learned through the relationship?',
    },
    {
      n: 16,
      id: 'attitude-changes',
      field: 'attitudeChanges',
      text: 'Has your relationship changed your attitudes, values, and understanding of your constituencies today and the realities facing them? If so, in what ways?',
    },
    {
      n: 17,
      id: 'easy',
      field: 'easy',
      text: 'What is easy about having a mentee? What worked well?',
    },
    {
      n: 18,
      id: 'hard',
      field: 'hard',
      text: "What is hard about having a mentee? What didn't work?",
    },
  ],
  technicalAreas: quarterlyReportTechnicalAreas,
  activities: evaluationActivities,
  results: {
    heading: 'BECAUSE OF OUR RELATIONSHIP, I THINK I (for mentees) / MY MENTEE (for mentors) ...',
    columns: evaluationResultAnswers,
    rows: evaluationResultRows,
  },
  signatures: [
    { side: 'mentor', text: "Mentor's Signature" },
    { side: 'mentee', text: "Mentee's Signature" },
  ],
  signatureDate: 'Date',
} as const satisfies {
  annex: string;
  title: string;
  instructionsHeading: string;
  instructions: string;
  questions: readonly EvaluationQuestion[];
  technicalAreas: readonly FormOption[];
  activities: readonly FormOption[];
  results: {
    heading: string;
    columns: readonly FormOption[];
    rows: readonly { id: string; title: string; text: string }[];
  };
  signatures: readonly { side: 'mentor' | 'mentee'; text: string }[];
  signatureDate: string;
};

export type EvaluationQuestionId = (typeof evaluationForm.questions)[number]['id'];

/**
 * Where an organization's evaluation stands: none saved, saved but not signed, or signed
 * (final: it can no longer change).
 */
export const evaluationStatuses = ['not-started', 'draft', 'signed'] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];

/**
 * Whether every organization of a mentorship signed its evaluation (the end review is then
 * `submitted`).
 *
 * @example allEvaluationsSigned(['o1', 'o2'], new Set(['o1'])) // false
 */
export function allEvaluationsSigned(
  organizationIds: readonly string[],
  signed: ReadonlySet<string>,
): boolean {
  return organizationIds.length > 0 && organizationIds.every((id) => signed.has(id));
}
