/**
 * The English strings of the review screens: the states of a mentorship's scheduled
 * reviews, the "Reviews due" list and the mentor's quarterly report form. Registered into
 * the SPA's i18next instance when a screen that needs them loads, so the first page does
 * not carry them. The form's own questions are the source's words (Annex 5) and come from
 * `@sisi/domain`; `tReportText` looks them up under `quarterlyReportTexts.<id>` first, so
 * another language can translate them by id.
 *
 * Everything lives under one root key, `monitoring`, so it never collides with the others.
 */
import type { TOptions } from 'i18next';
import { addCatalog, i18n, type MessageKey } from './index.ts';
import type { Leaves } from './keys.ts';

export const enReviews = {
  monitoring: {
    states: {
      upcoming: 'Upcoming',
      requested: 'Requested',
      reminded: 'Reminded',
      overdue: 'Overdue',
      submitted: 'Submitted',
      past: 'Past',
    },
    stateLabel: 'State:',
    stateHints: {
      requested: 'Its day has come: the people concerned are asked for it.',
      reminded: 'Still missing 14 days after its date: the coordinator is reminded.',
      overdue: 'Still missing 28 days after its date: the network’s admins are told.',
      submitted: 'The report is in.',
    },
    statesFailed: 'The state of each review could not be loaded.',
    fillReport: 'Fill in quarterly report {{period}}',
    due: {
      heading: 'Reviews due',
      intro: 'Reviews waiting for you: requested, reminded or overdue.',
      introAdmin: 'Quarterly reports more than 28 days late, across the network.',
      empty: 'Nothing is waiting for you.',
      quarterly: 'Quarterly report {{period}}',
      midTerm: 'Mid-term review',
      end: 'End review',
      pair: '{{mentor}} mentoring {{mentees}}',
      unknownOrganization: 'Partner organization',
      dueOn: 'Due {{date}}',
      truncated:
        'Only your 500 newest mentorships were checked: older ones may have reviews due too.',
    },
    report: {
      title: 'Quarterly report {{period}}',
      titleNoPeriod: 'Quarterly report',
      annex: '{{annex}}: {{title}}',
      intro:
        'The mentor organization reports on the quarter: the learning objectives, the progress, and the time spent together.',
      period: 'Period',
      periodOption: 'Quarter {{period}} (due {{date}})',
      choosePeriod: 'Choose a quarter',
      noQuarters: 'This mentorship has no quarterly review.',
      notYours:
        'Only the mentor organization’s coordinator or a network admin submits the quarterly report.',
      alreadySubmitted:
        'The quarterly report for this period was already submitted, on {{date}} by {{name}}.',
      alreadySubmittedShort: 'The quarterly report for this period was already submitted.',
      backToMentorship: 'Back to the mentorship',
      mentorNameN: 'Mentor {{n}}',
      addMentorName: 'Add a mentor',
      removeMentorName: 'Remove mentor {{n}}',
      menteeNameN: 'Mentee {{n}}',
      addMenteeName: 'Add a mentee',
      removeMenteeName: 'Remove mentee {{n}}',
      name: 'Name',
      phoneHint: 'With the country code, e.g. +254 700 000 000.',
      otherArea: 'Other technical area',
      objectiveN: 'Learning objective {{n}}',
      addObjective: 'Add a learning objective',
      removeObjective: 'Remove learning objective {{n}}',
      objective: 'Learning objective',
      progress: 'Progress',
      objectivesHint: 'From the mentoring plan when it has them; change or add as needed.',
      interactionLog: 'Interaction log',
      interactionsHint:
        'One row per interaction: the day, the time it took in hours (to the quarter hour, e.g. 2.5) and what you did.',
      interactionN: 'Interaction {{n}}',
      addInteraction: 'Add an interaction',
      removeInteraction: 'Remove interaction {{n}}',
      notANumber: 'must be a number of hours, e.g. 1.5',
      totalHours: '{{hours}} hours',
      signatureHint: 'Optional: your name and the date, as a signature.',
      submit: 'Submit the quarterly report',
      submitting: 'Submitting…',
      submitted: 'Quarterly report {{period}} submitted.',
    },
  },
} as const;

/** Every key of this catalog, e.g. `'monitoring.due.heading'`. */
export type ReviewMessageKey = Leaves<typeof enReviews>;
export type ReviewTranslate = (key: ReviewMessageKey | MessageKey, options?: TOptions) => string;

// Registered once, when the first screen that imports this module loads.
const tr = addCatalog<ReviewTranslate>(enReviews, 'monitoring.due.heading');

/** The translate function of the review screens: this catalog's keys and the main one's. */
export function useReviewT(): ReviewTranslate {
  return tr;
}

/** A text of the Annex 5 form: its translation by id when a catalog has one, else the form's. */
export function tReportText(id: string, text: string): string {
  return i18n.t(`quarterlyReportTexts.${id}`, { defaultValue: text }) as string;
}
